/**
 * The linked-data queries on PostgreSQL (`LinkQueries`): the statements of
 * src/store/sqlite/link-queries.ts in PostgreSQL's terms, the rows assembled by the shared
 * src/store/link-rows.ts, so both stores answer alike. Reads that span statements run on one
 * snapshot (`PostgresStore` opens it and passes its connection). Over 300 lines as the
 * `LinkQueries` interface is, query for query beside SQLite's.
 */
import { nameKey } from '../../link/index.js';
import {
  actorKeys,
  entityProfile,
  eventEntityIds,
  idNumber as num,
  isEntityId,
  isStoryId,
  LIMITS,
  listingLinks,
  ORDER_EVENTS,
  storySummaries,
  timelineEvents,
  type EntityRow,
  type MergedEventRow,
  type ProfileWithHistory,
  type ReportRow,
} from '../link-rows.js';
import type {
  ArticleLinks,
  ArticleListing,
  CooccurringEntity,
  CorpusFilter,
  EntityProfile,
  StoryDetail,
  StorySummary,
  TimelineEvent,
  TimelineQuery,
} from '../types.js';
import { rowsOf, type PgClient } from './connect.js';
import { SqlParams } from './filter-sql.js';

type Listings = (client: PgClient, seqs: readonly number[]) => Promise<ArticleListing[]>;

/** Inclusive date prefixes over an event's own interval (`start`/`end` days). */
function dateRange(params: SqlParams, from?: string, to?: string): string[] {
  const where: string[] = [];
  if (from) where.push(`m."end" >= ${params.add(from)}::text`);
  if (to) {
    const p = params.add(to);
    where.push(`substr(m.start, 1, length(${p}::text)) <= ${p}::text`);
  }
  return where;
}

/** The queries, each on the connection it is given (one snapshot for the whole answer). */
export class PostgresLinkQueries {
  private async profile(client: PgClient, row: EntityRow): Promise<ProfileWithHistory> {
    const aliases = await rowsOf<{ text: string; count: number }>(
      client,
      "SELECT form AS text, count FROM entity_forms WHERE entity = $1 AND kind = 'alias' ORDER BY count DESC, form",
      [row.id],
    );
    const roles = await rowsOf<{ role: string; published: string | null }>(
      client,
      'SELECT r.role, substr(a.published, 1, 10) AS published FROM entity_roles r JOIN articles a ON a.seq = r.article' +
        ' WHERE r.entity = $1 ORDER BY a.published IS NULL, a.published, a.id, r.role',
      [row.id],
    );
    const articles = await rowsOf<{ id: string }>(
      client,
      'SELECT id FROM (SELECT a.id, a.published FROM (SELECT DISTINCT article FROM entity_mentions WHERE entity = $1) em' +
        ' JOIN articles a ON a.seq = em.article ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT $2) r' +
        ' ORDER BY published IS NULL, published, id',
      [row.id, LIMITS.profileArticles],
    );
    return entityProfile(
      row,
      aliases,
      roles,
      articles.map((a) => a.id),
    );
  }

  private async profiles(client: PgClient, rows: readonly EntityRow[]): Promise<EntityProfile[]> {
    const out: EntityProfile[] = [];
    for (const r of rows) out.push(await this.profile(client, r));
    return out;
  }

  private async entitiesByKey(client: PgClient, key: string, limit: number): Promise<EntityRow[]> {
    return rowsOf<EntityRow>(
      client,
      'SELECT e.* FROM entity_keys k JOIN entities e ON e.id = k.entity WHERE k.key = $1 AND e.mentions > 0' +
        ' ORDER BY e.mentions DESC, e.id LIMIT $2',
      [key, limit],
    );
  }

  async findEntities(client: PgClient, name: string, limit = 20): Promise<EntityProfile[]> {
    const key = nameKey(name);
    // A full name first; a surname alone ("Pak") lists the people who bear it.
    const rows = await this.entitiesByKey(client, `k:${key}`, limit);
    return this.profiles(client, rows.length ? rows : await this.entitiesByKey(client, `s:${key}`, limit));
  }

  async articleLinks(client: PgClient, id: string): Promise<ArticleLinks | null> {
    const [row] = await rowsOf<{
      seq: number;
      duplicate_of: number | null;
      entities: number;
      events: number;
    }>(
      client,
      'SELECT a.seq, l.duplicate_of, (SELECT count(*) FROM mentions WHERE article = a.seq) AS entities,' +
        ' (SELECT count(*) FROM events WHERE article = a.seq) AS events' +
        ' FROM articles a LEFT JOIN article_links l ON l.article = a.seq WHERE a.id = $1',
      [id],
    );
    if (!row) return null;
    const entities: (string | null)[] = Array.from({ length: row.entities }, () => null);
    for (const m of await rowsOf<{ idx: number; entity: number }>(
      client,
      'SELECT idx, entity FROM entity_mentions WHERE article = $1',
      [row.seq],
    ))
      if (m.idx < entities.length) entities[m.idx] = `e${m.entity}`;
    // A copy's events are reported by its original, index for index (the same text, the same analysis).
    const reports = await rowsOf<{ idx: number; event: number }>(
      client,
      'SELECT idx, event FROM event_reports WHERE article = $1',
      [row.duplicate_of ?? row.seq],
    );
    const merged = new Map(
      (
        await this.assembleEvents(
          client,
          await rowsOf<MergedEventRow>(
            client,
            'SELECT m.* FROM merged_events m WHERE m.id = ANY($1::bigint[])',
            [[...new Set(reports.map((r) => r.event))]],
          ),
        )
      ).map((e) => [e.id, e]),
    );
    const events: (TimelineEvent | null)[] = Array.from({ length: row.events }, () => null);
    for (const r of reports) if (r.idx < events.length) events[r.idx] = merged.get(`v${r.event}`) ?? null;
    return { entities, events };
  }

  async listEntities(client: PgClient, limit = 50, offset = 0, type?: string): Promise<EntityProfile[]> {
    const rows = await rowsOf<EntityRow>(
      client,
      'SELECT * FROM entities WHERE mentions > 0 AND ($3::text IS NULL OR type = $3)' +
        ' ORDER BY mentions DESC, id LIMIT $1 OFFSET $2',
      [limit, offset, type ?? null],
    );
    return this.profiles(client, rows);
  }

  async getEntity(client: PgClient, id: string): Promise<EntityProfile | null> {
    if (!isEntityId(id)) return null;
    const [row] = await rowsOf<EntityRow>(client, 'SELECT * FROM entities WHERE id = $1 AND mentions > 0', [
      num(id),
    ]);
    return row ? this.profile(client, row) : null;
  }

  async cooccurring(client: PgClient, id: string, limit = 20): Promise<CooccurringEntity[]> {
    if (!isEntityId(id)) return [];
    const rows = await rowsOf<CooccurringEntity & { id: number }>(
      client,
      'WITH mine AS (SELECT em.article FROM (SELECT DISTINCT article FROM entity_mentions WHERE entity = $1) em' +
        ' JOIN articles a ON a.seq = em.article ORDER BY a.published DESC NULLS LAST LIMIT $2)' +
        ' SELECT e.id, e.name, e.type, e.country, count(DISTINCT o.article) AS articles' +
        ' FROM mine JOIN entity_mentions o ON o.article = mine.article JOIN entities e ON e.id = o.entity' +
        ' WHERE o.entity <> $1 GROUP BY e.id ORDER BY articles DESC, e.id LIMIT $3',
      [num(id), LIMITS.cooccurrenceArticles, limit],
    );
    return rows.map((r) => ({ ...r, id: `e${r.id}` }));
  }

  private async actorKeys(client: PgClient, id: string): Promise<string[]> {
    if (!isEntityId(id)) return [];
    const [row] = await rowsOf<{ type: string; name: string; country: string | null }>(
      client,
      'SELECT type, name, country FROM entities WHERE id = $1 AND mentions > 0',
      [num(id)],
    );
    return actorKeys(id, row);
  }

  async timeline(client: PgClient, q: TimelineQuery): Promise<TimelineEvent[]> {
    const keys = await this.actorKeys(client, q.entity);
    const withKeys = q.with ? await this.actorKeys(client, q.with) : null;
    if (!keys.length || (withKeys && !withKeys.length)) return [];
    const params = new SqlParams();
    const k = params.add(keys);
    const where = [
      `(m.source_key = ANY(${k}::text[]) OR m.target_key = ANY(${k}::text[]))`,
      ...(withKeys
        ? [
            `(m.source_key = ANY(${params.add(withKeys)}::text[]) OR m.target_key = ANY($${params.values.length}::text[]))`,
          ]
        : []),
      ...(q.type ? [`m.type = ${params.add(q.type)}`] : []),
      ...dateRange(params, q.from, q.to),
    ];
    const rows = await rowsOf<MergedEventRow>(
      client,
      `SELECT m.* FROM merged_events m WHERE ${where.join(' AND ')}${ORDER_EVENTS} LIMIT ${params.add(q.limit ?? LIMITS.timeline)}`,
      params.values,
    );
    return this.assembleEvents(client, rows, q.reportsPerEvent);
  }

  async events(client: PgClient, filter: CorpusFilter, limit = 100, offset = 0): Promise<TimelineEvent[]> {
    const params = new SqlParams();
    const where = dateRange(params, filter.from, filter.to);
    if (filter.type) where.push(`m.type = ${params.add(filter.type)}`);
    if (filter.country) {
      const c = params.add(filter.country);
      where.push(`(m.source_country = ${c} OR m.target_country = ${c})`);
    }
    if (filter.entity) {
      const keys: string[] = [];
      for (const e of await this.findEntities(client, filter.entity, 5))
        keys.push(...(await this.actorKeys(client, e.id)));
      const k = params.add(keys);
      where.push(`(m.source_key = ANY(${k}::text[]) OR m.target_key = ANY(${k}::text[]))`);
    }
    if (filter.source)
      where.push(
        'EXISTS (SELECT 1 FROM event_reports r JOIN articles a ON a.seq = r.article' +
          ` WHERE r.event = m.id AND lower(a.source) = lower(${params.add(filter.source)}))`,
      );
    const sql = `SELECT m.* FROM merged_events m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return this.assembleEvents(
      client,
      await rowsOf<MergedEventRow>(
        client,
        `${sql}${ORDER_EVENTS} LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
        params.values,
      ),
    );
  }

  private async assembleEvents(
    client: PgClient,
    rows: readonly MergedEventRow[],
    perEvent: number = LIMITS.reportsPerEvent,
  ): Promise<TimelineEvent[]> {
    if (!rows.length) return [];
    const reports = await rowsOf<ReportRow>(
      client,
      'SELECT event, article_id, published, modality, evidence_start, evidence_end, text FROM (' +
        ' SELECT *, row_number() OVER (PARTITION BY event ORDER BY linked, article, idx) AS n' +
        ' FROM event_reports WHERE event = ANY($1::bigint[])) r WHERE n <= $2 ORDER BY event, n',
      [rows.map((r) => r.id), perEvent],
    );
    const entities = await rowsOf<{ id: number; name: string; country: string | null }>(
      client,
      'SELECT id, name, country FROM entities WHERE id = ANY($1::bigint[])',
      [eventEntityIds(rows)],
    );
    return timelineEvents(rows, reports, entities);
  }

  async listStories(client: PgClient, limit = 50, offset = 0): Promise<StorySummary[]> {
    const rows = await rowsOf<{ id: number; first: string | null; last: string | null }>(
      client,
      'SELECT id, first, last FROM stories WHERE size > 0 ORDER BY first IS NULL, first, id LIMIT $1 OFFSET $2',
      [limit, offset],
    );
    return this.storySummaries(client, rows);
  }

  private async storySummaries(
    client: PgClient,
    rows: readonly { id: number; first: string | null; last: string | null }[],
  ): Promise<StorySummary[]> {
    const members = await rowsOf<{ story: number; id: string; title: string | null }>(
      client,
      'SELECT l.story, a.id, a.title FROM article_links l JOIN articles a ON a.seq = l.article' +
        ' WHERE l.story = ANY($1::bigint[]) ORDER BY l.story, a.published IS NULL, a.published, a.id',
      [rows.map((r) => r.id)],
    );
    return storySummaries(rows, members);
  }

  async getStory(client: PgClient, id: string, listings: Listings): Promise<StoryDetail | null> {
    if (!isStoryId(id)) return null;
    const [row] = await rowsOf<{ id: number; first: string | null; last: string | null }>(
      client,
      'SELECT id, first, last FROM stories WHERE id = $1 AND size > 0',
      [num(id)],
    );
    if (!row) return null;
    const seqs = (
      await rowsOf<{ article: number }>(
        client,
        'SELECT l.article FROM article_links l JOIN articles a ON a.seq = l.article WHERE l.story = $1' +
          ' ORDER BY a.published IS NULL, a.published, a.id',
        [row.id],
      )
    ).map((r) => r.article);
    const events = await rowsOf<MergedEventRow>(
      client,
      'SELECT m.* FROM merged_events m WHERE m.id IN (SELECT r.event FROM event_reports r WHERE r.article = ANY($1::bigint[]))' +
        ORDER_EVENTS,
      [seqs],
    );
    return {
      ...(await this.storySummaries(client, [row]))[0]!,
      listings: await listings(client, seqs),
      events: await this.assembleEvents(client, events),
    };
  }

  /** The link fields of article listings: story, duplicate_of and near-duplicates. */
  async linkFields(
    client: PgClient,
    seqs: readonly number[],
  ): Promise<Map<number, Pick<ArticleListing, 'story' | 'duplicate_of' | 'similar'>>> {
    const links = await rowsOf<{
      article: number;
      story: number | null;
      duplicate_of: string | null;
    }>(
      client,
      'SELECT l.article, l.story, d.id AS duplicate_of FROM article_links l' +
        ' LEFT JOIN articles d ON d.seq = l.duplicate_of WHERE l.article = ANY($1::bigint[])',
      [seqs],
    );
    const similar = await rowsOf<{ article: number; id: string; similarity: number }>(
      client,
      'SELECT s.article, o.id, s.similarity FROM article_similar s JOIN articles o ON o.seq = s.other' +
        ' WHERE s.article = ANY($1::bigint[]) ORDER BY s.article, s.similarity DESC, o.id',
      [seqs],
    );
    return listingLinks(seqs, links, similar);
  }
}
