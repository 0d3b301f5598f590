/**
 * The link contract suite: what every store must give back after the link pass (src/link
 * decides, the store keeps). Run by each store's own test file, like store.case.test.ts. The
 * fixtures are written by us: a Norwegian envoy's two trips to Chile a year apart, announced
 * then reported done, under two spellings, a Chilean namesake, an agency known by its acronym,
 * and a republished copy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultLinkers } from '../link/index.js';
import { article } from './store.case.test.js';
import { linkPending } from './link-pass.js';
import type { CorpusStore } from './index.js';
import type { StoredArticle, TimelineEvent } from './types.js';

type EventInput = NonNullable<StoredArticle['events']>[number];

const visit = (name: string, modality: EventInput['modality'], date: string): EventInput => ({
  type: 'CONSULT',
  mode: 'visit',
  source: { name, country: 'NOR' },
  target: { name: 'Chile', country: 'CHL' },
  modality,
  date,
  evidence: { start: 0, end: 0 },
});

const ARRIVAL = 'Ana Vosk Lee arrived in Santiago on Monday for fisheries talks, the ENA reported.';

export const LINK_CORPUS = (): StoredArticle[] => [
  article(
    'plan',
    'Norwegian envoy Ana Vosk-Lee will travel to Chile next week, the Ekko News Agency (ENA) said.',
    {
      published: '2024-05-02',
      mentions: [
        ['Ana Vosk-Lee', 'PERSON', 'Ana Vosk-Lee', 'NOR'],
        ['Chile', 'GPE', 'Chile', 'CHL'],
        ['Ekko News Agency', 'ORG', 'Ekko News Agency', null],
      ],
      events: [visit('Ana Vosk-Lee', 'planned', '2024-W19')],
    },
  ),
  article('arrival', ARRIVAL, {
    published: '2024-05-07',
    source: 'Coast Wire',
    mentions: [
      ['Ana Vosk Lee', 'PERSON', 'Ana Vosk Lee', null],
      ['Santiago', 'GPE', 'Santiago', 'CHL'],
      ['ENA', 'ORG', 'ENA', null],
    ],
    events: [visit('Ana Vosk Lee', 'asserted', '2024-05-06')],
  }),
  article('arrival-copy', ARRIVAL, {
    published: '2024-05-07',
    source: 'Harbour Digest',
    mentions: [
      ['Ana Vosk Lee', 'PERSON', 'Ana Vosk Lee', null],
      ['Santiago', 'GPE', 'Santiago', 'CHL'],
      ['ENA', 'ORG', 'ENA', null],
    ],
    events: [visit('Ana Vosk Lee', 'asserted', '2024-05-06')],
  }),
  article('second-trip', 'Ana Vosk-Lee was back in Chile on Friday for a second round of talks.', {
    published: '2025-05-10',
    mentions: [
      ['Ana Vosk-Lee', 'PERSON', 'Ana Vosk-Lee', null],
      ['Chile', 'GPE', 'Chile', 'CHL'],
    ],
    events: [visit('Ana Vosk-Lee', 'asserted', '2025-05-09')],
  }),
  article('namesake', 'Chilean cyclist Ana Vosk-Lee won the coastal race on Sunday.', {
    published: '2024-06-01',
    mentions: [['Ana Vosk-Lee', 'PERSON', 'Ana Vosk-Lee', 'CHL']],
  }),
];

const reportsOf = (e: TimelineEvent) => e.reports.map((r) => `${r.article}:${r.modality}`);

export function runLinkContract(name: string, makeStore: () => Promise<CorpusStore>): void {
  describe(`Link contract: ${name}`, () => {
    let store: CorpusStore;
    beforeEach(async () => {
      store = await makeStore();
      await store.putArticles(LINK_CORPUS());
    });
    afterEach(async () => {
      await store.close();
    });

    const link = () => linkPending(store, defaultLinkers(), { batchSize: 2 });
    const envoy = async () => {
      const found = await store.findEntities('Ana Vosk-Lee');
      return found.find((e) => e.country === 'NOR')!;
    };

    it('links every article once, and nothing more on a second pass', async () => {
      expect(await link()).toBe(5);
      expect(await link()).toBe(0);
    });

    it('resolves one person across spellings and keeps a namesake of another country apart', async () => {
      await link();
      const found = await store.findEntities('ana vosk lee');
      expect(found.map((e) => e.country).sort()).toEqual(['CHL', 'NOR']);
      const e = await envoy();
      expect(e.name).toBe('Ana Vosk-Lee');
      expect(e.aliases.map((a) => a.text).sort()).toEqual(['Ana Vosk Lee', 'Ana Vosk-Lee']);
      expect(e.articles).toEqual(['plan', 'arrival', 'arrival-copy', 'second-trip']);
      expect([e.first, e.last]).toEqual(['2024-05-02', '2025-05-10']);
      expect(await store.getEntity(e.id)).toEqual(e);
    });

    it('joins an acronym defined in one article to its use alone in another', async () => {
      await link();
      const [agency, ...more] = await store.findEntities('ENA');
      expect(more).toEqual([]);
      expect(agency!.aliases.map((a) => a.text).sort()).toEqual(['ENA', 'Ekko News Agency']);
      expect(await store.findEntities('ekko news agency')).toEqual([agency]);
    });

    it('merges a planned trip with its report as done, keeps the next year apart, counts a copy once', async () => {
      await link();
      const events = await store.timeline({ entity: (await envoy()).id });
      expect(events.map((e) => [e.date, e.modality, reportsOf(e)])).toEqual([
        ['2024-05-06', 'asserted', ['plan:planned', 'arrival:asserted']],
        ['2025-05-09', 'asserted', ['second-trip:asserted']],
      ]);
      expect(events[0]!.reports[1]!.text).toBe(ARRIVAL);
      const chile = (await store.findEntities('Chile'))[0]!;
      expect(await store.timeline({ entity: chile.id, with: (await envoy()).id, from: '2025' })).toHaveLength(
        1,
      );
    });

    it('lists a copy as the duplicate of its original, in the same story', async () => {
      await link();
      const listed = new Map<string, Awaited<ReturnType<typeof collectListings>>[number]>();
      for (const a of await collectListings(store)) listed.set(a.id, a);
      expect(listed.get('arrival-copy')!.duplicate_of).toBe('arrival');
      expect(listed.get('arrival')!.duplicate_of).toBeNull();
      expect(listed.get('arrival-copy')!.story).toBe(listed.get('arrival')!.story);
      for (const a of listed.values()) expect(a.story).toMatch(/^s\d+$/);
      const stats = await store.stats();
      expect(stats).toMatchObject({ articles: 5, duplicates: 1 });
      const story = await store.getStory(listed.get('arrival')!.story!);
      expect(story!.listings.map((l) => l.id)).toContain('arrival-copy');
    });

    it('recomputes the links of a replaced article and of the copy that depended on it', async () => {
      await link();
      const [, arrival] = LINK_CORPUS();
      await store.putArticles([
        { ...arrival!, hash: 'changed', body: `${ARRIVAL} Talks resume on Tuesday.`, events: [] },
      ]);
      expect(await link()).toBe(2); // the new version and its former copy
      const listed = await collectListings(store);
      expect(listed.find((a) => a.id === 'arrival-copy')!.duplicate_of).toBeNull();
      const events = await store.timeline({ entity: (await envoy()).id });
      expect(events.map(reportsOf)).toEqual([
        ['plan:planned', 'arrival-copy:asserted'],
        ['second-trip:asserted'],
      ]);
      const before = await summary(store);
      await store.unlinkAll();
      expect(await link()).toBe(5);
      expect(await summary(store)).toEqual(before);
    });
  });
}

async function collectListings(store: CorpusStore) {
  const out = [];
  for await (const a of store.listArticles()) out.push(a);
  return out;
}

/**
 * What linking found, without ids: entities with their articles, events with their reports.
 * Stories are left out: a streaming clusterer may group differently when articles come back in
 * another order (docs/linking.md).
 */
async function summary(store: CorpusStore) {
  const entities = (await store.listEntities({ limit: 100 })).map(
    (e) => `${e.name}|${e.country}|${e.articles}`,
  );
  const events = (await store.events({}, { limit: 100 })).map(
    (e) => `${e.type}|${e.date}|${e.source?.name}|${e.target?.name}|${reportsOf(e)}`,
  );
  const { stories: _stories, ...stats } = await store.stats();
  return { entities: entities.sort(), events: events.sort(), stats };
}
