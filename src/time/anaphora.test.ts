/**
 * Table tests for expressions resolved against the document rather than the publication date
 * alone (results-report quarters, narrative anchors), for ranges and compound dates, holidays,
 * and for tense cues added with them. Each row: publication date, text, expected expressions. Sentences
 * are our own.
 */
import { describe, expect, it } from 'vitest';
import { findTimexes } from './find-timexes.js';

type Row = readonly [
  ref: string | null,
  text: string,
  expected: readonly (readonly [string, string, string | null])[],
];

/** Thursday 6 November 2014 (fourth quarter, ISO week 45). */
const THU = '2014-11-06';

const ROWS: readonly Row[] = [
  // results reports: "the quarter" is the quarter last named, "a year earlier" that quarter a year before
  [
    THU,
    'Profit rose in the third quarter. Sales were flat during the quarter, against a loss a year earlier.',
    [
      ['the third quarter', 'DATE', '2014-Q3'],
      ['the quarter', 'DATE', '2014-Q3'],
      ['a year earlier', 'DATE', '2013-Q3'],
    ],
  ],
  [
    THU,
    'In the second quarter the mill lost money; in the year-ago quarter it earned $3 million.',
    [
      ['the second quarter', 'DATE', '2014-Q2'],
      ['the year-ago quarter', 'DATE', '2013-Q2'],
    ],
  ],
  [
    THU,
    'Revenue in the latest period rose, while the 2013 period had a charge.',
    [
      ['the latest period', 'DATE', '2014-Q3'],
      ['the 2013 period', 'DATE', '2013-Q3'],
    ],
  ],
  // with no quarter named, "a year ago" stays the year before publication
  [THU, 'The bakery opened a year ago.', [['a year ago', 'DATE', '2013']]],
  [
    THU,
    'Sales for the year rose; for the year ended June 30 they fell. Staff cuts end by year-end.',
    [
      ['the year', 'DATE', '2014'],
      ['the year', 'DURATION', 'P1Y'],
      ['June 30', 'DATE', '2014-06-30'],
      ['year-end', 'DATE', '2014'],
    ],
  ],
  // narrative anchors: the date the story last named
  [
    THU,
    'She joined the army in March 1995 and the following year moved to Paris. Later that year she quit.',
    [
      ['March 1995', 'DATE', '1995-03'],
      ['the following year', 'DATE', '1996'],
      ['Later that year', 'DATE', '1996'],
    ],
  ],
  [
    THU,
    'The plant burned on Oct. 2, 2009. The owners met the day after and again that same day a week on.',
    [
      ['Oct. 2, 2009', 'DATE', '2009-10-02'],
      ['the day after', 'DATE', '2009-10-03'],
      ['that same day', 'DATE', '2009-10-03'],
      ['a week', 'DURATION', 'P1W'],
    ],
  ],
  [
    THU,
    'He came back in 2001. The next month he left.',
    [
      ['2001', 'DATE', '2001'],
      ['The next month', 'DATE', '2001-XX'],
    ],
  ],
  [
    THU,
    'The dam broke on June 3, 2011; in the days before the flood, rain fell.',
    [
      ['June 3, 2011', 'DATE', '2011-06-03'],
      ['days', 'DATE', '2011-06'],
    ],
  ],
  [
    THU,
    'Margins shrank in recent quarters and may recover in coming quarters.',
    [
      ['recent quarters', 'DURATION', 'PXQ'],
      ['coming quarters', 'DATE', 'FUTURE_REF'],
    ],
  ],
  // without an anchor: the publication date (or nothing)
  [THU, 'Prices will rise the following year.', [['the following year', 'DATE', '2015']]],
  [null, 'Prices rose the following year.', [['the following year', 'DATE', null]]],
  [
    null,
    'In 1990 prices rose; the following year they fell.',
    [
      ['1990', 'DATE', '1990'],
      ['the following year', 'DATE', '1991'],
    ],
  ],
  // ranges and compound dates
  [THU, 'Repairs take two to three weeks.', [['two to three weeks', 'DURATION', 'P2W']]],
  [THU, 'The 2013-14 season was cut short.', [['2013-14', 'DATE', '2013']]],
  [
    THU,
    'The summit meets on April 24 and 25.',
    [
      ['April 24', 'DATE', '2015-04-24'],
      ['25', 'DATE', '2015-04-25'],
    ],
  ],
  [THU, 'A hearing is set for the week of Dec. 8.', [['the week of Dec. 8', 'DATE', '2014-W50']]],
  [THU, 'It began in January nineteen ninety-seven.', [['January nineteen ninety-seven', 'DATE', '1997-01']]],
  [THU, 'Analysts see gains in the near term.', [['the near term', 'DATE', 'FUTURE_REF']]],
  // tense: scheduled present, plans seen from the past, names ending in -ed
  [THU, 'Talks resume Monday in Geneva.', [['Monday', 'DATE', '2014-11-10']]],
  [THU, 'The offer had been due to expire Friday.', [['Friday', 'DATE', '2014-10-31']]],
  [THU, 'The envoy is set to arrive Tuesday.', [['Tuesday', 'DATE', '2014-11-11']]],
  [THU, 'He would travel to the United States Saturday.', [['Saturday', 'DATE', '2014-11-08']]],
  // parts of day, holidays, "the" before a count
  [THU, 'The vote ended Tuesday evening.', [['Tuesday evening', 'TIME', '2014-11-04TEV']]],
  [
    THU,
    'Turnout on Election Day fell; Labor Day parades were cut.',
    [
      ['Election Day', 'DATE', '2014-11-04'],
      ['Labor Day', 'DATE', '2014-09-01'],
    ],
  ],
  [
    THU,
    'Net rose in the nine months ended Sept. 30.',
    [
      ['the nine months', 'DURATION', 'P9M'],
      ['Sept. 30', 'DATE', '2014-09-30'],
    ],
  ],
  // must NOT match
  [THU, "Rules for today's world differ; revenue grows 8% annually.", []],
  [THU, 'Traders got redemptions that day and more.', []],
  [THU, 'She left the day before the vote was held.', []],
  [THU, 'Investors fear future losses.', []],
  [THU, 'A quarter of the staff left; the quarter-mile track closed.', []],
  [THU, 'Rates of 5 to 6 percent and room 1998-12 stay.', []],
  [THU, 'The year-earlier results were restated.', [['year-earlier', 'DATE', '2013']]],
];

describe('document-anchored expressions', () => {
  it.each(ROWS)('%s | %s', (ref, text, expected) => {
    const got = findTimexes(text, ref).map((t) => [text.slice(t.start, t.end), t.type, t.value]);
    expect(got).toEqual(expected);
  });
});
