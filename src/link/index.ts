/**
 * Linking across documents: entity resolution, near-duplicates, stories and merged events.
 * Pure: articles and the existing links they touch come in, new links go out; the store does
 * the reading and writing (src/store).
 */
export { nameKey, nameWords } from './names.js';
