/**
 * The NER model: an averaged-perceptron weight table over hashed features and BILOU labels for
 * CoNLL's four types, plus its compact shipped form (rows that carry weight, int16-quantised,
 * gzipped) and the lazy loader for models/ner.bin.gz and models/clusters.tsv.gz.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

export const NER_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];
/** 0 = O; then for each type B, I, L, U. */
export const N_LABELS = 1 + NER_TYPES.length * 4;
const PARTS = ['B', 'I', 'L', 'U'] as const;

export function labelName(label: number): string {
  if (label === 0) return 'O';
  return `${PARTS[(label - 1) % 4]}-${NER_TYPES[Math.floor((label - 1) / 4)]}`;
}
/** Type index (0..3) of a label, or -1 for O. */
export const labelType = (label: number): number => (label === 0 ? -1 : Math.floor((label - 1) / 4));
/** 0 B, 1 I, 2 L, 3 U, or -1 for O. */
export const labelPart = (label: number): number => (label === 0 ? -1 : (label - 1) % 4);
export const makeLabel = (type: number, part: number): number => 1 + type * 4 + part;

/** BIO tags of a sentence -> BILOU label ids (unknown types become O). */
export function bioToLabels(tags: readonly string[]): Int32Array {
  const out = new Int32Array(tags.length);
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    const type = NER_TYPES.indexOf(t.slice(2) as NerType);
    if (t === 'O' || type < 0) continue;
    const next = tags[i + 1];
    const continues = next !== undefined && next === `I-${t.slice(2)}`;
    const begins = t.startsWith('B-') || i === 0 || tags[i - 1]!.slice(2) !== t.slice(2);
    out[i] = makeLabel(type, begins ? (continues ? 0 : 3) : continues ? 1 : 2);
  }
  return out;
}

export function labelsToBio(labels: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) out.push('O');
    else out.push(`${labelPart(l) === 0 || labelPart(l) === 3 ? 'B' : 'I'}-${NER_TYPES[labelType(l)]}`);
  }
  return out;
}

export interface NerWeights {
  /** log2 of the number of hash buckets. */
  readonly bits: number;
  /** row * N_LABELS + label, where row is the bucket, or rows.row(bucket) when rows is given. */
  readonly weights: Float32Array;
  /** Compact form: which row of `weights` each bucket has, if any. */
  readonly rows?: RowIndex;
}

/** Set bits in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Bucket -> row of a compact weight table: a bitmap of the buckets that kept a row, with the
 * count of rows before each 32-bucket word. A sixteenth of the memory of a bucket -> row array
 * (0.5 MB instead of 8 MB for 2^21 buckets), so it stays in the processor's cache while tagging.
 */
export class RowIndex {
  private readonly words: Uint32Array;
  private readonly before: Int32Array;

  /** `bitmap`: bit (b & 7) of byte b >> 3 is set when bucket b has a row; rows are in bucket order. */
  constructor(bitmap: Uint8Array, buckets: number) {
    this.words = new Uint32Array(Math.ceil(buckets / 32));
    for (let i = 0; i < bitmap.length; i++) this.words[i >> 2]! |= bitmap[i]! << (8 * (i & 3));
    this.before = new Int32Array(this.words.length);
    let count = 0;
    for (let w = 0; w < this.words.length; w++) {
      this.before[w] = count;
      count += popcount(this.words[w]!);
    }
  }

  /** The row of `bucket`, or -1 when it has none. */
  row(bucket: number): number {
    const w = bucket >>> 5;
    const word = this.words[w]!;
    const bit = bucket & 31;
    if (((word >>> bit) & 1) === 0) return -1;
    return this.before[w]! + popcount(word & (((1 << bit) >>> 0) - 1));
  }
}

export interface NerModelFile extends NerWeights {
  /** Hyper-parameters the features were trained with, so decoding matches training. */
  readonly config: Record<string, unknown>;
}

/** Keeps rows with any |weight| >= minWeight, quantised to int16; gzipped. */
export function packModel(model: NerModelFile, minWeight: number): Buffer {
  const { bits, weights } = model;
  const rows = 1 << bits;
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max / 32767 || 1;
  const bitmap = new Uint8Array(rows >> 3);
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    let keep = false;
    for (let c = 0; c < N_LABELS && !keep; c++) keep = Math.abs(weights[r * N_LABELS + c]!) >= minWeight;
    if (!keep) continue;
    bitmap[r >> 3]! |= 1 << (r & 7);
    kept.push(r);
  }
  const data = new Int16Array(kept.length * N_LABELS);
  kept.forEach((r, k) => {
    for (let c = 0; c < N_LABELS; c++)
      data[k * N_LABELS + c] = Math.round(weights[r * N_LABELS + c]! / scale);
  });
  const header = Buffer.from(JSON.stringify({ bits, scale, labels: N_LABELS, config: model.config }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return gzipSync(
    Buffer.concat([Buffer.from('NER1'), len, header, Buffer.from(bitmap), Buffer.from(data.buffer)]),
    { level: 9 },
  );
}

export function unpackModel(gz: Buffer): NerModelFile {
  const buf = gunzipSync(gz);
  if (buf.subarray(0, 4).toString() !== 'NER1') throw new Error('not an NER model file');
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + hlen).toString()) as {
    bits: number;
    scale: number;
    config: Record<string, unknown>;
  };
  const rows = 1 << header.bits;
  const bitmap = buf.subarray(8 + hlen, 8 + hlen + (rows >> 3));
  const dataStart = 8 + hlen + (rows >> 3);
  const data = new Int16Array(buf.buffer.slice(buf.byteOffset + dataStart, buf.byteOffset + buf.length));
  // Only the kept rows are held in memory, found through a bucket -> row index.
  const weights = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) weights[i] = data[i]! * header.scale;
  return { bits: header.bits, weights, rows: new RowIndex(bitmap, rows), config: header.config };
}

/** Word classes learnt from unlabelled text: column names and, per word, one value per column. */
export interface WordClasses {
  readonly columns: readonly string[];
  readonly byWord: ReadonlyMap<string, readonly number[]>;
}

/** Cluster file: a `#word \t name \t name ...` header, then `word \t value \t value ...` lines. */
export function parseClusters(gz: Buffer): WordClasses {
  const byWord = new Map<string, number[]>();
  let columns: string[] = [];
  for (const line of gunzipSync(gz).toString('utf8').split('\n')) {
    if (!line) continue;
    const [word, ...values] = line.split('\t');
    if (word === '#word') columns = values;
    else byWord.set(word!, values.map(Number));
  }
  return { columns, byWord };
}

export const modelsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');

/** The shipped passes (ner.bin.gz, then ner-doc.bin.gz when present) and clusters; null when absent. */
export function readModelFiles(dir = modelsDir): { passes: NerModelFile[]; clusters: WordClasses } | null {
  const first = path.join(dir, 'ner.bin.gz');
  const second = path.join(dir, 'ner-doc.bin.gz');
  const clusterFile = path.join(dir, 'clusters.tsv.gz');
  if (!existsSync(first) || !existsSync(clusterFile)) return null;
  const passes = [unpackModel(readFileSync(first))];
  if (existsSync(second)) passes.push(unpackModel(readFileSync(second)));
  return { passes, clusters: parseClusters(readFileSync(clusterFile)) };
}
