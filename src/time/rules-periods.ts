/**
 * Rules for periods longer than a day: decades ("the 1990s", "the nineties"), centuries,
 * quarters ("the third quarter", "this quarter"), halves, seasons ("last summer") and fixed-date
 * holidays ("Christmas", "Thanksgiving Day"), each valued against the publication date.
 */
import { formatDay, formatYear, isoWeekday, quarterOf } from './calendar.js';
import { ORDINALS, SEASONS, SEASON_RE } from './lexicon.js';
import { MOD, START, YEAR } from './patterns.js';
import { directionOf, monthDayValue } from './resolve.js';
import { ci, group, rx, type TimexRule } from './rule.js';

const SEASON_ENDS: Readonly<Record<string, number>> = { SP: 5, SU: 8, FA: 11, WI: 2 };

/** Holidays on a weekday of a month: [month, ISO weekday, which one (-1 = the last)]. */
const MOVABLE: Readonly<Record<string, readonly [number, number, number]>> = {
  thanksgiving: [11, 4, 4],
  'thanksgiving day': [11, 4, 4],
  'labor day': [9, 1, 1],
  'memorial day': [5, 1, -1],
  // US Election Day: the Tuesday after the first Monday of November.
  'election day': [11, 2, 0],
};

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = isoWeekday({ y: year, m: month, d: 1 });
  const firstDay = 1 + ((weekday - first + 7) % 7);
  if (n > 0) return firstDay + 7 * (n - 1);
  if (n === 0) return isoWeekday({ y: year, m: month, d: 1 }) === 2 ? 8 : firstDay;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return firstDay + 7 * Math.floor((last - firstDay) / 7);
}

/** The month and day of a holiday; a movable one (day 0 without a year) needs the year. */
function holidayDay(name: string, year: number | undefined): [number, number] {
  if (name.startsWith('christmas eve')) return [12, 24];
  if (name.startsWith('christmas')) return [12, 25];
  if (name === "new year's eve") return [12, 31];
  if (name.startsWith('new year')) return [1, 1];
  if (name === 'independence day') return [7, 4];
  if (name === 'halloween') return [10, 31];
  if (name.startsWith('valentine')) return [2, 14];
  if (name === 'boxing day') return [12, 26];
  const [month, weekday, n] = MOVABLE[name] ?? [11, 4, 4];
  return [month, year === undefined ? 0 : nthWeekday(year, month, weekday, n)];
}

export const PERIOD_RULES: readonly TimexRule[] = [
  {
    name: 'decade',
    pattern: rx(
      START,
      `${MOD}(?:(?<c>1[5-9]|20)(?<d>\\d)0s|${ci('the ')}(?:${ci('early|late|mid')}[- ])?'?(?<d2>\\d)0s)\\b`,
    ),
    build: (m, ctx) => {
      const c = group(m, 'c');
      if (c) return { type: 'DATE', value: `${c}${group(m, 'd')}` };
      const d = Number(group(m, 'd2'));
      const century = ctx.ref && 2000 + d * 10 <= ctx.ref.y ? 20 : 19;
      return { type: 'DATE', value: `${century}${d}` };
    },
  },
  {
    name: 'decade-word',
    pattern: rx(
      START,
      `${MOD}(?:${ci('the')} )?(?:${ci('early|late|mid')}[- ])?(?<w>${ci('twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties')})\\b`,
    ),
    build: (m, ctx) => {
      if (!/^(?:the |early |late |mid)/i.test(m[0])) return null;
      // "in her late sixties" is an age, not a decade.
      if (/\b(?:his|her|their|my|your)\s+$/i.test(m.input.slice(Math.max(0, m.index - 8), m.index)))
        return null;
      const d =
        [
          'twenties',
          'thirties',
          'forties',
          'fifties',
          'sixties',
          'seventies',
          'eighties',
          'nineties',
        ].indexOf(group(m, 'w')) + 2;
      const century = ctx.ref && 2000 + d * 10 <= ctx.ref.y ? 20 : 19;
      return { type: 'DATE', value: `${century}${d}` };
    },
  },
  {
    name: 'century',
    pattern: rx(
      START,
      `(?:${ci('the')} )?${MOD}(?:(?<n>1\\d|2[01])(?:st|nd|rd|th)|(?<w>${ci('nineteenth|twentieth|twenty-first')}))[- ]century\\b`,
    ),
    build: (m) => {
      const w = group(m, 'w');
      const n = w
        ? (({ nineteenth: 19, twentieth: 20, 'twenty-first': 21 } as Record<string, number>)[w] ?? 20)
        : Number(group(m, 'n'));
      return { type: 'DATE', value: String(n - 1).padStart(2, '0') };
    },
  },
  {
    name: 'quarter',
    pattern: rx(
      START,
      `(?:(?<ry>${ci('this|last|next')}) year's |${ci('the')} (?!(?:first|second|third|fourth)-quarter [a-z])(?:(?<py>${YEAR}) )?)?(?:${ci('fiscal')} )?(?<q>${ci('first|second|third|fourth')}|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter\\b(?:,? (?:of |in )?(?:fiscal )?(?<year>${YEAR})\\b)?`,
    ),
    build: (m, ctx) => {
      const q = ORDINALS[group(m, 'q')] ?? 1;
      const ry = group(m, 'ry');
      // Without a year, a quarter still to come this year is most often last year's (results news).
      const shift =
        ry === 'last' ? -1 : ry === 'next' ? 1 : !ry && ctx.ref && q > quarterOf(ctx.ref.m) ? -1 : 0;
      const year = group(m, 'year') || group(m, 'py') || (ctx.ref ? formatYear(ctx.ref.y + shift) : 'XXXX');
      return { type: 'DATE', value: `${year}-Q${q}` };
    },
  },
  {
    name: 'relative-quarter',
    pattern: rx(START, `(?:${ci('this|last|next|the current|the previous|the past|the same')}) quarter\\b`),
    build: (m, ctx) => {
      if (!ctx.ref) return { type: 'DATE', value: 'XXXX-QX' };
      const w = m[0].toLowerCase();
      let q = quarterOf(ctx.ref.m) - (/last|previous|past/.test(w) ? 1 : 0) + (/next/.test(w) ? 1 : 0);
      let y = ctx.ref.y - (/same/.test(w) ? 1 : 0);
      if (q < 1) [q, y] = [4, y - 1];
      if (q > 4) [q, y] = [1, y + 1];
      return { type: 'DATE', value: `${formatYear(y)}-Q${q}` };
    },
  },
  {
    name: 'half',
    pattern: rx(
      START,
      `(?:${ci('the')} )?(?<h>first|second|last) half of (?:(?<year>${YEAR})|(?<ry>this|last|next|the) year)\\b`,
    ),
    build: (m, ctx) => {
      const h = group(m, 'h') === 'first' ? 1 : 2;
      const ry = group(m, 'ry');
      const year =
        group(m, 'year') ||
        (ctx.ref ? formatYear(ctx.ref.y + (ry === 'last' ? -1 : ry === 'next' ? 1 : 0)) : 'XXXX');
      return { type: 'DATE', value: `${year}-H${h}` };
    },
  },
  {
    name: 'season',
    pattern: rx(
      START,
      `(?:(?<rel>${ci('this|last|next|this past|this coming|early|late|the|mid')})[ -])?(?<s>${ci(SEASON_RE)})(?: (?:of )?(?<year>${YEAR}))?\\b`,
    ),
    build: (m, ctx) => {
      const rel = group(m, 'rel');
      const year = group(m, 'year');
      if (!rel && !year) return null;
      if (rel === 'the' && !year && group(m, 's') === 'fall') return null;
      const code = SEASONS[group(m, 's')] ?? 'SU';
      if (year) return { type: 'DATE', value: `${year}-${code}` };
      if (!ctx.ref) return { type: 'DATE', value: `XXXX-${code}` };
      const dir = directionOf(rel === 'this past' ? 'last' : rel, () => 'none');
      // The month each season ends in: "last summer" said in October is this year's.
      const ends = SEASON_ENDS[code] ?? 12;
      const y =
        ctx.ref.y +
        (dir === 'last' ? (ctx.ref.m > ends ? 0 : -1) : dir === 'next' ? (ctx.ref.m < ends - 2 ? 0 : 1) : 0);
      return { type: 'DATE', value: `${formatYear(y)}-${code}` };
    },
  },
  {
    name: 'holiday',
    pattern: rx(
      START,
      `(?:(?<rel>${ci('last|next|this')}) )?(?<h>Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Thanksgiving(?: Day)?|Independence Day|Halloween|Valentine's Day|Boxing Day|Labor Day|Memorial Day|Election Day)(?:,? (?<year>${YEAR}))?\\b`,
    ),
    build: (m, ctx) => {
      const name = group(m, 'h');
      const y = group(m, 'year') ? Number(group(m, 'year')) : undefined;
      const rel = group(m, 'rel');
      const end = m.index + m[0].length;
      const tense = () => (rel === 'last' ? 'past' : rel === 'next' ? 'future' : ctx.tense(m.index, end));
      // Pick the year with a fixed stand-in day, then find the holiday's day in that year.
      const [month, approx] = holidayDay(name, undefined);
      const year = Number((monthDayValue(ctx.ref, month, approx || 25, y ?? tense) ?? 'X').slice(0, 4));
      if (!Number.isInteger(year))
        return {
          type: 'DATE',
          value: approx ? `XXXX-${String(month).padStart(2, '0')}-${String(approx).padStart(2, '0')}` : null,
        };
      const [, day] = holidayDay(name, year);
      return { type: 'DATE', value: formatDay({ y: year, m: month, d: day }) };
    },
  },
];
