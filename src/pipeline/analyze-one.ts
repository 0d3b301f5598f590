/**
 * One document, in this thread: RawArticle -> extraction -> the standard pipeline. Kept apart
 * from the streaming and pool code (analyze.ts) so a worker thread imports only what one
 * document's analysis needs. The pipeline is built once and reused (stages load their models
 * once). A stage's throw (a bug) becomes that document's `E_STAGE` failure naming the stage.
 */
import { ok, fail, stageFailure, StageError, type Doc, type Result } from '../doc/index.js';
import { standardPipeline } from './preset.js';
import type { Pipeline } from './stage.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { extractDoc, type ExtractOptions } from '../extract/index.js';

export interface AnalyzeOptions extends ExtractOptions {
  /** The pipeline to run after extraction (default: `standardPipeline()`); in-process only. */
  readonly pipeline?: Pipeline;
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
