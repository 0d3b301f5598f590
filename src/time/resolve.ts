/**
 * Turns the pieces a rule found (a weekday, a month, a day and month, an offset in units) into a
 * TIMEX3 value against the publication date, or into TimeML's unresolved form (XXXX-12,
 * XXXX-WXX-5) when there is no publication date. Never reads the clock.
 */
import {
  addDays,
  addMonths,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  isValidDate,
  isoWeekday,
  type CalendarDate,
} from './calendar.js';
import type { Tense } from './tense.js';

/** Which occurrence is meant: named by the text ("last", "next", "this") or by the clause's tense. */
export type Direction = 'last' | 'next' | 'this' | Tense;

export function directionOf(word: string, tense: () => Tense): Direction {
  const w = word.toLowerCase().trim();
  if (w === 'last' || w === 'this past' || w === 'past' || w === 'previous' || w === 'earlier') return 'last';
  if (w === 'next' || w === 'this coming' || w === 'coming' || w === 'following') return 'next';
  if (w === 'this' || w === 'current') return 'this';
  return tense();
}

export function weekdayValue(ref: CalendarDate | null, weekday: number, dir: Direction): string {
  if (!ref) return `XXXX-WXX-${weekday}`;
  const today = isoWeekday(ref);
  let delta: number;
  if (dir === 'this') delta = weekday - today;
  else if (dir === 'future') delta = (weekday - today + 7) % 7;
  else if (dir === 'next') delta = (weekday - today + 7) % 7 || 7;
  else if (dir === 'last') delta = -((today - weekday + 7) % 7 || 7);
  else delta = -((today - weekday + 7) % 7);
  return formatDay(addDays(ref, delta));
}

const AHEAD = 4;

export function monthValue(ref: CalendarDate | null, month: number, dir: Direction): string {
  if (!ref) return `XXXX-${String(month).padStart(2, '0')}`;
  let y = ref.y;
  if (dir === 'last') y = month < ref.m ? ref.y : ref.y - 1;
  else if (dir === 'next') y = month > ref.m ? ref.y : ref.y + 1;
  else if (dir === 'future') y = month >= ref.m ? ref.y : ref.y + 1;
  // News mostly reports what has happened: with no tense cue a bare month is the latest one.
  else if (dir === 'past') y = month <= ref.m ? ref.y : ref.y - 1;
  else if (dir === 'none') {
    // Without a tense cue: the latest such month, unless it is only a month or two away.
    const diff = month - ref.m;
    y = diff + 12 <= AHEAD ? ref.y + 1 : diff <= 0 || diff <= AHEAD ? ref.y : ref.y - 1;
  }
  return formatMonth(y, month);
}

/**
 * A day and month. Without a year: the year the clause's tense points to (a past clause never
 * names a day after publication), else the one within half a year of publication.
 */
export function monthDayValue(
  ref: CalendarDate | null,
  month: number,
  day: number,
  year?: number | (() => Tense),
): string | null {
  const tense = typeof year === 'function' ? year : undefined;
  if (typeof year === 'function') year = undefined;
  const y = year ?? ref?.y;
  if (y === undefined)
    return isValidDate(2000, month, day) ? `XXXX-${formatDay({ y: 2000, m: month, d: day }).slice(5)}` : null;
  if (!isValidDate(y, month, day)) return null;
  if (year === undefined && ref) {
    const diff = (y - ref.y) * 12 + (month - ref.m);
    const t = diff > 3 || diff < -3 ? (tense?.() ?? 'none') : 'none';
    if ((diff > 3 && t === 'past') || (diff > 5 && t !== 'future'))
      return formatDay({ y: y - 1, m: month, d: day });
    if ((diff < -3 && t === 'future') || (diff < -6 && t !== 'past'))
      return formatDay({ y: y + 1, m: month, d: day });
  }
  return formatDay({ y, m: month, d: day });
}

/** The year `n` years from publication, or null without one. */
export function yearOffset(ref: CalendarDate | null, n: number): string | null {
  return ref ? formatYear(ref.y + n) : null;
}

export function monthOffset(ref: CalendarDate | null, n: number): string | null {
  if (!ref) return null;
  const t = addMonths(ref.y, ref.m, n);
  return formatMonth(t.y, t.m);
}

export function dayOffset(ref: CalendarDate | null, n: number): string | null {
  return ref ? formatDay(addDays(ref, n)) : null;
}

export function weekOffset(ref: CalendarDate | null, n: number): string | null {
  return ref ? formatWeek(ref, n) : null;
}

/** A value with a TIMEX3 part-of-day or clock suffix ("2014-11-14TNI", "2014-11-14T15:00"). */
export function withTime(day: string | null, time: string): string {
  return `${day ?? 'XXXX-XX-XX'}T${time}`;
}
