/**
 * A cheap "is this English?" check run on the article body, so clearly foreign input fails with
 * E_NOT_ENGLISH instead of yielding nonsense. Two signals: most letters in a non-Latin script,
 * or enough words with almost no English function words. A language-ID model would be more
 * precise, but the pipeline only needs to refuse the clear cases, and this needs no data.
 */

const STOP_WORDS = new Set(
  (
    'the of and to in a is that for on with as by at from was it be are said has have he his ' +
    'its an not were this which but they will had their who been would or after also more than ' +
    'we i she her them our you about into over there when one up out new two could can may'
  ).split(' '),
);

export type LanguageVerdict = { english: true } | { english: false; reason: string };

/** Too little text to judge is given the benefit of the doubt. */
const MIN_WORDS = 20;

const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/**
 * Letters and Latin-script characters of `s`, counted by code point as `/\p{L}/gu` and
 * `/\p{Script=Latin}/gu` match them, without an array of every match (ASCII, most of an
 * English text, is classified directly: its only Latin characters are its letters).
 */
function scriptCounts(s: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (isAsciiLetter(c)) {
        letters++;
        latin++;
      }
      continue;
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    if (LETTER.test(ch)) letters++;
    if (LATIN.test(ch)) latin++;
  }
  return { letters, latin };
}

export function checkEnglish(text: string): LanguageVerdict {
  const sample = text.slice(0, 20_000);
  const { letters, latin } = scriptCounts(sample);
  if (letters >= 40 && latin / letters < 0.5)
    return {
      english: false,
      reason: `${Math.round((100 * (letters - latin)) / letters)}% of letters are not Latin script`,
    };
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return { english: true };
  const stops = words.filter((w) => STOP_WORDS.has(w)).length;
  const ratio = stops / words.length;
  if (ratio < 0.06)
    return { english: false, reason: `only ${Math.round(100 * ratio)}% of words are common English words` };
  return { english: true };
}
