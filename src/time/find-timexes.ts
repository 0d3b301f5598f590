/**
 * Finds time expressions in text and gives each its TIMEX3 type and value, resolved against a
 * reference (publication) date that the caller passes in; the clock is never read.
 *
 * Why our own grammar rather than chrono-node alone: chrono finds dates and clock times, but
 * its extents include prepositions ("on Friday"), it has no TimeML granularities (ISO weeks,
 * quarters, seasons, decades), no durations, sets or PAST_REF/PRESENT_REF/FUTURE_REF, and it
 * resolves a bare weekday by a fixed forward/backward option instead of the clause's tense.
 * Measured on TempEval-3 (bench/time.ts), chrono alone reaches far lower value F1. chrono still
 * reads clock times (rules-clock.ts), where its many spellings help.
 */
import type { Timex } from '../doc/index.js';
import { resolveAnaphora, type AnaphoricTimex } from './anaphora.js';
import { formatDay, parseIsoDate } from './calendar.js';
import { CALENDAR_RULES } from './rules-calendar.js';
import { CLOCK_RULES } from './rules-clock.js';
import { PERIOD_RULES } from './rules-periods.js';
import { DURATION_RULES } from './rules-duration.js';
import { RELATIVE_RULES } from './rules-relative.js';
import { REPORT_RULES } from './rules-reports.js';
import { NARRATIVE_RULES } from './rules-narrative.js';
import { COMPOUND_RULES } from './rules-compound.js';
import type { RuleContext, TimexRule } from './rule.js';
import { clauseTense } from './tense.js';

const RULES: readonly TimexRule[] = [
  ...CALENDAR_RULES,
  ...PERIOD_RULES,
  ...RELATIVE_RULES,
  ...REPORT_RULES,
  ...NARRATIVE_RULES,
  ...COMPOUND_RULES,
  ...DURATION_RULES,
  ...CLOCK_RULES,
];

interface Candidate extends AnaphoricTimex {
  readonly priority: number;
}

/** Every rule's matches, longest first; overlaps keep the longest (then the rule with lower priority). */
function choose(candidates: Candidate[]): AnaphoricTimex[] {
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start || b.end - a.end);
  return kept.map(({ priority: _, ...t }) => t);
}

/**
 * The time expressions of `text`, sorted by start. `ref` is the publication date (ISO date or
 * date-time); without it, values that need an anchor stay unresolved (XXXX-12, XXXX-WXX-5) or null.
 */
export function findTimexes(text: string, ref: string | null): Timex[] {
  const ctx: RuleContext = {
    text,
    ref: parseIsoDate(ref),
    tense: (start, end) => clauseTense(text, start, end),
  };
  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const result = rule.build(m, ctx);
      if (result)
        candidates.push({
          start: m.index,
          end: m.index + m[0].length,
          ...result,
          priority: rule.priority ?? 4,
        });
    }
  }
  return anchorClockTimes(resolveAnaphora(choose(candidates)), ctx.ref ? formatDay(ctx.ref) : null);
}

const UNANCHORED = 'XXXX-XX-XXT';
/**
 * A clock time that names no day ("at 10:35 a.m.") belongs to the day the text last named
 * ("The blast on Friday ... at 10:35 a.m."), however far back (as the narrative anchors in
 * anaphora.ts), else to the publication date; without one it stays unresolved (XXXX-XX-XXT10:35).
 */
function anchorClockTimes(timexes: Timex[], published: string | null): Timex[] {
  if (!published) return timexes;
  return timexes.map((t, i) => {
    if (!t.value?.startsWith(UNANCHORED)) return t;
    let day = published;
    for (let j = i - 1; j >= 0; j--) {
      const prev = timexes[j];
      if (!prev) break;
      const m = /^\d{4}-\d\d-\d\d/.exec(prev.value ?? '');
      if (m) {
        day = m[0];
        break;
      }
    }
    return { ...t, value: `${day}T${t.value.slice(UNANCHORED.length)}` };
  });
}
