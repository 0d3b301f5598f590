import { describe, expect, it } from 'vitest';
import {
  BANDS,
  DUPLICATE_AT,
  SIGNATURE_SIZE,
  SIMILAR_AT,
  bandKeys,
  bodyJaccard,
  jaccard,
  shingleWords,
  shingles,
  signature,
} from './minhash.js';

const REPORT = `The harbour authority of Valdmora closed the northern pier on Thursday after a cargo ship lost
power and drifted into the breakwater. No one was hurt, but two cranes were damaged and container
traffic was moved to the southern terminal. Port director Elin Havskog said repairs would take at
least three weeks. Shipping companies warned that delays could spread to other ports along the coast.
The ship, which was carrying timber and machine parts, was towed to a repair yard on Friday morning.`;

/** The same copy as another outlet runs it: some words changed, one sentence dropped, one added. */
const REWRITE = `The port authority of Valdmora shut the northern pier on Thursday after a cargo ship lost
power and drifted into the breakwater. No one was injured, but two cranes were damaged and container
traffic was moved to the southern terminal. Port director Elin Havskog said repairs would take at
least three weeks. The ship, which was carrying timber and machine parts, was towed to a repair yard
on Friday. The pier was built in 1978.`;

/** Another outlet's own report of the same event: same facts, its own words. */
const SAME_STORY = `A drifting freighter slammed into Valdmora's breakwater on Thursday, knocking out two cranes
and forcing the closure of the northern pier. Elin Havskog, who runs the port, expects the work to
last three weeks or more, and freight has been diverted south.`;

const UNRELATED = `The national orchestra opened its winter season with a programme of Nordic composers, and the
conductor dedicated the evening to a cellist who retired after forty years with the ensemble.`;

describe('jaccard of bodies', () => {
  it.each([
    ['identical text', REPORT, REPORT, 1, 1],
    [
      'a copy with other case, line breaks and punctuation',
      REPORT,
      REPORT.toUpperCase().replace(/\n/g, ' ').replace(/\./g, ' .'),
      1,
      1,
    ],
    ['a wire rewrite', REPORT, REWRITE, SIMILAR_AT, DUPLICATE_AT - 1e-9],
  ])('%s is in [%d, %d]', (_name, a, b, low, high) => {
    const j = bodyJaccard(a, b);
    expect(j).toBeGreaterThanOrEqual(low as number);
    expect(j).toBeLessThanOrEqual(high as number);
  });

  it.each([
    ['the same story in another outlet’s words', REPORT, SAME_STORY],
    ['an unrelated article', REPORT, UNRELATED],
    ['an empty body', REPORT, ''],
    ['two empty bodies', '', ''],
  ])('%s is not a near-duplicate', (_name, a, b) => {
    expect(bodyJaccard(a, b)).toBeLessThan(SIMILAR_AT);
  });
});

describe('shingles', () => {
  it('folds case and diacritics and splits on everything but letters and digits', () => {
    expect(shingleWords('Café-Bar’s 2024 “menu”')).toEqual(['cafe', 'bar', 's', '2024', 'menu']);
  });

  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['—', 0],
    ['word', 1],
    ['two words', 1],
    ['three words here', 1],
    ['four words are here', 2],
  ])('%j has %d shingles', (body, n) => {
    expect(shingles(body).size).toBe(n);
  });

  it('a one-word body is a duplicate of itself and of nothing else', () => {
    expect(bodyJaccard('Breaking', 'breaking')).toBe(1);
    expect(bodyJaccard('Breaking', 'Update')).toBe(0);
  });
});

describe('signature and band keys', () => {
  it('has one key per band, the same for the same text', () => {
    const keys = bandKeys(signature(shingles(REPORT)));
    expect(keys).toHaveLength(BANDS);
    expect(new Set(keys).size).toBe(BANDS);
    expect(bandKeys(signature(shingles(REPORT)))).toEqual(keys);
    expect(signature(shingles(REPORT))).toHaveLength(SIGNATURE_SIZE);
  });

  it('gives no keys for an empty body, so it is nobody’s candidate', () => {
    expect(bandKeys(signature(shingles('')))).toEqual([]);
  });

  const shared = (a: string, b: string): number => {
    const keys = new Set(bandKeys(signature(shingles(a))));
    return bandKeys(signature(shingles(b))).filter((k) => keys.has(k)).length;
  };

  it.each([
    ['a copy', REPORT.toLowerCase(), BANDS],
    ['a rewrite', REWRITE, 1],
  ])('makes %s a candidate', (_name, other, atLeast) => {
    expect(shared(REPORT, other)).toBeGreaterThanOrEqual(atLeast);
  });

  it.each([
    ['an unrelated article', UNRELATED],
    ['the same story in other words', SAME_STORY],
  ])('does not make %s a candidate', (_name, other) => {
    expect(shared(REPORT, other)).toBe(0);
  });

  it('estimates Jaccard: the share of equal minimums is near the exact value', () => {
    const a = signature(shingles(REPORT));
    const b = signature(shingles(REWRITE));
    const equal = a.filter((v, i) => v === b[i]).length / SIGNATURE_SIZE;
    expect(Math.abs(equal - jaccard(shingles(REPORT), shingles(REWRITE)))).toBeLessThan(0.15);
  });
});
