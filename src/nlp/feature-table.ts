/**
 * Feature string -> number, as an open-addressing hash table over typed arrays with every key
 * in one string. Against a Map of the POS model's ~270,000 feature strings: a feature given in
 * parts (`find`) is hashed and compared in place, so tagging builds no string to look one up,
 * and the garbage collector marks a handful of objects instead of half a million.
 */

/** A feature in parts: `${prefix}${a}`, or `${prefix}${a} ${b}` when `b` is given. */
export type FeatureParts = readonly [prefix: string, a: string, b?: string];

export const joinFeature = ([prefix, a, b]: FeatureParts): string =>
  b === undefined ? `${prefix}${a}` : `${prefix}${a} ${b}`;

const SPACE = 32;

/** FNV-1a over UTF-16 units, continued from `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Spreads the hash's high bits into the low ones the table indexes by. */
const finish = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
};

const hashParts = (prefix: string, a: string, b: string | undefined): number => {
  const h = fnv(fnv(0x811c9dc5, prefix), a);
  return finish(b === undefined ? h : fnv(Math.imul(h ^ SPACE, 0x01000193), b));
};

export class FeatureTable implements Iterable<[string, number]> {
  /** Per slot: key number + 1, or 0 when empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Key k is `text.slice(starts[k], starts[k + 1])`. */
  private readonly starts: Int32Array;
  private readonly text: string;
  private readonly values: Float64Array;

  /** `entries` must not repeat a key. */
  constructor(entries: Iterable<readonly [string, number]>) {
    const keys: string[] = [];
    const values: number[] = [];
    for (const [key, value] of entries) {
      keys.push(key);
      values.push(value);
    }
    const n = keys.length;
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.starts = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) this.starts[k + 1] = this.starts[k]! + keys[k]!.length;
    this.text = keys.join('');
    this.values = Float64Array.from(values);
    for (let k = 0; k < n; k++) {
      let at = hashParts(keys[k]!, '', undefined) & this.mask;
      while (this.slots[at] !== 0) at = (at + 1) & this.mask;
      this.slots[at] = k + 1;
    }
  }

  get size(): number {
    return this.values.length;
  }

  get(key: string): number | undefined {
    const v = this.find(key, '');
    return v < 0 ? undefined : v;
  }

  /** The value of the feature `parts` spell (see `FeatureParts`), or -1 when it is absent. */
  find(prefix: string, a: string, b?: string): number {
    const length = prefix.length + a.length + (b === undefined ? 0 : 1 + b.length);
    for (let at = hashParts(prefix, a, b) & this.mask; ; at = (at + 1) & this.mask) {
      const k = this.slots[at]! - 1;
      if (k < 0) return -1;
      const start = this.starts[k]!;
      if (this.starts[k + 1]! - start === length && this.spells(start, prefix, a, b)) return this.values[k]!;
    }
  }

  private spells(start: number, prefix: string, a: string, b: string | undefined): boolean {
    const text = this.text;
    let at = start;
    for (let i = 0; i < prefix.length; i++) if (text.charCodeAt(at++) !== prefix.charCodeAt(i)) return false;
    for (let i = 0; i < a.length; i++) if (text.charCodeAt(at++) !== a.charCodeAt(i)) return false;
    if (b === undefined) return true;
    if (text.charCodeAt(at++) !== SPACE) return false;
    for (let i = 0; i < b.length; i++) if (text.charCodeAt(at++) !== b.charCodeAt(i)) return false;
    return true;
  }

  *keys(): IterableIterator<string> {
    for (let k = 0; k < this.values.length; k++) yield this.text.slice(this.starts[k]!, this.starts[k + 1]!);
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    let k = 0;
    for (const key of this.keys()) yield [key, this.values[k++]!];
  }
}
