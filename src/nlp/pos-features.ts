/**
 * Features of the part-of-speech tagger (Honnibal's greedy averaged-perceptron set, plus word
 * shape): the word, its neighbours, their suffixes, and the two tags already chosen to its
 * left. Shared by training (scripts/train-pos.ts) and tagging, so both see the same strings.
 */

import { joinFeature, type FeatureParts } from './feature-table.js';

const START = ['-START-', '-START2-'];
const END = ['-END-', '-END2-'];

/** Folds rare forms into classes: hyphenated words, years, other numbers; the rest lowercased. */
export function normalizeWord(word: string): string {
  if (word.includes('-') && word[0] !== '-') return '!HYPHEN';
  if (/^\d{4}$/.test(word)) return '!YEAR';
  if (/^\d/.test(word)) return '!DIGITS';
  return word.toLowerCase();
}

/** "Ryong-hae" -> "Xx-x", "1,000" -> "d,d", "U.S." -> "X.X." (runs of a class collapse). */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  const n = Math.min(word.length, 12);
  for (let i = 0; i < n; i++) {
    const ch = word[i]!;
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const cls = ch >= '0' && ch <= '9' ? 'd' : lower !== upper ? (ch === upper ? 'X' : 'x') : ch;
    if (cls !== last || (cls !== 'X' && cls !== 'x' && cls !== 'd')) out += cls;
    last = cls;
  }
  return out;
}

/** What the features read of a sentence, computed once per sentence. */
export interface PosContext {
  /** Normalised words, padded with two start and two end markers. */
  readonly norm: readonly string[];
  /** Word shapes, unpadded. */
  readonly shapes: readonly string[];
}

export function posContext(words: readonly string[]): PosContext {
  return { norm: [...START, ...words.map(normalizeWord), ...END], shapes: words.map(wordShape) };
}

/** The features of word `i` of `words` given the tags chosen for the two words before it. */
export function posFeatures(
  i: number,
  words: readonly string[],
  context: PosContext,
  prev: string,
  prev2: string,
): string[] {
  const word = words[i]!;
  const c = i + 2;
  const norm = context.norm;
  const cur = norm[c]!;
  const next = norm[c + 1]!;
  const before = norm[c - 1]!;
  const lower = word.toLowerCase();
  return [
    'b',
    `s ${word.slice(-3)}`,
    `s1 ${lower.slice(-1)}`,
    `s2 ${lower.slice(-2)}`,
    `s4 ${lower.slice(-4)}`,
    `p3 ${lower.slice(0, 3)}`,
    `h-1 ${i > 0 ? context.shapes[i - 1] : '^'}`,
    `h+1 ${i + 1 < words.length ? context.shapes[i + 1] : '$'}`,
    `tw+1 ${prev} ${next}`,
    `W ${word}`,
    `ww ${before} ${cur}`,
    `w+ ${cur} ${next}`,
    `p ${word[0]}`,
    `h ${context.shapes[i]}`,
    `t ${prev}`,
    `tt ${prev} ${prev2}`,
    `w ${cur}`,
    `tw ${prev} ${cur}`,
    `w-1 ${before}`,
    `s-1 ${before.slice(-3)}`,
    `w-2 ${norm[c - 2]}`,
    `w+1 ${next}`,
    `s+1 ${next.slice(-3)}`,
    `w+2 ${norm[c + 2]}`,
  ];
}

/**
 * The same features as `posFeatures`, split by what they depend on, so the tagger can sum the
 * weights of each part once and reuse them: a word's own features, a neighbour's as seen from
 * `offset` (-2, -1, +1, +2; padding markers outside the sentence), the tag pair, and the rest.
 * Together they are exactly `posFeatures` (checked in pos.test.ts), which keeps its own list in
 * the order the shipped model was trained with, so retraining reproduces it. Each is given in
 * parts (`FeatureParts`), which the tagger looks up without joining; `...Features` join them.
 */
export function ownFeatureParts(word: string, norm: string, shape: string): FeatureParts[] {
  const lower = word.toLowerCase();
  return [
    ['b', ''],
    ['s ', word.slice(-3)],
    ['s1 ', lower.slice(-1)],
    ['s2 ', lower.slice(-2)],
    ['s4 ', lower.slice(-4)],
    ['p3 ', lower.slice(0, 3)],
    ['W ', word],
    ['p ', String(word[0])],
    ['h ', shape],
    ['w ', norm],
  ];
}

/** A neighbour's features; `shape` is '^' or '$' for the padding just outside the sentence. */
export function neighbourFeatureParts(offset: -2 | -1 | 1 | 2, norm: string, shape: string): FeatureParts[] {
  if (offset === -2) return [['w-2 ', norm]];
  if (offset === 2) return [['w+2 ', norm]];
  const side = offset === -1 ? '-1' : '+1';
  return [
    [`h${side} `, shape],
    [`w${side} `, norm],
    [`s${side} `, norm.slice(-3)],
  ];
}

export const tagFeatureParts = (prev: string, prev2: string): FeatureParts[] => [
  ['t ', prev],
  ['tt ', prev, prev2],
];

/** Features of word `i` that read both its neighbours or a tag with a word. */
export function pairFeatureParts(i: number, context: PosContext, prev: string): FeatureParts[] {
  const norm = context.norm;
  const cur = norm[i + 2]!;
  const next = norm[i + 3]!;
  return [
    ['tw+1 ', prev, next],
    ['ww ', norm[i + 1]!, cur],
    ['w+ ', cur, next],
    ['tw ', prev, cur],
  ];
}

export const ownFeatures = (word: string, norm: string, shape: string): string[] =>
  ownFeatureParts(word, norm, shape).map(joinFeature);
export const neighbourFeatures = (offset: -2 | -1 | 1 | 2, norm: string, shape: string): string[] =>
  neighbourFeatureParts(offset, norm, shape).map(joinFeature);
export const tagFeatures = (prev: string, prev2: string): string[] =>
  tagFeatureParts(prev, prev2).map(joinFeature);
export const pairFeatures = (i: number, context: PosContext, prev: string): string[] =>
  pairFeatureParts(i, context, prev).map(joinFeature);

/** The padding markers: norm of the positions -2, -1, n and n+1 around a sentence of n words. */
export const PADDING = { before: START, after: END } as const;
