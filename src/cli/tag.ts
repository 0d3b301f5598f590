/**
 * `storyline tag --input F.jsonl`: named-entity tags for pre-tokenised sentences, so anyone can
 * score the tagger with the shared CoNLL scorer. Reads `{"id","tokens":[...],"doc"?}` lines and
 * prints `{"id","tags":[...]}` (BIO over PER LOC ORG MISC) in input order. Consecutive lines
 * with the same `doc` value are one document (the tagger's document-level features see all of
 * them); a line without `doc` is a document of its own. A bad line gives one error naming
 * `F.jsonl:N` and a non-zero exit; the other lines are still tagged.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ERRORS } from '../doc/index.js';
import { loadNerTagger, type NerTagger } from '../nlp/ner.js';

interface TagLine {
  readonly id: string;
  readonly tokens: string[];
  readonly doc: string | null;
}

function parseLine(line: string): TagLine | string {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return ERRORS.E_BAD_JSON;
  }
  const r = row as { id?: unknown; tokens?: unknown; doc?: unknown };
  if (typeof row !== 'object' || row === null || (typeof r.id !== 'string' && typeof r.id !== 'number'))
    return `${ERRORS.E_BAD_MANIFEST}: needs "id"`;
  if (!Array.isArray(r.tokens) || !r.tokens.every((t) => typeof t === 'string'))
    return `${ERRORS.E_BAD_MANIFEST}: needs "tokens", an array of strings`;
  return {
    id: String(r.id),
    tokens: r.tokens as string[],
    doc: r.doc === undefined || r.doc === null ? null : String(r.doc),
  };
}

/** Tags every good line of a JSONL text; bad lines come back as errors with their 1-based number. */
export function tagJsonl(
  content: string,
  tagger: NerTagger,
): { output: string[]; errors: { line: number; message: string }[] } {
  const docs: TagLine[][] = [];
  const errors: { line: number; message: string }[] = [];
  content.split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      errors.push({ line: n + 1, message: parsed });
      return;
    }
    const last = docs[docs.length - 1];
    if (parsed.doc !== null && last && last[0]!.doc === parsed.doc) last.push(parsed);
    else docs.push([parsed]);
  });
  const output: string[] = [];
  for (const doc of docs) {
    const tags = tagger.tagDocument(doc.map((l) => l.tokens));
    doc.forEach((l, i) => output.push(JSON.stringify({ id: l.id, tags: tags[i] })));
  }
  return { output, errors };
}

export function registerTag(program: Command, setExit: (code: number) => void): void {
  program
    .command('tag')
    .description('Tag pre-tokenised sentences with named entities (CoNLL BIO: PER LOC ORG MISC)')
    .requiredOption('--input <file>', 'JSON Lines: {"id","tokens":[...],"doc"?}')
    .action((opts: { input: string }) => {
      let content: string;
      try {
        content = readFileSync(opts.input, 'utf8');
      } catch (err) {
        process.stderr.write(`${opts.input}: ${ERRORS.E_UNREADABLE}: ${(err as Error).message}\n`);
        setExit(1);
        return;
      }
      const tagger = loadNerTagger();
      if (!tagger) {
        process.stderr.write(`storyline tag: ${ERRORS.E_MODEL_MISSING}: models/ner.bin.gz\n`);
        setExit(2);
        return;
      }
      const { output, errors } = tagJsonl(content, tagger);
      for (const e of errors) process.stderr.write(`${opts.input}:${e.line}: ${e.message}\n`);
      if (errors.length) setExit(1);
      if (output.length) process.stdout.write(output.join('\n') + '\n');
    });
}
