/**
 * The library's streaming analysis: many raw articles, in this thread or in a pool of worker
 * threads, results in input order (one document's analysis is analyze-one.ts). Nothing here
 * throws for one document: a stage's throw (a bug) becomes that document's `E_STAGE` failure
 * naming the stage, a dead worker its `E_WORKER` failure, and the next document goes on.
 */
import { fail, stageFailure, type Doc, type Result } from '../doc/index.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { readInputs, type ReadInputsOptions } from '../ingest/read-inputs.js';
import { analyzeRaw, type AnalyzeOptions } from './analyze-one.js';
import { DocPool } from './pool.js';

export { analyzeRaw, analyzeText, type AnalyzeOptions } from './analyze-one.js';

export interface ParallelOptions {
  /** Worker threads (default 1: in this thread). CLIs default to `os.availableParallelism()`. */
  readonly jobs?: number;
  /**
   * A pool to run in, kept by the caller across calls (its workers' models stay loaded and their
   * code warm); `jobs` is then its size. Without it, a call starts its own and closes it.
   */
  readonly pool?: DocPool;
}

/** The source's own throw (it should yield failures instead) ends the stream as one failure. */
async function* guarded(raws: AsyncIterable<Result<RawArticle>>): AsyncGenerator<Result<RawArticle>> {
  try {
    yield* raws;
  } catch (err) {
    yield fail(stageFailure('(inputs)', 'ingest', err));
  }
}

/**
 * `Result<Doc>` for every raw article, in input order; failed inputs pass through. With
 * `jobs > 1` (or a `pool`) the documents are analysed in worker threads (models loaded once per
 * worker) with at most `2 * jobs` in flight, so memory stays flat however long the stream.
 */
export async function* analyzeRaws(
  raws: AsyncIterable<Result<RawArticle>>,
  opts: AnalyzeOptions & ParallelOptions = {},
): AsyncGenerator<Result<Doc>> {
  const jobs = opts.pool?.threads ?? Math.max(1, Math.floor(opts.jobs ?? 1));
  if (jobs === 1 && !opts.pool) {
    for await (const raw of guarded(raws)) yield raw.ok ? analyzeRaw(raw.value, opts) : raw;
    return;
  }
  if (opts.pipeline) throw new TypeError('a custom pipeline runs in-process only: use jobs: 1');
  const workerOpts = {
    noClean: opts.noClean ?? false,
    published: opts.published ?? null,
    anyLanguage: opts.anyLanguage ?? false,
  };
  const pool = opts.pool ?? new DocPool(jobs, workerOpts);
  const inFlight: Promise<Result<Doc>>[] = [];
  try {
    for await (const raw of guarded(raws)) {
      inFlight.push(raw.ok ? pool.analyze(raw.value, workerOpts) : Promise.resolve(raw));
      if (inFlight.length >= 2 * jobs) yield await inFlight.shift()!;
    }
    while (inFlight.length) yield await inFlight.shift()!;
  } finally {
    if (!opts.pool) await pool.close();
  }
}

/** Streams `Result<Doc>` for every input, in input order (see `analyzeRaws` for `jobs`). */
export function analyzeInputs(
  inputs: readonly string[],
  manifests: readonly string[] = [],
  opts: AnalyzeOptions & ReadInputsOptions & ParallelOptions = {},
): AsyncGenerator<Result<Doc>> {
  return analyzeRaws(readInputs(inputs, manifests, opts), opts);
}
