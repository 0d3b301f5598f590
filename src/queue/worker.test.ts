// Workers in this process on a real server: inputs queued, analysed, written, completed once and
// linked once the queue drained;
// bad inputs failed with their reason; a passing store error retried; an article the store refuses
// failed alone, not with its round; a job redelivered after its article was written writes nothing.
import { describe, expect, it } from 'vitest';
import { freshSchemaUrl, PG_URL } from '../../test/postgres/schemas.js';
import { generateArticles } from '../../test/store/generate-articles.js';
import type { Result } from '../doc/index.js';
import { Fetcher } from '../ingest/fetch.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { WebItem } from '../ingest/read-web.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { linkPending } from '../store/link-pass.js';
import { defaultLinkers } from '../link/index.js';
import type { PutOutcome, Store, StoredArticle } from '../store/types.js';
import { enqueueInputs, openQueue, runWorker, type JobQueue, type RunWorkerOptions } from './index.js';

const options = { noClean: false, anyLanguage: false, published: null };

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const raws = (n: number, seed = 5): Result<RawArticle>[] =>
  generateArticles(n, seed).map((a) => ({ ok: true, value: { ...a, input: `m.jsonl:${a.id}` } }));

const workerOptions = (over: Partial<RunWorkerOptions> = {}): RunWorkerOptions => ({
  name: 'test-worker',
  jobs: 1,
  batch: 4,
  leaseSeconds: 30,
  untilEmpty: true,
  pipelineVersion: 'test-version',
  fetcher: new Fetcher({ retries: 0 }),
  idleMs: 100,
  ...over,
});

async function setUp(inputs: Result<RawArticle>[], pages: Result<WebItem>[] = []) {
  const store = await PostgresStore.open(await freshSchemaUrl());
  const queue = openQueue(store);
  const queued = await enqueueInputs(store, queue, from(inputs), from(pages), {
    options,
    pipelineVersion: 'test-version',
  });
  return { store, queue, queued };
}

/** The store with `putArticles` replaced: everything else is the store's own. */
const withPut = (store: Store, put: (articles: readonly StoredArticle[]) => Promise<PutOutcome[]>): Store =>
  Object.assign(Object.create(store) as Store, { putArticles: put });

const report = (queue: JobQueue) => queue.report();

describe.skipIf(!PG_URL)('runWorker', () => {
  it('analyses and writes every queued input once, and fails the bad ones with their reason', async () => {
    const bad: Result<RawArticle> = { ok: true, value: { id: 'empty', input: 'm.jsonl:empty', text: '   ' } };
    const unreadable: Result<RawArticle> = {
      ok: false,
      error: { input: 'missing.txt', code: 'E_NOT_FOUND', message: 'input does not exist' },
    };
    const page: Result<WebItem> = {
      ok: true,
      value: { url: 'http://127.0.0.1:9/gone', input: 'http://127.0.0.1:9/gone' },
    };
    const { store, queue, queued } = await setUp([...raws(10), bad, unreadable], [page]);
    expect(queued).toEqual({ queued: 12, already_queued: 0, unchanged: 0, failed: 1 });
    const failures: string[] = [];
    // Linking waits for the queue to drain: every article is stored by then.
    const storedWhenLinking: number[] = [];
    const link = async () => {
      storedWhenLinking.push(await store.countArticles());
      return linkPending(store, defaultLinkers());
    };
    const summary = await runWorker(
      store,
      queue,
      workerOptions({ link, onSettled: (e) => e.kind === 'failed' && failures.push(e.failure.input) }),
    );
    expect(summary).toEqual({ added: 10, updated: 0, unchanged: 0, failed: 2, articles: 10, linked: 10 });
    expect(storedWhenLinking).toEqual([10]);
    expect(failures.sort()).toEqual(['http://127.0.0.1:9/gone', 'm.jsonl:empty']);
    expect(await report(queue)).toMatchObject({ pending: 0, running: 0, failed: 2, done: 10, retries: 0 });
    expect((await store.stats()).events).toBeGreaterThan(0);

    // queued again, unchanged: nothing is queued, and a worker finds nothing to do
    const again = await enqueueInputs(store, queue, from(raws(10)), from([]), {
      options,
      pipelineVersion: 'test-version',
    });
    expect(again).toEqual({ queued: 0, already_queued: 0, unchanged: 10, failed: 0 });
    await store.close();
  });

  it('writes nothing for a job delivered again after its article was written', async () => {
    const { store, queue } = await setUp(raws(3));
    await runWorker(store, queue, workerOptions());
    // the same inputs queued again (new keys): what a worker finds when the one before it wrote
    // the articles and died before completing their jobs
    await queue.enqueue(
      raws(3).map((r) => ({
        input: r.ok ? r.value.input : '',
        dedupe: `redelivered-${r.ok ? r.value.id : ''}`,
        payload: { kind: 'raw' as const, raw: (r as { value: RawArticle }).value, options },
      })),
    );
    const summary = await runWorker(store, queue, workerOptions());
    expect(summary).toEqual({ added: 0, updated: 0, unchanged: 3, failed: 0, articles: 3 });
    await store.close();
  });

  it('hands its round back on a passing store error and finishes it later', async () => {
    const { store, queue } = await setUp(raws(3));
    let refusals = 1;
    const flaky = withPut(store, async (articles) => {
      if (refusals-- > 0)
        throw Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        });
      return store.putArticles(articles);
    });
    const troubles: string[] = [];
    const summary = await runWorker(flaky, queue, workerOptions({ onTrouble: (m) => troubles.push(m) }));
    expect(troubles).toEqual(['terminating connection due to administrator command']);
    expect(summary).toMatchObject({ added: 3, failed: 0, articles: 3 });
    expect(await report(queue)).toMatchObject({ done: 3, retries: 3, failed: 0 });
    await store.close();
  });

  it('fails only the article the store refuses, not its whole round', async () => {
    const inputs = raws(4);
    const refused = (inputs[2] as { value: RawArticle }).value.id;
    const { store, queue } = await setUp(inputs);
    const strict = withPut(store, async (articles) => {
      if (articles.some((a) => a.id === refused))
        throw Object.assign(new Error('null value in column "text" violates not-null constraint'), {
          code: '23502',
        });
      return store.putArticles(articles);
    });
    const summary = await runWorker(strict, queue, workerOptions());
    expect(summary).toMatchObject({ added: 3, failed: 1, articles: 3 });
    const { failures } = await report(queue);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.error).toContain('the store refused it');
    await store.close();
  });

  it('stops after the round in progress when told to', async () => {
    const { store, queue } = await setUp(raws(8));
    const stop = new AbortController();
    const summary = await runWorker(
      store,
      queue,
      workerOptions({ untilEmpty: false, signal: stop.signal, onSettled: () => stop.abort() }),
    );
    expect(summary.added).toBe(4); // one round of --batch 4
    expect(await report(queue)).toMatchObject({ pending: 4, running: 0, done: 4 });
    await store.close();
  });

  it('links while busy once a link is due, and again when the queue drains', async () => {
    const { store, queue } = await setUp(raws(8));
    const calls: string[] = [];
    let clock = 0;
    const summary = await runWorker(
      store,
      queue,
      workerOptions({
        // each reading of this clock moves it 30 s on; a link is due every 90 s
        now: () => new Date((clock += 30_000)),
        linkEverySeconds: 90,
        link: async (when) => {
          calls.push(when);
          return linkPending(store, defaultLinkers());
        },
      }),
    );
    expect(calls).toEqual(['due', 'drained']);
    expect(summary.linked).toBe(8);
    expect((await store.stats()).stories).toBeGreaterThan(0);
    await store.close();
  });
});
