/**
 * The peer of the story clusterer in bench/linking.ts: batch agglomerative clustering with
 * average link (UPGMA) over cosine similarities, by the nearest-neighbour chain algorithm
 * (O(n²) time and memory). Average link is reducible, so the merges sorted by similarity are
 * the dendrogram, and cutting it at any threshold gives the clustering greedy merging would stop
 * at: one run serves every threshold.
 */

export interface Merge {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

/** All n - 1 merges, most similar first; `similarity(i, j)` is read once per pair. */
export function averageLinkMerges(n: number, similarity: (i: number, j: number) => number): Merge[] {
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) sim[i * n + j] = sim[j * n + i] = similarity(i, j);
  const size = new Float64Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const top = chain[chain.length - 1]!;
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // The most similar active cluster to `top`; the previous link wins ties, so the chain stops.
    let best = prev;
    let bestSim = prev >= 0 ? sim[top * n + prev]! : -Infinity;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === top || k === prev) continue;
      if (sim[top * n + k]! > bestSim) {
        bestSim = sim[top * n + k]!;
        best = k;
      }
    }
    if (best !== prev) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    merges.push({ a: Math.min(top, prev), b: Math.max(top, prev), similarity: bestSim });
    // Lance-Williams for average link: the merged cluster keeps the lower index.
    const keep = Math.min(top, prev);
    const gone = Math.max(top, prev);
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === gone) continue;
      const s =
        (size[keep]! * sim[keep * n + k]! + size[gone]! * sim[gone * n + k]!) / (size[keep]! + size[gone]!);
      sim[keep * n + k] = sim[k * n + keep] = s;
    }
    size[keep] = size[keep]! + size[gone]!;
    active[gone] = 0;
    remaining--;
  }
  return merges.sort((x, y) => y.similarity - x.similarity);
}

/** Cluster label (the lowest member index) of each item after every merge at or above `threshold`. */
export function cutDendrogram(n: number, merges: readonly Merge[], threshold: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const m of merges) {
    if (m.similarity < threshold) break;
    const ra = find(m.a);
    const rb = find(m.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return parent.map((_, i) => find(i));
}
