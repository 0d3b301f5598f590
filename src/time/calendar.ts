/**
 * Calendar arithmetic for resolving time expressions: days, ISO weeks, months and quarters, all
 * in UTC so that no local time zone (and no clock) can shift a value.
 */

export interface CalendarDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Reads the date part of an ISO date or date-time ("2014-11-14", "2014-11-14T09:30"); null if not one. */
export function parseIsoDate(s: string | null | undefined): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(date.y, date.m, date.d) ? date : null;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromUtc(t: number): CalendarDate {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromUtc(Date.UTC(date.y, date.m - 1, date.d + n));
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() || 7;
}

/** The ISO 8601 week-numbering year and week of a day. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const week = Math.floor((Date.UTC(thursday.y, thursday.m - 1, thursday.d) - jan1) / 86_400_000 / 7) + 1;
  return { year: thursday.y, week };
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const total = y * 12 + (m - 1) + n;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}

export const formatYear = (y: number): string => pad(y, 4);
export const formatMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export const formatDay = (date: CalendarDate): string => `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;

/** The ISO week containing `date` shifted by `n` weeks, as "2014-W46". */
export function formatWeek(date: CalendarDate, n = 0): string {
  const w = isoWeek(addDays(date, 7 * n));
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export const quarterOf = (m: number): number => Math.ceil(m / 3);
