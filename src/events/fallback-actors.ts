/**
 * Last-resort countries for an event's parties. When the clause rules leave a source or target
 * unnamed, or name someone whose country nothing states ("a senior official", a person outside
 * our dictionary), the event still happened somewhere: news codes such an actor with the country
 * the sentence is about ("Riots broke out in several cities in Iran" -> IRN protests against
 * IRN). A person we cannot place, facing that country, is most likely its own (a visitor is not:
 * CONSULT keeps its source unplaced). A target with no other country in sight is, for domestic
 * acts, the source's own country ("Authorities in Minsk banned gatherings" -> BLR against BLR).
 * A guess is only made where we would otherwise give no country at all.
 */
import type { EventType } from '../doc/index.js';
import type { ActorMention } from './actors.js';

/** Acts a state or its people mostly direct at home: protests, repression, violence. */
const DOMESTIC = new Set<EventType>(['PROTEST', 'COERCE', 'ASSAULT']);

export interface FallbackScene {
  readonly type: EventType;
  readonly mode?: string | null;
  /** The sentence's actors, in order. */
  readonly actors: readonly ActorMention[];
  /** The country the document mentions most, when it has one. */
  readonly docCountry: string | null;
}

/** Peacekeepers no country sends by name serve a UN, AU or regional mission: an IGO. */
export const isMission = (name: string): boolean => /\bpeacekeep/i.test(name);

/** A named person or group we cannot place, facing one country: most likely its own (not a visitor). */
const unplacedName = (a: ActorMention | null, type: EventType): boolean =>
  !!a && NAMED.has(a.kind) && type !== 'CONSULT';
const NAMED = new Set(['person', 'name', 'org']);

/** An actor whose code is settled: a country, or an international organisation. */
const settled = (a: ActorMention | null): boolean =>
  !!a && (!!a.country || a.kind === 'igo' || isMission(a.name));

/** The sentence's country mentions other than `not` (an international organisation names no country). */
function placesIn(scene: FallbackScene, not: ActorMention | null): ActorMention[] {
  return scene.actors.filter((x) => x.country && x.kind !== 'igo' && x !== not);
}

/**
 * The source and target with fallback countries: a source takes the sentence's first country
 * other than the target's (else the document's, else, for a domestic act or an unplaced person,
 * the target's); a target takes the sentence's first country other than the source's, else, for
 * a domestic act, the source's own.
 */
export function withFallbackActors(
  source: ActorMention | null,
  target: ActorMention | null,
  scene: FallbackScene,
): { source: ActorMention | null; target: ActorMention | null } {
  let src = source;
  /* A visitor is foreign to the places around the visit, so only the document's own country, when
     the visit is to somewhere else, may stand for a visitor's ("the leader's envoy" to Beijing). */
  const visitor = scene.type === 'CONSULT' && scene.mode === 'visit' && !!src;
  if (!settled(src)) {
    const other = target?.country ?? null;
    const place = visitor
      ? undefined
      : placesIn(scene, target).find((x) => x.country !== other && x !== target);
    const doc = scene.docCountry !== other && (!visitor || other) ? scene.docCountry : null;
    const home = DOMESTIC.has(scene.type) || unplacedName(src, scene.type);
    const country = place?.country ?? doc ?? (home ? other : null);
    if (src && country) src = { ...src, country };
    else if (!src && place) src = place;
    else if (!src && target && country) src = target;
  }
  let tgt = target;
  if (!settled(tgt)) {
    const own = src?.country ?? null;
    const place = placesIn(scene, src).find((x) => x.country !== own && x !== src);
    const domestic = DOMESTIC.has(scene.type) || unplacedName(tgt, scene.type) ? own : null;
    const country = place?.country ?? domestic;
    if (tgt && country) tgt = { ...tgt, country };
    else if (!tgt && place) tgt = place;
    else if (!tgt && src && domestic) tgt = src;
  }
  return { source: src, target: tgt };
}

/**
 * An event whose source and target are one mention or one name ("the court asked the court"): a
 * misreading, except for a domestic act aimed at the source's own country, which the fallback
 * above makes on purpose.
 */
export function isSelfDirected(
  source: ActorMention | null,
  target: ActorMention | null,
  type: EventType,
): boolean {
  if (!source || !target || DOMESTIC.has(type)) return false;
  const sameWords = source.first >= 0 && source.first === target.first && source.last === target.last;
  const sameSpan = !!source.span && source.span.start === target.span?.start;
  return sameWords || sameSpan || source.name.toLowerCase() === target.name.toLowerCase();
}
