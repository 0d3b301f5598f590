/**
 * Search and facets over the SQLite store. With a text query FTS5 drives: the filters are
 * probes per hit, BM25 ranks at most the `RANK_WINDOW` most recently ingested hits, and each
 * returned hit gets a snippet of its own body. Without one, the filters select and the newest
 * published come first.
 */
import type { CorpusFilter, FacetCount, SearchFacets, SearchHit, SearchOptions } from '../types.js';
import { lead } from '../lead.js';
import { filterSql, whereClause, type FilterSql } from './filter-sql.js';
import type { SqliteDb } from './open.js';
import { statement } from './statements.js';

/**
 * Text search ranks at most this many hits: the most recently ingested ones. BM25 costs about a
 * microsecond per hit, so this bounds a search for a word that is in most articles (whose BM25
 * is near zero anyway: so is its inverse document frequency) to a few milliseconds.
 */
export const RANK_WINDOW = 20_000;
const FACET_LIMIT = 10;
const SNIPPET_TOKENS = 24;
const DEFAULT_HIGHLIGHT = { open: '**', close: '**' };
const IN_JSON = 'IN (SELECT value FROM json_each(?))';

type Hit = { seq: number; id: string; title: string | null; published: string | null; source: string | null };

/** `where`: the filter on `articles a` (used when there is no text query). */
export function searchHits(
  db: SqliteDb,
  filter: CorpusFilter,
  opts: SearchOptions,
  where: FilterSql,
): SearchHit[] {
  const limit = Math.max(1, Math.floor(opts.limit ?? 20));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const { open, close } = opts.highlight ?? DEFAULT_HIGHLIGHT;
  if (!filter.text) {
    const rows = statement(
      db,
      `SELECT a.seq, a.id, a.title, a.published, a.source, a.body FROM articles a ${whereClause(where.where)}` +
        ' ORDER BY a.published DESC, a.seq DESC LIMIT @limit OFFSET @offset',
    ).all({ ...where.params, limit, offset }) as (Hit & { body: string })[];
    return rows.map(({ body, seq: _seq, ...hit }) => ({ ...hit, score: 0, snippet: lead(body) }));
  }
  const f = filterSql(filter, { key: 'f.rowid' });
  const conditions = whereClause(['articles_fts MATCH @match', ...f.where]);
  return db.transaction(() => {
    const floor = statement(
      db,
      `SELECT f.rowid AS seq FROM articles_fts f ${conditions} ORDER BY f.rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`,
    ).get(f.params) as { seq: number } | undefined;
    // A BigInt binds as INTEGER; FTS5 ignores a rowid constraint bound as a JS number (REAL).
    const ranked = statement(
      db,
      `SELECT f.rowid AS seq, bm25(articles_fts, 4.0, 1.0) AS rank FROM articles_fts f ${conditions}` +
        ' AND f.rowid >= @floor ORDER BY rank, f.rowid LIMIT @limit OFFSET @offset',
    ).all({ ...f.params, floor: BigInt(floor?.seq ?? 0), limit, offset }) as { seq: number; rank: number }[];
    const seqs = JSON.stringify(ranked.map((r) => r.seq));
    const meta = statement(
      db,
      `SELECT seq, id, title, published, source FROM articles WHERE seq ${IN_JSON}`,
    ).all(seqs) as Hit[];
    const bySeq = new Map(meta.map((h) => [h.seq, h]));
    // The page's snippets in one query (json_each's values are INTEGERs, as FTS5 needs).
    const snippets = statement(
      db,
      `SELECT rowid AS seq, snippet(articles_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS s FROM articles_fts` +
        ` WHERE articles_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@seqs))`,
    ).all({ match: f.match, open, close, seqs }) as { seq: number; s: string }[];
    const snippetOf = new Map(snippets.map((r) => [r.seq, r.s]));
    return ranked.map(({ seq, rank }) => {
      const { seq: _seq, ...hit } = bySeq.get(seq)!;
      const snippet = (snippetOf.get(seq) ?? '').replace(/\s+/g, ' ');
      return { ...hit, score: Math.round(-rank * 1000) / 1000, snippet };
    });
  })();
}

/** Counts among all the articles `where` selects, each in articles, top ten of each. */
export function facetCounts(db: SqliteDb, where: FilterSql): SearchFacets {
  const hits = `WITH hits AS (SELECT a.seq FROM articles a ${whereClause(where.where)})`;
  const count = (sql: string): FacetCount[] =>
    db
      .prepare(`${hits} ${sql} ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`)
      .all(where.params) as FacetCount[];
  return db.transaction(() => ({
    entities: count(
      'SELECT canonical AS value, COUNT(DISTINCT article) AS count FROM mentions WHERE article IN hits GROUP BY canonical',
    ),
    types: count(
      'SELECT type AS value, COUNT(DISTINCT article) AS count FROM events WHERE article IN hits GROUP BY type',
    ),
    sources: count(
      'SELECT source AS value, COUNT(*) AS count FROM articles WHERE seq IN hits AND source IS NOT NULL GROUP BY source',
    ),
    months: count(
      'SELECT substr(published, 1, 7) AS value, COUNT(*) AS count FROM articles' +
        ' WHERE seq IN hits AND length(published) >= 7 GROUP BY value',
    ),
  }))();
}
