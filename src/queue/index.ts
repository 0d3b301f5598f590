/**
 * The shared ingest queue: `storyline ingest --queue` enqueues inputs, `storyline worker` takes
 * them, `storyline queue` reports. `openQueue` gives the queue a store offers; only PostgreSQL
 * stores have one (many machines need a server to share), so commands never ask which engine.
 */
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/types.js';
import { PostgresQueue } from './postgres-queue.js';
import type { JobQueue } from './types.js';

export * from './types.js';
export { MAX_ATTEMPTS } from './postgres-queue.js';
export { enqueueInputs, type EnqueueOptions, type EnqueueSummary } from './enqueue.js';
export { runWorker, type RunWorkerOptions, type WorkerSummary } from './worker.js';

export class QueueUnavailableError extends Error {
  constructor(kind: string) {
    super(`the shared queue needs a PostgreSQL store (--db postgres://…); a ${kind} store has none`);
    this.name = 'QueueUnavailableError';
  }
}

export function openQueue(store: Store): JobQueue {
  if (store instanceof PostgresStore) return new PostgresQueue(store.pool);
  throw new QueueUnavailableError(store.kind);
}
