/**
 * An article's story vector: TF-IDF of its words (title words counted `titleWeight` times, IDF
 * raised to `idfPower`) and of its cross-article entity ids, sub-linear in counts (1 + ln n),
 * each block scaled to unit length, entities then weighted by `entityWeight` against the words,
 * the whole cut to its `size` heaviest features and scaled to unit length. Features are keyed `w:word` and `e:entity id`,
 * ordered heaviest first (ties by key), weights rounded to 6 decimals so the stored JSON is what
 * the next comparison reads.
 */
import type { IdfTable } from './idf.js';
import { storyWords } from './story-words.js';

export type Feature = readonly [string, number];
export type SparseVector = readonly Feature[];

export interface VectorInput {
  readonly title: string | null;
  readonly body: string;
  readonly entities: readonly { readonly id: string; readonly mentions: number }[];
}

export interface VectorSettings {
  readonly titleWeight: number;
  readonly entityWeight: number;
  /** Word weights are tf x idf^idfPower: above 1, rare words (names, places, specifics) count for more. */
  readonly idfPower: number;
  readonly size: number;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Scales the weights to unit length, in place (all zero stays all zero). */
function unit(weights: Map<string, number>): Map<string, number> {
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return weights;
  for (const [k, w] of weights) weights.set(k, w / norm);
  return weights;
}

/** The `size` heaviest positive features, heaviest first (ties by key), weights rounded. */
export function heaviest(weights: ReadonlyMap<string, number>, size: number, scale = 1): SparseVector {
  return [...weights]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([k, w]) => [k, round(w * scale)] as const);
}

export function storyVector(article: VectorInput, idf: IdfTable, settings: VectorSettings): SparseVector {
  const counts = new Map<string, number>();
  for (const w of storyWords(article.body)) counts.set(w, (counts.get(w) ?? 0) + 1);
  if (article.title)
    for (const w of storyWords(article.title)) counts.set(w, (counts.get(w) ?? 0) + settings.titleWeight);
  const words = new Map<string, number>();
  for (const [w, n] of counts) words.set(`w:${w}`, (1 + Math.log(n)) * idf.idf(w) ** settings.idfPower);
  const entities = new Map<string, number>();
  for (const e of article.entities) {
    if (Number.isFinite(e.mentions) && e.mentions > 0)
      entities.set(`e:${e.id}`, (entities.get(`e:${e.id}`) ?? 0) + e.mentions);
  }
  for (const [k, n] of entities) entities.set(k, 1 + Math.log(n));
  const all = unit(words);
  for (const [k, w] of unit(entities)) all.set(k, w * settings.entityWeight);
  const top = heaviest(all, settings.size);
  const norm = Math.sqrt(top.reduce((sum, [, w]) => sum + w * w, 0));
  return norm === 0 ? [] : heaviest(new Map(top), settings.size, 1 / norm);
}
