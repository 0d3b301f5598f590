/**
 * Runs `POST /api/analyze` off the server's event loop: a piscina pool of worker threads (one
 * by default: the machine has two cores and the API must stay responsive), a bounded queue,
 * and a time limit per request that terminates the worker running it, so one slow or
 * pathological page can neither stall the other requests nor pile up work.
 */
import { Piscina } from 'piscina';
import type { DocJson, Result } from '../doc/index.js';

export interface AnalyzeInput {
  readonly content: string;
  readonly html: boolean;
  readonly id: string;
  readonly published: string | null;
  readonly url: string | null;
  readonly anyLanguage: boolean;
}

export interface Analyzer {
  /** Rejects with an `AbortError` when `signal` fires first, and with `AnalyzerBusyError` when the queue is full. */
  analyze(input: AnalyzeInput, signal: AbortSignal): Promise<Result<DocJson>>;
  close(): Promise<void>;
}

export class AnalyzerBusyError extends Error {
  constructor() {
    super('analysis queue is full');
    this.name = 'AnalyzerBusyError';
  }
}

export interface WorkerAnalyzerOptions {
  readonly threads?: number;
  /** Requests waiting for a thread beyond this many are refused as busy. */
  readonly maxQueue?: number;
}

// Under tsx or vitest this module is TypeScript, and so is the worker: the thread then needs the
// tsx loader. The compiled build runs dist/server/analyze-worker.js directly.
const RUNNING_TS = import.meta.url.endsWith('.ts');

export function workerAnalyzer(opts: WorkerAnalyzerOptions = {}): Analyzer {
  const maxQueue = opts.maxQueue ?? 8;
  const pool = new Piscina({
    filename: new URL(`./analyze-worker.${RUNNING_TS ? 'ts' : 'js'}`, import.meta.url).href,
    minThreads: 0,
    maxThreads: opts.threads ?? 1,
    idleTimeout: 5 * 60_000,
    maxQueue,
    ...(RUNNING_TS ? { execArgv: ['--import', 'tsx'] } : {}),
  });
  return {
    async analyze(input, signal) {
      if (pool.queueSize >= maxQueue) throw new AnalyzerBusyError();
      return (await pool.run(input, { signal })) as Result<DocJson>;
    },
    close: () => pool.destroy(),
  };
}
