/**
 * Codes one sentence into PLOVER events: for each trigger, finds the verb that carries it (the
 * trigger verb itself, or a light verb before a trigger noun: "held talks", "imposed
 * sanctions"), whether another trigger governs it ("agreed to hold talks" is one AGREE, "refused
 * to meet" a REJECT plus a negated CONSULT), its source and target, modality and tense. A trigger
 * noun that is only a topic ("discussed sanctions", "the effect of sanctions") codes nothing.
 * Salience: trigger nouns speak only when no verb does, and events in subordinate or relative
 * clauses ("after X attacked Y") only when the main clause states none, since they mostly
 * restate background already reported.
 */
import type { EventType, Modality } from '../doc/index.js';
import type { ActorMention } from './actors.js';
import { boundaryBefore, clauseEnd, isPassive, isPast } from './clause.js';
import { carrierOf, futureNegated, governorOf, isBackground, participleHost } from './governors.js';
import { nounModality, verbGroupModality } from './modality.js';
import {
  agentActor,
  betweenActors,
  coordinatedActor,
  modifierActor,
  movedToward,
  PROPER_KINDS,
  objectActor,
  sameActor,
  subjectActor,
  type RoleContext,
} from './roles.js';
import type { TriggerMatch } from './triggers.js';
import { findDemands } from './demands.js';

export interface CodedEvent {
  readonly type: EventType;
  readonly mode: string | null;
  readonly source: ActorMention | null;
  readonly target: ActorMention | null;
  readonly modality: Modality;
  /** Reported as having happened (past tense or perfect). */
  readonly past: boolean;
  readonly trigger: TriggerMatch;
  /** First and last word of the clause that states it (its date is looked for there). */
  readonly clause: { readonly first: number; readonly last: number };
}

const PROMISES = new Set(['promise', 'pledge', 'vow', 'swear']);
const REFUSALS = new Set(['refuse', 'decline', 'deny']);
const STATE_KINDS = new Set(['country', 'nationality', 'igo', 'state', 'title']);
const MATERIAL_CONFLICT = new Set<EventType>(['ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION']);
const COPULA = /^(is|was|were|are|be|been|being)$/;
/** Nouns whose "from" phrase names the giver ("sanctions from the EU", "aid from Japan"), not a place left. */
const GIVEN_FROM = new Set<EventType>([
  'SANCTION',
  'AID',
  'ACCUSE',
  'THREATEN',
  'REQUEST',
  'SUPPORT',
  'PROTEST',
]);
const GENERIC_KINDS = new Set(['state', 'title', 'civilian']);
const SYMMETRIC = new Set<EventType>(['CONSULT', 'AGREE', 'COOPERATE', 'ASSAULT', 'SUPPORT']);
/** PLOVER: promised material cooperation is AGREE; announced force or sanctions is THREATEN. */
const FUTURE_AS: Partial<Record<EventType, EventType>> = {
  SUPPORT: 'AGREE',
  COOPERATE: 'AGREE',
  AID: 'AGREE',
  RETREAT: 'AGREE',
  SANCTION: 'THREATEN',
  COERCE: 'THREATEN',
  ASSAULT: 'THREATEN',
  PROTEST: 'THREATEN',
};

/** PLOVER REQUEST/REJECT mode from what is asked for or refused. */
function complementMode(type: EventType): string {
  if (type === 'CONSULT') return 'meet';
  if (type === 'AID' || type === 'COOPERATE') return 'assist';
  if (type === 'RETREAT' || type === 'CONCEDE') return 'yield';
  return 'change';
}

interface Draft {
  t: TriggerMatch;
  type: EventType;
  mode: string | null;
  source: ActorMention | null;
  target: ActorMention | null;
  modality: Modality;
  past: boolean;
  keep: boolean;
  /** A trigger noun with no verb of its own: coded only when the sentence has no verbal event. */
  nominal: boolean;
  /** In a subordinate or relative clause, or a participial adjunct (", killing ..."). */
  background: boolean;
}

function draftOf(c: RoleContext, t: TriggerMatch): Draft | null {
  const carrier = carrierOf(c, t);
  let source: ActorMention | null;
  let target: ActorMention | null;
  let modality: Modality;
  let past = false;
  let pairwise = false;
  if (carrier.kind === 'topic') return null;
  if (carrier.kind === 'nominal') {
    const agent = GIVEN_FROM.has(t.entry.type) ? /^(by|from)$/ : /^by$/;
    source = modifierActor(c, t.head) ?? agentActor(c, t.last, 3, agent);
    target = objectActor(c, t.last, source, true);
    const between = betweenActors(c, t.last);
    if (between && !source) [source, target] = between;
    /* "a summit between Kim and Xi" is a meeting of two, not a multilateral one. */
    if (between?.[1] && source === between[0]) pairwise = true;
    if (!source && (carrier.inPhrase || !target || GENERIC_KINDS.has(target.kind))) return null;
    if (namedGathering(c, t, source)) return null;
    modality = nounModality(c.words, t.head, t.last);
  } else {
    const p = carrier.p;
    const start = boundaryBefore(c.words, p).at;
    modality = verbGroupModality(c.words, p, start);
    const host = participleHost(c, p, start);
    if (modality === 'asserted' && host !== null) modality = verbGroupModality(c.words, host, start);
    past = isPast(c.words, p);
    const agent =
      carrier.kind === 'light' && COPULA.test(c.words[p]!.lower) ? agentActor(c, t.last, 3) : null;
    if (carrier.kind === 'verb' && t.entry.pos === 'V' && isPassive(c.words, p)) {
      target = subjectActor(c, p, 0, false);
      source = agentActor(c, t.last);
    } else if (agent) {
      /* "the trip would be the first visit by a North Korean official to Russia" */
      source = agent;
      target = objectActor(c, t.last, source, true);
    } else {
      source = c.actors.find((a) => a.last === p - 1 && postnominal(c, p)) ?? subjectActor(c, p);
      const inner = t.objectEnd !== null;
      target = objectActor(c, t.last, source, inner, inner ? t.head : t.last, t.entry.type !== 'CONSULT');
      /* "X and Y met in Abu Dhabi": the place of the meeting is no party when the subject names two. */
      const placed = !!target && c.words[target.first - 1]?.lower === 'in';
      const weak = !target || (!target.country && target.kind !== 'igo') || placed;
      if (weak && source && SYMMETRIC.has(t.entry.type)) target = coordinatedActor(c, source) ?? target;
    }
    if (sameActor(source, target)) target = null;
    if (t.entry.type === 'MOBILIZE' && target && !PROPER_KINDS.has(target.kind))
      target = movedToward(c, target, source) ?? target;
    if (!source && !target) return null;
  }
  const nominal = carrier.kind === 'nominal';
  /* "would not rule out", "did not reject": no rejection took place. */
  if (t.entry.type === 'REJECT' && modality === 'negated') return null;
  /* "will not hesitate to use force" is a threat; hesitating is not an event. */
  if (t.entry.head === 'hesitate') {
    if (modality !== 'negated') return null;
    modality = 'asserted';
  }
  const refusal =
    modality === 'negated' &&
    carrier.kind !== 'nominal' &&
    (REFUSING.has(t.entry.type) || futureNegated(c, carrier.p));
  const background = isBackground(c, carrier.kind === 'nominal' ? t.head : carrier.p);
  const future = modality === 'planned' && !nominal ? FUTURE_AS[t.entry.type] : undefined;
  /* A refusal is an asserted REJECT of the act; a planned act PLOVER codes by its announcement. */
  const [type, mode, stated]: [EventType, string | null, Modality] = refusal
    ? ['REJECT', complementMode(t.entry.type), 'asserted']
    : future
      ? [future, null, 'asserted']
      : [t.entry.type, pairwise && t.entry.mode === 'multilateral' ? null : t.entry.mode, modality];
  return { t, type, mode, source, target, modality: stated, past, keep: true, nominal, background };
}

/**
 * "in Australia for the G20 summit", "at the ASEAN meeting": a meeting noun in a preposition
 * phrase, named by its organisation, places another clause; the organisation meets no one there.
 */
function namedGathering(c: RoleContext, t: TriggerMatch, source: ActorMention | null): boolean {
  if (t.entry.type !== 'CONSULT' || !source || !/^(igo|org)$/.test(source.kind)) return false;
  if (source.last >= t.head || source.last < t.head - 3) return false;
  for (let k = source.first - 1; k >= 0 && k >= source.first - 3; k--) {
    const w = c.words[k]!.lower;
    if (/^(for|at|during|before|after|of|to)$/.test(w)) return true;
    if (!/^(the|a|an|this|last|next|annual|upcoming)$/.test(w)) return false;
  }
  return false;
}

/** Agreeing, supporting or conceding negated is refusing: "did not accept the offer". */
const REFUSING = new Set<EventType>(['AGREE', 'SUPPORT', 'CONCEDE']);

/** "students protesting against ...": an -ing verb right after its (noun) subject, no comma or auxiliary. */
function postnominal(c: RoleContext, p: number): boolean {
  return /ing$/.test(c.words[p]!.lower) && isBackground(c, p) && c.words[p - 1]?.text !== ',';
}

/** Crowds that "storm" or "attack" riot; armed groups (militants, gunmen) assault. */
const CROWD =
  /protest|demonstrat|crowd|student|worker|mob|people|youth|farmer|teacher|miner|villager|resident|supporter/i;

/** "Tibetans", "Iraqis": a people in the plural is civilians, not their state. */
const statelike = (a: ActorMention): boolean =>
  STATE_KINDS.has(a.kind) && !(a.kind === 'nationality' && /^\p{Lu}\p{L}+[^s]s$/u.test(a.name));

/** Rules that need the actors: a state that "protests" accuses; civilians who "clash" riot. */
function adjustType(d: Draft): void {
  if (d.t.entry.head === 'protest' && d.source && statelike(d.source))
    [d.type, d.mode] = ['ACCUSE', 'disapprove'];
  /* A state that boycotts reduces relations; PLOVER's PROTEST/boycott is civilian dissent. */
  if (d.t.entry.head === 'boycott' && d.source && STATE_KINDS.has(d.source.kind) && d.source.kind !== 'state')
    [d.type, d.mode] = ['SANCTION', 'discontinue'];
  if (d.t.entry.head === 'protest' && d.t.entry.type === 'ACCUSE' && (!d.source || !statelike(d.source)))
    [d.type, d.mode] = ['PROTEST', 'demo'];
  if (d.t.entry.head === 'clash' && d.source?.kind === 'civilian') [d.type, d.mode] = ['PROTEST', 'riot'];
  if (/^expel|^expulsion/.test(d.t.entry.head) && d.target?.kind === 'civilian')
    [d.type, d.mode] = ['COERCE', 'deport'];
  if (d.t.entry.head === 'seize' && d.source?.kind === 'civilian' && d.target && d.target.kind !== 'country')
    [d.type, d.mode] = ['ASSAULT', 'abduct'];
  else if (d.type === 'COERCE' && d.source?.kind === 'civilian' && CROWD.test(d.source.name))
    [d.type, d.mode] = ['PROTEST', 'obstruct'];
  if (
    d.type === 'ASSAULT' &&
    d.source?.kind === 'civilian' &&
    CROWD.test(d.source.name) &&
    d.mode !== 'destroy'
  )
    [d.type, d.mode] = ['PROTEST', 'riot'];
  /* Crowds that burn or wreck vandalize; gunmen or rebels who burn a village assault it. */
  if (
    d.type === 'ASSAULT' &&
    d.mode === 'destroy' &&
    d.source?.kind === 'civilian' &&
    CROWD.test(d.source.name)
  )
    [d.type, d.mode] = ['PROTEST', 'vandalize'];
  if (/^(block|occupy|blockade)$/.test(d.t.entry.head) && d.source?.kind === 'civilian')
    [d.type, d.mode] = ['PROTEST', 'obstruct'];
  if (d.t.entry.head === 'fire' && d.type === 'ASSAULT' && !d.target)
    [d.type, d.mode] = ['MOBILIZE', 'weapons'];
  if (d.t.entry.head === 'launch' && d.target?.country && d.source?.country !== d.target.country)
    [d.type, d.mode] = ['ASSAULT', 'aerial'];
}

export function codeSentence(c: RoleContext): CodedEvent[] {
  const drafts = new Map<TriggerMatch, Draft>();
  for (const t of c.triggers) {
    const d = draftOf(c, t);
    if (d) {
      adjustType(d);
      drafts.set(t, d);
    }
  }
  for (const t of c.triggers) {
    const carrier = carrierOf(c, t);
    if (carrier.kind === 'light' && drafts.has(t))
      for (const d of drafts.values()) if (d.t.verbal && d.t.head === carrier.p) d.keep = false;
    const g = carrier.kind === 'topic' ? [...drafts.values()].find((d) => d.t.head === carrier.p) : undefined;
    if (g && (g.type === 'REQUEST' || g.type === 'REJECT') && !g.mode) g.mode = complementMode(t.entry.type);
    /* "may discuss a summit between X and Y": the meeting's parties are X and Y, not the discussers. */
    const pair = g && g.type === 'CONSULT' && t.entry.type === 'CONSULT' ? betweenActors(c, t.last) : null;
    if (g && pair?.[1]) [g.source, g.target, g.mode] = [pair[0], pair[1], null];
    if (g && PROMISES.has(g.t.entry.head) && MATERIAL_CONFLICT.has(t.entry.type))
      [g.type, g.mode] = ['THREATEN', null];
  }
  for (const d of drafts.values()) {
    const carrier = carrierOf(c, d.t);
    const p = carrier.kind === 'nominal' ? null : carrier.p;
    const gov = p === null ? null : governorOf(c, d.t, p);
    const g = gov ? drafts.get(gov) : undefined;
    if (!g) continue;
    const govLemma = g.t.entry.head;
    if (PROMISES.has(govLemma) && MATERIAL_CONFLICT.has(d.type)) [g.type, g.mode] = ['THREATEN', null];
    if ((g.type === 'REQUEST' || g.type === 'REJECT') && !g.mode) g.mode = complementMode(d.type);
    if (REFUSALS.has(govLemma)) {
      d.modality = 'negated';
      d.source ??= g.source;
    } else d.keep = false;
  }
  const demanded: Draft[] = [];
  for (const dm of findDemands(c)) {
    const content = [...drafts.values()].filter(
      (d) => d.keep && d.t.head > dm.trigger.head && d.t.head < dm.to,
    );
    for (const d of content) d.keep = false;
    const mode = content[0] ? complementMode(content[0].type) : 'change';
    const source = dm.speaker;
    const target = sameActor(dm.addressee, source) ? null : dm.addressee;
    const d: Draft = {
      t: dm.trigger,
      type: 'REQUEST',
      mode,
      source,
      target,
      modality: 'asserted',
      past: false,
      keep: true,
      nominal: false,
      background: false,
    };
    demanded.push(d);
  }
  for (const d of demanded) drafts.set(d.t, d);
  const out: CodedEvent[] = [];
  const verbal = [...drafts.values()].some((d) => d.keep && !d.nominal);
  const standing = [...drafts.values()].filter((d) => d.keep && !(d.nominal && verbal));
  const foreground = standing.some((d) => !d.background);
  const same = (a: ActorMention | null, b: ActorMention | null) =>
    (a === null && b === null) || sameActor(a, b);
  for (const d of standing) {
    if (d.background && foreground) continue;
    const dup = out.find((e) => e.type === d.type && (same(e.source, d.source) || !d.source));
    if (dup) continue;
    const p = carrierOf(c, d.t);
    const at = p.kind === 'nominal' ? d.t.head : p.p;
    const clause = { first: boundaryBefore(c.words, at).at + 1, last: clauseEnd(c.words, d.t.last) - 1 };
    out.push({
      type: d.type,
      mode: d.mode,
      source: d.source,
      target: d.target,
      modality: d.modality,
      past: d.past,
      trigger: d.t,
      clause,
    });
  }
  return out;
}
