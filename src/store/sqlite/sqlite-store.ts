/**
 * The SQLite `Store` (better-sqlite3). Writes go in IMMEDIATE transactions, so a batch is all
 * or nothing and a second process waits for the lock instead of failing half-way. Reads that
 * stream (listing, export) page by `id` and read each page in one short transaction, so memory
 * stays bounded and a page never mixes two versions of an article.
 */
import type { StoredArticle, PutOutcome, Store, CorpusFilter, SearchHit, SearchOptions } from '../types.js';
import type { ArticleListing, SearchFacets, StoreStats, FacetCount } from '../types.js';
import { filterSql, whereClause } from './filter-sql.js';
import { openSqlite, type OpenSqliteOptions, type SqliteDb } from './open.js';
import {
  assembleArticle,
  groupByArticle,
  layerNames,
  type ArticleRow,
  type EventRow,
  type MentionRow,
  type TimexRow,
} from './rows.js';

const PAGE = 200;
const FACET_LIMIT = 10;
const SNIPPET_TOKENS = 24;
const LEAD_CHARS = 240;
const DEFAULT_HIGHLIGHT = { open: '**', close: '**' };

const ids = (values: readonly (string | number)[]): string => JSON.stringify(values);
const IN_JSON = 'IN (SELECT value FROM json_each(?))';

/** The opening of the body, cut at a word, for hits found without a text query. */
function lead(body: string): string {
  if (body.length <= LEAD_CHARS) return body.replace(/\s+/g, ' ');
  const cut = body.slice(0, LEAD_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LEAD_CHARS / 2)).replace(/\s+/g, ' ')}…`;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: SqliteDb;
  private readonly insertArticle;
  private readonly insertMention;
  private readonly insertTimex;
  private readonly insertEvent;
  private readonly findVersion;
  private readonly deleteArticle;

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
    return old ? 'updated' : 'added';
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
    const f = filterSql(filter);
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
    const limit = Math.max(1, Math.floor(opts.limit ?? 20));
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    const { open, close } = opts.highlight ?? DEFAULT_HIGHLIGHT;
    const f = filterSql(filter, false);
    const page = { ...f.params, limit, offset };
    type Hit = {
      seq: number;
      id: string;
      title: string | null;
      published: string | null;
      source: string | null;
    };
    if (!f.match) {
      const rows = this.db
        .prepare(
          `SELECT a.seq, a.id, a.title, a.published, a.source, a.body FROM articles a ${whereClause(f.where)}` +
            ' ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT @limit OFFSET @offset',
        )
        .all(page) as (Hit & { body: string })[];
      return rows.map(({ body, seq: _seq, ...hit }) => ({ ...hit, score: 0, snippet: lead(body) }));
    }
    const rows = this.db
      .prepare(
        'SELECT a.seq, a.id, a.title, a.published, a.source, f.rank AS rank FROM articles_fts f' +
          ` JOIN articles a ON a.seq = f.rowid ${whereClause(['articles_fts MATCH @match', ...f.where])}` +
          ' ORDER BY f.rank, a.id LIMIT @limit OFFSET @offset',
      )
      .all(page) as (Hit & { rank: number })[];
    const snippet = this.db.prepare(
      `SELECT snippet(articles_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS s FROM articles_fts` +
        ' WHERE articles_fts MATCH @match AND rowid = @seq',
    );
    return rows.map(({ seq, rank, ...hit }) => ({
      ...hit,
      score: Math.round(-rank * 1000) / 1000,
      // A BigInt binds as INTEGER; FTS5 ignores a rowid constraint bound as a JS number (REAL).
      snippet: (
        (snippet.get({ match: f.match, open, close, seq: BigInt(seq) }) as { s: string } | undefined)?.s ?? ''
      ).replace(/\s+/g, ' '),
    }));
  }

  async countArticles(filter: CorpusFilter = {}): Promise<number> {
    const f = filterSql(filter);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM articles a ${whereClause(f.where)}`).get(f.params);
    return (row as { n: number }).n;
  }

  async facets(filter: CorpusFilter): Promise<SearchFacets> {
    const f = filterSql(filter);
    const hits = `WITH hits AS (SELECT a.seq FROM articles a ${whereClause(f.where)})`;
    const count = (sql: string): FacetCount[] =>
      this.db
        .prepare(`${hits} ${sql} ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`)
        .all(f.params) as FacetCount[];
    return this.db.transaction(() => ({
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
