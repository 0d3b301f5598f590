/**
 * TIMEX3 date values as intervals of days, so that reports at different granularities can be
 * compared: "2024-06-10" lies in "2024-W24", in "2024-06" and in "2024". Values that name no
 * calendar stretch (PAST_REF, durations, XXXX-…) have no interval.
 */

/** An inclusive range of day numbers (days since 1970-01-01, UTC). */
export interface DayInterval {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;
export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
export function formatDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const months = (y: number, from: number, to: number): DayInterval => ({
  start: dayNumber(y, from, 1),
  end: dayNumber(y, to, lastDay(y, to)),
});

/** Monday of ISO week `w` of year `y`. */
function isoWeekStart(y: number, w: number): number {
  const jan4 = dayNumber(y, 1, 4);
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7;
  return jan4 - weekday + (w - 1) * 7;
}

const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11] };

export function dateInterval(value: string | null): DayInterval | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const day = dayNumber(+m[1]!, +m[2]!, +m[3]!);
    return { start: day, end: day };
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const monday = isoWeekStart(+m[1]!, +m[2]!);
    return m[3] ? { start: monday + 5, end: monday + 6 } : { start: monday, end: monday + 6 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return months(+m[1]!, +m[2]!, +m[2]!);
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return months(+m[1]!, +m[2]! * 3 - 2, +m[2]! * 3);
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = +m[1]!;
    if (m[2] === 'WI') return { start: dayNumber(y, 12, 1), end: dayNumber(y + 1, 2, lastDay(y + 1, 2)) };
    const [from, to] = SEASONS[m[2]!]!;
    return months(y, from, to);
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return months(+m[1]!, 1, 12);
  return null;
}

/** Days between two intervals (0 when they overlap). */
export function gapDays(a: DayInterval, b: DayInterval): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

export const hull = (a: DayInterval, b: DayInterval): DayInterval => ({
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end),
});
