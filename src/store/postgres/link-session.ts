/**
 * The PostgreSQL side of the link pass (`LinkSession`, src/store/link-session.ts), the SQLite
 * session's statements in PostgreSQL's terms, on the one connection of the transaction
 * `PostgresStore.linkSession` opens. Each article's rows go in a few set-based statements
 * (`unnest` of arrays) rather than one per row: on a server, round trips are the cost. One class
 * over 300 lines: it is the one `LinkSession` interface, statement for statement beside SQLite's.
 */
import type { EntityType, Modality } from '../../doc/index.js';
import type {
  EntityCandidate,
  EventReportInput,
  LocalEntity,
  MergedEventCandidate,
  StoryState,
} from '../../link/index.js';
import { CANDIDATES_PER_KEY, summariseReports } from '../../link/index.js';
import type { ArticleRow } from '../rows.js';
import type {
  ArticleLinkRow,
  DirtyLinks,
  DuplicateCandidate,
  LinkSession,
  PendingArticle,
  StoryMember,
} from '../link-session.js';
import { duplicateCandidate, entityFormCounts, pendingArticle, type StoryStates } from '../link-session.js';
import { bumpContentVersion, query, rowsOf, type PgClient } from './connect.js';
import { applyEntitySummary, refreshEntityRow } from './entity-rows.js';
import { ARTICLE_COLUMNS, assembleArticles } from './articles.js';
import { idNumber as num } from '../link-rows.js';

/** The same bounds as SQLite's session (src/store/sqlite/link-session.ts). */
const PER_NAME_KEY = 20;
const PER_SURNAME_KEY = 2;
const DUPLICATE_CANDIDATES = 100;
const EVENT_CANDIDATES = 200;

export class PostgresLinkSession implements LinkSession {
  private constructor(
    private readonly client: PgClient,
    private readonly states: StoryStates,
    private linked: number,
    private readonly epoch: number,
  ) {}

  static async open(client: PgClient, states: StoryStates): Promise<PostgresLinkSession> {
    const { rows } = await query<{ name: string; value: number }>(
      client,
      'SELECT name, value FROM link_counter FOR UPDATE',
    );
    const counter = (name: string) => rows.find((r) => r.name === name)!.value;
    return new PostgresLinkSession(client, states, counter('linked'), counter('epoch'));
  }

  private all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return rowsOf<T>(this.client, sql, params);
  }

  /** Whether this batch wrote anything (linked an article or refreshed a stale link). */
  private changed = false;

  /**
   * Saves the link counter and the content version when the batch changed anything (an idle
   * worker's pass every second writes nothing); called before commit.
   */
  async saveCounter(): Promise<void> {
    if (!this.changed) return;
    await query(this.client, "UPDATE link_counter SET value = $1 WHERE name = 'linked'", [this.linked]);
    await bumpContentVersion(this.client);
  }

  async pending(limit: number): Promise<PendingArticle[]> {
    const rows = await this.all<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM link_queue q JOIN articles a ON a.seq = q.article` +
        ' ORDER BY a.published IS NULL, a.published, a.id LIMIT $1',
      [limit],
    );
    return (await assembleArticles(this.client, rows)).map((a, i) => pendingArticle(rows[i]!.seq, a));
  }

  async clear(seq: number): Promise<void> {
    for (const table of [
      'entity_mentions',
      'entity_roles',
      'event_reports',
      'article_bands',
      'article_links',
    ])
      await query(this.client, `DELETE FROM ${table} WHERE article = $1`, [seq]);
    await query(this.client, 'DELETE FROM article_similar WHERE article = $1 OR other = $1', [seq]);
  }

  async dirty(): Promise<DirtyLinks> {
    const ids = async (table: string, prefix: string) =>
      (await this.all<{ id: number }>(`SELECT id FROM ${table} WHERE dirty ORDER BY id`)).map(
        (r) => `${prefix}${r.id}`,
      );
    return {
      entities: await ids('entities', 'e'),
      events: await ids('merged_events', 'v'),
      stories: await ids('stories', 's'),
    };
  }

  async refreshEntity(id: string): Promise<void> {
    this.changed = true;
    await refreshEntityRow(this.client, num(id));
  }

  async refreshEvent(id: string): Promise<void> {
    this.changed = true;
    await this.summariseEvent(num(id));
  }

  async refreshStory(
    id: string,
    rebuild: (members: readonly StoryMember[]) => { state: StoryState; keys: string[] } | null,
  ): Promise<void> {
    this.changed = true;
    const rows = await this.all<{ vector: string; published: string | null }>(
      'SELECT l.vector, a.published FROM article_links l JOIN articles a ON a.seq = l.article' +
        ' WHERE l.story = $1 AND l.vector IS NOT NULL ORDER BY l.linked',
      [num(id)],
    );
    const rebuilt = rebuild(rows.map((r) => ({ vector: JSON.parse(r.vector), published: r.published })));
    if (rebuilt) return this.saveStory(rebuilt.state, rebuilt.keys);
    await query(this.client, 'UPDATE article_links SET story = NULL WHERE story = $1', [num(id)]);
    await query(this.client, 'DELETE FROM stories WHERE id = $1', [num(id)]);
  }

  async duplicateCandidates(bands: readonly string[], seq: number): Promise<DuplicateCandidate[]> {
    if (!bands.length) return [];
    const rows = await this.all<{
      seq: number;
      id: string;
      published: string | null;
      body: string;
      duplicate_of: number | null;
    }>(
      'WITH hits AS (SELECT article FROM article_bands WHERE band = ANY($1::text[]) AND article <> $2' +
        ` GROUP BY article ORDER BY count(*) DESC, article LIMIT ${DUPLICATE_CANDIDATES})` +
        ' SELECT a.seq, a.id, a.published, a.body, l.duplicate_of FROM hits JOIN articles a ON a.seq = hits.article' +
        ' LEFT JOIN article_links l ON l.article = a.seq ORDER BY a.seq',
      [bands, seq],
    );
    return rows.map(duplicateCandidate);
  }

  async storyOf(seq: number): Promise<string | null> {
    const rows = await this.all<{ story: number | null }>(
      'SELECT story FROM article_links WHERE article = $1',
      [seq],
    );
    return rows[0]?.story == null ? null : `s${rows[0].story}`;
  }

  async entityCandidates(keys: readonly string[]): Promise<EntityCandidate[]> {
    if (!keys.length) return [];
    const rows = await this.all<{
      id: number;
      type: EntityType;
      name: string;
      country: string | null;
      mentions: number;
      articles: number;
      countryArticles: number;
      keys: string[];
    }>(
      'WITH wanted AS (SELECT DISTINCT c.entity FROM unnest($1::text[]) AS k(key) CROSS JOIN LATERAL' +
        ' (SELECT ek.entity FROM entity_keys ek JOIN entities e ON e.id = ek.entity' +
        ' WHERE ek.key = k.key AND e.mentions > 0 ORDER BY e.mentions DESC, e.id' +
        ` LIMIT CASE WHEN k.key LIKE 's:%' THEN ${PER_SURNAME_KEY} ELSE ${PER_NAME_KEY} END) c)` +
        ' SELECT e.id, e.type, e.name, e.country, e.mentions, e.articles,' +
        ' coalesce(f.count, 0) AS "countryArticles",' +
        ' ARRAY(SELECT ek.key FROM entity_keys ek WHERE ek.entity = e.id ORDER BY ek.key) AS keys' +
        " FROM wanted JOIN entities e ON e.id = wanted.entity LEFT JOIN entity_forms f ON f.entity = e.id AND f.kind = 'stated' AND f.form = e.country" +
        ' ORDER BY e.id',
      [keys],
    );
    return rows.map((r) => ({ ...r, id: `e${r.id}` }));
  }

  async createEntity(local: LocalEntity): Promise<string> {
    const rows = await this.all<{ id: number }>(
      'INSERT INTO entities (type, name, country) VALUES ($1, $2, $3) RETURNING id',
      [local.type, local.name, local.country],
    );
    return `e${rows[0]!.id}`;
  }

  async mergeEntity(from: string, into: string): Promise<void> {
    const [f, t] = [num(from), num(into)];
    const run = (sql: string, params: unknown[] = [f, t]) => query(this.client, sql, params);
    await run('UPDATE entity_mentions SET entity = $2 WHERE entity = $1');
    await run(
      'INSERT INTO entity_keys (key, entity) SELECT key, $2 FROM entity_keys WHERE entity = $1 ON CONFLICT DO NOTHING',
    );
    await run(
      'INSERT INTO entity_roles (entity, article, role) SELECT $2, article, role FROM entity_roles WHERE entity = $1' +
        ' ON CONFLICT DO NOTHING',
    );
    for (const side of ['source', 'target']) {
      await run(`UPDATE merged_events SET ${side}_entity = $2 WHERE ${side}_entity = $1`);
      await run(`UPDATE merged_events SET ${side}_key = $2 WHERE ${side}_key = $1`, [from, into]);
    }
    await run('UPDATE merged_events SET key_a = $2 WHERE key_a = $1', [from, into]);
    await run('UPDATE merged_events SET key_b = $2 WHERE key_b = $1', [from, into]);
    await run('DELETE FROM entities WHERE id = $1', [f]);
    await refreshEntityRow(this.client, t);
  }

  async attachEntity(
    seq: number,
    article: PendingArticle['article'],
    local: LocalEntity,
    entity: string,
  ): Promise<void> {
    const id = num(entity);
    const seen = (
      await this.all('SELECT 1 FROM entity_mentions WHERE entity = $1 AND article = $2 LIMIT 1', [id, seq])
    ).length;
    await query(
      this.client,
      'INSERT INTO entity_mentions (article, idx, entity) SELECT $1, idx, $2 FROM unnest($3::int[]) AS idx' +
        ' ON CONFLICT (article, idx) DO UPDATE SET entity = excluded.entity',
      [seq, id, local.mentions],
    );
    const split = entityFormCounts(article, local, !seen);
    await query(
      this.client,
      'INSERT INTO entity_forms (entity, kind, form, count) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])' +
        ' ON CONFLICT (entity, kind, form) DO UPDATE SET count = entity_forms.count + excluded.count',
      [id, split.map((f) => f[0]), split.map((f) => f[1]), split.map((f) => f[2])],
    );
    await query(
      this.client,
      'INSERT INTO entity_keys (key, entity) SELECT key, $1 FROM unnest($2::text[]) AS key ON CONFLICT DO NOTHING',
      [id, local.keys],
    );
    if (local.roles.length)
      await query(
        this.client,
        'INSERT INTO entity_roles (entity, article, role) SELECT $1, $2, role FROM unnest($3::text[]) AS role' +
          ' ON CONFLICT DO NOTHING',
        [id, seq, local.roles],
      );
    const day = article.published?.slice(0, 10) ?? null;
    await query(
      this.client,
      'UPDATE entities SET mentions = mentions + $1, articles = articles + $2,' +
        ' first = LEAST(first, $3), last = GREATEST(last, $3) WHERE id = $4',
      [local.mentions.length, seen ? 0 : 1, day, id],
    );
    await applyEntitySummary(this.client, id);
  }

  async eventCandidates(
    key: { type: string; a: string; b: string },
    window: { from: string; to: string } | null,
  ): Promise<MergedEventCandidate[]> {
    const rows = await this.all<MergedEventCandidate & { id: number }>(
      'SELECT id, mode, date, start, "end", anchor, modality, reports FROM merged_events' +
        ' WHERE type = $1 AND key_a = $2 AND key_b = $3' +
        ' AND ($4::text IS NULL OR coalesce("end", anchor, $4) >= $4)' +
        ' AND ($5::text IS NULL OR coalesce(start, anchor, $5) <= $5)' +
        ` ORDER BY id DESC LIMIT ${EVENT_CANDIDATES}`,
      [key.type, key.a, key.b, window?.from ?? null, window?.to ?? null],
    );
    return rows.map((r) => ({ ...r, id: `v${r.id}` }));
  }

  async createEvent(key: { type: string; a: string; b: string }, report: EventReportInput): Promise<string> {
    const rows = await this.all<{ id: number }>(
      'INSERT INTO merged_events (type, key_a, key_b, modality, reports, source_key, source_entity, source_name,' +
        ' source_country, target_key, target_entity, target_name, target_country)' +
        ' VALUES ($1, $2, $3, $4, 0, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id',
      [
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
      ],
    );
    return `v${rows[0]!.id}`;
  }

  async addReport(event: string, seq: number, report: EventReportInput): Promise<void> {
    const id = num(event);
    await query(
      this.client,
      'INSERT INTO event_reports (article, idx, event, linked, article_id, published, modality, mode, date,' +
        ' evidence_start, evidence_end, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)' +
        ' ON CONFLICT (article, idx) DO UPDATE SET event = excluded.event, linked = excluded.linked,' +
        ' article_id = excluded.article_id, published = excluded.published, modality = excluded.modality,' +
        ' mode = excluded.mode, date = excluded.date, evidence_start = excluded.evidence_start,' +
        ' evidence_end = excluded.evidence_end, text = excluded.text',
      [
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
      ],
    );
    // A country actor takes the entity of the country once a report names it.
    for (const actor of [report.source, report.target])
      if (actor?.entity)
        for (const side of ['source', 'target'])
          await query(
            this.client,
            `UPDATE merged_events SET ${side}_entity = $1 WHERE id = $2 AND ${side}_key = $3 AND ${side}_entity IS NULL`,
            [num(actor.entity), id, actor.key],
          );
    await this.summariseEvent(id);
  }

  /** Recomputes a merged event from its reports, or deletes it when none is left. */
  private async summariseEvent(id: number): Promise<void> {
    const reports = await this.all<{
      date: string | null;
      modality: Modality;
      mode: string | null;
      published: string | null;
    }>(
      'SELECT date, modality, mode, published FROM event_reports WHERE event = $1 ORDER BY linked, article, idx',
      [id],
    );
    if (!reports.length) {
      await query(this.client, 'DELETE FROM merged_events WHERE id = $1', [id]);
      return;
    }
    const s = summariseReports(reports);
    await query(
      this.client,
      'UPDATE merged_events SET date = $1, modality = $2, mode = $3, start = $4, "end" = $5, anchor = $6,' +
        ' reports = $7, dirty = false WHERE id = $8',
      [s.date, s.modality, s.mode, s.start, s.end, s.anchor, reports.length, id],
    );
  }

  async storyCandidates(keys: readonly string[]): Promise<StoryState[]> {
    if (!keys.length) return [];
    const versions = await this.all<{ id: number; version: number }>(
      'SELECT s.id, s.version FROM stories s WHERE s.id IN (SELECT c.story FROM unnest($1::text[]) AS k(key)' +
        ' CROSS JOIN LATERAL (SELECT story FROM story_keys WHERE key = k.key' +
        ` ORDER BY last DESC NULLS LAST, story LIMIT ${CANDIDATES_PER_KEY}) c) ORDER BY s.id`,
      [keys],
    );
    return this.states.of(this.epoch, versions, (missing) =>
      this.all<{ id: number; version: number; state: string }>(
        'SELECT id, version, state FROM stories WHERE id = ANY($1::bigint[])',
        [missing],
      ),
    );
  }

  async createStory(): Promise<string> {
    const rows = await this.all<{ id: number }>(
      "INSERT INTO stories (state, size) VALUES ('null', 0) RETURNING id",
    );
    return `s${rows[0]!.id}`;
  }

  async saveStory(state: StoryState, keys: readonly string[]): Promise<void> {
    const id = num(state.id);
    const rows = await this.all<{ version: number }>(
      'UPDATE stories SET state = $1, first = $2, last = $3, size = $4, dirty = false, version = version + 1' +
        ' WHERE id = $5 RETURNING version',
      [JSON.stringify(state), state.first, state.last, state.size, id],
    );
    this.states.keep(this.epoch, id, rows[0]!.version, state);
    await query(this.client, 'DELETE FROM story_keys WHERE story = $1', [id]);
    await query(
      this.client,
      'INSERT INTO story_keys (key, story, last) SELECT DISTINCT key, $1::bigint, $2::text FROM unnest($3::text[]) AS key',
      [id, state.last, keys],
    );
  }

  async finish(seq: number, links: ArticleLinkRow): Promise<void> {
    this.linked++;
    this.changed = true;
    await query(
      this.client,
      'INSERT INTO article_links (article, story, duplicate_of, vector, linked) VALUES ($1, $2, $3, $4, $5)' +
        ' ON CONFLICT (article) DO UPDATE SET story = excluded.story, duplicate_of = excluded.duplicate_of,' +
        ' vector = excluded.vector, linked = excluded.linked',
      [
        seq,
        links.story === null ? null : num(links.story),
        links.duplicateOf,
        links.vector && JSON.stringify(links.vector),
        this.linked,
      ],
    );
    if (links.bands.length)
      await query(
        this.client,
        'INSERT INTO article_bands (band, article) SELECT DISTINCT band, $1::bigint FROM unnest($2::text[]) AS band' +
          ' ON CONFLICT DO NOTHING',
        [seq, links.bands],
      );
    if (links.similar.length)
      await query(
        this.client,
        'INSERT INTO article_similar (article, other, similarity)' +
          ' SELECT $1::bigint, o, s FROM unnest($2::bigint[], $3::float8[]) AS x(o, s)' +
          ' UNION ALL SELECT o, $1::bigint, s FROM unnest($2::bigint[], $3::float8[]) AS x(o, s)' +
          ' ON CONFLICT (article, other) DO UPDATE SET similarity = excluded.similarity',
        [seq, links.similar.map((s) => s.seq), links.similar.map((s) => s.similarity)],
      );
    await query(this.client, 'DELETE FROM link_queue WHERE article = $1', [seq]);
  }
}
