/**
 * The SQLite `Store` (better-sqlite3). Writes go in IMMEDIATE transactions, so a batch is all
 * or nothing and a second process waits for the lock instead of failing half-way. Reads that
 * stream (listing, export) page by `id` and read each page in one short transaction, so memory
 * stays bounded and a page never mixes two versions of an article.
 */
import type { StoredArticle, PutOutcome, Store, CorpusFilter, SearchHit, SearchOptions } from '../types.js';
import type { ArticleListing, SearchFacets, StoreStats } from '../types.js';
import { articleFacts, type FactKind } from '../facts.js';
import { filterSql, whereClause, type FilterSqlOptions } from './filter-sql.js';
import { openSqlite, type OpenSqliteOptions, type SqliteDb } from './open.js';
import { facetCounts, searchHits } from './search.js';
import {
  assembleArticle,
  groupByArticle,
  layerNames,
  type ArticleRow,
  type EventRow,
  type MentionRow,
  type TimexRow,
} from '../rows.js';

const PAGE = 200;
/** A fact fewer articles have than this is a set to start from rather than a probe per article. */
const RARE_FACT = 2_000;

const ids = (values: readonly (string | number)[]): string => JSON.stringify(values);
const IN_JSON = 'IN (SELECT value FROM json_each(?))';

export class SqliteStore implements Store {
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
    (a.entities ?? []).forEach((m, i) =>
      this.insertMention.run(seq, i, m.start, m.end, m.text, m.type, m.canonical, m.country),
    );
    (a.timexes ?? []).forEach((t, i) =>
      this.insertTimex.run(seq, i, t.start, t.end, t.text, t.type, t.value),
    );
    (a.events ?? []).forEach((e, i) =>
      this.insertEvent.run(
        seq,
        i,
        e.type,
        e.mode ?? null,
        e.modality,
        e.date,
        e.source?.name ?? null,
        e.source?.country ?? null,
        e.target?.name ?? null,
        e.target?.country ?? null,
        e.evidence.start,
        e.evidence.end,
      ),
    );
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

  /** Full articles for these rows, children fetched in three batched queries. */
  private assemble(rows: readonly ArticleRow[]): StoredArticle[] {
    const seqs = ids(rows.map((r) => r.seq));
    const child = <T extends { article: number }>(sql: string) =>
      groupByArticle(this.db.prepare(sql).all(seqs) as T[]);
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

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
      return row ? this.assemble([row])[0]! : null;
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
    return this.pages(filter, 'a.id, a.title, a.published, a.source, a.url', (rows) =>
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
    return this.pages(filter, 'a.*', (rows) => this.assemble(rows));
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
        entities: n('SELECT COUNT(*) AS n FROM (SELECT 1 FROM mentions GROUP BY type, canonical)'),
        events: n('SELECT COUNT(*) AS n FROM events'),
        stories: 0,
        duplicates: 0,
      };
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
