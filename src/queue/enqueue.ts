/**
 * `storyline ingest --queue`: inputs become jobs instead of being analysed here. Files and
 * manifest lines are read now (a worker on another machine cannot read this one's files) and
 * queued with their text; URLs and feed items are queued as pages for the workers to fetch.
 * As in a plain ingest, an input whose content hash and pipeline version are already stored is
 * counted unchanged and not queued, a feed item whose URL is stored is not queued, and an input
 * that cannot be read is one failure that stops nothing else.
 */
import { createHash } from 'node:crypto';
import type { Failure, Result } from '../doc/index.js';
import { contentHash } from '../ingest/content-hash.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { WebItem } from '../ingest/read-web.js';
import type { Store } from '../store/types.js';
import type { JobOptions, JobQueue, NewJob } from './types.js';

export interface EnqueueOptions {
  readonly options: JobOptions;
  readonly pipelineVersion: string;
  /** Told of every input that is not queued (unchanged, or a failure), for error lines. */
  readonly onSkipped?: (
    event: { kind: 'unchanged'; input: string } | { kind: 'failed'; failure: Failure },
  ) => void;
}

export interface EnqueueSummary {
  /** New jobs. */
  queued: number;
  /** Inputs already waiting or running in the queue, with the same content. */
  already_queued: number;
  unchanged: number;
  failed: number;
}

/** Jobs sent to the queue per statement (and ids looked up in the store per query). */
const CHUNK = 100;

const pageKey = (url: string, options: JobOptions): string =>
  createHash('sha256')
    .update(JSON.stringify(['page', url, options]))
    .digest('hex');

export async function enqueueInputs(
  store: Store,
  queue: JobQueue,
  raws: AsyncIterable<Result<RawArticle>>,
  pages: AsyncIterable<Result<WebItem>>,
  opts: EnqueueOptions,
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, already_queued: 0, unchanged: 0, failed: 0 };
  const { options } = opts;
  let chunk: NewJob[] = [];
  const send = async (): Promise<void> => {
    const jobs = chunk;
    chunk = [];
    const added = await queue.enqueue(jobs);
    summary.queued += added;
    summary.already_queued += jobs.length - added;
  };
  const failed = (failure: Failure): void => {
    summary.failed++;
    opts.onSkipped?.({ kind: 'failed', failure });
  };

  let held: { raw: RawArticle; hash: string }[] = [];
  const sendRaws = async (): Promise<void> => {
    const stored = await store.articleVersions([...new Set(held.map((h) => h.raw.id))]);
    for (const { raw, hash } of held) {
      const old = stored.get(raw.id);
      if (old && old.hash === hash && old.pipeline_version === opts.pipelineVersion) {
        summary.unchanged++;
        opts.onSkipped?.({ kind: 'unchanged', input: raw.input });
      } else chunk.push({ payload: { kind: 'raw', raw, options }, input: raw.input, dedupe: hash });
    }
    held = [];
    await send();
  };
  for await (const raw of raws) {
    if (!raw.ok) failed(raw.error);
    else held.push({ raw: raw.value, hash: contentHash(raw.value, options) });
    if (held.length >= CHUNK) await sendRaws();
  }
  await sendRaws();

  for await (const page of pages) {
    if (!page.ok) failed(page.error);
    else
      chunk.push({
        payload: { kind: 'page', page: page.value, options },
        input: page.value.input,
        dedupe: pageKey(page.value.url, options),
      });
    if (chunk.length >= CHUNK) await send();
  }
  await send();
  return summary;
}
