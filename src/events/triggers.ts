/**
 * Finds trigger words and phrases in a sentence: each word's candidate lemmas are looked up in the
 * trigger lexicon, the part of speech (Penn tag when there is one, the neighbouring words when
 * not) picks verb or noun entries, and the longest pattern that matches wins ("send an envoy"
 * before "send"). Words a match consumes ("air strike") start no other match.
 */
import type { TriggerEntry, TriggerLexicon, PatternWord } from './lexicon.js';
import { nounLemmas, verbLemmas } from './lemma.js';
import type { Word } from './words.js';

export interface TriggerMatch {
  readonly entry: TriggerEntry;
  /** Index of the head word. */
  readonly head: number;
  /** Index of the last word the pattern consumed. */
  readonly last: number;
  /** Index of the last word of a `{class}` object, when the pattern has one ("send an envoy"). */
  readonly objectEnd: number | null;
  /** The word heads a predicate: a verb, or an adjective after "be" ("is ready to"). */
  readonly verbal: boolean;
}

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'these',
  'those',
  'any',
  'no',
  'further',
  'new',
  'more',
]);
const PUNCT = /^[,;:.!?()"“”]$/;
/** Participles that news uses as adjectives ("armed groups"), not as the verb. */
const ADJECTIVE_AFTER = new Set([
  'forces',
  'groups',
  'group',
  'men',
  'conflict',
  'gangs',
  'wing',
  'struggle',
  'robbery',
  'attack',
  'militants',
  'rebels',
  'police',
  'personnel',
  'assistance',
]);
const NOT_AS_OBJECT = new Set([
  'statement',
  'statements',
  'report',
  'video',
  'figures',
  'data',
  'results',
  'details',
  'footage',
  'list',
  'photos',
  'images',
  'document',
  'documents',
  'album',
  'film',
  'book',
  'version',
  'update',
  'funds',
]);
/** Untagged base or -s forms are read as verbs only after a subject, modal, "to" or "not". */
const SUBJECT_LIKE =
  /^(to|will|would|could|may|might|can|shall|should|must|not|n't|did|does|do|they|we|i|you|he|she|it|also|and|who|which|that|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** A pronoun object may split a particle verb: "blew himself up", "handed them over". */
const REFLEXIVE = new Set(['himself', 'herself', 'themselves', 'itself', 'him', 'her', 'them', 'it']);
/** "strike" the noun is a walkout unless these say it is military. */
const STRIKE_MILITARY = new Set([
  'military',
  'retaliatory',
  'pre-emptive',
  'preemptive',
  'precision',
  'surgical',
  'aerial',
  'missile',
  'drone',
  'rocket',
  'nuclear',
  'first',
  'artillery',
  'deadly',
]);

function isVerbTag(pos: string | null): boolean {
  return pos !== null && pos.startsWith('VB');
}

function matchesWord(w: Word | undefined, target: string): boolean {
  if (!w) return false;
  return w.lower === target || nounLemmas(w.lower).includes(target) || verbLemmas(w.lower).includes(target);
}

/** Matches the words after the head; returns the last index and the class object's end. */
function matchRest(
  words: readonly Word[],
  from: number,
  rest: readonly PatternWord[],
  lex: TriggerLexicon,
): { last: number; objectEnd: number | null } | null {
  let p = from;
  let objectEnd: number | null = null;
  for (const part of rest) {
    if ('word' in part) {
      if (matchesWord(words[p + 1], part.word)) p++;
      else if (REFLEXIVE.has(words[p + 1]?.lower ?? '') && matchesWord(words[p + 2], part.word)) p += 2;
      else return null;
      continue;
    }
    const cls = lex.classes.get(part.cls)!;
    let found = -1;
    for (let k = p + 1; k <= p + 7 && k < words.length; k++) {
      const w = words[k]!;
      if (PUNCT.test(w.text)) break;
      if (cls.has(w.lower) || nounLemmas(w.lower).some((l) => cls.has(l))) {
        found = k;
        break;
      }
    }
    if (found < 0) return null;
    /* "police units", "army troops": the compound's head is its last word. */
    const inClass = (w: Word | undefined) =>
      !!w && (cls.has(w.lower) || nounLemmas(w.lower).some((l) => cls.has(l)));
    while (inClass(words[found + 1])) found++;
    p = objectEnd = found;
  }
  return { last: p, objectEnd };
}

/** Whether word i can be read as the given part of speech here. */
function fitsPos(
  words: readonly Word[],
  i: number,
  pos: TriggerEntry['pos'],
  lemma: string,
  actorEnds: (k: number) => boolean,
  compound: boolean,
): boolean {
  const w = words[i]!;
  const prev = words[i - 1];
  const afterDet = prev !== undefined && (DETERMINERS.has(prev.lower) || prev.pos === 'POS');
  if (pos === 'V') {
    if (afterDet) return false;
    if (
      /^(to|will|would|can|could|may|might|shall|should|must)$/.test(prev?.lower ?? '') &&
      w.lower === lemma
    )
      return true;
    /* A tagger's NNS right after a subject is usually a present-tense verb: "Iran warns Israel". */
    if (w.pos === 'NNS' && actorEnds(i - 1) && w.lower === `${lemma}s`) return true;
    if (w.pos !== null)
      return (
        isVerbTag(w.pos) ||
        (w.pos === 'JJ' && w.lower.endsWith('ed') && !ADJECTIVE_AFTER.has(words[i + 1]?.lower ?? ''))
      );
    if (w.lower.endsWith('ed') && ADJECTIVE_AFTER.has(words[i + 1]?.lower ?? '')) return false;
    if (w.lower === lemma || (w.lower === `${lemma}s` && !w.lower.endsWith('ss')))
      return (
        prev !== undefined && (SUBJECT_LIKE.test(prev.lower) || actorEnds(i - 1) || /ly$/.test(prev.lower))
      );
    return true;
  }
  if (w.pos === null) return true;
  if (pos === 'A') return /^(JJ|VBN)/.test(w.pos);
  return w.pos.startsWith('NN') || (w.pos === 'VBG' && afterDet) || (compound && w.pos.startsWith('JJ'));
  return true;
}

function candidates(w: Word, pos: TriggerEntry['pos']): readonly string[] {
  return pos === 'V' ? verbLemmas(w.lower) : nounLemmas(w.lower);
}

/** Code-side limits the lexicon cannot say: "release a statement", "call" without "by phone". */
function acceptable(words: readonly Word[], i: number, m: TriggerMatch): boolean {
  const { head } = m.entry;
  const next = words[i + 1]?.lower ?? '';
  const afterNext = words[i + 2]?.lower ?? '';
  if (head === 'release' && (NOT_AS_OBJECT.has(next) || NOT_AS_OBJECT.has(afterNext))) return false;
  if (head === 'call' && m.entry.rest.length === 0)
    return words
      .slice(i + 1, i + 8)
      .some((w, k, a) => w.lower === 'by' && /^(tele)?phone$/.test(a[k + 1]?.lower ?? ''));
  if (head === 'march' && words[i]!.cap && i > 0) return false;
  return true;
}

/** "was met by sanctions", "were met with protests": a reaction, coded by its noun, not a meeting. */
function metWithReaction(words: readonly Word[], i: number, lex: TriggerLexicon): boolean {
  if (!/^(is|are|was|were|be|been|being)$/.test(words[i - 1]?.lower ?? '')) return false;
  if (!/^(by|with)$/.test(words[i + 1]?.lower ?? '')) return false;
  return words
    .slice(i + 2, i + 6)
    .some((w) =>
      nounLemmas(w.lower).some((l) =>
        (lex.byHead.get(l) ?? []).some((e) => e.pos === 'N' && e.type !== 'CONSULT'),
      ),
    );
}

/**
 * `actorEnds(k)`: a subject-like actor (not a bare nationality) ends at word k, so an untagged verb
 * may follow; `inName(k)`: word k is inside a proper name ("Amnesty International"), never a trigger.
 */
export function findTriggers(
  words: readonly Word[],
  lex: TriggerLexicon,
  actorEnds: (k: number) => boolean = () => false,
  inName: (k: number) => boolean = () => false,
): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (consumed.has(i) || inName(i) || (w.cap && i > 0 && !/^["“:]$/.test(words[i - 1]!.text))) continue;
    const verbFirst = w.pos ? isVerbTag(w.pos) : !DETERMINERS.has(words[i - 1]?.lower ?? '');
    const order: TriggerEntry['pos'][] = verbFirst ? ['V', 'N', 'A'] : ['N', 'A', 'V'];
    let best: TriggerMatch | null = null;
    for (const pos of order) {
      for (const lemma of pos === 'A' ? [w.lower] : candidates(w, pos)) {
        for (const entry of lex.byHead.get(lemma) ?? []) {
          if (entry.pos !== pos || !fitsPos(words, i, pos, lemma, actorEnds, entry.rest.length > 0)) continue;
          const rest = matchRest(words, i, entry.rest, lex);
          if (!rest) continue;
          const m: TriggerMatch = {
            entry,
            head: i,
            last: rest.last,
            objectEnd: rest.objectEnd,
            verbal: pos !== 'N',
          };
          if (!acceptable(words, i, m)) continue;
          if (
            !best ||
            entry.rest.length > best.entry.rest.length ||
            (entry.rest.length === best.entry.rest.length && (m.objectEnd ?? 0) < (best.objectEnd ?? 0))
          )
            best = m;
        }
        if (best) break;
      }
      if (best) break;
    }
    if (!best || (best.entry.head === 'meet' && best.verbal && metWithReaction(words, i, lex))) continue;
    const military = [words[i - 1], words[i - 2]].some((x) => STRIKE_MILITARY.has(x?.lower ?? ''));
    if (
      best.entry.head === 'strike' &&
      !best.verbal &&
      (military || /^(on|against)$/.test(words[i + 1]?.lower ?? ''))
    )
      best = { ...best, entry: { ...best.entry, type: 'ASSAULT', mode: null } };
    out.push(best);
    for (let k = i + 1; k <= best.last; k++) consumed.add(k);
  }
  return out;
}
