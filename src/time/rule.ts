/**
 * The shape of one grammar rule: a regular expression that finds a time expression, and a
 * function that turns the match into a TIMEX3 type and value against the reference date.
 */
import type { TimexType } from '../doc/index.js';
import type { Anaphor } from './anaphora.js';
import type { CalendarDate } from './calendar.js';
import type { Tense } from './tense.js';

export interface RuleContext {
  readonly text: string;
  /** The publication date; null when unknown, so values needing it stay unresolved. */
  readonly ref: CalendarDate | null;
  /** The tense of the clause around a span (computed only when a rule asks). */
  readonly tense: (start: number, end: number) => Tense;
}

export interface RuleResult {
  readonly type: TimexType;
  readonly value: string | null;
  /** Set when the value hangs on an earlier expression; `value` is then the fallback. */
  readonly anaphor?: Anaphor;
}

export interface TimexRule {
  readonly name: string;
  /** Global, sticky-free regex; the whole match is the timex extent. */
  readonly pattern: RegExp;
  /** Null rejects the match (a guard failed). */
  readonly build: (m: RegExpExecArray, ctx: RuleContext) => RuleResult | null;
  /** Breaks ties between equally long matches: lower wins. */
  readonly priority?: number;
}

/** Makes each word's first letter match either case: "the end of" -> "[Tt]he [Ee]nd [Oo]f". */
export function ci(words: string): string {
  return words.replace(/\b([a-z])/g, (_, c: string) => `[${c.toUpperCase()}${c}]`);
}

/** Builds a global regex from parts joined as written. */
export function rx(...parts: string[]): RegExp {
  return new RegExp(parts.join(''), 'g');
}

/** The named group `name` of a match, lower-cased, or '' when it did not take part. */
export function group(m: RegExpExecArray, name: string): string {
  return (m.groups?.[name] ?? '').toLowerCase();
}
