/**
 * The export formats, driver-independent: each turns one stored article into the text it adds
 * to each of the format's output files, so an export streams article by article.
 */
import type { StoredArticle } from '../types.js';
import { CSV_COLUMNS, csvLine, csvRows } from './csv.js';
import { gdeltRows } from './gdelt.js';
import { ploverRecords } from './plover.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatter {
  /** The format's files: suffixes added to `--out` (one file: the empty suffix, or stdout). */
  readonly files: readonly string[];
  readonly header: readonly string[];
  /** The text one article adds to each file, in `files` order. */
  rows(article: StoredArticle): readonly string[];
}

/** The analyze contract's shape: exactly the fields `storyline analyze` prints, in its order. */
export function analyzeShape(a: StoredArticle): string {
  const { id, title, published, body, entities, timexes, events } = a;
  return `${JSON.stringify({ id, title, published, body, entities, timexes, events })}\n`;
}

export function exportFormatter(format: ExportFormat): ExportFormatter {
  switch (format) {
    case 'jsonl':
      return { files: [''], header: [''], rows: (a) => [analyzeShape(a)] };
    case 'csv':
      return { files: [''], header: [csvLine(CSV_COLUMNS)], rows: (a) => [csvRows(a)] };
    case 'plover':
      return { files: [''], header: [''], rows: (a) => [ploverRecords(a)] };
    case 'gdelt':
      return {
        files: ['.export.CSV', '.mentions.CSV'],
        header: ['', ''],
        rows: (a) => {
          const { events, mentions } = gdeltRows(a);
          return [events, mentions];
        },
      };
  }
}

export * from './cameo.js';
export * from './csv.js';
export * from './gdelt.js';
export * from './plover.js';
export * from './event-rows.js';
