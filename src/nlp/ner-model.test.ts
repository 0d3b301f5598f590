// The tagger's label coding (BIO <-> BILOU) and the shipped model's pack/unpack round trip.
import { describe, expect, it } from 'vitest';
import { bioToLabels, labelName, labelsToBio, N_LABELS, packModel, unpackModel } from './ner-model.js';

describe('BIO <-> BILOU', () => {
  const rows: [string[], string[]][] = [
    [
      ['B-PER', 'I-PER', 'I-PER', 'O'],
      ['B-PER', 'I-PER', 'L-PER', 'O'],
    ],
    [
      ['B-LOC', 'B-LOC'],
      ['U-LOC', 'U-LOC'],
    ],
    [
      ['I-ORG', 'O', 'B-MISC'],
      ['U-ORG', 'O', 'U-MISC'],
    ],
    // Must not join: adjacent entities of different types.
    [
      ['B-PER', 'I-ORG'],
      ['U-PER', 'U-ORG'],
    ],
    // Unknown types are O.
    [
      ['B-TIM', 'O'],
      ['O', 'O'],
    ],
  ];
  it.each(rows)('%j', (bio, bilou) => {
    const labels = bioToLabels(bio);
    expect([...labels].map(labelName)).toEqual(bilou);
    expect(labelsToBio(labels)).toEqual(
      bio.map((t) => (t.includes('TIM') ? 'O' : t.replace(/^I-(?=ORG)/, 'B-'))),
    );
  });
});

describe('packModel / unpackModel', () => {
  it('keeps weights above the threshold (to int16 precision) and drops the rest', () => {
    const bits = 4;
    const weights = new Float32Array((1 << bits) * N_LABELS);
    weights[3 * N_LABELS + 2] = 1.5;
    weights[7 * N_LABELS + 0] = -0.75;
    weights[9 * N_LABELS + 1] = 0.001;
    const back = unpackModel(packModel({ bits, weights, config: { x: 1 } }, 0.01));
    expect(back.config).toEqual({ x: 1 });
    const weight = (bucket: number, label: number): number => {
      const row = back.rows!.row(bucket);
      return row < 0 ? 0 : back.weights[row * N_LABELS + label]!;
    };
    expect(weight(3, 2)).toBeCloseTo(1.5, 3);
    expect(weight(7, 0)).toBeCloseTo(-0.75, 3);
    expect(weight(9, 1)).toBe(0);
    expect(back.rows!.row(9)).toBe(-1);
  });
});
