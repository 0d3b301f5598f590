/**
 * Rules for clock times ("10:35 a.m.", "5 p.m. EST Nov. 9", "noon Thursday"). chrono-node reads
 * the clock itself (its many spellings of hours, minutes and meridiems are what it does best);
 * our grammar finds the extent and the day the clock belongs to, which chrono resolves by its
 * own forward/backward option instead of the clause's tense, and with a wider extent
 * ("at 10 p.m. on Wednesday") than TimeML's.
 */
import * as chrono from 'chrono-node';
import { MONTHS, MONTH_RE, WEEKDAYS, WEEKDAY_RE } from './lexicon.js';
import { dayOffset, directionOf, monthDayValue, weekdayValue, withTime } from './resolve.js';
import { ci, group, rx, type RuleContext, type TimexRule } from './rule.js';

const START = '(?<![\\w$£€#@/.:-])';
const CLOCK = `\\d{1,2}(?::\\d\\d)?\\s?(?:[ap]\\.m\\.?|[ap]m\\b)|\\d{1,2}:\\d\\d(?= ?(?:[A-Z]{1,2}[SD]?T|GMT|UTC)\\b)|\\d{4}(?= (?:GMT|UTC)\\b)|\\d{1,2}(?= in the (?:morning|afternoon|evening)\\b)|${ci('noon|midnight|midday')}`;
const ZONE = '(?:[A-Z]{1,2}[SD]?T|GMT|UTC)\\b';
const DAY = `(?<wd>${WEEKDAY_RE})|(?<rd>${ci('today|yesterday|tomorrow')})|(?<month>${MONTH_RE}) (?<day>[12]\\d|3[01]|0?[1-9])\\b`;
/** chrono needs some reference; a fixed one keeps the clock out (only hour and minute are read). */
const FIXED = new Date(Date.UTC(2000, 0, 1));

const pad = (n: number): string => String(n).padStart(2, '0');

/** "10:35 a.m." -> "10:35", via chrono; "1500" (before GMT) -> "15:00"; null when not a clock. */
export function clockValue(clock: string): string | null {
  const c = clock.toLowerCase();
  if (c === 'noon' || c === 'midday') return '12:00';
  if (/^\d{1,2}$/.test(c)) return null;
  if (c === 'midnight') return '24:00';
  if (/^\d{4}$/.test(c))
    return Number(c.slice(0, 2)) < 24 && Number(c.slice(2)) < 60 ? `${c.slice(0, 2)}:${c.slice(2)}` : null;
  const parsed = chrono.strict.parse(c.replace(/\s+/g, ' '), FIXED)[0];
  const hour = parsed?.start.get('hour');
  if (hour === undefined || hour === null) return null;
  return `${pad(hour)}:${pad(parsed?.start.get('minute') ?? 0)}`;
}

function dayOf(m: RegExpExecArray, ctx: RuleContext): string | null {
  const wd = group(m, 'wd');
  const end = m.index + m[0].length;
  if (wd)
    return weekdayValue(
      ctx.ref,
      WEEKDAYS[wd] ?? 1,
      directionOf('', () => ctx.tense(m.index, end)),
    );
  const rd = group(m, 'rd');
  if (rd) return dayOffset(ctx.ref, rd === 'yesterday' ? -1 : rd === 'tomorrow' ? 1 : 0);
  const month = group(m, 'month');
  if (month) return monthDayValue(ctx.ref, MONTHS[month.replace('.', '')] ?? 1, Number(group(m, 'day')));
  // No day named: find-timexes anchors the clock on the day last mentioned before it.
  return null;
}

export const CLOCK_RULES: readonly TimexRule[] = [
  {
    name: 'clock',
    pattern: rx(
      START,
      `(?:(?:${ci('around|about|approximately|shortly after|shortly before|just after|just before')}) )?(?<clock>${CLOCK})(?: ${ZONE})?(?: in the (?:morning|afternoon|evening))?(?:,? (?:on )?(?:${DAY}))?`,
    ),
    build: (m, ctx) => {
      const raw = m.groups?.clock ?? '';
      const part = /\b(\d{1,2}) in the (morning|afternoon|evening)/i.exec(m[0]);
      let clock = clockValue(raw);
      if (part && !clock) {
        const hour = Number(part[1]) + (part[2] === 'morning' || Number(part[1]) === 12 ? 0 : 12);
        clock = hour < 24 ? `${pad(hour)}:00` : null;
      }
      return clock ? { type: 'TIME', value: withTime(dayOf(m, ctx), clock) } : null;
    },
  },
  {
    name: 'day-then-clock',
    pattern: rx(START, `(?:${DAY}),? (?:at )?(?<clock>${CLOCK})(?: ${ZONE})?`),
    build: (m, ctx) => {
      const clock = clockValue(m.groups?.clock ?? '');
      return clock ? { type: 'TIME', value: withTime(dayOf(m, ctx), clock) } : null;
    },
    priority: 1,
  },
];
