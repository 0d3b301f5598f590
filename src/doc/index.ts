/** The data model: Doc, spans, layers, their JSON form and invariant checks. Imports nothing else. */
export * from './types.js';
export * from './errors.js';
export * from './doc.js';
export * from './invariants.js';
export * from './json.js';
