/**
 * The linked-data queries on SQLite (`LinkQueries`): entity profiles, merged-event timelines of
 * an actor or a pair of actors, stories, and the link fields of article listings. Lists that can
 * grow with the corpus are bounded (`LIMITS`, docs/limits.md).
 */
import { countryName } from '../../geo/index.js';
import { nameKey } from '../../link/index.js';
import type { EventType, Modality } from '../../doc/index.js';
import type {
  ArticleLinks,
  ArticleListing,
  CooccurringEntity,
  CorpusFilter,
  EntityProfile,
  EventReport,
  StoryDetail,
  StorySummary,
  TimelineActor,
  TimelineEvent,
  TimelineQuery,
} from '../types.js';
import { num } from './link-session.js';
import type { SqliteDb } from './open.js';
import { IN_JSON, inJson } from './rows.js';
import { statement } from './statements.js';

export const LIMITS = {
  /** Articles listed in an entity's profile (its most recent, in date order). */
  profileArticles: 1000,
  /** Recent articles of an entity read for its co-occurring entities. */
  cooccurrenceArticles: 500,
  /** Reports listed per merged event (the first linked); `report_count` gives them all. */
  reportsPerEvent: 100,
  timeline: 1000,
} as const;

interface EntityRow {
  id: number;
  type: string;
  name: string;
  country: string | null;
  mentions: number;
  first: string | null;
  last: string | null;
}

interface EventRow {
  id: number;
  type: EventType;
  mode: string | null;
  modality: Modality;
  date: string | null;
  reports: number;
  source_key: string | null;
  source_entity: number | null;
  source_name: string | null;
  source_country: string | null;
  target_key: string | null;
  target_entity: number | null;
  target_name: string | null;
  target_country: string | null;
}

const json = (values: readonly unknown[]): string => JSON.stringify(values);
const ORDER_EVENTS = ' ORDER BY m.start IS NULL, m.start, m.id';

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

export class SqliteLinkQueries {
  constructor(private readonly db: SqliteDb) {}

  private profile(
    row: EntityRow,
  ): EntityProfile & { role_history: { role: string; first: string | null }[] } {
    const aliases = statement(
      this.db,
      "SELECT form AS text, count FROM entity_forms WHERE entity = ? AND kind = 'alias' ORDER BY count DESC, form",
    ).all(row.id) as { text: string; count: number }[];
    const roleRows = statement(
      this.db,
      'SELECT r.role, substr(a.published, 1, 10) AS published FROM entity_roles r JOIN articles a ON a.seq = r.article' +
        ' WHERE r.entity = ? ORDER BY a.published IS NULL, a.published, a.id, r.role',
    ).all(row.id) as { role: string; published: string | null }[];
    const roles = new Map<string, { role: string; first: string | null }>();
    for (const r of roleRows)
      if (!roles.has(r.role.toLowerCase()))
        roles.set(r.role.toLowerCase(), { role: r.role, first: r.published });
    const articles = statement(
      this.db,
      'SELECT id FROM (SELECT a.id, a.published FROM (SELECT DISTINCT article FROM entity_mentions WHERE entity = ?) em' +
        ' JOIN articles a ON a.seq = em.article ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?)' +
        ' ORDER BY published IS NULL, published, id',
    )
      .pluck()
      .all(row.id, LIMITS.profileArticles) as string[];
    return {
      id: `e${row.id}`,
      name: row.name,
      type: row.type,
      country: row.country,
      aliases,
      roles: [...roles.values()].map((r) => r.role),
      role_history: [...roles.values()],
      articles,
      mentions: row.mentions,
      first: row.first,
      last: row.last,
    };
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
        statement(this.db, `SELECT m.* FROM merged_events m WHERE m.id ${IN_JSON}`).all(
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
    if (!/^e\d+$/.test(id)) return null;
    const row = statement(this.db, 'SELECT * FROM entities WHERE id = ? AND mentions > 0').get(num(id)) as
      EntityRow | undefined;
    return row ? this.profile(row) : null;
  }

  cooccurring(id: string, limit = 20): CooccurringEntity[] {
    if (!/^e\d+$/.test(id)) return [];
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

  /** The keys merged events know an entity by: itself, and its country when it is a country. */
  private actorKeys(id: string): string[] {
    if (!/^e\d+$/.test(id)) return [];
    const row = statement(this.db, 'SELECT type, name, country FROM entities WHERE id = ?').get(num(id)) as
      { type: string; name: string; country: string | null } | undefined;
    if (!row) return [];
    const country = row.country ? countryName(row.country) : null;
    const isCountry =
      (row.type === 'GPE' || row.type === 'LOC') &&
      country !== null &&
      nameKey(country) === nameKey(row.name);
    return isCountry ? [id, `c:${row.country}`] : [id];
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
    // Ids first (the indexes answer it alone), then the rows of the page.
    const ids = statement(
      this.db,
      `SELECT m.id FROM merged_events m WHERE ${where.join(' AND ')}${ORDER_EVENTS} LIMIT @limit`,
    )
      .pluck()
      .all({
        keys: json(keys),
        with: json(withKeys ?? []),
        ...(q.type ? { type: q.type } : {}),
        ...range.params,
        limit: q.limit ?? LIMITS.timeline,
      }) as number[];
    return this.assembleEvents(this.eventRows(ids), q.reportsPerEvent);
  }

  /** Merged-event rows by id, in the order of `ids`. */
  private eventRows(ids: readonly number[]): EventRow[] {
    const rows = statement(this.db, `SELECT * FROM merged_events WHERE id ${IN_JSON}`).all(
      json(ids),
    ) as EventRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)!);
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
    const sql = `SELECT m.* FROM merged_events m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
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
      'SELECT event, article_id, published, modality, evidence_start, evidence_end, text FROM (' +
        ' SELECT *, row_number() OVER (PARTITION BY event ORDER BY linked, article, idx) AS n' +
        ` FROM event_reports WHERE event ${inJson('@events')}) WHERE n <= @per ORDER BY event, n`,
    ).all({ events: json(rows.map((r) => r.id)), per: perEvent }) as {
      event: number;
      article_id: string;
      published: string | null;
      modality: Modality;
      evidence_start: number;
      evidence_end: number;
      text: string;
    }[];
    const byEvent = new Map<number, EventReport[]>();
    for (const r of reports)
      byEvent.set(r.event, [
        ...(byEvent.get(r.event) ?? []),
        {
          article: r.article_id,
          published: r.published,
          modality: r.modality,
          evidence: { start: r.evidence_start, end: r.evidence_end },
          text: r.text,
        },
      ]);
    const entityIds = rows
      .flatMap((r) => [r.source_entity, r.target_entity])
      .filter((x): x is number => x !== null);
    const entities = new Map(
      (
        statement(this.db, `SELECT id, name, country FROM entities WHERE id ${IN_JSON}`).all(
          json(entityIds),
        ) as {
          id: number;
          name: string;
          country: string | null;
        }[]
      ).map((e) => [e.id, e]),
    );
    const actor = (
      entity: number | null,
      name: string | null,
      country: string | null,
    ): TimelineActor | null => {
      if (name === null) return null;
      const e = entity === null ? undefined : entities.get(entity);
      return { entity: e ? `e${e.id}` : null, name: e?.name ?? name, country: country ?? e?.country ?? null };
    };
    return rows.map((m) => ({
      id: `v${m.id}`,
      date: m.date,
      type: m.type,
      ...(m.mode ? { mode: m.mode } : {}),
      modality: m.modality,
      source: actor(m.source_entity, m.source_name, m.source_country),
      target: actor(m.target_entity, m.target_name, m.target_country),
      reports: byEvent.get(m.id) ?? [],
      report_count: m.reports,
    }));
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
    return rows.map((r) => {
      const mine = members.filter((m) => m.story === r.id);
      return {
        id: `s${r.id}`,
        title: mine.find((m) => m.title)?.title ?? null,
        first: r.first,
        last: r.last,
        articles: mine.map((m) => m.id),
      };
    });
  }

  getStory(id: string, listings: (seqs: readonly number[]) => ArticleListing[]): StoryDetail | null {
    if (!/^s\d+$/.test(id)) return null;
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
      `SELECT m.* FROM merged_events m WHERE m.id IN (SELECT r.event FROM event_reports r WHERE r.article ${IN_JSON})` +
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
    const out = new Map<number, Pick<ArticleListing, 'story' | 'duplicate_of' | 'similar'>>();
    for (const seq of seqs) out.set(seq, { story: null, duplicate_of: null, similar: [] });
    for (const l of links)
      out.set(l.article, {
        story: l.story === null ? null : `s${l.story}`,
        duplicate_of: l.duplicate_of,
        similar: [],
      });
    for (const s of similar)
      out.get(s.article)?.similar.push({ id: s.id, similarity: Math.round(s.similarity * 1000) / 1000 });
    return out;
  }
}
