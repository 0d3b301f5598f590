import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../doc/index.js';
import type { EntityCandidate, LinkArticle, LocalEntity } from '../types.js';
import { indexKeys, localEntities } from './local-entities.js';
import { resolveEntities } from './resolve.js';

/** An article whose mentions are [text, type, canonical, country], found in order in `body`. */
function articleOf(body: string, mentions: [string, EntityType, string, string | null][]): LinkArticle {
  let from = 0;
  return {
    id: 'a',
    title: null,
    published: '2024-05-01',
    source: null,
    body,
    events: [],
    entities: mentions.map(([text, type, canonical, country]) => {
      const start = body.indexOf(text, from);
      if (start < 0) throw new Error(`fixture: ${text} not in body`);
      from = start + text.length;
      return { start, end: from, text, type, canonical, country };
    }),
  };
}

describe('localEntities', () => {
  it('groups mentions by canonical form and reads keys, country and roles', () => {
    const [envoy] = localEntities(
      articleOf('Deputy Minister Ana Vosk-Lee arrived. Vosk-Lee met Chilean officials.', [
        ['Ana Vosk-Lee', 'PERSON', 'Ana Vosk-Lee', 'NOR'],
        ['Vosk-Lee', 'PERSON', 'Ana Vosk-Lee', null],
      ]),
    );
    expect(envoy).toMatchObject({
      name: 'Ana Vosk-Lee',
      mentions: [0, 1],
      country: 'NOR',
      keys: ['k:anavosklee'],
      surname: null,
      roles: ['Deputy Minister'],
    });
    expect(indexKeys(envoy!)).toEqual(['k:anavosklee', 's:ana', 's:vosklee']);
  });

  it.each([
    ['defined in brackets', 'The Ekko News Agency (ENA) said so. ENA added more.', true],
    ['the initials of a named organisation', 'The Ekko News Agency said so. ENA added more.', true],
  ])('joins an acronym %s to its long form', (_name, body, joined) => {
    const locals = localEntities(
      articleOf(body, [
        ['Ekko News Agency', 'ORG', 'Ekko News Agency', null],
        ['ENA', 'ORG', 'ENA', null],
      ]),
    );
    expect(locals.length === 1).toBe(joined);
    expect(locals[0]!.keys).toEqual(['k:ekkonewsagency', 'k:ena']);
  });

  it.each([
    ['initials that do not match', 'The Ekko News Agency said so. ABC added more.', 'ABC'],
    ['a person with capital initials', 'The Ekko News Agency said so. ENA added more.', 'ENA'],
  ])('does not join %s', (_name, body, acronym) => {
    const type: EntityType = acronym === 'ABC' ? 'ORG' : 'PERSON';
    const locals = localEntities(
      articleOf(body, [
        ['Ekko News Agency', 'ORG', 'Ekko News Agency', null],
        [acronym, type, acronym, null],
      ]),
    );
    expect(locals).toHaveLength(2);
  });

  it('reads "the North" as the one country the article names that starts with the word', () => {
    const locals = localEntities(
      articleOf('North Korea fired a missile. The North said it was a test.', [
        ['North Korea', 'GPE', 'North Korea', 'PRK'],
        ['North', 'LOC', 'North', null],
      ]),
    );
    expect(locals).toHaveLength(1);
    expect(locals[0]!.keys).toEqual(['k:northkorea']);
  });

  it('leaves "the North" alone when the article names no such country', () => {
    const locals = localEntities(
      articleOf('Floods hit the North of England.', [
        ['North', 'LOC', 'North', null],
        ['England', 'GPE', 'England', 'GBR'],
      ]),
    );
    expect(locals.map((l) => l.name)).toEqual(['North', 'England']);
  });

  it('marks a person named by one word for a surname lookup', () => {
    const [lone] = localEntities(articleOf('Vosk spoke.', [['Vosk', 'PERSON', 'Vosk', null]]));
    expect(lone!.surname).toBe('s:vosk');
  });
});

const local = (over: Partial<LocalEntity>): LocalEntity => ({
  type: 'PERSON',
  name: 'Ana Vosk-Lee',
  mentions: [0],
  country: null,
  keys: ['k:anavosklee'],
  surname: null,
  roles: [],
  ...over,
});
const candidate = (id: string, over: Partial<EntityCandidate>): EntityCandidate => ({
  id,
  type: 'PERSON',
  name: 'Ana Vosk-Lee',
  country: null,
  mentions: 3,
  articles: 2,
  countryArticles: over.country ? 1 : 0,
  keys: ['k:anavosklee', 's:ana', 's:vosklee'],
  ...over,
});

describe('resolveEntities', () => {
  const rows: [string, LocalEntity, EntityCandidate[], (string | null)[]][] = [
    ['a key match', local({}), [candidate('e1', {})], ['e1']],
    ['no candidate', local({}), [], [null]],
    ['the same country', local({ country: 'NOR' }), [candidate('e1', { country: 'NOR' })], ['e1']],
    ['a conflicting country', local({ country: 'CHL' }), [candidate('e1', { country: 'NOR' })], [null]],
    [
      'a country only one article in ten stated',
      local({ country: 'CHL' }),
      [candidate('e1', { country: 'NOR', articles: 10, countryArticles: 1 })],
      ['e1'],
    ],
    ['another type', local({}), [candidate('e1', { type: 'ORG' })], [null]],
    ['GPE and LOC', local({ type: 'LOC' }), [candidate('e1', { type: 'GPE' })], ['e1']],
    [
      'the stated country first, then the most mentioned',
      local({ country: 'CHL' }),
      [candidate('e1', { country: null, mentions: 9 }), candidate('e2', { country: 'CHL', mentions: 1 })],
      ['e2'],
    ],
    [
      'a lone surname and one known full name',
      local({ name: 'Vosk-Lee', keys: ['k:vosklee'], surname: 's:vosklee' }),
      [candidate('e1', {})],
      ['e1'],
    ],
    [
      'a lone surname two known people share',
      local({ name: 'Vosk-Lee', keys: ['k:vosklee'], surname: 's:vosklee' }),
      [
        candidate('e1', {}),
        candidate('e2', { name: 'Per Vosk-Lee', keys: ['k:pervosklee', 's:per', 's:vosklee'] }),
      ],
      [null],
    ],
    [
      'two full names that share a surname',
      local({ name: 'Per Vosk-Lee', keys: ['k:pervosklee'] }),
      [candidate('e1', {})],
      [null],
    ],
  ];
  it.each(rows)('%s', (_name, l, candidates, assigned) => {
    expect(resolveEntities([l], candidates).assigned).toEqual(assigned);
  });

  it('merges two entities an article shows to be one (an acronym and its long form)', () => {
    const agency = local({ type: 'ORG', name: 'Ekko News Agency', keys: ['k:ekkonewsagency', 'k:ena'] });
    const result = resolveEntities(
      [agency],
      [
        candidate('e1', { type: 'ORG', name: 'Ekko News Agency', mentions: 5, keys: ['k:ekkonewsagency'] }),
        candidate('e2', { type: 'ORG', name: 'ENA', mentions: 2, keys: ['k:ena'] }),
      ],
    );
    expect(result).toEqual({ assigned: ['e1'], merges: [['e2', 'e1']] });
  });

  it('does not merge entities whose countries conflict', () => {
    const result = resolveEntities(
      [local({})],
      [candidate('e1', { country: 'NOR', mentions: 5 }), candidate('e2', { country: 'CHL' })],
    );
    expect(result).toEqual({ assigned: ['e1'], merges: [] });
  });
});
