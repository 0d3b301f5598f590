/**
 * The shared ingest queue on PostgreSQL: a jobs table (migration 2) claimed with
 * `FOR UPDATE SKIP LOCKED`, so any number of workers take distinct jobs without waiting on each
 * other, and leases, so a job whose worker died is claimed again once its lease runs out. We wrote
 * it instead of using pg-boss (docs/decisions.md): it is a handful of statements on tables that
 * live, migrate and back up with the store, needs no maintenance process, and reports exactly what
 * `storyline queue` shows.
 */
import type { PgPool } from '../store/postgres/connect.js';
import { inTransaction } from '../store/postgres/connect.js';
import type { ClaimedJob, JobPayload, JobQueue, NewJob, QueueReport } from './types.js';

/** Claims of one job before it is failed: a job that kills its worker must not kill them all. */
export const MAX_ATTEMPTS = 5;
/** Retry delays double from 2 s (2, 4, 8, 16 s), at most 5 minutes. */
const MAX_RETRY_DELAY_S = 300;
const FAILURES_SHOWN = 10;

const lease = (param: string) => `now() + make_interval(secs => ${param})`;

export class PostgresQueue implements JobQueue {
  constructor(private readonly pool: PgPool) {}

  async enqueue(jobs: readonly NewJob[]): Promise<number> {
    if (!jobs.length) return 0;
    const { rowCount } = await this.pool.query(
      'INSERT INTO queue_jobs (kind, input, dedupe, payload)' +
        ' SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::json[])' +
        " ON CONFLICT (dedupe) WHERE state <> 'failed' DO NOTHING",
      [
        jobs.map((j) => j.payload.kind),
        jobs.map((j) => j.input),
        jobs.map((j) => j.dedupe),
        jobs.map((j) => JSON.stringify(j.payload)),
      ],
    );
    return rowCount ?? 0;
  }

  /** Hands back jobs whose lease ran out (their worker stopped or died), or fails them after `MAX_ATTEMPTS`. */
  private async reap(): Promise<void> {
    await this.pool.query(
      "WITH expired AS (SELECT job FROM queue_jobs WHERE state = 'running' AND lease_until < now()" +
        ' FOR UPDATE SKIP LOCKED)' +
        ` UPDATE queue_jobs j SET state = CASE WHEN j.attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END,` +
        ` error = CASE WHEN j.attempts >= ${MAX_ATTEMPTS}` +
        " THEN 'its worker stopped before finishing it, ' || j.attempts || ' times' ELSE j.error END," +
        ' worker = NULL, lease_until = NULL FROM expired WHERE j.job = expired.job',
    );
  }

  async claim(worker: string, max: number, leaseSeconds: number): Promise<ClaimedJob[]> {
    await this.reap();
    const { rows } = await this.pool.query<ClaimedJob & { payload: JobPayload }>(
      "WITH ready AS (SELECT job FROM queue_jobs WHERE state = 'pending' AND run_after <= now()" +
        ' ORDER BY job LIMIT $1 FOR UPDATE SKIP LOCKED),' +
        " claimed AS (UPDATE queue_jobs j SET state = 'running', attempts = j.attempts + 1, worker = $2," +
        ` lease_until = ${lease('$3')} FROM ready WHERE j.job = ready.job` +
        ' RETURNING j.job, j.input, j.payload, j.attempts),' +
        ' counted AS (UPDATE queue_totals SET retried = retried + (SELECT count(*) FROM claimed WHERE attempts > 1)' +
        ' WHERE EXISTS (SELECT 1 FROM claimed WHERE attempts > 1))' +
        ' SELECT * FROM claimed ORDER BY job',
      [max, worker, leaseSeconds],
    );
    return rows;
  }

  async renew(worker: string, jobs: readonly number[], leaseSeconds: number): Promise<void> {
    await this.pool.query(
      `UPDATE queue_jobs SET lease_until = ${lease('$3')}` +
        " WHERE job = ANY($1::bigint[]) AND worker = $2 AND state = 'running'",
      [jobs, worker, leaseSeconds],
    );
  }

  async complete(worker: string, jobs: readonly number[]): Promise<void> {
    if (!jobs.length) return;
    await this.pool.query(
      "WITH done AS (DELETE FROM queue_jobs WHERE job = ANY($1::bigint[]) AND worker = $2 AND state = 'running'" +
        ' RETURNING 1) UPDATE queue_totals SET done = done + (SELECT count(*) FROM done)' +
        ' WHERE EXISTS (SELECT 1 FROM done)',
      [jobs, worker],
    );
  }

  async fail(worker: string, job: number, error: string): Promise<void> {
    await this.pool.query(
      "UPDATE queue_jobs SET state = 'failed', error = $3, worker = NULL, lease_until = NULL" +
        " WHERE job = $1 AND worker = $2 AND state = 'running'",
      [job, worker, error],
    );
  }

  async release(worker: string, jobs: readonly number[], error: string): Promise<void> {
    if (!jobs.length) return;
    await this.pool.query(
      `UPDATE queue_jobs SET state = CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'pending' END,` +
        ` run_after = now() + make_interval(secs => least(${MAX_RETRY_DELAY_S}, 2 ^ attempts)),` +
        ' error = $3, worker = NULL, lease_until = NULL' +
        " WHERE job = ANY($1::bigint[]) AND worker = $2 AND state = 'running'",
      [jobs, worker, error],
    );
  }

  async unfinished(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      "SELECT count(*) AS n FROM queue_jobs WHERE state IN ('pending', 'running')",
    );
    return rows[0]!.n;
  }

  async report(): Promise<QueueReport> {
    type FailureRow = QueueReport['failures'][number] & { job: number };
    const { rows } = await this.pool.query<Omit<QueueReport, 'failures'> & { failures: FailureRow[] }>(
      'SELECT' +
        " (SELECT count(*) FROM queue_jobs WHERE state = 'pending') AS pending," +
        " (SELECT count(*) FROM queue_jobs WHERE state = 'running' AND lease_until >= now()) AS running," +
        " (SELECT count(*) FROM queue_jobs WHERE state = 'running' AND lease_until < now()) AS stalled," +
        " (SELECT count(*) FROM queue_jobs WHERE state = 'failed') AS failed," +
        ' t.done, t.retried AS retries,' +
        " (SELECT coalesce(json_agg(w ORDER BY w.worker), '[]') FROM (SELECT worker, count(*) AS running" +
        " FROM queue_jobs WHERE state = 'running' GROUP BY worker) w) AS workers," +
        " (SELECT coalesce(json_agg(f ORDER BY f.job DESC), '[]') FROM (SELECT job, input, error, attempts" +
        ` FROM queue_jobs WHERE state = 'failed' ORDER BY job DESC LIMIT ${FAILURES_SHOWN}) f) AS failures` +
        ' FROM queue_totals t',
    );
    const r = rows[0]!;
    return {
      pending: r.pending,
      running: r.running,
      stalled: r.stalled,
      failed: r.failed,
      done: r.done,
      retries: r.retries,
      workers: r.workers,
      failures: r.failures.map(({ input, error, attempts }) => ({ input, error, attempts })),
    };
  }

  async retryFailed(): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      // A failed job whose input is queued again, or failed again later, is dropped rather than
      // queued twice: one job per input may wait or run at a time.
      await client.query(
        "DELETE FROM queue_jobs f WHERE f.state = 'failed' AND EXISTS (SELECT 1 FROM queue_jobs o" +
          " WHERE o.dedupe = f.dedupe AND (o.state <> 'failed' OR o.job > f.job))",
      );
      const { rowCount } = await client.query(
        "UPDATE queue_jobs SET state = 'pending', attempts = 0, run_after = now(), error = NULL" +
          " WHERE state = 'failed'",
      );
      return rowCount ?? 0;
    });
  }

  async clearFailed(): Promise<number> {
    const { rowCount } = await this.pool.query("DELETE FROM queue_jobs WHERE state = 'failed'");
    return rowCount ?? 0;
  }
}
