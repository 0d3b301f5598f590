/**
 * Span repairs after decoding, for shapes of name the tagger's labels get wrong:
 * - an organisation name whose first words were left out ("Foreign Trade Bank" found as "Trade Bank");
 * - "<organisation word> of <place>" split in two ("Workers' Party of Korea" as ORG + LOC);
 * - a person's name whose first word was left out ("Pak Chol Su" found as "Chol Su"), or that
 *   took in a title ("Mr Kim");
 * - a country's name taken for an organisation ("hosted by the United Arab Emirates"; CoNLL tags
 *   countries LOC even as sports teams);
 * - a romanised Korean name the model, trained on little Korean, reads as something else.
 * All read only the words and the tags (and word lists), and all were checked on CoNLL dev.
 */

import { PERSON_TITLES } from './abbreviations.js';

/** Company-form abbreviations: "Insurance Co of Ohio" names the company's home, not its name. */
const COMPANY_FORMS = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'ag', 'gmbh', 'sa', 'nv']);

interface SpanRef {
  start: number;
  end: number;
  type: string;
}

function spansOf(tags: readonly string[]): SpanRef[] {
  const out: SpanRef[] = [];
  tags.forEach((t, i) => {
    const last = out[out.length - 1];
    if (t === 'O') return;
    if (t.startsWith('I-') && last && last.end === i && last.type === t.slice(2)) last.end = i + 1;
    else out.push({ start: i, end: i + 1, type: t.slice(2) });
  });
  return out;
}

const NOT_NAME_WORDS = new Set(
  'The A An This That These Those Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);
const capitalised = (w: string): boolean => /^[A-Z]/.test(w);
const extendsName = (w: string): boolean => /^[A-Z][a-z]+$/.test(w) && !NOT_NAME_WORDS.has(w);

/** Repaired BIO tags of one sentence; `orgWords` are lower-case words that end organisation names. */
export function repairOrganisations(
  words: readonly string[],
  tags: readonly string[],
  orgWords: ReadonlySet<string>,
): string[] {
  const out = [...tags];
  const spans = spansOf(tags);
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s]!;
    if (span.type !== 'ORG') continue;
    let end = span.end;
    const head = words[end - 1]!.toLowerCase();
    // A name ending in an organisation word extends left over untagged capitalised words that
    // do not open the sentence and are not articles, days or months.
    let start = span.start;
    if (orgWords.has(head))
      while (start > 1 && out[start - 1] === 'O' && extendsName(words[start - 1]!)) start--;
    // A title-cased line ("Lead Underwriter Bear Stearns & Co") is a heading: leave it alone.
    if (start < span.start && out[start - 1] === 'O' && capitalised(words[start - 1]!)) start = span.start;
    const next = spans[s + 1];
    if (
      next &&
      next.start === end + 1 &&
      words[end] === 'of' &&
      orgWords.has(head) &&
      !COMPANY_FORMS.has(head) &&
      words.slice(next.start, next.end).every(capitalised)
    ) {
      end = next.end;
      s++;
    }
    for (let i = start; i < end; i++) out[i] = i === start ? 'B-ORG' : 'I-ORG';
  }
  return out;
}

const isTitle = (w: string): boolean => PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, ''));

/**
 * Repaired BIO tags of one sentence: a person's name takes in the untagged capitalised word just
 * before it when that word is no common English word (`isCommonWord`: titles such as "President"
 * are) or title ("Mr") and does not open the sentence or a title-cased heading; and a title
 * abbreviation opening a person's name is left out of it ("Mr Kim" is "Kim", as CoNLL marks names).
 */
export function repairPersons(
  words: readonly string[],
  tags: readonly string[],
  isCommonWord: (lower: string) => boolean,
): string[] {
  const out = [...tags];
  for (const span of spansOf(tags)) {
    if (span.type !== 'PER') continue;
    if (span.end - span.start > 1 && isTitle(words[span.start]!)) {
      out[span.start] = 'O';
      out[span.start + 1] = 'B-PER';
      continue;
    }
    const at = span.start - 1;
    if (at < 1 || out[at] !== 'O') continue;
    const w = words[at]!;
    if (!extendsName(w) || isCommonWord(w.toLowerCase()) || isTitle(w) || capitalised(words[at - 1]!))
      continue;
    out[at] = 'B-PER';
    out[span.start] = 'I-PER';
  }
  return out;
}

/** Repaired BIO tags of one sentence: an ORG span whose words are exactly a country's name is LOC. */
export function repairCountries(
  words: readonly string[],
  tags: readonly string[],
  isCountry: (name: string) => boolean,
): string[] {
  const out = [...tags];
  for (const span of spansOf(tags)) {
    if (span.type !== 'ORG' || !isCountry(words.slice(span.start, span.end).join(' '))) continue;
    for (let i = span.start; i < span.end; i++) out[i] = i === span.start ? 'B-LOC' : 'I-LOC';
  }
  return out;
}

/** Romanised Korean surnames ("Pak", "Kim") and given-name syllables in lower case ("chol", "jong"). */
export interface KoreanNames {
  readonly surnames: ReadonlySet<string>;
  readonly syllables: ReadonlySet<string>;
}

/** End of a Korean given name starting at j: one hyphenated word ("Jong-un") or two syllables ("Chol Su"); -1 if none. */
function givenNameEnd(words: readonly string[], j: number, syllables: ReadonlySet<string>): number {
  const first = words[j];
  if (first === undefined || !/^[A-Z][a-z]*(-[A-Za-z][a-z]*)?$/.test(first)) return -1;
  const parts = first.toLowerCase().split('-');
  if (parts.length === 2) return parts.every((p) => syllables.has(p)) ? j + 1 : -1;
  const second = words[j + 1];
  if (second === undefined || !/^[A-Z][a-z]*$/.test(second)) return -1;
  return syllables.has(parts[0]!) && syllables.has(second.toLowerCase()) ? j + 2 : -1;
}

/**
 * Repaired BIO tags of one sentence: a Korean surname followed by a given name ("Pak Chol Su",
 * "Kim Jong-un") is one PER, unless a capitalised word follows ("Kim Il Sung Square" is left
 * to the model) or the surname continues a longer name.
 */
export function repairKoreanNames(
  words: readonly string[],
  tags: readonly string[],
  names: KoreanNames,
): string[] {
  const out = [...tags];
  for (let i = 0; i < words.length; i++) {
    if (!names.surnames.has(words[i]!) || out[i]!.startsWith('I-')) continue;
    const end = givenNameEnd(words, i + 1, names.syllables);
    if (end < 0 || (end < words.length && capitalised(words[end]!))) continue;
    for (let k = i; k < end; k++) out[k] = k === i ? 'B-PER' : 'I-PER';
    if (out[end]?.startsWith('I-')) out[end] = `B-${out[end]!.slice(2)}`;
    i = end - 1;
  }
  return out;
}
