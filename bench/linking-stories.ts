/**
 * Story clustering on ECB+ (bench/linking.ts, section a). Ours: the streaming clusterer with its
 * candidates from `MemoryStoryIndex`, its threshold chosen on topics 1-35 by BCubed F1, then
 * applied to 36-45 (clustered alone) and to all 982 articles (clustered together); beside it the
 * same with every story as a candidate (what the index loses). The peer, in the same run: TF-IDF
 * (title and body words, raw counts, the same IDF table) average-link agglomerative clustering,
 * its threshold chosen on 1-35, and, for reference, the threshold best on the report sets
 * themselves. `--grid` instead sweeps our other settings on topics 1-35 only.
 */
import { clusterStories } from '../src/link/cluster-stories.js';
import { loadIdfTable, type IdfTable } from '../src/link/idf.js';
import {
  StoryClusterer,
  type StoryInput,
  type StoryOptions,
  type StoryState,
  type StoryVector,
} from '../src/link/stories.js';
import type { StoryIndex } from '../src/link/story-index.js';
import { storyWords } from '../src/link/story-words.js';
import { averageLinkMerges, cutDendrogram, type Merge } from './average-link.js';
import { checkedScore, scoreClustering, type ClusteringScore } from './clustering-score.js';
import { goldOf, isDev, type EcbArticle } from './linking-ecb.js';
import { textTable } from './text-table.js';

const range = (from: number, to: number, step: number): number[] =>
  Array.from(
    { length: Math.round((to - from) / step) + 1 },
    (_, i) => Math.round((from + i * step) * 1e4) / 1e4,
  );
const OUR_THRESHOLDS = range(0.05, 0.6, 0.01);
const PEER_THRESHOLDS = range(0.02, 0.6, 0.01);

/** Every story is a candidate: the upper bound of what the index can find. */
class EveryStory implements StoryIndex {
  private readonly stories = new Map<string, StoryState>();
  get(id: string): StoryState | undefined {
    return this.stories.get(id);
  }
  put(state: StoryState): void {
    this.stories.set(state.id, state);
  }
  candidates(): StoryState[] {
    return [...this.stories.values()];
  }
}

/** Vectors do not depend on the threshold: a sweep computes each article's once per setting. */
const vectorCache = new Map<string, Map<string, StoryVector>>();

class SweepClusterer extends StoryClusterer {
  override vector(article: StoryInput): StoryVector {
    const { threshold: _, ...rest } = this.options;
    const key = JSON.stringify(rest);
    let cache = vectorCache.get(key);
    if (!cache) vectorCache.set(key, (cache = new Map()));
    let v = cache.get(article.id);
    if (!v) cache.set(article.id, (v = super.vector(article)));
    return v;
  }
}

function ours(articles: readonly EcbArticle[], idf: IdfTable, opts: Partial<StoryOptions>, every = false) {
  const clusterer = new SweepClusterer(idf, opts);
  return clusterStories(
    articles.map((a) => a.input),
    clusterer,
    every ? new EveryStory() : undefined,
  );
}

/** The threshold with the best BCubed F1 (the lowest on ties) and that F1. */
function best(thresholds: readonly number[], f1At: (t: number) => number): { threshold: number; f1: number } {
  let top = { threshold: thresholds[0]!, f1: -1 };
  for (const t of thresholds) {
    const f1 = f1At(t);
    if (f1 > top.f1) top = { threshold: t, f1 };
  }
  return top;
}

function chooseOurThreshold(dev: readonly EcbArticle[], idf: IdfTable, opts: Partial<StoryOptions> = {}) {
  const gold = goldOf(dev);
  return best(
    OUR_THRESHOLDS,
    (threshold) => scoreClustering(gold, ours(dev, idf, { ...opts, threshold })).bcubed.f1,
  );
}

/** The peer's dendrogram over a set: TF-IDF of title and body words, cosine, average link. */
function peerMerges(articles: readonly EcbArticle[], idf: IdfTable): Merge[] {
  const vectors = articles.map((a) => {
    const counts = new Map<string, number>();
    for (const w of storyWords(`${a.input.title ?? ''}\n${a.input.body}`))
      counts.set(w, (counts.get(w) ?? 0) + 1);
    const v = new Map([...counts].map(([w, n]) => [w, n * idf.idf(w)]));
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  return averageLinkMerges(articles.length, (i, j) => {
    const [small, large] =
      vectors[i]!.size < vectors[j]!.size ? [vectors[i]!, vectors[j]!] : [vectors[j]!, vectors[i]!];
    let s = 0;
    for (const [w, x] of small) s += x * (large.get(w) ?? 0);
    return s;
  });
}

function peerLabels(
  articles: readonly EcbArticle[],
  merges: readonly Merge[],
  threshold: number,
): Map<string, string> {
  const labels = cutDendrogram(articles.length, merges, threshold);
  return new Map(articles.map((a, i) => [a.input.id, String(labels[i])]));
}

const f = (x: number): string => x.toFixed(4);
const row = (system: string, set: string, threshold: number, s: ClusteringScore): string[] => [
  system,
  set,
  threshold.toFixed(2),
  f(s.bcubed.precision),
  f(s.bcubed.recall),
  f(s.bcubed.f1),
  f(s.pairwise.precision),
  f(s.pairwise.recall),
  f(s.pairwise.f1),
  String(s.clusters),
];
const HEADER = ['system', 'set', 'thr', 'B3 P', 'B3 R', 'B3 F1', 'pair P', 'pair R', 'pair F1', 'clusters'];

export function storyClusteringSection(articles: readonly EcbArticle[], devOnly: boolean): void {
  const idf = loadIdfTable();
  const dev = articles.filter(isDev);
  const test = articles.filter((a) => !isDev(a));
  const sets: [string, readonly EcbArticle[]][] = devOnly
    ? [['1-35', dev]]
    : [
        ['1-35', dev],
        ['36-45', test],
        ['all', articles],
      ];
  const rows: string[][] = [];

  const t0 = process.hrtime.bigint();
  const chosen = chooseOurThreshold(dev, idf);
  const sweepSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  for (const [name, set] of sets) {
    rows.push(
      row(
        'ours',
        name,
        chosen.threshold,
        checkedScore(goldOf(set), ours(set, idf, { threshold: chosen.threshold })),
      ),
    );
  }
  for (const [name, set] of sets) {
    const pred = ours(set, idf, { threshold: chosen.threshold }, true);
    rows.push(row('ours, every story a candidate', name, chosen.threshold, checkedScore(goldOf(set), pred)));
  }

  const merges = new Map(sets.map(([name, set]) => [name, peerMerges(set, idf)]));
  const devGold = goldOf(dev);
  const peerChosen = best(
    PEER_THRESHOLDS,
    (t) => scoreClustering(devGold, peerLabels(dev, merges.get('1-35')!, t)).bcubed.f1,
  );
  for (const [name, set] of sets) {
    const pred = peerLabels(set, merges.get(name)!, peerChosen.threshold);
    rows.push(row('peer: TF-IDF average link', name, peerChosen.threshold, checkedScore(goldOf(set), pred)));
  }
  for (const [name, set] of sets.slice(1)) {
    const gold = goldOf(set);
    const top = best(
      PEER_THRESHOLDS,
      (t) => scoreClustering(gold, peerLabels(set, merges.get(name)!, t)).bcubed.f1,
    );
    const pred = peerLabels(set, merges.get(name)!, top.threshold);
    rows.push(row('peer, threshold best on this set', name, top.threshold, checkedScore(goldOf(set), pred)));
  }
  console.log(
    `thresholds chosen on topics 1-35 by BCubed F1: ours ${chosen.threshold} (default ${new StoryClusterer(idf).options.threshold}; ` +
      `${OUR_THRESHOLDS.length} points swept in ${sweepSeconds.toFixed(1)} s), peer ${peerChosen.threshold}`,
  );
  console.log(textTable(HEADER, rows));
  console.log(
    "(every figure from ../shared/tools/score-clustering.mjs; the bench's own scorer agrees with it)",
  );
}

/** `--grid`: our settings swept on topics 1-35 only, each at its best threshold there. */
export function storyGridSection(articles: readonly EcbArticle[]): void {
  const idf = loadIdfTable();
  const dev = articles.filter(isDev);
  const grid: Partial<StoryOptions>[] = [];
  for (const idfPower of [1, 1.5, 2])
    for (const entityWeight of [0, 0.25, 0.5, 1])
      for (const titleWeight of [1, 2, 4]) grid.push({ idfPower, entityWeight, titleWeight });
  for (const [graceDays, halfLifeDays] of [
    [3, 14],
    [14, 30],
    [30, 30],
    [60, 30],
  ])
    grid.push({ graceDays: graceDays!, halfLifeDays: halfLifeDays! });
  for (const undatedFactor of [0.8, 0.9]) grid.push({ undatedFactor });
  for (const [vectorSize, centroidSize] of [
    [50, 100],
    [200, 400],
  ])
    grid.push({ vectorSize: vectorSize!, centroidSize: centroidSize! });
  const rows = grid.map((opts) => {
    const top = chooseOurThreshold(dev, idf, opts);
    return [JSON.stringify(opts), top.threshold.toFixed(2), f(top.f1)];
  });
  console.log(textTable(['settings (others at their defaults)', 'best thr', 'B3 F1 on 1-35'], rows));
}
