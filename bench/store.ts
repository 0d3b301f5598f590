/**
 * The store's benchmark (`npx tsx bench/store.ts [--articles N] [--runs R]`):
 *  1. ingest throughput against `analyze` on the same AEB pages in the same run (both CLI
 *     processes from dist/, alternated, medians): the store's cost is the ratio minus one, for
 *     `ingest --no-link` (the store alone) and for `ingest` (with the link pass at its end);
 *  2. a store of N (default 100,000) articles built from variants of the analysed AEB pages
 *     (paragraphs of several real articles recombined, their annotations moved with them) in a
 *     temp dir, never committed: bulk write rate, database bytes per article beside the JSON
 *     Lines size, search latency p50/p99 beside a LIKE scan (the peer without an index), and
 *     export rates with the process's peak memory.
 * `--articles 0` skips part 2. Needs ../shared/data/extraction/aeb/html; builds dist/ first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeShape, gdeltRows } from '../src/store/export/index.js';
import { SqliteStore, type StoredArticle } from '../src/store/index.js';
import {
  AEB_HTML,
  childCpuSeconds,
  numberArg,
  percentile,
  prepareAebPages,
  ROOT,
  SEARCH_QUERIES,
  timeSearches,
  variantMaker,
} from './store-variants.js';

const N = numberArg('--articles', 100_000);
const RUNS = numberArg('--runs', 3);
/** `--keep FILE`: build the large store there and keep it (reused when it already holds N articles). */
const keep = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;

const median = (xs: number[]) => percentile(xs, 0.5);
const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

if (!existsSync(AEB_HTML)) {
  console.log(`bench/store: ${AEB_HTML} is missing; nothing measured`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'storyline-bench-store-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The pages both commands can analyse (pages that fail are left out of both sides).
const pagesDir = path.join(work, 'pages');
const { articles: analysed } = await prepareAebPages(pagesDir);
const pages = readdirSync(pagesDir).length;

// 1. ingest against analyze.
const cli = path.join(ROOT, 'bin/storyline.js');
const hasJobs = spawnSync(process.execPath, [cli, 'analyze', '--help'], { encoding: 'utf8' }).stdout.includes(
  '--jobs',
);
const timeCli = (args: string[]) => {
  const cpu0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (res.status !== 0 && res.status !== 1)
    throw new Error(`storyline ${args.join(' ')} failed: ${res.stderr}`);
  return { wall: since(t0) / 1000, cpu: childCpuSeconds() - cpu0 };
};
type Timing = { wall: number; cpu: number };
const runs: { analyze: Timing; stored: Timing; ingest: Timing }[] = [];
for (let r = 0; r < RUNS; r++)
  runs.push({
    analyze: timeCli(['analyze', ...(hasJobs ? ['--jobs', '2'] : []), pagesDir]),
    // The store alone, then with the link pass that ingest runs at the end (issue: linking).
    stored: timeCli([
      'ingest',
      '--jobs',
      '2',
      '--no-link',
      pagesDir,
      '--db',
      path.join(work, `stored-${r}.db`),
    ]),
    ingest: timeCli(['ingest', '--jobs', '2', pagesDir, '--db', path.join(work, `ingest-${r}.db`)]),
  });
if (RUNS > 0) {
  const cost = (pick: (r: (typeof runs)[number]) => Timing) => {
    const ratio = (k: keyof Timing) => median(runs.map((r) => pick(r)[k] / r.analyze[k]));
    return `CPU ${((ratio('cpu') - 1) * 100).toFixed(1)}%, wall ${((ratio('wall') - 1) * 100).toFixed(1)}%`;
  };
  const analyzeName = `storyline analyze${hasJobs ? ' --jobs 2' : ' (this build has no --jobs: sequential)'}`;
  const row = (name: string, xs: { wall: number; cpu: number }[]) =>
    `| ${name} | ${median(xs.map((x) => x.cpu)).toFixed(2)} | ${median(xs.map((x) => x.wall)).toFixed(2)} | ${(pages / median(xs.map((x) => x.wall))).toFixed(2)} |`;
  console.log(
    `\n## ingest against analyze: ${pages} AEB pages, ${RUNS} alternated runs each, medians (${availableParallelism()} cores)`,
  );
  console.log('| command | CPU s | wall s | pages/s (wall) |\n|---|---|---|---|');
  console.log(
    row(
      analyzeName,
      runs.map((r) => r.analyze),
    ),
  );
  console.log(
    row(
      'storyline ingest --jobs 2 --no-link, into a fresh store',
      runs.map((r) => r.stored),
    ),
  );
  console.log(
    row(
      'storyline ingest --jobs 2 (linked at the end), into a fresh store',
      runs.map((r) => r.ingest),
    ),
  );
  console.log(`store cost (median of ingest --no-link / analyze pair by pair): ${cost((r) => r.stored)}`);
  console.log(`store and link pass (median of ingest / analyze pair by pair): ${cost((r) => r.ingest)}`);
}
if (N === 0) process.exit(0);

// 2. A large store from variants: paragraphs of several analysed pages recombined.
const variant = variantMaker(analysed);

const dbFile = keep ?? path.join(work, 'large.db');
const store = new SqliteStore(dbFile);
const reuse = (await store.countArticles()) === N;
let jsonlBytes = 0;
const t0 = process.hrtime.bigint();
for (let n = 0; n < N && !reuse; n += 1000) {
  const batch = Array.from({ length: Math.min(1000, N - n) }, (_, k) => variant(n + k));
  for (const v of batch) jsonlBytes += Buffer.byteLength(analyzeShape(v));
  await store.putArticles(batch);
}
const writeS = since(t0) / 1000;
store.connection.pragma('wal_checkpoint(TRUNCATE)');
const dbBytes = statSync(dbFile).size;
console.log(
  `\n## a store of ${N.toLocaleString('en')} articles (variants of ${analysed.length} analysed AEB pages)`,
);
if (!reuse)
  console.log(
    `bulk write: ${(N / writeS).toFixed(0)} articles/s in batches of 1,000 (${writeS.toFixed(1)} s)`,
  );
console.log(
  `database: ${mb(dbBytes)} MB, ${(dbBytes / N).toFixed(0)} bytes per article (the same articles as analyze JSON Lines: ${(jsonlBytes / N).toFixed(0)} bytes per article)`,
);

const searches = await timeSearches(store);
// The peer reads every body, as ranking must consider every hit: a LIKE scan counting them.
const like = store.connection.prepare("SELECT COUNT(*) AS n FROM articles WHERE body LIKE '%' || ? || '%'");
const likeMs: number[] = [];
for (let rep = 0; rep < 3; rep++)
  for (const [, f] of SEARCH_QUERIES.filter(([k]) => k === 'word')) {
    const q0 = process.hrtime.bigint();
    like.all(f.text);
    likeMs.push(since(q0));
  }
const facetMs: number[] = [];
for (const [, f] of SEARCH_QUERIES.slice(0, 6)) {
  const q0 = process.hrtime.bigint();
  await store.facets(f);
  facetMs.push(since(q0));
}
console.log(
  `search (limit 20, ${SEARCH_QUERIES.length} queries x 10 after a warm-up pass): p50 ${searches.p50.toFixed(1)} ms, p99 ${searches.p99.toFixed(1)} ms`,
);
console.log(`  slowest kinds (p50 ms): ${searches.slowest}`);
console.log(
  `  peer, LIKE scan without an index counting the hits (single words): p50 ${median(likeMs).toFixed(0)} ms`,
);
console.log(`  facets over all hits (single words): p50 ${median(facetMs).toFixed(0)} ms`);

async function exportRate(name: string, format: (a: StoredArticle) => string) {
  let n = 0;
  let bytes = 0;
  const before = process.memoryUsage().rss;
  let peak = before;
  const e0 = process.hrtime.bigint();
  for await (const art of store.exportArticles()) {
    bytes += format(art).length;
    if (++n % 2000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const s = since(e0) / 1000;
  console.log(
    `export ${name}: ${(n / s).toFixed(0)} articles/s (${s.toFixed(1)} s, ${mb(bytes)} MB of text), RSS ${mb(before)} MB before, at most ${mb(peak)} MB during`,
  );
}
await exportRate('jsonl', analyzeShape);
await exportRate('gdelt', (art) => {
  const rows = gdeltRows(art);
  return rows.events + rows.mentions;
});
await store.close();
