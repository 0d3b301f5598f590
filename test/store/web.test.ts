// Fetching and feeds against a local server on 127.0.0.1: good, slow, huge, 404, flaky and
// redirect-looping answers; RSS and Atom feeds; per-host limits; items already stored not fetched.
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/doc/index.js';
import { Fetcher, readFeeds, readPages, USER_AGENT, type RawArticle } from '../../src/ingest/index.js';
import { ingestInto } from '../../src/store/ingest.js';
import { SqliteStore } from '../../src/store/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-web-'));

const page = (title: string, sentence: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${sentence}</p><p>Officials said they would say more on Friday, after the committee had met again.</p>` +
  '<p>Local businesses told the city council that the delay had cost them customers over the past week, ' +
  'and the council promised to publish a full report on the matter before the end of the month.</p>' +
  '</article></body></html>';

const PAGES: Record<string, string> = {
  '/news/ferries': page(
    'Ferries stay in port',
    'The harbour authority in Lisbon said on Monday that ferries would stay in port.',
  ),
  '/news/bridge': page(
    'Bridge reopens',
    'Engineers in Porto reopened the old bridge on Tuesday after three weeks of repairs.',
  ),
  '/news/rail': page(
    'Rail strike ends',
    'Rail workers in Madrid ended their strike on Wednesday after a pay agreement.',
  ),
};

let base = '';
const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;
const agents = new Set<string>();

function rss(items: string[]): string {
  const entries = items
    .map(
      (p, i) =>
        `<item><title>Item ${i}</title><link>${base}${p}</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title><link>${base}/</link>${entries}</channel></rss>`;
}

function atom(items: string[]): string {
  const entries = items
    .map(
      (p, i) =>
        `<entry><title>Entry ${i}</title><link href="${base}${p}"/><id>${base}${p}</id><updated>2024-03-05T08:00:00Z</updated></entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title>${entries}</feed>`;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  hits.set(url, (hits.get(url) ?? 0) + 1);
  agents.add(req.headers['user-agent'] ?? '');
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  res.on('close', () => inFlight--);
  if (url.startsWith('/slow-page/')) await new Promise((r) => setTimeout(r, 80));
  if (PAGES[url] || url.startsWith('/slow-page/')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      PAGES[url] ??
        page(`Slow ${url}`, `The port of Vigo said on Thursday that page ${url} had loaded slowly.`),
    );
  } else if (url === '/hang') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The start of a page that never ends');
    // never ends: the client's timeout must give up
  } else if (url === '/huge') {
    res.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: the cap must hold while streaming
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 64 && !res.destroyed; i++) if (!res.write(chunk)) await once(res, 'drain');
    res.end();
  } else if (url === '/loop') {
    res.writeHead(302, { location: '/loop-b' }).end();
  } else if (url === '/loop-b') {
    res.writeHead(301, { location: '/loop' }).end();
  } else if (url === '/moved') {
    res.writeHead(302, { location: '/news/bridge' }).end();
  } else if (url === '/flaky' && hits.get(url) === 1) {
    res.writeHead(503, { 'retry-after': '0' }).end();
  } else if (url === '/flaky') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGES['/news/rail']);
  } else if (url === '/image') {
    res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(100));
  } else if (url === '/feed.rss') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss(['/news/ferries', '/news/bridge', '/missing', '/loop', '/huge']));
  } else if (url === '/feed.atom') {
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(atom(['/news/rail', '/news/ferries']));
  } else if (url === '/busy.rss') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss(Array.from({ length: 8 }, (_, i) => `/slow-page/${i}`)));
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  }
}

const server = createServer((req, res) => void handle(req, res));
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetcher = () =>
  new Fetcher({ timeoutMs: 300, maxBytes: 1024 * 1024, retries: 1, backoffMs: 5, perHost: 2 });

async function collect(gen: AsyncIterable<Result<RawArticle>>) {
  const out: Result<RawArticle>[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

const outcome = (r: Result<RawArticle>) =>
  r.ok ? `ok ${r.value.url}` : `${r.error.code} ${r.error.message}`;

describe('Fetcher', () => {
  it.each([
    ['/news/ferries', /^ok /],
    ['/moved', /^ok /],
    ['/missing', /^E_HTTP .*404/],
    ['/loop', /^E_FETCH .*redirect loop/],
    ['/huge', /^E_TOO_LARGE/],
    ['/hang', /^E_FETCH .*within 300 ms/],
    ['/image', /^E_NOT_PAGE .*image\/png/],
    ['/flaky', /^ok /],
  ])('%s -> %s', async (route, expected) => {
    const [r] = await collect(readPages(fetcher(), [{ url: `${base}${route}`, input: route }]));
    expect(outcome(r!)).toMatch(expected);
  });

  it('reads the article, keeps the asked-for URL and names the host as source', async () => {
    const [r] = await collect(readPages(fetcher(), [{ url: `${base}/moved`, input: 'moved' }]));
    expect(r!.ok && r!.value.html).toContain('Porto');
    expect(r!.ok && r!.value.url).toBe(`${base}/moved`);
    expect(r!.ok && r!.value.source).toBe('127.0.0.1');
    expect(agents).toContain(USER_AGENT);
  });

  it('refuses addresses that are not http(s)', async () => {
    const r = await fetcher().fetch('file:///etc/passwd', 'x');
    expect(!r.ok && r.error.code).toBe('E_FETCH');
  });
});

describe('feeds', () => {
  it('reads RSS and Atom items in order, one failure per bad item, at most 2 requests per host', async () => {
    maxInFlight = 0;
    const out = await collect(
      readFeeds([`${base}/feed.rss`, `${base}/feed.atom`, `${base}/busy.rss`], fetcher(), {
        known: async () => new Set(),
      }),
    );
    expect(out.map((r) => (r.ok ? new URL(r.value.url!).pathname : r.error.code))).toEqual([
      '/news/ferries',
      '/news/bridge',
      'E_HTTP',
      'E_FETCH',
      'E_TOO_LARGE',
      '/news/rail',
      '/news/ferries',
      ...Array.from({ length: 8 }, (_, i) => `/slow-page/${i}`),
    ]);
    const first = out[0]!;
    expect(first.ok && first.value.title).toBe('Item 0');
    expect(first.ok && first.value.published).toBe('2024-03-04T10:00:00.000Z');
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(2); // and the limit is used, not one at a time
  });

  it('reports a feed file that is not a feed, and goes on', async () => {
    const notFeed = path.join(dir, 'not-a-feed.xml');
    writeFileSync(notFeed, '<html><body>hello</body></html>');
    const out = await collect(
      readFeeds([notFeed, `${base}/feed.atom`], fetcher(), { known: async () => new Set() }),
    );
    expect(out.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['E_BAD_FEED', 'ok', 'ok']);
  });

  it('ingests a feed into the store, then skips stored items without fetching them', async () => {
    const store = new SqliteStore(path.join(dir, 'feed.db'));
    const known = async (urls: readonly string[]) => new Set((await store.articlesByUrl(urls)).keys());
    const run = async () => {
      let skipped = 0;
      const raws = readFeeds([`${base}/feed.rss`], fetcher(), { known, onKnown: () => skipped++ });
      const summary = await ingestInto(store, raws, { pipelineVersion: 'test' });
      return { ...summary, unchanged: summary.unchanged + skipped };
    };
    expect(await run()).toEqual({ added: 2, updated: 0, unchanged: 0, failed: 3, articles: 2 });
    const before = hits.get('/news/ferries');
    expect(await run()).toEqual({ added: 0, updated: 0, unchanged: 2, failed: 3, articles: 2 });
    expect(hits.get('/news/ferries')).toBe(before);
    const [hit] = await store.search({ text: 'ferries' });
    expect(hit?.title).toBe('Item 0'); // the feed's title wins over the page's
    await store.close();
  });
});
