/** The pipeline: the Stage type, compose(), the standard preset, and the one-call analysis. */
export * from './stage.js';
export * from './preset.js';
export * from './analyze.js';
