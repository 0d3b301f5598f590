/**
 * A worker's analysis, kept for its whole life: with `--jobs 1` in this thread (between two
 * documents the event loop turns, so lease renewals are not starved), with more in a `DocPool`
 * of threads that load their models once. Each document is analysed with its own job's options.
 */
import { setImmediate as turn } from 'node:timers/promises';
import type { Doc, Result } from '../doc/index.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { analyzeRaw } from '../pipeline/analyze.js';
import { DocPool } from '../pipeline/pool.js';
import type { JobOptions } from './types.js';

export interface Analyser {
  /** Never rejects: a document that cannot be analysed is a failed result. */
  analyze(raw: RawArticle, options: JobOptions): Promise<Result<Doc>>;
  close(): Promise<void>;
}

export function createAnalyser(jobs: number): Analyser {
  if (jobs > 1) {
    const pool = new DocPool(jobs, { noClean: false, published: null, anyLanguage: false });
    return { analyze: (raw, options) => pool.analyze(raw, options), close: () => pool.close() };
  }
  return {
    analyze: async (raw, options) => {
      await turn();
      return analyzeRaw(raw, options);
    },
    close: async () => undefined,
  };
}
