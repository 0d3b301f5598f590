/**
 * Rules for durations ("two years", "the past three months", "a 24-hour strike" -> "24-hour")
 * and sets ("daily", "every Monday", "twice a week"). Durations carry no anchor, so they
 * need no publication date.
 */
import {
  MONTHS,
  MONTH_RE,
  COUNT_RE,
  UNITS,
  UNIT_RE,
  VAGUE_COUNT_RE,
  WEEKDAYS,
  WEEKDAY_RE,
  countValue,
} from './lexicon.js';
import { ci, group, rx, type RuleResult, type TimexRule } from './rule.js';

const START = '(?<![\\w$£€#@/-])';
const APPROX = `(?:(?:${ci('about|nearly|almost|more than|less than|fewer than|some|just|roughly|around|only|barely|at least|at most|up to|no more than|no less than|exactly|fully|well over|approximately')}) )`;
const WHICH = `(?:${ci('the')} )?(?:(?:${ci('past|last|next|first|coming|previous|final|remaining|following|latest|initial|further|another')}) )|${ci('the')} (?=[\\dtfsen])`;

function unitOf(word: string): string {
  const w = word.toLowerCase().replace(/s$/, '');
  return w === 'centurie' ? 'century' : w;
}

/** P2Y, PT24H, P2Y6M ("2 1/2 years"), PXY ("several years"). */
export function durationValue(n: number | null, unitWord: string): string | null {
  const unit = UNITS[unitOf(unitWord)];
  if (!unit) return null;
  const t = unit.clock ? 'T' : '';
  if (n === null) return `P${t}X${unit.times === 100 ? 'C' : unit.letter}`;
  const total = n * unit.times;
  if (Number.isInteger(total)) return `P${t}${total}${unit.letter}`;
  if (unit.letter === 'Y') return `P${Math.floor(total)}Y${Math.round((total % 1) * 12)}M`;
  if (unit.letter === 'D') return `P${Math.floor(total)}DT${Math.round((total % 1) * 24)}H`;
  if (unit.letter === 'H') return `PT${Math.floor(total)}H${Math.round((total % 1) * 60)}M`;
  if (unit.clock && unit.letter === 'M') return `PT${Math.floor(total)}M${Math.round((total % 1) * 60)}S`;
  return `P${t}${total}${unit.letter}`;
}

/** A price or count just before "a year" makes it a rate ("$5 a year"), which TimeML leaves out. */
const RATE_BEFORE = /(?:\d\S*|million|billion|thousand|hundred|cents|percent|dollars|euros|pounds|each)\s+$/i;

const QUANTITY_BEFORE = /(?:\d%?|percent)\s+(?:[a-z]+\s+)?$/i;

const FUNCTION_WORDS = new Set([
  'and',
  'or',
  'but',
  'to',
  'in',
  'at',
  'on',
  'for',
  'from',
  'with',
  'by',
  'since',
  'until',
  'as',
  'the',
  'a',
  'an',
  'basis',
  'over',
  'during',
  'than',
  'through',
  'after',
  'before',
]);

const SET_UNITS: Readonly<Record<string, string>> = {
  daily: 'P1D',
  weekly: 'P1W',
  monthly: 'P1M',
  yearly: 'P1Y',
  annually: 'P1Y',
  hourly: 'PT1H',
  nightly: 'P1D',
  quarterly: 'P3M',
  biweekly: 'P2W',
};

function setOf(unitWord: string): RuleResult {
  const u = unitWord.toLowerCase();
  const wd = WEEKDAYS[u];
  const month = MONTHS[u.replace('.', '')];
  if (month) return { type: 'SET', value: `XXXX-${String(month).padStart(2, '0')}` };
  if (wd) return { type: 'SET', value: `XXXX-WXX-${wd}` };
  if (u === 'morning' || u === 'evening' || u === 'night' || u === 'afternoon')
    return { type: 'SET', value: 'P1D' };
  return { type: 'SET', value: durationValue(1, u) };
}

export const DURATION_RULES: readonly TimexRule[] = [
  {
    name: 'duration',
    pattern: rx(
      START,
      `${APPROX}?(?:${WHICH})?(?<n>${COUNT_RE})(?: (?:more|full|straight|consecutive|additional|long|whole|trading|business|working|calendar))? (?<u>${UNIT_RE})s?(?: and an? half)?\\b(?! (?:ago|old|from now|hence)\\b)(?!-old)`,
    ),
    build: (m, ctx) => {
      let n = countValue(group(m, 'n'));
      if (n === null) return null;
      if (/^(?:1[5-9]|20)\d\d$/.test(group(m, 'n'))) return null;
      // "a second time", "a quarter of the votes": not durations.
      if (n === 1 && /^(?:a|an)$/.test(group(m, 'n')) && /^(?:second|quarter)$/.test(group(m, 'u')))
        return null;
      if (
        n === 1 &&
        /^(?:a|an|one)$/.test(group(m, 'n')) &&
        RATE_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 24), m.index))
      )
        return null;
      if (/and an? half$/i.test(m[0])) n += 0.5;
      return { type: 'DURATION', value: durationValue(n, group(m, 'u')) };
    },
    priority: 5,
  },
  {
    name: 'duration-vague',
    pattern: rx(
      START,
      `${APPROX}?(?:${WHICH})?(?<n>${VAGUE_COUNT_RE}) (?<u>${UNIT_RE})s\\b(?! (?:ago|old|from now|hence)\\b)`,
    ),
    build: (m) => ({ type: 'DURATION', value: durationValue(null, group(m, 'u')) }),
    priority: 5,
  },
  {
    name: 'duration-bare-plural',
    pattern: rx(
      `(?<=\\b(?:[Ff]or|[Oo]ver|[Ww]ithin|[Aa]fter|in|[Tt]ook|[Ll]asted|[Ss]pent) )(?:(?:many|long) )?(?<u>years|months|weeks|decades|days|hours|minutes|centuries)\\b(?! (?:ago|old|of)\\b)`,
    ),
    build: (m) => ({ type: 'DURATION', value: durationValue(null, group(m, 'u')) }),
    priority: 6,
  },
  {
    name: 'duration-hyphen',
    pattern: rx(START, `(?<n>\\d+(?:\\.\\d+)?|${COUNT_RE})-(?<u>${UNIT_RE})(?:-long)?\\b(?!-)`),
    build: (m) => {
      const n = countValue(group(m, 'n'));
      return n === null || group(m, 'n') === 'a'
        ? null
        : { type: 'DURATION', value: durationValue(n, group(m, 'u')) };
    },
  },
  {
    name: 'duration-long',
    pattern: rx(START, `(?<u>${UNIT_RE})s?-long\\b`),
    build: (m) => ({
      type: 'DURATION',
      value: m[0].startsWith(group(m, 'u') + 's')
        ? durationValue(null, group(m, 'u'))
        : durationValue(1, group(m, 'u')),
    }),
  },
  {
    name: 'set-adverb',
    pattern: rx(
      START,
      `(?<w>${ci('daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly')})\\b`,
    ),
    build: (m, ctx) => {
      const w = group(m, 'w');
      // "a quarterly dividend": the adjective is not annotated, the adverb ("paid annually") is.
      const next = /^ ([a-z]+)/.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20))?.[1];
      if (w === 'quarterly' && next && !FUNCTION_WORDS.has(next)) return null;
      // "grow 8% annually", "10,000 units annually": a rate, which TimeML leaves out like "$5 a year".
      const before = ctx.text.slice(Math.max(0, m.index - 32), m.index);
      if (/^(?:annually|yearly)$/.test(w) && QUANTITY_BEFORE.test(before)) return null;
      return { type: 'SET', value: SET_UNITS[w] ?? null };
    },
  },
  {
    name: 'set-every',
    pattern: rx(
      START,
      `(?:${ci('every|each')}) (?:other )?(?<u>${UNIT_RE}|morning|evening|afternoon|${WEEKDAY_RE}|${MONTH_RE})\\b`,
    ),
    build: (m) => setOf(m.groups?.u ?? ''),
  },
  {
    name: 'set-rate',
    pattern: rx(`(?<=\\b(?:times|twice|once) )(?:a|per|every) (?<u>year|day|week|month|hour)\\b`),
    build: (m) => setOf(group(m, 'u')),
    priority: 0,
  },
];
