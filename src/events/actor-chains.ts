/**
 * Joins the pieces news writes as one actor: nationality or country + title + name ("Russian
 * President Vladimir Putin" -> Vladimir Putin, RUS), possessives ("North Korea's Foreign Trade
 * Bank"), "<title|organ> of/from/in <place>" ("police in Lagos" -> NGA), and a people's adjective
 * before an actor word ("Kurdish guerrillas").
 */
import type { ActorKind, ActorMention } from './actors.js';
import type { Word } from './words.js';

const MODIFIERS = new Set(
  'top senior former new ruling chief deputy acting then visiting trade finance interior defence defense economy health education justice energy oil vice prime'.split(
    ' ',
  ),
);
const NAMED: ReadonlySet<ActorKind> = new Set(['person', 'org', 'name']);
const GENERIC_KINDS: ReadonlySet<ActorKind> = new Set(['state', 'civilian']);

/** Joins nationality/country + title/state word + name chains into one actor each. */
export function joinChains(words: readonly Word[], raw: readonly ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    let cur = raw[i]!;
    for (;;) {
      const next = raw[i + 1];
      if (!next) break;
      let gap = cur.last + 1;
      const possessive = words[gap]?.pos === 'POS';
      if (possessive) gap++;
      while (gap < next.first && MODIFIERS.has(words[gap]!.lower)) gap++;
      const adjectiveName = cur.kind === 'name' && cur.first === cur.last && GENERIC_KINDS.has(next.kind);
      const joinable =
        gap === next.first &&
        (adjectiveName ||
          ((cur.kind === 'country' || cur.kind === 'nationality' || cur.kind === 'title' || possessive) &&
            next.kind !== 'country' &&
            next.kind !== 'igo' &&
            (next.kind !== 'nationality' || cur.kind === 'title')));
      const prep = words[cur.last + 1]!.lower;
      const owned = /^(its|his|her|their|our)$/.test(words[cur.first - 1]?.lower ?? '');
      const viaPlace =
        (cur.kind === 'title' || cur.kind === 'state' || cur.kind === 'civilian') &&
        !owned &&
        (next.first === cur.last + 2 ||
          (next.first === cur.last + 3 && words[cur.last + 2]!.lower === 'the')) &&
        (prep === 'of' ||
          prep === 'from' ||
          (prep === 'for' && cur.kind === 'title') ||
          (prep === 'in' && cur.kind !== 'title')) &&
        ((next.country !== null && (next.kind === 'country' || (prep !== 'in' && next.kind === 'state'))) ||
          (prep === 'of' && NAMED.has(next.kind)));
      if (!joinable && !viaPlace) break;
      cur = {
        first: cur.first,
        last: next.last,
        name: joinedActorName(words, cur, next, possessive, adjectiveName),
        country: cur.country ?? next.country,
        kind: joinedKind(cur, next, viaPlace, adjectiveName),
      };
      i++;
    }
    out.push(cur);
  }
  return out;
}

function joinedActorName(
  words: readonly Word[],
  cur: ActorMention,
  next: ActorMention,
  possessive: boolean,
  adjectiveName: boolean,
): string {
  if (NAMED.has(next.kind)) return next.name;
  if (NAMED.has(cur.kind) && !possessive && !adjectiveName) return cur.name;
  return joinedName(words, cur.first, next.last);
}

function joinedKind(
  cur: ActorMention,
  next: ActorMention,
  viaPlace: boolean,
  adjectiveName: boolean,
): ActorKind {
  if (viaPlace) return NAMED.has(next.kind) ? next.kind : cur.kind;
  if (NAMED.has(next.kind) || adjectiveName) return next.kind;
  return NAMED.has(cur.kind) ? 'person' : next.kind;
}

function joinedName(words: readonly Word[], first: number, last: number): string {
  let s = '';
  for (let k = first; k <= last; k++) s += (k > first && words[k]!.pos !== 'POS' ? ' ' : '') + words[k]!.text;
  return s;
}
