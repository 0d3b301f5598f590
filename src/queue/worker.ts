/**
 * `storyline worker`: takes jobs from the shared queue, analyses them, writes the articles and
 * completes the jobs, round after round. A round claims up to `batch` jobs under a lease (renewed
 * while the round runs), fetches the pages among them, skips inputs whose content hash and
 * pipeline version are stored, analyses the rest, writes them in one transaction, then completes
 * the jobs. Delivery is at least once (a worker that dies before completing leaves its jobs to run
 * again when their lease runs out) and the effect exactly once: the rewrite of an unchanged
 * article is `unchanged`, so nothing is stored twice.
 *
 * A passing error (the server restarting, a lost connection) hands the round's jobs back and the
 * worker waits, 1 s then twice as long each time up to 30 s, and goes on; it never exits on one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { failure, type Failure } from '../doc/index.js';
import { contentHash } from '../ingest/content-hash.js';
import type { Fetcher } from '../ingest/fetch.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { readPages, type WebItem } from '../ingest/read-web.js';
import { ingestCounts, storedArticle, type SettledEvent } from '../store/ingest.js';
import type { IngestSummary, PutOutcome, Store, StoredArticle } from '../store/types.js';
import { createAnalyser, type Analyser } from './analyser.js';
import type { ClaimedJob, JobQueue } from './types.js';

export interface RunWorkerOptions {
  /** Who holds the claimed jobs (`host:pid`), shown by `storyline queue`. */
  readonly name: string;
  /** Analysis threads (1: in this thread). */
  readonly jobs: number;
  /** Jobs claimed per round. */
  readonly batch: number;
  readonly leaseSeconds: number;
  /** Stop when no job is pending or running (instead of waiting for more). */
  readonly untilEmpty: boolean;
  readonly pipelineVersion: string;
  readonly fetcher: Fetcher;
  /** Stops the worker after the round in progress. */
  readonly signal?: AbortSignal;
  /** How long an idle worker waits before asking the queue again (default 1000 ms). */
  readonly idleMs?: number;
  readonly now?: () => Date;
  readonly onSettled?: (event: SettledEvent) => void;
  /** Told of a passing error; the worker tries again after `retryMs`. */
  readonly onTrouble?: (message: string, retryMs: number) => void;
  /**
   * Links what is waiting in the store's link queue; returns how many articles it linked. Called
   * when the queue is drained (every article in, so the link order is the same as one process's),
   * and while busy at least every `linkEverySeconds` (`due`), so a steady stream is not left
   * unlinked; a `due` pass may return at once when another process is linking, rather than make
   * this worker wait for it.
   */
  readonly link?: (when: 'drained' | 'due') => Promise<number>;
  /** Longest time a busy worker goes without linking (default 300 s). */
  readonly linkEverySeconds?: number;
}

export type WorkerSummary = IngestSummary;

const FIRST_RETRY_MS = 1_000;
const DEFAULT_LINK_EVERY_S = 300;
const LAST_RETRY_MS = 30_000;

/** PostgreSQL's data and integrity errors (SQLSTATE classes 22 and 23): the input, not the server. */
const isDataError = (err: unknown): boolean => /^2[23]/.test(String((err as { code?: unknown }).code ?? ''));

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err)) || String(err);

/** One claimed job on its way through a round. */
interface Work {
  readonly job: ClaimedJob;
  raw?: RawArticle;
  hash?: string;
  article?: StoredArticle;
  failure?: Failure;
  outcome?: PutOutcome;
}

class WorkerRound {
  constructor(
    private readonly store: Store,
    private readonly queue: JobQueue,
    private readonly analyser: Analyser,
    private readonly opts: RunWorkerOptions,
  ) {}

  /** Each job's raw article: raw jobs carry theirs, pages are fetched (several at once, in order). */
  private async read(work: Work[]): Promise<void> {
    const pages: { w: Work; item: WebItem }[] = [];
    for (const w of work) {
      const { payload } = w.job;
      if (payload.kind === 'raw') w.raw = payload.raw;
      else pages.push({ w, item: payload.page });
    }
    let i = 0;
    for await (const page of readPages(
      this.opts.fetcher,
      pages.map((p) => p.item),
    )) {
      const { w } = pages[i++]!;
      if (page.ok) w.raw = page.value;
      else w.failure = page.error;
    }
  }

  /** Marks the inputs whose content is stored already; analyses the others. */
  private async analyse(work: Work[]): Promise<void> {
    const todo = work.filter((w) => w.raw);
    for (const w of todo) w.hash = contentHash(w.raw!, w.job.payload.options);
    const stored = await this.store.articleVersions([...new Set(todo.map((w) => w.raw!.id))]);
    const at = (this.opts.now ?? (() => new Date()))().toISOString();
    await Promise.all(
      todo.map(async (w) => {
        const raw = w.raw!;
        const old = stored.get(raw.id);
        if (old && old.hash === w.hash && old.pipeline_version === this.opts.pipelineVersion) {
          w.outcome = 'unchanged';
          return;
        }
        const doc = await this.analyser.analyze(raw, w.job.payload.options);
        if (!doc.ok) {
          w.failure = doc.error;
          return;
        }
        const meta = { input: raw.input, hash: w.hash!, url: raw.url ?? null, source: raw.source ?? null };
        try {
          w.article = storedArticle(doc.value, meta, this.opts.pipelineVersion, at);
        } catch (err) {
          w.failure = failure(raw.input, 'E_INVARIANT', messageOf(err));
        }
      }),
    );
  }

  /** One transaction for the round; if the data of one article is refused, each is written alone. */
  private async write(work: Work[]): Promise<void> {
    const writing = work.filter((w) => w.article && !w.outcome);
    if (!writing.length) return;
    try {
      const outcomes = await this.store.putArticles(writing.map((w) => w.article!));
      writing.forEach((w, i) => (w.outcome = outcomes[i]));
      return;
    } catch (err) {
      if (!isDataError(err)) throw err;
    }
    for (const w of writing) {
      try {
        [w.outcome] = await this.store.putArticles([w.article!]);
      } catch (err) {
        if (!isDataError(err)) throw err;
        w.failure = failure(w.job.input, 'E_INVARIANT', `the store refused it: ${messageOf(err)}`);
      }
    }
  }

  async run(jobs: ClaimedJob[]): Promise<void> {
    const { queue, opts } = this;
    const ids = jobs.map((j) => j.job);
    const renewal = setInterval(
      () => void queue.renew(opts.name, ids, opts.leaseSeconds).catch(() => undefined),
      (opts.leaseSeconds * 1000) / 3,
    );
    const work: Work[] = jobs.map((job) => ({ job }));
    try {
      await this.read(work);
      await this.analyse(work);
      await this.write(work);
      for (const w of work.filter((w) => w.failure && !w.outcome)) {
        await queue.fail(opts.name, w.job.job, w.failure!.message);
        opts.onSettled?.({ kind: 'failed', failure: { ...w.failure!, input: w.job.input } });
      }
      await queue.complete(
        opts.name,
        work.filter((w) => w.outcome).map((w) => w.job.job),
      );
      for (const w of work.filter((w) => w.outcome))
        opts.onSettled?.(
          w.outcome === 'unchanged'
            ? { kind: 'unchanged', id: w.raw!.id }
            : { kind: 'stored', id: w.raw!.id, outcome: w.outcome! },
        );
    } catch (err) {
      await queue.release(opts.name, ids, messageOf(err)).catch(() => undefined);
      throw err;
    } finally {
      clearInterval(renewal);
    }
  }
}

/** Works until stopped (`signal`) or, with `untilEmpty`, until no job is pending or running. */
export async function runWorker(
  store: Store,
  queue: JobQueue,
  opts: RunWorkerOptions,
): Promise<WorkerSummary> {
  const { summary, settle: settled } = ingestCounts(opts.onSettled);
  const analyser = createAnalyser(opts.jobs);
  const round = new WorkerRound(store, queue, analyser, { ...opts, onSettled: settled });
  const wait = (ms: number) => sleep(ms, undefined, { signal: opts.signal }).catch(() => undefined);
  const now = () => (opts.now?.() ?? new Date()).getTime();
  let lastLink = now();
  const link = async (when: 'drained' | 'due') => {
    if (!opts.link) return;
    summary.linked = (summary.linked ?? 0) + (await opts.link(when));
    lastLink = now();
  };
  let retryMs = 0;
  try {
    while (!opts.signal?.aborted) {
      try {
        const jobs = await queue.claim(opts.name, opts.batch, opts.leaseSeconds);
        if (jobs.length) {
          await round.run(jobs);
          if (now() - lastLink >= (opts.linkEverySeconds ?? DEFAULT_LINK_EVERY_S) * 1000) await link('due');
        } else {
          const drained = (await queue.unfinished()) === 0;
          if (drained) await link('drained');
          if (drained && opts.untilEmpty) break;
          await wait(opts.idleMs ?? 1000);
        }
        retryMs = 0;
      } catch (err) {
        retryMs = Math.min(LAST_RETRY_MS, Math.max(FIRST_RETRY_MS, retryMs * 2));
        opts.onTrouble?.(messageOf(err), retryMs);
        await wait(retryMs);
      }
    }
    summary.articles = await store.countArticles();
  } finally {
    await analyser.close();
  }
  return summary;
}
