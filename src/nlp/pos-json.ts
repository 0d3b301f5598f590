/**
 * Reads the POS model's JSON bytes straight into packed weights. `JSON.parse` of the 12 MB file
 * builds ~270,000 small arrays before they are packed: ~300 MB of RSS at start-up and a second
 * of garbage collection in every worker. This scanner reads the `weights` object from the bytes
 * (the rest of the file, small, still goes through JSON.parse) and packs the same weights.
 * It works on bytes, not a decoded string, so the feature names are fresh strings rather than
 * slices that would keep the whole file's text alive.
 */
import { FeatureTable } from './feature-table.js';
import { MAX_CLASSES, type PackedWeights } from './perceptron.js';

/** Growable pair of typed arrays for (class, weight) entries. */
class PairBuffer {
  cls = new Uint8Array(1 << 16);
  w = new Float32Array(1 << 16);
  length = 0;
  push(c: number, weight: number): void {
    if (this.length === this.cls.length) {
      const cls = new Uint8Array(2 * this.length);
      const w = new Float32Array(2 * this.length);
      cls.set(this.cls);
      w.set(this.w);
      this.cls = cls;
      this.w = w;
    }
    this.cls[this.length] = c;
    this.w[this.length++] = weight;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isSpace = (c: number | undefined): boolean => c === 32 || c === 10 || c === 13 || c === 9;

class Scanner {
  i = 0;
  constructor(readonly bytes: Buffer) {}

  fail(what: string): never {
    throw new Error(`POS model JSON: expected ${what} at byte ${this.i}`);
  }
  skip(): void {
    while (isSpace(this.bytes[this.i])) this.i++;
  }
  peek(): number | undefined {
    this.skip();
    return this.bytes[this.i];
  }
  expect(byte: number, what: string): void {
    if (this.peek() !== byte) this.fail(what);
    this.i++;
  }
  /** The JSON string at the cursor, decoded (escapes through JSON.parse, the rare case). */
  string(): string {
    if (this.peek() !== QUOTE) this.fail('a string');
    const start = this.i;
    let escaped = false;
    for (this.i++; this.bytes[this.i] !== QUOTE; this.i++) {
      if (this.i >= this.bytes.length) this.fail('the end of a string');
      if (this.bytes[this.i] === BACKSLASH) {
        escaped = true;
        this.i++;
      }
    }
    this.i++;
    return escaped
      ? (JSON.parse(this.bytes.toString('utf8', start, this.i)) as string)
      : this.bytes.toString('utf8', start + 1, this.i - 1);
  }
  /**
   * The number at the cursor. Plain decimals with at most 15 digits take Clinger's fast path
   * (an exact integer divided by an exact power of ten: correctly rounded, so equal to
   * `Number(text)`); anything else goes through `Number`.
   */
  number(): number {
    this.skip();
    const bytes = this.bytes;
    const start = this.i;
    let i = start;
    const negative = bytes[i] === 0x2d;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    let dot = false;
    for (let c = bytes[i]; c !== undefined; c = bytes[++i]) {
      if (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        digits++;
        if (dot) scale++;
      } else if (c === 0x2e && !dot) dot = true;
      else break;
    }
    const c = bytes[i];
    this.i = i;
    if (digits > 0 && digits <= 15 && (c === COMMA || c === CLOSE_BRACKET || isSpace(c))) {
      const value = mantissa / POWERS_OF_TEN[scale]!;
      return negative ? -value : value;
    }
    while (this.i < bytes.length && bytes[this.i] !== COMMA && bytes[this.i] !== CLOSE_BRACKET) this.i++;
    const value = Number(bytes.toString('latin1', start, this.i).trim());
    if (this.i === start || Number.isNaN(value)) this.fail('a number');
    return value;
  }
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Scans the weights object `{"feature":[cls,w,cls,w,...],...}` at the cursor. */
function scanWeights(s: Scanner): PackedWeights {
  const index: [string, number][] = [];
  const pairs = new PairBuffer();
  s.expect(OPEN_BRACE, '"{"');
  if (s.peek() === CLOSE_BRACE) s.i++;
  else
    for (;;) {
      const feature = s.string();
      s.expect(COLON, '":"');
      s.expect(OPEN_BRACKET, '"["');
      const first = pairs.length;
      if (s.peek() === CLOSE_BRACKET) s.i++;
      else
        for (;;) {
          const cls = s.number();
          s.expect(COMMA, 'a weight after a class');
          pairs.push(cls, s.number());
          const next = s.peek();
          s.i++;
          if (next === CLOSE_BRACKET) break;
          if (next !== COMMA) s.fail('"," or "]"');
        }
      const count = pairs.length - first;
      if (count > MAX_CLASSES) s.fail(`at most ${MAX_CLASSES} classes for "${feature}"`);
      index.push([feature, first * 64 + count]);
      const next = s.peek();
      s.i++;
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) s.fail('"," or "}"');
    }
  return {
    index: new FeatureTable(index),
    cls: pairs.cls.slice(0, pairs.length),
    w: pairs.w.slice(0, pairs.length),
  };
}

/** The model's JSON as its header (everything but `weights`, parsed) and its packed weights. */
export function scanPosModelJson(bytes: Buffer): { header: Record<string, unknown>; weights: PackedWeights } {
  const key = Buffer.from('"weights"');
  for (let at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + 1)) {
    const s = new Scanner(bytes);
    s.i = at + key.length;
    if (s.peek() !== COLON) continue;
    s.i++;
    if (s.peek() !== OPEN_BRACE) continue;
    const start = s.i;
    const weights = scanWeights(s);
    const rest = Buffer.concat([bytes.subarray(0, start), Buffer.from('{}'), bytes.subarray(s.i)]);
    return { header: JSON.parse(rest.toString('utf8')) as Record<string, unknown>, weights };
  }
  throw new Error('POS model JSON: no "weights" object');
}
