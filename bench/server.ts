/**
 * HTTP load benchmark of the explorer (`npm run bench:server -- --db PATH [--fill]`): autocannon on
 * loopback against a store of at least 10,000 articles, for search, entity profile and entity
 * timeline; target >= 500 requests/s each with p99 < 50 ms and no errors. The peer, measured in
 * the same run on the same store, is a bare node:http server making the same store calls with
 * no framework, validation or security headers: the floor our server's overhead sits on.
 * The load generator runs in a child process, but it and the server share the machine's 2 cores.
 * `--fill` first tops the store up to 10,000 articles with variants of the analysed AEB pages
 * (bench/store-variants.ts) through `putArticles`, then links them.
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApp, startServer, workerAnalyzer, type ExplorerStore } from '../src/server/index.js';
import type { StoredArticle } from '../src/store/types.js';
import { defaultLinkers } from '../src/link/index.js';
import { linkPending, openStore, StoreOpenError, type CorpusStore } from '../src/store/index.js';
import { analyseAebPages, variantMaker } from './store-variants.js';
import { SHARED_DATA } from './shared-articles.js';

const TARGET_ARTICLES = 10_000;
const AEB = path.join(SHARED_DATA, 'extraction', 'aeb', 'html');
const TARGET_RPS = 500;
const TARGET_P99_MS = 50;
const SEARCH_WORDS = ['talks', 'minister', 'envoy', 'sanctions', 'president', 'visit', 'army', 'trade'];

interface LoadJob {
  name: string;
  base: string;
  paths: string[];
}
interface LoadResult {
  name: string;
  rps: number;
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
  const { articles } = await analyseAebPages(AEB);
  if (!articles.length) throw new Error(`no AEB page analysed from ${AEB}`);
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

/** The peer: the same store calls behind node:http alone. */
function startPeer(store: ExplorerStore): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer');
    const [, route, id] = url.pathname.split('/');
    const answer =
      route === 'search'
        ? store.search({ text: url.searchParams.get('q') ?? '' }, { limit: 20 })
        : route === 'entity'
          ? store.getEntity(id ?? '')
          : store.timeline({ entity: id ?? '', limit: 1000 });
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

const fmt = (r: LoadResult) => `${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ${r.errors} errors`;

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
  const ours = await startServer(createApp({ store, analyzer }), { host: '127.0.0.1', port: 0, token: null });
  const peer = await startPeer(store);
  const q = (w: string) => encodeURIComponent(w);
  const jobs: LoadJob[] = [
    { name: 'search', base: ours.url, paths: SEARCH_WORDS.map((w) => `/api/search?q=${q(w)}`) },
    { name: 'entity profile', base: ours.url, paths: ids.map((id) => `/api/entities/${id}`) },
    { name: 'entity timeline', base: ours.url, paths: ids.map((id) => `/api/entities/${id}/timeline`) },
    { name: 'search (peer)', base: peer.url, paths: SEARCH_WORDS.map((w) => `/search?q=${q(w)}`) },
    { name: 'entity profile (peer)', base: peer.url, paths: ids.map((id) => `/entity/${id}`) },
    { name: 'entity timeline (peer)', base: peer.url, paths: ids.map((id) => `/timeline/${id}`) },
  ];
  try {
    const results = await loadInChild(jobs);
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_S} s per route, loopback; load generator and server share 2 cores.`,
    );
    console.log('| route | storyline serve | peer: bare node:http, same store calls | target met |');
    console.log('|---|---|---|---|');
    let met = true;
    for (const ourResult of results.slice(0, 3)) {
      const peerResult = results.find((r) => r.name === `${ourResult.name} (peer)`)!;
      const ok = ourResult.rps >= TARGET_RPS && ourResult.p99 < TARGET_P99_MS && ourResult.errors === 0;
      met &&= ok;
      console.log(`| ${ourResult.name} | ${fmt(ourResult)} | ${fmt(peerResult)} | ${ok ? 'yes' : 'NO'} |`);
    }
    return met;
  } finally {
    await ours.close();
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
