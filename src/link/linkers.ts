/**
 * The linkers the link pass uses by default: the story clusterer with the shipped IDF table
 * (models/idf.tsv.gz) and the MinHash near-duplicate detector, built once per process.
 */
import { loadIdfTable } from './idf.js';
import { bandKeys, bodyJaccard, DUPLICATE_AT, shingles, signature, SIMILAR_AT } from './minhash.js';
import { StoryClusterer } from './stories.js';
import type { DuplicateDetector, StoryLinker } from './types.js';

export interface DefaultLinkers {
  readonly stories: StoryLinker;
  readonly duplicates: DuplicateDetector;
}

let linkers: DefaultLinkers | null = null;

export function defaultLinkers(): DefaultLinkers {
  linkers ??= {
    stories: new StoryClusterer(loadIdfTable()),
    duplicates: {
      bands: (body) => bandKeys(signature(shingles(body))),
      similarity: bodyJaccard,
      duplicateAt: DUPLICATE_AT,
      similarAt: SIMILAR_AT,
    },
  };
  return linkers;
}
