// The corpus commands end to end, in-process: ingest (titles from the manifest, bad inputs reported),
// search (JSON shape, facets, syntax errors as one line), export (every format), stats and articles.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonLines, runCli } from '../cli-harness.js';
import { generateArticles, manifestOf } from './generate-articles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-cli-'));
const db = path.join(dir, 'corpus.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const articles = generateArticles(40, 11);

beforeAll(async () => {
  const manifest = path.join(dir, 'm.jsonl');
  writeFileSync(manifest, manifestOf(articles));
  const first = await run('ingest', '--input', manifest, '--db', db, '--json', path.join(dir, 'missing.txt'));
  expect(first.code).toBe(1);
  expect(JSON.parse(first.stdout)).toEqual({
    added: 40,
    updated: 0,
    unchanged: 0,
    failed: 1,
    articles: 40,
    linked: 40,
  });
  expect(first.stderr.trim().split('\n')).toEqual([
    `storyline: ${path.join(dir, 'missing.txt')}: input does not exist`,
  ]);
});

describe('storyline corpus commands', () => {
  it('re-ingests unchanged content without writing, and replaces a changed article', async () => {
    const changed = path.join(dir, 'changed.jsonl');
    writeFileSync(changed, manifestOf([{ ...articles[0]!, title: 'A new headline for the first article' }]));
    const again = await run('ingest', '--input', changed, '--db', db, '--json');
    // The replaced article is linked again, alone: nothing else depended on it.
    expect(JSON.parse(again.stdout)).toEqual({
      added: 0,
      updated: 1,
      unchanged: 0,
      failed: 0,
      articles: 40,
      linked: 1,
    });
  });

  it('searches with the contract shape, the manifest title, and facets', async () => {
    const res = await run('search', 'sanctions', '--db', db, '--json', '--facets', '--limit', '3');
    expect(res.code).toBe(0);
    const lines = jsonLines(res.stdout);
    const hits = lines.slice(0, -1);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(Object.keys(hit)).toEqual(['id', 'title', 'published', 'source', 'score', 'snippet']);
      expect(hit.snippet).toContain('**sanctions**');
      expect(articles.find((a) => a.id === hit.id)?.title).toBe(hit.title);
    }
    const last = lines.at(-1) as { total: number; facets: { types: { value: string }[] } };
    expect(last.total).toBeGreaterThanOrEqual(hits.length);
    expect(last.facets.types.map((t) => t.value)).toContain('SANCTION');
  });

  it.each([
    [['search', 'ferry OR', '--db', db], 'the search query is not valid: OR needs a word on each side'],
    [['search', 'x', '--country', 'France', '--db', db], '--country'],
    [['search', 'x', '--from', 'yesterday', '--db', db], '--from'],
    [['export', '--format', 'gdelt', '--db', db], '--out'],
    [['export', '--format', 'xml', '--db', db], '--format'],
  ])('%j is a usage error with one clear line', async (args, message) => {
    const res = await run(...args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr).not.toMatch(/sqlite|fts5|at .*\.ts/i);
  });

  it('exports every format, with the same filters as search', async () => {
    const jsonl = await run('export', '--format', 'jsonl', '--db', db);
    expect(jsonLines(jsonl.stdout).map((a) => a.id)).toEqual(articles.map((a) => a.id));
    const csv = await run('export', '--format', 'csv', '--db', db, '--type', 'SANCTION');
    const rows = csv.stdout.trim().split('\r\n');
    expect(rows[0]).toMatch(/^article_id,published,title/);
    expect(rows.slice(1).every((r) => r.includes(',SANCTION,'))).toBe(true);
    const out = path.join(dir, 'gdelt');
    expect((await run('export', '--format', 'gdelt', '--db', db, '--out', out)).code).toBe(0);
    const events = readFileSync(`${out}.export.CSV`, 'utf8').trim().split('\n');
    expect(events[0]!.split('\t')).toHaveLength(61);
    expect(readFileSync(`${out}.mentions.CSV`, 'utf8').trim().split('\n')).toHaveLength(events.length);
    expect(existsSync(`${out}.export.CSV.partial`)).toBe(false);
    const plover = await run('export', '--format', 'plover', '--db', db, '--query', 'protested');
    expect(jsonLines(plover.stdout).every((r) => Array.isArray(r.event))).toBe(true);
  });

  it('prints stats and article listings in the contract shapes, using $STORYLINE_DB', async () => {
    vi.stubEnv('STORYLINE_DB', db);
    try {
      const stats = JSON.parse((await run('stats', '--json')).stdout) as Record<string, number>;
      expect(Object.keys(stats)).toEqual(['articles', 'entities', 'events', 'stories', 'duplicates']);
      expect(stats.articles).toBe(40);
      const listing = jsonLines((await run('articles', '--json', '--source', articles[0]!.source)).stdout);
      expect(listing.length).toBeGreaterThan(0);
      expect(Object.keys(listing[0]!)).toEqual([
        'id', 'title', 'published', 'source', 'url', 'story', 'duplicate_of', 'similar',
      ]); // prettier-ignore
      expect(listing.every((a) => a.source === articles[0]!.source)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
