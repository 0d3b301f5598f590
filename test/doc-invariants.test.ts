/**
 * Property checks of the data model's invariants (docs/data-model.md) over the whole pipeline
 * on every sample article: the invariants hold after every stage, every span's `text` is the
 * body slice it names, spans do not start or end inside a word or on white space, and the
 * output is deterministic (two runs print byte-identical JSON). The first block shows the
 * checks can fail, so the others mean something.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSampleCorpus } from '../src/cli/demo.js';
import { checkInvariants, InvariantError, toJson, withLayer, type Doc, type Span } from '../src/doc/index.js';
import { standardPipeline } from '../src/pipeline/index.js';

const checked = await analyzeSampleCorpus({ pipeline: standardPipeline({ check: true }) });
const docs = checked.articles.map((a) => a.doc);
const jsonl = (corpus: { articles: { doc: Doc }[] }): string =>
  corpus.articles.map((a) => `${JSON.stringify(toJson(a.doc))}\n`).join('');

/** A TIMEX3 value as the contract allows: dates, weeks, seasons, times, durations, sets, refs. */
const TIMEX_VALUE =
  /^(?:PAST_REF|PRESENT_REF|FUTURE_REF|P(?:[\dX.]+[YMWDHSE]|T[\dX.]+[HMS])+|(?:\d{2,4}|X{4})(?:-(?:\d{2}|XX|W\d{2}|WXX|Q[1-4]|H[12]|SP|SU|FA|WI)(?:-\d{2}|-WE)?)?(?:T(?:\d{2}(?::\d{2}){0,2}|MO|AF|EV|NI))?)$/;

/** True when the span starts or ends on white space: a span should be trimmed. */
const untrimmed = (text: string, s: Span): boolean => /^\s|\s$/.test(text.slice(s.start, s.end));

describe('the checks can fail', () => {
  const doc = docs[0]!;
  it.each([
    ['an entity past the end of the text', { start: doc.text.length - 2, end: doc.text.length + 5 }],
    ['an inverted span', { start: 10, end: 4 }],
    ['an empty span', { start: 7, end: 7 }],
  ])('checkInvariants rejects %s', (_name, span) => {
    const broken = withLayer(doc, 'entities', [{ ...span, type: 'GPE', canonical: 'X', country: null }]);
    expect(() => checkInvariants(broken)).toThrow(InvariantError);
  });

  it.each([
    ['2025-03-07', true],
    ['2025-W11', true],
    ['P4D', true],
    ['PAST_REF', true],
    ['2025-03-07TNI', true],
    ['next week', false],
    ['2025/03/07', false],
    ['', false],
  ])('the TIMEX3 pattern reads %j as %s', (value, valid) => {
    expect(TIMEX_VALUE.test(value)).toBe(valid);
  });

  it.each([
    [' Seoul', true],
    ['Seoul\n', true],
    ['Seoul', false],
  ])('a span over %j is untrimmed: %s', (text, bad) => {
    expect(untrimmed(text, { start: 0, end: text.length })).toBe(bad);
  });
});

describe('the sample corpus after the full pipeline', () => {
  it('analyses every sample with the invariants checked after each stage', () => {
    expect(checked.failures).toEqual([]);
    expect(docs.length).toBeGreaterThanOrEqual(14);
  });

  describe.each(docs.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
    const json = toJson(doc);

    it('passes checkInvariants', () => {
      expect(() => checkInvariants(doc)).not.toThrow();
    });

    it('gives entity and timex text equal to body.slice(start, end)', () => {
      for (const e of json.entities ?? []) expect(e.text).toBe(json.body.slice(e.start, e.end));
      for (const t of json.timexes ?? []) expect(t.text).toBe(json.body.slice(t.start, t.end));
    });

    it('has no span that starts or ends on white space', () => {
      const { sentences, tokens, entities, timexes } = doc.layers;
      for (const layer of [sentences, tokens, entities, timexes])
        for (const s of layer ?? []) expect(untrimmed(doc.text, s), JSON.stringify(s)).toBe(false);
    });

    it('starts and ends every entity on a token boundary', () => {
      const { tokens, entities } = doc.layers;
      if (!tokens || !entities) return;
      const starts = new Set(tokens.map((t) => t.start));
      const ends = new Set(tokens.map((t) => t.end));
      for (const e of entities) {
        expect(starts.has(e.start), `${doc.text.slice(e.start, e.end)} start`).toBe(true);
        expect(ends.has(e.end), `${doc.text.slice(e.start, e.end)} end`).toBe(true);
      }
    });

    it('gives every entity a canonical form and every timex a TIMEX3 value or null', () => {
      for (const e of doc.layers.entities ?? []) expect(e.canonical.trim()).not.toBe('');
      for (const t of doc.layers.timexes ?? []) if (t.value !== null) expect(t.value).toMatch(TIMEX_VALUE);
      for (const e of doc.layers.events ?? []) if (e.date !== null) expect(e.date).toMatch(TIMEX_VALUE);
    });

    it('keeps each event evidence within one sentence', () => {
      const { sentences, events } = doc.layers;
      if (!sentences || !events) return;
      for (const e of events) {
        const inside = sentences.some((s) => s.start <= e.evidence.start && e.evidence.end <= s.end);
        expect(inside, doc.text.slice(e.evidence.start, e.evidence.end)).toBe(true);
      }
    });
  });

  it('is deterministic: a second run prints byte-identical JSON', async () => {
    const again = await analyzeSampleCorpus({ pipeline: standardPipeline({ check: true }) });
    expect(jsonl(again)).toBe(jsonl(checked));
  });

  it('prints the same JSON whether or not the invariants are checked', async () => {
    const plain = await analyzeSampleCorpus();
    expect(jsonl(plain)).toBe(jsonl(checked));
  });
});
