/**
 * The words that story vectors and the IDF table count: runs of letters and digits, without
 * diacritics or case, of at least two characters ("Reid's" -> "reid"; "90-day" -> "90", "day").
 * The IDF script and the clusterer must split text the same way, so both call this.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Folded words of a text, in order, repeats kept. */
export function storyWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(MARKS, '').toLowerCase();
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) if (m[0].length >= 2) out.push(m[0]);
  return out;
}
