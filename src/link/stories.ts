/**
 * Streaming story clustering. Articles are linked one at a time in the order `published`
 * ascending, undated articles after dated ones, then `id`; each joins the most similar of its
 * candidate stories when the similarity reaches `threshold`, else opens a story of its own
 * (named after the article). Similarity is the cosine between the article's vector (TF-IDF of
 * words and entity ids, `story-vector.ts`) and the story's centroid (the mean of its articles'
 * vectors), times a time decay (`story-time.ts`): none within `graceDays` of the story's dates,
 * then halving every `halfLifeDays`, so the same kind of event months apart (an envoy's trips in
 * two years) makes two stories. An undated article or story has no gap to decay by: its
 * similarity is multiplied by `undatedFactor` (1 by default: text alone decides). Our own code: story detection libraries cluster a batch (agglomerative,
 * HDBSCAN) and need all vectors in memory; we need one decision per article against state a
 * database keeps, with candidates it can look up.
 *
 * Candidate retrieval (the store implements it in SQL; `MemoryStoryIndex` is the reference):
 * a story is indexed under `indexKeys(state)` (its centroid's INDEX_KEYS heaviest features),
 * replaced whenever the story changes. An article's candidates are, for each of
 * `probeKeys(vector)` (its PROBE_KEYS heaviest features), the CANDIDATES_PER_KEY stories indexed
 * under that key with the latest `last` (undated stories after dated ones, then story id
 * ascending), and the union of those over the keys: at most PROBE_KEYS x CANDIDATES_PER_KEY.
 *
 * Bounds: a vector holds at most `vectorSize` features, a centroid `centroidSize`; both are
 * [key, weight] pairs, so a story's state is a few kilobytes of JSON however many articles it has.
 * Deterministic: the same articles in the same order give the same stories.
 */
import type { EntityType } from '../doc/index.js';
import type { IdfTable } from './idf.js';
import { dayNumber, daysApart, timeDecay } from './story-time.js';
import { heaviest, storyVector } from './story-vector.js';

export interface StoryInput {
  readonly id: string;
  /** YYYY-MM-DD or null. */
  readonly published: string | null;
  readonly title: string | null;
  readonly body: string;
  /**
   * Cross-article entity ids with the article's mention count. In the real system these are
   * resolved entity ids ("e17"); in the bench `${type}:${nameKey(canonical)}` over the entities
   * `analyzeText` returns for the article.
   */
  readonly entities: readonly { readonly id: string; readonly type: EntityType; readonly mentions: number }[];
}

/** Plain JSON-serialisable data the store keeps per story; at most `centroidSize` features. */
export interface StoryState {
  readonly id: string;
  /** Earliest and latest published date of its articles (null when none is dated). */
  readonly first: string | null;
  readonly last: string | null;
  readonly size: number;
  /** The mean of its articles' vectors, cut to the `centroidSize` heaviest features. */
  readonly centroid: readonly (readonly [string, number])[];
}

/** JSON-serialisable, at most `vectorSize` features, heaviest first. */
export type StoryVector = readonly (readonly [string, number])[];

/** The chosen story (null: open a new one) and the best similarity found (0 without candidates). */
export interface StoryDecision {
  readonly story: string | null;
  readonly similarity: number;
}

export interface StoryOptions {
  /** The least similarity at which an article joins a story. */
  readonly threshold: number;
  /** How many times a title word counts, against once for a body word. */
  readonly titleWeight: number;
  /** Length of the entity block of a vector against the word block's 1. */
  readonly entityWeight: number;
  /** Power of a word's IDF in its weight. */
  readonly idfPower: number;
  readonly vectorSize: number;
  readonly centroidSize: number;
  /** Days apart at which similarity is not yet discounted. */
  readonly graceDays: number;
  /** Days over which similarity halves, past the grace days. */
  readonly halfLifeDays: number;
  /** Factor on similarity when the article or the story is undated. */
  readonly undatedFactor: number;
}

/** The settings chosen on ECB+ topics 1-35 (`npx tsx bench/linking.ts --grid`, BENCHMARKS.md). */
export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  threshold: 0.25,
  titleWeight: 2,
  entityWeight: 0.25,
  idfPower: 2,
  vectorSize: 100,
  centroidSize: 200,
  graceDays: 60,
  halfLifeDays: 30,
  undatedFactor: 1,
};

export const PROBE_KEYS = 10;
export const INDEX_KEYS = 20;
export const CANDIDATES_PER_KEY = 20;

export class StoryClusterer {
  readonly options: StoryOptions;

  constructor(
    private readonly idf: IdfTable,
    opts: Partial<StoryOptions> = {},
  ) {
    this.options = { ...DEFAULT_STORY_OPTIONS, ...opts };
  }

  vector(article: StoryInput): StoryVector {
    const { titleWeight, entityWeight, idfPower, vectorSize } = this.options;
    return storyVector(article, this.idf, { titleWeight, entityWeight, idfPower, size: vectorSize });
  }

  probeKeys(v: StoryVector): string[] {
    return v.slice(0, PROBE_KEYS).map(([k]) => k);
  }

  indexKeys(state: StoryState): string[] {
    return state.centroid.slice(0, INDEX_KEYS).map(([k]) => k);
  }

  /** Similarity of an article to one story: cosine to its centroid times the time decay. */
  similarity(v: StoryVector, published: string | null, story: StoryState): number {
    return this.similarityTo(new Map(v), published, story);
  }

  decide(v: StoryVector, published: string | null, candidates: readonly StoryState[]): StoryDecision {
    const weights = new Map(v);
    let best: StoryState | null = null;
    let bestSimilarity = 0;
    for (const story of candidates) {
      const s = this.similarityTo(weights, published, story);
      if (s > bestSimilarity || (s === bestSimilarity && best !== null && story.id < best.id)) {
        best = story;
        bestSimilarity = s;
      }
    }
    const joins = best !== null && bestSimilarity >= this.options.threshold;
    return { story: joins ? best!.id : null, similarity: bestSimilarity };
  }

  private similarityTo(
    weights: ReadonlyMap<string, number>,
    published: string | null,
    story: StoryState,
  ): number {
    let norm = 0;
    let dot = 0;
    for (const [k, w] of story.centroid) {
      norm += w * w;
      dot += w * (weights.get(k) ?? 0);
    }
    if (dot === 0) return 0;
    return (dot / Math.sqrt(norm)) * timeDecay(daysApart(published, story.first, story.last), this.options);
  }

  /** The story after the article joins it; `state` null opens a story named `id` (the article's id). */
  add(state: StoryState | null, id: string, v: StoryVector, published: string | null): StoryState {
    const size = (state?.size ?? 0) + 1;
    const sum = new Map<string, number>();
    for (const [k, w] of state?.centroid ?? []) sum.set(k, w * (size - 1));
    for (const [k, w] of v) sum.set(k, (sum.get(k) ?? 0) + w);
    for (const [k, w] of sum) sum.set(k, w / size);
    // A date that does not read as a day (bad input) leaves the story's dates alone.
    const day = dayNumber(published) === null ? null : published!.slice(0, 10);
    const dated = [state?.first, state?.last, day].filter((d): d is string => !!d).sort();
    return {
      id: state?.id ?? id,
      first: dated[0] ?? null,
      last: dated[dated.length - 1] ?? null,
      size,
      centroid: heaviest(sum, this.options.centroidSize),
    };
  }
}
