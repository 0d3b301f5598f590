// The queue commands end to end, in-process: `ingest --queue`, `worker`, `queue` on a PostgreSQL
// store, the corpus commands reading what the worker wrote, and the one-line refusal on SQLite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { freshSchemaUrl, PG_URL } from '../postgres/schemas.js';
import { generateArticles, manifestOf } from './generate-articles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-queue-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const manifest = path.join(dir, 'm.jsonl');
writeFileSync(manifest, manifestOf(generateArticles(12, 3)));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  try {
    return { code: await main(['node', 'storyline', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('the queue commands on SQLite', () => {
  it.each([
    ['ingest', '--queue', '--input', manifest],
    ['worker', '--until-empty'],
    ['queue', '--json'],
  ])('%s %s is refused with one line', async (...args) => {
    const res = await run(...args, '--db', path.join(dir, 'local.db'));
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'storyline: the shared queue needs a PostgreSQL store (--db postgres://…); a sqlite store has none\n',
    );
  });
});

describe.skipIf(!PG_URL)('the queue commands on PostgreSQL', () => {
  it('queues, works, reports, and leaves a store every corpus command reads', async () => {
    const db = await freshSchemaUrl();
    const queued = await run(
      'ingest',
      '--queue',
      '--json',
      '--input',
      manifest,
      path.join(dir, 'nope.txt'),
      '--db',
      db,
    );
    expect(queued.code).toBe(1);
    expect(JSON.parse(queued.stdout)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 0,
      failed: 1,
      articles: 0,
      queued: 12,
      already_queued: 0,
    });
    expect(queued.stderr).toBe(`storyline: ${path.join(dir, 'nope.txt')}: input does not exist\n`);
    expect((await run('ingest', '--queue', '--input', manifest, '--db', db)).stdout).toMatch(
      /^ingest --queue: 0 queued, 12 already queued, 0 unchanged, 0 failed; 0 articles in postgres:\/\//,
    );

    const waiting = await run('queue', '--db', db);
    expect(waiting.stdout).toMatch(/^pending +12\nrunning +0\nstalled +0\nfailed +0\ndone +0\nretries +0\n$/);

    const worked = await run('worker', '--until-empty', '--jobs', '1', '--json', '--db', db);
    expect(worked.code, worked.stderr).toBe(0);
    expect(JSON.parse(worked.stdout)).toEqual({
      added: 12,
      updated: 0,
      unchanged: 0,
      failed: 0,
      articles: 12,
      linked: 12,
    });

    const report = JSON.parse((await run('queue', '--json', '--db', db)).stdout);
    expect(report).toEqual({
      pending: 0,
      running: 0,
      stalled: 0,
      failed: 0,
      done: 12,
      retries: 0,
      workers: [],
      failures: [],
    });
    const stats = JSON.parse((await run('stats', '--json', '--db', db)).stdout);
    // linked by the worker once the queue drained
    expect(stats).toMatchObject({ articles: 12, duplicates: 0 });
    expect(stats.entities).toBeGreaterThan(0);
    expect(stats.stories).toBeGreaterThan(0);
    const listed = (await run('articles', '--json', '--db', db)).stdout.trim().split('\n');
    expect(listed.map((l) => (JSON.parse(l) as { story: string | null }).story).every(Boolean)).toBe(true);
    const hits = (await run('search', 'talks', '--json', '--db', db)).stdout.trim().split('\n');
    expect(hits.length).toBeGreaterThan(0);
    expect(Object.keys(JSON.parse(hits[0]!)).sort()).toEqual([
      'id',
      'published',
      'score',
      'snippet',
      'source',
      'title',
    ]);

    // everything is stored: a second enqueue finds it unchanged and queues nothing
    const again = JSON.parse(
      (await run('ingest', '--queue', '--json', '--input', manifest, '--db', db)).stdout,
    );
    expect(again).toMatchObject({ unchanged: 12, queued: 0, articles: 12 });
  });
});

describe('a store URL with a password', () => {
  it('never has it printed', async () => {
    // a port nobody listens on: the connection is refused at once
    const res = await run('stats', '--db', 'postgres://reader:hidden-word@127.0.0.1:9/news');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /^storyline: cannot open the store postgres:\/\/reader:\*\*\*@127\.0\.0\.1:9\/news: /,
    );
    expect(res.stderr).not.toContain('hidden-word');
  });
});
