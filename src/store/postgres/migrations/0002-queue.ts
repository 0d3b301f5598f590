/**
 * Migration 2 (PostgreSQL only): the shared ingest queue (src/queue/). One row per job; workers
 * claim jobs with `FOR UPDATE SKIP LOCKED` and hold them under a lease that they renew, so a job
 * whose worker died is claimed again when its lease runs out. Done jobs are deleted and counted in
 * `queue_totals`; failed ones stay, with their error, until retried or cleared.
 */
export const name = 'ingest queue';

export const sql = `
CREATE TABLE queue_jobs (
  job bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('raw', 'page')),
  input text NOT NULL,
  dedupe text NOT NULL,
  payload json NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  run_after timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  worker text,
  error text,
  enqueued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queue_jobs_pending ON queue_jobs (job) WHERE state = 'pending';
CREATE INDEX queue_jobs_leases ON queue_jobs (lease_until) WHERE state = 'running';
-- The same input (id and content hash, or page URL) is queued once while it waits or runs.
CREATE UNIQUE INDEX queue_jobs_dedupe ON queue_jobs (dedupe) WHERE state <> 'failed';

CREATE TABLE queue_totals (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  done bigint NOT NULL DEFAULT 0,
  retried bigint NOT NULL DEFAULT 0
);
INSERT INTO queue_totals DEFAULT VALUES;
`;
