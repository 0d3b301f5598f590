/**
 * Soak: the whole pipeline (ingest-shaped raw articles -> extraction -> every stage) over every
 * page and text in ../shared/data, looped until `--docs` documents (default 10,000), through the
 * library's `analyzeRaws` at `--jobs` workers (default 1). Every `--every` documents it prints
 * the documents done, pages/s, RSS and the heap after a forced GC; at the end, crashes by stage
 * (with each distinct message once), refusals by reason, peak RSS and RSS growth between the
 * `--from` document (default 2,000) and the last, beside the targets (0 crashes, peak RSS
 * <= 400 MB, growth < 10%). Exit code 1 when a target is missed. Heap growth is limited as the
 * CLI limits it (src/pipeline/heap.ts). Runs the .ts sources under tsx, whose loader thread adds
 * ~60 MB of RSS that `npx storyline` (dist/) does not have; the figures include it.
 *
 *   nice npx tsx bench/soak.ts [--docs 10000] [--jobs 1] [--every 1000] [--from 2000]
 *
 * `--manifest F.jsonl` writes the same documents as a manifest instead, so the built CLI can be
 * measured on them without tsx: `/usr/bin/time -v storyline analyze --jobs 1 --input F.jsonl`.
 */
import { createWriteStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import type { Result } from '../src/doc/index.js';
import type { RawArticle } from '../src/ingest/index.js';
import { analyzeRaws, limitHeapGrowth } from '../src/pipeline/index.js';
import { sharedArticles } from './shared-articles.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    jobs: { type: 'string', default: '1' },
    every: { type: 'string', default: '1000' },
    from: { type: 'string', default: '2000' },
    manifest: { type: 'string' },
  },
});
const DOCS = Number(values.docs);
const JOBS = Number(values.jobs);
const EVERY = Number(values.every);
const FROM = Number(values.from);
const PEAK_RSS_MB = 400;
const MAX_GROWTH = 0.1;

setFlagsFromString('--expose-gc');
limitHeapGrowth(); // as the CLI does
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** Corpus names of the documents sent and not yet printed, oldest first (output is in input order). */
const pending: string[] = [];

/** The shared articles, pass after pass, until DOCS documents (stops early if there are none). */
async function* looped(): AsyncGenerator<Result<RawArticle>> {
  let sent = 0;
  for (let pass = 1; sent < DOCS; pass++) {
    const before = sent;
    for await (const a of sharedArticles()) {
      if (sent++ >= DOCS) return;
      pending.push(a.corpus);
      yield { ok: true, value: { ...a.raw, id: `${a.raw.id}#${pass}` } };
    }
    if (sent === before) return;
  }
}

if (values.manifest) {
  const out = createWriteStream(values.manifest);
  for await (const r of looped()) {
    if (!r.ok) continue;
    const { id, html, text, published } = r.value;
    const line = `${JSON.stringify(html !== undefined ? { id, html, published } : { id, text, published })}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  console.log(`wrote ${DOCS} documents to ${values.manifest}`);
  process.exit(0);
}

const crashes = new Map<string, { count: number; messages: Map<string, string> }>();
const refusals = new Map<string, number>();
const byCorpus = new Map<string, number>();
let done = 0;
let peakRss = 0;
let rssAtFrom = 0;
let rssAtEnd = 0;
const start = performance.now();

console.log(`soak: ${DOCS} documents, --jobs ${JOBS}`);
console.log('docs\tpages/s\tRSS MB\theap after GC MB');
for await (const result of analyzeRaws(looped(), { jobs: JOBS })) {
  const corpus = pending.shift() ?? '?';
  byCorpus.set(corpus, (byCorpus.get(corpus) ?? 0) + 1);
  done++;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (!result.ok) {
    const { code, stage, message, input } = result.error;
    if (code === 'E_STAGE' || code === 'E_WORKER') {
      const c = crashes.get(stage ?? '?') ?? { count: 0, messages: new Map<string, string>() };
      c.count++;
      if (!c.messages.has(message)) c.messages.set(message, input);
      crashes.set(stage ?? '?', c);
    } else refusals.set(code, (refusals.get(code) ?? 0) + 1);
  }
  if (done % EVERY === 0 || done === DOCS) {
    gc();
    const rss = process.memoryUsage.rss();
    if (done === FROM) rssAtFrom = rss;
    rssAtEnd = rss;
    const rate = done / ((performance.now() - start) / 1000);
    console.log(`${done}\t${rate.toFixed(1)}\t${mb(rss)}\t${mb(process.memoryUsage().heapUsed)}`);
  }
}
const peak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
const growth = rssAtFrom ? (rssAtEnd - rssAtFrom) / rssAtFrom : 0;
const crashCount = [...crashes.values()].reduce((n, c) => n + c.count, 0);

console.log(`\ndocuments by corpus: ${[...byCorpus].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`crashes: ${crashCount}`);
for (const [stage, c] of crashes) {
  console.log(`  stage ${stage}: ${c.count}`);
  for (const [message, input] of c.messages) console.log(`    ${message} (first: ${input})`);
}
console.log(`refusals: ${[...refusals].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
console.log(`peak RSS: ${mb(peak)} MB (target <= ${PEAK_RSS_MB})`);
if (rssAtFrom)
  console.log(
    `RSS growth, document ${FROM} -> ${done}: ${(growth * 100).toFixed(1)}% (${mb(rssAtFrom)} -> ${mb(rssAtEnd)} MB, target < ${MAX_GROWTH * 100}%)`,
  );
const missed = crashCount > 0 || mb(peak) > PEAK_RSS_MB || growth >= MAX_GROWTH;
console.log(missed ? 'TARGETS MISSED' : 'targets met');
process.exitCode = missed ? 1 : 0;
