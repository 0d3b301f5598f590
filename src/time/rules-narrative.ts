/**
 * Rules for expressions anchored on the date the story last mentioned rather than on the
 * publication date: "that year", "later that day", "the following month", "the previous year",
 * "the day after". anaphora.ts resolves them against that date; the value given here is the
 * fallback when the text names none before (TimeML's news reading: the publication date).
 */
import { dayOffset, monthOffset, weekOffset, yearOffset } from './resolve.js';
import type { CalendarDate } from './calendar.js';
import { ci, group, rx, type RuleResult, type TimexRule } from './rule.js';

const START = '(?<![\\w$£€#@/-])';
const DAY_LIKE = new Set(['day', 'morning', 'afternoon', 'evening', 'night']);

/** The unit anaphora.ts can shift, or null for a week (it keeps the fallback). */
function unitOf(word: string): 'year' | 'month' | 'day' | null {
  if (word === 'year' || word === 'month') return word;
  return DAY_LIKE.has(word) ? 'day' : null;
}

function newsValue(ref: CalendarDate | null, unit: string, n: number): string | null {
  if (unit === 'year') return yearOffset(ref, n);
  if (unit === 'month') return monthOffset(ref, n);
  if (unit === 'week') return weekOffset(ref, n);
  return dayOffset(ref, n);
}

function narrative(unitWord: string, offset: number, fallback: string | null): RuleResult {
  const unit = unitOf(unitWord);
  return unit
    ? { type: 'DATE', value: fallback, anaphor: { kind: 'narrative', unit, offset } }
    : { type: 'DATE', value: fallback };
}

export const NARRATIVE_RULES: readonly TimexRule[] = [
  {
    name: 'that-unit',
    pattern: rx(
      START,
      `(?:(?<rel>${ci('later|earlier|early|late')}) (?:in )?)?(?<that>${ci('that|the same|that same')}) (?<u>day|month|year|morning|afternoon|evening|night)\\b(?!-)`,
    ),
    build: (m) => {
      const unit = group(m, 'u');
      const that = group(m, 'that');
      const rel = group(m, 'rel');
      // A bare "that day" is as often a figure of speech ("redemptions that day") as a date.
      if (DAY_LIKE.has(unit) && !rel && !that.includes('same')) return null;
      return narrative(unit, 0, null);
    },
  },
  {
    name: 'following-unit',
    pattern: rx(
      START,
      `(?:${ci('the')} )?(?<rel>${ci('following|previous|prior|preceding|next')}) (?<u>day|week|month|year|morning|afternoon|evening|night)\\b(?!-| or\\b)`,
    ),
    build: (m, ctx) => {
      const rel = group(m, 'rel');
      const unit = group(m, 'u');
      const n = rel === 'following' || rel === 'next' ? 1 : -1;
      // "next year" is the publication's next year; only "the next day" or a past clause's
      // "the next year" ("the next year he moved") follows the story.
      if (rel === 'next') {
        const past = ctx.tense(m.index, m.index + m[0].length) === 'past';
        if (!/^the /i.test(m[0]) || (!DAY_LIKE.has(unit) && !past)) return null;
      }
      return narrative(unit, n, newsValue(ctx.ref, unit, n));
    },
  },
  {
    // "in the weeks before the shooting": TimeML marks the unit alone, a date around the story's.
    name: 'units-before-event',
    pattern: rx(
      `(?<=\\b[Tt]he )(?<u>days|weeks|months|years)(?= (?:before|after|leading up to|following|that followed)\\b)`,
    ),
    build: (m) => {
      const u = group(m, 'u');
      if (u === 'months' || u === 'years') return { type: 'DURATION', value: u === 'months' ? 'PXM' : 'PXY' };
      return { type: 'DATE', value: null, anaphor: { kind: 'narrative', unit: 'month', offset: 0 } };
    },
  },
  {
    name: 'unit-before-after',
    pattern: rx(
      START,
      `${ci('the')} (?<u>day|month|year) (?:(?<after>after)|before(?=[,.;]))\\b(?! (?:yesterday|tomorrow|that|last|next)\\b)`,
    ),
    // "the day before <a clause>" names the eve of an event, not a date of the story.
    build: (m) => narrative(group(m, 'u'), group(m, 'after') ? 1 : -1, null),
    priority: 5,
  },
];
