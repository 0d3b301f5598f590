/**
 * Exact second-order Viterbi search over BILOU labels for one sentence, used by the NER decoder
 * with a trained (frozen) model instead of greedy left-to-right choice. A label's score is the
 * sum of label-independent features of its token (`base`), features of the previous label and
 * the token's word or shape (`prevWord`), and features of the two previous labels (`pair`);
 * illegal BILOU transitions are never entered. A state is the pair (previous label, label);
 * label -1 stands for "before the sentence". Tokens that the caller marks as plain (no capitals,
 * no digits) are only scored when some surviving path could still be inside a name there;
 * otherwise every path takes O at no cost, as greedy decoding does.
 */

/** Per-sentence inputs; label-indexed rows are `nLabels` wide. */
export interface ViterbiInput {
  readonly n: number;
  readonly nLabels: number;
  /** ALLOWED[((last ? nLabels : 0) + max(prev, 0)) * nLabels + cur] === 1 when prev -> cur is legal. */
  readonly allowed: Uint8Array;
  /** Labels after which a name may start (O, L-*, U-*). */
  readonly closes: Uint8Array;
  /** Tokens that may be given O without scoring when no path is inside a name. */
  readonly plain: Uint8Array;
  /**
   * Fills `base` (nLabels) with token i's label-independent scores and returns its
   * previous-label scores ((nLabels + 1) rows, row p1 + 1).
   */
  readonly score: (i: number, base: Float64Array) => Float32Array;
  /** (nLabels + 1)^2 rows, row (p1 + 1) * (nLabels + 1) + (p2 + 1): scores of the two previous labels. */
  readonly pair: Float32Array;
}

interface Buffers {
  delta: Float64Array;
  next: Float64Array;
  alive: Int32Array;
  nextAlive: Int32Array;
  stamp: Int32Array;
  back: Int8Array;
  base: Float64Array;
  /** The `beam` best scores of the token being pruned. */
  top: Float64Array;
  /** Legal next labels of row (last ? L : 0) + prev: nextLabels[nextStart[row] .. nextStart[row + 1]). */
  nextStart: Int32Array;
  nextLabels: Int32Array;
}
let shared: Buffers | null = null;

/** Work arrays reused across sentences (decoding is single-threaded), grown for long sentences. */
function buffersFor(S: number, L: number, n: number, allowed: Uint8Array): Buffers {
  const nStates = S * S;
  if (!shared || shared.delta.length !== nStates || shared.back.length < n * nStates) {
    const nextStart = new Int32Array(2 * L + 1);
    const labels: number[] = [];
    for (let row = 0; row < 2 * L; row++) {
      nextStart[row] = labels.length;
      for (let c = 0; c < L; c++) if (allowed[row * L + c] === 1) labels.push(c);
    }
    nextStart[2 * L] = labels.length;
    shared = {
      nextStart,
      nextLabels: Int32Array.from(labels),
      delta: new Float64Array(nStates),
      next: new Float64Array(nStates),
      alive: new Int32Array(nStates),
      nextAlive: new Int32Array(nStates),
      stamp: new Int32Array(nStates),
      back: new Int8Array(Math.max(n, 256) * nStates),
      base: new Float64Array(L),
      top: new Float64Array(0),
    };
  }
  return shared;
}

/**
 * The best label sequence under the BILOU constraints. `beam` keeps only that many best states
 * per token and `margin` drops states scoring that far below the best (exact search when both
 * are Infinity). A plain token is scored only when a path inside a name is within `insideMargin`
 * of the best; otherwise paths inside a name end there. Pruning keeps the search cheap.
 */
export function viterbiBilou(
  input: ViterbiInput,
  beam = Infinity,
  margin = Infinity,
  insideMargin = Infinity,
): Int32Array {
  const { n, nLabels: L, allowed, closes, plain, score, pair } = input;
  const out = new Int32Array(n);
  if (n === 0) return out;
  const S = L + 1;
  const nStates = S * S;
  const buf = buffersFor(S, L, n, allowed);
  let delta = buf.delta;
  let next = buf.next;
  let alive = buf.alive;
  let nextAlive = buf.nextAlive;
  let nAlive = 1;
  alive[0] = 0; // (-1, -1)
  delta[0] = 0;
  const { stamp, back, base, nextStart, nextLabels } = buf;
  stamp.fill(0);
  if (Number.isFinite(beam) && buf.top.length !== beam) buf.top = new Float64Array(beam);
  const top = buf.top;
  for (let i = 0; i < n; i++) {
    const mark = i + 1;
    const last = i === n - 1;
    let nNext = 0;
    let inside = false;
    if (plain[i] === 1) {
      let best = -Infinity;
      for (let a = 0; a < nAlive; a++) best = Math.max(best, delta[alive[a]!]!);
      for (let a = 0; a < nAlive && !inside; a++) {
        const p1 = (alive[a]! % S) - 1;
        if (p1 > 0 && closes[p1] === 0 && delta[alive[a]!]! >= best - insideMargin) inside = true;
      }
    }
    if (plain[i] === 1 && !inside) {
      // No likely path is inside a name: the others end here and the rest take O at equal cost.
      for (let a = 0; a < nAlive; a++) {
        const st = alive[a]!;
        const p1 = (st % S) - 1;
        if (p1 > 0 && closes[p1] === 0) continue;
        const to = (p1 + 1) * S + 1;
        const v = delta[st]!;
        if (stamp[to] !== mark) {
          stamp[to] = mark;
          next[to] = -Infinity;
          nextAlive[nNext++] = to;
        }
        if (v > next[to]!) {
          next[to] = v;
          back[i * nStates + to] = Math.floor(st / S) - 1;
        }
      }
    } else {
      const prevWord = score(i, base);
      for (let a = 0; a < nAlive; a++) {
        const st = alive[a]!;
        const d = delta[st]!;
        const p2 = Math.floor(st / S) - 1;
        const p1 = (st % S) - 1;
        const lr = (p1 + 1) * L;
        const pr = ((p1 + 1) * S + p2 + 1) * L;
        const allowedRow = (last ? L : 0) + (p1 < 0 ? 0 : p1);
        const toRow = (p1 + 1) * S + 1;
        const from = nextStart[allowedRow]!;
        const until = nextStart[allowedRow + 1]!;
        for (let x = from; x < until; x++) {
          const c = nextLabels[x]!;
          const to = toRow + c;
          const v = d + (base[c]! + prevWord[lr + c]!) + pair[pr + c]!;
          if (stamp[to] !== mark) {
            stamp[to] = mark;
            next[to] = -Infinity;
            nextAlive[nNext++] = to;
          }
          if (v > next[to]!) {
            next[to] = v;
            back[i * nStates + to] = p2;
          }
        }
      }
    }
    // Pruning: keep states within `margin` of the best, at most `beam` of them.
    let best = -Infinity;
    for (let a = 0; a < nNext; a++) best = Math.max(best, next[nextAlive[a]!]!);
    let floor = best - margin;
    if (nNext > beam) {
      top.fill(-Infinity);
      for (let a = 0; a < nNext; a++) {
        const v = next[nextAlive[a]!]!;
        if (v <= top[beam - 1]!) continue;
        let j = beam - 1;
        while (j > 0 && top[j - 1]! < v) {
          top[j] = top[j - 1]!;
          j--;
        }
        top[j] = v;
      }
      floor = Math.max(floor, top[beam - 1]!);
    }
    let kept = 0;
    for (let a = 0; a < nNext; a++) {
      const st = nextAlive[a]!;
      if (next[st]! >= floor) nextAlive[kept++] = st;
    }
    const swapScores = delta;
    delta = next;
    next = swapScores;
    const swapAlive = alive;
    alive = nextAlive;
    nextAlive = swapAlive;
    nAlive = kept;
  }
  let bestState = alive[0]!;
  for (let a = 1; a < nAlive; a++) if (delta[alive[a]!]! > delta[bestState]!) bestState = alive[a]!;
  out[n - 1] = (bestState % S) - 1;
  if (n > 1) out[n - 2] = Math.floor(bestState / S) - 1;
  for (let i = n - 1; i >= 2; i--) {
    out[i - 2] = back[i * nStates + (out[i - 1]! + 1) * S + out[i]! + 1]!;
  }
  return out;
}
