// The SQLite store: the shared Store contract, plus what only SQLite has (migrations, WAL, integrity).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { article, runStoreContract } from '../store.case.test.js';
import { runLinkContract } from '../link.case.test.js';
import { MIGRATIONS } from './migrations/index.js';
import { StoreOpenError } from '../open-error.js';
import { migrate, openSqlite } from './open.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => path.join(dir, `store-${n++}.db`);

runStoreContract('sqlite', async () => new SqliteStore(freshFile()));
runLinkContract('sqlite', async () => new SqliteStore(freshFile()));

describe('SqliteStore on disk', () => {
  it('applies migrations once, records them, and keeps data across opens', async () => {
    const file = freshFile();
    const store = new SqliteStore(file);
    await store.putArticles([article('k1', 'Kept across opens.')]);
    await store.close();
    const reopened = new SqliteStore(file);
    expect((await reopened.stats()).articles).toBe(1);
    const rows = reopened.connection.prepare('SELECT version, name FROM migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(reopened.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(reopened.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    await reopened.close();
  });

  it('applies a later, additive migration on open without touching earlier data', async () => {
    const file = freshFile();
    const store = new SqliteStore(file);
    await store.putArticles([article('k2', 'Before the new table.')]);
    await store.close();
    const db = openSqlite(file);
    const later = [...MIGRATIONS, { version: 99, name: 'links', sql: 'CREATE TABLE links (a INTEGER)' }];
    expect(migrate(db, later)).toBe(99);
    expect(migrate(db, later)).toBe(99);
    expect(db.prepare('SELECT COUNT(*) AS n FROM articles').get()).toEqual({ n: 1 });
    db.close();
    // an older storyline refuses a newer store instead of misreading it
    expect(() => new SqliteStore(file)).toThrow(/newer than this storyline knows/);
  });

  it('refuses a file that is not a database with a clear error', () => {
    const file = freshFile();
    new Database(file).close();
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just text '.repeat(200));
    expect(() => new SqliteStore(junk)).toThrow(StoreOpenError);
  });

  it('keeps the full-text index in step with replacements', async () => {
    const store = new SqliteStore(freshFile());
    await store.putArticles([article('r1', 'Old words about lighthouses.')]);
    await store.putArticles([article('r1', 'New words about windmills.', { hash: 'h2' })]);
    expect(await store.search({ text: 'lighthouses' })).toEqual([]);
    expect((await store.search({ text: 'windmills' })).map((h) => h.id)).toEqual(['r1']);
    store.connection.exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
    await store.close();
  });

  it('names a new content version after a write from this or another connection', async () => {
    const file = freshFile();
    const store = new SqliteStore(file);
    const v0 = await store.contentVersion();
    expect(await store.contentVersion()).toBe(v0);
    await store.search({ text: 'anything' });
    expect(await store.contentVersion()).toBe(v0);
    await store.putArticles([article('v1', 'A first version.')]);
    const v1 = await store.contentVersion();
    expect(v1).not.toBe(v0);
    const other = new SqliteStore(file);
    await other.putArticles([article('v2', 'Written by another connection.')]);
    await other.close();
    const v2 = await store.contentVersion();
    expect(v2).not.toBe(v1);
    expect([v0, v1, v2].every((v) => typeof v === 'string')).toBe(true);
    // Inside a write transaction there is no version to trust.
    store.connection.exec('BEGIN IMMEDIATE');
    expect(await store.contentVersion()).toBeNull();
    store.connection.exec('ROLLBACK');
    await store.close();
  });
});
