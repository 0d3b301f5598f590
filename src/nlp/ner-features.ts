/**
 * Features for the named-entity tagger, hashed into integer ids. Everything that depends only on
 * a word form (its spelling, shape, affixes, cluster ids, seen from each offset of the ±2 window)
 * is computed once per distinct form and cached, so the hot loop only adds precomputed ids and
 * mixes a few integers for tag-history and document features. No JS library offers an English
 * NER with PER/ORG/LOC quality anywhere near this (compromise scores 0.47 F1 on CoNLL-2003).
 */
import type { WordClasses } from './ner-model.js';
import { BoundedCache } from './bounded-cache.js';

/** The form used for cluster look-ups: lower case, digits folded to 0. */
export function clusterKey(word: string): string {
  return word.toLowerCase().replace(/[0-9]/g, '0');
}

/** Character shape with runs collapsed: "Choe" -> "Xx", "Ryong-hae" -> "Xx-x", "1996" -> "d". */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /[A-Z]/.test(ch) ? 'X' : /[a-z]/.test(ch) ? 'x' : /[0-9]/.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Character shape keeping run length up to 4: "Choe" -> "Xxxx", "IAEA" -> "XXXX". */
export function longShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = /[A-Z]/.test(ch) ? 'X' : /[a-z]/.test(ch) ? 'x' : /[0-9]/.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    if (run <= 4) out += c;
    last = c;
  }
  return out;
}

/** FNV-1a over UTF-16 units, then a final avalanche so low bits are usable as bucket ids. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  return avalanche(fnvState(seed >>> 0, s));
}

/** The FNV-1a state after `s`, from `h`. */
function fnvState(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** `hashString(prefix + s)`, given `state = fnvState(seed, prefix)`, without building the string. */
const hashFrom = (state: number, s: string): number => avalanche(fnvState(state, s));

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two feature parts into one id (order matters). */
export function mixIds(a: number, b: number): number {
  return avalanche((Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15)) >>> 0);
}

/** Word-level knowledge the features read: learnt clusters and an optional phrase gazetteer. */
export interface FeatureResources {
  /** clusterKey(word) -> cluster ids at several granularities and other learnt word classes. */
  readonly clusters: WordClasses;
  readonly gazetteer?: Gazetteer;
  /** Adds "also written in lower case elsewhere in the document" (models trained with it only). */
  readonly docCase?: boolean;
  /** Reads all-capitals headlines with the document's own casing of each word (models trained with it only). */
  readonly headlineCase?: boolean;
  /** Adds the shapes of each word with its left and right neighbour ("Xx Xx-x": Pak Chol-su). */
  readonly shapePairs?: boolean;
  /** Lower-case English word forms -> "C" (common word), "P" (proper noun) or "CP" (both). */
  readonly englishWords?: ReadonlyMap<string, string>;
}

/** One phrase: its lower-case words, type, and per word the two feature ids it gives. */
export interface GazetteerPhrase {
  readonly words: readonly string[];
  readonly type: string;
  readonly ids: Int32Array;
}

/** Lower-cased phrases (space-joined words) -> their types ("LOC", "ORG", "NORP", "PER"). */
export interface Gazetteer {
  /**
   * The phrases starting with each word, in the order given; a word that starts only one
   * phrase, of that word alone (most of the 84,000), maps to the phrase's two ids: a phrase
   * object and a word list apiece cost 15 MB of heap the collector marks again and again.
   */
  readonly byFirstWord: ReadonlyMap<string, Int32Array | readonly GazetteerPhrase[]>;
  /** Lower-case words that head or end organisation names ("bank", "party", "fc"). */
  readonly orgWords?: ReadonlySet<string>;
}

export function buildGazetteer(
  entries: Iterable<readonly [string, string]>,
  orgWords?: Iterable<string>,
): Gazetteer {
  const byFirstWord = new Map<string, Int32Array | GazetteerPhrase[]>();
  const seen = new Set<string>();
  // A phrase's ids depend only on its length and type, so phrases share them (a gazetteer of
  // 100k names would otherwise hold 100k small typed arrays).
  const idsByShape = new Map<string, Int32Array>();
  const typeOfIds = new Map<Int32Array, string>();
  for (const [phrase, type] of entries) {
    const words = phrase
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w);
    const first = words[0];
    const key = `${type}\t${words.join(' ')}`;
    if (!first || seen.has(key)) continue;
    seen.add(key);
    const shape = `${words.length}\t${type}`;
    let ids = idsByShape.get(shape);
    if (!ids) {
      ids = new Int32Array(2 * words.length);
      for (let k = 0; k < words.length; k++) {
        const pos = words.length === 1 ? 'U' : k === 0 ? 'B' : k === words.length - 1 ? 'L' : 'I';
        ids[2 * k] = hashString(`gz=${pos}-${type}`) | 0;
        ids[2 * k + 1] = hashString(`gzt=${type}`) | 0;
      }
      idsByShape.set(shape, ids);
      typeOfIds.set(ids, type);
    }
    const list = byFirstWord.get(first);
    if (!list) byFirstWord.set(first, words.length === 1 ? ids : [{ words, type, ids }]);
    else if (list instanceof Int32Array)
      byFirstWord.set(first, [
        { words: [first], type: typeOfIds.get(list)!, ids: list },
        { words, type, ids },
      ]);
    else list.push({ words, type, ids });
  }
  return { byFirstWord, orgWords: orgWords ? new Set(orgWords) : undefined };
}

/** Per distinct word form: hashed feature ids as seen from each window offset -2..+2. */
export interface WordEntry {
  readonly at: readonly Int32Array[];
  readonly lower: string;
  readonly lowerId: number;
  readonly shapeId: number;
  readonly capitalised: boolean;
  /** Per decoder (see claimSlot): the summed scores of this word's window features, filled lazily. */
  readonly scoreSlots: (Float32Array | undefined)[];
  readonly hasLetter: boolean;
  /** Has no capitals and no digits ("the", "said", ","). */
  readonly plain: boolean;
  /** Has capitals and no lower-case letters ("IAEA", "U.S."). */
  readonly allUpper: boolean;
}

const OFFSETS = [-2, -1, 0, 1, 2] as const;
/** The hash state after each offset's prefix `${o}|`. */
const OFFSET_STATES = OFFSETS.map((o) => fnvState(0x811c9dc5, `${o}|`));

/**
 * Word forms the cache keeps (docs/limits.md): an entry with its decoders' score rows is ~4 KB,
 * so ~50 MB at most. What it forgets is computed again; the tags never depend on it.
 */
export const WORD_CACHE_LIMIT = 12_000;

export class WordFeatureCache {
  private readonly cache: BoundedCache<string, WordEntry>;
  private slots = 0;
  constructor(
    private readonly res: FeatureResources,
    limit = WORD_CACHE_LIMIT,
  ) {
    this.cache = new BoundedCache(limit);
  }

  /** A slot index for one decoder's per-word score cache in `WordEntry.scoreSlots`. */
  claimSlot(): number {
    return this.slots++;
  }

  get(word: string): WordEntry {
    let e = this.cache.get(word);
    if (!e) this.cache.set(word, (e = this.compute(word)));
    return e;
  }

  /** The entry of `word` as if it had never been seen: spelling features only (training aid). */
  getUnseen(word: string): WordEntry {
    const key = `\u0000${word}`;
    let e = this.cache.get(key);
    if (!e) this.cache.set(key, (e = this.compute(word, true)));
    return e;
  }

  private compute(word: string, unseen = false): WordEntry {
    const lower = word.toLowerCase();
    const ss = shortShape(word);
    const cl = unseen ? [] : (this.res.clusters.byWord.get(clusterKey(word)) ?? []);
    const cols = this.res.clusters.columns;
    // The dictionary is knowledge from outside the training data, so unseen words keep it too.
    const dict = this.res.englishWords ? `dict=${this.res.englishWords.get(lower) ?? '-'}` : undefined;
    const capitalised = /^[A-Z]/.test(word);
    const cap = capitalised ? 'X' : 'x';
    // Each feature string is built once and hashed from each offset's prefix state (the ids are
    // those of hashString(`${o}|${feature}`)), in the order training gave them.
    const all: string[] = unseen ? [`ss=${ss}`] : [`l=${lower}`, `ss=${ss}`];
    for (let g = 0; g < cl.length; g++) all.push(`${cols[g]}=${cl[g]}`);
    if (cl.length === 0) all.push('c=none');
    const near: string[] = unseen ? [] : [`w=${word}`];
    if (dict) near.push(`${dict},${cap}`);
    const centre = [`ls=${longShape(word)}`, `len=${Math.min(word.length, 8)}`];
    for (let n = 1; n <= 4 && n <= lower.length; n++)
      centre.push(`p${n}=${lower.slice(0, n)}`, `s${n}=${lower.slice(-n)}`);
    if (/^[A-Z]\.$/.test(word)) centre.push('initial');
    if (/[A-Z].*\./.test(word)) centre.push('caps-dot');
    if (/-/.test(word)) centre.push('hyphen');
    const perOffset = OFFSETS.map((o, k) => {
      const state = OFFSET_STATES[k]!;
      const f = o === 0 ? [...all, ...near, ...centre] : Math.abs(o) === 1 ? [...all, ...near] : all;
      return f.map((feature) => hashFrom(state, feature) | 0);
    });
    // One buffer for the five offsets (views into it): one allocation per word, not five.
    const ids = Int32Array.from(perOffset.flat());
    let from = 0;
    const at = perOffset.map((f) => ids.subarray(from, (from += f.length)));
    return {
      at,
      lower,
      lowerId: hashString(lower) | 0,
      shapeId: hashString(ss) | 0,
      capitalised,
      scoreSlots: [],
      hasLetter: /[a-zA-Z]/.test(word),
      plain: !/[A-Z0-9]/.test(word),
      allUpper: /[A-Z]/.test(word) && !/[a-z]/.test(word),
    };
  }
}

const NO_IDS = new Int32Array(0);
/** Starts with an ASCII capital, as the gazetteer and the CoNLL data spell names. */
const startsUpper = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
};

/**
 * Per token of a sentence: ids of gazetteer matches ("B-LOC", "I-ORG"), longest match first.
 * `lowers` are the words in lower case, when the caller has them already.
 */
export function gazetteerIds(
  words: readonly string[],
  gaz: Gazetteer | undefined,
  lowers: readonly string[] = words.map((w) => w.toLowerCase()),
): Int32Array[] {
  const n = words.length;
  const out: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  if (gaz) {
    for (let i = 0; i < n; i++) {
      if (!startsUpper(words[i]!)) continue;
      const cands = gaz.byFirstWord.get(lowers[i]!);
      if (!cands) continue;
      if (cands instanceof Int32Array) {
        (out[i] ??= []).push(cands[0]!, cands[1]!);
        continue;
      }
      for (const { words: phrase, ids } of cands) {
        if (phrase.length > n - i) continue;
        let ok = true;
        for (let k = 1; k < phrase.length && ok; k++) ok = lowers[i + k] === phrase[k];
        if (!ok) continue;
        for (let k = 0; k < phrase.length; k++) (out[i + k] ??= []).push(ids[2 * k]!, ids[2 * k + 1]!);
      }
    }
    if (gaz.orgWords) markOrgRuns(words, lowers, gaz.orgWords, out);
  }
  const ids = new Array<Int32Array>(n);
  for (let i = 0; i < n; i++) {
    const a = out[i];
    ids[i] = a ? Int32Array.from(a) : NO_IDS;
  }
  return ids;
}

/** Lower-case words allowed inside a run of capitalised words ("Bank of England"). */
const RUN_GLUE = new Set(['of', 'for', 'and', '&', 'de', 'the', "'", "'s"]);
const ORG_RUN = ['B', 'I', 'L', 'U'].map((p) => hashString(`orgrun=${p}`) | 0);
const ORG_WORD = hashString('orgword') | 0;

/**
 * Runs of capitalised words (with "of", "and"... inside) that contain an organisation word get
 * their position in the run as a feature, so "Foreign Trade Bank" reads as one name.
 */
function markOrgRuns(
  words: readonly string[],
  lowers: readonly string[],
  orgWords: ReadonlySet<string>,
  out: (number[] | undefined)[],
): void {
  let i = 0;
  while (i < words.length) {
    if (!startsUpper(words[i]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    let hasOrg = orgWords.has(lowers[i]!);
    for (;;) {
      if (end < words.length && startsUpper(words[end]!)) {
        hasOrg ||= orgWords.has(lowers[end]!);
        end++;
      } else if (end + 1 < words.length && RUN_GLUE.has(lowers[end]!) && startsUpper(words[end + 1]!)) end++;
      else break;
    }
    if (hasOrg) {
      for (let k = i; k < end; k++) {
        const part = end - i === 1 ? 3 : k === i ? 0 : k === end - 1 ? 2 : 1;
        const ids = (out[k] ??= []);
        ids.push(ORG_RUN[part]!);
        if (orgWords.has(lowers[k]!)) ids.push(ORG_WORD);
      }
    }
    i = end;
  }
}
