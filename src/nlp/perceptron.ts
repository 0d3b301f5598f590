/**
 * A small averaged perceptron over string features, reusable by any greedy tagger: `Trainer`
 * learns sparse weights (averaged lazily, Daumé's trick: keep w and the sum of c * update, so
 * no per-weight timestamps), `SparseWeights` scores them at run time. Written here because no
 * installed package offers a trainable sequence classifier, and the algorithm is fifty lines.
 */

/** Run-time weights: feature -> (class ids, weights), pruned and read-only. */
export type SparseWeights = ReadonlyMap<string, { readonly cls: Uint8Array; readonly w: Float32Array }>;

/** Adds the weights of `features` into `scores` (zeroed first) and returns the best class. */
export function scoreFeatures(
  weights: SparseWeights,
  features: readonly string[],
  scores: Float64Array,
): number {
  scores.fill(0);
  for (const f of features) {
    const row = weights.get(f);
    if (!row) continue;
    for (let k = 0; k < row.cls.length; k++) scores[row.cls[k]!]! += row.w[k]!;
  }
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
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
    if (classCount > 255) throw new Error('PerceptronTrainer supports at most 255 classes');
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
