/**
 * Span repairs after decoding, for two shapes of organisation name the tagger's left-to-right
 * labels get wrong: a name whose first words were left out ("Foreign Trade Bank" found as "Trade
 * Bank") and "<organisation word> of <place>" split in two ("Workers' Party of Korea" as ORG +
 * LOC). Both read only the words and the tags, and both were checked on CoNLL dev.
 */

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
