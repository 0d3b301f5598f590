/**
 * Rules for calendar expressions: explicit dates ("Nov. 14, 2014", "14 November"), months,
 * weekdays and years (longer periods are in rules-periods.ts). Month and weekday names must
 * be capitalised, which keeps "they march" and "may" (the verb) out; bare months also need a
 * temporal preposition or no neighbouring name, which keeps "Theresa May said" out.
 */
import { formatYear } from './calendar.js';
import {
  MONTHS,
  MONTH_RE,
  WEEKDAYS,
  WEEKDAY_RE,
  spokenYear,
  SPOKEN_YEAR_RE,
  DAY_PART_RE,
  DAY_PARTS,
} from './lexicon.js';
import { directionOf, monthDayValue, monthValue, weekdayValue, withTime } from './resolve.js';
import { DAY, END, MOD, START, YEAR } from './patterns.js';
import { ci, group, rx, type RuleContext, type TimexRule } from './rule.js';

const PART_VALUED = new Set(['evening']);

const monthOf = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')] ?? 0;

/** Words after a number that make it a count, not a year ("2014 people"). */
const COUNTED =
  /^\s+(?!(?:was|is|has|as|its|this|his|always|plus|across|us|thus|less|towards|afterwards|whereas|unless|news|elections?)\b)([a-z]+s|people|men|women|children|police|staff|personnel|feet|km|kg|tons|miles|metres|meters|troops|cattle|sheep)\b/;
const YEAR_PREPS =
  /(?:\b(?:in|since|of|by|from|until|till|before|after|during|between|and|to|year|fiscal|through|around|circa|c\.|the)|'s)\s+$/i;

function yearIsCount(ctx: RuleContext, m: RegExpExecArray): boolean {
  return COUNTED.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24));
}

const TEMPORAL_PREP =
  /\b(?:in|since|until|till|by|from|through|of|during|before|after|between|and|or|to|early|late|mid|last|next|this|each|every|for|on|until|past)\s*-?\s*$/i;
const NAME_AFTER = /^\s+[A-Z][a-z]/;
const NAME_BEFORE = /[A-Z][a-z]+\s+$/;

/** A bare month is a date only where it reads as one (see the header). */
function bareMonthOk(ctx: RuleContext, m: RegExpExecArray, month: string): boolean {
  const before = ctx.text.slice(Math.max(0, m.index - 16), m.index);
  const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
  if (NAME_AFTER.test(after) && !/^\s+(?:The|A|An|In|On|At|By|And|But)\b/.test(after)) return false;
  if (TEMPORAL_PREP.test(before)) return true;
  if (month === 'May') return false;
  return !(NAME_BEFORE.test(before) && !/[.!?]\s*\S*\s+$/.test(before));
}

/** A day of a named month; without a year, the clause's tense picks the nearest past or coming one. */
const buildMonthDay: TimexRule['build'] = (m, ctx) => {
  const year = group(m, 'year');
  const end = m.index + m[0].length;
  const tense = () => ctx.tense(m.index, end);
  const value = monthDayValue(
    ctx.ref,
    monthOf(group(m, 'month')),
    Number(group(m, 'day')),
    year ? Number(year) : tense,
  );
  return value ? { type: 'DATE', value } : null;
};

export const CALENDAR_RULES: readonly TimexRule[] = [
  {
    name: 'month-day-year',
    pattern: rx(
      START,
      `(?:(?<wd>${WEEKDAY_RE}),? )?${MOD}(?<month>${MONTH_RE}) ${DAY}(?!\\d)(?:,? (?<year>${YEAR}))?${END}`,
    ),
    build: buildMonthDay,
  },
  {
    name: 'day-month-year',
    pattern: rx(
      START,
      `(?:(?<wd>${WEEKDAY_RE}),? )?(?:${ci('the ')})?${DAY}(?: of)? (?<month>${MONTH_RE})(?:,? (?<year>${YEAR}))?${END}`,
    ),
    build: buildMonthDay,
  },
  {
    name: 'numeric-date',
    pattern: rx(
      START,
      '(?:(?<iy>\\d{4})-(?<im>\\d\\d)-(?<id>\\d\\d)|(?<um>1[0-2]|0?[1-9])/(?<ud>[12]\\d|3[01]|0?[1-9])/(?<uy>\\d{4}|\\d\\d))',
      END,
    ),
    build: (m, ctx) => {
      if (group(m, 'iy'))
        return {
          type: 'DATE',
          value: monthDayValue(
            ctx.ref,
            Number(group(m, 'im')),
            Number(group(m, 'id')),
            Number(group(m, 'iy')),
          ),
        };
      const y = Number(group(m, 'uy'));
      const year = y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y;
      const value = monthDayValue(ctx.ref, Number(group(m, 'um')), Number(group(m, 'ud')), year);
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'month-year',
    pattern: rx(START, `${MOD}(?<month>${MONTH_RE})(?:,? | of )(?<year>${YEAR})${END}`),
    build: (m) => ({
      type: 'DATE',
      value: `${group(m, 'year')}-${String(monthOf(group(m, 'month'))).padStart(2, '0')}`,
    }),
  },
  {
    name: 'month',
    pattern: rx(
      START,
      `${MOD}(?:(?<rel>${ci('last|next|this|this past|this coming')}) )?(?<month>${MONTH_RE})(?:,? (?<ry>this|last|next) year)?(?![\\w-])(?! \\d)`,
    ),
    build: (m, ctx) => {
      const month = monthOf(group(m, 'month'));
      const ry = group(m, 'ry');
      if (ry && ctx.ref) {
        const y = ctx.ref.y + (ry === 'last' ? -1 : ry === 'next' ? 1 : 0);
        return { type: 'DATE', value: `${formatYear(y)}-${String(month).padStart(2, '0')}` };
      }
      const rel = group(m, 'rel');
      const bare = !rel && m[0] === m.groups?.month;
      if (bare && !bareMonthOk(ctx, m, m.groups?.month ?? '')) return null;
      const end = m.index + m[0].length;
      return {
        type: 'DATE',
        value: monthValue(
          ctx.ref,
          month,
          directionOf(rel, () => ctx.tense(m.index, end)),
        ),
      };
    },
  },
  {
    name: 'weekday',
    pattern: rx(
      START,
      `(?:(?<rel>${ci('last|next|this|this past|this coming|earlier|later|early|late')}) )?(?<wd>${WEEKDAY_RE})(?: (?<part>${DAY_PART_RE}))?\\b`,
    ),
    build: (m, ctx) => {
      const rel = group(m, 'rel');
      const end = m.index + m[0].length;
      const dir =
        rel === 'earlier'
          ? 'past'
          : rel === 'later'
            ? 'future'
            : directionOf(rel, () => ctx.tense(m.index, end));
      const day = weekdayValue(ctx.ref, WEEKDAYS[group(m, 'wd')] ?? 1, dir);
      // "Friday evening" is valued with its part of day; "Friday morning" and "Friday night"
      // mostly by the day alone in the news gold data (AQUAINT), which also scored best on dev.
      const part = group(m, 'part');
      return PART_VALUED.has(part)
        ? { type: 'TIME', value: withTime(day, DAY_PARTS[part] ?? 'EV') }
        : { type: 'DATE', value: day };
    },
  },
  {
    name: 'year',
    pattern: rx(
      START,
      `${MOD}(?:${ci('fiscal')} )?(?<year>${YEAR})${END}(?!,\\d|\\.\\d|-\\d| ?(?:percent|per cent|%|[AaPp]\\.?[Mm]\\b))`,
    ),
    build: (m, ctx) => {
      const year = group(m, 'year');
      const afterPrep = m[0] !== year || YEAR_PREPS.test(ctx.text.slice(Math.max(0, m.index - 12), m.index));
      if (!afterPrep && (year < '1900' || yearIsCount(ctx, m))) return null;
      return { type: 'DATE', value: year };
    },
  },
  {
    name: 'spoken-year',
    pattern: rx(START, `(?:${ci('the year')} )?${SPOKEN_YEAR_RE}\\b`),
    build: (m, ctx) => {
      if (!/^the year /i.test(m[0]) && yearIsCount(ctx, m)) return null;
      const year = spokenYear(m[0].replace(/^the year /i, ''));
      return year ? { type: 'DATE', value: String(year) } : null;
    },
    priority: 2,
  },
  {
    name: 'weekday-plural',
    pattern: rx(START, `(?<wd>${WEEKDAY_RE})s\\b`),
    build: (m) => ({ type: 'SET', value: `XXXX-WXX-${WEEKDAYS[group(m, 'wd')] ?? 1}` }),
  },
];
