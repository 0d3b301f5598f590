/**
 * A small averaged perceptron over string features, reusable by any greedy tagger: `Trainer`
 * learns sparse weights (averaged lazily, Daumé's trick: keep w and the sum of c * update, so
 * no per-weight timestamps), `PackedWeights` holds them at run time. Written here because no
 * installed package offers a trainable sequence classifier, and the algorithm is fifty lines.
 */

import { FeatureTable, type FeatureParts } from './feature-table.js';

/**
 * Run-time weights, packed for cache locality: `index` maps a feature to `start * 64 + count`,
 * the span of its (class id, weight) pairs in `cls` and `w`.
 */
export interface PackedWeights {
  readonly index: FeatureTable;
  readonly cls: Uint8Array;
  readonly w: Float32Array;
}

/** At most this many classes, so that a count fits the low six bits of an index entry. */
export const MAX_CLASSES = 63;

export function packWeights(
  rows: Iterable<readonly [string, { readonly cls: ArrayLike<number>; readonly w: ArrayLike<number> }]>,
): PackedWeights {
  const entries = [...rows];
  const total = entries.reduce((n, [, row]) => n + row.cls.length, 0);
  const cls = new Uint8Array(total);
  const w = new Float32Array(total);
  const index: [string, number][] = [];
  let at = 0;
  for (const [feature, row] of entries) {
    index.push([feature, at * 64 + row.cls.length]);
    for (let k = 0; k < row.cls.length; k++, at++) {
      cls[at] = row.cls[k]!;
      w[at] = row.w[k]!;
    }
  }
  return { index: new FeatureTable(index), cls, w };
}

/** Adds the weights of one feature into `out` from `offset` (class k at `offset + k`). */
export function addFeatureWeights(
  weights: PackedWeights,
  feature: string,
  out: Float64Array,
  offset = 0,
): void {
  addEntryWeights(weights, weights.index.find(feature, ''), out, offset);
}

/** `addFeatureWeights` of the feature `parts` spell, without building its string. */
export function addPartsWeights(
  weights: PackedWeights,
  [prefix, a, b]: FeatureParts,
  out: Float64Array,
  offset = 0,
): void {
  addEntryWeights(weights, weights.index.find(prefix, a, b), out, offset);
}

function addEntryWeights(weights: PackedWeights, entry: number, out: Float64Array, offset: number): void {
  if (entry < 0) return;
  const start = Math.floor(entry / 64);
  const end = start + (entry % 64);
  for (let k = start; k < end; k++) out[offset + weights.cls[k]!]! += weights.w[k]!;
}

/** The class with the highest score, the first on ties. */
export function bestClass(scores: Float64Array): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
}

/** Adds the weights of `features` into `scores` (zeroed first) and returns the best class. */
export function scoreFeatures(
  weights: PackedWeights,
  features: readonly string[],
  scores: Float64Array,
): number {
  scores.fill(0);
  for (const f of features) addFeatureWeights(weights, f, scores);
  return bestClass(scores);
}

interface TrainRow {
  cls: number[];
  w: number[];
  u: number[];
}

export class PerceptronTrainer {
  private readonly rows = new Map<string, TrainRow>();
  private readonly scores: Float64Array;
  private c = 1;

  constructor(readonly classCount: number) {
    if (classCount > MAX_CLASSES)
      throw new Error(`PerceptronTrainer supports at most ${MAX_CLASSES} classes`);
    this.scores = new Float64Array(classCount);
  }

  /** The class the current (unaveraged) weights choose for `features`. */
  predict(features: readonly string[]): number {
    const s = this.scores.fill(0);
    for (const f of features) {
      const row = this.rows.get(f);
      if (!row) continue;
      for (let k = 0; k < row.cls.length; k++) s[row.cls[k]!]! += row.w[k]!;
    }
    let best = 0;
    for (let k = 1; k < s.length; k++) if (s[k]! > s[best]!) best = k;
    return best;
  }

  /** One training instance: moves weight from `guess` to `truth` when they differ. */
  update(truth: number, guess: number, features: readonly string[]): void {
    if (truth !== guess)
      for (const f of features) {
        this.bump(f, truth, 1);
        this.bump(f, guess, -1);
      }
    this.c++;
  }

  private bump(feature: string, cls: number, delta: number): void {
    let row = this.rows.get(feature);
    if (!row) this.rows.set(feature, (row = { cls: [], w: [], u: [] }));
    let k = row.cls.indexOf(cls);
    if (k < 0) {
      k = row.cls.push(cls) - 1;
      row.w.push(0);
      row.u.push(0);
    }
    row.w[k]! += delta;
    row.u[k]! += this.c * delta;
  }

  /** The averaged weights, dropping those whose magnitude is below `minWeight`. */
  averaged(minWeight = 0): Map<string, { cls: Uint8Array; w: Float32Array }> {
    const out = new Map<string, { cls: Uint8Array; w: Float32Array }>();
    for (const [feature, row] of this.rows) {
      const cls: number[] = [];
      const w: number[] = [];
      row.cls.forEach((c, k) => {
        const avg = row.w[k]! - row.u[k]! / this.c;
        if (Math.abs(avg) > minWeight) {
          cls.push(c);
          w.push(avg);
        }
      });
      if (cls.length) out.set(feature, { cls: Uint8Array.from(cls), w: Float32Array.from(w) });
    }
    return out;
  }
}
