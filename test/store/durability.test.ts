// Nothing lost, nothing doubled: an ingest SIGKILLed half-way resumes to the same store as a clean
// run, links included (linking goes in one fixed order, so the entities, stories and merged events
// are the very same rows), and two ingest processes on one file wait for each other instead of failing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/index.js';
import { analyzeShape } from '../../src/store/export/index.js';
import type { IngestSummary } from '../../src/store/index.js';
import { generateArticles, manifestOf } from './generate-articles.js';

const RUN_CLI = fileURLToPath(new URL('./run-cli.ts', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'storyline-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function ingest(args: string[], onStart?: (kill: () => void) => void): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUN_CLI, 'ingest', '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  onStart?.(() => child.kill('SIGKILL'));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

const summaryOf = (run: Run): IngestSummary => JSON.parse(run.stdout) as IngestSummary;

/** Row counts of every table, the jsonl export, and SQLite's own integrity verdict. */
async function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  const count = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    [
      'articles',
      'mentions',
      'timexes',
      'events',
      'entities',
      'merged_events',
      'stories',
      'article_links',
    ].map((t) => [t, count(t)]),
  );
  const links = ['entities', 'merged_events', 'stories', 'entity_forms']
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()))
    .join('\n');
  const distinctIds = (db.prepare('SELECT COUNT(DISTINCT id) AS n FROM articles').get() as { n: number }).n;
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  const store = new SqliteStore(file);
  let exported = '';
  for await (const a of store.exportArticles()) exported += analyzeShape(a);
  await store.close();
  return { counts, distinctIds, integrity, exported, links };
}

function articlesIn(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const n = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    db.close();
    return n;
  } catch {
    return 0; // not created or not migrated yet
  }
}

describe('ingest durability', () => {
  const articles = generateArticles(1000);
  const manifest = path.join(dir, 'articles.jsonl');
  writeFileSync(manifest, manifestOf(articles));

  // Three ingests of 1,000 articles in child processes (two side by side): minutes on a loaded machine.
  const SLOW = { timeout: 240_000 };

  it('resumes a SIGKILLed ingest of 1,000 articles to the same store as a clean run', SLOW, async () => {
    // the clean run and the run to be killed go side by side (they share nothing)
    const clean = path.join(dir, 'clean.db');
    const killed = path.join(dir, 'killed.db');
    const [cleanRun, killedRun] = await Promise.all([
      ingest(['--input', manifest, '--db', clean, '--batch', '20']),
      ingest(['--input', manifest, '--db', killed, '--batch', '20'], (kill) => {
        const poll = setInterval(() => {
          if (articlesIn(killed) < 300) return;
          clearInterval(poll);
          kill();
        }, 10);
      }),
    ]);
    expect(cleanRun.code, cleanRun.stderr).toBe(0);
    expect(summaryOf(cleanRun)).toEqual({
      added: 1000,
      updated: 0,
      unchanged: 0,
      failed: 0,
      articles: 1000,
      linked: 1000,
    });
    expect(killedRun.signal).toBe('SIGKILL');
    const survived = articlesIn(killed);
    expect(survived).toBeGreaterThanOrEqual(300);
    expect(survived).toBeLessThan(1000);

    const resumed = await ingest(['--input', manifest, '--db', killed, '--batch', '20']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(summaryOf(resumed)).toEqual({
      added: 1000 - survived,
      updated: 0,
      unchanged: survived,
      failed: 0,
      articles: 1000,
      linked: 1000,
    });

    const [a, b] = [await snapshot(clean), await snapshot(killed)];
    expect(b.integrity).toBe('ok');
    expect(b.distinctIds).toBe(1000);
    expect(b.counts).toEqual(a.counts);
    expect(a.counts.events).toBeGreaterThan(0);
    expect(b.exported).toBe(a.exported);
    expect(a.counts.entities).toBeGreaterThan(0);
    expect(b.links).toBe(a.links);

    // and a third run over unchanged content writes nothing
    const again = await ingest(['--input', manifest, '--db', killed]);
    expect(summaryOf(again)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1000,
      failed: 0,
      articles: 1000,
      linked: 0,
    });
  });

  it('lets two ingest processes share one store file, each article once', SLOW, async () => {
    const file = path.join(dir, 'shared.db');
    const [left, right] = [path.join(dir, 'left.jsonl'), path.join(dir, 'right.jsonl')];
    // overlapping halves: 0-249 and 150-399, so 150 articles are offered by both
    writeFileSync(left, manifestOf(articles.slice(0, 250)));
    writeFileSync(right, manifestOf(articles.slice(150, 400)));
    const runs = await Promise.all([
      ingest(['--input', left, '--db', file, '--batch', '5']),
      ingest(['--input', right, '--db', file, '--batch', '5']),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const [l, r] = runs.map(summaryOf) as [IngestSummary, IngestSummary];
    expect(l.failed + r.failed).toBe(0);
    expect(l.added + r.added).toBe(400);
    expect(l.unchanged + r.unchanged).toBe(100);
    const snap = await snapshot(file);
    expect(snap.integrity).toBe('ok');
    expect(snap.counts.articles).toBe(400);
    expect(snap.distinctIds).toBe(400);
    expect(snap.counts.article_links).toBe(400);
  });
});
