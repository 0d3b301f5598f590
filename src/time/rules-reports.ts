/**
 * Rules for the conventions of company results reports, where periods are named by reference:
 * "the quarter", "that quarter" and "the latest period" mean the quarter the report last named;
 * "the year-ago quarter", "the 1988 period" and "last year's quarter" that quarter in another
 * year (resolved in anaphora.ts); "the year", "the fiscal year" and "year-end" the publication
 * year, and "the year ended June 30" a one-year span.
 */
import { formatYear, quarterOf } from './calendar.js';
import { ORDINALS } from './lexicon.js';
import { START, YEAR } from './patterns.js';
import { ci, group, rx, type RuleContext, type TimexRule } from './rule.js';

/** Without a quarter named before, "the quarter" of a report is the last one completed. */
function latestQuarter(ctx: RuleContext, years: number, q?: number): string {
  if (!ctx.ref) return q ? `XXXX-Q${q}` : 'XXXX-QX';
  let quarter = quarterOf(ctx.ref.m) - 1;
  let y = ctx.ref.y + years;
  if (quarter < 1) [quarter, y] = [4, y - 1];
  return `${formatYear(y)}-Q${q ?? quarter}`;
}

const ORDINAL = `(?<q>${ci('first|second|third|fourth')})[- ](?:${ci('fiscal')}[- ])?`;
const YEAR_AGO = `(?:${ci('year-ago|year-earlier|year earlier|prior-year')})`;

export const REPORT_RULES: readonly TimexRule[] = [
  {
    name: 'the-quarter',
    pattern: rx(
      START,
      `(?:${ci('the|that')}) (?:(?:${ci('latest|most recent|recent|just-ended|just-completed')}) )?(?:${ci('fiscal')} )?quarter\\b(?!-| (?:of|century|mile|point|inch)\\b)`,
    ),
    build: (_m, ctx) => ({
      type: 'DATE',
      value: latestQuarter(ctx, 0),
      anaphor: { kind: 'quarter', years: 0 },
    }),
  },
  {
    name: 'latest-period',
    pattern: rx(START, `${ci('the latest')} (?:${ci('fiscal')} )?period\\b`),
    build: (_m, ctx) => ({
      type: 'DATE',
      value: latestQuarter(ctx, 0),
      anaphor: { kind: 'quarter', years: 0 },
    }),
  },
  {
    name: 'year-ago-quarter',
    pattern: rx(
      START,
      `(?:${ci('the')} )?(?:(?:${ci('comparable|corresponding|same')}) )?(?:${YEAR_AGO}|(?<year>${YEAR})) (?:${ORDINAL})?(?:quarter|period)\\b(?! of\\b)`,
    ),
    build: (m, ctx) => {
      const year = group(m, 'year');
      const q = ORDINALS[group(m, 'q')];
      const years = -1;
      return {
        type: 'DATE',
        value: year ? `${year}-Q${q ?? 'X'}` : latestQuarter(ctx, years, q),
        anaphor: {
          kind: 'quarter',
          years,
          ...(year ? { year: Number(year) } : {}),
          ...(q ? { quarter: q } : {}),
        },
      };
    },
  },
  {
    name: 'quarter-a-year-ago',
    pattern: rx(
      START,
      `(?:${ci('the')} (?:(?:${ci('comparable|corresponding|same')}) )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)|${ci("last year's")} (?:${ORDINAL})?(?:quarter|period))\\b`,
    ),
    build: (m, ctx) => {
      const q = ORDINALS[group(m, 'q')];
      return {
        type: 'DATE',
        value: latestQuarter(ctx, -1, q),
        anaphor: { kind: 'quarter', years: -1, ...(q ? { quarter: q } : {}) },
      };
    },
  },
  {
    name: 'the-year',
    pattern: rx(
      START,
      `${ci('the')} (?:(?:${ci('full|current|entire|whole|calendar')}) )?(?:${ci('fiscal')} )?year\\b(?![- ](?:ago|earlier|before|after|old|long|end|round|\\d)\\b|-| (?:[Nn]ineteen|[Tt]wo thousand|of the)\\b)`,
    ),
    build: (m, ctx) => {
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (/^,? (?:that |which )?(?:ended|ending|to (?:end|date))\b/.test(after))
        return { type: 'DURATION', value: 'P1Y' };
      return { type: 'DATE', value: ctx.ref ? formatYear(ctx.ref.y) : null };
    },
    priority: 5,
  },
  {
    name: 'year-end',
    pattern: rx(
      START,
      `(?:${ci('the')} )?(?:${ci('fiscal')} )?(?:${ci('year')}[- ]end|${ci("year's")} end)\\b(?!-)`,
    ),
    build: (_m, ctx) => ({ type: 'DATE', value: ctx.ref ? formatYear(ctx.ref.y) : null }),
  },
];
