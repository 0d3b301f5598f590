/**
 * Actor mentions in one sentence: who can be a source or target. Reads the `entities` layer when
 * the pipeline has one and otherwise falls back on the geo gazetteer (countries, capitals and
 * seats of power, demonyms, organisations) plus capitalised-phrase and actor-word heuristics, then
 * joins the pieces news writes as one actor: "Russian President Vladimir Putin" -> Vladimir Putin
 * (RUS), "North Korea's Foreign Trade Bank" -> (PRK), "police in Lagos" -> (NGA).
 */
import type { Entity, Span } from '../doc/index.js';
import type { ActorWordKind, TriggerLexicon } from './lexicon.js';
import type { Word } from './words.js';
import { joinChains } from './actor-chains.js';

export type ActorKind = 'country' | 'nationality' | 'igo' | 'person' | 'org' | 'name' | ActorWordKind;

export interface ActorMention {
  /** First and last word index, inclusive. */
  readonly first: number;
  readonly last: number;
  readonly name: string;
  readonly country: string | null;
  readonly kind: ActorKind;
  /** Set when the mention is in another sentence (a pronoun's antecedent): its offsets in the doc. */
  readonly span?: { readonly start: number; readonly end: number };
}

/** What the coder needs from geography; `src/geo` provides it (see `geoGazetteer`). */
export interface ActorGazetteer {
  place(name: string): { country: string; kind: string } | null;
  demonym(word: string): string | null;
  organization(name: string): { name: string } | null;
  countryName(iso3: string): string | null;
}

export interface SentenceContext {
  readonly text: string;
  readonly words: readonly Word[];
  /** Entities inside the sentence, when the pipeline tagged them. */
  readonly entities: readonly Entity[] | null;
  /** "Korea" is in the document, so "the North" / "the South" are the two Koreas. */
  readonly korea: boolean;
}

const MAX_PHRASE = 6;
const INNER_LOWER = new Set(['of', 'the', 'and', 'for', 'de', "'s", '’s']);
const NOT_NAMES = new Set(
  (
    'The A An In On At For But And Or If As After Before While When Since Though Although This That These ' +
    'Those It Its He She They We I His Her Their Our Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October ' +
    'November December Last Next Earlier Later Meanwhile However Also Some Many Most Both'
  ).split(' '),
);

function phraseText(ctx: SentenceContext, a: number, b: number, base: number): string {
  return ctx.text.slice(ctx.words[a]!.start - base, ctx.words[b]!.end - base);
}

function fromEntity(e: Entity, first: number, last: number, gaz: ActorGazetteer): ActorMention {
  const place = gaz.place(e.canonical);
  if (place && e.type !== 'NORP' && ['country', 'capital', 'seat'].includes(place.kind)) {
    const name = gaz.countryName(place.country) ?? e.canonical;
    return { first, last, name, country: place.country, kind: 'country' };
  }
  if (e.type === 'NORP') {
    const country = e.country ?? gaz.demonym(e.canonical);
    return { first, last, name: e.canonical, country, kind: 'nationality' };
  }
  if (e.type === 'GPE' || e.type === 'LOC') {
    const country = e.country ?? place?.country ?? null;
    const name = country ? (gaz.countryName(country) ?? e.canonical) : e.canonical;
    return { first, last, name, country, kind: country ? 'country' : 'name' };
  }
  if (e.type === 'ORG') {
    const igo = gaz.organization(e.canonical);
    if (igo) return { first, last, name: igo.name, country: null, kind: 'igo' };
    /* "Department of Foreign Affairs", "Interior Ministry": an organ of a state, country from context. */
    const organ =
      /\b(Ministry|Department|Government|Parliament|Embassy|Army|Navy|Police|Cabinet|Senate|Court)\b/;
    const country = e.country ?? countryInside(e.canonical, gaz);
    return {
      first,
      last,
      name: e.canonical,
      country,
      kind: !country && organ.test(e.canonical) ? 'state' : 'org',
    };
  }
  return {
    first,
    last,
    name: e.canonical,
    country: e.country,
    kind: e.type === 'PERSON' ? 'person' : 'name',
  };
}

/**
 * "Iraqi National Congress", "Bank of Japan": an organisation named after its country, which
 * opens the name or ends it after "of" (not "Organization of American States").
 */
function countryInside(name: string, gaz: ActorGazetteer): string | null {
  const parts = name.split(/\s+/);
  const lookup = (phrase: string) => gaz.demonym(phrase) ?? gaz.place(phrase)?.country ?? null;
  for (let n = Math.min(3, parts.length - 1); n >= 1; n--) {
    const head = lookup(parts.slice(0, n).join(' '));
    if (head) return head;
    const of = parts.length - n - 1;
    if (of > 0 && parts[of] === 'of') {
      const tail = lookup(parts.slice(of + 1).join(' '));
      if (tail) return tail;
    }
  }
  return null;
}

/** Gazetteer match starting at word i: longest phrase first. */
function matchGazetteer(
  ctx: SentenceContext,
  i: number,
  base: number,
  gaz: ActorGazetteer,
): ActorMention | null {
  const words = ctx.words;
  for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
    const last = i + n - 1;
    if (!words[last]!.cap) continue;
    let inner = true;
    for (let k = i + 1; k < last; k++) if (!words[k]!.cap && !INNER_LOWER.has(words[k]!.lower)) inner = false;
    if (!inner) continue;
    const phrase = phraseText(ctx, i, last, base);
    const org = gaz.organization(phrase);
    if (org) return { first: i, last, name: org.name, country: null, kind: 'igo' };
    const place = gaz.place(phrase);
    if (place) {
      const name = gaz.countryName(place.country) ?? phrase;
      return { first: i, last, name, country: place.country, kind: 'country' };
    }
    const demonym = gaz.demonym(phrase);
    if (demonym) return { first: i, last, name: phrase, country: demonym, kind: 'nationality' };
  }
  return null;
}

const COMPOUND_HEADS = new Set(
  'station stations headquarters base bases post posts car cars vehicle vehicles academy barracks building buildings camp compound office offices'.split(
    ' ',
  ),
);

/** The actor word or phrase starting at word i; none when i is past the sentence's end. */
function matchActorWord(words: readonly Word[], i: number, lex: TriggerLexicon): ActorMention | null {
  const head = words[i];
  if (!head) return null;
  for (const entry of lex.actorWords.get(head.lower) ?? []) {
    const n = entry.words.length;
    if (entry.words.every((w, k) => words[i + k]?.lower === w)) {
      const next = words[i + n];
      /* "police station", "army base": the word modifies a noun and names no actor. */
      if (
        entry.kind !== 'title' &&
        next &&
        !next.cap &&
        (next.pos?.startsWith('NN') || COMPOUND_HEADS.has(next.lower)) &&
        !lex.actorWords.has(next.lower)
      )
        return null;
      const text = words
        .slice(i, i + n)
        .map((w) => w.text)
        .join(' ');
      return { first: i, last: i + n - 1, name: text, country: null, kind: entry.kind };
    }
  }
  return null;
}

/** "Saudi-led", "Iranian-backed", "Moscow-based": the country before the hyphen. */
function compoundCountry(word: string, gaz: ActorGazetteer): string | null {
  const m =
    /^(.+)-(led|backed|brokered|sponsored|funded|based|allied|controlled|supported|armed|trained)$/.exec(
      word,
    );
  if (!m?.[1]) return null;
  return gaz.demonym(m[1]) ?? gaz.place(m[1])?.country ?? null;
}

/** First and last index of the words overlapping `span`; words are sorted and disjoint, so a binary search. */
function wordsOverlapping(words: readonly Word[], span: Span): { first: number; last: number } | null {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  while (last + 1 < words.length && words[last + 1]!.start < span.end) last++;
  return last >= lo ? { first: lo, last } : null;
}

/** Raw mentions, before joining: entities or gazetteer, "the North/South", names, actor words. */
function rawMentions(
  ctx: SentenceContext,
  base: number,
  gaz: ActorGazetteer,
  lex: TriggerLexicon,
): ActorMention[] {
  const { words } = ctx;
  const out: ActorMention[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  const take = (m: ActorMention) => {
    for (let k = m.first; k <= m.last; k++) taken[k] = true;
    out.push(m);
  };
  for (const e of ctx.entities ?? []) {
    const span = wordsOverlapping(words, e);
    if (!span) continue;
    const { first, last } = span;
    /* MISC counts only as the adjective of an actor word: "Tamil rebels", "Shiite militias". */
    if (e.type !== 'MISC') take(fromEntity(e, first, last, gaz));
    else if (matchActorWord(words, last + 1, lex))
      take({ first, last, name: e.canonical, country: gaz.demonym(e.canonical), kind: 'name' });
  }
  for (let i = 0; i < words.length; i++) {
    if (taken[i]) continue;
    const w = words[i]!;
    if (ctx.korea && (w.text === 'North' || w.text === 'South') && words[i - 1]?.lower === 'the') {
      const next = words[i + 1];
      if (!next?.cap || next.text === 'Korean') {
        const country = w.text === 'North' ? 'PRK' : 'KOR';
        take({ first: i, last: i, name: gaz.countryName(country) ?? w.text, country, kind: 'country' });
        continue;
      }
    }
    /* "the two Koreas" act together, but an actor has one code: the South's stands for the pair. */
    if (w.text === 'Koreas' && words[i - 1]?.lower === 'two') {
      take({ first: i - 1, last: i, name: 'the two Koreas', country: 'KOR', kind: 'country' });
      continue;
    }
    const led = w.cap ? compoundCountry(w.text, gaz) : null;
    if (led) {
      take({ first: i, last: i, name: w.text, country: led, kind: 'nationality' });
      continue;
    }
    const m = (w.cap ? matchGazetteer(ctx, i, base, gaz) : null) ?? matchActorWord(words, i, lex);
    if (m && !words.slice(m.first, m.last + 1).some((_, k) => taken[m.first + k])) {
      take(m);
      i = m.last;
    }
  }
  if (!ctx.entities) {
    for (let i = 0; i < words.length; i++) {
      if (taken[i] || !words[i]!.cap || NOT_NAMES.has(words[i]!.text) || !/\p{L}/u.test(words[i]!.text))
        continue;
      let j = i;
      while (j + 1 < words.length && !taken[j + 1] && words[j + 1]!.cap && !NOT_NAMES.has(words[j + 1]!.text))
        j++;
      if (i === 0 && j === 0) continue;
      take({ first: i, last: j, name: phraseText(ctx, i, j, base), country: null, kind: 'name' });
      i = j;
    }
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * world-countries codes Kosovo UNK; news data and our gold use the user-assigned XKX. "Eastern
 * Congo", the war-torn Kivus and Ituri, is the Democratic Republic's (COD), not Brazzaville's.
 */
function normalizeCountry(words: readonly Word[], m: ActorMention): ActorMention {
  if (m.country === 'UNK') return { ...m, country: 'XKX' };
  const before = words[m.first - 1]?.lower ?? '';
  if (m.country === 'COG' && /^(eastern|north-?eastern|south-?eastern)$/.test(before))
    return { ...m, country: 'COD', name: 'DR Congo' };
  return m;
}

/** Actors of one sentence, in order; `base` is the sentence's start offset in the doc. */
export function findActors(
  ctx: SentenceContext,
  base: number,
  gaz: ActorGazetteer,
  lex: TriggerLexicon,
): ActorMention[] {
  return joinChains(
    ctx.words,
    rawMentions(ctx, base, gaz, lex).map((m) => normalizeCountry(ctx.words, m)),
  );
}
