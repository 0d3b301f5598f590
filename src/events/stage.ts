/**
 * The event stage: PLOVER events from each sentence, with actors named and given a country,
 * modality, date and the sentence as evidence.
 *
 * Why our own coder: dictionary coders (TABARI, PETRARCH) need a Java constituency parser and
 * pass about 68% of their own unit tests; NGEC needs an LLM at run time. Neither fits a small,
 * offline, deterministic engine. This one reads the clause shallowly (trigger lexicon in
 * `lexicons/events/`, a few clause rules) and leans on the geo gazetteer and, when present, the
 * entities and timexes layers.
 */
import type { Actor, Doc, Entity, Event, Span } from '../doc/index.js';
import type { Stage } from '../pipeline/stage.js';
import { countryName, lookupDemonym, lookupOrganization, lookupPlace } from '../geo/index.js';
import { clauseDate } from '../time/index.js';
import { findActors, type ActorGazetteer, type ActorMention, type SentenceContext } from './actors.js';
import { codeSentence, type CodedEvent } from './code-sentence.js';
import { anaphoricVisit } from './anaphoric-visit.js';
import { isMission, isSelfDirected, withFallbackActors } from './fallback-actors.js';
import { loadTriggerLexicon, nameWords, type Leader, type TriggerLexicon } from './lexicon.js';
import { pairOf, withPairedParties } from './paired-parties.js';
import { findTriggers } from './triggers.js';
import { docSentences, sentenceWords, type Word } from './words.js';

export const geoGazetteer: ActorGazetteer = {
  place: lookupPlace,
  demonym: lookupDemonym,
  organization: lookupOrganization,
  countryName,
};

export interface EventStageOptions {
  readonly lexicon?: TriggerLexicon;
  readonly gazetteer?: ActorGazetteer;
  /** The date a sentence states; defaults to `clauseDate` from src/time. */
  readonly dateOf?: (doc: Doc, span: Span) => string | null;
  /** Fill parties the clause leaves without a country from the sentence (default true; see fallback-actors.ts). */
  readonly guessCountries?: boolean;
}

interface SentenceParse {
  readonly span: Span;
  readonly words: readonly Word[];
  readonly actors: ActorMention[];
}

const NAMED = new Set(['person', 'name', 'org']);

/**
 * Gives a name its country from another mention in the document ("Choe" after "North Korea's
 * Choe Ryong-hae"), else from the leaders list ("Putin" -> RUS, "Kofi Annan" -> United Nations).
 */
function fillCountries(parses: readonly SentenceParse[], leaders: TriggerLexicon['leaders']): void {
  const byWord = new Map<string, string>();
  for (const s of parses)
    for (const a of s.actors)
      if (NAMED.has(a.kind) && a.country)
        for (const part of a.name.split(/[\s]+/))
          if (part.length > 2 && /^\p{Lu}/u.test(part))
            byWord.set(
              part,
              byWord.get(part) === undefined || byWord.get(part) === a.country ? a.country : '',
            );
  for (const s of parses)
    s.actors.forEach((a, i) => {
      if (a.country || a.kind === 'igo' || a.kind === 'country') return;
      if (!NAMED.has(a.kind)) {
        /* "Tamil rebels", "Taliban fighters": a group word the actor dictionary knows. */
        const group = knownLeader(a.name.split(/\s+/)[0] ?? '', leaders);
        if (group?.country && a.name.includes(' ')) s.actors[i] = { ...a, country: group.country };
        return;
      }
      const found = new Set(
        a.name
          .split(/\s+/)
          .map((p) => byWord.get(p))
          .filter((x): x is string => !!x),
      );
      if (found.size === 1) {
        s.actors[i] = { ...a, country: [...found][0]! };
        return;
      }
      const leader = knownLeader(a.name, leaders);
      if (leader?.country) s.actors[i] = { ...a, country: leader.country };
      else if (leader?.organization) s.actors[i] = { ...a, kind: 'igo' };
    });
}

/** Actors named by a common noun or a people ("Kurdish"), whose country the context gives. */
const GENERIC = new Set(['state', 'title', 'civilian', 'nationality']);
/** Actor kinds that are proper names: their words trigger nothing. */
const PROPER = new Set(['igo', 'person', 'org', 'country']);

/**
 * "The government", "police", "protesters" with no nationality written next to them belong to
 * the country the sentence is about (its first country other than the other party's), else the
 * country the document mentions most (news about a place is mostly domestic).
 */
function withDefaultCountry(
  a: ActorMention | null,
  other: ActorMention | null,
  s: SentenceParse,
  docCountry: string | null,
): ActorMention | null {
  if (!a || a.country || !GENERIC.has(a.kind) || isMission(a.name)) return a;
  const here = s.actors.find(
    (x) =>
      x.country &&
      x.kind !== 'igo' &&
      x.country !== other?.country &&
      x !== other &&
      !/^(border|frontier)s?$/.test(s.words[x.last + 1]?.lower ?? ''),
  );
  const domestic =
    a.kind === 'title' && !(other?.kind === 'state' || other?.kind === 'civilian')
      ? null
      : (other?.country ?? null);
  const country = here?.country ?? (docCountry !== other?.country ? docCountry : domestic) ?? domestic;
  return country ? { ...a, country } : a;
}

function mostMentioned(parses: readonly SentenceParse[]): string | null {
  const counts = new Map<string, number>();
  for (const s of parses)
    for (const a of s.actors) if (a.country) counts.set(a.country, (counts.get(a.country) ?? 0) + 1);
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)!) best = c;
  return best;
}

function knownLeader(name: string, leaders: TriggerLexicon['leaders']): Leader | null {
  const lower = name.toLowerCase();
  const full = leaders.get(lower);
  if (full !== undefined) return full;
  /* One name word stands for a listed person ("Putin", "Mahathir"); in a longer name only its last
     word does, so "Jonas Okello" does not borrow Jonas Savimbi's country. */
  const last = nameWords(name).pop();
  return last && last.length >= 3 ? (leaders.get(last) ?? null) : null;
}

function toActor(words: readonly Word[], a: ActorMention | null): Actor | null {
  if (!a) return null;
  const span = a.span ?? { start: words[a.first]!.start, end: words[a.last]!.end };
  return { name: a.name, country: a.country, span };
}

const PERSONS = new Set(['person', 'name']);
const THINGS = new Set(['country', 'igo', 'org']);

/** The antecedents an earlier sentence leaves: its last person, the state or organisation it opens with. */
function antecedentsAfter(s: SentenceParse, prior: Antecedents): Antecedents {
  const anchor = (a: ActorMention): ActorMention => ({
    ...a,
    first: -1,
    last: -1,
    span: a.span ?? { start: s.words[a.first]!.start, end: s.words[a.last]!.end },
  });
  const isPerson = (a: ActorMention) => a.kind === 'person' || (PERSONS.has(a.kind) && a.country);
  /* "Last month, Choe visited Seoul with Hwang. He also went ...": the subject is the likelier antecedent. */
  const reach = subjectReach(s.words);
  const subject = s.actors.find((a) => PERSONS.has(a.kind) && a.first <= reach);
  const person = subject ?? [...s.actors].reverse().find(isPerson);
  const first = s.actors[0];
  const thing = first && first.first <= 1 && THINGS.has(first.kind) ? first : undefined;
  return { person: person ? anchor(person) : prior.person, thing: thing ? anchor(thing) : prior.thing };
}

/** The last word a sentence's subject can start at: after an opening adjunct ("Last month, ..."), if any. */
function subjectReach(words: readonly Word[]): number {
  const comma = words.slice(0, 6).findIndex((w) => w.text === ',');
  return comma >= 0 ? comma + 1 : 0;
}

interface Antecedents {
  readonly person: ActorMention | null;
  readonly thing: ActorMention | null;
}

function toEvent(
  doc: Doc,
  s: SentenceParse,
  e: CodedEvent,
  dateOf: EventStageOptions['dateOf'],
  knownDate?: string | null,
): Event {
  const first = s.words[e.clause.first];
  const last = s.words[e.clause.last];
  const clause = first && last && last.end > first.start ? { start: first.start, end: last.end } : s.span;
  const value = dateOf?.(doc, clause) ?? null;
  const stated = value && /^\d/.test(value) ? value : null;
  const published = doc.meta.published?.slice(0, 10) ?? null;
  const date = knownDate ?? stated ?? (e.modality === 'asserted' && e.past ? published : null);
  const trigger = { start: s.words[e.trigger.head]!.start, end: s.words[e.trigger.last]!.end };
  return {
    type: e.type,
    ...(e.mode ? { mode: e.mode } : {}),
    source: toActor(s.words, e.source),
    target: toActor(s.words, e.target),
    modality: e.modality,
    date,
    evidence: s.span,
    trigger,
  };
}

/** The entities layer, unless it is empty because the tagger's model is missing (then names come from heuristics). */
function usableEntities(doc: Doc): readonly Entity[] | null {
  const layer = doc.layers.entities;
  if (!layer || (layer.length === 0 && doc.issues.some((i) => i.code === 'E_MODEL_MISSING'))) return null;
  return layer;
}

/** Codes a whole doc; the layers it reads (sentences, tokens, entities, timexes) are optional. */
export function codeEvents(doc: Doc, opts: EventStageOptions = {}): Event[] {
  const lexicon = opts.lexicon ?? loadTriggerLexicon();
  const gaz = opts.gazetteer ?? geoGazetteer;
  const dateOf = opts.dateOf ?? clauseDate;
  const korea = /Korea|Pyongyang|Seoul/.test(doc.text);
  const entities = usableEntities(doc);
  const parses: SentenceParse[] = docSentences(doc).map((span) => {
    const words = sentenceWords(doc, span, doc.layers.tokens);
    const ctx: SentenceContext = {
      text: doc.text.slice(span.start, span.end),
      words,
      entities: entities ? entities.filter((e) => e.start >= span.start && e.end <= span.end) : null,
      korea,
    };
    return { span, words, actors: findActors(ctx, span.start, gaz, lexicon) };
  });
  fillCountries(parses, lexicon.leaders);
  const docCountry = mostMentioned(parses);
  const events: Event[] = [];
  let antecedents: Antecedents = { person: null, thing: null };
  let lastVisit: Event | null = null;
  let lastPair: ReturnType<typeof pairOf> = null;
  for (const s of parses) {
    const before = antecedents;
    antecedents = antecedentsAfter(s, antecedents);
    const ends = new Set(s.actors.filter((a) => a.kind !== 'nationality').map((a) => a.last));
    const named = s.actors.filter((a) => PROPER.has(a.kind));
    const triggers = findTriggers(
      s.words,
      lexicon,
      (k) => ends.has(k),
      (k) => named.some((a) => a.first <= k && a.last >= k),
    );
    if (!triggers.length && !s.words.some((w) => /^(must|should|ought)$/.test(w.lower))) continue;
    for (const coded of codeSentence({ words: s.words, actors: s.actors, triggers, antecedents: before })) {
      const visit = anaphoricVisit(coded, s.words, lastVisit);
      const e = withPairedParties(visit?.event ?? coded, s.words, lastPair);
      const source = withDefaultCountry(e.source, e.target, s, docCountry);
      const target = withDefaultCountry(e.target, source, s, docCountry);
      const filled =
        opts.guessCountries === false
          ? { source, target }
          : withFallbackActors(source, target, { type: e.type, mode: e.mode, actors: s.actors, docCountry });
      if (isSelfDirected(filled.source, filled.target, e.type)) continue;
      const event = toEvent(doc, s, { ...e, ...filled }, dateOf, visit?.date);
      lastPair = pairOf(event.source, event.target) ?? lastPair;
      if (event.type === 'CONSULT' && event.mode === 'visit' && event.target?.country) lastVisit = event;
      events.push(event);
    }
  }
  return events.sort(
    (a, b) => a.evidence.start - b.evidence.start || (a.trigger?.start ?? 0) - (b.trigger?.start ?? 0),
  );
}

/** The `events` stage. Lexicon and gazetteer are loaded once, when the stage is built. */
export function eventStage(opts: EventStageOptions = {}): Stage<'events'> {
  const built: EventStageOptions = { ...opts, lexicon: opts.lexicon ?? loadTriggerLexicon() };
  return {
    name: 'events',
    provides: 'events',
    requires: ['sentences', 'tokens'],
    run: (doc) => codeEvents(doc, built),
  };
}
