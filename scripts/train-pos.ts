/**
 * Trains the part-of-speech tagger (`npm run train:pos`): a greedy averaged perceptron on the
 * Penn `pos` columns of CoNLL-2003 train and, unless --no-gmb, the Groningen Meaning Bank (in
 * the first --gmb-epochs epochs only, so the last ones settle on CoNLL's tagging conventions);
 * reports accuracy on CoNLL dev after each epoch and, with --test, once on CoNLL test. Writes
 * models/pos.json.gz and the "pos" entry of models/MANIFEST.json.
 *
 *   npx tsx scripts/train-pos.ts [--epochs 8] [--no-gmb] [--gmb-epochs 4] [--min-weight 0.05] [--test] [--dry-run]
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { packWeights, PerceptronTrainer } from '../src/nlp/perceptron.js';
import { posContext, posFeatures } from '../src/nlp/pos-features.js';
import { createPosTagger, POS_MODEL_URL, posModelToJson, type PosModel } from '../src/nlp/pos.js';

interface Sentence {
  words: string[];
  tags: string[];
}

const DATA = new URL('../../shared/data/ner/', import.meta.url);
const MANIFEST = new URL('../models/MANIFEST.json', import.meta.url);
/** GMB has no split: its last sentences are held out to measure the tagger on political news. */
const GMB_DEV_SIZE = 2400;
/** GMB writes some tags differently from CoNLL-2003; the model speaks CoNLL's dialect. */
const TAG_DIALECT: Record<string, string> = { LRB: '(', RRB: ')', '``': '"', ';': ':', 'NN|SYM': 'NN' };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const flag = (name: string) => process.argv.includes(name);

function readSentences(file: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of readFileSync(new URL(file, DATA), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { tokens: string[]; pos: string[] };
    out.push({ words: row.tokens, tags: row.pos.map((t) => TAG_DIALECT[t] ?? t) });
  }
  return out;
}

/** Words seen at least 20 times with one tag at least 97% of the time. */
function buildTagDict(sentences: readonly Sentence[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences)
    s.words.forEach((w, i) => {
      const byTag = counts.get(w) ?? counts.set(w, new Map()).get(w)!;
      byTag.set(s.tags[i]!, (byTag.get(s.tags[i]!) ?? 0) + 1);
    });
  const dict = new Map<string, string>();
  for (const [word, byTag] of counts) {
    const total = [...byTag.values()].reduce((a, b) => a + b, 0);
    const [tag, n] = [...byTag].sort((a, b) => b[1] - a[1])[0]!;
    if (total >= 20 && n / total >= 0.97) dict.set(word, tag);
  }
  return dict;
}

/** A seeded shuffle, so that training is repeatable. */
function shuffle<T>(items: T[], seed: number): void {
  let state = seed;
  for (let i = items.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function accuracy(model: PosModel, sentences: readonly Sentence[]): number {
  const tagger = createPosTagger(model);
  let right = 0;
  let total = 0;
  for (const s of sentences) {
    const guess = tagger.tag(s.words);
    s.tags.forEach((t, i) => {
      total++;
      if (guess[i] === t) right++;
    });
  }
  return right / total;
}

const pct = (x: number) => (100 * x).toFixed(2);

function main(): void {
  if (!existsSync(DATA)) {
    console.log(`no training data at ${fileURLToPath(DATA)}: nothing to do`);
    return;
  }
  const epochs = arg('--epochs', 8);
  const minWeight = arg('--min-weight', 0.05);
  const useGmb = !flag('--no-gmb');
  const conll = readSentences('conll2003/train.jsonl');
  const gmbAll = readSentences('gmb/gmb.jsonl');
  const gmbDev = gmbAll.slice(-GMB_DEV_SIZE);
  const gmb = useGmb ? gmbAll.slice(0, -GMB_DEV_SIZE) : [];
  const gmbEpochs = arg('--gmb-epochs', epochs);
  const train = [...conll, ...gmb];
  const dev = readSentences('conll2003/dev.jsonl');
  const tags = [...new Set(train.flatMap((s) => s.tags))].sort();
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const tagdict = buildTagDict(conll);
  const trainer = new PerceptronTrainer(tags.length);
  const model = (): PosModel => ({ tags, tagdict, weights: packWeights(trainer.averaged(minWeight)) });

  let devScore = 0;
  let gmbDevScore = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = Date.now();
    const sentences = epoch <= gmbEpochs ? train : conll;
    shuffle(sentences, epoch);
    for (const s of sentences) {
      const context = posContext(s.words);
      let prev = '-START-';
      let prev2 = '-START2-';
      s.words.forEach((w, i) => {
        let guess = tagdict.get(w);
        if (guess === undefined) {
          const features = posFeatures(i, s.words, context, prev, prev2);
          guess = tags[trainer.predict(features)]!;
          trainer.update(tagIndex.get(s.tags[i]!)!, tagIndex.get(guess)!, features);
        }
        prev2 = prev;
        prev = guess;
      });
    }
    const current = model();
    devScore = accuracy(current, dev);
    gmbDevScore = accuracy(current, gmbDev);
    console.log(
      `epoch ${epoch}: CoNLL dev ${pct(devScore)}%, GMB held-out ${pct(gmbDevScore)}% (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }

  const final = model();
  const testScore = flag('--test') ? accuracy(final, readSentences('conll2003/test.jsonl')) : null;
  if (testScore !== null) console.log(`test ${(100 * testScore).toFixed(2)}%`);
  const bytes = gzipSync(JSON.stringify(posModelToJson(final)), { level: 9 });
  console.log(
    `${final.weights.index.size} features, ${tagdict.size} tag-dictionary words, ${bytes.length} bytes`,
  );
  if (flag('--dry-run')) return;

  writeFileSync(POS_MODEL_URL, bytes);
  const manifest = existsSync(MANIFEST)
    ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, unknown>)
    : {};
  manifest['pos'] = {
    file: 'models/pos.json.gz',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    data: [
      'conll2003/train.jsonl',
      ...(useGmb ? [`gmb/gmb.jsonl (all but the last ${GMB_DEV_SIZE} sentences)`] : []),
    ],
    script: `npx tsx scripts/train-pos.ts ${process.argv.slice(2).join(' ')}`.trim(),
    commit: execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim(),
    trainedAt: new Date().toISOString(),
    scores: {
      dev: Number(pct(devScore)),
      gmbHeldOut: Number(pct(gmbDevScore)),
      test: testScore === null ? null : Number(pct(testScore)),
    },
  };
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(POS_MODEL_URL)} and the pos entry of models/MANIFEST.json`);
}

main();
