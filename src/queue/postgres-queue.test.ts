// The shared queue on a real server: jobs deduplicated while they wait, claimed by one worker at a
// time, handed back when a lease runs out, retried with a delay, failed after too many attempts.
// Lease expiry is simulated by moving `lease_until` into the past, so no test waits for a clock.
import { describe, expect, it } from 'vitest';
import { freshSchemaUrl, PG_URL } from '../../test/postgres/schemas.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { MAX_ATTEMPTS, openQueue, type JobQueue, type NewJob } from './index.js';

const options = { noClean: false, anyLanguage: false, published: null };
const job = (n: number, dedupe = `key-${n}`): NewJob => ({
  input: `m.jsonl:${n}`,
  dedupe,
  payload: { kind: 'raw', raw: { id: `a${n}`, input: `m.jsonl:${n}`, text: `Text ${n}.` }, options },
});

async function freshQueue(): Promise<{ store: PostgresStore; queue: JobQueue }> {
  const store = await PostgresStore.open(await freshSchemaUrl());
  return { store, queue: openQueue(store) };
}

/** Every running lease runs out now, as if its worker had died. */
const expireLeases = (store: PostgresStore) =>
  store.pool.query("UPDATE queue_jobs SET lease_until = now() - interval '1 second' WHERE state = 'running'");

describe.skipIf(!PG_URL)('PostgresQueue', () => {
  it('queues an input once while it waits or runs, and again after it failed', async () => {
    const { store, queue } = await freshQueue();
    expect(await queue.enqueue([job(1), job(2), job(1)])).toBe(2);
    expect(await queue.enqueue([job(1)])).toBe(0);
    const [first] = await queue.claim('w1', 1, 60);
    expect(await queue.enqueue([job(1)])).toBe(0); // running
    await queue.fail('w1', first!.job, 'bad input');
    expect(await queue.enqueue([job(1)])).toBe(1); // failed jobs do not block it
    expect(await queue.unfinished()).toBe(2);
    await store.close();
  });

  it('gives each job to one of many claimers at once, oldest first', async () => {
    const { store, queue } = await freshQueue();
    await queue.enqueue(Array.from({ length: 50 }, (_, i) => job(i)));
    const claims = await Promise.all(Array.from({ length: 6 }, (_, w) => queue.claim(`w${w}`, 10, 60)));
    const ids = claims.flat().map((j) => j.job);
    expect(ids.length).toBe(50);
    expect(new Set(ids).size).toBe(50);
    for (const claim of claims)
      expect(claim.map((j) => j.job)).toEqual([...claim.map((j) => j.job)].sort((a, b) => a - b));
    expect(claims.flat().every((j) => j.attempts === 1 && j.payload.kind === 'raw')).toBe(true);
    expect(await queue.claim('late', 10, 60)).toEqual([]);
    await store.close();
  });

  it('hands a job whose lease ran out to another worker, and ignores the old holder', async () => {
    const { store, queue } = await freshQueue();
    await queue.enqueue([job(1)]);
    const [held] = await queue.claim('dead', 5, 60);
    expect(await queue.claim('alive', 5, 60)).toEqual([]);
    await expireLeases(store);
    expect((await queue.report()).stalled).toBe(1);
    const [again] = await queue.claim('alive', 5, 60);
    expect(again).toMatchObject({ job: held!.job, attempts: 2 });
    await queue.complete('dead', [held!.job]); // not the holder any more: nothing happens
    expect(await queue.unfinished()).toBe(1);
    await queue.complete('alive', [again!.job]);
    expect(await queue.report()).toMatchObject({ pending: 0, running: 0, done: 1, retries: 1, failed: 0 });
    await store.close();
  });

  it('keeps a renewed lease, and fails a job whose workers keep dying', async () => {
    const { store, queue } = await freshQueue();
    await queue.enqueue([job(1)]);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [held] = await queue.claim(`w${attempt}`, 1, 60);
      expect(held!.attempts).toBe(attempt);
      await expireLeases(store);
      await queue.renew(`w${attempt}`, [held!.job], 60);
      if (attempt === 1) expect(await queue.claim('other', 1, 60)).toEqual([]); // renewed: still held
      await expireLeases(store);
    }
    expect(await queue.claim('last', 1, 60)).toEqual([]);
    const report = await queue.report();
    expect(report).toMatchObject({ pending: 0, running: 0, failed: 1, retries: MAX_ATTEMPTS - 1 });
    expect(report.failures[0]).toMatchObject({ input: 'm.jsonl:1', attempts: MAX_ATTEMPTS });
    expect(report.failures[0]!.error).toContain('stopped before finishing it');
    await store.close();
  });

  it('delays a released job, and lists workers and failures in the report', async () => {
    const { store, queue } = await freshQueue();
    await queue.enqueue([job(1), job(2), job(3)]);
    const held = await queue.claim('w1', 3, 60);
    await queue.release('w1', [held[0]!.job], 'the server restarted');
    await queue.fail('w1', held[1]!.job, 'input is empty');
    expect(await queue.claim('w2', 3, 60)).toEqual([]); // the released job waits out its delay
    const report = await queue.report();
    expect(report).toMatchObject({ pending: 1, running: 1, failed: 1, done: 0 });
    expect(report.workers).toEqual([{ worker: 'w1', running: 1 }]);
    expect(report.failures).toEqual([{ input: 'm.jsonl:2', error: 'input is empty', attempts: 1 }]);
    await store.pool.query("UPDATE queue_jobs SET run_after = now() WHERE state = 'pending'");
    expect((await queue.claim('w2', 3, 60)).map((j) => j.attempts)).toEqual([2]);
    await store.close();
  });

  it('puts failed jobs back once per input, or clears them', async () => {
    const { store, queue } = await freshQueue();
    await queue.enqueue([job(1), job(2)]);
    for (const held of await queue.claim('w', 2, 60)) await queue.fail('w', held.job, 'no');
    await queue.enqueue([job(1)]); // queued again by hand: the failed copy is dropped, not doubled
    expect(await queue.retryFailed()).toBe(1);
    expect(await queue.report()).toMatchObject({ pending: 2, failed: 0 });
    for (const held of await queue.claim('w', 2, 60)) await queue.fail('w', held.job, 'no');
    expect(await queue.clearFailed()).toBe(2);
    expect(await queue.report()).toMatchObject({ pending: 0, failed: 0 });
    await store.close();
  });
});
