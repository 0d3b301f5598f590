/**
 * Reads the NER corpora in ../shared/data/ner (one JSON sentence per line) for the training and
 * cluster scripts, mapping GMB's tag set onto CoNLL's four types, and unlabelled news text for
 * the word clusters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';

export interface LabelledSentence {
  readonly id: string;
  /** Sentences sharing a doc are one document; absent means the sentence stands alone. */
  readonly doc: string | null;
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const nerDataDir = path.resolve(repoRoot, '..', 'shared', 'data', 'ner');

/** GMB types to CoNLL types: places -> LOC, nationalities/groups (gpe, nat), events, artefacts -> MISC. */
const GMB_TYPES: Record<string, string | null> = {
  geo: 'LOC',
  org: 'ORG',
  per: 'PER',
  gpe: 'MISC',
  nat: 'MISC',
  eve: 'MISC',
  art: 'MISC',
  tim: null,
};

function mapGmbTag(tag: string): string {
  if (tag === 'O') return 'O';
  const [bio, type] = tag.split('-') as [string, string];
  const mapped = GMB_TYPES[type.toLowerCase()];
  return mapped ? `${bio}-${mapped}` : 'O';
}

export function readJsonl(file: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; doc?: number | string; tokens: string[]; tags?: string[] };
    out.push({
      id: row.id,
      doc: row.doc === undefined ? null : String(row.doc),
      tokens: row.tokens,
      tags: row.tags ?? row.tokens.map(() => 'O'),
    });
  }
  return out;
}

export function readConll(split: 'train' | 'dev' | 'test'): LabelledSentence[] {
  return readJsonl(path.join(nerDataDir, 'conll2003', `${split}.jsonl`));
}

/** GMB sentences with tags mapped to CoNLL's; GMB lines have no doc, so each stands alone. */
export function readGmb(): LabelledSentence[] {
  return readJsonl(path.join(nerDataDir, 'gmb', 'gmb.jsonl')).map((s) => ({
    ...s,
    tags: s.tags.map(mapGmbTag),
  }));
}

/** Groups sentences into documents by their doc field; sentences without one stand alone. */
export function groupDocuments<T extends { doc: string | null }>(sentences: readonly T[]): T[][] {
  const docs: T[][] = [];
  let last: string | null = null;
  for (const s of sentences) {
    if (s.doc === null || s.doc !== last || docs.length === 0) docs.push([s]);
    else docs[docs.length - 1]!.push(s);
    last = s.doc;
  }
  return docs;
}

function spans(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number): void => {
    if (start >= 0) out.add(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((t, i) => {
    const ty = t.slice(2);
    if (t === 'O') close(i);
    else if (t.startsWith('B-') || ty !== type || start < 0) {
      close(i);
      start = i;
      type = ty;
    }
  });
  close(tags.length);
  return out;
}

/** Entity-level exact-match micro F1 (the conlleval metric), for choosing settings on dev. */
export function entityF1(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): number {
  let tp = 0;
  let np = 0;
  let ng = 0;
  gold.forEach((g, i) => {
    const gs = spans(g);
    const ps = spans(pred[i]!);
    ng += gs.size;
    np += ps.size;
    for (const s of ps) if (gs.has(s)) tp++;
  });
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

const sharedDataDir = path.resolve(repoRoot, '..', 'shared', 'data');
/** CoNLL's spelling of quotes, which the tagger is fed. */
const asConll = (w: string): string => w.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/**
 * Unlabelled news sentences (token lists) for the word clusters: the MEANTIME Wikinews documents
 * (their own tokens, each document once), and the TimeBank, AQUAINT, ECB+ and AEB article texts
 * (split and tokenised by our own splitter and tokenizer). Missing files are skipped.
 */
export function readUnlabelledText(): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  const meantime = path.join(sharedDataDir, 'events', 'meantime');
  const xmlFiles = existsSync(meantime)
    ? readdirSync(meantime, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'))
    : [];
  for (const f of xmlFiles) {
    const xml = readFileSync(path.join(meantime, f), 'utf8');
    const id = /doc_id="([^"]+)"/.exec(xml)?.[1] ?? f;
    if (seen.has(id)) continue;
    seen.add(id);
    const bySentence = new Map<string, string[]>();
    for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
      const list = bySentence.get(m[1]!) ?? [];
      list.push(asConll(decodeXml(m[2]!)));
      bySentence.set(m[1]!, list);
    }
    out.push(...bySentence.values());
  }
  const texts: string[] = [];
  for (const file of ['timex/timebank.jsonl', 'timex/aquaint.jsonl', 'clustering/ecbplus.jsonl']) {
    const p = path.join(sharedDataDir, file);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text?: string }).text ?? '');
    }
  }
  const aeb = path.join(sharedDataDir, 'extraction', 'aeb', 'ground-truth.json');
  if (existsSync(aeb)) {
    const pages = JSON.parse(readFileSync(aeb, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const page of Object.values(pages)) texts.push(page.articleBody ?? '');
  }
  for (const text of texts) {
    for (const s of splitSentences(text)) {
      const tokens = tokenize(text, s.start, s.end).map((t) => asConll(text.slice(t.start, t.end)));
      if (tokens.length) out.push(tokens);
    }
  }
  return out;
}

function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
