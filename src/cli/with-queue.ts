/**
 * What the queue commands (`ingest --queue`, `worker`, `queue`) share: the store opened as every
 * corpus command opens it, and its queue; a store without one (SQLite) is a usage error, one line.
 */
import { openQueue, QueueUnavailableError, type JobQueue } from '../queue/index.js';
import type { CorpusStore } from '../store/index.js';
import { usage, withStore, type DbOptions, type Exit } from './corpus-options.js';

export async function withQueue(
  opts: DbOptions,
  setExit: Exit,
  fn: (store: CorpusStore, queue: JobQueue) => Promise<void>,
): Promise<void> {
  await withStore(opts, setExit, async (store) => {
    let queue: JobQueue;
    try {
      queue = openQueue(store);
    } catch (err) {
      if (!(err instanceof QueueUnavailableError)) throw err;
      return usage(setExit, err.message);
    }
    await fn(store, queue);
  });
}
