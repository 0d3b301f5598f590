/**
 * Rows of the store's tables (the same columns in SQLite and PostgreSQL) and their assembly into
 * a `StoredArticle`: the analyze contract's key order is rebuilt exactly, so
 * `export --format jsonl` prints what `analyze` printed.
 */
import type { DocJson, EntityType, EventType, Modality, TimexType } from '../doc/index.js';
import type { StoredArticle } from './types.js';

export interface ArticleRow {
  seq: number;
  id: string;
  hash: string;
  url: string | null;
  source: string | null;
  title: string | null;
  published: string | null;
  body: string;
  layers: string;
  pipeline_version: string;
  ingested_at: string;
}

export interface MentionRow {
  article: number;
  start: number;
  end: number;
  text: string;
  type: string;
  canonical: string;
  country: string | null;
}

export interface TimexRow {
  article: number;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string | null;
}

export interface EventRow {
  article: number;
  type: string;
  mode: string | null;
  modality: string;
  date: string | null;
  source_name: string | null;
  source_country: string | null;
  target_name: string | null;
  target_country: string | null;
  evidence_start: number;
  evidence_end: number;
}

/**
 * An article's layer rows as column values, in the order of the tables' columns after
 * `(article, idx)`: what both stores write for each mention, time expression and event.
 */
export function layerRows(a: StoredArticle): {
  mentions: unknown[][];
  timexes: unknown[][];
  events: unknown[][];
} {
  return {
    mentions: (a.entities ?? []).map((m) => [m.start, m.end, m.text, m.type, m.canonical, m.country]),
    timexes: (a.timexes ?? []).map((t) => [t.start, t.end, t.text, t.type, t.value]),
    events: (a.events ?? []).map((e) => [
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
    ]),
  };
}

/** The layers an article carries, recorded so an absent layer stays absent (not `[]`). */
export function layerNames(article: DocJson): string {
  return (['entities', 'timexes', 'events'] as const).filter((k) => article[k] !== undefined).join(',');
}

const actor = (name: string | null, country: string | null) => (name === null ? null : { name, country });

export function assembleArticle(
  row: ArticleRow,
  mentions: readonly MentionRow[],
  timexes: readonly TimexRow[],
  events: readonly EventRow[],
): StoredArticle {
  const layers = new Set(row.layers.split(','));
  const out: StoredArticle = {
    id: row.id,
    title: row.title,
    published: row.published,
    body: row.body,
  } as StoredArticle;
  if (layers.has('entities'))
    out.entities = mentions.map((m) => ({
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.type as EntityType,
      canonical: m.canonical,
      country: m.country,
    }));
  if (layers.has('timexes'))
    out.timexes = timexes.map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      type: t.type as TimexType,
      value: t.value,
    }));
  if (layers.has('events'))
    out.events = events.map((e) => ({
      type: e.type as EventType,
      ...(e.mode ? { mode: e.mode } : {}),
      source: actor(e.source_name, e.source_country),
      target: actor(e.target_name, e.target_country),
      modality: e.modality as Modality,
      date: e.date,
      evidence: { start: e.evidence_start, end: e.evidence_end },
    }));
  out.url = row.url;
  out.source = row.source;
  out.hash = row.hash;
  out.pipeline_version = row.pipeline_version;
  out.ingested_at = row.ingested_at;
  return out;
}

/** Groups child rows (sorted by article) by their article's `seq`. */
export function groupByArticle<T extends { article: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.article);
    if (list) list.push(row);
    else out.set(row.article, [row]);
  }
  return out;
}
