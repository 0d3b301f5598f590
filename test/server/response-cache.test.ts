/**
 * The cache of `GET /api/` answers: bounded by bytes (least recently used out first), one store
 * version at a time, and through the app: a repeated question is answered without asking the
 * store, a write is seen by the next request, and a store that cannot name its version is
 * always asked.
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { ResponseCache } from '../../src/server/response-cache.js';
import { inProcessAnalyzer } from './analyzers.js';
import { fixtureStore } from './fixtures.js';

const answer = (bytes: number) => ({
  body: new Uint8Array(bytes),
  contentType: 'application/json',
});

describe('ResponseCache', () => {
  it('keeps at most maxBytes, dropping the least recently used first', () => {
    const cache = new ResponseCache({ maxBytes: 300, maxEntryBytes: 200 });
    cache.set('v1', 'a', answer(99));
    cache.set('v1', 'b', answer(99));
    cache.set('v1', 'c', answer(99));
    expect(cache.get('v1', 'a')).toBeDefined(); // now the most recently used
    cache.set('v1', 'd', answer(99));
    expect(cache.get('v1', 'b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get('v1', k)?.body.byteLength)).toEqual([99, 99, 99]);
    expect(cache.size).toEqual({ entries: 3, bytes: 300 });
  });

  it('does not keep an answer larger than maxEntryBytes', () => {
    const cache = new ResponseCache({ maxBytes: 1000, maxEntryBytes: 100 });
    cache.set('v1', 'big', answer(200));
    expect(cache.get('v1', 'big')).toBeUndefined();
    expect(cache.size.bytes).toBe(0);
  });

  it('forgets everything when the store version changes', () => {
    const cache = new ResponseCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    cache.set('v1', 'a', answer(10));
    expect(cache.get('v2', 'a')).toBeUndefined();
    cache.set('v2', 'b', answer(10));
    expect(cache.get('v1', 'a')).toBeUndefined();
    expect(cache.size.entries).toBe(1);
  });
});

/** The fixture store with a version that every write bumps. */
function versionedStore() {
  const store = fixtureStore();
  let version = 0;
  const put = store.putArticles.bind(store);
  return Object.assign(store, {
    contentVersion: async () => `v${version}`,
    putArticles: async (articles: Parameters<typeof put>[0]) => {
      version++;
      return put(articles);
    },
  });
}

const text = 'Norway said on Friday it would send an envoy to Chile next week.';

describe('cached answers in the app', () => {
  it('answers a repeated GET from the cache, byte for byte', async () => {
    const store = versionedStore();
    const search = vi.spyOn(store, 'search');
    const app = createApp({ store, analyzer: inProcessAnalyzer });
    const first = await app.request('/api/search?q=envoy');
    const again = await app.request('/api/search?q=envoy');
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('x-content-type-options')).toBe('nosniff');
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(await again.text()).toBe(await first.text());
    expect(search).toHaveBeenCalledTimes(1);
    await app.request('/api/search?q=envoy&limit=5');
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('sees a write on the next request', async () => {
    const store = versionedStore();
    const app = createApp({ store, analyzer: inProcessAnalyzer });
    const hits = async () =>
      ((await (await app.request('/api/search?q=Chile')).json()) as { hits: unknown[] }).hits;
    const before = (await hits()).length;
    const post = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, store: true }),
    });
    expect(post.status).toBe(200);
    expect((await hits()).length).toBe(before + 1);
  });

  it('keeps no error answers', async () => {
    const store = versionedStore();
    const getEntity = vi.spyOn(store, 'getEntity');
    const app = createApp({ store, analyzer: inProcessAnalyzer });
    expect((await app.request('/api/entities/e999999')).status).toBe(404);
    expect((await app.request('/api/entities/e999999')).status).toBe(404);
    expect(getEntity).toHaveBeenCalledTimes(2);
  });

  it('always asks a store that cannot name its version, or when the cache is off', async () => {
    for (const [store, responseCache] of [
      [fixtureStore(), undefined],
      [versionedStore(), null],
    ] as const) {
      const search = vi.spyOn(store, 'search');
      const app = createApp({ store, analyzer: inProcessAnalyzer, responseCache });
      await app.request('/api/search?q=envoy');
      await app.request('/api/search?q=envoy');
      expect(search).toHaveBeenCalledTimes(2);
    }
  });
});
