/**
 * Trains the NER tagger (`npm run train:ner`): averaged perceptron, Viterbi BILOU decoding with
 * prediction history, on CoNLL-2003 train (plus GMB with --gmb), choosing the epoch on CoNLL dev.
 * Unless --one-pass, it also trains the document pass: the first pass is jackknifed over two halves
 * of train so the second learns from honest first-pass guesses. Writes models/ner.bin.gz and
 * its MANIFEST entry. CoNLL test is scored only with --test, once, at the end.
 *
 * Usage: npx tsx scripts/train-ner.ts [--epochs 18] [--bits 21] [--unseen 0.2] [--gmb] [--one-pass] [--test] [--dry]
 *   [--clusters FILE] [--out DIR] [--base-gaz] [--no-doc-case] [--headline-case] [--search viterbi|greedy]
 *   [--shape-pairs] [--dictionary] [--more-names]
 * --out writes the model files and a MANIFEST.json with only the ner entry to DIR (to compare on
 * dev before copying into models/); --base-gaz leaves out the cities and organisation words;
 * --no-doc-case drops the "also written in lower case in this document" feature; --headline-case
 * reads all-capitals headlines with the document's own casing (tried, a tie on dev); --search
 * greedy trains and decodes left to right as rounds 1-2 did (Viterbi is the default: a structured
 * perceptron); --shape-pairs adds each word's shape paired with its neighbours'; --dictionary adds
 * each word's class in the English dictionary (lexicons/ner-english-words.tsv.gz: common word,
 * proper noun, both, none); --more-names adds lexicons/ner-person-names-extra.tsv to the gazetteer.
 */
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { documentHints, NerDecoder } from '../src/nlp/ner-decode.js';
import type { FeatureResources } from '../src/nlp/ner-features.js';
import { englishWords, nerGazetteer } from '../src/nlp/ner-gazetteer.js';
import { bioToLabels, labelsToBio, N_LABELS, packModel, parseClusters } from '../src/nlp/ner-model.js';
import type { NerWeights } from '../src/nlp/ner-model.js';
import {
  entityF1,
  groupDocuments,
  readConll,
  readGmb,
  repoRoot,
  type LabelledSentence,
} from './ner-corpus.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '18' },
    bits: { type: 'string', default: '21' },
    gmb: { type: 'boolean', default: false },
    'one-pass': { type: 'boolean', default: false },
    test: { type: 'boolean', default: false },
    dry: { type: 'boolean', default: false },
    'no-gaz': { type: 'boolean', default: false },
    prune: { type: 'string', default: '0.02' },
    clusters: { type: 'string' },
    unseen: { type: 'string', default: '0.2' },
    out: { type: 'string' },
    seed: { type: 'string', default: '0' },
    'base-gaz': { type: 'boolean', default: false },
    'no-doc-case': { type: 'boolean', default: false },
    'headline-case': { type: 'boolean', default: false },
    search: { type: 'string', default: 'viterbi' },
    'shape-pairs': { type: 'boolean', default: false },
    dictionary: { type: 'boolean', default: false },
    'more-names': { type: 'boolean', default: false },
  },
});

type Doc = LabelledSentence[];
/** Greedy decoding (rounds 1-2) or Viterbi over BILOU paths, in training and in the shipped tagger. */
const search = args.search === 'greedy' ? 'greedy' : 'viterbi';
/** Share of capitalised training tokens shown as unseen words (no identity, no cluster), as test words often are. */
const unseenRate = Number(args.unseen);
/** Shifts the shuffling and unseen-word seeds (0 reproduces the shipped model). */
const runSeed = Number(args.seed) * 1000;
type Hints = Int8Array[] | undefined;
const words = (d: Doc): string[][] => d.map((s) => [...s.tokens]);

function seededShuffle<T>(xs: T[], seed: number): T[] {
  let s = seed;
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function decodeAll(weights: NerWeights, res: FeatureResources, docs: Doc[], hints?: Hints[]): string[][] {
  const dec = new NerDecoder(weights, res, undefined, search);
  return docs.flatMap((d, i) =>
    dec.decodeDocument(dec.prepare(words(d)), { docHints: hints?.[i] }).map((l) => labelsToBio(l)),
  );
}

/** Trains for up to `epochs`, keeping the averaged weights of the best epoch on `dev`. */
function train(
  res: FeatureResources,
  docs: Doc[],
  hints: Hints[] | undefined,
  dev: { docs: Doc[]; hints?: Hints[] } | null,
  epochs: number,
): { weights: NerWeights; f1: number; epoch: number } {
  const bits = Number(args.bits);
  const w = new Float32Array((1 << bits) * N_LABELS);
  const u = new Float64Array(w.length);
  const model: NerWeights = { bits, weights: w };
  const dec = new NerDecoder(model, res, undefined, search);
  const mask = (1 << bits) - 1;
  let c = 1;
  const update = (feats: Int32Array, k: number, gold: number, pred: number): void => {
    for (let f = 0; f < k; f++) {
      const row = (feats[f]! & mask) * N_LABELS;
      if (gold >= 0) {
        w[row + gold] = w[row + gold]! + 1;
        u[row + gold] = u[row + gold]! + c;
      }
      if (pred >= 0) {
        w[row + pred] = w[row + pred]! - 1;
        u[row + pred] = u[row + pred]! - c;
      }
    }
  };
  const gold = docs.map((d) => d.map((s) => bioToLabels(s.tags)));
  let best = { weights: model, f1: -1, epoch: 0 };
  const order = docs.map((_, i) => i);
  for (let ep = 1; ep <= epochs; ep++) {
    const t0 = Date.now();
    for (const i of seededShuffle(order, ep + runSeed)) {
      const prepared = dec.prepare(words(docs[i]!), { rate: unseenRate, seed: (ep + runSeed) * 100_003 + i });
      dec.decodeDocument(prepared, { gold: gold[i], update, docHints: hints?.[i] });
      c += docs[i]!.length;
    }
    const avg = new Float32Array(w.length);
    for (let j = 0; j < w.length; j++) avg[j] = w[j]! - u[j]! / c;
    const averaged = { bits, weights: avg };
    if (!dev) {
      best = { weights: averaged, f1: 0, epoch: ep };
      continue;
    }
    const pred = decodeAll(averaged, res, dev.docs, dev.hints);
    const f1 = entityF1(
      dev.docs.flatMap((d) => d.map((s) => s.tags)),
      pred,
    );
    console.log(`epoch ${ep}: dev F1 ${f1.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    if (f1 > best.f1) best = { weights: averaged, f1, epoch: ep };
    else if (ep - best.epoch >= 4) break;
  }
  return best;
}

function hintsFor(weights: NerWeights, res: FeatureResources, docs: Doc[]): Hints[] {
  const dec = new NerDecoder(weights, res, undefined, search);
  return docs.map((d) => documentHints(words(d), dec.decodeDocument(dec.prepare(words(d)))));
}

const gazetteerVariant = args['base-gaz'] ? 'base' : args['more-names'] ? 'names' : 'extended';
const clusterFile = args.clusters ?? path.join(repoRoot, 'models', 'clusters.tsv.gz');

function main(): void {
  const clusters = parseClusters(readFileSync(clusterFile));
  const res: FeatureResources = {
    clusters,
    gazetteer: args['no-gaz'] ? undefined : nerGazetteer(gazetteerVariant),
    docCase: !args['no-doc-case'],
    headlineCase: args['headline-case'],
    shapePairs: args['shape-pairs'],
    englishWords: args.dictionary ? englishWords() : undefined,
  };
  const trainDocs = groupDocuments(readConll('train'));
  const gmbDocs = args.gmb ? groupDocuments(readGmb()) : [];
  const devDocs = groupDocuments(readConll('dev'));
  const epochs = Number(args.epochs);
  const all = [...trainDocs, ...gmbDocs];
  console.log(
    `train ${all.length} docs, dev ${devDocs.length} docs, gazetteer ${res.gazetteer ? 'on' : 'off'}`,
  );

  const first = train(res, all, undefined, { docs: devDocs }, epochs);
  console.log(`first pass: best dev F1 ${first.f1.toFixed(4)} at epoch ${first.epoch}`);
  let shipped = [first.weights];
  let devF1 = first.f1;
  let stageEpochs = [first.epoch];
  if (!args['one-pass']) {
    const half = seededShuffle(
      all.map((_, i) => i),
      7,
    );
    const inA = new Set(half.slice(0, half.length >> 1));
    const a = all.filter((_, i) => inA.has(i));
    const b = all.filter((_, i) => !inA.has(i));
    const ma = train(res, a, undefined, null, first.epoch);
    const mb = train(res, b, undefined, null, first.epoch);
    const ha = hintsFor(mb.weights, res, a);
    const hb = hintsFor(ma.weights, res, b);
    let ia = 0;
    let ib = 0;
    const trainHints = all.map((_, i) => (inA.has(i) ? ha[ia++] : hb[ib++]));
    const devHints = hintsFor(first.weights, res, devDocs);
    const second = train(res, all, trainHints, { docs: devDocs, hints: devHints }, epochs);
    console.log(`second pass: best dev F1 ${second.f1.toFixed(4)} at epoch ${second.epoch}`);
    if (second.f1 > first.f1) {
      shipped = [first.weights, second.weights];
      devF1 = second.f1;
      stageEpochs = [first.epoch, second.epoch];
    }
  }

  let testF1: number | null = null;
  if (args.test) {
    const testDocs = groupDocuments(readConll('test'));
    const hints = shipped.length > 1 ? hintsFor(shipped[0]!, res, testDocs) : undefined;
    const pred = decodeAll(shipped[shipped.length - 1]!, res, testDocs, hints);
    testF1 = entityF1(
      testDocs.flatMap((d) => d.map((s) => s.tags)),
      pred,
    );
    console.log(`test F1 ${testF1.toFixed(4)}`);
  }
  if (args.dry) return;

  const config = {
    gmb: args.gmb,
    gazetteer: res.gazetteer ? gazetteerVariant : false,
    docCase: res.docCase,
    headlineCase: res.headlineCase,
    shapePairs: res.shapePairs,
    dictionary: args.dictionary,
    search,
    epochs: stageEpochs,
    passes: shipped.length,
  };
  // --out writes to another folder (with its own MANIFEST.json), to compare before swapping in.
  const outDir = path.resolve(args.out ?? path.join(repoRoot, 'models'));
  const files = shipped.map((weights, i) => {
    const file = i === 0 ? 'ner.bin.gz' : 'ner-doc.bin.gz';
    const buf = packModel({ ...weights, config }, Number(args.prune));
    writeFileSync(path.join(outDir, file), buf);
    console.log(`wrote ${path.join(outDir, file)} (${(buf.length / 1e6).toFixed(1)} MB)`);
    return { file, sha256: createHash('sha256').update(buf).digest('hex') };
  });
  // A document pass left from an earlier run would not match a first pass trained without one.
  if (shipped.length === 1) rmSync(path.join(outDir, 'ner-doc.bin.gz'), { force: true });
  const manifestPath = path.join(outDir, 'MANIFEST.json');
  // Other models' entries (pos, ...) are kept: only the ner key is replaced.
  const manifest = readJsonObject(manifestPath);
  const commit = gitHead();
  manifest.ner = {
    file: files[0]!.file,
    sha256: files[0]!.sha256,
    extraFiles: files.slice(1).concat([{ file: 'clusters.tsv.gz', sha256: sha256Of(clusterFile) }]),
    data: `CoNLL-2003 train${args.gmb ? ' + GMB (mapped to CoNLL types)' : ''}; epochs chosen on CoNLL dev`,
    script: `scripts/train-ner.ts ${process.argv.slice(2).join(' ')}`.trim(),
    commit,
    trainedAt: new Date().toISOString(),
    config,
    scores: { dev: Number(devF1.toFixed(4)), test: testF1 === null ? null : Number(testF1.toFixed(4)) },
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
}

function readJsonObject(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function gitHead(): string {
  try {
    return execSync('git rev-parse HEAD', { cwd: repoRoot }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

main();
