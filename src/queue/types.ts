/**
 * The shared ingest queue's shapes: what a job carries, what a worker claims, and what
 * `storyline queue` reports. A job is one input as `storyline ingest` would have read it (a raw
 * article with its text, or a page URL to fetch) plus the extraction options it was given, so any
 * worker on any machine analyses it exactly as the enqueuing command would have.
 */
import type { HashedOptions } from '../ingest/content-hash.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { WebItem } from '../ingest/read-web.js';

/** The extraction options a job was enqueued with (they also enter its content hash). */
export type JobOptions = Required<HashedOptions>;

export type JobPayload =
  | { readonly kind: 'raw'; readonly raw: RawArticle; readonly options: JobOptions }
  | { readonly kind: 'page'; readonly page: WebItem; readonly options: JobOptions };

export interface NewJob {
  readonly payload: JobPayload;
  /** How error lines name the input (path, `F.jsonl:LINE`, URL, `FEED#N`). */
  readonly input: string;
  /** Equal keys are one job while it waits or runs: the content hash, or a digest of URL and options. */
  readonly dedupe: string;
}

export interface ClaimedJob {
  readonly job: number;
  readonly input: string;
  readonly payload: JobPayload;
  /** 1 on the first claim; more when an earlier worker failed or died holding it. */
  readonly attempts: number;
}

/** `storyline queue --json`. */
export interface QueueReport {
  /** Waiting to be claimed (including jobs waiting out a retry delay). */
  pending: number;
  /** Claimed, under a live lease. */
  running: number;
  /** Claimed, but the lease ran out (the worker stopped or died): claimed again soon. */
  stalled: number;
  /** Given up: bad input, or too many attempts; kept with their error until retried or cleared. */
  failed: number;
  /** Completed and removed from the queue, since the queue was created. */
  done: number;
  /** Claims of a job that an earlier worker had claimed and not completed. */
  retries: number;
  /** Workers holding jobs now, with how many each. */
  workers: { worker: string; running: number }[];
  /** The most recent failures. */
  failures: { input: string; error: string | null; attempts: number }[];
}

/**
 * The queue a store offers (PostgreSQL's, `postgres-queue.ts`). Every method is safe to call from
 * any number of processes at once; a job is held by one worker at a time, under a lease.
 */
export interface JobQueue {
  /** Adds jobs; returns how many were new (the rest were already waiting or running). */
  enqueue(jobs: readonly NewJob[]): Promise<number>;
  /** Claims up to `max` ready jobs, oldest first, leased to `worker` for `leaseSeconds`. */
  claim(worker: string, max: number, leaseSeconds: number): Promise<ClaimedJob[]>;
  /** Extends the lease of jobs `worker` still holds. */
  renew(worker: string, jobs: readonly number[], leaseSeconds: number): Promise<void>;
  /** Removes jobs `worker` finished (their articles are written, or were already stored). */
  complete(worker: string, jobs: readonly number[]): Promise<void>;
  /** Gives up on one job for good (its input cannot be analysed). */
  fail(worker: string, job: number, error: string): Promise<void>;
  /** Hands jobs back after a passing error, to be tried again later (failed after too many attempts). */
  release(worker: string, jobs: readonly number[], error: string): Promise<void>;
  /** Jobs pending or running (a worker run with `--until-empty` stops at zero). */
  unfinished(): Promise<number>;
  report(): Promise<QueueReport>;
  /** Puts failed jobs back in the queue; returns how many. */
  retryFailed(): Promise<number>;
  /** Deletes failed jobs; returns how many. */
  clearFailed(): Promise<number>;
}
