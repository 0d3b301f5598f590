/**
 * What linking reads and decides. Every decision is a pure function of one article and the
 * existing links the store returns for it (candidates); the store does the reading, writing and
 * id allocation (src/store/link-pass.ts runs the steps in order).
 */
import type { DocJson, EntityType, EventType, Modality } from '../doc/index.js';
import type { StoryInput, StoryState, StoryVector } from './stories.js';

export type ArticleEntity = NonNullable<DocJson['entities']>[number];
export type ArticleEvent = NonNullable<DocJson['events']>[number];

/** What linking reads of a stored article; layers that did not run are empty. */
export interface LinkArticle {
  readonly id: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly source: string | null;
  readonly body: string;
  readonly entities: readonly ArticleEntity[];
  readonly events: readonly ArticleEvent[];
}

/**
 * One entity as one article names it: its mentions grouped by canonical form (the entity stage
 * already joined "Pak" to "Pak Chol-su" inside the article), and an acronym the text defines
 * ("Korean Central News Agency (KCNA)") with its long form.
 */
export interface LocalEntity {
  readonly type: EntityType;
  /** The canonical form the entity stage gave (the longest, for an acronym and its long form). */
  readonly name: string;
  /** Indexes into `LinkArticle.entities`. */
  readonly mentions: readonly number[];
  /** Majority of the mentions' countries, or null when the article states none. */
  readonly country: string | null;
  /** Name keys (`k:` + nameKey) the entity is found under across articles. */
  readonly keys: readonly string[];
  /** For a person named by one word only ("Pak"), the surname key (`s:` + nameKey) to ask for. */
  readonly surname: string | null;
  /** Roles and titles the article gives the person ("Deputy Foreign Minister"). */
  readonly roles: readonly string[];
}

/** An existing entity as the store returns it for a lookup by key. */
export interface EntityCandidate {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly country: string | null;
  readonly mentions: number;
  /** Articles it appears in, and of those, the articles that state `country`. */
  readonly articles: number;
  readonly countryArticles: number;
  /** Every key the entity is indexed under (`k:` names, `s:` surnames). */
  readonly keys: readonly string[];
}

/** Where each local entity goes, and existing entities the article shows to be one. */
export interface EntityResolution {
  /** Per local entity, in order: an existing entity's id, or null for a new one. */
  readonly assigned: readonly (string | null)[];
  /** `[from, into]`: `from` is folded into `into` (the acronym and the long form met). */
  readonly merges: readonly (readonly [string, string])[];
}

/** An event actor as merged events key it: a resolved entity, else a country, else a name. */
export interface ActorRef {
  /** The entity's id (`e17`), `c:<ISO3>` or `n:<nameKey>`. */
  readonly key: string;
  readonly entity: string | null;
  readonly name: string;
  readonly country: string | null;
}

/** One article's report of an event, ready to merge. */
export interface EventReportInput {
  /** Index of the event in the article's events layer. */
  readonly index: number;
  readonly type: EventType;
  readonly mode: string | null;
  readonly source: ActorRef | null;
  readonly target: ActorRef | null;
  readonly modality: Modality;
  readonly date: string | null;
  readonly published: string | null;
  /** The reporting article's id, the sentence that states the event, and its text. */
  readonly article: string;
  readonly evidence: { readonly start: number; readonly end: number };
  readonly text: string;
}

/** A merged event as the store returns it for a lookup by (type, source key, target key). */
export interface MergedEventCandidate {
  readonly id: string;
  readonly mode: string | null;
  readonly date: string | null;
  readonly modality: Modality;
  /** First and last day of the event's own interval (its precise reports' hull), or null. */
  readonly start: string | null;
  readonly end: string | null;
  /** The earliest publication date among its reports (anchors an undated event). */
  readonly anchor: string | null;
  readonly reports: number;
}

/** The streaming story clusterer as the link pass uses it (src/link/stories.ts). */
export interface StoryLinker {
  vector(article: StoryInput): StoryVector;
  probeKeys(v: StoryVector): string[];
  indexKeys(state: StoryState): string[];
  decide(
    v: StoryVector,
    published: string | null,
    candidates: readonly StoryState[],
  ): { readonly story: string | null; readonly similarity: number };
  add(state: StoryState | null, id: string, v: StoryVector, published: string | null): StoryState;
}

/** Near-duplicate detection as the link pass uses it (src/link/minhash.ts). */
export interface DuplicateDetector {
  /** LSH band keys of a body: articles sharing one are candidates. */
  bands(body: string): string[];
  /** Jaccard similarity of two bodies' shingle sets. */
  similarity(a: string, b: string): number;
  /** At or above: the same text (`duplicate_of`). */
  readonly duplicateAt: number;
  /** At or above: a near-duplicate such as a wire rewrite (`similar`). */
  readonly similarAt: number;
}
