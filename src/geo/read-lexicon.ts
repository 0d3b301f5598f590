/**
 * Reads the hand-edited TSV word lists under `lexicons/` (comment lines start with "#"). The
 * path is resolved from this file, so it works from both `src/geo` and the built `dist/geo`.
 * Generated lists too large to read comfortably are stored gzipped (`.tsv.gz`).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export function readLexicon(file: string): string[][] {
  const raw = readFileSync(new URL(`../../lexicons/${file}`, import.meta.url));
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    rows.push(line.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}
