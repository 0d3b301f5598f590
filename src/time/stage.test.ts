/** Tests for the time stage and for clauseDate, the date the event coder reads off a clause. */
import { describe, expect, it } from 'vitest';
import { createDoc, withLayer, type Span } from '../doc/index.js';
import { compose } from '../pipeline/stage.js';
import { clauseDate, timexStage } from './stage.js';

const spanOf = (text: string, part: string): Span => {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
};

describe('timexStage', () => {
  it('needs no other layer and reads the publication date from meta', () => {
    expect(timexStage().requires).toEqual([]);
    const doc = createDoc('d1', 'Troops withdrew on Monday. Talks resume next week.', {
      published: '2014-11-14',
    });
    const out = compose([timexStage()], { check: true })(doc);
    expect(out.layers.timexes?.map((t) => t.value)).toEqual(['2014-11-10', '2014-W47']);
  });

  it('leaves values unresolved without a publication date', () => {
    const doc = createDoc('d2', 'Troops withdrew on Monday. Talks resume next week.');
    const out = compose([timexStage()])(doc);
    expect(out.layers.timexes?.map((t) => t.value)).toEqual(['XXXX-WXX-1', null]);
  });

  it('accepts a date-time as publication date', () => {
    const doc = createDoc('d3', 'The vote was held yesterday.', { published: '2014-11-14T09:30:00Z' });
    expect(
      timexStage()
        .run(doc, { issue: () => undefined })
        .map((t) => t.value),
    ).toEqual(['2014-11-13']);
  });
});

const TEXT =
  'The envoy arrived in 2014 and met the king on Monday. ' +
  'For two weeks nothing happened. ' +
  'Talks will resume in December or in the near future.';

const CLAUSES: readonly (readonly [string, string | null, string | null])[] = [
  // [clause, publication date, expected date]
  ['The envoy arrived in 2014 and met the king on Monday.', '2014-11-14', '2014-11-10'],
  ['For two weeks nothing happened.', '2014-11-14', null],
  ['Talks will resume in December or in the near future.', '2014-11-14', '2014-12'],
  ['The envoy arrived in 2014 and met the king on Monday.', null, '2014'],
];

describe('clauseDate', () => {
  it.each(CLAUSES)('%s (published %s) -> %s', (clause, published, expected) => {
    const doc = createDoc('c', TEXT, { published });
    expect(clauseDate(doc, spanOf(TEXT, clause))).toBe(expected);
    const staged = compose([timexStage()])(doc);
    expect(clauseDate(staged, spanOf(TEXT, clause))).toBe(expected);
  });

  // [anchor word, expected]: with the verb given, the date attached to it wins.
  const ANCHORED: readonly (readonly [string, string | null])[] = [
    ['arrived', '2014'],
    ['met', '2014-11-10'],
    ['happened', null],
  ];
  it.each(ANCHORED)('anchored on %s -> %s', (verb, expected) => {
    const doc = createDoc('c', TEXT, { published: '2014-11-14' });
    const clause = verb === 'happened' ? 'For two weeks nothing happened.' : CLAUSES[0]![0];
    expect(clauseDate(doc, spanOf(TEXT, clause), spanOf(TEXT, verb))).toBe(expected);
  });

  it('prefers a calendar date to a reference even when the reference is nearer', () => {
    const text = 'Talks resumed in March and have recently stalled.';
    const doc = createDoc('r', text, { published: '2014-11-14' });
    expect(clauseDate(doc, spanOf(text, text), spanOf(text, 'stalled'))).toBe('2014-03');
  });

  it('ignores timexes outside the span', () => {
    const doc = withLayer(createDoc('c', TEXT, { published: '2014-11-14' }), 'timexes', [
      { start: 0, end: 3, type: 'DATE', value: '2014-01-01' },
    ]);
    expect(clauseDate(doc, spanOf(TEXT, 'For two weeks nothing happened.'))).toBeNull();
  });
});
