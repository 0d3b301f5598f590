/**
 * Document-level reference times for expressions anchored on something the text said before
 * rather than on the publication date: "the following year", "that day", "later that month"
 * (the date last mentioned, as HeidelTime's narrative mode does), and the results-report
 * conventions "the quarter", "the latest period" (the quarter last named) and "a year earlier"
 * (that quarter a year before). A rule marks such an expression with an `Anaphor` and a
 * fallback value anchored on the publication date; this pass replaces the fallback when the
 * text gives an anchor. Pure: reads only the expressions found before.
 */
import type { Timex } from '../doc/index.js';
import { addDays, addMonths, formatDay, formatMonth, formatYear } from './calendar.js';

export type Anaphor =
  /** The date last mentioned, shifted by `offset` units ("the following year" = year +1). */
  | { readonly kind: 'narrative'; readonly unit: 'year' | 'month' | 'day'; readonly offset: number }
  /**
   * The quarter last named, shifted by `years` ("a year earlier" = -1); `year` replaces its year
   * ("the 1988 quarter"), `quarter` its number ("the year-ago third quarter").
   */
  | {
      readonly kind: 'quarter';
      readonly years: number;
      readonly year?: number;
      readonly quarter?: number;
      /** Only with a quarter named this close before (characters); the fallback otherwise. */
      readonly reach?: number;
    };

export interface AnaphoricTimex extends Timex {
  readonly anaphor?: Anaphor;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const DATED = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/;

/** The value of a narrative anaphor against the last date `anchor`; what the anchor lacks stays X. */
function narrativeValue(anchor: string, unit: 'year' | 'month' | 'day', offset: number): string | null {
  const m = DATED.exec(anchor);
  if (!m) return null;
  const y = Number(m[1]);
  if (unit === 'year') return formatYear(y + offset);
  if (!m[2]) return unit === 'month' ? `${formatYear(y)}-XX` : `${formatYear(y)}-XX-XX`;
  const month = Number(m[2]);
  if (unit === 'month') {
    const t = addMonths(y, month, offset);
    return formatMonth(t.y, t.m);
  }
  if (!m[3]) return `${formatMonth(y, month)}-XX`;
  return formatDay(addDays({ y, m: month, d: Number(m[3]) }, offset));
}

/**
 * Resolves every marked expression in document order. The narrative anchor is the last DATE or
 * TIME with a calendar value; the quarter anchor is the last quarter the text named itself (not
 * one reached through "a year earlier", which would drift a year each time).
 */
export function resolveAnaphora(timexes: readonly AnaphoricTimex[]): Timex[] {
  let lastDate: string | null = null;
  const lastFine: { month?: string; day?: string } = {};
  let lastQuarter: { y: number; q: number; end: number } | null = null;
  const out: Timex[] = [];
  for (const t of timexes) {
    let value = t.value;
    const a = t.anaphor;
    if (a?.kind === 'narrative' && lastDate) {
      // "In May 1995 ... that year ... the following month": a finer date of the same year serves.
      const finer = a.unit === 'year' ? null : lastFine[a.unit];
      const anchor = finer && finer.slice(0, 4) === lastDate.slice(0, 4) ? finer : lastDate;
      value = narrativeValue(anchor, a.unit, a.offset);
    }
    if (a?.kind === 'quarter' && lastQuarter && t.start - lastQuarter.end <= (a.reach ?? Infinity)) {
      const y = a.year ?? lastQuarter.y + a.years;
      value = `${formatYear(y)}-Q${a.quarter ?? lastQuarter.q}`;
    }
    const quarter = QUARTER.exec(value ?? '');
    if (quarter && (!a || (a.kind === 'quarter' && a.years === 0 && a.year === undefined)))
      lastQuarter = { y: Number(quarter[1]), q: Number(quarter[2]), end: t.end };
    const dated = (t.type === 'DATE' || t.type === 'TIME') && value ? DATED.exec(value) : null;
    if (value && dated) {
      lastDate = value;
      if (dated[2]) lastFine.month = value;
      if (dated[3]) lastFine.day = value;
    }
    out.push({ start: t.start, end: t.end, type: t.type, value });
  }
  return out;
}
