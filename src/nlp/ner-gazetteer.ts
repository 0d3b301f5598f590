/**
 * Word lists the NER tagger reads, each built once, on first use: the gazetteer (place,
 * nationality and organisation phrases from src/geo; person names from
 * lexicons/ner-person-names.tsv and ner-person-names-extra.tsv; cities of more than 15,000
 * people from ner-cities.tsv; words that head or end organisation names from
 * ner-org-words.tsv), the English dictionary's word classes (ner-english-words.tsv.gz) and
 * romanised Korean names (korean-names.tsv). Nothing here comes from the NER training data.
 */
import { gazetteerEntries } from '../geo/index.js';
import { readLexicon } from '../geo/read-lexicon.js';
import { buildGazetteer, type Gazetteer } from './ner-features.js';
import type { KoreanNames } from './ner-repair.js';

/**
 * What a model's gazetteer holds: `base` (places, nationalities, organisations, faker's person
 * names; round 1), `extended` (+ cities and organisation words; rounds 2-3), `names` (+ the
 * person names of lexicons/ner-person-names-extra.tsv; round 4).
 */
export type GazetteerVariant = 'base' | 'extended' | 'names';

const cached = new Map<GazetteerVariant, Gazetteer>();

export function nerGazetteer(variant: GazetteerVariant = 'names'): Gazetteer {
  let gaz = cached.get(variant);
  if (gaz) return gaz;
  const entries = [
    ...gazetteerEntries().map((e) => [e.phrase, e.type] as const),
    ...readLexicon('ner-person-names.tsv').map(([name, part]) => [name!, part!] as const),
  ];
  if (variant === 'base') gaz = buildGazetteer(entries);
  else {
    entries.push(...readLexicon('ner-cities.tsv').map(([name]) => [name!, 'CITY'] as const));
    if (variant === 'names')
      entries.push(...readLexicon('ner-person-names-extra.tsv').map(([name]) => [name!, 'NAME'] as const));
    gaz = buildGazetteer(
      entries,
      readLexicon('ner-org-words.tsv').map(([w]) => w!),
    );
  }
  cached.set(variant, gaz);
  return gaz;
}

let englishWordClasses: ReadonlyMap<string, string> | undefined;

/** Lower-case English word forms -> "C" (common), "P" (proper noun) or "CP" (both). */
export function englishWords(): ReadonlyMap<string, string> {
  englishWordClasses ??= new Map(readLexicon('ner-english-words.tsv.gz').map(([w, c]) => [w!, c!] as const));
  return englishWordClasses;
}

let korean: KoreanNames | undefined;

/** Romanised Korean surnames and given-name syllables (lexicons/korean-names.tsv), for the span repair. */
export function koreanNames(): KoreanNames {
  if (!korean) {
    const rows = readLexicon('korean-names.tsv');
    const of = (kind: string): Set<string> => new Set(rows.filter((r) => r[1] === kind).map((r) => r[0]!));
    korean = { surnames: of('SURNAME'), syllables: of('SYLLABLE') };
  }
  return korean;
}
