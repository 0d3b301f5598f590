/**
 * What the store benchmarks share (`bench/store.ts`, `bench/scale.ts`): their arguments and CPU
 * clocks, the AEB pages the pipeline analyses (copied where the CLI can read them), a large corpus made from them (variants: 3 to 6 paragraphs of different analysed pages
 * recombined, their entities, time expressions and events moved with them, random dates over
 * 2015-2024 and 12 sources), and the search queries timed on it. Seeded: every run builds the same
 * corpus.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/index.js';
import { SHARED_DATA } from './shared-articles.js';
import { analyzeRaw } from '../src/pipeline/index.js';
import { toJson, type Entity, type Event, type Timex } from '../src/doc/index.js';
import type { CorpusFilter, Store, StoredArticle } from '../src/store/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const AEB_HTML = path.join(SHARED_DATA, 'extraction', 'aeb', 'html');

/** `--name N` on the command line, else `fallback`. */
export const numberArg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/** A process's `/proc/PID/stat` fields after its name (Linux). */
export const procStatFields = (pid: number | string): string[] =>
  readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
/** Clock ticks as seconds. */
export const tickSeconds = (ticks: number): number => ticks / CLOCK_TICKS;
/** CPU seconds of this process's waited-for children so far (cutime + cstime). */
export function childCpuSeconds(): number {
  const f = procStatFields('self');
  return tickSeconds(Number(f[13]) + Number(f[14]));
}

/**
 * Builds dist/ (the CLI the benches run) and analyses the AEB pages, copying those the pipeline
 * analyses into `dir` (pages that fail are left out of every side).
 */
export async function prepareAebPages(dir: string): Promise<{ articles: StoredArticle[]; files: string[] }> {
  console.log('building dist/ and analysing the AEB pages once ...');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(dir);
  const analysed = await analyseAebPages(AEB_HTML);
  for (const file of analysed.files) copyFileSync(file, path.join(dir, path.basename(file)));
  return analysed;
}

/** The AEB pages the pipeline analyses (pages that fail or where a stage throws are left out). */
export async function analyseAebPages(dir: string): Promise<{ articles: StoredArticle[]; files: string[] }> {
  const articles: StoredArticle[] = [];
  const files: string[] = [];
  for await (const raw of readInputs([dir])) {
    if (!raw.ok) continue;
    try {
      const doc = analyzeRaw(raw.value);
      if (!doc.ok) continue;
      files.push(raw.value.input);
      articles.push({
        ...toJson(doc.value),
        url: null,
        source: null,
        hash: '',
        pipeline_version: 'bench',
        ingested_at: new Date().toISOString(),
      });
    } catch {
      // a stage's bug on this page: left out
    }
  }
  return { articles, files };
}

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

/** `variant(n)`: the n-th article of the large corpus, made in order from `analysed`. */
export function variantMaker(analysed: readonly StoredArticle[], seed = 42): (n: number) => StoredArticle {
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
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const sources = Array.from({ length: 12 }, (_, k) => `Source ${k + 1}`);
  return (n) => {
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
      source: pick(sources),
      hash: `h${n}`,
      pipeline_version: 'bench',
      ingested_at: new Date().toISOString(),
    };
  };
}

/** Query kinds a search box gets: words common and rare, phrases, OR, prefix, NOT, and filters. */
export const SEARCH_QUERIES: [string, CorpusFilter][] = [
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

const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const percentile = (xs: number[], p: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Each query `reps` times after one warm-up pass (limit 20): all latencies (ms) and each kind's. */
export async function timeSearches(store: Store, reps = 10) {
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let rep = 0; rep <= reps; rep++)
    for (const [kind, filter] of SEARCH_QUERIES) {
      const q0 = process.hrtime.bigint();
      await store.search(filter, { limit: 20 });
      const t = since(q0);
      if (rep === 0) continue; // the first pass warms the caches
      latencies.push(t);
      byKind.set(kind, [...(byKind.get(kind) ?? []), t]);
    }
  const slowest = [...byKind]
    .map(([k, v]) => [k, percentile(v, 0.5)] as const)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), slowest };
}
