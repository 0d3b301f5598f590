import { describe, expect, it } from 'vitest';
import { checkInvariants, createDoc, InvariantError, toJson, withLayer } from './index.js';
import { compose, type Stage } from '../pipeline/index.js';

const doc = createDoc('d1', 'Seoul said on Friday it would talk.', { published: '2014-11-14' });

describe('data model invariants', () => {
  it.each([
    ['a span past the end', [{ start: 30, end: 99 }]],
    ['a negative start', [{ start: -1, end: 3 }]],
    ['an inverted span', [{ start: 5, end: 2 }]],
    [
      'unsorted spans',
      [
        { start: 6, end: 10 },
        { start: 0, end: 5 },
      ],
    ],
    [
      'overlapping sentences',
      [
        { start: 0, end: 10 },
        { start: 5, end: 20 },
      ],
    ],
    ['an empty span', [{ start: 3, end: 3 }]],
  ])('rejects %s', (_name, sentences) => {
    expect(() => checkInvariants(withLayer(doc, 'sentences', sentences))).toThrow(InvariantError);
  });

  it('accepts well-formed layers', () => {
    const d = withLayer(withLayer(doc, 'sentences', [{ start: 0, end: doc.text.length }]), 'entities', [
      { start: 0, end: 5, type: 'GPE', canonical: 'Seoul', country: 'KOR' },
    ]);
    expect(() => checkInvariants(d)).not.toThrow();
  });

  it('rejects a country that is not ISO alpha-3', () => {
    const d = withLayer(doc, 'entities', [
      { start: 0, end: 5, type: 'GPE', canonical: 'Seoul', country: 'KR' },
    ]);
    expect(() => checkInvariants(d)).toThrow(/ISO/);
  });
});

describe('JSON form', () => {
  it('prints the body and leaves absent layers out', () => {
    expect(toJson(doc)).toEqual({ id: 'd1', title: null, published: '2014-11-14', body: doc.text });
  });

  it('prints each entity with its text', () => {
    const d = withLayer(doc, 'entities', [
      { start: 0, end: 5, type: 'GPE', canonical: 'Seoul', country: 'KOR' },
    ]);
    expect(toJson(d).entities).toEqual([
      { start: 0, end: 5, text: 'Seoul', type: 'GPE', canonical: 'Seoul', country: 'KOR' },
    ]);
  });
});

describe('compose', () => {
  const sentences: Stage<'sentences'> = {
    name: 'sentences',
    provides: 'sentences',
    requires: [],
    run: (d) => [{ start: 0, end: d.text.length }],
  };
  const tokens: Stage<'tokens'> = {
    name: 'tokens',
    provides: 'tokens',
    requires: ['sentences'],
    run: () => [],
  };

  it('fails at build time when a requirement comes later', () => {
    expect(() => compose([tokens, sentences])).toThrow(/requires sentences/);
  });

  it('runs stages in order and adds their layers', () => {
    const out = compose([sentences, tokens], { check: true })(doc);
    expect(out.layers.sentences).toHaveLength(1);
    expect(out.layers.tokens).toEqual([]);
    expect(doc.layers).toEqual({});
  });
});
