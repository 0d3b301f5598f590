/**
 * Rules for expressions built from other ones: ranges ("two to three weeks", "2013-14"), the
 * second day of a pair ("April 24 and 25"), the week around a date ("the week of March 6") and
 * dates with a year said in words ("January nineteen ninety-seven", "the winter of 1994").
 */
import { formatWeek, parseIsoDate } from './calendar.js';
import {
  COUNT_RE,
  MONTHS,
  MONTH_RE,
  SEASONS,
  SEASON_RE,
  SPOKEN_YEAR_RE,
  UNIT_RE,
  countValue,
  spokenYear,
} from './lexicon.js';
import { END, START, YEAR } from './patterns.js';
import { monthDayValue } from './resolve.js';
import { ci, group, rx, type TimexRule } from './rule.js';
import { durationValue } from './rules-duration.js';

const monthOf = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')] ?? 0;
const DAY_NUMBER = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';

export const COMPOUND_RULES: readonly TimexRule[] = [
  {
    name: 'duration-range',
    pattern: rx(
      START,
      `(?:${ci('between|from')} |(?:${ci('the')} )?(?:${ci('next|past|last|coming|first')}) )?(?<n>${COUNT_RE})(?: to |-| or )(?<n2>${COUNT_RE}) (?<u>${UNIT_RE})s\\b(?! (?:ago|old)\\b)`,
    ),
    build: (m) => {
      // TimeML gives a range one value; the annotated data most often keeps the lower bound.
      const n = countValue(group(m, 'n'));
      const n2 = countValue(group(m, 'n2'));
      if (n === null || n2 === null || n >= n2 || /^an?$/.test(group(m, 'n'))) return null;
      return { type: 'DURATION', value: durationValue(n, group(m, 'u')) };
    },
  },
  {
    name: 'year-range',
    pattern: rx(START, `(?<year>${YEAR})[-–/](?<to>\\d\\d|${YEAR})${END}(?![-–/.,]\\d)`),
    build: (m) => {
      const year = group(m, 'year');
      const to = group(m, 'to');
      const last = to.length === 2 ? Number(year.slice(0, 2) + to) : Number(to);
      // "2013-14" spans the two years; "1989-12" (an ISO month) is not a range.
      if (last !== Number(year) + 1 && !(to.length === 4 && last > Number(year))) return null;
      return { type: 'DATE', value: year };
    },
  },
  {
    name: 'second-day',
    pattern: rx(
      `(?<=(?<month>${MONTH_RE}) ${DAY_NUMBER} (?:and|or|to|through|-|–) ?)(?<day>${DAY_NUMBER})(?!\\d)(?:,? (?<year>${YEAR}))?${END}(?! (?:percent|per cent|million|billion)\\b)`,
    ),
    build: (m, ctx) => {
      const year = group(m, 'year');
      const end = m.index + m[0].length;
      const value = monthDayValue(
        ctx.ref,
        monthOf(group(m, 'month')),
        Number.parseInt(group(m, 'day'), 10),
        year ? Number(year) : () => ctx.tense(m.index, end),
      );
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'week-of',
    pattern: rx(
      START,
      `${ci('the week of')} (?<month>${MONTH_RE}) (?<day>${DAY_NUMBER})(?:,? (?<year>${YEAR}))?${END}`,
    ),
    build: (m, ctx) => {
      const year = group(m, 'year');
      const end = m.index + m[0].length;
      const day = parseIsoDate(
        monthDayValue(
          ctx.ref,
          monthOf(group(m, 'month')),
          Number.parseInt(group(m, 'day'), 10),
          year ? Number(year) : () => ctx.tense(m.index, end),
        ),
      );
      return { type: 'DATE', value: day ? formatWeek(day) : null };
    },
  },
  {
    name: 'spoken-year-date',
    pattern: rx(
      START,
      `(?:(?<month>${MONTH_RE})|(?:${ci('the')} )?(?<season>${ci(SEASON_RE)}) of) (?<spoken>${SPOKEN_YEAR_RE})\\b`,
    ),
    build: (m) => {
      const year = spokenYear(group(m, 'spoken'));
      if (!year) return null;
      const month = group(m, 'month');
      if (month) return { type: 'DATE', value: `${year}-${String(monthOf(month)).padStart(2, '0')}` };
      return { type: 'DATE', value: `${year}-${SEASONS[group(m, 'season')] ?? 'SU'}` };
    },
  },
];
