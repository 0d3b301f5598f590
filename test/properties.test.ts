/**
 * Property-based robustness: hostile text and HTML (test/fuzz/arbitraries.ts) through every stage
 * and through the whole pipeline. Whatever comes in, no stage throws, every layer keeps the data
 * model's invariants (checked after each stage), the text is never changed, the output is the
 * same twice, and the only failures are refusals of bad input, never a stage's crash. `npm test`
 * replays a few fixed cases; `npm run fuzz` draws many new ones (FUZZ_RUNS, FUZZ_SEED).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants, createDoc, toJson, type Doc, type Result } from '../src/doc/index.js';
import { analyzeText, standardPipeline } from '../src/pipeline/index.js';
import { absurdHtml, edgeText, fuzzParams, newsText, sentence, unicodeText } from './fuzz/arbitraries.js';

const everyStage = standardPipeline({ check: true });
const CRASHES = new Set(['E_STAGE', 'E_WORKER', 'E_INVARIANT']);
/**
 * Extraction's known crashes, owned by src/extract under issue 9, all inside Readability on a
 * page linkedom parses without a usable document: an empty page ("First argument to Readability
 * constructor..."), a frameset page (null `tagName` in `_grabArticle`), and a page of only
 * `<style>` (no `documentElement`). Isolated as E_STAGE failures of stage `extract`, so tolerated
 * here by their exact messages; any other crash fails the property. Delete once extraction is fixed.
 */
const KNOWN_EXTRACT_CRASHES = [
  /First argument to Readability constructor should be a document object/,
  /TypeError: Cannot read properties of null \(reading 'tagName'\)/,
  /TypeError: Cannot destructure property 'firstElementChild' of 'documentElement' as it is null/,
];

/** Every stage on the bare text (no extraction), invariants checked after each, twice. */
function throughEveryStage(text: string): void {
  const doc = everyStage(createDoc('fuzz', text));
  expect(doc.text).toBe(text);
  expect(toJson(everyStage(createDoc('fuzz', text)))).toEqual(toJson(doc));
}

/** The whole pipeline, extraction included: a doc that keeps the invariants, or a refusal. */
function throughWholePipeline(result: Result<Doc>): void {
  if (!result.ok) {
    const { code, stage, message } = result.error;
    if (stage === 'extract' && KNOWN_EXTRACT_CRASHES.some((known) => known.test(message))) return;
    expect(CRASHES.has(code), `${code} (stage ${stage}): ${message}`).toBe(false);
    return;
  }
  checkInvariants(result.value);
  for (const s of result.value.layers.sentences ?? [])
    expect(s.end).toBeLessThanOrEqual(result.value.text.length);
}

describe('every stage, on bare text', () => {
  it.each([
    ['random Unicode', unicodeText],
    ['news-shaped sentences', newsText],
    ['numbers only and single tokens', edgeText],
  ] as const)('%s', (_name, text) => {
    fc.assert(fc.property(text, throughEveryStage), fuzzParams());
  });

  it('codes an entity as the last word of a sentence without final punctuation', () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const bare = s.replace(/[.!?)"\s]+$/u, '');
        throughEveryStage(bare);
        throughEveryStage(`${bare}\n${bare}`);
      }),
      fuzzParams(),
    );
  });
});

describe('the whole pipeline, extraction included', () => {
  it.each([
    ['random Unicode', unicodeText],
    ['news-shaped text', newsText],
    ['numbers only and single tokens', edgeText],
  ] as const)('text: %s', (_name, text) => {
    fc.assert(
      fc.property(text, (t) => {
        throughWholePipeline(analyzeText(t, { anyLanguage: true }));
        throughWholePipeline(analyzeText(t));
      }),
      fuzzParams(),
    );
  });

  it('broken and absurd HTML', () => {
    fc.assert(
      fc.property(absurdHtml, (html) =>
        throughWholePipeline(analyzeText(html, { html: true, anyLanguage: true })),
      ),
      fuzzParams(),
    );
  });
});

describe('the extremes, once each', () => {
  const words =
    'the council of Oslo said Maria Lopez would visit Kenya and Tomas Varga on Monday talks 2024 sanctions'.split(
      ' ',
    );
  const longSentence = Array.from({ length: 16_000 }, (_, i) => words[(i * 7) % words.length])
    .join(' ')
    .slice(0, 100_000);

  it.each([
    ['a 100,000-character sentence', longSentence],
    ['the same in capitals', longSentence.toUpperCase()],
    ['one token', 'Oslo'],
    ['one long token', 'x'.repeat(100_000)],
    ['numbers only', Array.from({ length: 5_000 }, (_, i) => String(i * 37)).join(' ')],
  ])('%s', (_name, text) => {
    const doc = everyStage(createDoc('extreme', text));
    expect(doc.text).toBe(text);
    throughWholePipeline(analyzeText(text, { anyLanguage: true, noClean: true }));
  });

  it.each([
    [
      'a 10 MB attribute',
      `<html><body><div data-x="${'q'.repeat(10 * 2 ** 20)}"><p>${'The ferry left port on time and the crew waved. '.repeat(8)}</p></div></body></html>`,
    ],
    [
      'a script-only page',
      `<html><head><script>${'var x = 1;'.repeat(50_000)}</script></head><body><script>go()</script></body></html>`,
    ],
    [
      'a frameset page',
      '<html><frameset rows="*,*"><frame src="top.html"><frame src="bottom.html"></frameset></html>',
    ],
    ['nothing but an unclosed comment', '<html><body><!-- <p>never closed'],
  ])('%s', (_name, html) => {
    throughWholePipeline(analyzeText(html, { html: true }));
  });
});
