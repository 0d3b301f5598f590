/**
 * Features of the part-of-speech tagger (Honnibal's greedy averaged-perceptron set, plus word
 * shape): the word, its neighbours, their suffixes, and the two tags already chosen to its
 * left. Shared by training (scripts/train-pos.ts) and tagging, so both see the same strings.
 */

const START = ['-START-', '-START2-'];
const END = ['-END-', '-END2-'];

/** Folds rare forms into classes: hyphenated words, years, other numbers; the rest lowercased. */
export function normalizeWord(word: string): string {
  if (word.includes('-') && word[0] !== '-') return '!HYPHEN';
  if (/^\d{4}$/.test(word)) return '!YEAR';
  if (/^\d/.test(word)) return '!DIGITS';
  return word.toLowerCase();
}

/** "Ryong-hae" -> "Xx-x", "1,000" -> "d,d", "U.S." -> "X.X.". */
export function wordShape(word: string): string {
  return word
    .slice(0, 12)
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\d+/g, 'd');
}

/** The padded, normalised context of a sentence, computed once per sentence. */
export function posContext(words: readonly string[]): string[] {
  return [...START, ...words.map(normalizeWord), ...END];
}

/** The features of word `i` of `words` given the tags chosen for the two words before it. */
export function posFeatures(
  i: number,
  words: readonly string[],
  context: readonly string[],
  prev: string,
  prev2: string,
): string[] {
  const word = words[i]!;
  const c = i + 2;
  const cur = context[c]!;
  const next = context[c + 1]!;
  const before = context[c - 1]!;
  const lower = word.toLowerCase();
  return [
    'b',
    `s ${word.slice(-3)}`,
    `s1 ${lower.slice(-1)}`,
    `s2 ${lower.slice(-2)}`,
    `s4 ${lower.slice(-4)}`,
    `p3 ${lower.slice(0, 3)}`,
    `h-1 ${i > 0 ? wordShape(words[i - 1]!) : '^'}`,
    `h+1 ${i + 1 < words.length ? wordShape(words[i + 1]!) : '$'}`,
    `tw+1 ${prev} ${next}`,
    `W ${word}`,
    `ww ${before} ${cur}`,
    `w+ ${cur} ${next}`,
    `p ${word[0]}`,
    `h ${wordShape(word)}`,
    `t ${prev}`,
    `tt ${prev} ${prev2}`,
    `w ${cur}`,
    `tw ${prev} ${cur}`,
    `w-1 ${before}`,
    `s-1 ${before.slice(-3)}`,
    `w-2 ${context[c - 2]}`,
    `w+1 ${next}`,
    `s+1 ${next.slice(-3)}`,
    `w+2 ${context[c + 2]}`,
  ];
}
