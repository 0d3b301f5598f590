/**
 * Readings that need more than one clause or sentence: self-directed events, meeting nouns that
 * only place another clause, "a summit between X and Y", a "he"/"she" subject shared by
 * coordinated verbs, and "the two countries" standing for the last pair. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { createDoc, type Event } from '../doc/index.js';
import type { ActorMention } from './actors.js';
import { isSelfDirected } from './fallback-actors.js';
import { actorCode, codeEvents } from './index.js';

const show = (e: Event) =>
  `${e.source?.name ?? '-'} ${actorCode(e.source) ?? '-'} ${e.type}${e.mode ? `/${e.mode}` : ''} ${actorCode(e.target) ?? '-'} ${e.modality}`;

const coded = (text: string): string[] => codeEvents(createDoc('t', text)).map(show);

const mention = (name: string, first: number, country: string | null = null): ActorMention => ({
  first,
  last: first + 1,
  name,
  country,
  kind: country ? 'country' : 'igo',
});

describe('isSelfDirected', () => {
  it.each([
    ['one mention on both sides', mention('World Court', 3), mention('World Court', 3), 'REQUEST', true],
    ['one name twice', mention('World Court', 3), mention('world court', 9), 'REQUEST', true],
    [
      'a domestic act on the own country',
      mention('Chad', 0, 'TCD'),
      mention('Chad', 0, 'TCD'),
      'COERCE',
      false,
    ],
    ['two parties', mention('Chad', 0, 'TCD'), mention('Niger', 4, 'NER'), 'REQUEST', false],
    ['no target', mention('Chad', 0, 'TCD'), null, 'REQUEST', false],
  ] as const)('%s', (_label, source, target, type, expected) => {
    expect(isSelfDirected(source, target, type)).toBe(expected);
  });
});

describe('codeEvents on whole articles', () => {
  it.each([
    {
      text: 'Though the agenda is unclear, the sides may discuss a summit between Kim Jong-un and Vladimir Putin.',
      has: 'Kim Jong-un PRK CONSULT RUS possible',
      not: 'sides',
    },
    {
      text: "Peru's foreign minister Ana Ruiz spoke on Monday. She also went to Santiago last year and met with Chilean President Gabriel Boric.",
      has: 'Ana Ruiz PER CONSULT CHL asserted',
      not: 'Chile CHL CONSULT',
    },
    {
      text: 'Last month, Ana Ruiz toured Peru with Colombian minister Luis Mora. She later met with Chilean President Gabriel Boric.',
      has: 'Ana Ruiz PER CONSULT CHL asserted',
      not: 'Luis Mora',
    },
    {
      text: 'Bolivia and Chile signed a trade deal in 2019. The two countries recently launched a joint venture to build a railway.',
      has: 'Bolivia BOL COOPERATE CHL asserted',
      not: 'countries',
    },
    {
      text: 'The trade ministers of Chile and Peru met in Madrid on Friday.',
      has: 'ministers of Chile CHL CONSULT PER asserted',
      not: 'ESP',
    },
    {
      text: 'Observers see little chance of a summit between Kim Jong-un and Xi Jinping this year.',
      has: 'Kim Jong-un PRK CONSULT CHN possible',
      not: 'asserted',
    },
    {
      text: 'The ASEAN summit in Hanoi brought Vietnam and Thailand together.',
      has: 'ASEAN IGO CONSULT/multilateral VNM asserted',
      not: 'Thailand THA CONSULT/multilateral',
    },
  ])('$text', ({ text, has, not }) => {
    const got = coded(text);
    expect(got.some((e) => e.startsWith(has))).toBe(true);
    expect(got.filter((e) => e.includes(not) && !e.startsWith(has))).toEqual([]);
  });

  it.each([
    // A meeting noun in a "for/at the ... summit" phrase places another clause: nobody meets the organisation.
    'With the president away in Brazil for the BRICS summit, the envoy will probably leave after his return next week.',
    // No pair named yet: "the two countries" stays unresolved rather than borrowing a party.
    'The two countries signed a pact.',
  ])('codes no meeting with a named gathering or an unpaired pair: %s', (text) => {
    expect(
      coded(text).filter((e) => / (CONSULT|COOPERATE|SUPPORT)\S* [A-Z]{3} /.test(e) && !/^- /.test(e)),
    ).toEqual([]);
  });
});
