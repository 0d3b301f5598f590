/**
 * Modality of a coded event from the words around its trigger: planned ("plans to dispatch",
 * "will travel", "is due to", "is scheduled to vote", a headline's "to visit"), possible ("may
 * discuss", "could refer", "is likely to", "if"), negated ("did not", "has not been confirmed",
 * "failed to"); otherwise asserted. Refusals and denials negate the event they govern; that is
 * decided where governors are found.
 */
import type { Modality } from '../doc/index.js';
import { isVerbLike } from './clause.js';
import { verbLemmas } from './lemma.js';
import type { Word } from './words.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither']);
const POSSIBLE = new Set([
  'may',
  'might',
  'could',
  'can',
  'possibly',
  'perhaps',
  'likely',
  'unlikely',
  'probably',
  'if',
  'unless',
  'whether',
  'considering',
  'consider',
]);
const PLANNED = new Set(['will', "'ll", 'shall', 'would', 'going', 'due', 'about', 'soon', 'set']);
const PLAN_VERBS = new Set([
  'plan',
  'intend',
  'expect',
  'schedule',
  'prepare',
  'aim',
  'hope',
  'want',
  'wish',
  'seek',
  'try',
  'attempt',
  'mean',
  'arrange',
]);
const FAIL_VERBS = new Set(['fail', 'cease', 'stop']);
const CHAIN = new Set([
  'to',
  'be',
  'is',
  'was',
  'are',
  'were',
  'been',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'also',
  'now',
  'still',
  'yet',
  'again',
  'reportedly',
  'already',
  'then',
  'soon',
  'later',
  'jointly',
  'to',
]);
const NOUN_PLANNED = new Set([
  'planned',
  'proposed',
  'upcoming',
  'scheduled',
  'expected',
  'forthcoming',
  'impending',
  'prospective',
  'future',
]);
const NOUN_POSSIBLE = new Set(['possible', 'potential', 'rumoured', 'rumored', 'likely', 'hypothetical']);

function lemmaIn(w: Word, set: ReadonlySet<string>): boolean {
  return verbLemmas(w.lower).some((l) => set.has(l));
}

/** Modality from the verb group that ends just before word p (the predicate head). */
export function verbGroupModality(words: readonly Word[], p: number, clauseStart: number): Modality {
  let negated = false;
  let possible = false;
  let planned = false;
  for (let k = p - 1; k > clauseStart && k >= p - 7; k--) {
    const w = words[k]!;
    const l = w.lower;
    if (NEGATORS.has(l)) negated = true;
    else if (POSSIBLE.has(l)) possible = true;
    else if (PLANNED.has(l) || (words[k + 1]?.lower === 'to' && lemmaIn(w, PLAN_VERBS))) planned = true;
    else if (words[k + 1]?.lower === 'to' && lemmaIn(w, FAIL_VERBS)) negated = true;
    else if (!CHAIN.has(l) && !(w.pos === 'RB' || (w.pos === null && /ly$/.test(l)))) break;
  }
  if (negated) return 'negated';
  if (possible) return 'possible';
  if (planned) return 'planned';
  if (words[p - 1]?.lower === 'to' && !words.slice(0, p - 1).some((w) => isVerbLike(w))) return 'planned';
  return 'asserted';
}

const CHANCE = /^(chances?|possibility|possibilities|prospects?|likelihood|odds)$/;

/** "the chance of a summit", "the possibility is low for a summit": the noun is only a possibility. */
function chanceOf(words: readonly Word[], head: number): boolean {
  let k = head - 1;
  while (k >= 0 && /^(a|an|the|new|another)$/.test(words[k]!.lower)) k--;
  if (!/^(of|for)$/.test(words[k]?.lower ?? '')) return false;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (CHANCE.test(words[j]!.lower)) return true;
  return false;
}

/** Modality of a trigger noun from its modifiers and, as a subject, its predicate. */
export function nounModality(words: readonly Word[], head: number, last: number): Modality {
  if (/^(no|without)$/.test(words[head - 1]?.lower ?? '')) return 'negated';
  if (chanceOf(words, head)) return 'possible';
  for (let k = head - 1; k >= head - 3 && k >= 0; k--) {
    if (NOUN_PLANNED.has(words[k]!.lower)) return 'planned';
    if (NOUN_POSSIBLE.has(words[k]!.lower)) return 'possible';
  }
  for (let k = last + 1; k <= last + 10 && k < words.length; k++) {
    const w = words[k]!;
    if (/^[,;.]$/.test(w.text)) break;
    if (NEGATORS.has(w.lower) && isVerbLike(words[k - 1])) return 'negated';
  }
  return 'asserted';
}
