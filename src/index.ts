/** Storyline's library API: the data model, the pipeline, and each stage's public face. */
export * from './doc/index.js';
export * from './pipeline/index.js';
export { readInputs, type RawArticle, type IngestOptions, type ReadInputsOptions } from './ingest/index.js';
export { extractDoc, type ExtractOptions } from './extract/index.js';
export { findTimexes, timexStage, clauseDate } from './time/index.js';
export { eventStage, codeEvents, actorCode, type EventStageOptions } from './events/index.js';
