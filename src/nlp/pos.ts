/**
 * Part-of-speech tagging with Penn Treebank tags as CoNLL-2003 writes them ("(" and ")" for
 * brackets, '"' for quotes): a greedy averaged perceptron trained by `npm run train:pos` and
 * saved in models/pos.json.gz. compromise tags coarser, non-Penn classes, and no installed
 * package ships a trained Penn tagger, so we train our own small one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { addPartsWeights, bestClass, packWeights, type PackedWeights } from './perceptron.js';
import type { FeatureParts } from './feature-table.js';
import {
  neighbourFeatureParts,
  normalizeWord,
  ownFeatureParts,
  PADDING,
  pairFeatureParts,
  tagFeatureParts,
  wordShape,
  type PosContext,
} from './pos-features.js';
import { BoundedCache } from './bounded-cache.js';
import { scanPosModelJson } from './pos-json.js';

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

const checkFormat = (format: unknown): void => {
  if (format !== 'storyline-pos-1') throw new Error(`unknown POS model format ${String(format)}`);
};

export function posModelFromJson(json: PosModelJson): PosModel {
  checkFormat(json.format);
  const rows = Object.entries(json.weights).map(([feature, flat]) => {
    const cls = flat.filter((_, k) => k % 2 === 0);
    const w = flat.filter((_, k) => k % 2 === 1);
    return [feature, { cls, w }] as const;
  });
  return { tags: json.tags, tagdict: new Map(Object.entries(json.tagdict)), weights: packWeights(rows) };
}

/** The model from its JSON bytes, as `posModelFromJson(JSON.parse(text))` gives it, in far less memory. */
export function posModelFromBytes(bytes: Buffer): PosModel {
  const { header, weights } = scanPosModelJson(bytes);
  const json = header as unknown as PosModelJson;
  checkFormat(json.format);
  return { tags: json.tags, tagdict: new Map(Object.entries(json.tagdict)), weights };
}

/** Word forms whose summed feature scores the tagger keeps (docs/limits.md): ~2 KB each. */
export const POS_CACHE_LIMIT = 5_000;
const OFFSETS = [-2, -1, 1, 2] as const;

/**
 * A tagger over `model`: greedy, left to right, each word seeing the two tags before it. The
 * features are `posFeatures`; the weights of the parts that depend on one word form (its own, and
 * as each neighbour sees it) are summed once per form and reused, and those of a tag pair once
 * per pair. The model's weights are float32 values of at least 0.05 in magnitude, so these float64
 * sums are exact and in any order give the scores that summing feature by feature gives.
 */
export function createPosTagger(model: PosModel): PosTagger {
  const width = model.tags.length;
  const scores = new Float64Array(width);
  /** Per form: its own features' scores, then as the word at offset -2, -1, +1, +2. */
  const forms = new BoundedCache<string, Float64Array>(POS_CACHE_LIMIT);
  const padding = new Map<string, Float64Array>();
  /** At most (tags + 2)^2 pairs: bounded by the model. */
  const tagPairs = new Map<string, Float64Array>();
  const sum = (features: readonly FeatureParts[], out: Float64Array, offset: number): void => {
    for (const f of features) addPartsWeights(model.weights, f, out, offset);
  };
  const formScores = (word: string): Float64Array => {
    let v = forms.get(word);
    if (!v) {
      v = new Float64Array(5 * width);
      const norm = normalizeWord(word);
      const shape = wordShape(word);
      sum(ownFeatureParts(word, norm, shape), v, 0);
      OFFSETS.forEach((o, k) => sum(neighbourFeatureParts(o, norm, shape), v!, (k + 1) * width));
      forms.set(word, v);
    }
    return v;
  };
  /** The scores of position j (maybe padding) as seen from offset o, and where they start. */
  const seenFrom = (
    words: readonly string[],
    j: number,
    o: (typeof OFFSETS)[number],
  ): [Float64Array, number] => {
    if (j >= 0 && j < words.length) return [formScores(words[j]!), (OFFSETS.indexOf(o) + 1) * width];
    const norm = j < 0 ? PADDING.before[j + 2]! : PADDING.after[j - words.length]!;
    const key = `${o} ${norm}`;
    let v = padding.get(key);
    if (!v) {
      v = new Float64Array(width);
      sum(neighbourFeatureParts(o, norm, j < 0 ? '^' : '$'), v, 0);
      padding.set(key, v);
    }
    return [v, 0];
  };
  const add = (v: Float64Array, offset: number): void => {
    for (let k = 0; k < width; k++) scores[k]! += v[offset + k]!;
  };
  return {
    tag(words) {
      const context: PosContext = {
        norm: [...PADDING.before, ...words.map(normalizeWord), ...PADDING.after],
        shapes: [],
      };
      const out: string[] = [];
      let prev = '-START-';
      let prev2 = '-START2-';
      for (let i = 0; i < words.length; i++) {
        let tag = model.tagdict.get(words[i]!);
        if (tag === undefined) {
          scores.fill(0);
          add(formScores(words[i]!), 0);
          for (const o of OFFSETS) add(...seenFrom(words, i + o, o));
          const pairKey = `${prev} ${prev2}`;
          let pair = tagPairs.get(pairKey);
          if (!pair) {
            tagPairs.set(pairKey, (pair = new Float64Array(width)));
            sum(tagFeatureParts(prev, prev2), pair, 0);
          }
          add(pair, 0);
          sum(pairFeatureParts(i, context, prev), scores, 0);
          tag = model.tags[bestClass(scores)]!;
        }
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
    const model = loadPosModel();
    loaded = model ? createPosTagger(model) : null;
  }
  return loaded;
}

/** The shipped model read afresh from models/pos.json.gz (tests, benchmarks); null when missing. */
export function loadPosModel(): PosModel | null {
  return existsSync(POS_MODEL_URL) ? posModelFromBytes(gunzipSync(readFileSync(POS_MODEL_URL))) : null;
}

/** Penn Treebank tags for `words` (one sentence), with the shipped model. */
export function tagPos(words: readonly string[]): string[] {
  const tagger = loadPosTagger();
  if (!tagger) throw new Error(`POS model missing at ${POS_MODEL_URL.pathname}: run npm run train:pos`);
  return tagger.tag(words);
}
