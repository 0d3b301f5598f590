/**
 * Every page and text in ../shared/data as raw articles, the way a user would hand them to
 * `storyline analyze`: the AEB pages as HTML, and as plain text the ECB+ articles, the MEANTIME
 * documents, the CoNLL-2003 documents, the TempEval documents and the PLOVER GSR sentences.
 * Tokenised corpora (MEANTIME, CoNLL) are joined back into running text. Read lazily, one
 * article at a time, so a soak run holds one corpus line in memory, not the corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ok, type Result } from '../src/doc/index.js';
import type { RawArticle } from '../src/ingest/index.js';

export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));

export interface SharedArticle {
  /** Which corpus it came from: aeb, ecbplus, meantime, conll, tempeval, gsr. */
  readonly corpus: string;
  readonly raw: RawArticle;
}

const shared = (...parts: string[]): string => path.join(SHARED_DATA, ...parts);

/** Tokens joined with spaces, then the spaces a tokenizer put before punctuation taken out again. */
export function joinTokens(tokens: readonly string[]): string {
  return tokens
    .join(' ')
    .replace(/ ([.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't)(?= |$)/g, '$1')
    .replace(/([([{$]) /g, '$1');
}

function* jsonLines(file: string): Generator<Record<string, unknown>> {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n'))
    if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function* aebPages(): AsyncGenerator<SharedArticle> {
  const dir = shared('extraction', 'aeb', 'html');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const html = await readFile(file, 'utf8');
    yield { corpus: 'aeb', raw: { id: name.replace(/\.html$/, ''), input: file, html } };
  }
}

function* jsonlTexts(
  corpus: string,
  file: string,
  textKey: string,
  dateKey: string,
): Generator<SharedArticle> {
  let n = 0;
  for (const row of jsonLines(file)) {
    n++;
    const text = str(row[textKey]) ?? '';
    const title = str(row.title);
    yield {
      corpus,
      raw: {
        id: String(row.id ?? n),
        input: `${file}:${n}`,
        text: title ? `${title}\n\n${text}` : text,
        published: str(row[dateKey]),
      },
    };
  }
}

function* meantimeDocs(): Generator<SharedArticle> {
  const dir = shared('events', 'meantime', 'intra-doc_annotation');
  if (!existsSync(dir)) return;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'));
  for (const f of files.sort()) {
    const xml = readFileSync(path.join(dir, f), 'utf8');
    const sentences = new Map<string, string[]>();
    for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
      const word = m[2]!
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&lt;/g, '<');
      sentences.set(m[1]!, [
        ...(sentences.get(m[1]!) ?? []),
        word.replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
      ]);
    }
    const lines = [...sentences.values()].map(joinTokens);
    // Sentence 0 is the headline and 1 the date line; the rest is the body.
    const text = [lines[0] ?? '', lines[1] ?? '', lines.slice(2).join(' ')].join('\n\n');
    yield { corpus: 'meantime', raw: { id: path.basename(f, '.xml'), input: f, text } };
  }
}

function* conllDocs(): Generator<SharedArticle> {
  for (const split of ['train', 'dev', 'test']) {
    const file = shared('ner', 'conll2003', `${split}.jsonl`);
    let doc: unknown = null;
    let lines: string[] = [];
    const flush = (): SharedArticle => ({
      corpus: 'conll',
      raw: {
        id: `conll-${split}-${String(doc)}`,
        input: `${file}#doc${String(doc)}`,
        text: lines.join('\n'),
      },
    });
    for (const row of jsonLines(file)) {
      if (row.doc !== doc && lines.length) yield flush();
      if (row.doc !== doc) lines = [];
      doc = row.doc;
      lines.push(joinTokens(row.tokens as string[]));
    }
    if (lines.length) yield flush();
  }
}

/** One pass over every shared article, corpus by corpus, in a fixed order. */
export async function* sharedArticles(): AsyncGenerator<SharedArticle> {
  yield* aebPages();
  yield* jsonlTexts('ecbplus', shared('clustering', 'ecbplus.jsonl'), 'text', 'date');
  yield* meantimeDocs();
  yield* conllDocs();
  for (const set of ['timebank', 'aquaint', 'te3-platinum'])
    yield* jsonlTexts('tempeval', shared('timex', `${set}.jsonl`), 'text', 'dct');
  yield* jsonlTexts('gsr', shared('events', 'plover', 'gsr.jsonl'), 'sentence', 'date');
}

/** As `Result<RawArticle>` for `analyzeRaws`, with the corpus kept beside each in `corpora`. */
export async function* sharedRaws(corpora: string[], passes = 1): AsyncGenerator<Result<RawArticle>> {
  for (let pass = 0; pass < passes; pass++)
    for await (const a of sharedArticles()) {
      corpora.push(a.corpus);
      yield ok(a.raw);
    }
}
