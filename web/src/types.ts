/** The API's shapes, from the contract types the server and store share (types only; nothing is bundled). */
export type {
  ArticleListing,
  CooccurringEntity,
  EntityProfile,
  SearchFacets,
  SearchHit,
  StoreStats,
  StoredArticle,
  StoryDetail,
  StorySummary,
  TimelineEvent,
} from '../../src/store/types.js';
export type { DocJson, EventType } from '../../src/doc/index.js';

import type { DocJson } from '../../src/doc/index.js';
import type { StoredArticle, TimelineEvent } from '../../src/store/types.js';

export type DocEvent = NonNullable<DocJson['events']>[number];

export interface ArticleResponse {
  article: StoredArticle;
  merged: (TimelineEvent | null)[];
  entity_ids: (string | null)[];
}

/** The PLOVER event types, in the contract's order (a plain constant, bundled from src/doc). */
export { EVENT_TYPES } from '../../src/doc/types.js';
