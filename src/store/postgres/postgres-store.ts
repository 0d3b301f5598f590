/**
 * The PostgreSQL `Store` (node-postgres, pooled), with SQLite's semantics: a batch is one
 * transaction, all or nothing; reads that span statements (an article and its layers, a page of
 * an export, stats) run in one REPEATABLE READ snapshot, so they never mix two versions of an
 * article; listing and export page by `id`, a page at a time, so memory stays bounded.
 */
import { StoreOpenError } from '../open-error.js';
import type { ArticleRow } from '../rows.js';
import type { ArticleListing, CorpusFilter, PutOutcome, SearchFacets, SearchHit } from '../types.js';
import type { SearchOptions, Store, StoredArticle, StoreStats } from '../types.js';
import type { ArticleLinks, CooccurringEntity, EntityProfile, LinkQueries } from '../types.js';
import type { StoryDetail, StorySummary, TimelineEvent, TimelineQuery } from '../types.js';
import { StoryStates, type LinkableStore, type LinkSession } from '../link-session.js';
import { ARTICLE_COLUMNS, assembleArticles } from './articles.js';
import {
  bumpContentVersion,
  createPool,
  inTransaction,
  LOCK_SPACE,
  migrate,
  SNAPSHOT,
  type PgClient,
  type PgPool,
} from './connect.js';
import { PostgresLinkQueries } from './link-queries.js';
import { withLinkFields } from '../link-rows.js';
import { PostgresLinkSession } from './link-session.js';
import { filterSql, SqlParams, whereClause } from './filter-sql.js';
import { facetCounts, searchHits } from './search.js';
import { writeArticles } from './write.js';

const PAGE = 200;
/** The advisory lock (with `LOCK_SPACE`) a link transaction holds: one linker at a time. */
const LINK_LOCK = 2;
/** Every table the link pass writes, emptied together by `unlinkAll`. */
const LINK_TABLES =
  'event_reports, merged_events, entity_mentions, entity_roles, entity_keys, entity_forms, entities,' +
  ' article_similar, article_bands, article_links, story_keys, stories';

export class PostgresStore implements Store, LinkQueries, LinkableStore {
  readonly kind = 'postgres' as const;
  private readonly links = new PostgresLinkQueries();
  /** Parsed story states the link pass reads again and again (docs/limits.md). */
  private readonly storyStates = new StoryStates();

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
    return inTransaction(this.pool, async (client) => {
      const outcomes = await writeArticles(client, articles);
      if (outcomes.some((o) => o !== 'unchanged')) await bumpContentVersion(client);
      return outcomes;
    });
  }

  /** The `store_version` row, bumped by every transaction that changes articles or links. */
  async contentVersion(): Promise<string | null> {
    const { rows } = await this.pool.query<{ version: number }>('SELECT version FROM store_version');
    return String(rows[0]!.version);
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

  async getArticle(id: string): Promise<StoredArticle | null> {
    return inTransaction(
      this.pool,
      async (client) => {
        const { rows } = await client.query<ArticleRow>(
          `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = $1`,
          [id],
        );
        return rows.length ? (await assembleArticles(client, rows))[0]! : null;
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
    return this.pages(filter, 'a.seq, a.id, a.title, a.published, a.source, a.url', (client, rows) =>
      this.listings(client, rows),
    );
  }

  private async listings(
    client: PgClient,
    rows: readonly Pick<ArticleRow, 'seq' | 'id' | 'title' | 'published' | 'source' | 'url'>[],
  ): Promise<ArticleListing[]> {
    return withLinkFields(
      rows,
      await this.links.linkFields(
        client,
        rows.map((r) => r.seq),
      ),
    );
  }

  exportArticles(filter: CorpusFilter = {}): AsyncIterable<StoredArticle> {
    return this.pages(filter, ARTICLE_COLUMNS, (client, rows) => assembleArticles(client, rows));
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
    const { rows } = await this.pool.query<StoreStats>(
      'SELECT (SELECT count(*) FROM articles) AS articles,' +
        ' (SELECT count(*) FROM entities WHERE mentions > 0) AS entities,' +
        ' (SELECT count(*) FROM merged_events) AS events,' +
        ' (SELECT count(*) FROM stories WHERE size > 0) AS stories,' +
        ' (SELECT count(*) FROM article_links WHERE duplicate_of IS NOT NULL) AS duplicates',
    );
    return rows[0]!;
  }

  /**
   * One link batch in one transaction, under an advisory lock: linking is order-sensitive, so
   * however many workers share the store, one links at a time (docs/scaling.md).
   */
  async linkSession<T>(fn: (session: LinkSession) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LINK_LOCK]);
        const session = await PostgresLinkSession.open(client, this.storyStates);
        const out = await fn(session);
        await session.saveCounter();
        return out;
      });
    } catch (err) {
      // States saved by the rolled-back batch may carry versions another batch will reuse.
      this.storyStates.clear();
      throw err;
    }
  }

  /** Whether a link batch holds the link lock now (another process's, or this one's). */
  async linkInProgress(): Promise<boolean> {
    const { rows } = await this.pool.query<{ held: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted" +
        ' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())' +
        ' AND classid = $1 AND objid = $2) AS held',
      [LOCK_SPACE, LINK_LOCK],
    );
    return rows[0]!.held;
  }

  async unlinkAll(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LINK_LOCK]);
      await client.query(`TRUNCATE ${LINK_TABLES} RESTART IDENTITY`);
      await bumpContentVersion(client);
      await client.query("UPDATE link_counter SET value = CASE name WHEN 'epoch' THEN value + 1 ELSE 0 END");
      await client.query('INSERT INTO link_queue (article) SELECT seq FROM articles ON CONFLICT DO NOTHING');
    });
  }

  /** A read of linked data on one snapshot. */
  private read<T>(fn: (client: PgClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn, SNAPSHOT);
  }

  findEntities(name: string, opts: { limit?: number } = {}): Promise<EntityProfile[]> {
    return this.read((c) => this.links.findEntities(c, name, opts.limit));
  }

  articleLinks(id: string): Promise<ArticleLinks | null> {
    return this.read((c) => this.links.articleLinks(c, id));
  }

  listEntities(opts: { limit?: number; offset?: number; type?: string } = {}): Promise<EntityProfile[]> {
    return this.read((c) => this.links.listEntities(c, opts.limit, opts.offset, opts.type));
  }

  getEntity(id: string): Promise<EntityProfile | null> {
    return this.read((c) => this.links.getEntity(c, id));
  }

  cooccurring(id: string, opts: { limit?: number } = {}): Promise<CooccurringEntity[]> {
    return this.read((c) => this.links.cooccurring(c, id, opts.limit));
  }

  timeline(query: TimelineQuery): Promise<TimelineEvent[]> {
    return this.read((c) => this.links.timeline(c, query));
  }

  events(filter: CorpusFilter, opts: { limit?: number; offset?: number } = {}): Promise<TimelineEvent[]> {
    return this.read((c) => this.links.events(c, filter, opts.limit, opts.offset));
  }

  listStories(opts: { limit?: number; offset?: number } = {}): Promise<StorySummary[]> {
    return this.read((c) => this.links.listStories(c, opts.limit, opts.offset));
  }

  getStory(id: string): Promise<StoryDetail | null> {
    return this.read((c) =>
      this.links.getStory(c, id, async (client, seqs) => {
        const { rows } = await client.query<ArticleRow>(
          'SELECT seq, id, title, published, source, url FROM articles WHERE seq = ANY($1::bigint[])',
          [seqs],
        );
        const bySeq = new Map(rows.map((r) => [r.seq, r]));
        return this.listings(
          client,
          seqs.map((s) => bySeq.get(s)!),
        );
      }),
    );
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
