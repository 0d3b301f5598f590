/**
 * Merged events: reports from any number of articles of one event (same type, same resolved
 * actors, compatible dates and modality) become one event with its reports, as GDELT keeps
 * events once and mentions many. Rules:
 * - meetings and agreements (CONSULT, AGREE, COOPERATE) are undirected: "A met B" and "B met A"
 *   are one meeting; other types keep their direction;
 * - a mode matches the same mode or none ("held talks" and "visited" during one trip);
 * - denials (negated) merge only with denials; planned, possible and asserted reports merge, so a
 *   trip announced and later reported done is one event whose reports show both;
 * - dates are intervals at their own granularity (`date-interval.ts`): a planned report covers
 *   its date and the `PLANNED_DAYS` after it (plans are often dated by the day they were
 *   announced); an undated report covers the week before its article's publication (asserted) or
 *   the `PLANNED_DAYS` after it (planned); reports match when their intervals lie within
 *   `VISIT_GAP` days (visits last days) or `EVENT_GAP` days (anything else) of the event's.
 * Among matching events the nearest in time wins, then the most reported, then the oldest.
 */
import type { EventType, Modality } from '../../doc/index.js';
import type { EventReportInput, MergedEventCandidate } from '../types.js';
import { dateInterval, formatDayNumber, gapDays, hull, type DayInterval } from './date-interval.js';

export const PLANNED_DAYS = 45;
export const UNDATED_PAST_DAYS = 7;
export const VISIT_GAP = 4;
export const EVENT_GAP = 1;
/** Widths up to a week count as a precise date for an event's own interval. */
const PRECISE_DAYS = 7;

const UNDIRECTED = new Set<EventType>(['CONSULT', 'AGREE', 'COOPERATE']);
const isPlan = (m: Modality): boolean => m === 'planned' || m === 'possible';

/** The lookup key of a report: its type and its two actor keys (sorted when undirected). */
export function eventKey(report: EventReportInput): { type: EventType; a: string; b: string } {
  const a = report.source?.key ?? '-';
  const b = report.target?.key ?? '-';
  return UNDIRECTED.has(report.type) && b < a
    ? { type: report.type, a: b, b: a }
    : { type: report.type, a, b };
}

interface Dated {
  readonly date: string | null;
  readonly modality: Modality;
  readonly published: string | null;
}

/** The days a report's own date names, or (undated) the days its article can speak of. */
function rawInterval(r: Dated): DayInterval | null {
  const own = dateInterval(r.date);
  if (own) return own;
  const pub = dateInterval(r.published);
  if (!pub) return null;
  return isPlan(r.modality)
    ? { start: pub.start, end: pub.start + PLANNED_DAYS }
    : { start: pub.start - UNDATED_PAST_DAYS, end: pub.end };
}

/** The days a report can match: a plan also covers the weeks after its date. */
function matchInterval(r: Dated): DayInterval | null {
  const raw = rawInterval(r);
  if (!raw || !isPlan(r.modality)) return raw;
  return { start: raw.start, end: Math.max(raw.end, raw.start + PLANNED_DAYS) };
}

function candidateInterval(c: MergedEventCandidate): DayInterval | null {
  if (c.start && c.end) {
    const span = { start: dateInterval(c.start)!.start, end: dateInterval(c.end)!.end };
    return isPlan(c.modality)
      ? { start: span.start, end: Math.max(span.end, span.start + PLANNED_DAYS) }
      : span;
  }
  return matchInterval({ date: null, modality: c.modality, published: c.anchor });
}

/** The merged event this report belongs to, or null when it is a new event. */
export function chooseMergedEvent(
  report: EventReportInput,
  candidates: readonly MergedEventCandidate[],
): string | null {
  const negated = report.modality === 'negated';
  const mine = matchInterval(report);
  const raw = rawInterval(report);
  const limit = report.mode === 'visit' ? VISIT_GAP : EVENT_GAP;
  let best: { id: string; gap: number; reports: number } | null = null;
  for (const c of candidates) {
    if ((c.modality === 'negated') !== negated) continue;
    if (report.mode && c.mode && report.mode !== c.mode) continue;
    const theirs = candidateInterval(c);
    const limitHere = c.mode === 'visit' ? VISIT_GAP : limit;
    if (mine && theirs && gapDays(mine, theirs) > limitHere) continue;
    const gap = raw && theirs ? gapDays(raw, theirs) : Number.MAX_SAFE_INTEGER;
    if (!best || gap < best.gap || (gap === best.gap && c.reports > best.reports))
      best = { id: c.id, gap, reports: c.reports };
  }
  return best?.id ?? null;
}

export interface ReportSummaryInput extends Dated {
  readonly mode: string | null;
}

export interface MergedEventSummary {
  readonly date: string | null;
  readonly modality: Modality;
  readonly mode: string | null;
  /** The event's own interval (first and last day), or null when no report dates it. */
  readonly start: string | null;
  readonly end: string | null;
  readonly anchor: string | null;
}

const width = (i: DayInterval | null): number => (i ? i.end - i.start : Number.MAX_SAFE_INTEGER);

/** What a merged event says, from all its reports (in the order they were linked). */
export function summariseReports(reports: readonly ReportSummaryInput[]): MergedEventSummary {
  const modality: Modality = reports.some((r) => r.modality === 'asserted')
    ? 'asserted'
    : reports.some((r) => r.modality === 'planned')
      ? 'planned'
      : reports.some((r) => r.modality === 'possible')
        ? 'possible'
        : 'negated';
  const modes = new Map<string, number>();
  for (const r of reports) if (r.mode) modes.set(r.mode, (modes.get(r.mode) ?? 0) + 1);
  const mode = [...modes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  // The date is the most precise one stated by the reports that carry the merged modality.
  const carrying = reports.filter((r) => r.modality === modality && dateInterval(r.date));
  const dated = carrying.length ? carrying : reports.filter((r) => dateInterval(r.date));
  const date =
    dated.reduce<ReportSummaryInput | null>(
      (a, r) => (a === null || width(dateInterval(r.date)) < width(dateInterval(a.date)) ? r : a),
      null,
    )?.date ?? null;
  const precise = dated.map((r) => dateInterval(r.date)!).filter((i) => width(i) < PRECISE_DAYS);
  const own = precise.length ? precise.reduce(hull) : dateInterval(date);
  const anchors = reports.flatMap((r) => (r.published ? [r.published.slice(0, 10)] : [])).sort();
  return {
    date,
    modality,
    mode,
    start: own ? formatDayNumber(own.start) : null,
    end: own ? formatDayNumber(own.end) : null,
    anchor: anchors[0] ?? null,
  };
}

/** Days around a report's interval within which a merged event can match it (for the lookup). */
const WINDOW_PAD = PLANNED_DAYS + VISIT_GAP;

/** The first and last day a matching merged event can touch, or null when undated. */
export function reportWindow(report: EventReportInput): { from: string; to: string } | null {
  const iv = matchInterval(report);
  return iv
    ? { from: formatDayNumber(iv.start - WINDOW_PAD), to: formatDayNumber(iv.end + WINDOW_PAD) }
    : null;
}
