import { describe, expect, it } from 'vitest';
import { clusterStories, compareLinkOrder } from './cluster-stories.js';
import { IdfTable, loadIdfTable } from './idf.js';
import { DEFAULT_STORY_OPTIONS, StoryClusterer, type StoryInput, type StoryState } from './stories.js';
import { MemoryStoryIndex } from './story-index.js';

const idf = loadIdfTable();

function article(
  id: string,
  published: string | null,
  body: string,
  entities: [string, number][] = [],
  title: string | null = null,
): StoryInput {
  return {
    id,
    published,
    title,
    body,
    entities: entities.map(([eid, mentions]) => ({
      id: eid,
      type: eid.startsWith('P') ? 'PERSON' : 'GPE',
      mentions,
    })),
  };
}

const ENVOY: [string, number][] = [
  ['PERSON:tavirask', 3],
  ['GPE:oslo', 2],
  ['PERSON:ingridsolberg', 1],
];
const arrives2024 = article(
  'envoy-arrives-2024',
  '2024-06-10',
  'Marovian envoy Tavi Rask arrived in Oslo on Monday for talks on fishing quotas in the Barents Sea. ' +
    'Rask is due to meet Foreign Minister Ingrid Solberg on Tuesday to settle a dispute over trawler licences.',
  ENVOY,
  'Marovian envoy in Oslo for fishing talks',
);
const deal2024 = article(
  'envoy-deal-2024',
  '2024-06-13',
  'Tavi Rask, the Marovian envoy, ended three days of talks in Oslo with a deal on Barents Sea fishing quotas, ' +
    'Foreign Minister Ingrid Solberg said. The agreement ends the dispute over trawler licences.',
  ENVOY,
  'Oslo and Marovia agree on fishing quotas',
);
const arrives2025 = article(
  'envoy-arrives-2025',
  '2025-03-11',
  'Marovian envoy Tavi Rask arrived in Oslo on Tuesday for a new round of talks on fishing quotas in the ' +
    'Barents Sea, and will meet Foreign Minister Ingrid Solberg on trawler licences.',
  ENVOY,
  'Marovian envoy back in Oslo for fishing talks',
);
const floods = article(
  'po-floods',
  '2024-06-12',
  'Floods in the Po valley forced three thousand people from their homes after days of heavy rain, ' +
    'civil protection officials said, and rivers were still rising near Piacenza.',
  [['GPE:piacenza', 1]],
);
const floodsUndated = article(
  'po-floods-undated',
  null,
  'Rivers in the Po valley were still rising near Piacenza after the floods that forced three thousand ' +
    'people from their homes, civil protection officials said.',
  [['GPE:piacenza', 1]],
);
const chess = article(
  'chess-undated',
  null,
  'A sixteen-year-old from Lviv won the junior world chess championship with a round to spare, beating ' +
    'the top seed in a sharp endgame.',
);

describe('StoryClusterer', () => {
  const groups = (articles: StoryInput[]): string[][] => {
    const storyOf = clusterStories(articles, new StoryClusterer(idf));
    const byStory = new Map<string, string[]>();
    for (const a of [...articles].sort(compareLinkOrder)) {
      const s = storyOf.get(a.id)!;
      byStory.set(s, [...(byStory.get(s) ?? []), a.id]);
    }
    return [...byStory.values()];
  };

  it.each([
    [
      'a follow-up three days later joins',
      [arrives2024, deal2024],
      [['envoy-arrives-2024', 'envoy-deal-2024']],
    ],
    [
      'the same envoy in the same capital a year later is another story',
      [arrives2024, arrives2025],
      [['envoy-arrives-2024'], ['envoy-arrives-2025']],
    ],
    [
      'an unrelated article on the same days opens its own story',
      [arrives2024, floods, deal2024],
      [['envoy-arrives-2024', 'envoy-deal-2024'], ['po-floods']],
    ],
    [
      'an undated follow-up joins on its text alone',
      [floods, floodsUndated],
      [['po-floods', 'po-floods-undated']],
    ],
    ['an undated unrelated article stays alone', [floods, chess], [['po-floods'], ['chess-undated']]],
    [
      'all of them',
      [chess, arrives2025, floodsUndated, deal2024, floods, arrives2024],
      [
        ['envoy-arrives-2024', 'envoy-deal-2024'],
        ['po-floods', 'po-floods-undated'],
        ['envoy-arrives-2025'],
        ['chess-undated'],
      ],
    ],
  ])('%s', (_name, articles, expected) => {
    expect(groups(articles)).toEqual(expected);
  });

  it('is deterministic: the same stories whatever order the batch comes in', () => {
    const all = [chess, arrives2025, floodsUndated, deal2024, floods, arrives2024];
    const first = clusterStories(all, new StoryClusterer(idf));
    expect(clusterStories([...all].reverse(), new StoryClusterer(idf))).toEqual(first);
  });

  it('opens a story when there are no candidates, and for an empty body', () => {
    const clusterer = new StoryClusterer(idf);
    expect(clusterer.decide(clusterer.vector(floods), floods.published, [])).toEqual({
      story: null,
      similarity: 0,
    });
    const empty = article('empty', null, '');
    const v = clusterer.vector(empty);
    expect(v).toEqual([]);
    const story = clusterer.add(null, 'floods', clusterer.vector(floods), floods.published);
    expect(clusterer.decide(v, null, [story])).toEqual({ story: null, similarity: 0 });
  });

  it('keeps a story’s dates and size, undated articles leaving the dates alone', () => {
    const clusterer = new StoryClusterer(idf);
    let story: StoryState | null = null;
    for (const a of [floodsUndated, floods])
      story = clusterer.add(story, a.id, clusterer.vector(a), a.published);
    expect(story).toMatchObject({
      id: 'po-floods-undated',
      first: '2024-06-12',
      last: '2024-06-12',
      size: 2,
    });
    expect(clusterer.add(null, chess.id, clusterer.vector(chess), null)).toMatchObject({
      first: null,
      last: null,
    });
  });

  it('bounds vectors and centroids, and its state survives JSON', () => {
    const clusterer = new StoryClusterer(idf, { vectorSize: 5, centroidSize: 8 });
    let story: StoryState | null = null;
    for (const a of [arrives2024, deal2024, floods, chess]) {
      const v = clusterer.vector(a);
      expect(v.length).toBeLessThanOrEqual(5);
      story = clusterer.add(story, a.id, v, a.published);
      expect(story.centroid.length).toBeLessThanOrEqual(8);
    }
    const copy = JSON.parse(JSON.stringify(story)) as StoryState;
    const v = clusterer.vector(arrives2025);
    expect(clusterer.decide(v, arrives2025.published, [copy])).toEqual(
      clusterer.decide(v, arrives2025.published, [story!]),
    );
  });

  it('discounts by the days between the article and the story, past the grace days', () => {
    const clusterer = new StoryClusterer(idf);
    const v = clusterer.vector(deal2024);
    const story = clusterer.add(null, 'story', clusterer.vector(arrives2024), arrives2024.published);
    const at = (published: string | null): number => clusterer.similarity(v, published, story);
    const { graceDays, halfLifeDays } = DEFAULT_STORY_OPTIONS;
    const day = (n: number): string => new Date(Date.UTC(2024, 5, 10 + n)).toISOString().slice(0, 10);
    expect(at(day(graceDays))).toBeCloseTo(at('2024-06-10'), 10);
    expect(at(day(graceDays + halfLifeDays))).toBeCloseTo(at('2024-06-10') / 2, 10);
    expect(at(null)).toBeCloseTo(at('2024-06-10') * DEFAULT_STORY_OPTIONS.undatedFactor, 10);
  });

  it('weighs words by the IDF table given, unknown words as seen in no document', () => {
    const table = new IdfTable(99, [['fishing', 9]]);
    expect(table.idf('fishing')).toBeCloseTo(Math.log(100 / 10) + 1, 10);
    expect(table.idf('trawler')).toBe(table.unknown);
    expect(table.unknown).toBeCloseTo(Math.log(100) + 1, 10);
  });
});

describe('candidate keys', () => {
  it('probes with the heaviest features and indexes a story under its centroid’s', () => {
    const clusterer = new StoryClusterer(idf);
    const v = clusterer.vector(arrives2024);
    const probe = clusterer.probeKeys(v);
    expect(probe).toEqual(v.slice(0, probe.length).map(([k]) => k));
    const story = clusterer.add(null, 'story', v, arrives2024.published);
    expect(clusterer.indexKeys(story)).toContain(probe[0]);
    const index = new MemoryStoryIndex();
    index.put(story, clusterer.indexKeys(story));
    expect(index.candidates(clusterer.probeKeys(clusterer.vector(deal2024))).map((s) => s.id)).toEqual([
      'story',
    ]);
    expect(index.candidates(clusterer.probeKeys(clusterer.vector(chess)))).toEqual([]);
  });
});
