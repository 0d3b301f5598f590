/**
 * Learns word clusters from unlabelled text (the tokens of CoNLL-2003 train + dev and GMB, and the
 * MEANTIME, TimeBank and AQUAINT news texts; never CoNLL test) for the NER tagger's cluster
 * features, and writes models/clusters.tsv.gz.
 *
 * Brown clustering is too slow for a few minutes on one core, so this does the cheap version of
 * the same idea: each word is described by its left and right neighbours (log counts over the
 * most frequent context words), compressed by a seeded random projection, then grouped by
 * spherical k-means at three granularities (like Brown bit-string prefixes of three lengths).
 *
 * Usage: npx tsx scripts/build-clusters.ts [--no-dev] [--no-extra] [--window N] [--ppmi]
 *   [--granularities 64,256,1024] [--out FILE]
 * (--no-dev leaves CoNLL dev text out, for checking how features fare on words without clusters;
 * --window N counts neighbours up to N words away on each side, 1 by default; --ppmi weighs
 * contexts by positive pointwise mutual information instead of log counts)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { clusterKey } from '../src/nlp/ner-features.js';
import { readConll, readGmb, readUnlabelledText, repoRoot } from './ner-corpus.js';

const MIN_COUNT = 2;
const CONTEXTS = 1500;
const DIM = 160;

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalise(v: Float32Array, off: number, dim: number): void {
  let n = 0;
  for (let d = 0; d < dim; d++) n += v[off + d]! * v[off + d]!;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < dim; d++) v[off + d] = v[off + d]! / n;
}

function kmeans(vecs: Float32Array, n: number, k: number, rand: () => number, iters: number): Int32Array {
  const cent = new Float32Array(k * DIM);
  // Seed centroids with the k most frequent words spread by stride: frequent words are stable.
  for (let c = 0; c < k; c++) {
    const w = Math.floor(rand() * n);
    cent.set(vecs.subarray(w * DIM, (w + 1) * DIM), c * DIM);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let w = 0; w < n; w++) {
      let best = 0;
      let bestSim = -Infinity;
      const wo = w * DIM;
      for (let c = 0; c < k; c++) {
        const co = c * DIM;
        let s = 0;
        for (let d = 0; d < DIM; d++) s += vecs[wo + d]! * cent[co + d]!;
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (assign[w] !== best) moved++;
      assign[w] = best;
    }
    cent.fill(0);
    const sizes = new Int32Array(k);
    for (let w = 0; w < n; w++) {
      const co = assign[w]! * DIM;
      sizes[assign[w]!]!++;
      for (let d = 0; d < DIM; d++) cent[co + d] = cent[co + d]! + vecs[w * DIM + d]!;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) {
        const w = Math.floor(rand() * n);
        cent.set(vecs.subarray(w * DIM, (w + 1) * DIM), c * DIM);
      }
      normalise(cent, c * DIM, DIM);
    }
    console.log(`k=${k} iteration ${it + 1}: ${moved} moved`);
    if (moved < n * 0.002) break;
  }
  return assign;
}

function main(): void {
  const { values: args } = parseArgs({
    options: {
      'no-dev': { type: 'boolean', default: false },
      'no-extra': { type: 'boolean', default: false },
      out: { type: 'string' },
      window: { type: 'string', default: '1' },
      ppmi: { type: 'boolean', default: false },
      granularities: { type: 'string', default: '64,256,1024' },
    },
  });
  const granularities = args.granularities.split(',').map(Number);
  const window = Number(args.window);
  const sides = 2 * window;
  const dev = args['no-dev'] ? [] : readConll('dev');
  const extra = args['no-extra'] ? [] : readUnlabelledText();
  const raw = [...[...readConll('train'), ...dev, ...readGmb()].map((s) => s.tokens), ...extra];
  const sentences = raw.map((s) => s.map(clusterKey));
  // How often each word is capitalised where case carries information: not sentence-initial,
  // not in an all-capitals headline. Bucketed 0..4; -1 when never seen there.
  const caps = new Map<string, [number, number]>();
  for (const s of raw) {
    if (!s.some((w) => /[a-z]/.test(w))) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (!/^[a-zA-Z]/.test(w)) continue;
      const c = caps.get(clusterKey(w)) ?? [0, 0];
      c[0] += /^[A-Z]/.test(w) ? 1 : 0;
      c[1]++;
      caps.set(clusterKey(w), c);
    }
  }
  const capsBucket = (w: string): number => {
    const c = caps.get(w);
    return c ? Math.min(4, Math.floor((c[0] / c[1]) * 5)) : -1;
  };
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);
  const wordId = new Map(vocab.map((w, i) => [w, i]));
  const contextId = new Map(byFreq.slice(0, CONTEXTS).map(([w], i) => [w, i]));
  console.log(`${sentences.length} sentences, vocabulary ${vocab.length}`);

  // Sparse co-occurrence counts: (word, side * CONTEXTS + context) -> count, where the side is the
  // offset -window..-1, 1..window; past the sentence's edge the context is the boundary marker.
  const cooc = new Map<number, number>();
  const BOS = CONTEXTS - 1;
  const width = sides * CONTEXTS;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = wordId.get(s[i]!);
      if (w === undefined) continue;
      for (let side = 0; side < sides; side++) {
        const o = side < window ? side - window : side - window + 1;
        const j = i + o;
        const c = j >= 0 && j < s.length ? (contextId.get(s[j]!) ?? -1) : BOS;
        if (c < 0) continue;
        const key = w * width + side * CONTEXTS + c;
        cooc.set(key, (cooc.get(key) ?? 0) + 1);
      }
    }
  }
  // Positive pointwise mutual information weighs a context by how much more often than chance it
  // goes with the word (--ppmi); otherwise the weight is the log count.
  const wordTotal = new Float64Array(vocab.length);
  const ctxTotal = new Float64Array(width);
  let total = 0;
  if (args.ppmi)
    for (const [key, count] of cooc) {
      const w = Math.floor(key / width);
      wordTotal[w] = wordTotal[w]! + count;
      ctxTotal[key % width] = ctxTotal[key % width]! + count;
      total += count;
    }

  const rand = seededRandom(20261123);
  const proj = new Float32Array(width * DIM);
  for (let i = 0; i < proj.length; i++) proj[i] = rand() < 0.5 ? -1 : 1;
  const vecs = new Float32Array(vocab.length * DIM);
  for (const [key, count] of cooc) {
    const w = Math.floor(key / width);
    const ctx = key % width;
    const weight = args.ppmi
      ? Math.max(0, Math.log((count * total) / (wordTotal[w]! * ctxTotal[ctx]!)))
      : Math.log1p(count);
    const po = ctx * DIM;
    const wo = w * DIM;
    for (let d = 0; d < DIM; d++) vecs[wo + d] = vecs[wo + d]! + weight * proj[po + d]!;
  }
  for (let w = 0; w < vocab.length; w++) normalise(vecs, w * DIM, DIM);

  const assignments = granularities.map((k) => kmeans(vecs, vocab.length, k, rand, 12));
  const header = ['#word', ...granularities.map((k) => `c${k}`), 'caps'].join('\t');
  const lines = [
    header,
    ...vocab.map((w, i) => [w, ...assignments.map((a) => a[i]), capsBucket(w)].join('\t')),
  ];
  const out = args.out ?? path.join(repoRoot, 'models', 'clusters.tsv.gz');
  writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
  console.log(`wrote ${out}: ${vocab.length} words`);
}

main();
