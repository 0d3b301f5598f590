/**
 * The code an event scorer or table shows for an actor: its ISO alpha-3 country, or "IGO" for an
 * international organisation (the gazetteer's, governmental or not) or a person who speaks for
 * one ("Kofi Annan"), else null. Event data sets (PLOVER, CAMEO) code actors this way; our
 * `Actor` keeps the name and a null country.
 */
import type { Actor } from '../doc/index.js';
import { lookupOrganization } from '../geo/index.js';
import { isMission } from './fallback-actors.js';
import { loadTriggerLexicon, type TriggerLexicon } from './lexicon.js';

export function actorCode(
  actor: Actor | null,
  lexicon: TriggerLexicon = loadTriggerLexicon(),
): string | null {
  if (!actor) return null;
  if (actor.country) return actor.country;
  if (lookupOrganization(actor.name)) return 'IGO';
  if (isMission(actor.name)) return 'IGO';
  const leader = lexicon.leaders.get(actor.name.toLowerCase());
  if (leader?.organization) return 'IGO';
  /* "Secretary-General Annan": the last name word, as in the stage; a first name proves nothing. */
  const last = actor.name.toLowerCase().split(/\s+/).pop() ?? '';
  return lexicon.leaders.get(last)?.organization ? 'IGO' : null;
}
