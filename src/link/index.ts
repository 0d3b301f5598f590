/**
 * Linking across documents: entity resolution, near-duplicates, stories and merged events.
 * Pure: articles and the existing links they touch come in, new links go out; the store does
 * the reading and writing (src/store).
 */
export { nameKey, nameWords } from './names.js';
export * from './minhash.js';
export * from './stories.js';
export { MemoryStoryIndex, type StoryIndex } from './story-index.js';
export { clusterStories, compareLinkOrder } from './cluster-stories.js';
export { IdfTable, loadIdfTable, parseIdfTable } from './idf.js';
export { storyInputOf } from './story-input.js';
