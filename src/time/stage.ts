/**
 * The time stage: provides the `timexes` layer from the body text, resolved against the
 * publication date in `doc.meta.published` (never today's date). Needs no other layer.
 * Also answers the event coder's question "what date does this sentence state?".
 */
import type { Doc, Span, Timex } from '../doc/index.js';
import type { Stage } from '../pipeline/stage.js';
import { findTimexes } from './find-timexes.js';

export function timexStage(): Stage<'timexes'> {
  return {
    name: 'timex',
    provides: 'timexes',
    requires: [],
    run: (doc) => findTimexes(doc.text, doc.meta.published),
  };
}

/** How precisely a value names a date: a day beats a week beats a month ... beats PAST_REF. */
function specificity(value: string): number {
  if (/^\d{4}-\d\d-\d\d/.test(value)) return 7;
  if (/^\d{4}-W\d\d/.test(value)) return 6;
  if (/^\d{4}-\d\d$/.test(value)) return 5;
  if (/^\d{4}-(?:Q|H|SP|SU|FA|WI)/.test(value)) return 4;
  if (/^\d{4}$/.test(value)) return 3;
  if (/^\d{2,3}$/.test(value)) return 2;
  if (/^X/.test(value)) return 1;
  return 0;
}

/**
 * The date a clause or sentence states: the value of a DATE (or the day of a TIME) inside
 * `span`; durations and sets are not dates. Without `anchor` the most specific one wins (the
 * earliest among equals); with `anchor` (the event's verb) the calendar date nearest to it wins,
 * so "arrived in 2014 and met the king on Monday" dates "met" Monday and "arrived" 2014, and
 * PAST_REF-like values only count when no calendar date is there. Uses the doc's `timexes`
 * layer when present, else finds them in the span. Null when there is none.
 */
export function clauseDate(doc: Doc, span: Span, anchor?: Span): string | null {
  const layer: readonly Timex[] =
    doc.layers.timexes ??
    findTimexes(doc.text.slice(span.start, span.end), doc.meta.published).map((t) => ({
      ...t,
      start: t.start + span.start,
      end: t.end + span.start,
    }));
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const t of layer) {
    if (t.start < span.start || t.end > span.end || !t.value) continue;
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const value = t.type === 'TIME' ? t.value.replace(/T.*$/, '') : t.value;
    if (value.startsWith('XXXX-XX-XX')) continue;
    const specific = specificity(value);
    const score = anchor
      ? (specific >= 2 ? 1e6 : 0) - distance(doc.text, t, anchor) + specific / 10
      : specific;
    if (score > bestScore) [best, bestScore] = [value, score];
  }
  return best;
}

/** A word or mark that starts another clause ("arrived in 2014 and met ..."). */
const CLAUSE_JOIN = /\b(?:and|but|while|then|after|before|when|whereas)\b|[;:]/i;
const OTHER_CLAUSE = 1000;

/** Characters between a timex and the anchor, plus a penalty when a clause boundary separates them. */
function distance(text: string, t: Span, anchor: Span): number {
  const [a, b] = t.end <= anchor.start ? [t.end, anchor.start] : [anchor.end, t.start];
  if (b <= a) return 0;
  return b - a + (CLAUSE_JOIN.test(text.slice(a, b)) ? OTHER_CLAUSE : 0);
}
