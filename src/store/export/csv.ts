/** `export --format csv`: one row per event (RFC 4180 quoting), with its article's metadata. */
import { articleEvents } from './event-rows.js';
import type { StoredArticle } from '../types.js';

export const CSV_COLUMNS = [
  'article_id',
  'published',
  'title',
  'source',
  'url',
  'event_id',
  'type',
  'mode',
  'modality',
  'date',
  'source_name',
  'source_country',
  'target_name',
  'target_country',
  'evidence_start',
  'evidence_end',
  'evidence_text',
] as const;

export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly (string | number | null | undefined)[]): string =>
  `${values.map(csvField).join(',')}\r\n`;

export function csvRows(article: StoredArticle): string {
  return articleEvents(article)
    .map(({ event: e, id, evidence }) =>
      csvLine([
        article.id,
        article.published,
        article.title,
        article.source,
        article.url,
        id,
        e.type,
        e.mode,
        e.modality,
        e.date,
        e.source?.name,
        e.source?.country,
        e.target?.name,
        e.target?.country,
        e.evidence.start,
        e.evidence.end,
        evidence,
      ]),
    )
    .join('');
}
