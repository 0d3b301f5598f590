/**
 * The code each worker thread of `DocPool` runs: one raw article in, its `Result<Doc>` out, as
 * plain data (Doc is serialisable). The standard pipeline is built on the first task and kept.
 */
import type { Doc, Result } from '../doc/index.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { ExtractOptions } from '../extract/extract-doc.js';
import { analyzeRaw } from './analyze-one.js';

/** What a worker may be told: plain data only (no functions cross the thread boundary). */
export type WorkerOptions = Pick<ExtractOptions, 'noClean' | 'published' | 'anyLanguage'>;

export interface WorkerTask {
  readonly raw: RawArticle;
  readonly opts: WorkerOptions;
}

export default function analyzeTask(task: WorkerTask): Result<Doc> {
  return analyzeRaw(task.raw, task.opts);
}
