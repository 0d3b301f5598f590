/**
 * The store's benchmark (`npx tsx bench/store.ts [--articles N] [--runs R]`):
 *  1. ingest throughput against `analyze` on the same AEB pages in the same run (both CLI
 *     processes from dist/, alternated, medians): the store's cost is the ratio minus one;
 *  2. a store of N (default 100,000) articles built from variants of the analysed AEB pages
 *     (paragraphs of several real articles recombined, their annotations moved with them) in a
 *     temp dir, never committed: bulk write rate, database bytes per article beside the JSON
 *     Lines size, search latency p50/p99 beside a LIKE scan (the peer without an index), and
 *     export rates with the process's peak memory.
 * Needs ../shared/data/extraction/aeb/html; builds dist/ first.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJson, type Entity, type Event, type Timex } from '../src/doc/index.js';
import { readInputs } from '../src/ingest/index.js';
import { analyzeRaw } from '../src/pipeline/index.js';
import { analyzeShape, gdeltRows } from '../src/store/export/index.js';
import { SqliteStore, type CorpusFilter, type StoredArticle } from '../src/store/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const AEB = path.join(root, '../shared/data/extraction/aeb/html');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('--articles', 100_000);
const RUNS = arg('--runs', 3);
/** `--keep FILE`: build the large store there and keep it (reused when it already holds N articles). */
const keep = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const median = (xs: number[]) => pct(xs, 0.5);
const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

if (!existsSync(AEB)) {
  console.log(`bench/store: ${AEB} is missing; nothing measured`);
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'storyline-bench-store-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The pages both commands can analyse (pages that fail are left out of both sides).
console.log('building dist/ and analysing the AEB pages once ...');
spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const pagesDir = path.join(work, 'pages');
mkdirSync(pagesDir);
const analysed: StoredArticle[] = [];
for await (const raw of readInputs([AEB])) {
  if (!raw.ok) continue;
  try {
    const doc = analyzeRaw(raw.value);
    if (!doc.ok) continue;
    copyFileSync(raw.value.input, path.join(pagesDir, path.basename(raw.value.input)));
    const at = new Date().toISOString();
    analysed.push({
      ...toJson(doc.value),
      url: null,
      source: null,
      hash: '',
      pipeline_version: 'bench',
      ingested_at: at,
    });
  } catch {
    // a stage's bug on this page: out of both sides
  }
}
const pages = readdirSync(pagesDir).length;

// 1. ingest against analyze.
const cli = path.join(root, 'bin/storyline.js');
const hasJobs = spawnSync(process.execPath, [cli, 'analyze', '--help'], { encoding: 'utf8' }).stdout.includes(
  '--jobs',
);
/** CPU seconds used by this process's waited-for children so far (Linux: /proc/self/stat cutime + cstime). */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  return (Number(fields[13]) + Number(fields[14])) / ticks; // cutime, cstime (fields 16 and 17 of stat)
}
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
const runs: { analyze: { wall: number; cpu: number }; ingest: { wall: number; cpu: number } }[] = [];
for (let r = 0; r < RUNS; r++)
  runs.push({
    analyze: timeCli(['analyze', ...(hasJobs ? ['--jobs', '2'] : []), pagesDir]),
    ingest: timeCli(['ingest', '--jobs', '2', pagesDir, '--db', path.join(work, `ingest-${r}.db`)]),
  });
if (RUNS > 0) {
  const cpuRatio = median(runs.map((r) => r.ingest.cpu / r.analyze.cpu));
  const wallRatio = median(runs.map((r) => r.ingest.wall / r.analyze.wall));
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
      'storyline ingest --jobs 2, into a fresh store',
      runs.map((r) => r.ingest),
    ),
  );
  console.log(
    `store cost (median of ingest/analyze pair by pair): CPU ${((cpuRatio - 1) * 100).toFixed(1)}%, wall ${((wallRatio - 1) * 100).toFixed(1)}%`,
  );
}

// 2. A large store from variants: paragraphs of several analysed pages recombined.
interface Paragraph {
  readonly article: StoredArticle;
  readonly text: string;
  readonly entities: Entity[];
  readonly timexes: Timex[];
  readonly events: Event[];
}
const inside = (s: { start: number; end: number }, from: number, to: number) =>
  s.start >= from && s.end <= to;
const shift = <T extends { start: number; end: number }>(s: T, by: number): T => ({
  ...s,
  start: s.start + by,
  end: s.end + by,
});
const paragraphs: Paragraph[] = analysed.flatMap((art) => {
  let at = 0;
  return art.body.split('\n\n').map((text) => {
    const [from, to] = [at, at + text.length];
    at = to + 2;
    return {
      article: art,
      text,
      entities: (art.entities ?? []).filter((e) => inside(e, from, to)).map((e) => shift(e, -from)),
      timexes: (art.timexes ?? []).filter((t) => inside(t, from, to)).map((t) => shift(t, -from)),
      events: (art.events ?? [])
        .filter((e) => inside(e.evidence, from, to))
        .map((e) => ({ ...e, evidence: shift(e.evidence, -from) })),
    };
  });
});

let seed = 42;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const SOURCES = Array.from({ length: 12 }, (_, k) => `Source ${k + 1}`);

function variant(n: number): StoredArticle {
  const parts = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(paragraphs));
  const out = { entities: [] as Entity[], timexes: [] as Timex[], events: [] as Event[] };
  let body = '';
  for (const p of parts) {
    if (body) body += '\n\n';
    const by = body.length;
    out.entities.push(...p.entities.map((e) => shift(e, by)));
    out.timexes.push(...p.timexes.map((t) => shift(t, by)));
    out.events.push(...p.events.map((e) => ({ ...e, evidence: shift(e.evidence, by) })));
    body += p.text;
  }
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    id: `v${String(n).padStart(6, '0')}`,
    title: parts[0]!.article.title,
    published: day,
    body,
    entities: out.entities as StoredArticle['entities'],
    timexes: out.timexes as StoredArticle['timexes'],
    events: out.events,
    url: `https://news.example/${n}`,
    source: pick(SOURCES),
    hash: `h${n}`,
    pipeline_version: 'bench',
    ingested_at: new Date().toISOString(),
  };
}

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

const QUERIES: [string, CorpusFilter][] = [
  ['word', { text: 'election' }],
  ['word', { text: 'police' }],
  ['word', { text: 'government' }],
  ['word', { text: 'president' }],
  ['word', { text: 'climate' }],
  ['word', { text: 'said' }],
  ['phrase', { text: '"prime minister"' }],
  ['phrase', { text: '"united states"' }],
  ['or', { text: 'protest OR strike OR rally' }],
  ['prefix', { text: 'elect*' }],
  ['and', { text: 'police arrested' }],
  ['not', { text: 'election -trump' }],
  ['text+country', { text: 'election', country: 'USA' }],
  ['text+type', { text: 'police', type: 'ASSAULT' }],
  ['text+dates', { text: 'government', from: '2020', to: '2021' }],
  ['text+source', { text: 'court', source: 'Source 3' }],
  ['entity', { entity: 'Trump' }],
  ['type+dates', { type: 'PROTEST', from: '2022-01' }],
  ['country', { country: 'GBR' }],
];
const latencies: number[] = [];
const byKind = new Map<string, number[]>();
for (let rep = 0; rep < 11; rep++)
  for (const [kind, filter] of QUERIES) {
    const q0 = process.hrtime.bigint();
    await store.search(filter, { limit: 20 });
    const t = since(q0);
    if (rep === 0) continue; // the first pass warms the page cache
    latencies.push(t);
    byKind.set(kind, [...(byKind.get(kind) ?? []), t]);
  }
// The peer reads every body, as ranking must consider every hit: a LIKE scan counting them.
const like = store.connection.prepare("SELECT COUNT(*) AS n FROM articles WHERE body LIKE '%' || ? || '%'");
const likeMs: number[] = [];
for (let rep = 0; rep < 3; rep++)
  for (const [, f] of QUERIES.filter(([k]) => k === 'word')) {
    const q0 = process.hrtime.bigint();
    like.all(f.text);
    likeMs.push(since(q0));
  }
const facetMs: number[] = [];
for (const [, f] of QUERIES.slice(0, 6)) {
  const q0 = process.hrtime.bigint();
  await store.facets(f);
  facetMs.push(since(q0));
}
console.log(
  `search (limit 20, ${QUERIES.length} queries x 10 after a warm-up pass): p50 ${median(latencies).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms`,
);
console.log(
  `  slowest kinds (p50 ms): ${[...byKind]
    .map(([k, v]) => [k, median(v)] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ')}`,
);
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
