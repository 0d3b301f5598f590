/**
 * Ingest: files, folders, stdin, manifests, URLs and feeds to `RawArticle` results, plus the
 * content hash and pipeline version that decide whether an input needs analysing again. Never
 * throws on bad input.
 */
export * from './raw-article.js';
export * from './decode.js';
export * from './language.js';
export * from './manifest.js';
export * from './read-inputs.js';
export * from './fetch.js';
export * from './read-web.js';
export * from './content-hash.js';
export * from './pipeline-version.js';
