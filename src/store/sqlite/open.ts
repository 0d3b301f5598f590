/**
 * Opens an SQLite store file: WAL journal (readers never block the writer), a busy timeout so
 * two processes on one file wait for each other instead of failing, foreign keys on (replacing
 * an article cascades to its layers), then any pending migrations in one transaction.
 */
import Database from 'better-sqlite3';
import type { Migration } from '../migration.js';
import { StoreOpenError } from '../open-error.js';
import { MIGRATIONS } from './migrations/index.js';

export type SqliteDb = Database.Database;

export interface OpenSqliteOptions {
  /** How long a writer waits for another process's transaction (default 60 s). */
  readonly busyTimeoutMs?: number;
  readonly readonly?: boolean;
}

/** Applies the migrations newer than the store's version, all in one IMMEDIATE transaction. */
export function migrate(db: SqliteDb, migrations: readonly Migration[] = MIGRATIONS): number {
  const apply = db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const row = db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known)
      throw new Error(`the store has schema version ${current}, newer than this storyline knows (${known})`);
    const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations.filter((m) => m.version > current)) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    return known;
  });
  return apply.immediate();
}

export function openSqlite(file: string, opts: OpenSqliteOptions = {}): SqliteDb {
  let db: SqliteDb | undefined;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(opts.busyTimeoutMs ?? 60_000))}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL loses no committed transaction on a process crash (only on power loss).
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!opts.readonly) migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw new StoreOpenError(file, (err as Error).message);
  }
}
