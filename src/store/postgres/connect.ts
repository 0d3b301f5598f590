/**
 * Connecting to PostgreSQL (node-postgres, pooled): the pool every PostgreSQL store and queue
 * uses, transactions on one pooled connection, and the versioned migrations, applied once however
 * many processes open the store at the same moment (a transaction-scoped advisory lock).
 */
import pg from 'pg';
import type { Migration } from '../migration.js';
import { MIGRATIONS } from './migrations/index.js';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/** Connections one process opens at most: a CLI or a worker needs two (a write and a lease renewal). */
const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 20_000;
/**
 * Storyline's advisory locks are pairs (`LOCK_SPACE`, which): the first key is `stor` in ASCII, so
 * they keep clear of other applications' locks in a shared database.
 */
export const LOCK_SPACE = 0x73746f72;
const MIGRATION_LOCK = 1;
const INT8 = 20;

/** bigint columns (`seq`, counts) as JS numbers: they stay far below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(url: string): PgPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    types,
    keepAlive: true,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'storyline',
  });
  // An idle connection closed by the server (a restart, an administrator) is dropped from the pool
  // and reported here; the next query opens a new one, so there is nothing else to do.
  pool.on('error', () => undefined);
  return pool;
}

/** Statement names by SQL text: as many as the fixed statements in the code that uses `query`. */
const statementNames = new Map<string, string>();

/**
 * A query as a named prepared statement: each connection parses and plans it once, then reuses the
 * plan. The link pass runs some 50 small statements an article; planning them anew each time cost
 * the server more than running them.
 */
export function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  client: PgClient,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<T>> {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `storyline_${statementNames.size}`));
  return client.query<T>({ name, text, values });
}

/** The rows of a `query`, typed by the caller. */
export async function rowsOf<T>(client: PgClient, text: string, values: unknown[] = []): Promise<T[]> {
  return (await query(client, text, values)).rows as T[];
}

/** Marks the store's content as changed, inside the transaction that changes it. */
export async function bumpContentVersion(client: PgClient): Promise<void> {
  await query(client, 'UPDATE store_version SET version = version + 1');
}

/** `BEGIN` modifiers: writes run at READ COMMITTED; reads that span statements on one snapshot. */
export const SNAPSHOT = 'ISOLATION LEVEL REPEATABLE READ READ ONLY';

/** Runs `fn` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(
  pool: PgPool,
  fn: (client: PgClient) => Promise<T>,
  mode = '',
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A connection lost while checked out (the server restarting) is reported here, not as an
  // unhandled 'error' event that would end the process; the query in flight fails on its own.
  const lost = () => (broken = true);
  client.on('error', lost);
  try {
    await client.query(mode ? `BEGIN ${mode}` : 'BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    // A connection that cannot even roll back is gone (the server restarted): not reused.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw err;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

/** Applies the migrations newer than the store's version in one transaction; returns the version. */
export async function migrate(pool: PgPool, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM migrations');
    const current = rows[0]?.v ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known)
      throw new Error(`the store has schema version ${current}, newer than this storyline knows (${known})`);
    for (const m of migrations.filter((m) => m.version > current)) {
      await client.query(m.sql);
      await client.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
    return known;
  });
}
