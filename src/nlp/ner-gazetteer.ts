/**
 * The NER gazetteer: place, nationality and organisation phrases from src/geo (world-countries
 * plus the hand-edited lexicons) and first and last person names (lexicons/ner-person-names.tsv),
 * cities of more than 15,000 people (lexicons/ner-cities.tsv) and words that head or end
 * organisation names (lexicons/ner-org-words.tsv), as features for the tagger. Built once, on
 * first use. Nothing here comes from the NER training data.
 */
import { gazetteerEntries } from '../geo/index.js';
import { readLexicon } from '../geo/read-lexicon.js';
import { buildGazetteer, type Gazetteer } from './ner-features.js';

const cached = new Map<boolean, Gazetteer>();

/** `extended`: with cities and organisation words (models trained since round 2). */
export function nerGazetteer(extended = true): Gazetteer {
  let gaz = cached.get(extended);
  if (gaz) return gaz;
  gaz = extended ? fullGazetteer() : buildGazetteer(baseEntries());
  cached.set(extended, gaz);
  return gaz;
}

function baseEntries(): (readonly [string, string])[] {
  return [
    ...gazetteerEntries().map((e) => [e.phrase, e.type] as const),
    ...readLexicon('ner-person-names.tsv').map(([name, part]) => [name!, part!] as const),
  ];
}

function fullGazetteer(): Gazetteer {
  return buildGazetteer(
    [...baseEntries(), ...readLexicon('ner-cities.tsv').map(([name]) => [name!, 'CITY'] as const)],
    readLexicon('ner-org-words.tsv').map(([w]) => w!),
  );
}
