/**
 * "The trip by Choe ..." after "Kim dispatched a confidant to Beijing yesterday": a definite or
 * possessive visit noun with no destination of its own names the traveller of a visit the
 * document already reported, so it takes that visit's destination and date. Without this the
 * named traveller never meets the place, which the earlier sentence gave to an unnamed envoy.
 */
import type { Event } from '../doc/index.js';
import type { ActorMention } from './actors.js';
import type { CodedEvent } from './code-sentence.js';
import type { Word } from './words.js';

const VISIT_NOUNS = new Set(['trip', 'visit', 'journey', 'tour', 'mission']);
const DEFINITE = /^(the|this|that|his|her|its|their)$|['’]s$/;
const MODIFIERS = /^(planned|surprise|latest|current|first|recent|official|state|rare|high-level)$/;
/** Apposition kinds that describe the traveller ("Choe, a North Korean party secretary"). */
const DESCRIPTIONS = new Set(['title', 'nationality', 'state']);

/** Is the trigger a visit noun read as "the/his/X's trip", pointing back to a known visit? */
function isAnaphoricVisit(words: readonly Word[], head: number): boolean {
  if (!VISIT_NOUNS.has(words[head]?.lower ?? '')) return false;
  for (let i = head - 1; i >= Math.max(0, head - 3); i--) {
    const w = words[i]!.lower;
    if (DEFINITE.test(w)) return true;
    if (!MODIFIERS.test(w)) return false;
  }
  return false;
}

/**
 * The coded event re-aimed at the earlier visit's destination, with that visit's date, when it
 * is an anaphoric visit whose own target is not a place; null when the rule does not apply.
 */
export function anaphoricVisit(
  e: CodedEvent,
  words: readonly Word[],
  earlier: Event | null,
): { event: CodedEvent; date: string | null } | null {
  const destination = earlier?.target;
  if (e.type !== 'CONSULT' || e.mode !== 'visit' || !destination?.country || !destination.span) return null;
  if (e.target?.kind === 'country' || !isAnaphoricVisit(words, e.trigger.head)) return null;
  const described = e.target && DESCRIPTIONS.has(e.target.kind) ? e.target.country : null;
  const source = e.source && !e.source.country && described ? { ...e.source, country: described } : e.source;
  if (source?.country === destination.country) return null;
  const target: ActorMention = {
    first: -1,
    last: -1,
    name: destination.name,
    country: destination.country,
    kind: 'country',
    span: destination.span,
  };
  return { event: { ...e, source, target }, date: earlier?.date ?? null };
}
