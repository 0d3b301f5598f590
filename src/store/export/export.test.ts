// The export formats: CSV quoting, GDELT's column layout and what it leaves empty, the CAMEO
// mapping, PLOVER records, and dates split only as far as the value states them.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../doc/index.js';
import { article } from '../store.case.test.js';
import {
  cameoCode,
  csvField,
  csvRows,
  dateParts,
  fractionDate,
  gdeltRows,
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  ploverRecords,
} from './index.js';

const body = 'Portugal met Spain in Madrid on Monday.\n\nLater, Spain did not attack anyone.';
const stored = article('p1', body, {
  url: 'https://news.test/p1',
  events: [
    {
      type: 'CONSULT',
      mode: 'visit',
      source: { name: 'Portugal', country: 'PRT' },
      target: { name: 'Spain, "the host"', country: 'ESP' },
      modality: 'asserted',
      date: '2024-03-04',
    },
    {
      type: 'ASSAULT',
      source: { name: 'Spain', country: 'ESP' },
      target: null,
      modality: 'negated',
      date: '2024-03',
    },
  ],
});

describe('cameoCode', () => {
  it.each([
    ['CONSULT', undefined, '040', '04', 1],
    ['CONSULT', 'visit', '042', '04', 1],
    ['SUPPORT', undefined, '050', '05', 1],
    ['RETREAT', 'ceasefire', '0871', '08', 2],
    ['REQUEST', undefined, '100', '10', 3],
    ['SANCTION', 'expel', '166', '16', 4],
    ['ASSAULT', 'firearms', '193', '19', 4],
    ['ASSAULT', 'no-such-mode', '180', '18', 4],
  ] as const)('%s %s -> %s (root %s, QuadClass %d)', (type, mode, code, root, quad) => {
    const c = cameoCode(type, mode);
    expect([c.code, c.root, c.quadClass, c.base]).toEqual([code, root, quad, code.slice(0, 3)]);
  });

  it('maps every PLOVER type', () => {
    for (const type of EVENT_TYPES) expect(cameoCode(type).code).toMatch(/^\d{2}0$/);
  });
});

describe('dates', () => {
  it.each([
    ['2024-03-04', ['2024', '03', '04']],
    ['2024-03-04T10:00', ['2024', '03', '04']],
    ['2024-03', ['2024', '03', null]],
    ['2024-W10', ['2024', null, null]],
    ['2024-FA', ['2024', null, null]],
    ['PAST_REF', [null, null, null]],
    ['XXXX-12-25', [null, null, null]],
    [null, [null, null, null]],
  ])('%s', (value, [year, month, day]) => {
    expect(dateParts(value)).toEqual({ year, month, day });
  });

  it('computes FractionDate as the share of the year done', () => {
    expect(fractionDate('2024', '01', '01')).toBe('2024.0027');
    expect(fractionDate('2023', '12', '31')).toBe('2024.0000');
  });
});

describe('formats', () => {
  it('quotes CSV fields only when needed', () => {
    expect([csvField('plain'), csvField('a,b'), csvField('say "hi"'), csvField(null), csvField(3)]).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '',
      '3',
    ]);
    const rows = csvRows(stored).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('"Spain, ""the host"""');
    expect(rows[1]).toContain('negated');
  });

  it('writes GDELT rows in its column order, leaving unknowns empty and negated events out', () => {
    const { events, mentions } = gdeltRows(stored);
    const rows = events.replace(/\n$/, '').split('\n');
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.split('\t');
    expect(cells).toHaveLength(GDELT_EVENT_COLUMNS.length);
    expect(GDELT_EVENT_COLUMNS).toHaveLength(61);
    const col = Object.fromEntries(GDELT_EVENT_COLUMNS.map((c, i) => [c, cells[i]]));
    expect(col).toMatchObject({
      SQLDATE: '20240304',
      MonthYear: '202403',
      Year: '2024',
      Actor1Code: 'PRT',
      Actor1Name: 'Portugal',
      Actor2CountryCode: 'ESP',
      IsRootEvent: '1',
      EventCode: '042',
      EventBaseCode: '042',
      EventRootCode: '04',
      QuadClass: '1',
      GoldsteinScale: '',
      AvgTone: '',
      ActionGeo_CountryCode: '',
      NumArticles: '1',
      DATEADDED: '20240305100000',
      SOURCEURL: 'https://news.test/p1',
    });
    const m = mentions.replace(/\n$/, '').split('\t');
    expect(GDELT_MENTION_COLUMNS).toHaveLength(16);
    expect(m).toHaveLength(16);
    expect(m[0]).toBe(col.GLOBALEVENTID);
    expect(m.slice(3, 6)).toEqual(['1', 'Harbour Gazette', 'https://news.test/p1']);
    expect(m[12]).toBe(String(body.length));
  });

  it('writes one PLOVER record per event, with a null date when the value is not a day', () => {
    const records = ploverRecords(stored)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      id: 'p1-e1',
      date: '2024-03-04',
      source: [{ actor_text: 'Portugal', code: 'PRT' }],
      recipient: [{ actor_text: 'Spain, "the host"', code: 'ESP' }],
      event: ['CONSULT'],
      mode: 'visit',
      quad_code: 1,
      text: 'Portugal met Spain in Madrid on Monday.',
      link: 'p1',
    });
    expect(records[1]).toMatchObject({ date: null, recipient: [], modality: 'negated' });
  });
});
