/**
 * Linking across documents: entity resolution, near-duplicates, stories and merged events.
 * Pure: articles and the existing links they touch come in, new links go out; the store does
 * the reading and writing (src/store/link-pass.ts runs the steps).
 */
export * from './types.js';
export { nameKey, nameWords } from './names.js';
export { localEntities, indexKeys, entityClass } from './entities/local-entities.js';
export { resolveEntities } from './entities/resolve.js';
export { readRoles } from './entities/roles.js';
export { ActorResolver } from './events/actor-refs.js';
export {
  chooseMergedEvent,
  eventKey,
  reportWindow,
  summariseReports,
  type MergedEventSummary,
  type ReportSummaryInput,
} from './events/merge-events.js';
export { dateInterval } from './events/date-interval.js';
export { defaultLinkers, type DefaultLinkers } from './linkers.js';
export * from './minhash.js';
export * from './stories.js';
export { MemoryStoryIndex, type StoryIndex } from './story-index.js';
export { clusterStories, compareLinkOrder } from './cluster-stories.js';
export { IdfTable, loadIdfTable, parseIdfTable } from './idf.js';
export { storyInputOf } from './story-input.js';
