/**
 * The SQLite side of the link pass (`LinkSession`, src/store/link-session.ts): reads the link
 * queue and the candidates one article touches, writes the links. Runs inside the transaction
 * `SqliteStore.linkSession` opens. Entity counts are kept incrementally (`entity_forms`), so
 * linking an article costs the same in a store of ten articles or a million; what a replaced
 * article leaves stale is recomputed from the remaining rows (`refresh*`). One class over 300
 * lines: it is the one `LinkSession` interface, statement for statement beside PostgreSQL's.
 */
import type {
  EntityCandidate,
  EventReportInput,
  LocalEntity,
  MergedEventCandidate,
  StoryState,
} from '../../link/index.js';
import { CANDIDATES_PER_KEY, summariseReports } from '../../link/index.js';
import type { EntityType, Modality } from '../../doc/index.js';
import type {
  ArticleLinkRow,
  DirtyLinks,
  DuplicateCandidate,
  LinkSession,
  PendingArticle,
  StoryMember,
} from '../link-session.js';
import { duplicateCandidate, entityFormCounts, pendingArticle, type StoryStates } from '../link-session.js';
import type { SqliteDb } from './open.js';
import { assembleRows, IN_JSON } from './rows.js';
import type { ArticleRow } from '../rows.js';
import { statement } from './statements.js';
import { applyEntitySummary, refreshEntityRow } from './entity-rows.js';
import { idNumber as num } from '../link-rows.js';

/** Entities fetched per key: a surname shared by thousands needs only two to be ambiguous. */
const PER_NAME_KEY = 20;
const PER_SURNAME_KEY = 2;
const DUPLICATE_CANDIDATES = 100;
const EVENT_CANDIDATES = 200;

const json = (values: readonly unknown[]): string => JSON.stringify(values);

export class SqliteLinkSession implements LinkSession {
  private linked: number;
  private readonly epoch: number;

  /** `states`: parsed story states, kept across sessions by the store. */
  constructor(
    private readonly db: SqliteDb,
    private readonly states: StoryStates,
  ) {
    const counter = (name: string) =>
      (statement(db, 'SELECT value FROM link_counter WHERE name = ?').get(name) as { value: number }).value;
    this.linked = counter('linked');
    this.epoch = counter('epoch');
  }

  /** Saves the link counter; called by the store before it commits. */
  saveCounter(): void {
    statement(this.db, "UPDATE link_counter SET value = ? WHERE name = 'linked'").run(this.linked);
  }

  async pending(limit: number): Promise<PendingArticle[]> {
    const rows = statement(
      this.db,
      'SELECT a.* FROM link_queue q JOIN articles a ON a.seq = q.article' +
        ' ORDER BY a.published IS NULL, a.published, a.id LIMIT ?',
    ).all(limit) as ArticleRow[];
    return assembleRows(this.db, rows).map((a, i) => pendingArticle(rows[i]!.seq, a));
  }

  async clear(seq: number): Promise<void> {
    for (const table of [
      'entity_mentions',
      'entity_roles',
      'event_reports',
      'article_bands',
      'article_links',
    ])
      statement(this.db, `DELETE FROM ${table} WHERE article = ?`).run(seq);
    statement(this.db, 'DELETE FROM article_similar WHERE article = ? OR other = ?').run(seq, seq);
  }

  async dirty(): Promise<DirtyLinks> {
    const ids = (table: string, prefix: string) =>
      (
        statement(this.db, `SELECT id FROM ${table} WHERE dirty = 1 ORDER BY id`).all() as { id: number }[]
      ).map((r) => `${prefix}${r.id}`);
    return {
      entities: ids('entities', 'e'),
      events: ids('merged_events', 'v'),
      stories: ids('stories', 's'),
    };
  }

  async refreshEntity(id: string): Promise<void> {
    refreshEntityRow(this.db, num(id));
  }

  async refreshEvent(id: string): Promise<void> {
    this.summariseEvent(num(id));
  }

  async refreshStory(
    id: string,
    rebuild: (members: readonly StoryMember[]) => { state: StoryState; keys: string[] } | null,
  ): Promise<void> {
    const rows = statement(
      this.db,
      'SELECT l.vector, a.published FROM article_links l JOIN articles a ON a.seq = l.article' +
        ' WHERE l.story = ? AND l.vector IS NOT NULL ORDER BY l.linked',
    ).all(num(id)) as { vector: string; published: string | null }[];
    const rebuilt = rebuild(rows.map((r) => ({ vector: JSON.parse(r.vector), published: r.published })));
    if (rebuilt) return this.saveStory(rebuilt.state, rebuilt.keys);
    statement(this.db, 'UPDATE article_links SET story = NULL WHERE story = ?').run(num(id));
    statement(this.db, 'DELETE FROM stories WHERE id = ?').run(num(id));
  }

  async duplicateCandidates(bands: readonly string[], seq: number): Promise<DuplicateCandidate[]> {
    if (!bands.length) return [];
    const hits = statement(
      this.db,
      `SELECT article FROM article_bands WHERE band ${IN_JSON} AND article != ?` +
        ` GROUP BY article ORDER BY COUNT(*) DESC, article LIMIT ${DUPLICATE_CANDIDATES}`,
    ).all(json(bands), seq) as { article: number }[];
    if (!hits.length) return [];
    return (
      statement(
        this.db,
        'SELECT a.seq, a.id, a.published, a.body, l.duplicate_of FROM articles a' +
          ` LEFT JOIN article_links l ON l.article = a.seq WHERE a.seq ${IN_JSON} ORDER BY a.seq`,
      ).all(json(hits.map((h) => h.article))) as {
        seq: number;
        id: string;
        published: string | null;
        body: string;
        duplicate_of: number | null;
      }[]
    ).map(duplicateCandidate);
  }

  async storyOf(seq: number): Promise<string | null> {
    const row = statement(this.db, 'SELECT story FROM article_links WHERE article = ?').get(seq) as
      { story: number | null } | undefined;
    return row?.story == null ? null : `s${row.story}`;
  }

  async entityCandidates(keys: readonly string[]): Promise<EntityCandidate[]> {
    const ids = new Set<number>();
    const byKey = statement(
      this.db,
      'SELECT k.entity FROM entity_keys k JOIN entities e ON e.id = k.entity' +
        ' WHERE k.key = ? AND e.mentions > 0 ORDER BY e.mentions DESC, e.id LIMIT ?',
    );
    for (const key of keys)
      for (const r of byKey.all(key, key.startsWith('s:') ? PER_SURNAME_KEY : PER_NAME_KEY) as {
        entity: number;
      }[])
        ids.add(r.entity);
    if (!ids.size) return [];
    const rows = statement(
      this.db,
      'SELECT e.id, e.type, e.name, e.country, e.mentions, e.articles, coalesce(f.count, 0) AS countryArticles' +
        " FROM entities e LEFT JOIN entity_forms f ON f.entity = e.id AND f.kind = 'stated' AND f.form = e.country" +
        ` WHERE e.id ${IN_JSON} ORDER BY e.id`,
    ).all(json([...ids])) as {
      id: number;
      type: EntityType;
      name: string;
      country: string | null;
      mentions: number;
      articles: number;
      countryArticles: number;
    }[];
    const keysOf = statement(this.db, 'SELECT key FROM entity_keys WHERE entity = ?').pluck();
    return rows.map((r) => ({ ...r, id: `e${r.id}`, keys: keysOf.all(r.id) as string[] }));
  }

  async createEntity(local: LocalEntity): Promise<string> {
    const info = statement(this.db, 'INSERT INTO entities (type, name, country) VALUES (?, ?, ?)').run(
      local.type,
      local.name,
      local.country,
    );
    return `e${info.lastInsertRowid}`;
  }

  async mergeEntity(from: string, into: string): Promise<void> {
    const [f, t] = [num(from), num(into)];
    const run = (sql: string) => statement(this.db, sql).run({ f, t, fk: from, tk: into });
    run('UPDATE entity_mentions SET entity = @t WHERE entity = @f');
    run('INSERT OR IGNORE INTO entity_keys (key, entity) SELECT key, @t FROM entity_keys WHERE entity = @f');
    run(
      'INSERT OR IGNORE INTO entity_roles (entity, article, role) SELECT @t, article, role FROM entity_roles WHERE entity = @f',
    );
    for (const side of ['source', 'target']) {
      run(`UPDATE merged_events SET ${side}_entity = @t WHERE ${side}_entity = @f`);
      run(`UPDATE merged_events SET ${side}_key = @tk WHERE ${side}_key = @fk`);
    }
    run('UPDATE merged_events SET key_a = @tk WHERE key_a = @fk');
    run('UPDATE merged_events SET key_b = @tk WHERE key_b = @fk');
    run('DELETE FROM entities WHERE id = @f');
    refreshEntityRow(this.db, t);
  }

  async attachEntity(
    seq: number,
    article: PendingArticle['article'],
    local: LocalEntity,
    entity: string,
  ): Promise<void> {
    const id = num(entity);
    const seen = statement(
      this.db,
      'SELECT 1 FROM entity_mentions WHERE entity = ? AND article = ? LIMIT 1',
    ).get(id, seq);
    const insertMention = statement(
      this.db,
      'INSERT OR REPLACE INTO entity_mentions (article, idx, entity) VALUES (?, ?, ?)',
    );
    for (const i of local.mentions) insertMention.run(seq, i, id);
    const upsert = statement(
      this.db,
      'INSERT INTO entity_forms (entity, kind, form, count) VALUES (?, ?, ?, ?)' +
        ' ON CONFLICT (entity, kind, form) DO UPDATE SET count = count + excluded.count',
    );
    for (const [kind, form, n] of entityFormCounts(article, local, !seen)) upsert.run(id, kind, form, n);
    const insertKey = statement(this.db, 'INSERT OR IGNORE INTO entity_keys (key, entity) VALUES (?, ?)');
    for (const key of local.keys) insertKey.run(key, id);
    const insertRole = statement(
      this.db,
      'INSERT OR IGNORE INTO entity_roles (entity, article, role) VALUES (?, ?, ?)',
    );
    for (const role of local.roles) insertRole.run(id, seq, role);
    const day = article.published?.slice(0, 10) ?? null;
    statement(
      this.db,
      'UPDATE entities SET mentions = mentions + ?, articles = articles + ?,' +
        ' first = CASE WHEN ? IS NULL THEN first ELSE min(coalesce(first, ?), ?) END,' +
        ' last = CASE WHEN ? IS NULL THEN last ELSE max(coalesce(last, ?), ?) END WHERE id = ?',
    ).run(local.mentions.length, seen ? 0 : 1, day, day, day, day, day, day, id);
    applyEntitySummary(this.db, id);
  }

  async eventCandidates(
    key: { type: string; a: string; b: string },
    window: { from: string; to: string } | null,
  ): Promise<MergedEventCandidate[]> {
    const rows = statement(
      this.db,
      'SELECT id, mode, date, start, "end", anchor, modality, reports FROM merged_events' +
        ' WHERE type = @type AND key_a = @a AND key_b = @b' +
        ' AND (@from IS NULL OR coalesce("end", anchor, @from) >= @from)' +
        ' AND (@to IS NULL OR coalesce(start, anchor, @to) <= @to)' +
        ` ORDER BY id DESC LIMIT ${EVENT_CANDIDATES}`,
    ).all({ ...key, from: window?.from ?? null, to: window?.to ?? null }) as (MergedEventCandidate & {
      id: number;
    })[];
    return rows.map((r) => ({ ...r, id: `v${r.id}` }));
  }

  async createEvent(key: { type: string; a: string; b: string }, report: EventReportInput): Promise<string> {
    const info = statement(
      this.db,
      'INSERT INTO merged_events (type, key_a, key_b, modality, reports, source_key, source_entity, source_name,' +
        ' source_country, target_key, target_entity, target_name, target_country)' +
        ' VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      key.type,
      key.a,
      key.b,
      report.modality,
      ...[report.source, report.target].flatMap((x) => [
        x?.key ?? null,
        x?.entity ? num(x.entity) : null,
        x?.name ?? null,
        x?.country ?? null,
      ]),
    );
    return `v${info.lastInsertRowid}`;
  }

  async addReport(event: string, seq: number, report: EventReportInput): Promise<void> {
    const id = num(event);
    statement(
      this.db,
      'INSERT OR REPLACE INTO event_reports (article, idx, event, linked, article_id, published, modality, mode, date,' +
        ' evidence_start, evidence_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      seq,
      report.index,
      id,
      // The number `finish` gives this article: reports sort in the order their articles were linked.
      this.linked + 1,
      report.article,
      report.published?.slice(0, 10) ?? null,
      report.modality,
      report.mode,
      report.date,
      report.evidence.start,
      report.evidence.end,
      report.text,
    );
    // A country actor takes the entity of the country once a report names it.
    for (const actor of [report.source, report.target])
      if (actor?.entity)
        for (const side of ['source', 'target'])
          statement(
            this.db,
            `UPDATE merged_events SET ${side}_entity = ? WHERE id = ? AND ${side}_key = ? AND ${side}_entity IS NULL`,
          ).run(num(actor.entity), id, actor.key);
    this.summariseEvent(id);
  }

  /** Recomputes a merged event from its reports, or deletes it when none is left. */
  private summariseEvent(id: number): void {
    const reports = statement(
      this.db,
      'SELECT date, modality, mode, published FROM event_reports WHERE event = ? ORDER BY linked, article, idx',
    ).all(id) as {
      date: string | null;
      modality: Modality;
      mode: string | null;
      published: string | null;
    }[];
    if (!reports.length) {
      statement(this.db, 'DELETE FROM merged_events WHERE id = ?').run(id);
      return;
    }
    const s = summariseReports(reports);
    statement(
      this.db,
      'UPDATE merged_events SET date = ?, modality = ?, mode = ?, start = ?, "end" = ?, anchor = ?,' +
        ' reports = ?, dirty = 0 WHERE id = ?',
    ).run(s.date, s.modality, s.mode, s.start, s.end, s.anchor, reports.length, id);
  }

  async storyCandidates(keys: readonly string[]): Promise<StoryState[]> {
    const ids = new Set<number>();
    const byKey = statement(
      this.db,
      `SELECT story FROM story_keys WHERE key = ? ORDER BY last IS NULL, last DESC, story LIMIT ${CANDIDATES_PER_KEY}`,
    ).pluck();
    for (const key of keys) for (const s of byKey.all(key) as number[]) ids.add(s);
    if (!ids.size) return [];
    const versions = statement(
      this.db,
      `SELECT id, version FROM stories WHERE id ${IN_JSON} ORDER BY id`,
    ).all(json([...ids])) as { id: number; version: number }[];
    return this.states.of(
      this.epoch,
      versions,
      (missing) =>
        statement(this.db, `SELECT id, version, state FROM stories WHERE id ${IN_JSON}`).all(
          json(missing),
        ) as {
          id: number;
          version: number;
          state: string;
        }[],
    );
  }

  async createStory(): Promise<string> {
    return `s${statement(this.db, "INSERT INTO stories (state, size) VALUES ('null', 0)").run().lastInsertRowid}`;
  }

  async saveStory(state: StoryState, keys: readonly string[]): Promise<void> {
    const id = num(state.id);
    const version = statement(
      this.db,
      'UPDATE stories SET state = ?, first = ?, last = ?, size = ?, dirty = 0, version = version + 1' +
        ' WHERE id = ? RETURNING version',
    )
      .pluck()
      .get(JSON.stringify(state), state.first, state.last, state.size, id) as number;
    this.states.keep(this.epoch, id, version, state);
    statement(this.db, 'DELETE FROM story_keys WHERE story = ?').run(id);
    const insert = statement(this.db, 'INSERT OR IGNORE INTO story_keys (key, story, last) VALUES (?, ?, ?)');
    for (const key of keys) insert.run(key, id, state.last);
  }

  async finish(seq: number, links: ArticleLinkRow): Promise<void> {
    this.linked++;
    statement(
      this.db,
      'INSERT OR REPLACE INTO article_links (article, story, duplicate_of, vector, linked) VALUES (?, ?, ?, ?, ?)',
    ).run(
      seq,
      links.story === null ? null : num(links.story),
      links.duplicateOf,
      links.vector && JSON.stringify(links.vector),
      this.linked,
    );
    const band = statement(this.db, 'INSERT OR IGNORE INTO article_bands (band, article) VALUES (?, ?)');
    for (const b of links.bands) band.run(b, seq);
    const similar = statement(
      this.db,
      'INSERT OR REPLACE INTO article_similar (article, other, similarity) VALUES (?, ?, ?)',
    );
    for (const s of links.similar) {
      similar.run(seq, s.seq, s.similarity);
      similar.run(s.seq, seq, s.similarity);
    }
    statement(this.db, 'DELETE FROM link_queue WHERE article = ?').run(seq);
  }
}
