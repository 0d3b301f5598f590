// The linking commands end to end, in process, over the sample corpus ingested into a fresh store:
// entity (any spelling; several matches exit 3, none exit 1), timeline (a dyad, a type), stories,
// story, articles with their links, stats and link.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MANIFEST } from '../../src/cli/sample-store.js';
import { jsonLines, runCli } from '../cli-harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyline-link-cli-'));
const db = path.join(dir, 'samples.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const ingest = await runCli('ingest', '--input', SAMPLE_MANIFEST, '--db', db, '--jobs', '1', '--json');
  expect(ingest.code, ingest.stderr).toBe(0);
  expect(JSON.parse(ingest.stdout)).toMatchObject({ added: 35, articles: 35, linked: 35 });
});

describe('storyline entity', () => {
  it('finds a person under any spelling, with the contract shape', async () => {
    const spellings = ['Pak Chol-su', 'PAK CHOL SU', 'pak chol-Su'];
    const found: Awaited<ReturnType<typeof runCli>>[] = [];
    for (const n of spellings) found.push(await runCli('entity', n, '--db', db, '--json'));
    for (const r of found) expect(r.code).toBe(0);
    const [profile] = jsonLines(found[0]!.stdout);
    expect(found.map((r) => r.stdout)).toEqual(spellings.map(() => found[0]!.stdout));
    expect(profile).toMatchObject({ name: 'Pak Chol-su', type: 'PERSON', country: 'PRK' });
    expect(Object.keys(profile!)).toEqual(
      expect.arrayContaining(['id', 'aliases', 'roles', 'articles', 'mentions', 'first', 'last']),
    );
    const aliases = (profile!.aliases as { text: string }[]).map((a) => a.text);
    expect(aliases).toEqual(expect.arrayContaining(['Pak Chol-su', 'Pak Chol Su', 'Pak Chol-Su']));
  });

  it('lists the people a surname names and exits 3', async () => {
    const r = await runCli('entity', 'Pak', '--db', db);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/"Pak" names 2 entities/);
    expect(r.stdout).toMatch(/Pak Chol-su/);
    expect(r.stdout).toMatch(/Pak Myong-ho/);
  });

  it('says so in one line when nobody bears the name', async () => {
    const r = await runCli('entity', 'Nobody Atall', '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['storyline: no entity is named "Nobody Atall"']);
  });
});

describe('storyline timeline', () => {
  it("lists a pair's merged events in date order, a trip announced then done as one event", async () => {
    const r = await runCli(
      'timeline',
      'Pak Chol-su',
      '--with',
      'Russia',
      '--type',
      'CONSULT',
      '--db',
      db,
      '--json',
    );
    expect(r.code).toBe(0);
    const events = jsonLines(r.stdout) as { date: string; type: string; reports: { modality: string }[] }[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.type).toBe('CONSULT');
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(events.some((e) => new Set(e.reports.map((x) => x.modality)).size > 1)).toBe(true);
  });

  it('refuses a bad type in one line', async () => {
    const r = await runCli('timeline', 'Pak Chol-su', '--type', 'PICNIC', '--db', db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--type: "PICNIC" is not a PLOVER event type/);
  });
});

describe('stories, story, articles, stats and link', () => {
  it('lists stories and shows one, and lists a copy with its original', async () => {
    const stories = jsonLines((await runCli('stories', '--db', db, '--json')).stdout);
    expect(stories.length).toBeGreaterThan(0);
    expect(Object.keys(stories[0]!)).toEqual(['id', 'title', 'first', 'last', 'articles']);
    const listed = jsonLines((await runCli('articles', '--db', db, '--json')).stdout);
    const copy = listed.find((a) => a.id === 'seoul-summons-republished')!;
    expect(copy.duplicate_of).toBe('seoul-summons-envoy');
    const story = await runCli('story', copy.story as string, '--db', db);
    expect(story.code).toBe(0);
    expect(story.stdout).toMatch(/duplicates: seoul-summons-republished/);
    expect((await runCli('story', 's999999', '--db', db)).code).toBe(1);
  });

  it('counts what linking found, and links nothing twice', async () => {
    const stats = JSON.parse((await runCli('stats', '--db', db, '--json')).stdout);
    expect(stats).toMatchObject({ articles: 35, duplicates: 1 });
    expect(stats.entities).toBeGreaterThan(50);
    expect(JSON.parse((await runCli('link', '--db', db, '--json')).stdout)).toMatchObject({ linked: 0 });
  });
});
