/**
 * The linked-data queries on SQLite (`LinkQueries`): entity profiles, merged-event timelines of
 * an actor or a pair of actors, stories, and the link fields of article listings. Lists that can
 * grow with the corpus are bounded (`LIMITS`, docs/limits.md).
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
  type MergedEventRow as EventRow,
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
import type { SqliteDb } from './open.js';
import { IN_JSON, inJson } from './rows.js';
import { statement } from './statements.js';

const json = (values: readonly unknown[]): string => JSON.stringify(values);
/** The columns of `EventRow`: what an answer shows of a merged event, not the link pass's state. */
const EVENT_COLUMNS = [
  'id',
  'type',
  'mode',
  'modality',
  'date',
  'reports',
  'source_key',
  'source_entity',
  'source_name',
  'source_country',
  'target_key',
  'target_entity',
  'target_name',
  'target_country',
]
  .map((c) => `m.${c}`)
  .join(', ');

/** Inclusive date prefixes over an event's own interval (`start`/`end` days). */
function dateRange(from?: string, to?: string): { where: string[]; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (from) {
    where.push('m."end" >= @from');
    params.from = from;
  }
  if (to) {
    where.push('substr(m.start, 1, length(@to)) <= @to');
    params.to = to;
  }
  return { where, params };
}

type DatedId = { id: string; published: string | null };

/**
 * Rows listed newest first (undated last) put in date order (undated last, by id): both parts
 * reversed, which spares SQLite a second sort of up to `LIMITS.profileArticles` rows.
 */
export function inDateOrder(newestFirst: readonly DatedId[]): string[] {
  const firstUndated = newestFirst.findIndex((r) => r.published === null);
  const cut = firstUndated < 0 ? newestFirst.length : firstUndated;
  const dated = newestFirst.slice(0, cut).reverse();
  const undated = newestFirst.slice(cut).reverse();
  return [...dated, ...undated].map((r) => r.id);
}

export class SqliteLinkQueries {
  constructor(private readonly db: SqliteDb) {}

  private profile(row: EntityRow): ProfileWithHistory {
    const aliases = statement(
      this.db,
      "SELECT form AS text, count FROM entity_forms WHERE entity = ? AND kind = 'alias' ORDER BY count DESC, form",
    ).all(row.id) as { text: string; count: number }[];
    const roles = statement(
      this.db,
      'SELECT r.role, substr(a.published, 1, 10) AS published FROM entity_roles r JOIN articles a ON a.seq = r.article' +
        ' WHERE r.entity = ? ORDER BY a.published IS NULL, a.published, a.id, r.role',
    ).all(row.id) as { role: string; published: string | null }[];
    const newest = statement(
      this.db,
      'SELECT a.id, a.published FROM articles a WHERE a.seq IN (SELECT article FROM entity_mentions WHERE entity = ?)' +
        ' ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?',
    ).all(row.id, LIMITS.profileArticles) as DatedId[];
    return entityProfile(row, aliases, roles, inDateOrder(newest));
  }

  findEntities(name: string, limit = 20): EntityProfile[] {
    const key = nameKey(name);
    const lookup = (k: string) =>
      statement(
        this.db,
        'SELECT e.* FROM entity_keys k JOIN entities e ON e.id = k.entity WHERE k.key = ? AND e.mentions > 0' +
          ' ORDER BY e.mentions DESC, e.id LIMIT ?',
      ).all(k, limit) as EntityRow[];
    // A full name first; a surname alone ("Pak") lists the people who bear it.
    const rows = lookup(`k:${key}`);
    return (rows.length ? rows : lookup(`s:${key}`)).map((r) => this.profile(r));
  }

  articleLinks(id: string, counts: { entities: number; events: number }): ArticleLinks | null {
    const row = statement(
      this.db,
      'SELECT a.seq, l.duplicate_of FROM articles a LEFT JOIN article_links l ON l.article = a.seq WHERE a.id = ?',
    ).get(id) as { seq: number; duplicate_of: number | null } | undefined;
    if (!row) return null;
    const entities: (string | null)[] = Array.from({ length: counts.entities }, () => null);
    for (const m of statement(this.db, 'SELECT idx, entity FROM entity_mentions WHERE article = ?').all(
      row.seq,
    ) as {
      idx: number;
      entity: number;
    }[])
      if (m.idx < entities.length) entities[m.idx] = `e${m.entity}`;
    // A copy's events are reported by its original, index for index (the same text, the same analysis).
    const reports = statement(this.db, 'SELECT idx, event FROM event_reports WHERE article = ?').all(
      row.duplicate_of ?? row.seq,
    ) as { idx: number; event: number }[];
    const merged = new Map(
      this.assembleEvents(
        statement(this.db, `SELECT ${EVENT_COLUMNS} FROM merged_events m WHERE m.id ${IN_JSON}`).all(
          json([...new Set(reports.map((r) => r.event))]),
        ) as EventRow[],
      ).map((e) => [e.id, e]),
    );
    const events: (TimelineEvent | null)[] = Array.from({ length: counts.events }, () => null);
    for (const r of reports) if (r.idx < events.length) events[r.idx] = merged.get(`v${r.event}`) ?? null;
    return { entities, events };
  }

  listEntities(limit = 50, offset = 0, type?: string): EntityProfile[] {
    const rows = statement(
      this.db,
      `SELECT * FROM entities WHERE mentions > 0${type ? ' AND type = @type' : ''}` +
        ' ORDER BY mentions DESC, id LIMIT @limit OFFSET @offset',
    ).all({ limit, offset, ...(type ? { type } : {}) }) as EntityRow[];
    return rows.map((r) => this.profile(r));
  }

  getEntity(id: string): EntityProfile | null {
    if (!isEntityId(id)) return null;
    const row = statement(this.db, 'SELECT * FROM entities WHERE id = ? AND mentions > 0').get(num(id)) as
      EntityRow | undefined;
    return row ? this.profile(row) : null;
  }

  cooccurring(id: string, limit = 20): CooccurringEntity[] {
    if (!isEntityId(id)) return [];
    const rows = statement(
      this.db,
      'WITH mine AS (SELECT em.article FROM (SELECT DISTINCT article FROM entity_mentions WHERE entity = @id) em' +
        ' JOIN articles a ON a.seq = em.article ORDER BY a.published DESC LIMIT @recent)' +
        ' SELECT e.id, e.name, e.type, e.country, COUNT(DISTINCT o.article) AS articles' +
        ' FROM mine JOIN entity_mentions o ON o.article = mine.article JOIN entities e ON e.id = o.entity' +
        ' WHERE o.entity != @id GROUP BY e.id ORDER BY articles DESC, e.id LIMIT @limit',
    ).all({ id: num(id), recent: LIMITS.cooccurrenceArticles, limit }) as (CooccurringEntity & {
      id: number;
    })[];
    return rows.map((r) => ({ ...r, id: `e${r.id}` }));
  }

  /**
   * The keys merged events know an entity by: itself, and its country when it is a country. None
   * for an entity no article mentions any more, which `getEntity` does not know either.
   */
  private actorKeys(id: string): string[] {
    if (!isEntityId(id)) return [];
    return actorKeys(
      id,
      statement(this.db, 'SELECT type, name, country FROM entities WHERE id = ? AND mentions > 0').get(
        num(id),
      ) as { type: string; name: string; country: string | null } | undefined,
    );
  }

  timeline(q: TimelineQuery): TimelineEvent[] {
    const keys = this.actorKeys(q.entity);
    const withKeys = q.with ? this.actorKeys(q.with) : null;
    if (!keys.length || (withKeys && !withKeys.length)) return [];
    const range = dateRange(q.from, q.to);
    const where = [
      `(m.source_key ${inJson('@keys')} OR m.target_key ${inJson('@keys')})`,
      ...(withKeys ? [`(m.source_key ${inJson('@with')} OR m.target_key ${inJson('@with')})`] : []),
      ...(q.type ? ['m.type = @type'] : []),
      ...range.where,
    ];
    const rows = statement(
      this.db,
      `SELECT ${EVENT_COLUMNS} FROM merged_events m WHERE ${where.join(' AND ')}${ORDER_EVENTS} LIMIT @limit`,
    ).all({
      keys: json(keys),
      with: json(withKeys ?? []),
      ...(q.type ? { type: q.type } : {}),
      ...range.params,
      limit: q.limit ?? LIMITS.timeline,
    }) as EventRow[];
    return this.assembleEvents(rows, q.reportsPerEvent);
  }

  events(filter: CorpusFilter, limit = 100, offset = 0): TimelineEvent[] {
    const range = dateRange(filter.from, filter.to);
    const where = [...range.where];
    const params: Record<string, unknown> = { ...range.params, limit, offset };
    if (filter.type) {
      where.push('m.type = @type');
      params.type = filter.type;
    }
    if (filter.country) {
      where.push('(m.source_country = @country OR m.target_country = @country)');
      params.country = filter.country;
    }
    if (filter.entity) {
      const keys = this.findEntities(filter.entity, 5).flatMap((e) => this.actorKeys(e.id));
      where.push(`(m.source_key ${inJson('@keys')} OR m.target_key ${inJson('@keys')})`);
      params.keys = json(keys);
    }
    if (filter.source) {
      where.push(
        'EXISTS (SELECT 1 FROM event_reports r JOIN articles a ON a.seq = r.article WHERE r.event = m.id AND a.source = @source)',
      );
      params.source = filter.source;
    }
    const sql = `SELECT ${EVENT_COLUMNS} FROM merged_events m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return this.assembleEvents(
      statement(this.db, `${sql}${ORDER_EVENTS} LIMIT @limit OFFSET @offset`).all(params) as EventRow[],
    );
  }

  /** Merged events with their actors (entity names as resolved now) and their reports. */
  private assembleEvents(
    rows: readonly EventRow[],
    perEvent: number = LIMITS.reportsPerEvent,
  ): TimelineEvent[] {
    if (!rows.length) return [];
    const reports = statement(
      this.db,
      // Rank the reports on the index alone, then read only the rows of those listed.
      'SELECT r.event, r.article_id, r.published, r.modality, r.evidence_start, r.evidence_end, r.text FROM (' +
        ' SELECT article, idx, event, row_number() OVER (PARTITION BY event ORDER BY linked, article, idx) AS n' +
        ` FROM event_reports WHERE event ${inJson('@events')}) k` +
        ' JOIN event_reports r ON r.article = k.article AND r.idx = k.idx WHERE k.n <= @per ORDER BY k.event, k.n',
    ).all({ events: json(rows.map((r) => r.id)), per: perEvent }) as ReportRow[];
    const entities = statement(this.db, `SELECT id, name, country FROM entities WHERE id ${IN_JSON}`).all(
      json(eventEntityIds(rows)),
    ) as { id: number; name: string; country: string | null }[];
    return timelineEvents(rows, reports, entities);
  }

  listStories(limit = 50, offset = 0): StorySummary[] {
    const rows = statement(
      this.db,
      'SELECT id, first, last FROM stories WHERE size > 0 ORDER BY first IS NULL, first, id LIMIT ? OFFSET ?',
    ).all(limit, offset) as { id: number; first: string | null; last: string | null }[];
    return this.storySummaries(rows);
  }

  private storySummaries(
    rows: readonly { id: number; first: string | null; last: string | null }[],
  ): StorySummary[] {
    const members = statement(
      this.db,
      'SELECT l.story, a.id, a.title FROM article_links l JOIN articles a ON a.seq = l.article' +
        ` WHERE l.story ${IN_JSON} ORDER BY l.story, a.published IS NULL, a.published, a.id`,
    ).all(json(rows.map((r) => r.id))) as { story: number; id: string; title: string | null }[];
    return storySummaries(rows, members);
  }

  getStory(id: string, listings: (seqs: readonly number[]) => ArticleListing[]): StoryDetail | null {
    if (!isStoryId(id)) return null;
    const row = statement(this.db, 'SELECT id, first, last FROM stories WHERE id = ? AND size > 0').get(
      num(id),
    ) as { id: number; first: string | null; last: string | null } | undefined;
    if (!row) return null;
    const seqs = statement(
      this.db,
      'SELECT l.article FROM article_links l JOIN articles a ON a.seq = l.article WHERE l.story = ?' +
        ' ORDER BY a.published IS NULL, a.published, a.id',
    )
      .pluck()
      .all(row.id) as number[];
    const events = statement(
      this.db,
      `SELECT ${EVENT_COLUMNS} FROM merged_events m WHERE m.id IN (SELECT r.event FROM event_reports r WHERE r.article ${IN_JSON})` +
        ORDER_EVENTS,
    ).all(json(seqs)) as EventRow[];
    return {
      ...this.storySummaries([row])[0]!,
      listings: listings(seqs),
      events: this.assembleEvents(events),
    };
  }

  /** The link fields of article listings: story, duplicate_of and near-duplicates. */
  linkFields(
    seqs: readonly number[],
  ): Map<number, Pick<ArticleListing, 'story' | 'duplicate_of' | 'similar'>> {
    const links = statement(
      this.db,
      'SELECT l.article, l.story, d.id AS duplicate_of FROM article_links l' +
        ` LEFT JOIN articles d ON d.seq = l.duplicate_of WHERE l.article ${IN_JSON}`,
    ).all(json(seqs)) as { article: number; story: number | null; duplicate_of: string | null }[];
    const similar = statement(
      this.db,
      'SELECT s.article, o.id, s.similarity FROM article_similar s JOIN articles o ON o.seq = s.other' +
        ` WHERE s.article ${IN_JSON} ORDER BY s.article, s.similarity DESC, o.id`,
    ).all(json(seqs)) as { article: number; id: string; similarity: number }[];
    return listingLinks(seqs, links, similar);
  }
}
