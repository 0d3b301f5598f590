/**
 * Near-duplicate detection: word-shingle MinHash with LSH banding. Our own code (about a hundred
 * lines): the JavaScript MinHash packages are unmaintained or bring their own storage, and the
 * store needs only strings to index (`bandKeys`) and an exact check to confirm a candidate.
 *
 * Normalisation: NFKD, diacritics dropped, lower case, words = runs of letters and digits, so
 * punctuation, quotes, case and line breaks never separate copies. Shingles: every run of
 * SHINGLE_WORDS consecutive words (a body of fewer words is one shingle; no words, no shingles),
 * hashed to 32 bits (FNV-1a). Signature: SIGNATURE_SIZE minimums, each of the shingle hashes
 * remixed with its own seed. LSH: BANDS bands of ROWS rows; two bodies are candidates when any
 * band key matches, with probability 1 - (1 - J^ROWS)^BANDS at Jaccard J (0.985 at SIMILAR_AT, 0.06
 * at 0.1).
 * Candidates are confirmed with the exact Jaccard of the shingle sets.
 */

/** Words per shingle (the shingle loop below is written out for three). */
export const SHINGLE_WORDS = 3;
export const BANDS = 64;
export const ROWS = 3;
export const SIGNATURE_SIZE = BANDS * ROWS;
/** Jaccard at or above which an article is a duplicate (the same text) of an earlier one. */
export const DUPLICATE_AT = 0.9;
/** Jaccard at or above which two articles are near-duplicates (a wire rewrite): see BENCHMARKS.md. */
export const SIMILAR_AT = 0.4;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** The normalised words of a body. */
export function shingleWords(body: string): string[] {
  return body.normalize('NFKD').replace(MARKS, '').toLowerCase().match(WORD) ?? [];
}

/** Hashes of the body's word shingles. */
export function shingles(body: string): Set<number> {
  const words = shingleWords(body);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < SHINGLE_WORDS) out.add(fnv1a(words.join(' ')));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return out;
}

/** SIGNATURE_SIZE minimum hashes; all 0xffffffff for an empty set. */
export function signature(shingleSet: ReadonlySet<number>): Uint32Array {
  const hashes = Uint32Array.from(shingleSet);
  const sig = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < hashes.length; j++) {
      const h = mix(hashes[j]! ^ seed);
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** One key per band ("b7:1f3a09c2"): the band's number and a hash of its rows. None for an empty body. */
export function bandKeys(sig: Uint32Array): string[] {
  if (sig.every((v) => v === 0xffffffff)) return [];
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193));
    keys.push(`b${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Exact Jaccard of two shingle sets; 0 when both are empty (an empty body duplicates nothing). */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const s of small) if (large.has(s)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 0 : both / union;
}

/** Exact Jaccard of two bodies' shingle sets. */
export function bodyJaccard(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}
