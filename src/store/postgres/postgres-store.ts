/**
 * The PostgreSQL `Store` (node-postgres, pooled), with SQLite's semantics: a batch is one
 * transaction, all or nothing; reads that span statements (an article and its layers, a page of
 * an export, stats) run in one REPEATABLE READ snapshot, so they never mix two versions of an
 * article; listing and export page by `id`, a page at a time, so memory stays bounded.
 */
import { StoreOpenError } from '../open-error.js';
import { assembleArticle, groupByArticle, type ArticleRow, type EventRow } from '../rows.js';
import type { MentionRow, TimexRow } from '../rows.js';
import type { ArticleListing, CorpusFilter, PutOutcome, SearchFacets, SearchHit } from '../types.js';
import type { SearchOptions, Store, StoredArticle, StoreStats } from '../types.js';
import { createPool, inTransaction, migrate, SNAPSHOT, type PgClient, type PgPool } from './connect.js';
import { filterSql, SqlParams, whereClause } from './filter-sql.js';
import { facetCounts, searchHits } from './search.js';
import { writeArticles } from './write.js';

const PAGE = 200;
const ARTICLE_COLUMNS =
  'a.seq, a.id, a.hash, a.url, a.source, a.title, a.published, a.body, a.layers, a.pipeline_version, a.ingested_at';

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;

  private constructor(readonly pool: PgPool) {}

  /** Connects and brings the schema up to date; a server that cannot be used is a `StoreOpenError`. */
  static async open(url: string): Promise<PostgresStore> {
    const pool = createPool(url);
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end();
      throw new StoreOpenError(url, (err as Error).message || String(err));
    }
    return new PostgresStore(pool);
  }

  async putArticles(articles: readonly StoredArticle[]): Promise<PutOutcome[]> {
    if (!articles.length) return [];
    return inTransaction(this.pool, (client) => writeArticles(client, articles));
  }

  async articleVersions(
    ids: readonly string[],
  ): Promise<Map<string, { hash: string; pipeline_version: string }>> {
    const { rows } = await this.pool.query<{ id: string; hash: string; pipeline_version: string }>(
      'SELECT id, hash, pipeline_version FROM articles WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { hash: r.hash, pipeline_version: r.pipeline_version }]));
  }

  async articlesByUrl(urls: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ url: string; id: string }>(
      'SELECT url, id FROM articles WHERE url = ANY($1::text[])',
      [urls],
    );
    return new Map(rows.map((r) => [r.url, r.id]));
  }

  /** Full articles for these rows, their layers read in three queries on the same snapshot. */
  private async assemble(client: PgClient, rows: readonly ArticleRow[]): Promise<StoredArticle[]> {
    const seqs = rows.map((r) => r.seq);
    const child = async <T extends { article: number }>(sql: string) =>
      groupByArticle((await client.query<T>(sql, [seqs])).rows);
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

  async getArticle(id: string): Promise<StoredArticle | null> {
    return inTransaction(
      this.pool,
      async (client) => {
        const { rows } = await client.query<ArticleRow>(
          `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`,
          [id],
        );
        return rows.length ? (await this.assemble(client, rows))[0]! : null;
      },
      SNAPSHOT,
    );
  }

  /** Pages of matching article rows in `id` order, each page read by `read` in one snapshot. */
  private async *pages<T>(
    filter: CorpusFilter,
    columns: string,
    read: (client: PgClient, rows: ArticleRow[]) => Promise<T[]>,
  ): AsyncGenerator<T> {
    let after = '';
    for (;;) {
      const params = new SqlParams();
      const f = filterSql(filter, params);
      const sql =
        `SELECT ${columns} FROM articles a ${whereClause([...f.where, `a.id > ${params.add(after)}`])}` +
        ` ORDER BY a.id LIMIT ${PAGE}`;
      const page = await inTransaction(
        this.pool,
        async (client) => {
          const rows = (await client.query<ArticleRow>(sql, params.values)).rows;
          return { last: rows.at(-1)?.id, items: await read(client, rows) };
        },
        SNAPSHOT,
      );
      yield* page.items;
      if (page.last === undefined || page.items.length < PAGE) return;
      after = page.last;
    }
  }

  listArticles(filter: CorpusFilter = {}): AsyncIterable<ArticleListing> {
    return this.pages(filter, 'a.id, a.title, a.published, a.source, a.url', async (_client, rows) =>
      rows.map((r) => ({
        id: r.id,
        title: r.title,
        published: r.published,
        source: r.source,
        url: r.url,
        story: null,
        duplicate_of: null,
        similar: [],
      })),
    );
  }

  exportArticles(filter: CorpusFilter = {}): AsyncIterable<StoredArticle> {
    return this.pages(filter, ARTICLE_COLUMNS, (client, rows) => this.assemble(client, rows));
  }

  async search(filter: CorpusFilter, opts: SearchOptions = {}): Promise<SearchHit[]> {
    return searchHits(this.pool, filter, opts);
  }

  async countArticles(filter: CorpusFilter = {}): Promise<number> {
    const params = new SqlParams();
    const f = filterSql(filter, params);
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM articles a ${whereClause(f.where)}`,
      params.values,
    );
    return rows[0]!.n;
  }

  async facets(filter: CorpusFilter): Promise<SearchFacets> {
    return facetCounts(this.pool, filter);
  }

  async stats(): Promise<StoreStats> {
    const { rows } = await this.pool.query<{ articles: number; entities: number; events: number }>(
      'SELECT (SELECT count(*) FROM articles) AS articles,' +
        ' (SELECT count(*) FROM (SELECT 1 FROM mentions GROUP BY type, lower(canonical)) e) AS entities,' +
        ' (SELECT count(*) FROM events) AS events',
    );
    return { ...rows[0]!, stories: 0, duplicates: 0 };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
