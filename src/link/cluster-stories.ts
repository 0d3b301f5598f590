/**
 * The reference streaming loop over a batch of articles, as the store runs it one article at a
 * time: in link order, vector -> probe the index -> decide -> add -> re-index the story. Used by
 * the bench and the tests; also the executable statement of the order (`compareLinkOrder`).
 */
import { MemoryStoryIndex, type StoryIndex } from './story-index.js';
import type { StoryClusterer, StoryInput } from './stories.js';

/** Link order: `published` ascending, undated articles after dated ones, then `id`. */
export function compareLinkOrder(
  a: { readonly id: string; readonly published: string | null },
  b: { readonly id: string; readonly published: string | null },
): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The story of every article (a story is named after its first article). */
export function clusterStories(
  articles: readonly StoryInput[],
  clusterer: StoryClusterer,
  index: StoryIndex = new MemoryStoryIndex(),
): Map<string, string> {
  const storyOf = new Map<string, string>();
  for (const article of [...articles].sort(compareLinkOrder)) {
    const v = clusterer.vector(article);
    const decision = clusterer.decide(v, article.published, index.candidates(clusterer.probeKeys(v)));
    const before = decision.story === null ? null : index.get(decision.story)!;
    const story = clusterer.add(before, article.id, v, article.published);
    index.put(story, clusterer.indexKeys(story));
    storyOf.set(article.id, story.id);
  }
  return storyOf;
}
