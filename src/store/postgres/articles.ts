/**
 * Whole articles read back from PostgreSQL: the article columns, and the layers of a page of rows
 * fetched in three queries (run them on one snapshot, or in the link pass's transaction).
 */
import { assembleArticle, groupByArticle, type ArticleRow, type EventRow } from '../rows.js';
import type { MentionRow, TimexRow } from '../rows.js';
import type { StoredArticle } from '../types.js';
import { query, type PgClient } from './connect.js';

export const ARTICLE_COLUMNS =
  'a.seq, a.id, a.hash, a.url, a.source, a.title, a.published, a.body, a.layers, a.pipeline_version, a.ingested_at';

export async function assembleArticles(
  client: PgClient,
  rows: readonly ArticleRow[],
): Promise<StoredArticle[]> {
  const seqs = rows.map((r) => r.seq);
  const child = async <T extends { article: number }>(sql: string) =>
    groupByArticle((await query<T>(client, sql, [seqs])).rows);
  const where = 'WHERE article = ANY($1::bigint[]) ORDER BY article, idx';
  const mentions = await child<MentionRow>(
    `SELECT article, start, "end", text, type, canonical, country FROM mentions ${where}`,
  );
  const timexes = await child<TimexRow>(
    `SELECT article, start, "end", text, type, value FROM timexes ${where}`,
  );
  const events = await child<EventRow>(`SELECT * FROM events ${where}`);
  return rows.map((r) =>
    assembleArticle(r, mentions.get(r.seq) ?? [], timexes.get(r.seq) ?? [], events.get(r.seq) ?? []),
  );
}
