/**
 * Fresh, empty PostgreSQL stores for tests: each one a schema of its own in the test run's
 * database (`global-setup.ts`), selected by the URL's `options=-c search_path=…`, so tests never
 * see each other's rows and the whole run is dropped with its database.
 */
import pg from 'pg';
import { inject } from 'vitest';

/** The test run's database, or null when there is no server (the tests skip). */
export const PG_URL: string | null = inject('pgUrl');

let made = 0;

/** A URL whose connections use a new, empty schema of the test database. */
export async function freshSchemaUrl(base = PG_URL): Promise<string> {
  if (!base) throw new Error('no PostgreSQL test database');
  const schema = `t${process.pid}_${made++}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
