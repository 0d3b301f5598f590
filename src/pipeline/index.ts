/** The pipeline: the Stage type, compose(), the standard preset, the one-call analysis and its worker pool. */
export * from './stage.js';
export * from './preset.js';
export * from './analyze.js';
export { DocPool } from './pool.js';
export type { WorkerOptions, WorkerTask } from './worker.js';
export { limitHeapGrowth, HEAP_GROWING_PERCENT } from './heap.js';
