/**
 * Linking over the sample corpus (`samples/`, written by the project; see samples/README.md,
 * "Stories" and "Wire copies"): every article analysed by the whole pipeline, then near-duplicates
 * by MinHash and stories by the streaming clusterer with its default settings.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSampleCorpus } from '../src/cli/demo.js';
import { clusterStories } from '../src/link/cluster-stories.js';
import { loadIdfTable } from '../src/link/idf.js';
import { DUPLICATE_AT, SIMILAR_AT, bandKeys, jaccard, shingles, signature } from '../src/link/minhash.js';
import { StoryClusterer } from '../src/link/stories.js';
import { storyInputOf } from '../src/link/story-input.js';

const corpus = await analyzeSampleCorpus();
const docs = corpus.articles.map((a) => a.doc);
const ids = docs.map((d) => d.id);

const WIRE_PAIRS = [
  ['envoy-announced-wire', 'envoy-announced-rewrite'],
  ['caucasus-border-wire', 'caucasus-border-rewrite'],
  ['pak-moscow-arrival-wire', 'pak-moscow-arrival-rewrite'],
];
const DUPLICATE = ['seoul-summons-envoy', 'seoul-summons-republished'];

describe('near-duplicates in the samples', () => {
  const sets = new Map(docs.map((d) => [d.id, shingles(d.text)]));
  const keys = new Map(docs.map((d) => [d.id, new Set(bandKeys(signature(sets.get(d.id)!)))]));
  const pairKey = (a: string, b: string): string => [a, b].sort().join(' ');
  const planted = new Set([...WIRE_PAIRS, DUPLICATE].map(([a, b]) => pairKey(a!, b!)));
  const others = ids
    .flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]))
    .filter(([a, b]) => !planted.has(pairKey(a!, b!)));

  it.each(WIRE_PAIRS)('%s and %s are near-duplicates, not duplicates, and LSH finds them', (a, b) => {
    const j = jaccard(sets.get(a!)!, sets.get(b!)!);
    expect(j).toBeGreaterThanOrEqual(SIMILAR_AT);
    expect(j).toBeLessThan(DUPLICATE_AT);
    expect([...keys.get(a!)!].some((k) => keys.get(b!)!.has(k))).toBe(true);
  });

  it('seoul-summons-republished is an exact duplicate of seoul-summons-envoy', () => {
    const [a, b] = DUPLICATE as [string, string];
    expect(jaccard(sets.get(a)!, sets.get(b)!)).toBeGreaterThanOrEqual(DUPLICATE_AT);
    expect([...keys.get(a)!]).toEqual([...keys.get(b)!]);
  });

  it(`no other pair of the ${ids.length} articles is a near-duplicate`, () => {
    const found = others.filter(([a, b]) => jaccard(sets.get(a!)!, sets.get(b!)!) >= SIMILAR_AT);
    expect(found).toEqual([]);
    expect(others.length).toBe((ids.length * (ids.length - 1)) / 2 - 4);
  });
});

describe('stories in the samples', () => {
  const storyOf = clusterStories(
    docs.map((d) => storyInputOf(d)),
    new StoryClusterer(loadIdfTable()),
  );
  /** The README's stories; the two articles it leaves to judgement are checked on their own below. */
  const STORIES = [
    ['pak-beijing-talks', 'pak-beijing-wire'],
    ['caucasus-border-wire', 'caucasus-border-rewrite'],
    [
      'pak-moscow-plan',
      'pak-moscow-arrival-wire',
      'pak-moscow-arrival-rewrite',
      'moscow-pyongyang-pact',
      'pak-leaves-moscow',
    ],
    [
      'envoy-announced',
      'envoy-announced-wire',
      'envoy-announced-rewrite',
      'envoy-moscow-talks',
      'seoul-summons-envoy',
      'seoul-summons-republished',
      'pak-returns-pyongyang',
      'tokyo-trilateral',
    ],
    ['tbilisi-protest', 'tbilisi-law-passed'],
    ['temple-clashes', 'temple-troop-pullback'],
  ];
  const JUDGEMENT = ['spring-drills', 'volkov-pyongyang'];
  const grouped = new Set([...STORIES.flat(), ...JUDGEMENT]);

  it.each(STORIES.map((s) => [s[0], s]))(
    'the story of %s holds its articles and no other',
    (_first, story) => {
      const s = storyOf.get(story![0]!)!;
      const members = ids.filter((id) => storyOf.get(id) === s && !JUDGEMENT.includes(id));
      expect(members.sort()).toEqual([...story!].sort());
    },
  );

  it.each(ids.filter((id) => !grouped.has(id)).map((id) => [id]))('%s is a story of its own', (id) => {
    expect(ids.filter((other) => storyOf.get(other) === storyOf.get(id!))).toEqual([id]);
  });

  it.each(JUDGEMENT.map((id) => [id]))('%s joins the 2025 envoy story or none', (id) => {
    const with2025 = storyOf.get(id!) === storyOf.get('envoy-announced');
    const alone = ids.filter((other) => storyOf.get(other) === storyOf.get(id!)).length === 1;
    expect(with2025 || alone).toBe(true);
  });

  it.each([
    ['pak-moscow-plan', 'envoy-announced'],
    ['pak-beijing-talks', 'pak-moscow-plan'],
    ['spring-drills-2024', 'spring-drills'],
    ['reef-collision-2024', 'reef-accusation'],
    ['caucasus-border-wire', 'caucasus-talks'],
    ['iaea-inspectors-2023', 'iran-inspections'],
  ])('look-alikes %s and %s are in different stories', (a, b) => {
    expect(storyOf.get(a!)).not.toBe(storyOf.get(b!));
  });
});
