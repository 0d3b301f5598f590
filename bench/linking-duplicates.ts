/**
 * Near-duplicates (bench/linking.ts, section c). From each ECB+ article we make a copy (line
 * breaks, case and spacing changed: a duplicate) and rewrites at four rates r (a seeded
 * generator: each word replaced by a random word of the set's texts with probability r, each
 * sentence dropped with probability r/2, a sentence of another article inserted after each with
 * probability r/2, neighbouring sentences swapped with probability r). Positives: an article and
 * its copy or its rewrite at r <= 0.1 (light rewrites: the samples' wire copies are at Jaccard
 * 0.57-0.62, as r = 0.05-0.1 make); negatives: every pair of versions of two different articles,
 * including the real ECB+ articles on the same story from different outlets, except where the two
 * real texts are copies of one report (Jaccard >= COPIED_SOURCES: ECB+ holds such copies, and
 * every version of the one is a near-duplicate of every version of the other): those pairs are
 * in neither, and counted. Real pairs below that are negatives even when they are in fact light
 * rewrites of one wire report, so precision is a lower bound. Pairs of two versions of one
 * article and the heavier rewrites (r = 0.2, 0.3) are in neither; how many of the latter are found
 * is reported on their own lines.
 * SIMILAR_AT is chosen on the rewrites of topics 1-35 and reported on those of 36-45. The peer
 * is exact all-pairs Jaccard (an inverted index over shingles), timed beside MinHash/LSH on the
 * report set and on the versions of all 982 articles.
 */
import {
  BANDS,
  DUPLICATE_AT,
  ROWS,
  SIMILAR_AT,
  bandKeys,
  jaccard,
  shingles,
  signature,
} from '../src/link/minhash.js';
import { isDev, type EcbArticle } from './linking-ecb.js';
import { textTable } from './text-table.js';
import { rewrite, seededRandom, sentencesOf } from './text-variants.js';

const RATES = [0.05, 0.1, 0.2, 0.3];
const POSITIVE_MAX_RATE = 0.1;
const COPIED_SOURCES = 0.5;
const VERSIONS = RATES.length + 2;
const CANDIDATE_THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

interface Version {
  readonly source: number;
  /** -1: the real article; 0: its copy; else the rewrite rate. */
  readonly rate: number;
  readonly body: string;
}

function versionsOf(articles: readonly EcbArticle[], seed: number): Version[] {
  const bodies = articles.map((a) => a.input.body);
  const vocabulary = bodies.flatMap((b) => b.split(/\s+/).filter((w) => /^[a-z]+$/.test(w)));
  const sentences = bodies.flatMap(sentencesOf);
  const rand = seededRandom(seed);
  const out: Version[] = [];
  bodies.forEach((body, source) => {
    out.push({ source, rate: -1, body });
    out.push({ source, rate: 0, body: body.replace(/\n+/g, ' ').toUpperCase().replace(/,/g, ' ,') });
    for (const rate of RATES)
      out.push({ source, rate, body: rewrite(body, rate, rand, vocabulary, sentences) });
  });
  return out;
}

type PairKind = 'positive' | 'negative' | 'ignored';

function kindOf(a: Version, b: Version, exact: ReadonlyMap<number, number>, n: number): PairKind {
  if (a.source !== b.source) {
    const [ra, rb] = [a.source * VERSIONS, b.source * VERSIONS].sort((x, y) => x - y);
    return (exact.get(ra! * n + rb!) ?? 0) >= COPIED_SOURCES ? 'ignored' : 'negative';
  }
  const [real, other] = a.rate === -1 ? [a, b] : b.rate === -1 ? [b, a] : [null, null];
  if (!real || !other) return 'ignored';
  return other.rate <= POSITIVE_MAX_RATE ? 'positive' : 'ignored';
}

/** Jaccard of every pair sharing a shingle (exact; pairs sharing none have 0), by an inverted index. */
function exactPairs(sets: readonly Set<number>[]): Map<number, number> {
  const postings = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  });
  const n = sets.length;
  const shared = new Int32Array(n);
  const out = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const s of sets[i]!) {
      for (const j of postings.get(s)!) {
        if (j <= i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    for (const j of touched) {
      out.set(i * n + j, shared[j]! / (sets[i]!.size + sets[j]!.size - shared[j]!));
      shared[j] = 0;
    }
  }
  return out;
}

/** Pairs sharing a band key, each confirmed with its exact Jaccard. */
function lshPairs(sets: readonly Set<number>[]): { pairs: Map<number, number>; signatureMs: number } {
  const n = sets.length;
  const c0 = process.cpuUsage();
  const keys = sets.map((s) => bandKeys(signature(s)));
  const signatureMs = cpuSince(c0);
  const buckets = new Map<string, number[]>();
  const pairs = new Map<number, number>();
  keys.forEach((ks, j) => {
    for (const k of ks) {
      const bucket = buckets.get(k);
      if (!bucket) {
        buckets.set(k, [j]);
        continue;
      }
      for (const i of bucket) if (!pairs.has(i * n + j)) pairs.set(i * n + j, jaccard(sets[i]!, sets[j]!));
      bucket.push(j);
    }
  });
  return { pairs, signatureMs };
}

interface Evaluation {
  readonly versions: Version[];
  readonly exact: Map<number, number>;
  readonly lsh: Map<number, number>;
  readonly exactMs: number;
  readonly lshMs: number;
  readonly signatureMs: number;
}

const cpuSince = (c0: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(c0);
  return (u.user + u.system) / 1000;
};

function evaluate(articles: readonly EcbArticle[], seed: number): Evaluation {
  const versions = versionsOf(articles, seed);
  const c0 = process.cpuUsage();
  const sets = versions.map((v) => shingles(v.body));
  const shingleMs = cpuSince(c0);
  const c1 = process.cpuUsage();
  const exact = exactPairs(sets);
  const exactMs = shingleMs + cpuSince(c1);
  const c2 = process.cpuUsage();
  const { pairs: lsh, signatureMs } = lshPairs(sets);
  const lshMs = shingleMs + cpuSince(c2);
  return { versions, exact, lsh, exactMs, lshMs, signatureMs };
}

function prf(e: Evaluation, threshold: number) {
  const n = e.versions.length;
  let tp = 0;
  let fp = 0;
  let realFp = 0;
  for (const [key, j] of e.lsh) {
    if (j < threshold) continue;
    const a = e.versions[Math.floor(key / n)]!;
    const b = e.versions[key % n]!;
    const kind = kindOf(a, b, e.exact, n);
    if (kind === 'positive') tp++;
    else if (kind === 'negative') {
      fp++;
      if (a.rate === -1 && b.rate === -1) realFp++;
    }
  }
  const positives = (n / VERSIONS) * (1 + RATES.filter((r) => r <= POSITIVE_MAX_RATE).length);
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp / positives;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, fp, realFp };
}

/** Per kind of version: the share of (article, version) pairs flagged at `threshold`, and the median Jaccard. */
function byRate(e: Evaluation, threshold: number): string[][] {
  const n = e.versions.length;
  return [0, ...RATES].map((rate) => {
    const js: number[] = [];
    let found = 0;
    e.versions.forEach((v, i) => {
      if (v.rate !== rate) return;
      const real = i - (rate === 0 ? 1 : 2 + RATES.indexOf(rate));
      const j = e.exact.get(real * n + i) ?? 0;
      js.push(j);
      if ((e.lsh.get(real * n + i) ?? 0) >= (rate === 0 ? DUPLICATE_AT : threshold)) found++;
    });
    js.sort((a, b) => a - b);
    return [
      rate === 0
        ? 'copy (duplicate)'
        : `rewrite r=${rate}${rate > POSITIVE_MAX_RATE ? ' (not a positive)' : ''}`,
      js[Math.floor(js.length / 2)]!.toFixed(3),
      `${found} / ${js.length}`,
    ];
  });
}

/** Pairs of versions of two articles whose real texts are copies of one report. */
function unlabelled(e: Evaluation): number {
  let copied = 0;
  for (const [key, j] of e.exact) {
    const n = e.versions.length;
    if (j >= COPIED_SOURCES && Math.floor(key / n) % VERSIONS === 0 && (key % n) % VERSIONS === 0) copied++;
  }
  return copied * VERSIONS * VERSIONS;
}

export function duplicatesSection(articles: readonly EcbArticle[], devOnly: boolean): void {
  const dev = evaluate(articles.filter(isDev), 1);
  const rows = CANDIDATE_THRESHOLDS.map((t) => ({ t, ...prf(dev, t) }));
  const chosen = rows.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  console.log(
    textTable(
      ['threshold', 'P on 1-35', 'R', 'F1'],
      rows
        .filter((r) => r.t <= 0.6)
        .map((r) => [r.t.toFixed(2), r.precision.toFixed(4), r.recall.toFixed(4), r.f1.toFixed(4)]),
    ),
  );
  console.log(
    `SIMILAR_AT chosen on the rewrites of topics 1-35 (max F1, thresholds 0.10-0.90 by 0.05): ${chosen.t}` +
      ` (constant: ${SIMILAR_AT}); LSH ${BANDS} bands x ${ROWS} rows`,
  );
  const report = devOnly
    ? dev
    : evaluate(
        articles.filter((a) => !isDev(a)),
        2,
      );
  const name = devOnly ? '1-35' : '36-45';
  const at = prf(report, SIMILAR_AT);
  const pairs = (report.versions.length * (report.versions.length - 1)) / 2;
  let above = 0;
  let caught = 0;
  for (const [key, j] of report.exact) {
    if (j < SIMILAR_AT) continue;
    above++;
    if (report.lsh.has(key)) caught++;
  }
  console.log(
    textTable(
      [
        'set',
        'texts',
        'pairs',
        'unlabelled',
        'P',
        'R',
        'F1',
        'false pos. (real pairs)',
        'LSH recall at SIMILAR_AT',
      ],
      [
        [
          name,
          String(report.versions.length),
          pairs.toLocaleString('en-US'),
          String(unlabelled(report)),
          at.precision.toFixed(4),
          at.recall.toFixed(4),
          at.f1.toFixed(4),
          `${at.fp} (${at.realFp})`,
          `${caught} / ${above} = ${(caught / above).toFixed(4)}`,
        ],
      ],
    ),
  );
  console.log(textTable(['version of an article', 'median Jaccard', 'flagged'], byRate(report, SIMILAR_AT)));
  const timed: [string, Evaluation][] = [[name, report]];
  if (!devOnly) timed.push(['all', evaluate(articles, 3)]);
  console.log(
    textTable(
      ['method', 'set', 'texts', 'CPU ms', 'pairs scored', 'signatures/CPU s'],
      timed.flatMap(([set, e]) => [
        [
          'ours: MinHash + LSH, candidates confirmed exactly',
          set,
          String(e.versions.length),
          e.lshMs.toFixed(0),
          e.lsh.size.toLocaleString('en-US'),
          ((e.versions.length / e.signatureMs) * 1000).toFixed(0),
        ],
        [
          'peer: exact all-pairs Jaccard (inverted index)',
          set,
          String(e.versions.length),
          e.exactMs.toFixed(0),
          e.exact.size.toLocaleString('en-US'),
          '',
        ],
      ]),
    ),
  );
  console.log('(CPU time includes shingling for both; "signatures" are signature and band keys of one text)');
}
