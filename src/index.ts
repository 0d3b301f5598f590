/** Storyline's library API: the data model, the pipeline, and each stage's public face. */
export * from './doc/index.js';
export * from './pipeline/index.js';
