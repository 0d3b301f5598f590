/**
 * Abbreviations that end in a period, shared by the tokenizer (which keeps the period on the
 * word, as the Penn Treebank and CoNLL do) and the sentence splitter (which decides whether
 * the period also ends the sentence).
 */

/** Titles of people, written before a name ("Mr Kim", "Gen. Hwang"): not part of the name. */
export const PERSON_TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms messrs dr prof gen lt col maj capt cpt sgt cmdr adm brig cpl pvt sen rep gov pres ' +
    'supt insp det rev hon amb'
  ).split(' '),
);

/** Titles and name parts: always followed by more of the sentence ("Mr. Kim", "Gen. Hwang"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...PERSON_TITLES,
  ...'fr sr jr st mt ft treas jan feb mar apr jun jul aug sep sept oct nov dec approx ca vs v'.split(' '),
]);

/** Abbreviations only before a number ("No. 1", "p. 5"); elsewhere "no." is a word and a period. */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set('no nos vol art sec fig p pp'.split(' '));

/** Abbreviations that may also end a sentence ("... Apple Inc. The company ..."). */
export const FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'inc corp co ltd llc plc bros dept govt univ assn etc al esp'.split(' '),
);

/**
 * Whether `word` (without its period) is a known abbreviation, in any case; `beforeNumber`
 * says whether a number follows, which "No." and "p." need.
 */
export function isAbbreviation(word: string, beforeNumber: boolean): boolean {
  const lower = word.toLowerCase();
  return (
    TITLE_ABBREVIATIONS.has(lower) ||
    FINAL_ABBREVIATIONS.has(lower) ||
    (beforeNumber && NUMBER_ABBREVIATIONS.has(lower))
  );
}
