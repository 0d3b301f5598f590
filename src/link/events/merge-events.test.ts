import { describe, expect, it } from 'vitest';
import type { EventReportInput, MergedEventCandidate } from '../types.js';
import { dateInterval, formatDayNumber, gapDays } from './date-interval.js';
import { chooseMergedEvent, eventKey, summariseReports } from './merge-events.js';

const span = (value: string | null) => {
  const i = dateInterval(value);
  return i && [formatDayNumber(i.start), formatDayNumber(i.end)];
};

describe('dateInterval', () => {
  it.each([
    ['2024-06-10', ['2024-06-10', '2024-06-10']],
    ['2024-06-10T14:00', ['2024-06-10', '2024-06-10']],
    ['2024-W24', ['2024-06-10', '2024-06-16']],
    ['2025-W01', ['2024-12-30', '2025-01-05']],
    ['2024-W24-WE', ['2024-06-15', '2024-06-16']],
    ['2024-02', ['2024-02-01', '2024-02-29']],
    ['2024-Q2', ['2024-04-01', '2024-06-30']],
    ['2024-SP', ['2024-03-01', '2024-05-31']],
    ['2024-WI', ['2024-12-01', '2025-02-28']],
    ['2024', ['2024-01-01', '2024-12-31']],
  ])('%s covers %j', (value, days) => expect(span(value)).toEqual(days));

  it.each([null, 'PAST_REF', 'P3D', 'XXXX-12', '2024-13'])('%s covers no days', (value) =>
    expect(dateInterval(value)).toBeNull(),
  );

  it('measures the gap between intervals', () => {
    expect(gapDays(dateInterval('2024-06-10')!, dateInterval('2024-06-14')!)).toBe(4);
    expect(gapDays(dateInterval('2024-06')!, dateInterval('2024-06-14')!)).toBe(0);
  });
});

const actor = (key: string) => ({ key, entity: null, name: key, country: null });
const report = (over: Partial<EventReportInput>): EventReportInput => ({
  index: 0,
  type: 'CONSULT',
  mode: 'visit',
  source: actor('e1'),
  target: actor('c:CHL'),
  modality: 'asserted',
  date: '2024-05-06',
  published: '2024-05-07',
  article: 'a1',
  evidence: { start: 0, end: 10 },
  text: 'Vosk-Lee arrived.',
  ...over,
});
const merged = (id: string, over: Partial<MergedEventCandidate>): MergedEventCandidate => ({
  id,
  mode: 'visit',
  date: '2024-05-06',
  modality: 'asserted',
  start: '2024-05-06',
  end: '2024-05-06',
  anchor: '2024-05-07',
  reports: 1,
  ...over,
});

describe('chooseMergedEvent', () => {
  const rows: [string, Partial<EventReportInput>, MergedEventCandidate[], string | null][] = [
    ['the same day', {}, [merged('v1', {})], 'v1'],
    ['a visit reported three days on', { date: '2024-05-09' }, [merged('v1', {})], 'v1'],
    ['a visit a year later', { date: '2025-05-06' }, [merged('v1', {})], null],
    ['a meeting two days apart', { mode: null, date: '2024-05-08' }, [merged('v1', { mode: null })], null],
    ['a plan for the week of the visit', { modality: 'planned', date: '2024-W19' }, [merged('v1', {})], 'v1'],
    [
      'a plan dated the day it was announced',
      { modality: 'planned', date: '2024-04-30' },
      [merged('v1', {})],
      'v1',
    ],
    ['a plan long before', { modality: 'planned', date: '2024-01-02' }, [merged('v1', {})], null],
    ['a denial', { modality: 'negated' }, [merged('v1', {})], null],
    ['another mode', { mode: 'meet' }, [merged('v1', {})], null],
    ['no mode', { mode: null }, [merged('v1', {})], 'v1'],
    ['a recollection by month', { date: '2024-05' }, [merged('v1', {})], 'v1'],
    ['an undated report in the week of its article', { date: null }, [merged('v1', {})], 'v1'],
    [
      'the nearer of two',
      { date: '2024-05-20' },
      [merged('v1', {}), merged('v2', { date: '2024-05-19', start: '2024-05-19', end: '2024-05-19' })],
      'v2',
    ],
  ];
  it.each(rows)('%s', (_name, over, candidates, chosen) =>
    expect(chooseMergedEvent(report(over), candidates)).toBe(chosen),
  );
});

describe('eventKey', () => {
  it.each([
    ['CONSULT', 'e9', 'c:CHL', ['c:CHL', 'e9']],
    ['AGREE', 'e9', 'c:CHL', ['c:CHL', 'e9']],
    ['ACCUSE', 'e9', 'c:CHL', ['e9', 'c:CHL']],
  ] as const)('%s %s -> %s', (type, a, b, keys) => {
    const key = eventKey(report({ type, source: actor(a), target: actor(b) }));
    expect([key.a, key.b]).toEqual(keys);
  });
});

describe('summariseReports', () => {
  it('takes the modality and most precise date of what was done, and the hull of precise reports', () => {
    const s = summariseReports([
      { date: '2024-W19', modality: 'planned', mode: 'visit', published: '2024-05-02' },
      { date: '2024-05-06', modality: 'asserted', mode: 'visit', published: '2024-05-07' },
      { date: '2024-05-08', modality: 'asserted', mode: null, published: '2024-05-09' },
    ]);
    expect(s).toEqual({
      date: '2024-05-06',
      modality: 'asserted',
      mode: 'visit',
      start: '2024-05-06',
      end: '2024-05-08',
      anchor: '2024-05-02',
    });
  });

  it('keeps a plan a plan, and a denial a denial', () => {
    expect(
      summariseReports([{ date: null, modality: 'planned', mode: null, published: null }]).modality,
    ).toBe('planned');
    expect(
      summariseReports([{ date: null, modality: 'negated', mode: null, published: null }]),
    ).toMatchObject({
      modality: 'negated',
      date: null,
      start: null,
    });
  });
});
