/**
 * Search and facets over the PostgreSQL store. With a text query the GIN index finds the hits,
 * `ts_rank` ranks at most the `RANK_WINDOW` most recently ingested of them (title words weigh 4
 * times body words) and `ts_headline` cuts each returned hit's snippet from its body. Without one,
 * the filters select and the newest published come first, as in SQLite.
 */
import { lead, LEAD_CHARS } from '../lead.js';
import type { CorpusFilter, FacetCount, SearchFacets, SearchHit, SearchOptions } from '../types.js';
import type { PgPool } from './connect.js';
import { filterSql, SqlParams, whereClause } from './filter-sql.js';

/**
 * Text search ranks at most this many hits, the most recently ingested ones (SQLite's window,
 * for the same reason): `ts_rank` reads each hit's vector, so an unbounded rank of a word that is
 * in most articles would read most of the table.
 */
export const RANK_WINDOW = 20_000;
/** ts_rank's weights for D, C, B, A: the title (A) counts 4 times the body (D), as SQLite's BM25 4:1. */
const RANK_WEIGHTS = '{0.25,0.25,0.25,1}';
/** ts_rank normalisation 1: divided by 1 + log(length), so long articles do not win by length alone. */
const RANK_NORMALISATION = 1;
/**
 * SQLite's snippet is 24 tokens around the matches: one fragment of at most 24 words centred on
 * them (ts_headline's default, the shortest span covering the matches, cuts 12-word snippets that
 * start at the first match).
 */
const HEADLINE = 'MaxWords=24, MinWords=12, ShortWord=3, MaxFragments=1';
const FACET_LIMIT = 10;
const DEFAULT_HIGHLIGHT = { open: '**', close: '**' };
const SEARCHABLE = /[\p{L}\p{N}]/u;

type HitRow = { id: string; title: string | null; published: string | null; source: string | null };

/** A ts_headline option value: double-quoted, inner quotes doubled. */
const optionValue = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The snippet on one line, with `…` where the body goes on before or after it (as SQLite's). */
function withEllipses(snippet: string, body: string, open: string, close: string): string {
  const text = snippet.replace(/\s+/g, ' ').trim();
  let plain = text;
  for (const marker of [open, close]) if (marker) plain = plain.split(marker).join('');
  const flat = body.replace(/\s+/g, ' ');
  const at = flat.indexOf(plain);
  if (!plain || at < 0) return text;
  const before = SEARCHABLE.test(flat.slice(0, at)) ? '…' : '';
  const after = SEARCHABLE.test(flat.slice(at + plain.length)) ? '…' : '';
  return `${before}${text}${after}`;
}

export async function searchHits(
  pool: PgPool,
  filter: CorpusFilter,
  opts: SearchOptions,
): Promise<SearchHit[]> {
  const limit = Math.max(1, Math.floor(opts.limit ?? 20));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const { open, close } = opts.highlight ?? DEFAULT_HIGHLIGHT;
  const params = new SqlParams();
  const f = filterSql(filter, params);
  if (!f.query) {
    const { rows } = await pool.query<HitRow & { body: string }>(
      `SELECT a.id, a.title, a.published, a.source, left(a.body, ${LEAD_CHARS + 1}) AS body` +
        ` FROM articles a ${whereClause(f.where)} ORDER BY a.published DESC NULLS LAST, a.seq DESC` +
        ` LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
      params.values,
    );
    return rows.map(({ body, ...hit }) => ({ ...hit, score: 0, snippet: lead(body) }));
  }
  const headline = `StartSel=${optionValue(open)}, StopSel=${optionValue(close)}, ${HEADLINE}`;
  const { rows } = await pool.query<HitRow & { rank: number; snippet: string; body: string }>(
    `WITH hits AS (SELECT a.seq, a.search FROM articles a ${whereClause(f.where)}` +
      ` ORDER BY a.seq DESC LIMIT ${RANK_WINDOW}),` +
      ` ranked AS (SELECT seq, ts_rank('${RANK_WEIGHTS}', search, ${f.query}, ${RANK_NORMALISATION}) AS rank` +
      ` FROM hits ORDER BY rank DESC, seq LIMIT ${params.add(limit)} OFFSET ${params.add(offset)})` +
      ` SELECT a.id, a.title, a.published, a.source, r.rank, a.body,` +
      ` ts_headline('english', a.body, ${f.query}, ${params.add(headline)}) AS snippet` +
      ' FROM ranked r JOIN articles a ON a.seq = r.seq ORDER BY r.rank DESC, r.seq',
    params.values,
  );
  return rows.map(({ rank, snippet, body, ...hit }) => ({
    ...hit,
    score: Number(rank.toPrecision(6)),
    snippet: withEllipses(snippet, body, open, close),
  }));
}

type FacetRow = FacetCount & { facet: keyof SearchFacets };

/** Counts among all the articles the filter selects, each in articles, top ten of each: one statement. */
export async function facetCounts(pool: PgPool, filter: CorpusFilter): Promise<SearchFacets> {
  const params = new SqlParams();
  const f = filterSql(filter, params);
  // values compare bytewise (COLLATE "C"), as in SQLite, whatever the database's locale
  const top = (facet: keyof SearchFacets, select: string) =>
    `(SELECT '${facet}' AS facet, ${select} ORDER BY count DESC, value LIMIT ${FACET_LIMIT})`;
  const sql =
    `WITH hits AS MATERIALIZED (SELECT a.seq FROM articles a ${whereClause(f.where)}) ` +
    [
      top(
        'entities',
        'min(canonical COLLATE "C") AS value, count(DISTINCT article) AS count FROM mentions' +
          ' WHERE article IN (SELECT seq FROM hits) GROUP BY lower(canonical)',
      ),
      top(
        'types',
        'type COLLATE "C" AS value, count(DISTINCT article) AS count FROM events' +
          ' WHERE article IN (SELECT seq FROM hits) GROUP BY type',
      ),
      top(
        'sources',
        'min(source COLLATE "C") AS value, count(*) AS count FROM articles' +
          ' WHERE seq IN (SELECT seq FROM hits) AND source IS NOT NULL GROUP BY lower(source)',
      ),
      top(
        'months',
        'substr(published, 1, 7) AS value, count(*) AS count FROM articles' +
          ' WHERE seq IN (SELECT seq FROM hits) AND length(published) >= 7 GROUP BY 2',
      ),
    ].join(' UNION ALL ');
  const { rows } = await pool.query<FacetRow>(sql, params.values);
  const facets: SearchFacets = { entities: [], types: [], sources: [], months: [] };
  for (const { facet, value, count } of rows) facets[facet].push({ value, count });
  for (const list of Object.values(facets) as FacetCount[][])
    list.sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  return facets;
}
