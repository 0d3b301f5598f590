/**
 * Part-of-speech tagging with Penn Treebank tags as CoNLL-2003 writes them ("(" and ")" for
 * brackets, '"' for quotes): a greedy averaged perceptron trained by `npm run train:pos` and
 * saved in models/pos.json.gz. compromise tags coarser, non-Penn classes, and no installed
 * package ships a trained Penn tagger, so we train our own small one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { packWeights, scoreFeatures, type PackedWeights } from './perceptron.js';
import { posContext, posFeatures } from './pos-features.js';

export const POS_MODEL_URL = new URL('../../models/pos.json.gz', import.meta.url);

export interface PosModel {
  readonly tags: readonly string[];
  /** Frequent words that (almost) always take one tag, tagged without scoring. */
  readonly tagdict: ReadonlyMap<string, string>;
  readonly weights: PackedWeights;
}

/** The JSON form of a model: weights as feature -> [class, weight, class, weight, ...]. */
export interface PosModelJson {
  readonly format: 'storyline-pos-1';
  readonly tags: string[];
  readonly tagdict: Record<string, string>;
  readonly weights: Record<string, number[]>;
}

export interface PosTagger {
  tag(words: readonly string[]): string[];
}

export function posModelToJson(model: PosModel, digits = 3): PosModelJson {
  const scale = 10 ** digits;
  const { index, cls, w } = model.weights;
  const weights: Record<string, number[]> = {};
  for (const [feature, entry] of index) {
    const flat: number[] = [];
    const start = Math.floor(entry / 64);
    for (let k = start; k < start + (entry % 64); k++) flat.push(cls[k]!, Math.round(w[k]! * scale) / scale);
    weights[feature] = flat;
  }
  return {
    format: 'storyline-pos-1',
    tags: [...model.tags],
    tagdict: Object.fromEntries(model.tagdict),
    weights,
  };
}

export function posModelFromJson(json: PosModelJson): PosModel {
  if (json.format !== 'storyline-pos-1') throw new Error(`unknown POS model format ${String(json.format)}`);
  const rows = Object.entries(json.weights).map(([feature, flat]) => {
    const cls = flat.filter((_, k) => k % 2 === 0);
    const w = flat.filter((_, k) => k % 2 === 1);
    return [feature, { cls, w }] as const;
  });
  return { tags: json.tags, tagdict: new Map(Object.entries(json.tagdict)), weights: packWeights(rows) };
}

/** A tagger over `model`: greedy, left to right, each word seeing the two tags before it. */
export function createPosTagger(model: PosModel): PosTagger {
  const scores = new Float64Array(model.tags.length);
  return {
    tag(words) {
      const context = posContext(words);
      const out: string[] = [];
      let prev = '-START-';
      let prev2 = '-START2-';
      for (let i = 0; i < words.length; i++) {
        const tag =
          model.tagdict.get(words[i]!) ??
          model.tags[scoreFeatures(model.weights, posFeatures(i, words, context, prev, prev2), scores)]!;
        out.push(tag);
        prev2 = prev;
        prev = tag;
      }
      return out;
    },
  };
}

let loaded: PosTagger | null | undefined;

/** The shipped tagger, loaded on first call; null when models/pos.json.gz is missing. */
export function loadPosTagger(): PosTagger | null {
  if (loaded === undefined) {
    loaded = existsSync(POS_MODEL_URL)
      ? createPosTagger(
          posModelFromJson(JSON.parse(gunzipSync(readFileSync(POS_MODEL_URL)).toString('utf8'))),
        )
      : null;
  }
  return loaded;
}

/** Penn Treebank tags for `words` (one sentence), with the shipped model. */
export function tagPos(words: readonly string[]): string[] {
  const tagger = loadPosTagger();
  if (!tagger) throw new Error(`POS model missing at ${POS_MODEL_URL.pathname}: run npm run train:pos`);
  return tagger.tag(words);
}
