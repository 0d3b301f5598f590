/**
 * vitest's global setup for the PostgreSQL tests: one fresh database per test run
 * (`storyline_test_<pid>_<time>`, created in the server's `postgres` database and dropped at the
 * end), handed to the test files as `inject('pgUrl')`. The server is `$STORYLINE_TEST_PG` (an
 * admin URL, default `postgres://postgres@127.0.0.1:5432/postgres`). Without a server the
 * PostgreSQL tests are skipped with one line of notice, unless `$STORYLINE_TEST_PG_REQUIRED=1`
 * (CI), where a missing server fails the run.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's own database, or null when no server answers. */
    pgUrl: string | null;
  }
}

export const DEFAULT_TEST_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const admin = process.env.STORYLINE_TEST_PG || DEFAULT_TEST_SERVER;
  const database = `storyline_test_${process.pid}_${Date.now()}`;
  try {
    await adminQuery(admin, `CREATE DATABASE ${database}`);
  } catch (err) {
    if (process.env.STORYLINE_TEST_PG_REQUIRED === '1')
      throw new Error(`PostgreSQL tests required, but ${admin} cannot be used: ${(err as Error).message}`, {
        cause: err,
      });
    console.log(`PostgreSQL tests skipped: no server at ${admin} (${(err as Error).message})`);
    project.provide('pgUrl', null);
    return;
  }
  const url = new URL(admin);
  url.pathname = `/${database}`;
  project.provide('pgUrl', url.toString());
  return async () => {
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
}
