/**
 * The Store contract suite (Hono's pattern: one exported suite, run by each implementation's
 * own test file with a factory that makes a fresh, empty store). vitest does not run this file
 * by itself (`*.case.test.ts` is excluded in vitest.config.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuerySyntaxError } from './query.js';
import type { CorpusFilter, Store, StoredArticle } from './types.js';

type EventInput = NonNullable<StoredArticle['events']>[number];

/** A small stored article; `mentions` are [text, type, canonical, country] found in the body. */
export function article(
  id: string,
  body: string,
  opts: {
    title?: string | null;
    published?: string | null;
    source?: string | null;
    url?: string | null;
    hash?: string;
    version?: string;
    mentions?: [string, string, string, string | null][];
    events?: Omit<EventInput, 'evidence'>[];
  } = {},
): StoredArticle {
  const entities = (opts.mentions ?? []).map(([text, type, canonical, country]) => {
    const start = body.indexOf(text);
    if (start < 0) throw new Error(`fixture: "${text}" is not in the body of ${id}`);
    return { start, end: start + text.length, text, type, canonical, country } as NonNullable<
      StoredArticle['entities']
    >[number];
  });
  const sentenceEnd = body.indexOf('.') + 1 || body.length;
  return {
    id,
    title: opts.title === undefined ? `Title of ${id}` : opts.title,
    published: opts.published === undefined ? '2024-03-04' : opts.published,
    body,
    entities,
    timexes: [],
    events: (opts.events ?? []).map((e) => ({ ...e, evidence: { start: 0, end: sentenceEnd } })),
    url: opts.url ?? null,
    source: opts.source === undefined ? 'Harbour Gazette' : opts.source,
    hash: opts.hash ?? `hash-${id}`,
    pipeline_version: opts.version ?? 'v1',
    ingested_at: '2024-03-05T10:00:00.000Z',
  };
}

const consult = (source: [string, string | null], target: [string, string | null] | null): EventInput => ({
  type: 'CONSULT',
  mode: 'visit',
  source: { name: source[0], country: source[1] },
  target: target && { name: target[0], country: target[1] },
  modality: 'asserted',
  date: '2024-03-04',
  evidence: { start: 0, end: 0 },
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const CORPUS = (): StoredArticle[] => [
  article('a1', 'The ferry minister of Portugal met Spanish officials in Madrid about the storm.', {
    title: 'Ferry talks in Madrid',
    published: '2024-01-15',
    mentions: [
      ['Portugal', 'GPE', 'Portugal', 'PRT'],
      ['Madrid', 'GPE', 'Madrid', 'ESP'],
    ],
    events: [consult(['Portugal', 'PRT'], ['Spain', 'ESP'])],
  }),
  article(
    'a2',
    'Protesters filled the square in Lisbon to oppose the new ferry fares, the ferry union said.',
    {
      title: 'Lisbon protest over fares',
      published: '2024-02-03',
      source: 'Evening Courier',
      mentions: [['Lisbon', 'GPE', 'Lisbon', 'PRT']],
      events: [
        {
          type: 'PROTEST',
          source: { name: 'protesters', country: 'PRT' },
          target: null,
          modality: 'asserted',
          date: '2024-02-03',
        },
      ],
    },
  ),
  article('a3', 'Storm warnings closed the harbour at Vigo for a second day, the port authority said.', {
    title: 'Vigo harbour closed',
    published: '2024-02-20',
    mentions: [['Vigo', 'GPE', 'Vigo', 'ESP']],
  }),
  article('a4', 'An undated note about the harbour and its cranes.', { published: null, source: null }),
];

export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives back exactly what it was given, absent layers absent', async () => {
      const bare = { ...article('bare', 'Nothing was analysed in this one.') };
      delete bare.entities;
      delete bare.timexes;
      delete bare.events;
      const corpus = [...CORPUS(), bare];
      expect(await store.putArticles(corpus)).toEqual(corpus.map(() => 'added'));
      for (const a of corpus) expect(await store.getArticle(a.id)).toEqual(a);
      expect(await store.getArticle('missing')).toBeNull();
      const got = await store.getArticle('bare');
      expect(got && 'entities' in got).toBe(false);
    });

    it('writes nothing for unchanged content and replaces a changed version whole', async () => {
      await store.putArticles(CORPUS());
      expect(await store.putArticles([CORPUS()[0]!])).toEqual(['unchanged']);
      const changed = article('a1', 'The harbour of Vigo reopened after the storm.', {
        hash: 'hash-a1-new',
        mentions: [['Vigo', 'GPE', 'Vigo', 'ESP']],
      });
      expect(await store.putArticles([changed])).toEqual(['updated']);
      expect(await store.getArticle('a1')).toEqual(changed);
      // the old version's mentions and events went with it
      expect(await store.countArticles({ entity: 'Portugal' })).toBe(0);
      expect(await store.countArticles({ type: 'CONSULT' })).toBe(0);
      expect(await store.putArticles([{ ...changed, pipeline_version: 'v2' }])).toEqual(['updated']);
      expect((await store.stats()).articles).toBe(4);
    });

    it('writes a batch all or nothing', async () => {
      const bad = article('bad', 'A broken mention.', { mentions: [['broken', 'MISC', 'broken', null]] });
      (bad.entities![0] as { text: string | null }).text = null;
      await expect(store.putArticles([article('good', 'A good article.'), bad])).rejects.toThrow();
      expect(await store.getArticle('good')).toBeNull();
      expect((await store.stats()).articles).toBe(0);
    });

    it('reports stored versions and URLs', async () => {
      await store.putArticles([article('u1', 'One.', { url: 'https://news.test/1' }), article('u2', 'Two.')]);
      expect(await store.articleVersions(['u1', 'nope'])).toEqual(
        new Map([['u1', { hash: 'hash-u1', pipeline_version: 'v1' }]]),
      );
      expect(await store.articlesByUrl(['https://news.test/1', 'https://news.test/9'])).toEqual(
        new Map([['https://news.test/1', 'u1']]),
      );
    });

    it('ranks title words above body words, with snippets from each hit, highlighted as asked', async () => {
      // enough other articles that a word in two of them has a real inverse document frequency
      const others = Array.from({ length: 8 }, (_, i) =>
        article(`n${i}`, `A note about nothing much, number ${i}.`),
      );
      await store.putArticles([...CORPUS(), ...others]);
      const hits = await store.search({ text: 'ferry' });
      // a1 has the word in its title, which weighs more than a2's two mentions in the body
      expect(hits.map((h) => h.id)).toEqual(['a1', 'a2']);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      expect(hits[0]!.snippet).toContain('**ferry**');
      expect(hits[0]!.snippet).toContain('Portugal');
      expect(hits[1]!.snippet).toContain('Protesters');
      // BM25 and ts_rank score differently and cut snippets at different words: what both must
      // hold is that a snippet, markers and ellipses aside, is a passage of the hit's own body
      for (const hit of hits) {
        const body = (await store.getArticle(hit.id))!.body.replace(/\s+/g, ' ');
        expect(body).toContain(hit.snippet.replace(/\*\*|…/g, '').trim());
      }
      const [marked] = await store.search({ text: 'vigo' }, { highlight: { open: '<', close: '>' } });
      expect(marked!.snippet).toContain('<Vigo>');
      expect(Object.keys(marked!).sort()).toEqual(['id', 'published', 'score', 'snippet', 'source', 'title']);
    });

    it.each([
      ['"port authority"', ['a3']],
      ['harbour -vigo', ['a4']],
      ['lisbon OR madrid', ['a1', 'a2']],
      ['harb*', ['a3', 'a4']],
      ['(storm OR cranes) harbour', ['a3', 'a4']],
      ["'; DROP TABLE articles; --", []],
      ['ferry AND storm', ['a1']],
    ])('query %s', async (text, ids) => {
      await store.putArticles(CORPUS());
      expect((await store.search({ text })).map((h) => h.id).sort()).toEqual(ids);
    });

    it.each([
      '"unclosed',
      'say "); DROP TABLE articles; --',
      'ferry OR',
      'OR ferry',
      '-ferry',
      '(ferry',
      'ferry)',
      '()',
      '&&',
    ])('refuses the query %s with a QuerySyntaxError', async (text) => {
      await store.putArticles(CORPUS());
      await expect(store.search({ text })).rejects.toBeInstanceOf(QuerySyntaxError);
    });

    it.each<[CorpusFilter, string[]]>([
      [{ entity: 'portugal' }, ['a1']],
      [{ entity: 'Lisbon', text: 'ferry' }, ['a2']],
      [{ country: 'ESP' }, ['a1', 'a3']],
      [{ country: 'PRT', type: 'PROTEST' }, ['a2']],
      [{ type: 'CONSULT' }, ['a1']],
      [{ source: 'evening courier' }, ['a2']],
      [{ from: '2024-02' }, ['a2', 'a3']],
      [{ to: '2024-02' }, ['a1', 'a2', 'a3']],
      [{ from: '2024-02-04', to: '2024-02-20' }, ['a3']],
      [{ text: 'harbour', to: '2024' }, ['a3']],
      [{}, ['a1', 'a2', 'a3', 'a4']],
    ])('filters %j combine', async (filter, ids) => {
      await store.putArticles(CORPUS());
      expect((await store.search(filter)).map((h) => h.id).sort()).toEqual(ids);
      expect(await store.countArticles(filter)).toBe(ids.length);
      expect((await collect(store.listArticles(filter))).map((a) => a.id)).toEqual(ids);
      expect((await collect(store.exportArticles(filter))).map((a) => a.id)).toEqual(ids);
    });

    it('lists without a query newest first, undated last, and pages with limit and offset', async () => {
      await store.putArticles(CORPUS());
      expect((await store.search({})).map((h) => h.id)).toEqual(['a3', 'a2', 'a1', 'a4']);
      expect((await store.search({}, { limit: 2, offset: 1 })).map((h) => h.id)).toEqual(['a2', 'a1']);
      expect((await store.search({}))[0]!.snippet).toContain('Storm warnings');
    });

    it('counts facets among all hits', async () => {
      await store.putArticles(CORPUS());
      const facets = await store.facets({ text: 'ferry OR harbour' });
      expect(facets.sources).toEqual([
        { value: 'Harbour Gazette', count: 2 },
        { value: 'Evening Courier', count: 1 },
      ]);
      expect(facets.types).toEqual([
        { value: 'CONSULT', count: 1 },
        { value: 'PROTEST', count: 1 },
      ]);
      expect(facets.months).toEqual([
        { value: '2024-02', count: 2 },
        { value: '2024-01', count: 1 },
      ]);
      expect(facets.entities.map((e) => e.value).sort()).toEqual(['Lisbon', 'Madrid', 'Portugal', 'Vigo']);
    });

    it('lists in the contract shape and counts stats', async () => {
      await store.putArticles(CORPUS());
      const [first] = await collect(store.listArticles());
      expect(first).toEqual({
        id: 'a1',
        title: 'Ferry talks in Madrid',
        published: '2024-01-15',
        source: 'Harbour Gazette',
        url: null,
        story: null,
        duplicate_of: null,
        similar: [],
      });
      // Entities, merged events and stories come from the link pass (link.case.test.ts).
      expect(await store.stats()).toEqual({ articles: 4, entities: 0, events: 0, stories: 0, duplicates: 0 });
    });

    it('streams many articles in id order across pages, each once', async () => {
      const many = Array.from({ length: 450 }, (_, i) =>
        article(`m${String(i).padStart(3, '0')}`, `Note ${i}.`),
      );
      await store.putArticles([...many].reverse());
      const ids = (await collect(store.exportArticles())).map((a) => a.id);
      expect(ids).toEqual(many.map((a) => a.id));
      expect((await collect(store.listArticles())).length).toBe(450);
    });
  });
}
