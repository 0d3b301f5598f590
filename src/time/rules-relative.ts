/**
 * Rules for expressions relative to the publication date: today, yesterday, tonight, this week,
 * last month, next year, two years ago, and the TimeML references PRESENT_REF ("now"),
 * PAST_REF ("recently", "the past") and FUTURE_REF ("in the near future").
 */
import { formatYear } from './calendar.js';
import { COUNT_RE, DAY_PARTS, DAY_PART_RE, UNITS, UNIT_RE, VAGUE_COUNT_RE, countValue } from './lexicon.js';
import { dayOffset, monthOffset, weekOffset, withTime, yearOffset } from './resolve.js';
import { ci, group, rx, type TimexRule } from './rule.js';
import { durationValue } from './rules-duration.js';
import { isoWeekday } from './calendar.js';
import type { Anaphor } from './anaphora.js';

const START = '(?<![\\w$£€#@/-])';
const APPROX = `(?:(?:${ci('about|nearly|almost|more than|less than|some|over|just|roughly|around|only|barely|at least|exactly|fully|well over|approximately')}) )`;

/** How close before "a year earlier" a quarter must be named for the two to go together. */
const YEAR_AGO_QUARTER: Anaphor = { kind: 'quarter', years: -1, reach: 600 };

const GENERIC_TODAY = /^'s (?:world|youth|society|generation|children|young|standards|technology|economy)\b/;

const DAY_WORDS: Readonly<Record<string, number>> = { today: 0, yesterday: -1, tomorrow: 1 };

function shiftBy(ref: Parameters<typeof dayOffset>[0], unit: string, n: number): string | null {
  if (unit === 'day' || unit === 'night') return dayOffset(ref, n);
  if (unit === 'week') return weekOffset(ref, n);
  if (unit === 'month') return monthOffset(ref, n);
  if (unit === 'year') return yearOffset(ref, n);
  if (unit === 'decade') return ref ? formatYear(ref.y + 10 * n) : null;
  return null;
}

const REFERENCES: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF',
  'right now': 'PRESENT_REF',
  'just now': 'PAST_REF',
  currently: 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  'these days': 'PRESENT_REF',
  present: 'PRESENT_REF',
  'the present': 'PRESENT_REF',
  recently: 'PAST_REF',
  lately: 'PAST_REF',
  'the past': 'PAST_REF',
  'the future': 'FUTURE_REF',
  'the near future': 'FUTURE_REF',
  'the near term': 'FUTURE_REF',
  'the short term': 'FUTURE_REF',
};

export const RELATIVE_RULES: readonly TimexRule[] = [
  {
    name: 'day-word',
    pattern: rx(
      START,
      `(?:(?<rel>${ci('earlier|later|late|early')}) )?(?<w>${ci('today|yesterday|tomorrow')})(?: (?<part>${DAY_PART_RE}))?\\b`,
    ),
    build: (m, ctx) => {
      // "today's world", "today's youth": the present in general, which TimeML leaves out.
      if (GENERIC_TODAY.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      const day = dayOffset(ctx.ref, DAY_WORDS[group(m, 'w')] ?? 0);
      const part = DAY_PARTS[group(m, 'part')];
      return part ? { type: 'TIME', value: withTime(day, part) } : { type: 'DATE', value: day };
    },
  },
  {
    name: 'day-around',
    pattern: rx(START, `${ci('the day')} (?<w>before yesterday|after tomorrow)\\b`),
    build: (m, ctx) => ({
      type: 'DATE',
      value: dayOffset(ctx.ref, group(m, 'w') === 'before yesterday' ? -2 : 2),
    }),
  },
  {
    name: 'part-of-day',
    pattern: rx(
      START,
      `(?:(?<w>${ci('tonight|overnight')})|(?:(?:${ci('earlier|later|late|early')}) )?(?<rel>${ci('this|last|tomorrow|yesterday')}) (?<part>${DAY_PART_RE})|${ci('mid')}[- ]?(?<mid>morning|afternoon)(?: (?<rel2>yesterday|today|tomorrow))?)\\b`,
    ),
    build: (m, ctx) => {
      const w = group(m, 'w');
      if (w) return { type: 'TIME', value: withTime(dayOffset(ctx.ref, 0), 'NI') };
      const mid = group(m, 'mid');
      if (mid) {
        const rel2 = group(m, 'rel2');
        const offset = rel2 === 'yesterday' ? -1 : rel2 === 'tomorrow' ? 1 : 0;
        return { type: 'TIME', value: withTime(dayOffset(ctx.ref, offset), DAY_PARTS[mid] ?? 'DT') };
      }
      const rel = group(m, 'rel');
      const day = dayOffset(ctx.ref, rel === 'last' || rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0);
      return { type: 'TIME', value: withTime(day, DAY_PARTS[group(m, 'part')] ?? 'DT') };
    },
  },
  {
    name: 'this-unit',
    pattern: rx(
      START,
      `(?:(?:${ci('earlier|later|early|late|the end of|the beginning of|the start of|the middle of|sometime|some time')}) )?(?<rel>${ci('this|last|next|the current|the coming|the past|the last')}) (?<u>week|month|(?:fiscal )?year|weekend|decade|century)\\b`,
    ),
    build: (m, ctx) => {
      const rel = group(m, 'rel').replace('the last', 'past').replace('the ', '');
      const unit = group(m, 'u').replace('fiscal ', '');
      const n = rel === 'last' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
      if (rel === 'past') return { type: 'DURATION', value: durationValue(1, unit) };
      if (unit === 'weekend') {
        if (!ctx.ref) return { type: 'DATE', value: null };
        return { type: 'DATE', value: `${weekOffset(ctx.ref, n)}-WE` };
      }
      if (unit === 'decade')
        return { type: 'DATE', value: ctx.ref ? String(Math.floor(ctx.ref.y / 10) + n) : null };
      if (unit === 'century')
        return { type: 'DATE', value: ctx.ref ? String(Math.floor(ctx.ref.y / 100) + n) : null };
      return { type: 'DATE', value: shiftBy(ctx.ref, unit, n) };
    },
  },
  {
    name: 'end-of-unit',
    pattern: rx(
      START,
      `(?:${ci('the end|the beginning|the start|the middle')}) of the (?<u>week|month|year)\\b`,
    ),
    build: (m, ctx) => ({ type: 'DATE', value: shiftBy(ctx.ref, group(m, 'u'), 0) }),
  },
  {
    name: 'the-weekend',
    pattern: rx(START, `${ci('the weekend')}\\b`),
    build: (m, ctx) => {
      if (!ctx.ref) return { type: 'DATE', value: null };
      const wd = isoWeekday(ctx.ref);
      const future = ctx.tense(m.index, m.index + m[0].length) === 'future';
      return { type: 'DATE', value: `${weekOffset(ctx.ref, future || wd >= 6 ? 0 : -1)}-WE` };
    },
  },
  {
    name: 'ago',
    pattern: rx(
      START,
      `${APPROX}?(?<n>${COUNT_RE}|${VAGUE_COUNT_RE}) (?<u>${UNIT_RE})s? (?<dir>ago|earlier|before|later|after|from now|hence)\\b`,
    ),
    build: (m, ctx) => {
      const unit = group(m, 'u');
      const n = countValue(group(m, 'n'));
      const dir = group(m, 'dir');
      const back = dir === 'ago' || dir === 'earlier' || dir === 'before';
      if (
        dir !== 'ago' &&
        dir !== 'from now' &&
        dir !== 'hence' &&
        !(n === 1 && unit === 'year' && dir === 'earlier')
      )
        return null;
      if (n === null) return { type: 'DATE', value: back ? 'PAST_REF' : 'FUTURE_REF' };
      if (!Number.isInteger(n) || !(unit in UNITS) || UNITS[unit]?.clock) return null;
      const value = shiftBy(ctx.ref, unit, back ? -n : n);
      // In a results report "a year earlier" is the quarter just named, a year before.
      if (n === 1 && unit === 'year' && back) return { type: 'DATE', value, anaphor: YEAR_AGO_QUARTER };
      return { type: 'DATE', value };
    },
  },
  {
    name: 'year-ago-adjective',
    pattern: rx(START, `${ci('year')}-(?:ago|earlier)\\b`),
    build: (_m, ctx) => ({ type: 'DATE', value: yearOffset(ctx.ref, -1), anaphor: YEAR_AGO_QUARTER }),
  },
  {
    name: 'reference',
    pattern: rx(
      START,
      `(?:${ci('right now|just now|now|currently|nowadays|these days|the present|recently|lately|the past|the near future|the future|the near term|the short term')})\\b(?!-)`,
    ),
    build: (m, ctx) => {
      const w = m[0].toLowerCase();
      if (w === 'now' && /^\s*that\b/.test(ctx.text.slice(m.index + 3, m.index + 10))) return null;
      return { type: 'DATE', value: REFERENCES[w] ?? null };
    },
  },
  {
    name: 'at-present',
    pattern: rx('(?<=\\b[Aa]t )present\\b'),
    build: () => ({ type: 'DATE', value: 'PRESENT_REF' }),
  },
  {
    name: 'recent-units',
    pattern: rx(
      START,
      `(?:${ci('the')} )?(?:(?:${ci('recent|coming|past|last|next|future')}) (?:few )?(?<u>days|weeks|months|quarters|years|decades)|(?<u2>days|weeks|months|years) ahead)\\b`,
    ),
    build: (m) => {
      const w = m[0].toLowerCase();
      if (/^(?:the )?(?:coming|future) quarters$/.test(w)) return { type: 'DATE', value: 'FUTURE_REF' };
      if (group(m, 'u2')) return { type: 'DURATION', value: durationValue(null, group(m, 'u2')) };
      if (/^(?:the )?recent years$/.test(w) || (/past|last/.test(w) && !/few/.test(w)))
        return { type: 'DATE', value: 'PAST_REF' };
      return { type: 'DURATION', value: durationValue(null, group(m, 'u')) };
    },
    priority: 1,
  },
  {
    name: 'current-adjective',
    pattern: rx(START, `(?:${ci('current')})(?= [a-z])\\b`),
    build: () => ({ type: 'DATE', value: 'PRESENT_REF' }),
    priority: 3,
  },
];
