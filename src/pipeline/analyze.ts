/**
 * The library's one-call analysis: RawArticle -> extraction -> the standard pipeline.
 * The pipeline is built once per options object and reused (stages load their models once).
 */
import { fail, failure, ok, type Doc, type Result } from '../doc/index.js';
import { standardPipeline } from './preset.js';
import type { Pipeline } from './stage.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { readInputs, type ReadInputsOptions } from '../ingest/read-inputs.js';
import { extractDoc, type ExtractOptions } from '../extract/index.js';

export interface AnalyzeOptions extends ExtractOptions {
  /** The pipeline to run after extraction (default: `standardPipeline()`). */
  readonly pipeline?: Pipeline;
}

let defaultPipeline: Pipeline | null = null;

export function analyzeRaw(raw: RawArticle, opts: AnalyzeOptions = {}): Result<Doc> {
  const doc = extractDoc(raw, opts);
  if (!doc.ok) return doc;
  const pipeline = opts.pipeline ?? (defaultPipeline ??= standardPipeline());
  return ok(pipeline(doc.value));
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

/**
 * `Result<Doc>` for every raw article, in input order; failed inputs pass through. Sequential
 * stand-in for the worker pool (same signature; `jobs` is taken and not yet used). A stage's
 * throw becomes that document's failure so the next document goes on.
 */
export async function* analyzeRaws(
  raws: AsyncIterable<Result<RawArticle>>,
  opts: AnalyzeOptions & { jobs?: number } = {},
): AsyncGenerator<Result<Doc>> {
  for await (const raw of raws) {
    if (!raw.ok) yield raw;
    else
      try {
        yield analyzeRaw(raw.value, opts);
      } catch (err) {
        yield fail(failure(raw.value.input, 'E_INVARIANT', (err as Error).message));
      }
  }
}

/** Streams `Result<Doc>` for every input, in input order; one doc is in memory at a time. */
export async function* analyzeInputs(
  inputs: readonly string[],
  manifests: readonly string[] = [],
  opts: AnalyzeOptions & ReadInputsOptions = {},
): AsyncGenerator<Result<Doc>> {
  for await (const raw of readInputs(inputs, manifests, opts))
    yield raw.ok ? analyzeRaw(raw.value, opts) : raw;
}
