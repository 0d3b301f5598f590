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

export function checkEnglish(text: string): LanguageVerdict {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
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
