/**
 * Shallow clause structure over one sentence's words, enough to find who did what to whom
 * without a parser: clause boundaries (";", subordinators, relative pronouns, reporting verbs),
 * the verb group before a trigger, passives, and the appositions that sit between a subject and
 * its verb ("Choe, a party secretary, will travel"). Each test is one small function.
 */
import { verbLemmas } from './lemma.js';
import type { Word } from './words.js';

const SUBORDINATORS = new Set([
  'after',
  'before',
  'while',
  'when',
  'because',
  'although',
  'though',
  'since',
  'whereas',
  'unless',
  'if',
  'until',
  'once',
]);
export const RELATIVES = new Set(['who', 'which', 'whom', 'whose', 'where']);
const REPORTING = new Set([
  'say',
  'tell',
  'report',
  'announce',
  'add',
  'state',
  'note',
  'confirm',
  'claim',
  'declare',
  'according',
  'explain',
  'write',
  'quote',
]);
const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", 'got', 'get', 'gets']);
export const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'its', 'their', 'his', 'her']);
const AUX = new Set([
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'could',
  'can',
  'must',
  'has',
  'have',
  'had',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'did',
  'does',
  'do',
  'not',
  "n't",
  'never',
  'also',
  'already',
  'reportedly',
  'allegedly',
  'then',
  'later',
  'still',
  'again',
  'jointly',
  'formally',
  'officially',
  'repeatedly',
  'publicly',
  'strongly',
  'sharply',
]);
const IRREGULAR_PAST =
  /^(met|sent|took|held|made|paid|struck|fought|shot|sought|gave|brought|told|said|spoke|broke|began|threw|led|fled|froze|withdrew|swore|stood|won|left|lent|lost|built|cut|hit|put|set|shut|quit|forbade|forgave|saw|ran|came|became|knew|flew|drew|showed|blew|hid|fell|got|sold|thought|caught|bought|found|laid|slew|sank|stuck|swept|wrote|overran|undertook|upheld|withheld|beat|rose|drove|shook|spent|kept|felt|dealt|hung|rode)$/;
const IRREGULAR_PARTICIPLE =
  /^(met|sent|taken|held|made|paid|struck|fought|shot|sought|given|brought|told|said|spoken|broken|begun|thrown|led|fled|frozen|withdrawn|sworn|won|left|lent|lost|built|cut|hit|put|set|shut|forbidden|forgiven|seen|known|flown|drawn|shown|blown|hidden|fallen|gotten|sold|caught|bought|found|laid|slain|sunk|stuck|swept|written|overrun|undertaken|upheld|withheld|beaten|risen|driven|shaken|spent|kept|felt|dealt|hung|ridden)$/;

export const isAdverb = (w: Word | undefined): boolean =>
  w !== undefined &&
  (w.pos === 'RB' || (w.pos === null && /ly$/.test(w.lower) && w.lower.length > 4) || AUX.has(w.lower));

/** A word that can head a verb group: tagged VB*, or (untagged) a past form or auxiliary. */
export function isVerbLike(w: Word | undefined): boolean {
  if (!w || w.cap) return false;
  if (w.pos !== null) return w.pos.startsWith('VB') || w.pos === 'MD';
  return /ed$/.test(w.lower) || IRREGULAR_PAST.test(w.lower) || AUX.has(w.lower);
}

/** Past tense or perfect: "attacked", "has attacked", "met". */
export function isPast(words: readonly Word[], i: number): boolean {
  const w = words[i]!;
  if (w.pos === 'VBD' || w.pos === 'VBN') return true;
  if (w.pos === null && (/ed$/.test(w.lower) || IRREGULAR_PAST.test(w.lower))) return true;
  for (let k = i - 1; k >= 0 && isAdverb(words[k]); k--)
    if (/^(has|have|had|was|were)$/.test(words[k]!.lower)) return true;
  return false;
}

/** "was attacked", "has been shelled", "got arrested". */
export function isPassive(words: readonly Word[], i: number): boolean {
  const w = words[i]!;
  const participle =
    w.pos !== null
      ? w.pos === 'VBN' || w.pos === 'VBD'
      : /ed$/.test(w.lower) || IRREGULAR_PARTICIPLE.test(w.lower);
  if (!participle) return false;
  for (let k = i - 1; k >= 0; k--) {
    const x = words[k]!;
    if (BE.has(x.lower)) return true;
    if (!isAdverb(x)) return false;
  }
  return false;
}

export function isReporting(w: Word, prev?: Word, next?: Word): boolean {
  if (w.cap) return false;
  if (w.pos !== null && !w.pos.startsWith('VB') && w.lower !== 'according') return false;
  /* "the state's", "a report": nouns, when no tagger says otherwise. */
  if (w.pos === null && (/^(the|a|an|its|their|this|that)$/.test(prev?.lower ?? '') || next?.pos === 'POS'))
    return false;
  return verbLemmas(w.lower).some((l) => REPORTING.has(l));
}

export interface Boundary {
  /** Word index of the boundary (the clause starts after it). */
  readonly at: number;
  readonly kind: 'punct' | 'subordinate' | 'relative' | 'report' | 'start';
  readonly word: string;
}

/** The clause boundary nearest to the left of word i (start of sentence when none). */
export function boundaryBefore(words: readonly Word[], i: number): Boundary {
  for (let k = i - 1; k >= 0; k--) {
    const w = words[k]!;
    if (
      w.text === ';' ||
      w.text === ':' ||
      (w.text === ',' && /^(but|while|whereas)$/.test(words[k + 1]?.lower ?? ''))
    )
      return { at: k, kind: 'punct', word: w.lower };
    if (SUBORDINATORS.has(w.lower) && !(w.lower === 'since' && /^\d/.test(words[k + 1]?.text ?? '')))
      return { at: k, kind: 'subordinate', word: w.lower };
    if (RELATIVES.has(w.lower) && words[k - 1]?.text === ',')
      return { at: k, kind: 'relative', word: w.lower };
    if (w.lower === 'that' && k > 0 && isVerbLike(words[k - 1]))
      return { at: k, kind: 'report', word: w.lower };
    if (isReporting(w, words[k - 1], words[k + 1])) return { at: k, kind: 'report', word: w.lower };
  }
  return { at: -1, kind: 'start', word: '' };
}

/** The clause's right edge after word i: the next boundary or the sentence end. */
export function clauseEnd(words: readonly Word[], i: number): number {
  for (let k = i + 1; k < words.length; k++) {
    const w = words[k]!;
    if (w.text === ';' || (RELATIVES.has(w.lower) && words[k - 1]?.text === ',')) return k;
    if (
      w.text === ',' &&
      (SUBORDINATORS.has(words[k + 1]?.lower ?? '') ||
        isReporting(words[k + 1] ?? w) ||
        /^(but|while|whereas)$/.test(words[k + 1]?.lower ?? ''))
    )
      return k;
    if (w.text === ',' && reportingTail(words, k)) return k;
    if (isReporting(w) && k > i + 1 && words[k - 1]!.text !== ',' && isSubjectEnd(words, k)) return k;
  }
  return words.length;
}

/** ", the state news agency said ...": a comma that opens the attribution. */
function reportingTail(words: readonly Word[], comma: number): boolean {
  for (let k = comma + 1; k < words.length && k <= comma + 7; k++) {
    const w = words[k]!;
    if (isReporting(w)) return true;
    if (w.text === ',' || (isVerbLike(w) && !w.cap)) return false;
  }
  return false;
}

/** "..., officials said" / "Iran said": a reporting verb after a subject ends the clause before it. */
function isSubjectEnd(words: readonly Word[], k: number): boolean {
  const prev = words[k - 1]!;
  return prev.cap || PRONOUNS.has(prev.lower) || /s$/.test(prev.lower);
}

/**
 * Comma segments of [from, to): the subject is in the last segment that does not open like an
 * apposition ("a secretary of ...", "the country's minister ...") or a fronted time phrase.
 */
export function subjectSegments(
  words: readonly Word[],
  from: number,
  to: number,
): { start: number; end: number }[] {
  const segs: { start: number; end: number }[] = [];
  let s = from;
  for (let k = from; k < to; k++)
    if (words[k]!.text === ',') {
      segs.push({ start: s, end: k });
      s = k + 1;
    }
  segs.push({ start: s, end: to });
  return segs.filter((seg) => seg.end > seg.start);
}

export const opensApposition = (words: readonly Word[], seg: { start: number; end: number }): boolean =>
  /^(a|an|the|who|which|its|his|her|their)$/.test(words[seg.start]?.lower ?? '');
