/**
 * Table tests for the time grammar: (publication date, sentence, expected expressions and
 * values), with rows that must not match. Sentences are our own.
 */
import { describe, expect, it, vi, afterEach } from 'vitest';
import { findTimexes } from './find-timexes.js';

type Row = readonly [
  ref: string | null,
  sentence: string,
  expected: readonly (readonly [string, string, string | null])[],
];

/** Publication date Friday 14 November 2014 (ISO week 46) unless a row says otherwise. */
const FRI = '2014-11-14';

const ROWS: readonly Row[] = [
  // weekdays follow the clause's tense
  [FRI, 'The envoy arrived on Monday.', [['Monday', 'DATE', '2014-11-10']]],
  [FRI, 'She will fly back on Monday.', [['Monday', 'DATE', '2014-11-17']]],
  [FRI, 'The ministers met on Friday.', [['Friday', 'DATE', '2014-11-14']]],
  [FRI, 'Unions called a strike for Tuesday.', [['Tuesday', 'DATE', '2014-11-18']]],
  [FRI, 'Talks resume next Tuesday.', [['next Tuesday', 'DATE', '2014-11-18']]],
  [FRI, 'Rebels attacked the town last Sunday.', [['last Sunday', 'DATE', '2014-11-09']]],
  [
    FRI,
    'Police said the march was blocked until Wednesday night.',
    [['Wednesday night', 'DATE', '2014-11-19']],
  ],
  // months and explicit dates
  [FRI, 'The execution in December drew protests.', [['December', 'DATE', '2013-12']]],
  [FRI, 'The summit will take place in March.', [['March', 'DATE', '2015-03']]],
  [
    FRI,
    'Elections were held in late October or early November.',
    [
      ['late October', 'DATE', '2014-10'],
      ['early November', 'DATE', '2014-11'],
    ],
  ],
  [FRI, 'The treaty was signed on Nov. 3, 2013.', [['Nov. 3, 2013', 'DATE', '2013-11-03']]],
  [FRI, 'He was last seen on 12 September.', [['12 September', 'DATE', '2014-09-12']]],
  [FRI, 'The deal was struck in July 2012.', [['July 2012', 'DATE', '2012-07']]],
  // relative to publication
  [FRI, 'This week the talks stalled.', [['This week', 'DATE', '2014-W46']]],
  [
    FRI,
    'Last week the army withdrew; next week it returns.',
    [
      ['Last week', 'DATE', '2014-W45'],
      ['next week', 'DATE', '2014-W47'],
    ],
  ],
  [FRI, 'Exports fell last month.', [['last month', 'DATE', '2014-10']]],
  [FRI, 'Prices rose earlier this month.', [['earlier this month', 'DATE', '2014-11']]],
  [
    FRI,
    'Growth slowed last year but picked up early this year.',
    [
      ['last year', 'DATE', '2013'],
      ['early this year', 'DATE', '2014'],
    ],
  ],
  [
    FRI,
    'The minister resigned yesterday and his deputy takes over today.',
    [
      ['yesterday', 'DATE', '2014-11-13'],
      ['today', 'DATE', '2014-11-14'],
    ],
  ],
  [
    FRI,
    'Crowds will gather tonight and again this weekend.',
    [
      ['tonight', 'TIME', '2014-11-14TNI'],
      ['this weekend', 'DATE', '2014-W46-WE'],
    ],
  ],
  [
    FRI,
    'The plant closed a week ago, two years ago it employed many.',
    [
      ['a week ago', 'DATE', '2014-W45'],
      ['two years ago', 'DATE', '2012'],
    ],
  ],
  [FRI, 'Voting ends at 3 p.m. Friday.', [['3 p.m. Friday', 'TIME', '2014-11-14T15:00']]],
  // granularities
  [
    FRI,
    'Profit rose in the third quarter and this summer.',
    [
      ['the third quarter', 'DATE', '2014-Q3'],
      ['this summer', 'DATE', '2014-SU'],
    ],
  ],
  [
    FRI,
    'The conflict began in the 1970s, not the late 2010s.',
    [
      ['1970s', 'DATE', '197'],
      ['the late 2010s', 'DATE', '201'],
    ],
  ],
  [FRI, 'The law dates from 1998.', [['1998', 'DATE', '1998']]],
  // clock times take the day last named, else the publication date
  [
    FRI,
    'The blast on Monday came at about 10:35 a.m.',
    [
      ['Monday', 'DATE', '2014-11-10'],
      ['about 10:35 a.m.', 'TIME', '2014-11-10T10:35'],
    ],
  ],
  [FRI, 'Polls close at 8 p.m.', [['8 p.m.', 'TIME', '2014-11-14T20:00']]],
  [null, 'Polls close at 8 p.m.', [['8 p.m.', 'TIME', 'XXXX-XX-XXT20:00']]],
  // holidays, spoken years, decades in words
  ['2014-12-10', 'The boy was found on Thanksgiving Day.', [['Thanksgiving Day', 'DATE', '2014-11-27']]],
  [
    FRI,
    'Crime fell through the nineties, and by the year two thousand it was low.',
    [
      ['the nineties', 'DATE', '199'],
      ['the year two thousand', 'DATE', '2000'],
    ],
  ],
  [
    FRI,
    'Fiscal 2013 earnings rose; 2013 elections were close.',
    [
      ['Fiscal 2013', 'DATE', '2013'],
      ['2013', 'DATE', '2013'],
    ],
  ],
  // TimeML references
  [
    FRI,
    'Now the party is split, as it was in the past.',
    [
      ['Now', 'DATE', 'PRESENT_REF'],
      ['the past', 'DATE', 'PAST_REF'],
    ],
  ],
  [
    FRI,
    'He recently said a vote is due in the near future.',
    [
      ['recently', 'DATE', 'PAST_REF'],
      ['the near future', 'DATE', 'FUTURE_REF'],
    ],
  ],
  // durations and sets
  [FRI, 'Unions began a 24-hour strike.', [['24-hour', 'DURATION', 'PT24H']]],
  [FRI, 'Inflation doubled over the past three months.', [['the past three months', 'DURATION', 'P3M']]],
  [
    FRI,
    'The ceasefire lasted two years and seven days.',
    [
      ['two years', 'DURATION', 'P2Y'],
      ['seven days', 'DURATION', 'P7D'],
    ],
  ],
  [
    FRI,
    'Talks went on for two hours, then for a month.',
    [
      ['two hours', 'DURATION', 'PT2H'],
      ['a month', 'DURATION', 'P1M'],
    ],
  ],
  [
    FRI,
    'The ferry sails daily and every Monday.',
    [
      ['daily', 'SET', 'P1D'],
      ['every Monday', 'SET', 'XXXX-WXX-1'],
    ],
  ],
  // without a publication date: unresolved, never today's date
  [
    null,
    'The envoy arrived on Friday and returns in December.',
    [
      ['Friday', 'DATE', 'XXXX-WXX-5'],
      ['December', 'DATE', 'XXXX-12'],
    ],
  ],
  [
    null,
    'The strike ended yesterday after two weeks.',
    [
      ['yesterday', 'DATE', null],
      ['two weeks', 'DURATION', 'P2W'],
    ],
  ],
  [
    null,
    'Exports fell last month and on March 3.',
    [
      ['last month', 'DATE', null],
      ['March 3', 'DATE', 'XXXX-03-03'],
    ],
  ],
  // must NOT match
  [FRI, 'Theresa May said the vote would go ahead.', []],
  [FRI, 'They march on the capital and may stay.', []],
  [FRI, 'The Group of 20 met in the capital.', []],
  [FRI, 'Some 2014 people signed the petition.', []],
  [FRI, "Crowds marked Hwang's 90th birthday.", []],
  [FRI, 'The envoy, in her late sixties, retired.', []],
  [FRI, 'The firm raised its quarterly dividend to $5 a year.', []],
  [FRI, 'Dr. April Ryan spoke to June Carter.', []],
  [FRI, 'Two thousand people marched; a second group followed.', []],
  [FRI, 'Nearly a quarter of voters stayed home.', []],
];

describe('findTimexes', () => {
  it.each(ROWS)('%s | %s', (ref, sentence, expected) => {
    const got = findTimexes(sentence, ref).map((t) => [sentence.slice(t.start, t.end), t.type, t.value]);
    expect(got).toEqual(expected);
  });

  it('returns spans sorted by start and inside the text', () => {
    const text = 'On Monday, two days after the 2014 vote, the president said next week would be decisive.';
    const found = findTimexes(text, FRI);
    expect(found.length).toBeGreaterThan(2);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    for (const t of found) expect(t.end).toBeLessThanOrEqual(text.length);
  });

  it('never crashes on odd input', () => {
    for (const text of [
      '',
      ' ',
      '\u0000\uFFFF',
      '99/99/9999 31 February 2014',
      'Feb. 30, 2014',
      '🙂 Monday 🙂',
    ]) {
      expect(() => findTimexes(text, 'not a date')).not.toThrow();
    }
    expect(findTimexes('Feb. 30, 2014', FRI).map((t) => t.value)).toEqual(['2014']);
  });
});

describe('the clock is never read', () => {
  afterEach(() => vi.useRealTimers());
  it('gives the same values whatever the system date', () => {
    const text = 'He arrived yesterday, will return on Monday, and left in 3 p.m. traffic on Friday.';
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-03-04T05:00:00Z'));
    const first = findTimexes(text, null);
    vi.setSystemTime(new Date('2030-09-10T20:00:00Z'));
    expect(findTimexes(text, null)).toEqual(first);
    expect(first.map((t) => t.value)).not.toContain(expect.stringMatching(/^20(01|30)/));
  });
});
