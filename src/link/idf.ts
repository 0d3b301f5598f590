/**
 * Inverse document frequency of words, from a fixed table built once from general news
 * (`scripts/build-idf.ts` -> `models/idf.tsv.gz`). A fixed table keeps story links independent
 * of the order articles arrive in: document counts kept by the store would change every
 * article's weights as the corpus grows.
 *
 * idf(w) = ln((N + 1) / (df(w) + 1)) + 1 (smoothed, always > 1). A word not in the table (the
 * table keeps words seen in at least two documents) counts as seen in none: ln(N + 1) + 1.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const IDF_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'models',
  'idf.tsv.gz',
);

export class IdfTable {
  private readonly idfs = new Map<string, number>();
  /** The weight of a word the table does not hold. */
  readonly unknown: number;

  constructor(
    readonly documents: number,
    documentFrequency: Iterable<readonly [string, number]>,
  ) {
    for (const [word, df] of documentFrequency) this.idfs.set(word, Math.log((documents + 1) / (df + 1)) + 1);
    this.unknown = Math.log(documents + 1) + 1;
  }

  idf(word: string): number {
    return this.idfs.get(word) ?? this.unknown;
  }

  get size(): number {
    return this.idfs.size;
  }
}

/** `#documents\tN` then `word\tdf` lines, as the build script writes them. */
export function parseIdfTable(tsv: string): IdfTable {
  const lines = tsv.split('\n');
  const header = /^#documents\t(\d+)$/.exec(lines[0] ?? '');
  if (!header) throw new Error('IDF table: the first line must be "#documents\\tN"');
  const rows: [string, number][] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    rows.push([line.slice(0, tab), Number(line.slice(tab + 1))]);
  }
  return new IdfTable(Number(header[1]), rows);
}

let shipped: IdfTable | null = null;

/** The shipped table, read once. */
export function loadIdfTable(): IdfTable {
  return (shipped ??= parseIdfTable(gunzipSync(readFileSync(IDF_FILE)).toString('utf8')));
}
