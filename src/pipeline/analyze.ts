/**
 * The library's one-call analysis: RawArticle -> extraction -> the standard pipeline.
 * The pipeline is built once per options object and reused (stages load their models once).
 * Nothing here throws for one document: a stage's throw (a bug) becomes that document's
 * `E_STAGE` failure naming the stage, and the next document goes on.
 */
import { ok, fail, stageFailure, StageError, type Doc, type Result } from '../doc/index.js';
import { standardPipeline } from './preset.js';
import type { Pipeline } from './stage.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { readInputs, type ReadInputsOptions } from '../ingest/read-inputs.js';
import { extractDoc, type ExtractOptions } from '../extract/index.js';
import { DocPool } from './pool.js';

export interface AnalyzeOptions extends ExtractOptions {
  /** The pipeline to run after extraction (default: `standardPipeline()`); in-process only. */
  readonly pipeline?: Pipeline;
}

export interface ParallelOptions {
  /** Worker threads (default 1: in this thread). CLIs default to `os.availableParallelism()`. */
  readonly jobs?: number;
}

let defaultPipeline: Pipeline | null = null;

export function analyzeRaw(raw: RawArticle, opts: AnalyzeOptions = {}): Result<Doc> {
  let doc: Result<Doc>;
  try {
    doc = extractDoc(raw, opts);
  } catch (err) {
    return fail(stageFailure(raw.input, 'extract', err));
  }
  if (!doc.ok) return doc;
  try {
    const pipeline = opts.pipeline ?? (defaultPipeline ??= standardPipeline());
    return ok(pipeline(doc.value));
  } catch (err) {
    return fail(stageFailure(raw.input, err instanceof StageError ? err.stage : 'pipeline', err));
  }
}

/** Analyses one text or HTML string given in memory (demo, server, tests). */
export function analyzeText(
  content: string,
  opts: AnalyzeOptions & { id?: string; html?: boolean; url?: string | null } = {},
): Result<Doc> {
  const id = opts.id ?? 'text';
  const raw: RawArticle = opts.html ? { id, input: id, html: content } : { id, input: id, text: content };
  return analyzeRaw({ ...raw, url: opts.url ?? null }, opts);
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
 * `jobs > 1` the documents are analysed in worker threads (models loaded once per worker) with
 * at most `2 * jobs` in flight, so memory stays flat however long the stream.
 */
export async function* analyzeRaws(
  raws: AsyncIterable<Result<RawArticle>>,
  opts: AnalyzeOptions & ParallelOptions = {},
): AsyncGenerator<Result<Doc>> {
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  if (jobs === 1) {
    for await (const raw of guarded(raws)) yield raw.ok ? analyzeRaw(raw.value, opts) : raw;
    return;
  }
  if (opts.pipeline) throw new TypeError('a custom pipeline runs in-process only: use jobs: 1');
  const pool = new DocPool(jobs, {
    noClean: opts.noClean ?? false,
    published: opts.published ?? null,
    anyLanguage: opts.anyLanguage ?? false,
  });
  const inFlight: Promise<Result<Doc>>[] = [];
  try {
    for await (const raw of guarded(raws)) {
      inFlight.push(raw.ok ? pool.analyze(raw.value) : Promise.resolve(raw));
      if (inFlight.length >= 2 * jobs) yield await inFlight.shift()!;
    }
    while (inFlight.length) yield await inFlight.shift()!;
  } finally {
    await pool.close();
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
