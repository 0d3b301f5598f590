// Table tests for the BILOU Viterbi search: it finds the best legal path where greedy choice
// would not, never enters an illegal transition, and skips plain tokens only outside names.
import { describe, expect, it } from 'vitest';
import { labelPart, labelType, makeLabel, N_LABELS } from './ner-model.js';
import { viterbiBilou } from './ner-viterbi.js';

const L = N_LABELS;
const PER = 0;
const ORG = 2;
const O = 0;
const B = (t: number): number => makeLabel(t, 0);
const Lst = (t: number): number => makeLabel(t, 2);
const U = (t: number): number => makeLabel(t, 3);

const allowed = new Uint8Array(2 * L * L);
for (let last = 0; last < 2; last++)
  for (let p = 0; p < L; p++)
    for (let c = 0; c < L; c++) {
      const pp = labelPart(p);
      const cp = labelPart(c);
      let ok =
        pp === 0 || pp === 1 ? (cp === 1 || cp === 2) && labelType(c) === labelType(p) : cp !== 1 && cp !== 2;
      if (last === 1 && (cp === 0 || cp === 1)) ok = false;
      allowed[(last * L + p) * L + c] = ok ? 1 : 0;
    }
const closes = Uint8Array.from({ length: L }, (_, l) => (l === 0 || labelPart(l) >= 2 ? 1 : 0));

/** Runs the search with per-token label scores (missing labels score 0) and no history scores. */
function run(
  tokenScores: Record<number, number>[],
  plain: number[] = [],
): { labels: number[]; scored: number[] } {
  const scored: number[] = [];
  const labels = viterbiBilou({
    n: tokenScores.length,
    nLabels: L,
    allowed,
    closes,
    plain: Uint8Array.from(tokenScores, (_, i) => plain[i] ?? 0),
    pair: new Float32Array((L + 1) * (L + 1) * L),
    score: (i, base) => {
      scored.push(i);
      base.fill(-1);
      for (const [label, v] of Object.entries(tokenScores[i]!)) base[Number(label)] = v;
      return new Float32Array((L + 1) * L);
    },
  });
  return { labels: [...labels], scored };
}

describe('viterbiBilou', () => {
  const rows: [string, Record<number, number>[], number[], number[] | null][] = [
    // Greedy would open B-PER and be forced into a poor L-PER; the best path is U-PER O.
    ['looks ahead', [{ [B(PER)]: 5, [U(PER)]: 4 }, { [O]: 10 }], [U(PER), O], [B(PER), Lst(PER)]],
    ['two-token name', [{ [B(ORG)]: 5 }, { [Lst(ORG)]: 5 }], [B(ORG), Lst(ORG)], null],
    // A sentence's last token cannot open a name.
    ['last token', [{ [B(ORG)]: 9, [U(ORG)]: 1 }], [U(ORG)], [B(ORG)]],
    ['empty', [], [], null],
  ];
  it.each(rows)('%s', (_, scores, want, mustNot) => {
    const { labels } = run(scores);
    expect(labels).toEqual(want);
    if (mustNot) expect(labels).not.toEqual(mustNot);
  });

  it('gives a plain token O without scoring it only when no path is inside a name', () => {
    // Plain tokens at the start are not scored, even if they would have preferred U-PER.
    const outside = run([{ [U(PER)]: 50 }, { [U(PER)]: 50 }], [1, 1]);
    expect(outside.labels).toEqual([O, O]);
    expect(outside.scored).toEqual([]);
    // After a possible B-ORG it is scored, and may close the name.
    const inside = run([{ [B(ORG)]: 5, [O]: 1 }, { [Lst(ORG)]: 5 }], [0, 1]);
    expect(inside.labels).toEqual([B(ORG), Lst(ORG)]);
    expect(inside.scored).toEqual([0, 1]);
  });
});
