/**
 * Whole-pipeline speed on the 181 AEB pages, beside @mozilla/readability on linkedom alone
 * (parse + Readability + textContent: what a reader of pages does with no analysis at all), in
 * the same run. Prints ms per page for each stage (extraction, then each stage of the standard
 * pipeline, in-process), and pages/s of the whole pipeline through `analyzeRaws` at --jobs 1
 * (in-process) and --jobs 2 (worker threads; "total" counts the workers' start-up and model
 * loading, as one `storyline analyze` run does; "steady" runs from the first document out to the
 * last; "pool kept" runs in a `DocPool` the caller keeps across calls, started and warmed once
 * before the rounds as the in-process runs are, as a server or a queue worker does). Rounds alternate peer and
 * ours; medians over rounds, ratios per round then their median. CPU ms per page (all threads)
 * is printed beside, since on shared cores wall-clock speed-ups depend on what else runs.
 *
 * Runs the built library (dist/, what `npx storyline` runs), so its worker threads start as a
 * user's do, without a TypeScript loader; it refuses to run when dist/ is older than src/.
 *
 *   npm run build && nice npx tsx bench/pipeline.ts [--rounds 3]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fileURLToPath } from 'node:url';
import { SHARED_DATA } from './shared-articles.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js)$/.test(f))
      .map((f) => statSync(path.join(dir, f)).mtimeMs),
  );
const built = path.join(repo, 'dist', 'index.js');
if (!existsSync(built) || statSync(built).mtimeMs < newest(path.join(repo, 'src'))) {
  console.log('bench/pipeline: dist/ is missing or older than src/; run npm run build first.');
  process.exit(1);
}
const { ok } = await import('../dist/doc/index.js');
const { extractDoc } = await import('../dist/extract/index.js');
const { rawFromBytes } = await import('../dist/ingest/index.js');
const { analyzeRaws, DocPool, limitHeapGrowth, standardStages } = await import('../dist/pipeline/index.js');
type Doc = import('../dist/doc/index.js').Doc;
type Result<T> = import('../dist/doc/index.js').Result<T>;
type RawArticle = import('../dist/ingest/index.js').RawArticle;

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Number(values.rounds);
const dir = path.join(SHARED_DATA, 'extraction', 'aeb', 'html');
if (!existsSync(dir)) {
  console.log(`bench/pipeline: ${dir} not found; put the shared data beside the repository to run it.`);
  process.exit(0);
}
limitHeapGrowth(); // as the CLI does

const raws: RawArticle[] = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .flatMap((f) => {
    const r = rawFromBytes(readFileSync(path.join(dir, f)), f.replace(/\.html$/, ''), f, 'html');
    return r.ok ? [r.value] : [];
  });
const pages = raws.length;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Rate {
  /** pages/s, wall clock */
  readonly rate: number;
  /** CPU ms per page, every thread of the process */
  readonly cpu: number;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

function readabilityAlone(): Rate {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const raw of raws) {
    const { document } = parseHTML(raw.html ?? '');
    void new Readability(document as never).parse()?.textContent;
  }
  return { rate: pages / ((performance.now() - t) / 1000), cpu: cpuMs(c) / pages };
}

const stages = standardStages();
const STAGE_NAMES = ['extract', ...stages.map((s) => s.name)];

/** ms per page of each stage, in-process, one page after the other. */
function perStage(): number[] {
  const ms = STAGE_NAMES.map(() => 0);
  for (const raw of raws) {
    let t = performance.now();
    const extracted = extractDoc(raw);
    ms[0]! += performance.now() - t;
    if (!extracted.ok) continue;
    let doc: Doc = extracted.value;
    stages.forEach((stage, k) => {
      t = performance.now();
      const layer = stage.run(doc, { issue: () => {} });
      doc = { ...doc, layers: { ...doc.layers, [stage.provides]: layer } };
      ms[k + 1]! += performance.now() - t;
    });
  }
  return ms.map((m) => m / pages);
}

async function* stream(): AsyncGenerator<Result<RawArticle>> {
  for (const raw of raws) yield ok(raw);
}

type DocPool = InstanceType<typeof DocPool>;

/** Pages/s of `analyzeRaws` at `jobs` (or in `pool`): over the whole call, and from the first result to the last. */
async function whole(
  jobs: number,
  pool?: DocPool,
): Promise<{ total: number; steady: number; cpu: number; failed: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  let first = 0;
  let n = 0;
  let failed = 0;
  for await (const result of analyzeRaws(stream(), { jobs, pool })) {
    if (n++ === 0) first = performance.now();
    if (!result.ok && result.error.code === 'E_STAGE') failed++;
  }
  const end = performance.now();
  const total = pages / ((end - t) / 1000);
  return { total, steady: (pages - 1) / ((end - first) / 1000), cpu: cpuMs(c) / pages, failed };
}

console.log(`bench/pipeline: ${pages} AEB pages, ${ROUNDS} rounds`);
await whole(1); // models loaded, code warmed, before anything is timed
const kept = new DocPool(2, {});
await whole(2, kept); // the kept pool's workers started, their models loaded, their code warmed

const rounds: {
  peer: number;
  stages: number[];
  one: number;
  two: number;
  twoSteady: number;
  twoKept: number;
  cpu: [number, number, number, number];
}[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const peer = readabilityAlone();
  const stageMs = perStage();
  const one = await whole(1);
  const two = await whole(2);
  const twoKept = await whole(2, kept);
  rounds.push({
    peer: peer.rate,
    stages: stageMs,
    one: one.total,
    two: two.total,
    twoSteady: two.steady,
    twoKept: twoKept.total,
    cpu: [peer.cpu, one.cpu, two.cpu, twoKept.cpu],
  });
  console.log(
    `round ${r + 1}: Readability alone ${peer.rate.toFixed(1)} pages/s; ours --jobs 1 ${one.total.toFixed(1)}, --jobs 2 ${two.total.toFixed(1)} (steady ${two.steady.toFixed(1)}, pool kept ${twoKept.total.toFixed(1)})${one.failed + two.failed + twoKept.failed ? `; stage failures ${one.failed + two.failed + twoKept.failed}` : ''}`,
  );
}

console.log('\nms per page, in-process (median over rounds):');
const stageMedians = STAGE_NAMES.map((_, k) => median(rounds.map((r) => r.stages[k]!)));
const sum = stageMedians.reduce((a, b) => a + b, 0);
STAGE_NAMES.forEach((name, k) =>
  console.log(
    `  ${name.padEnd(10)} ${stageMedians[k]!.toFixed(2).padStart(7)} ms  ${((100 * stageMedians[k]!) / sum).toFixed(0).padStart(3)}%`,
  ),
);
console.log(`  ${'all'.padEnd(10)} ${sum.toFixed(2).padStart(7)} ms`);

const cpu = (k: number): number => median(rounds.map((r) => r.cpu[k]!));
const row = (label: string, rate: number[], cpuPerPage: number | null, target?: number): void => {
  const ratio = median(rounds.map((r, k) => rate[k]! / r.peer));
  const goal = target ? `   target >= ${target.toFixed(1)}x ${ratio >= target ? 'met' : 'MISSED'}` : '';
  const cpuText = cpuPerPage === null ? ''.padStart(17) : `${cpuPerPage.toFixed(1).padStart(5)} CPU ms/page`;
  console.log(
    `  ${label.padEnd(34)} ${median(rate).toFixed(1).padStart(6)} pages/s ${cpuText}  ${ratio.toFixed(2)}x${goal}`,
  );
};
console.log('\npages/s (median over rounds), and as a ratio of Readability alone in the same round:');
row(
  'Readability.js on linkedom, alone',
  rounds.map((r) => r.peer),
  cpu(0),
);
row(
  'storyline --jobs 1 (in-process)',
  rounds.map((r) => r.one),
  cpu(1),
  1.0,
);
row(
  'storyline --jobs 2 (total)',
  rounds.map((r) => r.two),
  cpu(2),
  1.8,
);
row(
  'storyline --jobs 2 (steady)',
  rounds.map((r) => r.twoSteady),
  null,
);
row(
  'storyline --jobs 2 (pool kept)',
  rounds.map((r) => r.twoKept),
  cpu(3),
  1.8,
);
await kept.close();
