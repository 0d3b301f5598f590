/**
 * The reference implementation of story candidate retrieval (see `stories.ts`), in memory, for
 * the bench and the tests; the stores run the same query in SQL:
 *
 *   SELECT story FROM story_keys WHERE key = ?
 *   ORDER BY last IS NULL, last DESC, story ASC LIMIT CANDIDATES_PER_KEY   -- for each probe key
 *
 * and the union of the stories found. Each key keeps its stories in that order (a sorted array:
 * binary search, then one splice), so a probe reads the first `perKey` entries.
 */
import { CANDIDATES_PER_KEY, type StoryState } from './stories.js';

interface Entry {
  readonly last: string | null;
  readonly story: string;
}

/** Negative when `a` comes first: dated before undated, latest `last` first, then story id. */
function compareEntries(a: Entry, b: Entry): number {
  if (a.last !== b.last) {
    if (a.last === null) return 1;
    if (b.last === null) return -1;
    return a.last > b.last ? -1 : 1;
  }
  return a.story < b.story ? -1 : a.story > b.story ? 1 : 0;
}

function lowerBound(list: readonly Entry[], entry: Entry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the streaming loop needs of an index: the store implements the same three calls. */
export interface StoryIndex {
  get(id: string): StoryState | undefined;
  put(state: StoryState, keys: readonly string[]): void;
  candidates(probeKeys: readonly string[]): StoryState[];
}

export class MemoryStoryIndex implements StoryIndex {
  private readonly stories = new Map<string, { state: StoryState; keys: readonly string[] }>();
  private readonly byKey = new Map<string, Entry[]>();

  constructor(private readonly perKey = CANDIDATES_PER_KEY) {}

  get size(): number {
    return this.stories.size;
  }

  get(id: string): StoryState | undefined {
    return this.stories.get(id)?.state;
  }

  /** Stores a story (new or changed) under `keys`, replacing what it was indexed under. */
  put(state: StoryState, keys: readonly string[]): void {
    const old = this.stories.get(state.id);
    if (old) {
      const entry = { last: old.state.last, story: state.id };
      for (const key of old.keys) {
        const list = this.byKey.get(key)!;
        list.splice(lowerBound(list, entry), 1);
        if (list.length === 0) this.byKey.delete(key);
      }
    }
    const entry = { last: state.last, story: state.id };
    const unique = [...new Set(keys)];
    for (const key of unique) {
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, (list = []));
      list.splice(lowerBound(list, entry), 0, entry);
    }
    this.stories.set(state.id, { state, keys: unique });
  }

  /** The union, over the probe keys, of the `perKey` first stories under each; ordered by id. */
  candidates(probeKeys: readonly string[]): StoryState[] {
    const ids = new Set<string>();
    for (const key of probeKeys) {
      for (const e of (this.byKey.get(key) ?? []).slice(0, this.perKey)) ids.add(e.story);
    }
    return [...ids].sort().map((id) => this.stories.get(id)!.state);
  }
}
