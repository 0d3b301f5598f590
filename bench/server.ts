/**
 * HTTP load benchmark of the explorer (`npm run bench:server -- --db PATH [--fill]`): autocannon on
 * loopback against a store of at least 10,000 articles, for search, entity profile and entity
 * timeline; target >= 500 requests/s each with p99 < 50 ms and no errors. Our server runs twice:
 * as `storyline serve` runs it (answers cached per store version; the bench asks the same few
 * questions again and again, so after the first round every answer is a cache hit), and with the
 * cache off (every request reaches the store). The peer, measured in the same run on the same
 * store, is a bare node:http server making the same store calls with no framework, validation,
 * security headers or cache: the floor our uncached server's overhead sits on. The load
 * generator runs in a child process, but it and the server share the machine's 2 cores.
 * `--fill` first tops the store up to 10,000 articles with variants of the analysed AEB pages
 * (bench/store-variants.ts) through `putArticles`, then links them.
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApp, startServer, workerAnalyzer, type ExplorerStore } from '../src/server/index.js';
import type { StoredArticle } from '../src/store/types.js';
import { defaultLinkers } from '../src/link/index.js';
import { linkPending, openStore, StoreOpenError, type CorpusStore } from '../src/store/index.js';
import { AEB_HTML, analyseAebPages, variantMaker } from './store-variants.js';

const TARGET_ARTICLES = 10_000;
const TARGET_RPS = 500;
const TARGET_P99_MS = 50;
const SNIPPET_MARKERS = { open: '\uE000', close: '\uE001' };
const SEARCH_WORDS = ['talks', 'minister', 'envoy', 'sanctions', 'president', 'visit', 'army', 'trade'];

interface LoadJob {
  name: string;
  base: string;
  paths: string[];
}
interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const DURATION_S = Number(option('--duration') ?? 10);
const CONNECTIONS = Number(option('--connections') ?? 10);

/** The child: runs each job with autocannon, paths taken in turn, and reports the figures. */
async function runLoad(jobs: LoadJob[]): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const job of jobs) {
    let turn = 0;
    const result = await autocannon({
      url: job.base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          setupRequest: (req) => ({ ...req, path: job.paths[turn++ % job.paths.length]! }),
        },
      ],
    });
    results.push({
      name: job.name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
    });
  }
  return results;
}

function loadInChild(jobs: LoadJob[]): Promise<LoadResult[]> {
  const child = fork(fileURLToPath(import.meta.url), ['--load'], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (results) => resolve(results as LoadResult[]));
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`load generator exited with ${code}`)));
    child.send(jobs);
  });
}

/**
 * Tops the store up to TARGET_ARTICLES with variants of the analysed AEB pages (paragraphs of
 * several real articles recombined, their layers moved with them; bench/store-variants.ts), then
 * links them as ingest does, so entity profiles and timelines are real linked data.
 */
async function fill(store: CorpusStore, have: number): Promise<void> {
  const { articles } = await analyseAebPages(AEB_HTML);
  if (!articles.length) throw new Error(`no AEB page analysed from ${AEB_HTML}`);
  const variant = variantMaker(articles);
  for (let i = have; i < TARGET_ARTICLES;) {
    const batch: StoredArticle[] = [];
    for (; batch.length < 500 && i < TARGET_ARTICLES; i++) batch.push(variant(i));
    await store.putArticles(batch);
  }
  const t0 = Date.now();
  const linked = await linkPending(store, defaultLinkers());
  console.error(`bench/server: linked ${linked} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** The timeline page our route asks for by default: 300 events (one more tells truncation), 5 reports each. */
const TIMELINE_PAGE = { limit: 301, reportsPerEvent: 5 };

/** The peer: the same store calls as our routes behind node:http alone. */
function startPeer(store: ExplorerStore): Promise<{ server: Server; url: string }> {
  // As our route: the profile is read only to tell an empty timeline from an unknown entity.
  const timelineOf = async (entity: string) => {
    const events = await store.timeline({ entity, ...TIMELINE_PAGE });
    return events.length || (await store.getEntity(entity)) ? events : null;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer');
    const [, route, id] = url.pathname.split('/');
    const answer =
      route === 'search'
        ? store.search({ text: url.searchParams.get('q') ?? '' }, { limit: 20, highlight: SNIPPET_MARKERS })
        : route === 'entity'
          ? store.getEntity(id ?? '')
          : timelineOf(id ?? '');
    answer.then(
      (body) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      });
    }),
  );
}

const fmt = (r: LoadResult) => `${Math.round(r.rps)} req/s, p50/p99 ${r.p50}/${r.p99} ms, ${r.errors} errors`;

/** Serves `store` on loopback, ours and the peer, loads both, prints the table; false when a target is missed. */
export async function benchServer(store: ExplorerStore): Promise<boolean> {
  const top = (await store.facets({})).entities.slice(0, 20);
  const ids = (
    await Promise.all(top.map(async (f) => (await store.findEntities(f.value, { limit: 1 }))[0]?.id))
  )
    .filter((id) => id !== undefined)
    .map(encodeURIComponent);
  if (!ids.length) throw new Error('the store has no entities to ask about');

  const analyzer = workerAnalyzer();
  const listen = { host: '127.0.0.1', port: 0, token: null };
  const ours = await startServer(createApp({ store, analyzer }), listen);
  const uncached = await startServer(createApp({ store, analyzer, responseCache: null }), listen);
  const peer = await startPeer(store);
  const q = (w: string) => encodeURIComponent(w);
  const routes = (base: string, suffix: string): LoadJob[] => [
    { name: `search${suffix}`, base, paths: SEARCH_WORDS.map((w) => `/api/search?q=${q(w)}`) },
    { name: `entity profile${suffix}`, base, paths: ids.map((id) => `/api/entities/${id}`) },
    { name: `entity timeline${suffix}`, base, paths: ids.map((id) => `/api/entities/${id}/timeline`) },
  ];
  const jobs: LoadJob[] = [
    ...routes(ours.url, ''),
    ...routes(uncached.url, ' (cache off)'),
    { name: 'search (peer)', base: peer.url, paths: SEARCH_WORDS.map((w) => `/search?q=${q(w)}`) },
    { name: 'entity profile (peer)', base: peer.url, paths: ids.map((id) => `/entity/${id}`) },
    { name: 'entity timeline (peer)', base: peer.url, paths: ids.map((id) => `/timeline/${id}`) },
  ];
  try {
    const results = await loadInChild(jobs);
    const named = (name: string) => results.find((r) => r.name === name)!;
    const meets = (r: LoadResult) => r.rps >= TARGET_RPS && r.p99 < TARGET_P99_MS && r.errors === 0;
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_S} s per route, loopback; load generator and server share 2 cores.`,
    );
    console.log(
      '| route | storyline serve | storyline serve, cache off | peer: bare node:http, same store calls | target met (cache on / off) |',
    );
    console.log('|---|---|---|---|---|');
    let met = true;
    for (const ourResult of results.slice(0, 3)) {
      const off = named(`${ourResult.name} (cache off)`);
      const peerResult = named(`${ourResult.name} (peer)`);
      met &&= meets(ourResult);
      const verdict = `${meets(ourResult) ? 'yes' : 'NO'} / ${meets(off) ? 'yes' : 'NO'}`;
      console.log(
        `| ${ourResult.name} | ${fmt(ourResult)} | ${fmt(off)} | ${fmt(peerResult)} | ${verdict} |`,
      );
    }
    return met;
  } finally {
    await ours.close();
    await uncached.close();
    await new Promise((resolve) => peer.server.close(resolve));
    await analyzer.close();
  }
}

async function main(): Promise<number> {
  const dbSpec = option('--db') ?? process.env.STORYLINE_DB;
  if (!dbSpec) {
    console.error('bench/server: give --db PATH (a store of >= 10,000 articles, or add --fill)');
    return 2;
  }
  let store: CorpusStore;
  try {
    store = await openStore(dbSpec);
  } catch (err) {
    if (err instanceof StoreOpenError) {
      console.error(`bench/server: no store available, nothing measured (${err.message})`);
      return 2;
    }
    throw err;
  }
  try {
    let { articles } = await store.stats();
    if (articles < TARGET_ARTICLES && process.argv.includes('--fill')) {
      await fill(store, articles);
      ({ articles } = await store.stats());
    }
    if (articles < TARGET_ARTICLES) {
      console.error(
        `bench/server: the store has ${articles} articles; the target needs ${TARGET_ARTICLES} (add --fill)`,
      );
      return 2;
    }
    console.log(`store: ${dbSpec} (${store.kind}), ${articles} articles`);
    return (await benchServer(store)) ? 0 : 1;
  } finally {
    await store.close();
  }
}

if (process.argv.includes('--load')) {
  process.once('message', (jobs) => {
    void runLoad(jobs as LoadJob[]).then((results) => process.send!(results, () => process.exit(0)));
  });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
