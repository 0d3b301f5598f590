/**
 * The SQLite `Store` (better-sqlite3). Writes go in IMMEDIATE transactions, so a batch is all
 * or nothing and a second process waits for the lock instead of failing half-way. Reads that
 * stream (listing, export) page by `id` and read each page in one short transaction, so memory
 * stays bounded and a page never mixes two versions of an article.
 */
import type { StoredArticle, PutOutcome, Store, CorpusFilter, SearchHit, SearchOptions } from '../types.js';
import type { ArticleListing, SearchFacets, StoreStats, LinkQueries, EntityProfile } from '../types.js';
import type {
  ArticleLinks,
  CooccurringEntity,
  StoryDetail,
  StorySummary,
  TimelineEvent,
  TimelineQuery,
} from '../types.js';
import { statement } from './statements.js';
import { articleFacts, type FactKind } from '../facts.js';
import { StoryStates, type LinkableStore, type LinkSession } from '../link-session.js';
import { filterSql, whereClause, type FilterSqlOptions } from './filter-sql.js';
import { openSqlite, type OpenSqliteOptions, type SqliteDb } from './open.js';
import { facetCounts, searchHits } from './search.js';
import { assembleRows, IN_JSON } from './rows.js';
import { layerNames, layerRows, type ArticleRow } from '../rows.js';
import { SqliteLinkSession } from './link-session.js';
import { SqliteLinkQueries } from './link-queries.js';
import { withLinkFields } from '../link-rows.js';

const PAGE = 200;
/** Every table the link pass writes, children before parents. */
const LINK_TABLES = [
  'event_reports',
  'merged_events',
  'entity_mentions',
  'entity_roles',
  'entity_keys',
  'entity_forms',
  'entities',
  'article_similar',
  'article_bands',
  'article_links',
  'story_keys',
  'stories',
];
/** A fact fewer articles have than this is a set to start from rather than a probe per article. */
const RARE_FACT = 2_000;

const ids = (values: readonly (string | number)[]): string => JSON.stringify(values);

export class SqliteStore implements Store, LinkQueries, LinkableStore {
  readonly kind = 'sqlite' as const;
  private readonly db: SqliteDb;
  private readonly insertArticle;
  private readonly insertMention;
  private readonly insertTimex;
  private readonly insertEvent;
  private readonly insertFact;
  private readonly findVersion;
  private readonly deleteArticle;
  private readonly countFact;
  private readonly links: SqliteLinkQueries;
  /** Parsed story states the link pass reads again and again (docs/limits.md). */
  private readonly storyStates = new StoryStates();

  constructor(
    readonly file: string,
    opts: OpenSqliteOptions = {},
  ) {
    this.db = openSqlite(file, opts);
    const db = this.db;
    this.insertArticle = db.prepare(
      'INSERT INTO articles (id, hash, url, source, title, published, body, layers, pipeline_version, ingested_at)' +
        ' VALUES (@id, @hash, @url, @source, @title, @published, @body, @layers, @pipeline_version, @ingested_at)',
    );
    this.insertMention = db.prepare(
      'INSERT INTO mentions (article, idx, start, "end", text, type, canonical, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertTimex = db.prepare(
      'INSERT INTO timexes (article, idx, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertEvent = db.prepare(
      'INSERT INTO events (article, idx, type, mode, modality, date, source_name, source_country,' +
        ' target_name, target_country, evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFact = db.prepare('INSERT INTO article_facts (kind, value, article) VALUES (?, ?, ?)');
    this.countFact = db.prepare(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM article_facts WHERE kind = ? AND value = ? LIMIT ${RARE_FACT})`,
    );
    this.findVersion = db.prepare('SELECT seq, hash, pipeline_version FROM articles WHERE id = ?');
    this.deleteArticle = db.prepare('DELETE FROM articles WHERE seq = ?');
    this.links = new SqliteLinkQueries(db);
  }

  /** The underlying connection, for SQLite-only checks (integrity, benchmarks). */
  get connection(): SqliteDb {
    return this.db;
  }

  private writeOne(a: StoredArticle): PutOutcome {
    const old = this.findVersion.get(a.id) as
      { seq: number; hash: string; pipeline_version: string } | undefined;
    if (old && old.hash === a.hash && old.pipeline_version === a.pipeline_version) return 'unchanged';
    if (old) this.deleteArticle.run(old.seq);
    const seq = Number(
      this.insertArticle.run({
        id: a.id,
        hash: a.hash,
        url: a.url,
        source: a.source,
        title: a.title,
        published: a.published,
        body: a.body,
        layers: layerNames(a),
        pipeline_version: a.pipeline_version,
        ingested_at: a.ingested_at,
      }).lastInsertRowid,
    );
    const layers = layerRows(a);
    layers.mentions.forEach((row, i) => this.insertMention.run(seq, i, ...row));
    layers.timexes.forEach((row, i) => this.insertTimex.run(seq, i, ...row));
    layers.events.forEach((row, i) => this.insertEvent.run(seq, i, ...row));
    for (const [kind, value] of articleFacts(a)) this.insertFact.run(kind, value, seq);
    return old ? 'updated' : 'added';
  }

  /** Filters on `articles a`, starting from a fact's articles when they are few. */
  private where(filter: CorpusFilter) {
    const rare: FilterSqlOptions['rare'] = (kind: FactKind, value: string) =>
      (this.countFact.get(kind, value) as { n: number }).n < RARE_FACT;
    return filterSql(filter, { rare });
  }

  async putArticles(articles: readonly StoredArticle[]): Promise<PutOutcome[]> {
    return this.db.transaction(() => articles.map((a) => this.writeOne(a))).immediate();
  }

  async articleVersions(
    idList: readonly string[],
  ): Promise<Map<string, { hash: string; pipeline_version: string }>> {
    const rows = this.db
      .prepare(`SELECT id, hash, pipeline_version FROM articles WHERE id ${IN_JSON}`)
      .all(ids(idList)) as { id: string; hash: string; pipeline_version: string }[];
    return new Map(rows.map((r) => [r.id, { hash: r.hash, pipeline_version: r.pipeline_version }]));
  }

  async articlesByUrl(urls: readonly string[]): Promise<Map<string, string>> {
    const rows = this.db.prepare(`SELECT url, id FROM articles WHERE url ${IN_JSON}`).all(ids(urls)) as {
      url: string;
      id: string;
    }[];
    return new Map(rows.map((r) => [r.url, r.id]));
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
      return row ? assembleRows(this.db, [row])[0]! : null;
    })();
  }

  /** Pages of matching article rows in `id` order, each page read by `read` in one transaction. */
  private async *pages<T>(
    filter: CorpusFilter,
    columns: string,
    read: (rows: ArticleRow[]) => T[],
  ): AsyncGenerator<T> {
    const f = this.where(filter);
    const sql =
      `SELECT ${columns} FROM articles a ${whereClause([...f.where, 'a.id > @after'])}` +
      ` ORDER BY a.id LIMIT ${PAGE}`;
    const statement = this.db.prepare(sql);
    let after = '';
    for (;;) {
      const page = this.db.transaction(() => {
        const rows = statement.all({ ...f.params, after }) as ArticleRow[];
        return { last: rows.at(-1)?.id, items: read(rows) };
      })();
      yield* page.items;
      if (page.last === undefined || page.items.length < PAGE) return;
      after = page.last;
    }
  }

  listArticles(filter: CorpusFilter = {}): AsyncIterable<ArticleListing> {
    return this.pages(filter, 'a.seq, a.id, a.title, a.published, a.source, a.url', (rows) =>
      this.listings(rows),
    );
  }

  private listings(
    rows: readonly Pick<ArticleRow, 'seq' | 'id' | 'title' | 'published' | 'source' | 'url'>[],
  ) {
    return withLinkFields(rows, this.links.linkFields(rows.map((r) => r.seq)));
  }

  exportArticles(filter: CorpusFilter = {}): AsyncIterable<StoredArticle> {
    return this.pages(filter, 'a.*', (rows) => assembleRows(this.db, rows));
  }

  async search(filter: CorpusFilter, opts: SearchOptions = {}): Promise<SearchHit[]> {
    return searchHits(this.db, filter, opts, this.where(filter));
  }

  async countArticles(filter: CorpusFilter = {}): Promise<number> {
    const f = this.where(filter);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM articles a ${whereClause(f.where)}`).get(f.params);
    return (row as { n: number }).n;
  }

  async facets(filter: CorpusFilter): Promise<SearchFacets> {
    return facetCounts(this.db, this.where(filter));
  }

  async stats(): Promise<StoreStats> {
    return this.db.transaction(() => {
      const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
      return {
        articles: n('SELECT COUNT(*) AS n FROM articles'),
        entities: n('SELECT COUNT(*) AS n FROM entities WHERE mentions > 0'),
        events: n('SELECT COUNT(*) AS n FROM merged_events'),
        stories: n('SELECT COUNT(*) AS n FROM stories WHERE size > 0'),
        duplicates: n('SELECT COUNT(*) AS n FROM article_links WHERE duplicate_of IS NOT NULL'),
      };
    })();
  }

  /**
   * `data_version` changes when another connection commits; `total_changes()` counts the rows
   * this connection has written (a rolled-back write counts too, which only costs a cache miss).
   */
  async contentVersion(): Promise<string | null> {
    if (this.db.inTransaction) return null;
    const { other, own } = statement(
      this.db,
      'SELECT (SELECT data_version FROM pragma_data_version) AS other, total_changes() AS own',
    ).get() as { other: number; own: number };
    return `${other}:${own}`;
  }

  async linkSession<T>(fn: (session: LinkSession) => Promise<T>): Promise<T> {
    // better-sqlite3's transaction() cannot span awaits; the session's calls are synchronous
    // underneath, and nothing else uses this connection while a link batch runs.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const session = new SqliteLinkSession(this.db, this.storyStates);
      const out = await fn(session);
      session.saveCounter();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // States saved by the rolled-back batch may carry versions another batch will reuse.
      this.storyStates.clear();
      throw err;
    }
  }

  async unlinkAll(): Promise<void> {
    this.db
      .transaction(() => {
        for (const table of LINK_TABLES) this.db.exec(`DELETE FROM ${table}`);
        this.db.exec("DELETE FROM sqlite_sequence WHERE name IN ('entities', 'stories', 'merged_events')");
        this.db.exec("UPDATE link_counter SET value = 0 WHERE name = 'linked'");
        this.db.exec("UPDATE link_counter SET value = value + 1 WHERE name = 'epoch'");
        this.db.exec('INSERT OR IGNORE INTO link_queue (article) SELECT seq FROM articles');
      })
      .immediate();
  }

  async findEntities(name: string, opts: { limit?: number } = {}): Promise<EntityProfile[]> {
    return this.links.findEntities(name, opts.limit);
  }

  async articleLinks(id: string): Promise<ArticleLinks | null> {
    return this.db.transaction(() => {
      const counts = statement(
        this.db,
        'SELECT (SELECT COUNT(*) FROM mentions WHERE article = a.seq) AS entities,' +
          ' (SELECT COUNT(*) FROM events WHERE article = a.seq) AS events FROM articles a WHERE a.id = ?',
      ).get(id) as { entities: number; events: number } | undefined;
      return counts ? this.links.articleLinks(id, counts) : null;
    })();
  }

  async listEntities(
    opts: { limit?: number; offset?: number; type?: string } = {},
  ): Promise<EntityProfile[]> {
    return this.links.listEntities(opts.limit, opts.offset, opts.type);
  }

  async getEntity(id: string): Promise<EntityProfile | null> {
    return this.links.getEntity(id);
  }

  async cooccurring(id: string, opts: { limit?: number } = {}): Promise<CooccurringEntity[]> {
    return this.links.cooccurring(id, opts.limit);
  }

  async timeline(query: TimelineQuery): Promise<TimelineEvent[]> {
    return this.links.timeline(query);
  }

  async events(
    filter: CorpusFilter,
    opts: { limit?: number; offset?: number } = {},
  ): Promise<TimelineEvent[]> {
    return this.links.events(filter, opts.limit, opts.offset);
  }

  async listStories(opts: { limit?: number; offset?: number } = {}): Promise<StorySummary[]> {
    return this.links.listStories(opts.limit, opts.offset);
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    const rowsOf = (seqs: readonly number[]) => {
      const rows = this.db
        .prepare(`SELECT seq, id, title, published, source, url FROM articles WHERE seq ${IN_JSON}`)
        .all(ids(seqs)) as ArticleRow[];
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      return this.listings(seqs.map((s) => bySeq.get(s)!));
    };
    return this.db.transaction(() => this.links.getStory(id, rowsOf))();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
