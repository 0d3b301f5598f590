/** Ingest: files, folders, stdin and manifests to `RawArticle` results. Never throws on bad input. */
export * from './raw-article.js';
export * from './decode.js';
export * from './language.js';
export * from './manifest.js';
export * from './read-inputs.js';
