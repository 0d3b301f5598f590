/**
 * The NER gazetteer: place, nationality and organisation phrases from src/geo (world-countries
 * plus the hand-edited lexicons) and first and last person names (lexicons/ner-person-names.tsv),
 * as phrase -> type entries for the tagger's features. Built once, on first use. Nothing here
 * comes from the NER training data.
 */
import { gazetteerEntries } from '../geo/index.js';
import { readLexicon } from '../geo/read-lexicon.js';
import { buildGazetteer, type Gazetteer } from './ner-features.js';

let cached: Gazetteer | undefined;

export function nerGazetteer(): Gazetteer {
  cached ??= buildGazetteer([
    ...gazetteerEntries().map((e) => [e.phrase, e.type] as const),
    ...readLexicon('ner-person-names.tsv').map(([name, part]) => [name!, part!] as const),
  ]);
  return cached;
}
