/**
 * Which verb carries each trigger and what governs it, from the words around it: a light verb
 * before a trigger noun ("held talks"), another verb that makes the noun a topic ("discussed
 * sanctions"), a trigger that takes it as its complement ("agreed to [hold talks]", "warned
 * [it would strike]"), and whether it sits in background material (subordinate or relative
 * clauses, participial adjuncts) or a refusal ("will not allow").
 */
import type { EventType } from '../doc/index.js';
import { boundaryBefore, isAdverb, isVerbLike } from './clause.js';
import { verbLemmas } from './lemma.js';
import type { RoleContext } from './roles.js';
import type { TriggerMatch } from './triggers.js';

export const LIGHT = new Set([
  'hold',
  'have',
  'conduct',
  'launch',
  'stage',
  'carry',
  'make',
  'pay',
  'impose',
  'level',
  'lodge',
  'issue',
  'mount',
  'begin',
  'start',
  'resume',
  'open',
  'continue',
  'file',
  'give',
  'deliver',
  'express',
  'voice',
  'announce',
  'take',
  'extend',
  'receive',
  'intensify',
  'escalate',
  'step',
  'organize',
  'organise',
  'call',
  'join',
  'lead',
  'be',
  'order',
  'approve',
  'tighten',
  'renew',
  'unleash',
  'wage',
  'grant',
  'offer',
  'provide',
  'send',
  'meet',
  'greet',
  'fire',
]);
const PREPS = new Set([
  'in',
  'on',
  'at',
  'with',
  'after',
  'before',
  'during',
  'for',
  'from',
  'against',
  'over',
  'amid',
  'about',
  'despite',
  'following',
  'by',
  'to',
  'into',
  'between',
  'since',
  'under',
  'without',
]);
export type Carrier =
  | { kind: 'verb'; p: number }
  | { kind: 'light'; p: number }
  | { kind: 'topic'; p: number }
  | { kind: 'nominal'; inPhrase: boolean };

/** Which verb carries a trigger noun: a light verb, another verb (then the noun is a topic), or none. */
export function carrierOf(c: RoleContext, t: TriggerMatch): Carrier {
  if (t.verbal) return { kind: 'verb', p: t.head };
  for (let k = t.head - 1; k >= 0 && k >= t.head - 6; k--) {
    const w = c.words[k]!;
    if (/^[,;:]$/.test(w.text)) return { kind: 'nominal', inPhrase: false };
    if (PREPS.has(w.lower)) return { kind: 'nominal', inPhrase: true };
    const verbTrigger = c.triggers.find((o) => o !== t && o.verbal && o.head === k);
    if (verbTrigger)
      return verbLemmas(w.lower).some((l) => LIGHT.has(l)) && verbTrigger.last === k
        ? { kind: 'light', p: k }
        : { kind: 'topic', p: k };
    if (isVerbLike(w) || (w.pos === null && !w.cap && c.words[k - 1]?.lower === 'to')) {
      if (/ing$/.test(w.lower) && w.pos !== 'VBG' && !verbLemmas(w.lower).some((l) => LIGHT.has(l))) continue;
      return verbLemmas(w.lower).some((l) => LIGHT.has(l))
        ? { kind: 'light', p: k }
        : { kind: 'topic', p: k };
    }
  }
  return { kind: 'nominal', inPhrase: false };
}

/** The trigger that governs the verb group at p: "agreed to [hold talks]", "accused X of [attacking]". */
export function governorOf(c: RoleContext, t: TriggerMatch, p: number): TriggerMatch | null {
  let k = p - 1;
  while (k >= 0 && (c.words[k]!.pos === 'RB' || /^(not|also|then|jointly)$/.test(c.words[k]!.lower))) k--;
  const link = c.words[k]?.lower ?? '';
  const gerund = /ing$/.test(c.words[p]!.lower);
  const coordinated = coordinatedGovernor(c, t, link === 'to' ? k - 1 : k, p);
  if (coordinated) return coordinated;
  if (link !== 'to' && !(gerund && /^(of|for|from|over|on)$/.test(link))) {
    const direct = c.triggers.find((o) => o !== t && o.verbal && o.last === p - 1);
    return gerund && direct ? direct : clauseGovernor(c, t, p);
  }
  for (let g = k - 1; g >= 0 && g >= k - 8; g--) {
    const w = c.words[g]!;
    if (/^[,;:]$/.test(w.text)) return null;
    const gov = c.triggers.find(
      (o) => o !== t && (o.verbal ? o.head === g || o.last === g : carrierP(c, o) === g),
    );
    if (gov) return gov;
    if (isVerbLike(w) && !/^(is|was|were|are|be|been|has|have|had)$/.test(w.lower)) return null;
  }
  return null;
}

/**
 * "accused Minsk of jailing opponents and helping Russia", "agreed to freeze assets and to ban
 * travel": a verb coordinated with a governed one shares its governor.
 */
function coordinatedGovernor(c: RoleContext, t: TriggerMatch, k: number, p: number): TriggerMatch | null {
  if (!/^(and|or)$/.test(c.words[k]?.lower ?? '')) return null;
  const gerund = /ing$/.test(c.words[p]!.lower);
  for (const o of [...c.triggers].reverse()) {
    if (o === t || !o.verbal || o.head >= k || o.head < k - 15) continue;
    const sameForm = gerund ? /ing$/.test(c.words[o.head]!.lower) : c.words[o.head - 1]?.lower === 'to';
    if (!sameForm) continue;
    return governorOf(c, o, o.head);
  }
  return null;
}

const CLAUSE_GOVERNORS = new Set<EventType>(['THREATEN', 'REQUEST', 'AGREE', 'REJECT', 'ACCUSE']);

/**
 * "warned (that) it would impose sanctions", "promised the army would withdraw": a clause whose
 * verb group follows a threat, demand or promise verb and a subject is that verb's content.
 */
function clauseGovernor(c: RoleContext, t: TriggerMatch, p: number): TriggerMatch | null {
  let k = p - 1;
  while (k >= 0 && isAdverb(c.words[k])) k--;
  if (k === p - 1) return null;
  const subjectEnd = k;
  while (k >= 0 && k > subjectEnd - 5 && !isVerbLike(c.words[k]) && !/^[,;:]$/.test(c.words[k]!.text)) k--;
  if (k === subjectEnd) return null;
  if (c.words[k]?.lower === 'that') k--;
  const gov = c.triggers.find((o) => o !== t && o.verbal && o.last === k);
  return gov && CLAUSE_GOVERNORS.has(gov.entry.type) ? gov : null;
}

function carrierP(c: RoleContext, t: TriggerMatch): number | null {
  const carrier = carrierOf(c, t);
  return carrier.kind === 'light' ? carrier.p : null;
}

/**
 * "a resolution condemning the raid", "will send trainers to help": an -ing trigger after a noun,
 * or a purpose "to" after an object, takes the modality of the clause's own verb ("is scheduled
 * to vote", "will send"). Returns that verb's index.
 */
export function participleHost(c: RoleContext, p: number, start: number): number | null {
  const w = c.words[p]!;
  const prev = c.words[p - 1];
  if (!prev || isVerbLike(prev)) return null;
  const purpose =
    prev.lower === 'to' &&
    c.words[p - 2] !== undefined &&
    !isVerbLike(c.words[p - 2]) &&
    !c.words[p - 2]!.cap;
  if (!purpose && (!/ing$/.test(w.lower) || /^(to|of|for|from|by|on|in|and|,)$/.test(prev.lower)))
    return null;
  for (let k = p - 2; k > start; k--)
    if (isVerbLike(c.words[k]) || (c.words[k - 1]?.lower === 'to' && !c.words[k]!.cap)) return k;
  return null;
}

/** "will not", "would not", "won't", "cannot": a refusal, not a report that something did not happen. */
export function futureNegated(c: RoleContext, p: number): boolean {
  for (let k = p - 1; k >= 0 && k >= p - 4; k--) {
    const l = c.words[k]!.lower;
    if (/^(will|would|wo|shall|can|ca|cannot)$/.test(l)) return true;
    if (!isAdverb(c.words[k]) && !/^(not|n't|never)$/.test(l)) return false;
  }
  return false;
}

/** Background: "after X attacked", "X, which attacked ...", "..., killing four". */
export function isBackground(c: RoleContext, p: number): boolean {
  const kind = boundaryBefore(c.words, p).kind;
  if (kind === 'subordinate' || kind === 'relative') return true;
  const w = c.words[p]!;
  const prev = c.words[p - 1];
  if (!/(ing|ed)$/.test(w.lower) || !prev) return false;
  if (prev.text === ',') return /ing$/.test(w.lower);
  if (isVerbLike(prev) || /^(and|or|but|then|to|who|which|that)$/.test(prev.lower)) return false;
  const start = boundaryBefore(c.words, p).at;
  for (let k = p - 2; k > start; k--) {
    const x = c.words[k]!;
    /* "ministers meeting in Brussels agreed": a participle right after its noun is no main verb. */
    const reduced = x.pos === 'VBG' && (c.words[k - 1]?.pos ?? '').startsWith('NN');
    const finite = isVerbLike(x) && !reduced;
    if (finite && !/^(is|was|were|are|be|been|has|have|had)$/.test(x.lower)) return true;
  }
  return false;
}
