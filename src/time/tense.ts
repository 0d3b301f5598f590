/**
 * Which way a clause points in time, read from the words around a time expression. News uses
 * bare weekdays and months for both past and coming events ("arrived on Monday", "will fly back
 * on Monday"); the verb right before the expression, else the nearest tense cue in the same clause,
 * decides. A parser would do better, but none is installed; HeidelTime's news setting likewise
 * reads the sentence's tense (from part-of-speech tags) rather than a parse.
 */

export type Tense = 'past' | 'future' | 'none';

const FUTURE = new Set([
  'will',
  'shall',
  "won't",
  'wont',
  'going',
  'due',
  'scheduled',
  'upcoming',
  'expected',
  'expects',
  'plans',
  'plan',
  'planned',
  'planning',
  'intends',
  'tomorrow',
  'next',
  'coming',
  'later',
  'would',
  'soon',
  'payable',
  'effective',
  'expire',
  'expires',
]);
const PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'ago',
  'last',
  'yesterday',
  'earlier',
  'went',
  'came',
  'met',
  'left',
  'took',
  'gave',
  'made',
  'held',
  'began',
  'won',
  'lost',
  'saw',
  'fled',
  'flew',
  'fought',
  'fell',
  'rose',
  'sent',
  'sold',
  'bought',
  'paid',
  'spent',
  'spoke',
  'wrote',
  'broke',
  'struck',
  'shot',
  'led',
  'ran',
  'got',
  'became',
  'brought',
  'found',
  'kept',
  'stood',
  'felt',
  'heard',
  'knew',
  'thought',
  'chose',
  'drove',
  'ate',
  'grew',
  'threw',
  'wore',
  'hid',
  'killed',
  'died',
  'since',
  'drew',
  'sought',
  'caught',
  'swore',
  'fed',
  'hung',
  'laid',
  'sat',
  'stuck',
  'swept',
  'understood',
  'wound',
  'struck',
  'arose',
  'forgot',
  'overtook',
  'withdrew',
]);
/** Reporting verbs are past but usually frame another clause, so they count only when nothing closer does. */
const REPORTING = new Set(['said', 'told', 'announced', 'reported', 'added', 'stated', 'noted', 'confirmed']);
const NOT_PAST_ED = new Set([
  'need',
  'indeed',
  'speed',
  'seed',
  'feed',
  'bed',
  'red',
  'hundred',
  'proceed',
  'exceed',
  'succeed',
  'agreed',
]);

const BOUNDARY = /[.!?;:\n"“”]/;
const REACH = 120;
const REPORTING_PENALTY = 60;

function cueOf(word: string): Tense | null {
  const w = word.toLowerCase();
  if (FUTURE.has(w) || w.endsWith("'ll")) return 'future';
  if (PAST.has(w) || REPORTING.has(w)) return 'past';
  // Capitalised "-ed" words are mostly names ("United States"), not past verbs.
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && word === w) return 'past';
  return null;
}

/** The clause around [start, end): from the previous to the next sentence or clause boundary. */
function clauseBounds(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && start - a < REACH && !BOUNDARY.test(text[a - 1] ?? '')) a--;
  let b = end;
  while (b < text.length && b - end < REACH && !BOUNDARY.test(text[b] ?? '')) b++;
  return [a, b];
}

/** A deadline or appointment just before the expression ("until Tuesday", "a rally for Friday") points ahead. */
const DEADLINE_BEFORE = /\b(?:until|till|by|for|as (?:early|soon) as|no later than)\s+(?:on\s+|at\s+)?$/i;
/** A participle after "is", "be" ("is heard", "will be held") is passive, not past. */
const PASSIVE_BEFORE = /\b(?:is|are|be|being|am)\s+$/i;

/** Verbs of scheduled events that, in the present tense, announce them ("polls open Sunday"). */
const SCHEDULE_VERBS = new Set([
  'resume',
  'meet',
  'begin',
  'start',
  'open',
  'vote',
  'visit',
  'return',
  'arrive',
  'head',
  'face',
  'hold',
  'launch',
  'reconvene',
  'convene',
  'kick',
  'travel',
]);
/** "set to resume", "is to meet": an arrangement still ahead. */
const SCHEDULED = /^(?:set|is|are) to [a-z]/;
const PLAN_IN_PAST = /\bhad(?:\s+[a-z]+){0,3}\s+$/i;

/** The tense of the clause holding [start, end), by the nearest cue word; 'none' without one. */
export function clauseTense(text: string, start: number, end: number): Tense {
  const before = text.slice(Math.max(0, start - 24), start);
  if (DEADLINE_BEFORE.test(before)) return 'future';
  // The verb right before the expression governs it ("said Monday that he would ...").
  const adjacent = /([A-Za-z]+)\s+(?:on\s+)?$/.exec(before)?.[1];
  // Present tense for a scheduled event, as headlines write it: "talks resume Monday".
  const verb = /([a-z]+)\s+(?:[a-z]+ly\s+)?(?:on\s+)?$/.exec(before)?.[1];
  if (verb && SCHEDULE_VERBS.has(verb.replace(/s$/, ''))) return 'future';
  if (adjacent && cueOf(adjacent) === 'past' && !PASSIVE_BEFORE.test(before.slice(0, -adjacent.length - 1)))
    return 'past';
  const [a, b] = clauseBounds(text, start, end);
  let best: Tense = 'none';
  let bestDistance = Infinity;
  const words = /[A-Za-z]+(?:'[a-z]+)?/g;
  words.lastIndex = a;
  for (let m = words.exec(text); m && m.index < b; m = words.exec(text)) {
    if (m.index >= start && m.index < end) continue;
    let cue = cueOf(m[0]) ?? (SCHEDULED.test(text.slice(m.index, m.index + 12)) ? 'future' : null);
    if (!cue) continue;
    const preceding = text.slice(Math.max(0, m.index - 24), m.index);
    if (cue === 'past' && PASSIVE_BEFORE.test(preceding.slice(-8))) continue;
    // "had been due to expire Friday": a plan seen from the past is already over.
    if (cue === 'future' && PLAN_IN_PAST.test(preceding)) cue = 'past';
    const distance =
      (m.index < start ? start - (m.index + m[0].length) : m.index - end) +
      (REPORTING.has(m[0].toLowerCase()) ? REPORTING_PENALTY : 0);
    if (distance < bestDistance) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best;
}
