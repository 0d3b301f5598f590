/**
 * Source and target of a trigger from the clause around it: the subject before the verb group
 * (skipping appositions and fronted phrases), the object or "to/with/against" phrase after it,
 * the "by" phrase of a passive, the possessive or nationality before a trigger noun ("China's
 * sanctions", "Israeli air strikes"), "between X and Y", and coordinated subjects ("Iran and
 * world powers agreed"). Pronoun subjects take the subject of the clause that reports them.
 */
import type { ActorMention } from './actors.js';
import {
  boundaryBefore,
  clauseEnd,
  isVerbLike,
  opensApposition,
  PRONOUNS,
  subjectSegments,
} from './clause.js';
import type { TriggerMatch } from './triggers.js';
import type { Word } from './words.js';

export interface RoleContext {
  readonly words: readonly Word[];
  readonly actors: readonly ActorMention[];
  readonly triggers: readonly TriggerMatch[];
  /** What "he"/"she" and "it" refer to when the sentence names no one: from earlier sentences. */
  readonly antecedents?: { readonly person: ActorMention | null; readonly thing: ActorMention | null };
}

/** An actor on a trigger's own words; the `{class}` object a pattern consumed does not count. */
const overlapsTrigger = (c: RoleContext, a: ActorMention): boolean =>
  c.triggers.some((t) => a.first <= (t.objectEnd === null ? t.last : t.head) && a.last >= t.head);

const TARGET_PREPS = new Set([
  'on',
  'against',
  'to',
  'with',
  'at',
  'into',
  'toward',
  'towards',
  'between',
  'in',
  'of',
  'from',
  'for',
]);

/** "its troops": the source's own people are not a target. */
const OWN = new Set(['its', 'their', 'his', 'her', 'our']);

export function sameActor(a: ActorMention | null, b: ActorMention | null): boolean {
  if (!a || !b) return false;
  const samePlace = a.first >= 0 && a.first === b.first && a.last === b.last;
  return samePlace || (a.name === b.name && a.country === b.country);
}

/** Word indexes covered only by actors (and "the", "and", commas): a coordinated list. */
function onlyActors(c: RoleContext, seg: { start: number; end: number }): boolean {
  for (let k = seg.start; k < seg.end; k++) {
    const inActor = c.actors.some((a) => a.first <= k && a.last >= k);
    if (!inActor && !/^(the|and|,)$/.test(c.words[k]!.lower)) return false;
  }
  return true;
}

/** The subject of the clause whose verb group ends at word p. */
export function subjectActor(c: RoleContext, p: number, depth = 0, reported = true): ActorMention | null {
  const b = boundaryBefore(c.words, p);
  const from = b.at + 1;
  const earlierVerbs = c.triggers.filter((t) => t.verbal && t.head >= from && t.head < p).map((t) => t.head);
  /* ", killing 12 people": the adjunct's subject is the main clause's, before its verb. */
  if (c.words[p - 1]?.text === ',' && /ing$/.test(c.words[p]!.lower)) {
    const mainVerb = c.words.findIndex((w, k) => k >= from && k < p && isVerbLike(w) && !w.cap);
    if (mainVerb >= 0) earlierVerbs.push(mainVerb);
  }
  /* "Pak ... oversees relations with foreign parties and has travelled": the subject precedes the clause's first finite verb. */
  const finite = c.words.findIndex(
    (w, k) => k >= from && k < p && w.pos !== null && /^(VBD|VBZ|VBP)$/.test(w.pos),
  );
  if (finite >= 0 && c.actors.some((a) => a.first >= from && a.last < finite)) earlierVerbs.push(finite);
  const firstVerb = earlierVerbs.length ? Math.min(...earlierVerbs) : p;
  /* "He went to Beijing and met Xi": a clause opening with "he"/"she" has its subject; later names are objects. */
  const pronounFirst = /^(he|she)$/.test(c.words[from]?.lower ?? '');
  const cands = pronounFirst
    ? []
    : c.actors.filter((a) => a.first >= from && a.last < firstVerb && !overlapsTrigger(c, a));
  if (cands.length) {
    const segs = subjectSegments(c.words, from, firstVerb);
    let j = -1;
    for (let s = segs.length - 1; s >= 0 && j < 0; s--) {
      const seg = segs[s]!;
      if (
        cands.some((a) => a.first >= seg.start && a.last < seg.end) &&
        !(s > 0 && opensApposition(c.words, seg))
      )
        j = s;
    }
    if (j < 0) return cands[0]!;
    while (j > 0 && onlyActors(c, segs[j - 1]!) && cands.some((a) => a.first >= segs[j - 1]!.start)) j--;
    const seg = segs[j]!;
    /* "officials in Washington, D.C., and ...": an actor may span the comma that ends its segment. */
    const subject =
      cands.find((a) => a.first >= seg.start && a.last < seg.end) ??
      cands.find((a) => a.first < seg.end && a.last >= seg.start) ??
      cands[0]!;
    return withAppositionCountry(c, subject, segs[j + 1]);
  }
  const referent = pronounReferent(c, from, p);
  if (referent && (depth > 0 || b.kind === 'start')) return referent;
  if (depth > 1 || b.kind === 'start') return null;
  /* ", which will help Russia": "which" never stands for a person, so a person before it is not the subject. */
  if (b.kind === 'relative')
    return (
      c.actors
        .filter(
          (a) => a.last < b.at && a.last >= b.at - 8 && !(b.word === 'which' && PERSON_KINDS.has(a.kind)),
        )
        .pop() ?? null
    );
  const pronoun = c.words.slice(from, p).some((w) => PRONOUNS.has(w.lower));
  if (pronoun || from === p || (reported && b.kind === 'report'))
    return subjectActor(c, b.at, depth + 1) ?? referent;
  return null;
}

const PERSON_KINDS = new Set(['person']);

/** "He travelled to Beijing": a subject pronoun standing for someone an earlier sentence named. */
function pronounReferent(c: RoleContext, from: number, p: number): ActorMention | null {
  const words = c.words.slice(from, p).map((w) => w.lower);
  if (words.some((w) => w === 'he' || w === 'she')) return c.antecedents?.person ?? null;
  if (words.some((w) => w === 'it')) return c.antecedents?.thing ?? null;
  return null;
}

/** "Choe, a senior North Korean official, ..." gives Choe the apposition's country. */
function withAppositionCountry(
  c: RoleContext,
  a: ActorMention,
  next: { start: number; end: number } | undefined,
): ActorMention {
  if (a.country || !next || !opensApposition(c.words, next) || next.start !== a.last + 2) return a;
  const inner = c.actors.find(
    (x) => x.first >= next.start && x.last < next.end && x.country && x.kind !== 'igo',
  );
  return inner ? { ...a, country: inner.country } : a;
}

/** The first actor after word `from` in the clause, other than the source and "according to" phrases. */
export function objectActor(
  c: RoleContext,
  from: number,
  source: ActorMention | null,
  preferPrep = false,
  objectStart = from,
  innerFirst = false,
): ActorMention | null {
  /* "summoned China's ambassador", "received the visiting Chinese minister": the party named inside the object. */
  const inside = () =>
    c.actors.find((a) => a.first > objectStart && a.first <= from && a.country && !sameActor(a, source)) ??
    null;
  if (innerFirst && objectStart < from) return inside() ?? objectAfter(c, from, source, preferPrep);
  const after = objectAfter(c, from, source, preferPrep);
  if (objectStart >= from) return after;
  /* "received the Chinese minister in Ulaanbaatar": "in" places the meeting; the minister is the party. */
  if (after && c.words[after.first - 1]?.lower !== 'in') return after;
  return inside() ?? after;
}

function objectAfter(
  c: RoleContext,
  from: number,
  source: ActorMention | null,
  preferPrep: boolean,
): ActorMention | null {
  /* "welcomed the sanctions and urged the bloc ...": a coordinated verb starts its own object. */
  const nextVerb = c.triggers.find(
    (t) => t.verbal && t.head > from && /^(and|or|,)$/.test(c.words[t.head - 1]?.lower ?? ''),
  );
  const end = Math.min(clauseEnd(c.words, from), nextVerb?.head ?? c.words.length);
  const found = c.actors.filter((a) => {
    if (a.first <= from || a.first >= end || sameActor(a, source) || overlapsTrigger(c, a)) return false;
    const before = c.words[a.first - 1]?.lower ?? '';
    const generic = a.kind === 'state' || a.kind === 'civilian' || a.kind === 'title';
    /* "his Nepali counterpart" is the other party, not the source's own people. */
    if (OWN.has(before) && generic && !/counterparts?$/i.test(a.name)) return false;
    /* "on the leader's behalf": a generic possessor is no party. */
    if (generic && c.words[a.last + 1]?.pos === 'POS') return false;
    return !(before === 'to' && c.words[a.first - 2]?.lower === 'according');
  });
  if (preferPrep) {
    const withPrep = found.find(
      (a) => a.first - from <= 4 && TARGET_PREPS.has(c.words[a.first - 1]?.lower ?? ''),
    );
    if (withPrep) return withPrep;
  }
  const first = found[0] ?? null;
  if (first?.kind === 'name' && !first.country) return found.find((a) => a.country) ?? first;
  return first;
}

/**
 * The actor of a "by" phrase after word `from` (a passive's agent, "an attack by rebels"), or of
 * another preposition that names the agent ("sanctions from the EU" with `/^(by|from)$/`).
 */
export function agentActor(
  c: RoleContext,
  from: number,
  maxGap = 12,
  preposition = /^by$/,
): ActorMention | null {
  const end = clauseEnd(c.words, from);
  for (let k = from + 1; k < end && k <= from + maxGap; k++)
    if (preposition.test(c.words[k]!.lower))
      return c.actors.find((a) => a.first > k && a.first <= k + 3) ?? null;
  return null;
}

/** The actor right before a trigger noun: "China's sanctions", "Israeli air strikes", "U.S.-led raids". */
export function modifierActor(c: RoleContext, head: number): ActorMention | null {
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    const found = c.actors.find((a) => a.last === k);
    if (found) return found;
    const w = c.words[k]!;
    if (
      w.cap ||
      /^[,;:.]$/.test(w.text) ||
      /^(by|for|in|at|on|of|with|from|to|after|before|during)$/.test(w.lower)
    )
      return null;
  }
  return null;
}

/** "talks between X and Y": both sides. */
export function betweenActors(c: RoleContext, last: number): [ActorMention, ActorMention | null] | null {
  if (!/^(between|among)$/.test(c.words[last + 1]?.lower ?? '')) return null;
  const after = c.actors.filter((a) => a.first > last + 1 && a.first <= last + 8);
  return after[0] ? [after[0], after[1] ?? null] : null;
}

/** "Iran and world powers agreed": the actor coordinated with the subject. */
export function coordinatedActor(c: RoleContext, subject: ActorMention): ActorMention | null {
  const w = c.words[subject.last + 1];
  if (w?.lower !== 'and' && w?.text !== ',') return null;
  return (
    c.actors.find(
      (a) =>
        a.first === subject.last + 2 ||
        (a.first === subject.last + 3 && c.words[subject.last + 2]?.lower === 'the'),
    ) ?? null
  );
}

export const PROPER_KINDS = new Set(['country', 'igo', 'person', 'org']);

/**
 * "deployed troops near the Ukrainian border", "moved tanks closer to India": the troops moved
 * are the source's own; the party they face is the next actor of another country.
 */
export function movedToward(
  c: RoleContext,
  moved: ActorMention,
  source: ActorMention | null,
): ActorMention | null {
  const end = clauseEnd(c.words, moved.last);
  return (
    c.actors.find(
      (a) =>
        a.first > moved.last &&
        a.first < end &&
        a.country &&
        a.kind !== 'igo' &&
        a.country !== (source?.country ?? moved.country),
    ) ?? null
  );
}
