/**
 * The store: the `Store` interface every corpus command codes against, the shared filters, query
 * syntax, facts and export formats, the ingest loop, and `openStore`, which picks the
 * implementation from the location.
 */
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { LinkQueries, Store } from './types.js';
import type { LinkableStore } from './link-session.js';

export * from './types.js';
export * from './filter.js';
export * from './query.js';
export * from './facts.js';
export { ingestInto, type IngestIntoOptions, type SettledEvent } from './ingest.js';
export { linkPending, type Linkers, type LinkPassOptions } from './link-pass.js';
export type { LinkableStore, LinkSession } from './link-session.js';
export { EXPORT_FORMATS, exportFormatter, type ExportFormat, type ExportFormatter } from './export/index.js';
export { SqliteStore } from './sqlite/sqlite-store.js';
export { PostgresStore } from './postgres/postgres-store.js';
export { StoreOpenError, displayLocation } from './open-error.js';

export const DEFAULT_STORE = './storyline.db';

/** `--db`, else `$STORYLINE_DB`, else `./storyline.db`. */
export function storeLocation(given: string | undefined, env: NodeJS.ProcessEnv): string {
  return given || env.STORYLINE_DB || DEFAULT_STORE;
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** What every corpus command works with: articles, their links, and the link pass. */
export type CorpusStore = Store & LinkQueries & LinkableStore;

/**
 * Opens the store at a path (SQLite, created on first use) or a `postgres://` URL (the database
 * must exist; its tables are created on first use).
 */
export async function openStore(location: string): Promise<CorpusStore> {
  if (isPostgresUrl(location)) return PostgresStore.open(location);
  return new SqliteStore(location);
}
