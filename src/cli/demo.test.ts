// Tests for the demo's summary: spelling variants across articles, and the summary's shape.
import { describe, expect, it } from 'vitest';
import { createDoc, withLayer, type Doc, type EntityType } from '../doc/index.js';
import { formatDemoSummary, severalSpellings } from './demo.js';

function docWith(id: string, names: readonly [string, EntityType][]): Doc {
  const text = names.map(([n]) => n).join('. ');
  let at = 0;
  const entities = names.map(([name, type]) => {
    const e = { start: at, end: at + name.length, type, canonical: name, country: null };
    at += name.length + 2;
    return e;
  });
  return withLayer(createDoc(id, text, { title: `Title ${id}` }), 'entities', entities);
}

describe('severalSpellings', () => {
  const rows: [string, [string, string], boolean][] = [
    ['hyphen against space', ['Pak Chol-su', 'Pak Chol Su'], true],
    ['case only', ['Seoul', 'SEOUL'], false],
    ['case and hyphen', ['Pak Chol-su', 'PAK CHOL SU'], true],
    ['accents', ['Renée Lindqvist', 'Renee Lindqvist'], true],
    ['the same spelling', ['Pak Chol Su', 'Pak Chol Su'], false],
    ['different names', ['Kim Jong-un', 'Kim Yong-un'], false],
    ['a name and a longer name', ['Pak', 'Pak Chol Su'], false],
  ];
  it.each(rows)('%s: %j -> %s', (_name, [a, b], found) => {
    const docs = [docWith('a', [[a, 'PERSON']]), docWith('b', [[b, 'PERSON']])];
    expect(severalSpellings(docs).length > 0).toBe(found);
  });

  it('names each form with the number of articles using it', () => {
    const docs = [
      docWith('a', [['Pak Chol-su', 'PERSON']]),
      docWith('b', [['Pak Chol Su', 'PERSON']]),
      docWith('c', [['Pak Chol Su', 'PERSON']]),
    ];
    expect(severalSpellings(docs)).toEqual(['Pak Chol-su (1 article) / Pak Chol Su (2 articles)']);
  });
});

describe('formatDemoSummary', () => {
  const docs = [docWith('a', [['Seoul', 'GPE']]), docWith('b', [])];
  const summary = formatDemoSummary({
    articles: docs.map((doc) => ({ doc, kind: 'text' as const, inputChars: 100, droppedLines: 1 })),
    failures: [],
  });

  it.each([
    ['each title', 'Title a'],
    ['the second title', 'Title b'],
    ['the corpus count', 'articles: 2 (0 HTML pages, 2 plain-text files), 0 failed'],
    ['entity counts by type', 'entities: 1 (GPE 1)'],
    ['a singular line count', '1 line dropped'],
    ['layers that did not run', 'not yet in the pipeline: timexes, events'],
  ])('shows %s', (_name, text) => {
    expect(summary).toContain(text);
  });

  it.each([
    ['an events table when no event layer exists', 'events:'],
    ['a plural for one line', '1 lines'],
    ['an empty tally', '()'],
  ])('does not show %s', (_name, text) => {
    expect(summary).not.toContain(text);
  });
});
