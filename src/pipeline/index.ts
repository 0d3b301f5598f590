/** The pipeline: the Stage type, compose(), and the standard preset. */
export * from './stage.js';
export * from './preset.js';
