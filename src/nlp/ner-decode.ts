/**
 * Decoding of a whole document with the averaged perceptron (Ratinov & Roth 2009), per sentence
 * either greedily left to right or as the best BILOU path (Viterbi, ner-viterbi.ts; within a
 * sentence the history below is then the one at its start): a token's label is scored from its
 * window features, the two previous labels,
 * and what the tagger already said about the same word earlier in the document ("extended
 * prediction history"). An optional second pass adds what the first pass found anywhere in the
 * document, so a name tagged once is tagged the same way everywhere. BILOU transitions are
 * enforced while decoding. The trainer drives the same code with an update hook.
 */
import {
  gazetteerIds,
  hashString,
  mixIds as importedMixIds,
  WordFeatureCache,
  type FeatureResources,
  type WordEntry,
} from './ner-features.js';
import {
  labelPart,
  labelType as importedLabelType,
  makeLabel,
  N_LABELS as LABEL_COUNT,
  NER_TYPES,
  type NerWeights,
} from './ner-model.js';
import { aggregateContexts, documentCasing, isHeadline, lowerForms, MAX_AGG } from './ner-document.js';
import { viterbiBilou } from './ner-viterbi.js';
import { BoundedCache } from './bounded-cache.js';

/** Module-local copies: imported bindings are slower to read in the hot loops under some loaders. */
const N_LABELS: number = LABEL_COUNT;
const mixIds = importedMixIds;
const labelType = importedLabelType;

const T_PREV = hashString('t-1');
const T_PREV2 = hashString('t-2,t-1');
const T_PREV_WORD = hashString('t-1,l0');
const T_PREV_SHAPE = hashString('t-1,ss0');
const B_LEFT = hashString('l-1,l0');
const B_RIGHT = hashString('l0,l+1');
const SHAPE_LEFT = hashString('ss-1,ss0');
const SHAPE_RIGHT = hashString('ss0,ss+1');
const HEADLINE = hashString('headline,ss0');
const FIRST = hashString('first,l0');
const HISTORY = hashString('hist');
const HISTORY_SHAPE = hashString('hist,ss0');
const DOC_PASS = hashString('doc');
const DOC_PASS_SHAPE = hashString('doc,ss0');
const BIAS = hashString('bias');
const LOWER_SEEN = hashString('lower-seen,ss0');
const MAX_FEATURES = 100 + MAX_AGG;
const N_TYPES = NER_TYPES.length;
/** Pruning of the shipped tagger's Viterbi search: states kept per token, score margins (ner-viterbi.ts). */
const VITERBI_BEAM = 8;
const VITERBI_MARGIN = 300;
const VITERBI_INSIDE_MARGIN = 30;

/** Called by the trainer for each mistake: `features` gain on `gold` and lose on `predicted` (-1: neither). */
export type UpdateHook = (features: Int32Array, count: number, gold: number, predicted: number) => void;

/** A document's per-word work done once and shared by both passes. */
export interface PreparedDocument {
  readonly sentences: readonly {
    readonly entries: readonly WordEntry[];
    readonly gazetteer: readonly Int32Array[];
    readonly headline: boolean;
    /** Per token: 1 when a capitalised word is also written in lower case elsewhere in the document. */
    readonly lowerSeen: Uint8Array | null;
  }[];
  /** Context aggregation: lower-case word id -> ids of the words around its occurrences. */
  readonly contexts: ReadonlyMap<number, Int32Array>;
}

export interface DecodeOptions {
  /** Gold labels per sentence: decoding then calls `update` on each mistake. */
  readonly gold?: readonly Int32Array[];
  readonly update?: UpdateHook;
  /** Per sentence, per token: majority type (0..3, or N_TYPES for O) from a first pass, -1 when none. */
  readonly docHints?: readonly Int8Array[];
}

/** What scoring a token needs besides its position: the sentence and the document so far. */
interface SentenceSearch {
  readonly sentence: PreparedDocument['sentences'][number];
  readonly history: ReadonlyMap<number, Int32Array>;
  readonly contexts: ReadonlyMap<number, Int32Array>;
  readonly aggScores: Map<number, number>;
  readonly hints: Int8Array | undefined;
  /** Training: each token's collected feature ids, for the structured update. */
  readonly kept: Int32Array[] | null;
}

/** Prediction history: counts the label a capitalised (or headline) word got, by its lower case. */
function recordHistory(
  history: Map<number, Int32Array>,
  e: WordEntry,
  headline: boolean,
  label: number,
): void {
  if (!e.capitalised && !headline) return;
  let h = history.get(e.lowerId);
  if (!h) history.set(e.lowerId, (h = new Int32Array(N_TYPES + 1)));
  h[label === 0 ? 0 : labelType(label) + 1]!++;
}

/** Per token: 1 when a capitalised word is also written in lower case in the document. */
function lowerSeenFlags(entries: readonly WordEntry[], lowerSet: ReadonlySet<number>): Uint8Array {
  const flags = new Uint8Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.capitalised && lowerSet.has(e.lowerId)) flags[i] = 1;
  }
  return flags;
}

function isAllowed(prev: number, cur: number, last: boolean): boolean {
  const pp = labelPart(prev);
  const cp = labelPart(cur);
  if (pp === 0 || pp === 1) {
    if (cp !== 1 && cp !== 2) return false;
    if (labelType(cur) !== labelType(prev)) return false;
  } else if (cp === 1 || cp === 2) return false;
  return !(last && (cp === 0 || cp === 1));
}

/** BILOU transitions as a table: [last][prev][cur] -> 1 when allowed. */
const ALLOWED = new Uint8Array(2 * N_LABELS * N_LABELS);
for (let l = 0; l < 2; l++)
  for (let p = 0; p < N_LABELS; p++)
    for (let c = 0; c < N_LABELS; c++)
      ALLOWED[(l * N_LABELS + p) * N_LABELS + c] = isAllowed(p, c, l === 1) ? 1 : 0;

/** Labels after which a new name may start or none follow: O, L-*, U-*. */
const CLOSES = Uint8Array.from({ length: N_LABELS }, (_, l) => (l === 0 || labelPart(l) >= 2 ? 1 : 0));

/** Word shapes whose shared previous-label scores are kept (docs/limits.md): ~1.2 KB each. */
const PREV_SHAPE_LIMIT = 4096;
/** First size of the per-document buffers, in rows (distinct names, tokens of a sentence). */
const BUFFER_ROWS = 256;

export class NerDecoder {
  readonly words: WordFeatureCache;
  private readonly mask: number;
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly scores = new Float64Array(N_LABELS);
  /**
   * A shipped model never changes, so the summed scores of a word's window features (and of a
   * document's aggregated contexts) are computed once and reused; training adds them one by one.
   */
  private readonly frozen: boolean;
  /** This decoder's slot in each WordEntry's `scoreSlots`. */
  private readonly slot: number;
  private readonly bos;
  private readonly eos;
  /** This decoder's slot for each word's previous-label scores (Viterbi only). */
  private readonly prevSlot: number;
  /** Previous-label scores shared by the words that have no weights of their own, per shape. */
  private readonly prevByShape = new BoundedCache<number, Float32Array>(PREV_SHAPE_LIMIT);
  /** Scores of the two previous labels, filled on first use (Viterbi only). */
  private pairScores: Float32Array | null = null;
  /** The sentence `scoreToken` reads while the Viterbi search runs. */
  private current: SentenceSearch | null = null;
  /**
   * Rows of summed aggregated-context scores for the document being decoded (addAggregateScores).
   * It and `plainBuffer` grow for a large document and go back to their first size for the next.
   */
  private aggPool = new Float32Array(BUFFER_ROWS * N_LABELS);
  /** Per token of the sentence being searched: 1 when it may take O unscored. */
  private plainBuffer = new Uint8Array(BUFFER_ROWS);

  constructor(
    readonly model: NerWeights,
    private readonly res: FeatureResources,
    words?: WordFeatureCache,
    /** Greedy left to right, or the best BILOU path of each sentence (ner-viterbi.ts). */
    private readonly search: 'greedy' | 'viterbi' = 'viterbi',
  ) {
    this.words = words ?? new WordFeatureCache(res);
    this.mask = (1 << model.bits) - 1;
    this.frozen = model.rows !== undefined;
    this.slot = this.words.claimSlot();
    this.prevSlot = this.words.claimSlot();
    this.bos = this.words.get('<S>');
    this.eos = this.words.get('</S>');
  }

  /**
   * Per-word work for one document. `unseen` (training only) shows a share of capitalised words
   * as never-seen words, so the model learns to tag names it has no identity or cluster for.
   */
  prepare(doc: readonly (readonly string[])[], unseen?: { rate: number; seed: number }): PreparedDocument {
    let seed = unseen?.seed ?? 0;
    const masked = (): boolean => {
      if (!unseen || unseen.rate <= 0) return false;
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296 < unseen.rate;
    };
    // Each word is looked up once; the document-level features below all read these entries.
    const base = doc.map((words) => words.map((w) => this.words.get(w)));
    const lowerSet = this.res.docCase ? lowerForms(base) : null;
    const headlines = base.map((entries) => isHeadline(entries));
    const casing = this.res.headlineCase ? documentCasing(doc, headlines) : null;
    return {
      sentences: doc.map((original, s) => {
        const headline = headlines[s]!;
        // An all-capitals headline is read with the casing the document's other sentences use.
        const recased = headline && casing !== null;
        const words = recased ? original.map((w) => casing.get(w.toLowerCase()) ?? w) : original;
        const entries =
          recased || unseen
            ? words.map((w) => (/^[A-Z]/.test(w) && masked() ? this.words.getUnseen(w) : this.words.get(w)))
            : base[s]!;
        return {
          entries,
          gazetteer: gazetteerIds(
            words,
            this.res.gazetteer,
            entries.map((e) => e.lower),
          ),
          headline,
          lowerSeen: lowerSet ? lowerSeenFlags(entries, lowerSet) : null,
        };
      }),
      contexts: aggregateContexts(base, this.bos, this.eos),
    };
  }

  /** Labels (BILOU ids) for every sentence of one document. */
  decodeDocument(doc: PreparedDocument, opts: DecodeOptions = {}): Int32Array[] {
    if (this.aggPool.length > BUFFER_ROWS * N_LABELS) this.aggPool = new Float32Array(BUFFER_ROWS * N_LABELS);
    if (this.plainBuffer.length > BUFFER_ROWS) this.plainBuffer = new Uint8Array(BUFFER_ROWS);
    const history = new Map<number, Int32Array>();
    const aggScores = new Map<number, number>();
    return doc.sentences.map((sentence, s) =>
      this.decodeSentence(sentence, history, doc.contexts, aggScores, opts, s),
    );
  }

  private decodeSentence(
    sentence: PreparedDocument['sentences'][number],
    history: Map<number, Int32Array>,
    contexts: ReadonlyMap<number, Int32Array>,
    aggScores: Map<number, number>,
    opts: DecodeOptions,
    s: number,
  ): Int32Array {
    if (this.search === 'viterbi')
      return this.viterbiSentence(sentence, history, contexts, aggScores, opts, s);
    const { entries, headline } = sentence;
    const n = entries.length;
    const out = new Int32Array(n);
    const window = this.frozen ? entries.map((e) => this.windowScores(e)) : [];
    const bosScores = this.frozen ? this.windowScores(this.bos) : undefined;
    const eosScores = this.frozen ? this.windowScores(this.eos) : undefined;
    const gold = opts.gold?.[s];
    const hints = opts.docHints?.[s];
    const feats = this.feats;
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      const p1 = i > 0 ? out[i - 1]! : -1;
      // Outside a name, a word without capitals or digits is O: scoring it would almost never say
      // otherwise (0.1% of CoNLL dev names start so), and it is most of the text.
      if (this.frozen && e.plain && (p1 <= 0 || CLOSES[p1] === 1)) {
        out[i] = 0;
        continue;
      }
      let k = 0;
      this.scores.fill(0);
      for (let o = -2; o <= 2; o++) {
        const j = i + o;
        if (this.frozen) {
          this.addScores(j < 0 ? bosScores! : j >= n ? eosScores! : window[j]!, (o + 2) * N_LABELS);
        } else {
          const ent = j < 0 ? this.bos : j >= n ? this.eos : entries[j]!;
          const ids = ent.at[o + 2]!;
          for (let f = 0; f < ids.length; f++) feats[k++] = ids[f]!;
        }
      }
      const p2 = i > 1 ? out[i - 2]! : -1;
      feats[k++] = BIAS;
      feats[k++] = mixIds(T_PREV, p1);
      feats[k++] = mixIds(T_PREV2, p1 * 32 + p2);
      feats[k++] = mixIds(T_PREV_WORD ^ p1, e.lowerId);
      feats[k++] = mixIds(T_PREV_SHAPE ^ p1, e.shapeId);
      k = this.tokenFeatures(sentence, i, k, history, contexts, aggScores, hints);
      const label = this.best(k, p1 < 0 ? 0 : p1, i === n - 1);
      if (gold && opts.update && gold[i] !== label) opts.update(feats, k, gold[i]!, label);
      out[i] = label;
      recordHistory(history, e, headline, label);
    }
    return out;
  }

  /**
   * Viterbi decoding of one sentence (see ner-viterbi.ts). With gold labels it trains as a
   * structured perceptron: the features of the best path lose, those of the gold path win.
   */
  private viterbiSentence(
    sentence: PreparedDocument['sentences'][number],
    history: Map<number, Int32Array>,
    contexts: ReadonlyMap<number, Int32Array>,
    aggScores: Map<number, number>,
    opts: DecodeOptions,
    s: number,
  ): Int32Array {
    const { entries, headline } = sentence;
    const n = entries.length;
    const gold = opts.gold?.[s];
    const kept: Int32Array[] = [];
    this.current = {
      sentence,
      history,
      contexts,
      aggScores,
      hints: opts.docHints?.[s],
      kept: gold ? kept : null,
    };
    if (this.plainBuffer.length < n)
      this.plainBuffer = new Uint8Array(Math.max(n, 2 * this.plainBuffer.length));
    const plain = this.plainBuffer;
    for (let i = 0; i < n; i++) plain[i] = this.frozen && entries[i]!.plain ? 1 : 0;
    const input = {
      n,
      nLabels: N_LABELS,
      allowed: ALLOWED,
      closes: CLOSES,
      plain,
      score: this.scoreToken,
      pair: this.pairTable(),
    };
    // Training searches exactly; a shipped model prunes (settings chosen on CoNLL dev: exact 0.9303,
    // pruned 0.9297, at twice to four times the speed).
    const out = this.frozen
      ? viterbiBilou(input, VITERBI_BEAM, VITERBI_MARGIN, VITERBI_INSIDE_MARGIN)
      : viterbiBilou(input);
    this.current = null;
    if (gold && opts.update) this.structuredUpdate(entries, kept, gold, out, opts.update);
    for (let i = 0; i < n; i++) recordHistory(history, entries[i]!, headline, out[i]!);
    return out;
  }

  /**
   * Token i of the sentence being searched (`current`): fills `base` with its label-independent
   * scores and returns its previous-label scores. One function per decoder, not a closure per
   * sentence: making (and, under tsx, naming) a closure per sentence cost a good share of the time.
   */
  private readonly scoreToken = (i: number, base: Float64Array): Float32Array => {
    const { sentence, history, contexts, aggScores, hints, kept } = this.current!;
    const { entries } = sentence;
    const n = entries.length;
    const feats = this.feats;
    const scores = this.scores;
    const e = entries[i]!;
    scores.fill(0);
    let k = 0;
    for (let o = -2; o <= 2; o++) {
      const j = i + o;
      const ent = j < 0 ? this.bos : j >= n ? this.eos : entries[j]!;
      if (this.frozen) this.addScores(this.windowScores(ent), (o + 2) * N_LABELS);
      else {
        const ids = ent.at[o + 2]!;
        for (let f = 0; f < ids.length; f++) feats[k++] = ids[f]!;
      }
    }
    feats[k++] = BIAS;
    k = this.tokenFeatures(sentence, i, k, history, contexts, aggScores, hints);
    this.sumFeatures(k);
    for (let c = 0; c < N_LABELS; c++) base[c] = scores[c]!;
    if (kept) kept[i] = feats.slice(0, k);
    return this.prevLabelScores(e);
  };

  /**
   * The features of token i that both searches share (neighbour bigrams, shapes, headline, first
   * word, gazetteer, document context and history, the first pass's hint), written into
   * `this.feats` from position k; returns the new end. Frozen models add context scores directly.
   */
  private tokenFeatures(
    sentence: PreparedDocument['sentences'][number],
    i: number,
    k: number,
    history: ReadonlyMap<number, Int32Array>,
    contexts: ReadonlyMap<number, Int32Array>,
    aggScores: Map<number, number>,
    hints: ArrayLike<number> | undefined,
  ): number {
    const { entries, headline } = sentence;
    const n = entries.length;
    const feats = this.feats;
    const e = entries[i]!;
    const left = i > 0 ? entries[i - 1]!.lowerId : this.bos.lowerId;
    const right = i + 1 < n ? entries[i + 1]!.lowerId : this.eos.lowerId;
    feats[k++] = mixIds(B_LEFT, mixIds(left, e.lowerId));
    feats[k++] = mixIds(B_RIGHT, mixIds(e.lowerId, right));
    if (this.res.shapePairs) {
      const ls = i > 0 ? entries[i - 1]!.shapeId : this.bos.shapeId;
      const rs = i + 1 < n ? entries[i + 1]!.shapeId : this.eos.shapeId;
      feats[k++] = mixIds(SHAPE_LEFT, mixIds(ls, e.shapeId));
      feats[k++] = mixIds(SHAPE_RIGHT, mixIds(e.shapeId, rs));
    }
    if (headline) feats[k++] = mixIds(HEADLINE, e.shapeId);
    if (i === 0) feats[k++] = mixIds(FIRST, e.lowerId);
    if (sentence.lowerSeen?.[i] === 1) feats[k++] = mixIds(LOWER_SEEN, e.shapeId);
    const g = sentence.gazetteer[i]!;
    for (let f = 0; f < Math.min(g.length, 8); f++) feats[k++] = g[f]!;
    const agg = e.capitalised ? contexts.get(e.lowerId) : undefined;
    if (agg && this.frozen) this.addAggregateScores(e.lowerId, agg, aggScores);
    else if (agg) for (let f = 0; f < agg.length; f++) feats[k++] = agg[f]!;
    const hist = e.capitalised || headline ? history.get(e.lowerId) : undefined;
    if (hist) {
      let best = 0;
      for (let t = 1; t <= N_TYPES; t++) if (hist[t]! > hist[best]!) best = t;
      feats[k++] = mixIds(HISTORY, best);
      feats[k++] = mixIds(HISTORY_SHAPE ^ best, e.shapeId);
    }
    const hint = hints ? hints[i]! : -1;
    if (hint >= 0) {
      feats[k++] = mixIds(DOC_PASS, hint);
      feats[k++] = mixIds(DOC_PASS_SHAPE ^ hint, e.shapeId);
    }
    return k;
  }

  /** Collins' update: per token, gold features +1 and predicted features -1 where they differ. */
  private structuredUpdate(
    entries: readonly WordEntry[],
    kept: readonly Int32Array[],
    gold: Int32Array,
    pred: Int32Array,
    update: UpdateHook,
  ): void {
    const prevIds = (e: WordEntry, p1: number, p2: number): Int32Array =>
      Int32Array.of(
        mixIds(T_PREV, p1),
        mixIds(T_PREV2, p1 * 32 + p2),
        mixIds(T_PREV_WORD ^ p1, e.lowerId),
        mixIds(T_PREV_SHAPE ^ p1, e.shapeId),
      );
    for (let i = 0; i < entries.length; i++) {
      const g = gold[i]!;
      const c = pred[i]!;
      if (g !== c) update(kept[i]!, kept[i]!.length, g, c);
      const gp1 = i > 0 ? gold[i - 1]! : -1;
      const gp2 = i > 1 ? gold[i - 2]! : -1;
      const cp1 = i > 0 ? pred[i - 1]! : -1;
      const cp2 = i > 1 ? pred[i - 2]! : -1;
      if (g === c && gp1 === cp1 && gp2 === cp2) continue;
      const e = entries[i]!;
      const gi = prevIds(e, gp1, gp2);
      update(gi, gi.length, g, -1);
      const ci = prevIds(e, cp1, cp2);
      update(ci, ci.length, -1, c);
    }
  }

  /** Per previous label (row p1 + 1): scores of that label alone and with this word and shape. */
  private prevLabelScores(e: WordEntry): Float32Array {
    let v = this.frozen ? e.scoreSlots[this.prevSlot] : undefined;
    if (!v) {
      // Most words have no weights of their own here: they share one table per shape, which
      // sums to the same values (a missing row adds nothing) and keeps the per-word cache small.
      const own = !this.frozen || this.hasPrevWordWeights(e);
      v = own ? undefined : this.prevByShape.get(e.shapeId);
      if (!v) {
        v = new Float32Array((N_LABELS + 1) * N_LABELS);
        const ids = new Int32Array(own ? 3 : 2);
        for (let p1 = -1; p1 < N_LABELS; p1++) {
          ids[0] = mixIds(T_PREV, p1);
          if (own) ids[1] = mixIds(T_PREV_WORD ^ p1, e.lowerId);
          ids[ids.length - 1] = mixIds(T_PREV_SHAPE ^ p1, e.shapeId);
          this.sumInto(ids, v, (p1 + 1) * N_LABELS);
        }
        if (!own) this.prevByShape.set(e.shapeId, v);
      }
      e.scoreSlots[this.prevSlot] = v;
    }
    return v;
  }

  /** Whether any previous-label-with-this-word feature of `e` kept a row in the shipped model. */
  private hasPrevWordWeights(e: WordEntry): boolean {
    const rows = this.model.rows;
    if (!rows) return true;
    for (let p1 = -1; p1 < N_LABELS; p1++)
      if (rows.row(mixIds(T_PREV_WORD ^ p1, e.lowerId) & this.mask) >= 0) return true;
    return false;
  }

  /** Scores of each (previous, one before) label pair, row (p1 + 1) * (N_LABELS + 1) + p2 + 1. */
  private pairTable(): Float32Array {
    if (!this.pairScores || !this.frozen) {
      const S = N_LABELS + 1;
      const v = new Float32Array(S * S * N_LABELS);
      const ids = new Int32Array(1);
      for (let p1 = -1; p1 < N_LABELS; p1++)
        for (let p2 = -1; p2 < N_LABELS; p2++) {
          ids[0] = mixIds(T_PREV2, p1 * 32 + p2);
          this.sumInto(ids, v, ((p1 + 1) * S + p2 + 1) * N_LABELS);
        }
      this.pairScores = v;
    }
    return this.pairScores;
  }

  private addScores(v: Float32Array, offset: number): void {
    const scores = this.scores;
    for (let c = 0; c < N_LABELS; c++) scores[c] = scores[c]! + v[offset + c]!;
  }

  /** Summed label scores of a word's window features at each offset: the same for every occurrence. */
  private windowScores(e: WordEntry): Float32Array {
    let v = e.scoreSlots[this.slot];
    if (!v) {
      v = new Float32Array(5 * N_LABELS);
      for (let o = 0; o < 5; o++) this.sumInto(e.at[o]!, v, o * N_LABELS);
      e.scoreSlots[this.slot] = v;
    }
    return v;
  }

  /**
   * Adds the summed scores of one word's aggregated contexts to `scores`. They are summed once per
   * document into `aggPool` (a row per word, reused by the next document) at the row `seen` names.
   */
  private addAggregateScores(lowerId: number, ids: Int32Array, seen: Map<number, number>): void {
    let offset = seen.get(lowerId);
    if (offset === undefined) {
      offset = seen.size * N_LABELS;
      if (offset + N_LABELS > this.aggPool.length) {
        const grown = new Float32Array(2 * this.aggPool.length);
        grown.set(this.aggPool.subarray(0, offset));
        this.aggPool = grown;
      }
      this.aggPool.fill(0, offset, offset + N_LABELS);
      this.sumInto(ids, this.aggPool, offset);
      seen.set(lowerId, offset);
    }
    this.addScores(this.aggPool, offset);
  }

  private sumInto(ids: Int32Array, v: Float32Array, offset: number): void {
    const { weights, rows } = this.model;
    const mask = this.mask;
    for (let f = 0; f < ids.length; f++) {
      const bucket = ids[f]! & mask;
      const r = rows ? rows.row(bucket) : bucket;
      if (r < 0) continue;
      for (let c = 0; c < N_LABELS; c++) v[offset + c] = v[offset + c]! + weights[r * N_LABELS + c]!;
    }
  }

  /** Adds the weights of the first `k` collected features to `scores`. */
  private sumFeatures(k: number): void {
    const { weights, rows } = this.model;
    const scores = this.scores;
    const feats = this.feats;
    const mask = this.mask;
    for (let f = 0; f < k; f++) {
      const bucket = feats[f]! & mask;
      const r = rows ? rows.row(bucket) : bucket;
      if (r < 0) continue;
      const row = r * N_LABELS;
      for (let c = 0; c < N_LABELS; c++) scores[c] = scores[c]! + weights[row + c]!;
    }
  }

  private best(k: number, prev: number, last: boolean): number {
    const scores = this.scores;
    this.sumFeatures(k);
    let best = -1;
    let bestScore = -Infinity;
    const allowedRow = ((last ? N_LABELS : 0) + prev) * N_LABELS;
    for (let c = 0; c < N_LABELS; c++) {
      if (scores[c]! > bestScore && ALLOWED[allowedRow + c] === 1) {
        bestScore = scores[c]!;
        best = c;
      }
    }
    return best < 0 ? 0 : best;
  }
}

export { documentHints } from './ner-document.js';
export { makeLabel };
