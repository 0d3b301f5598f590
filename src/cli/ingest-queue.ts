/**
 * `storyline ingest --queue …`: the inputs go to the shared queue instead of being analysed here
 * (src/queue/enqueue.ts); `storyline worker` processes them. Prints the ingest summary with the
 * queue's own counts added (`queued`, `already_queued`).
 */
import type { Result } from '../doc/index.js';
import { Fetcher, newFeedItems, pipelineVersion, readInputs, type WebItem } from '../ingest/index.js';
import { enqueueInputs, type JobOptions } from '../queue/index.js';
import { displayLocation, storeLocation } from '../store/index.js';
import type { DbOptions, Exit } from './corpus-options.js';
import { withQueue } from './with-queue.js';

export interface QueueRequest {
  readonly paths: string[];
  readonly manifests: string[];
  readonly urls: string[];
  readonly feeds: string[];
  readonly options: JobOptions;
  readonly maxBytes: number;
  readonly fetcher: Fetcher;
  readonly json: boolean;
}

async function* urlItems(urls: readonly string[]): AsyncGenerator<Result<WebItem>> {
  for (const url of urls) yield { ok: true, value: { url, input: url } };
}

async function* concat<T>(...sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  for (const source of sources) yield* source;
}

export async function queueInputs(request: QueueRequest, opts: DbOptions, setExit: Exit): Promise<void> {
  await withQueue(opts, setExit, async (store, queue) => {
    const started = Date.now();
    let known = 0;
    const pages = concat(
      urlItems(request.urls),
      newFeedItems(request.feeds, request.fetcher, {
        known: async (list) => new Set((await store.articlesByUrl(list)).keys()),
        onKnown: () => known++,
      }),
    );
    const summary = await enqueueInputs(
      store,
      queue,
      readInputs(request.paths, request.manifests, { maxBytes: request.maxBytes }),
      pages,
      {
        options: request.options,
        pipelineVersion: pipelineVersion(),
        onSkipped: (event) => {
          if (event.kind === 'failed')
            process.stderr.write(`storyline: ${event.failure.input}: ${event.failure.message}\n`);
        },
      },
    );
    const unchanged = summary.unchanged + known;
    const articles = await store.countArticles();
    if (summary.failed) setExit(1);
    if (request.json) {
      const { queued, already_queued, failed } = summary;
      const out = { added: 0, updated: 0, unchanged, failed, articles, queued, already_queued };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } else
      process.stdout.write(
        `ingest --queue: ${summary.queued} queued, ${summary.already_queued} already queued, ` +
          `${unchanged} unchanged, ${summary.failed} failed; ${articles} articles in ` +
          `${displayLocation(storeLocation(opts.db, process.env))} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
  });
}
