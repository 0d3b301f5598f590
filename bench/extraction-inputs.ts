/**
 * Extraction over every input in ../shared/data, to show it never throws: HTML pages as HTML,
 * each JSON Lines record's text as plain text, and every other file (XML, JSON, Markdown) both
 * as HTML and as plain text, since a crawler brings whatever it finds. Prints the throws (each
 * one a bug) and the outcomes by code.
 *   npx tsx bench/extraction-inputs.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDoc } from '../src/extract/index.js';
import { rawFromBytes, type RawArticle } from '../src/ingest/index.js';

const root = fileURLToPath(new URL('../../shared/data/', import.meta.url));
if (!existsSync(root)) {
  console.log(
    `bench/extraction-inputs: ${root} not found; put the shared data beside the repository to run it.`,
  );
  process.exit(0);
}

const files: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(root);

let calls = 0;
let throws = 0;
const outcomes = new Map<string, number>();
function run(raw: RawArticle, anyLanguage = false): void {
  calls++;
  try {
    const out = extractDoc(raw, { anyLanguage });
    const key = out.ok ? 'Doc' : out.error.code;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  } catch (err) {
    throws++;
    console.log(`THROW ${raw.input}: ${(err as Error).message}`);
  }
}

/** A JSON Lines record with a text (or CoNLL-style tokens), or null for anything else. */
function parseRecord(line: string): { text?: unknown; tokens?: unknown } | null {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as { text?: unknown; tokens?: unknown }) : null;
  } catch {
    return null; // a blank line, or not JSON
  }
}

const start = performance.now();
for (const file of files) {
  const rel = path.relative(root, file);
  const bytes = readFileSync(file);
  if (file.endsWith('.html')) {
    const raw = rawFromBytes(bytes, rel, rel, 'html');
    if (raw.ok) run(raw.value);
  } else if (file.endsWith('.jsonl')) {
    bytes
      .toString('utf8')
      .split('\n')
      .forEach((line, i) => {
        const record = parseRecord(line);
        const tokens = record?.tokens;
        const text =
          typeof record?.text === 'string' ? record.text : Array.isArray(tokens) ? tokens.join(' ') : null;
        if (text !== null) run({ id: `${rel}:${i + 1}`, input: `${rel}:${i + 1}`, text });
      });
  } else {
    const text = bytes.toString('utf8');
    run({ id: rel, input: rel, html: text }, true);
    run({ id: rel, input: rel, text });
  }
}
const seconds = ((performance.now() - start) / 1000).toFixed(1);
console.log(`${files.length} files, ${calls} extractions, ${throws} throws, ${seconds} s`);
console.log([...outcomes].map(([k, n]) => `${k} ${n}`).join(', '));
