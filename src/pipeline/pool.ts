/**
 * A pool of worker threads that each run `analyzeRaw` with the standard pipeline (built once
 * per worker, so models load once per thread). Uses piscina (see docs/decisions.md). A worker
 * that dies (out of memory, a native crash) fails only the document it held: piscina rejects
 * that one task and starts a fresh worker, and the rejection becomes an `E_WORKER` failure.
 * Runs from dist/ (compiled .js) and from the .ts sources (tsx, vitest): there the workers
 * load the sources through tsx's loader.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { fail, stageFailure, type Doc, type Result } from '../doc/index.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { WorkerTask, WorkerOptions } from './worker.js';

/** The worker module beside this file: worker.js in dist/, worker.ts when running the sources. */
const DEFAULT_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js',
  import.meta.url,
);

/** Workers of a .ts module load it through tsx's loader (tests, `npx tsx`); compiled ones need nothing. */
function execArgvFor(worker: URL): string[] {
  if (!worker.pathname.endsWith('.ts')) return [];
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** Idle workers stay alive this long, so a slow input stream does not reload their models. */
const IDLE_MS = 60_000;

const MAIN_STACK_MB = 1;

export class DocPool {
  readonly #pool: Piscina<WorkerTask, Result<Doc>>;
  readonly #opts: WorkerOptions;
  /** Worker threads at most. */
  readonly threads: number;

  /** `worker` is the module whose default export runs one task (tests give their own). */
  constructor(threads: number, opts: WorkerOptions, worker: URL = DEFAULT_WORKER) {
    this.#opts = opts;
    this.threads = threads;
    this.#pool = new Piscina({
      filename: worker.href,
      execArgv: execArgvFor(worker),
      // Started on demand: a run of one document starts one worker, not `threads`.
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      // The main thread's stack (V8's default, ~1 MB), not a worker's 4 MB: extraction gives up on
      // pathologically deep pages when the stack runs out, and must do so at the same depth in a
      // worker as in-process (with 4 MB Readability recurses on, for minutes).
      resourceLimits: { stackSizeMb: MAIN_STACK_MB },
    });
  }

  /**
   * Never rejects: a worker's death is the document's failure. `opts` overrides the pool's
   * extraction options for this document (queue jobs carry their own).
   */
  analyze(raw: RawArticle, opts: WorkerOptions = this.#opts): Promise<Result<Doc>> {
    return this.#pool
      .run({ raw, opts })
      .catch((err: unknown) => fail<Doc>(stageFailure(raw.input, 'worker', err, 'E_WORKER')));
  }

  close(): Promise<void> {
    return this.#pool.destroy();
  }
}
