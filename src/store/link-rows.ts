/**
 * The linked-data rows both stores read (entities, merged events and their reports, stories) and
 * their assembly into the API's shapes, so SQLite and PostgreSQL answer alike: each store only
 * fetches the rows (src/store/sqlite/link-queries.ts, src/store/postgres/link-queries.ts).
 */
import { countryName } from '../geo/index.js';
import { nameKey } from '../link/index.js';
import type { EventType, Modality } from '../doc/index.js';
import type {
  ArticleListing,
  EntityProfile,
  EventReport,
  StorySummary,
  TimelineActor,
  TimelineEvent,
} from './types.js';

export const LIMITS = {
  /** Articles listed in an entity's profile (its most recent, in date order). */
  profileArticles: 1000,
  /** Recent articles of an entity read for its co-occurring entities. */
  cooccurrenceArticles: 500,
  /** Reports listed per merged event (the first linked); `report_count` gives them all. */
  reportsPerEvent: 100,
  timeline: 1000,
} as const;

export interface EntityRow {
  id: number;
  type: string;
  name: string;
  country: string | null;
  mentions: number;
  first: string | null;
  last: string | null;
}

export interface MergedEventRow {
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

export interface ReportRow {
  event: number;
  article_id: string;
  published: string | null;
  modality: Modality;
  evidence_start: number;
  evidence_end: number;
  text: string;
}

/** Merged events in date order, undated last. */
export const ORDER_EVENTS = ' ORDER BY m.start IS NULL, m.start, m.id';

export type ProfileWithHistory = EntityProfile & { role_history: { role: string; first: string | null }[] };

/** A profile from an entity's row, its alias counts, its roles in date order and its articles. */
export function entityProfile(
  row: EntityRow,
  aliases: { text: string; count: number }[],
  roleRows: readonly { role: string; published: string | null }[],
  articles: string[],
): ProfileWithHistory {
  const roles = new Map<string, { role: string; first: string | null }>();
  for (const r of roleRows)
    if (!roles.has(r.role.toLowerCase()))
      roles.set(r.role.toLowerCase(), { role: r.role, first: r.published });
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

/** The keys merged events know an entity by: itself, and its country when it is a country. */
export function actorKeys(
  id: string,
  row: { type: string; name: string; country: string | null } | undefined,
): string[] {
  if (!row) return [];
  const country = row.country ? countryName(row.country) : null;
  const isCountry =
    (row.type === 'GPE' || row.type === 'LOC') && country !== null && nameKey(country) === nameKey(row.name);
  return isCountry ? [id, `c:${row.country}`] : [id];
}

/** Merged events with their actors (entity names as resolved now) and their reports. */
export function timelineEvents(
  rows: readonly MergedEventRow[],
  reports: readonly ReportRow[],
  entities: readonly { id: number; name: string; country: string | null }[],
): TimelineEvent[] {
  const byEvent = new Map<number, EventReport[]>();
  for (const r of reports) {
    const list = byEvent.get(r.event) ?? [];
    list.push({
      article: r.article_id,
      published: r.published,
      modality: r.modality,
      evidence: { start: r.evidence_start, end: r.evidence_end },
      text: r.text,
    });
    byEvent.set(r.event, list);
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  const actor = (
    entity: number | null,
    name: string | null,
    country: string | null,
  ): TimelineActor | null => {
    if (name === null) return null;
    const e = entity === null ? undefined : byId.get(entity);
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

/** The entity ids a page of merged events names. */
export const eventEntityIds = (rows: readonly MergedEventRow[]): number[] =>
  rows.flatMap((r) => [r.source_entity, r.target_entity]).filter((x): x is number => x !== null);

/** Stories with their member articles (listed in date order), titled by their first titled one. */
export function storySummaries(
  rows: readonly { id: number; first: string | null; last: string | null }[],
  members: readonly { story: number; id: string; title: string | null }[],
): StorySummary[] {
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

/** Entity ids as the API writes them (`e17`) and back. */
export const isEntityId = (id: string): boolean => /^e\d+$/.test(id);
export const isStoryId = (id: string): boolean => /^s\d+$/.test(id);
export const idNumber = (id: string): number => Number(id.slice(1));

/** The link fields of article listings (story, duplicate_of, near-duplicates) by article `seq`. */
export function listingLinks(
  seqs: readonly number[],
  links: readonly { article: number; story: number | null; duplicate_of: string | null }[],
  similar: readonly { article: number; id: string; similarity: number }[],
): Map<number, Pick<ArticleListing, 'story' | 'duplicate_of' | 'similar'>> {
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

/** Listings of article rows with their link fields (`listingLinks`). */
export function withLinkFields(
  rows: readonly {
    seq: number;
    id: string;
    title: string | null;
    published: string | null;
    source: string | null;
    url: string | null;
  }[],
  links: Map<number, Pick<ArticleListing, 'story' | 'duplicate_of' | 'similar'>>,
): ArticleListing[] {
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    published: r.published,
    source: r.source,
    url: r.url,
    ...links.get(r.seq)!,
  }));
}
