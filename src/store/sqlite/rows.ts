/**
 * SQLite's side of reading articles back: a list of values as one JSON parameter, and whole
 * articles assembled from their rows (the layers fetched in three batched queries).
 */
import {
  assembleArticle,
  groupByArticle,
  type ArticleRow,
  type EventRow,
  type MentionRow,
  type TimexRow,
} from '../rows.js';
import type { StoredArticle } from '../types.js';
import type { SqliteDb } from './open.js';

/** `x IN (...)` over one parameter holding a JSON array of the values (`?` or a named `@param`). */
export const inJson = (param = '?'): string => `IN (SELECT value FROM json_each(${param}))`;
export const IN_JSON = inJson();

/** Full articles for these rows, their layers fetched in three batched queries. */
export function assembleRows(db: SqliteDb, rows: readonly ArticleRow[]): StoredArticle[] {
  const seqs = JSON.stringify(rows.map((r) => r.seq));
  const child = <T extends { article: number }>(sql: string) =>
    groupByArticle(db.prepare(sql).all(seqs) as T[]);
  const mentions = child<MentionRow>(
    `SELECT article, start, "end", text, type, canonical, country FROM mentions WHERE article ${IN_JSON} ORDER BY article, idx`,
  );
  const timexes = child<TimexRow>(
    `SELECT article, start, "end", text, type, value FROM timexes WHERE article ${IN_JSON} ORDER BY article, idx`,
  );
  const events = child<EventRow>(`SELECT * FROM events WHERE article ${IN_JSON} ORDER BY article, idx`);
  return rows.map((r) =>
    assembleArticle(r, mentions.get(r.seq) ?? [], timexes.get(r.seq) ?? [], events.get(r.seq) ?? []),
  );
}
