// The PostgreSQL store: the shared Store and link contracts on a real server, plus what only PostgreSQL has
// (concurrent openers and writers, versioned migrations in a shared database, connection errors).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshSchemaUrl, PG_URL } from '../../../test/postgres/schemas.js';
import { StoreOpenError } from '../open-error.js';
import { article, runStoreContract } from '../store.case.test.js';
import { LINK_CORPUS, runLinkContract } from '../link.case.test.js';
import { linkPending } from '../link-pass.js';
import { defaultLinkers } from '../../link/index.js';
import { migrate, createPool } from './connect.js';
import { MIGRATIONS } from './migrations/index.js';
import { PostgresStore } from './postgres-store.js';

const fresh = async () => PostgresStore.open(await freshSchemaUrl());

describe.skipIf(!PG_URL)('postgres', () => {
  runStoreContract('postgres', fresh);
  runLinkContract('postgres', fresh);

  describe('PostgresStore on a server', () => {
    it('applies migrations once when several processes open a new store together', async () => {
      const url = await freshSchemaUrl();
      const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(url)));
      const { rows } = await stores[0]!.pool.query('SELECT version, name FROM migrations ORDER BY version');
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      await Promise.all(stores.map((s) => s.close()));
    });

    it('applies a later migration on open and refuses a store newer than it knows', async () => {
      const url = await freshSchemaUrl();
      const store = await PostgresStore.open(url);
      await store.putArticles([article('k1', 'Before the new table.')]);
      await store.close();
      const pool = createPool(url);
      const later = [...MIGRATIONS, { version: 99, name: 'links', sql: 'CREATE TABLE links (a bigint)' }];
      expect(await migrate(pool, later)).toBe(99);
      expect(await migrate(pool, later)).toBe(99);
      expect((await pool.query('SELECT count(*) AS n FROM articles')).rows).toEqual([{ n: 1 }]);
      await pool.end();
      await expect(PostgresStore.open(url)).rejects.toThrow(/newer than this storyline knows/);
    });

    it('writes each id once when two stores write overlapping batches at the same time', async () => {
      const url = await freshSchemaUrl();
      const [left, right] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      const batch = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, i) => article(`c${from + i}`, `Shared note ${from + i}.`));
      // opposite orders: locks are taken in id order, so the two never deadlock
      const outcomes = await Promise.all([
        left.putArticles(batch(0, 60)),
        right.putArticles(batch(30, 90).reverse()),
      ]);
      const all = outcomes.flat();
      expect(all.filter((o) => o === 'added').length).toBe(90);
      expect(all.filter((o) => o === 'unchanged').length).toBe(30);
      expect((await left.stats()).articles).toBe(90);
      await Promise.all([left.close(), right.close()]);
    });

    it('links each article once when two linkers run at the same time, as one linker would', async () => {
      const [alone, url] = [await fresh(), await freshSchemaUrl()];
      const [left, right] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      await alone.putArticles(LINK_CORPUS());
      await left.putArticles(LINK_CORPUS());
      const linked = await Promise.all([
        linkPending(left, defaultLinkers(), { batchSize: 1 }),
        linkPending(right, defaultLinkers(), { batchSize: 1 }),
      ]);
      expect(linked[0]! + linked[1]!).toBe(LINK_CORPUS().length);
      await linkPending(alone, defaultLinkers());
      expect(await left.stats()).toEqual(await alone.stats());
      const listing = async (s: PostgresStore) => {
        const out = [];
        for await (const a of s.listArticles()) out.push(a);
        return out;
      };
      expect(await listing(right)).toEqual(await listing(alone));
      await Promise.all([alone.close(), left.close(), right.close()]);
    });

    it('tells another process when a link batch is running', async () => {
      const url = await freshSchemaUrl();
      const [linker, watcher] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      expect(await watcher.linkInProgress()).toBe(false);
      const seen = await linker.linkSession(async () => watcher.linkInProgress());
      expect(seen).toBe(true);
      expect(await watcher.linkInProgress()).toBe(false);
      await Promise.all([linker.close(), watcher.close()]);
    });

    it('names a new content version after a change from any process, and only then', async () => {
      const url = await freshSchemaUrl();
      const [store, other] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      const v0 = await store.contentVersion();
      await store.search({ text: 'anything' });
      await linkPending(store, defaultLinkers());
      expect(await store.contentVersion()).toBe(v0);
      await other.putArticles(LINK_CORPUS());
      const v1 = await store.contentVersion();
      expect(v1).not.toBe(v0);
      await other.putArticles(LINK_CORPUS());
      expect(await store.contentVersion()).toBe(v1);
      await linkPending(other, defaultLinkers());
      const v2 = await store.contentVersion();
      expect(v2).not.toBe(v1);
      await linkPending(other, defaultLinkers());
      expect(await store.contentVersion()).toBe(v2);
      await other.unlinkAll();
      expect(await store.contentVersion()).not.toBe(v2);
      await Promise.all([store.close(), other.close()]);
    });

    it('keeps the full-text index in step with replacements, and a batch repeating an id keeps the last', async () => {
      const store = await fresh();
      await store.putArticles([article('r1', 'Old words about lighthouses.')]);
      await store.putArticles([
        article('r1', 'Newer words about windmills.', { hash: 'h2' }),
        article('r1', 'Newest words about watermills.', {
          hash: 'h3',
          mentions: [['watermills', 'MISC', 'Mill', null]],
        }),
      ]);
      expect(await store.search({ text: 'lighthouses' })).toEqual([]);
      expect(await store.search({ text: 'windmills' })).toEqual([]);
      expect((await store.search({ text: 'watermills' })).map((h) => h.id)).toEqual(['r1']);
      expect((await store.getArticle('r1'))!.entities).toHaveLength(1);
      expect((await store.stats()).articles).toBe(1);
      await store.close();
    });

    it.each([
      ['"', '"'],
      ['<b class="x">', '</b>'],
      ['[, ', ' ,]'],
    ])('marks snippets with %j and %j as given', async (open, close) => {
      const store = await fresh();
      await store.putArticles([article('s1', 'The harbour master spoke about the tide.')]);
      const [hit] = await store.search({ text: 'tide' }, { highlight: { open, close } });
      expect(hit!.snippet).toContain(`${open}tide${close}`);
      await store.close();
    });

    it('stems English words in queries and text alike', async () => {
      const store = await fresh();
      await store.putArticles([article('e1', 'Two ferries crossed the strait.'), article('e2', 'A bridge.')]);
      expect((await store.search({ text: 'ferry' })).map((h) => h.id)).toEqual(['e1']);
      expect((await store.search({ text: 'crossing' })).map((h) => h.id)).toEqual(['e1']);
      await store.close();
    });
  });
});

describe('opening a PostgreSQL store that cannot be used', () => {
  it('is a StoreOpenError naming the server without its password', async () => {
    // a port nobody listens on: the connection is refused at once
    const url = 'postgres://someone:secret-word@127.0.0.1:9/nothing';
    const err = await PostgresStore.open(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as Error).message).toContain('postgres://someone:***@127.0.0.1:9/nothing');
    expect((err as Error).message).not.toContain('secret-word');
  });

  it.skipIf(!PG_URL)('is a StoreOpenError for a database that does not exist', async () => {
    const url = new URL(PG_URL!);
    url.pathname = '/storyline_no_such_database';
    await expect(PostgresStore.open(url.toString())).rejects.toThrow(/does not exist/);
    // the pool was closed: nothing keeps the process alive
    expect(pg).toBeDefined();
  });
});
