/**
 * Part-of-speech tagging with Penn Treebank tags as CoNLL-2003 writes them ("(" and ")" for
 * brackets, '"' for quotes): a greedy averaged perceptron trained by `npm run train:pos` and
 * saved in models/pos.json.gz. compromise tags coarser, non-Penn classes, and no installed
 * package ships a trained Penn tagger, so we train our own small one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { scoreFeatures, type SparseWeights } from './perceptron.js';
import { posContext, posFeatures } from './pos-features.js';

export const POS_MODEL_URL = new URL('../../models/pos.json.gz', import.meta.url);

export interface PosModel {
  readonly tags: readonly string[];
  /** Frequent words that (almost) always take one tag, tagged without scoring. */
  readonly tagdict: ReadonlyMap<string, string>;
  readonly weights: SparseWeights;
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
  const weights: Record<string, number[]> = {};
  for (const [feature, row] of model.weights) {
    const flat: number[] = [];
    row.cls.forEach((c, k) => flat.push(c, Math.round(row.w[k]! * scale) / scale));
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
  const weights = new Map<string, { cls: Uint8Array; w: Float32Array }>();
  for (const [feature, flat] of Object.entries(json.weights)) {
    const n = flat.length >> 1;
    const cls = new Uint8Array(n);
    const w = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      cls[k] = flat[2 * k]!;
      w[k] = flat[2 * k + 1]!;
    }
    weights.set(feature, { cls, w });
  }
  return { tags: json.tags, tagdict: new Map(Object.entries(json.tagdict)), weights };
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
