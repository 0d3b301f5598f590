/**
 * "The two countries launched a joint venture": a plural that stands for a pair ("the two
 * countries", "both sides", "the sides") names the two parties the document paired last (an
 * event between two countries), so the event is theirs, not a party called "countries". When the
 * document has paired no one yet, the event is left as the clause gives it.
 */
import type { Actor } from '../doc/index.js';
import type { ActorMention } from './actors.js';
import type { CodedEvent } from './code-sentence.js';
import type { Word } from './words.js';

const PAIR_NOUNS = /^(countries|sides|nations|governments|neighbou?rs|parties|states)$/i;

/** Is the mention "the two countries", "both sides" or "the sides"? */
export function isPairReference(words: readonly Word[], a: ActorMention | null): boolean {
  if (!a || a.first < 0 || !PAIR_NOUNS.test(a.name)) return false;
  const before = words[a.first - 1]?.lower ?? '';
  return before === 'two' || before === 'both' || (before === 'the' && /^sides$/i.test(a.name));
}

/** The event's two parties when its source is a pair reference; the event itself otherwise. */
export function withPairedParties(
  e: CodedEvent,
  words: readonly Word[],
  pair: readonly [Actor, Actor] | null,
): CodedEvent {
  if (!pair || !isPairReference(words, e.source)) return e;
  const [a, b] = pair.map((x): ActorMention => ({
    first: -1,
    last: -1,
    name: x.name,
    country: x.country,
    kind: 'name',
    span: x.span,
  })) as [ActorMention, ActorMention];
  const ownTarget =
    e.target?.country &&
    e.target.country !== a.country &&
    e.target.country !== b.country &&
    !isPairReference(words, e.target);
  return { ...e, source: a, target: ownTarget ? e.target : b };
}

/** The parties an event pairs, when they are of two different countries. */
export function pairOf(source: Actor | null, target: Actor | null): [Actor, Actor] | null {
  return source?.country && target?.country && source.country !== target.country && source.span && target.span
    ? [source, target]
    : null;
}
