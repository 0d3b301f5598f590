/**
 * What story clustering costs as the corpus grows (bench/linking.ts, section b): CPU time per
 * 1,000 articles linked through `MemoryStoryIndex` at 1k, 10k and 100k articles. The articles
 * are variants of the analysed ECB+ texts: round r (0, 1, 2, ...) of the 982 is the same kinds of
 * events again, with other actors, ROUND_DAYS days later each round: every dated article moved
 * r x ROUND_DAYS days (undated ones stay undated), the names in its title and body (capitalised
 * words inside a sentence) and its entity ids given a suffix of the round, and, from round 1 on,
 * its body perturbed by a seeded generator (each sentence dropped with probability 0.1,
 * neighbouring sentences swapped with probability 0.3). Bodies are made just before their chunk
 * of 1,000 is linked, outside the timed part. The peer is average link over the same articles'
 * vectors at 1k and 4k (its time and memory grow with the square of the corpus, so not further).
 */
import { compareLinkOrder } from '../src/link/cluster-stories.js';
import { loadIdfTable } from '../src/link/idf.js';
import { StoryClusterer, type StoryInput, type StoryVector } from '../src/link/stories.js';
import { MemoryStoryIndex } from '../src/link/story-index.js';
import { dayNumber } from '../src/link/story-time.js';
import { averageLinkMerges } from './average-link.js';
import type { EcbArticle } from './linking-ecb.js';
import { textTable } from './text-table.js';
import { perturb, renameNames, seededRandom } from './text-variants.js';

const ROUND_DAYS = 100;
const SIZES = [1_000, 10_000, 100_000];
const PEER_SIZES = [1_000, 4_000];
const CHUNK = 1_000;

function shiftDate(date: string | null, days: number): string | null {
  const day = dayNumber(date);
  return day === null ? null : new Date((day + days) * 86_400_000).toISOString().slice(0, 10);
}

interface Slot {
  readonly id: string;
  readonly published: string | null;
  readonly source: StoryInput;
  readonly round: number;
}

function variant(slot: Slot, index: number): StoryInput {
  if (slot.round === 0) return slot.source;
  const tag = `r${slot.round}`;
  const { source } = slot;
  return {
    id: slot.id,
    published: slot.published,
    title: source.title === null ? null : renameNames(source.title, tag),
    body: renameNames(perturb(source.body, seededRandom(index + 1)), tag),
    entities: source.entities.map((e) => ({ ...e, id: `${e.id}~${tag}` })),
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0;
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

function linkCost(articles: readonly EcbArticle[], n: number): string[] {
  const slots: Slot[] = [];
  for (let k = 0; k < n; k++) {
    const source = articles[k % articles.length]!.input;
    const round = Math.floor(k / articles.length);
    slots.push({
      id: `${source.id}#${round}`,
      published: shiftDate(source.published, round * ROUND_DAYS),
      source,
      round,
    });
  }
  slots.sort(compareLinkOrder);
  const clusterer = new StoryClusterer(loadIdfTable());
  const index = new MemoryStoryIndex();
  const candidates: number[] = [];
  let cpu = 0;
  let wall = 0;
  let lastChunkCpu = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const chunk = slots.slice(from, from + CHUNK).map((slot, i) => variant(slot, from + i));
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const article of chunk) {
      const v = clusterer.vector(article);
      const found = index.candidates(clusterer.probeKeys(v));
      candidates.push(found.length);
      const decision = clusterer.decide(v, article.published, found);
      const story = clusterer.add(
        decision.story === null ? null : index.get(decision.story)!,
        article.id,
        v,
        article.published,
      );
      index.put(story, clusterer.indexKeys(story));
    }
    wall += Number(process.hrtime.bigint() - t0) / 1e6;
    lastChunkCpu = cpuMs(process.cpuUsage(c0));
    cpu += lastChunkCpu;
  }
  const perThousand = (ms: number, count: number): string => ((ms / count) * 1000).toFixed(0);
  return [
    'ours (streaming, index)',
    n.toLocaleString('en-US'),
    perThousand(cpu, n),
    perThousand(wall, n),
    perThousand(lastChunkCpu, Math.min(CHUNK, n)),
    `${median(candidates)} / ${p99(candidates)}`,
    index.size.toLocaleString('en-US'),
  ];
}

function peerCost(articles: readonly EcbArticle[], n: number): string[] {
  const clusterer = new StoryClusterer(loadIdfTable());
  const vectors: Map<string, number>[] = [];
  for (let k = 0; k < n; k++) {
    const source = articles[k % articles.length]!.input;
    const round = Math.floor(k / articles.length);
    const slot = { id: `${source.id}#${round}`, published: null, source, round };
    vectors.push(new Map<string, number>(clusterer.vector(variant(slot, k)) as StoryVector));
  }
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  averageLinkMerges(n, (i, j) => {
    let s = 0;
    for (const [k, w] of vectors[i]!) s += w * (vectors[j]!.get(k) ?? 0);
    return s;
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = cpuMs(process.cpuUsage(c0));
  return [
    'peer: average link (batch)',
    n.toLocaleString('en-US'),
    ((cpu / n) * 1000).toFixed(0),
    ((wall / n) * 1000).toFixed(0),
    '',
    '',
    '',
  ];
}

export function costSection(articles: readonly EcbArticle[]): void {
  const rows = [...SIZES.map((n) => linkCost(articles, n)), ...PEER_SIZES.map((n) => peerCost(articles, n))];
  console.log(
    textTable(
      [
        'system',
        'articles',
        'CPU ms/1k',
        'wall ms/1k',
        'CPU ms/1k (last 1k)',
        'candidates med / p99',
        'stories',
      ],
      rows,
    ),
  );
  console.log(
    `(rounds of the 982 ECB+ articles, dated ones ${ROUND_DAYS} days later each round; linking only, analysis excluded)`,
  );
}
