/**
 * The time decay of story similarity. Only dates both sides know count: an article and a story
 * (its first to last dated article) within `graceDays` of each other are not discounted; past
 * that, the similarity halves every `halfLifeDays`. When the article or every article of the
 * story is undated, the gap is unknown and the similarity is multiplied by `undatedFactor`.
 */

export interface TimeSettings {
  readonly graceDays: number;
  readonly halfLifeDays: number;
  readonly undatedFactor: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD...` date, or null when it is not one. */
export function dayNumber(date: string | null): number | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : null;
}

/** Days from `day` to the interval [first, last] (0 inside it), or null when a side is undated. */
export function daysApart(
  published: string | null,
  first: string | null,
  last: string | null,
): number | null {
  const day = dayNumber(published);
  const from = dayNumber(first);
  const to = dayNumber(last);
  if (day === null || from === null || to === null) return null;
  return day < from ? from - day : day > to ? day - to : 0;
}

export function timeDecay(gap: number | null, settings: TimeSettings): number {
  if (gap === null) return settings.undatedFactor;
  if (gap <= settings.graceDays) return 1;
  return 0.5 ** ((gap - settings.graceDays) / settings.halfLifeDays);
}
