/**
 * Part-of-speech tagging on CoNLL-2003 test: our tagger's Penn-tag accuracy and tokens per
 * second, and compromise beside it in the same run. compromise does not use Penn tags, so both
 * are also scored on coarse classes (noun, verb, adjective, adverb, number, pronoun,
 * determiner, preposition, conjunction), over the words whose gold tag has such a class;
 * compromise tokenizes on its own, so each gold token takes the tags of the compromise term
 * that covers its first character.
 *
 * Also the speed of the sentence splitter and tokenizer on the same text, joined into paragraphs
 * (no peer: compromise's splitter is part of its whole analysis, timed above).
 *
 * Usage: npx tsx bench/pos.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { loadPosTagger } from '../src/nlp/pos.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const goldFile = path.join(repoRoot, '..', 'shared', 'data', 'ner', 'conll2003', 'test.jsonl');
const TAG_DIALECT: Record<string, string> = { 'NN|SYM': 'NN' };

type Coarse = 'NOUN' | 'VERB' | 'ADJ' | 'ADV' | 'NUM' | 'PRON' | 'DET' | 'ADP' | 'CONJ';

function pennCoarse(tag: string): Coarse | null {
  if (tag.startsWith('NN')) return 'NOUN';
  if (tag.startsWith('VB') || tag === 'MD') return 'VERB';
  if (tag.startsWith('JJ')) return 'ADJ';
  if (tag.startsWith('RB')) return 'ADV';
  if (tag === 'CD') return 'NUM';
  if (tag.startsWith('PRP') || tag.startsWith('WP')) return 'PRON';
  if (tag === 'DT' || tag === 'PDT' || tag === 'WDT') return 'DET';
  if (tag === 'IN' || tag === 'TO' || tag === 'RP') return 'ADP';
  if (tag === 'CC') return 'CONJ';
  return null;
}

/** compromise's tags, most specific first. */
const COMPROMISE_COARSE: [string, Coarse][] = [
  ['Value', 'NUM'],
  ['Pronoun', 'PRON'],
  ['Determiner', 'DET'],
  ['Preposition', 'ADP'],
  ['Conjunction', 'CONJ'],
  ['Adverb', 'ADV'],
  ['Adjective', 'ADJ'],
  ['Verb', 'VERB'],
  ['Noun', 'NOUN'],
];
const compromiseCoarse = (tags: readonly string[]): Coarse | null =>
  COMPROMISE_COARSE.find(([t]) => tags.includes(t))?.[1] ?? null;

interface CompromiseTerm {
  offset: { start: number; length: number };
  tags: string[];
}

function main(): void {
  if (!existsSync(goldFile)) {
    console.log(`bench/pos: ${goldFile} not found (needs ../shared/data beside the repository); skipped`);
    return;
  }
  const tagger = loadPosTagger();
  if (!tagger) {
    console.log('bench/pos: models/pos.json.gz missing; run npm run train:pos');
    return;
  }
  const rows = readFileSync(goldFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { tokens: string[]; pos: string[] });

  let best = Infinity;
  let ours: string[][] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    ours = rows.map((r) => tagger.tag(r.tokens));
    best = Math.min(best, performance.now() - t0);
  }
  const tokens = rows.reduce((n, r) => n + r.tokens.length, 0);

  let penn = 0;
  let coarseTotal = 0;
  let oursCoarse = 0;
  let theirsCoarse = 0;
  const t0 = performance.now();
  const theirs = rows.map((r) => {
    const terms = nlp(r.tokens.join(' ')).terms().json({ offset: true }) as { terms: CompromiseTerm[] }[];
    return terms.flatMap((t) => t.terms);
  });
  const compromiseMs = performance.now() - t0;
  rows.forEach((r, s) => {
    let at = 0;
    r.tokens.forEach((word, i) => {
      const gold = TAG_DIALECT[r.pos[i]!] ?? r.pos[i]!;
      if (ours[s]![i] === gold) penn++;
      const goldCoarse = pennCoarse(gold);
      if (goldCoarse) {
        coarseTotal++;
        if (pennCoarse(ours[s]![i]!) === goldCoarse) oursCoarse++;
        const term = theirs[s]!.find((t) => t.offset.start <= at && at < t.offset.start + t.offset.length);
        if (term && compromiseCoarse(term.tags) === goldCoarse) theirsCoarse++;
      }
      at += word.length + 1;
    });
  });
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}%`;
  const rate = (ms: number) => `${Math.round(tokens / (ms / 1000)).toLocaleString('en')}`;
  console.log(
    `CoNLL-2003 test: ${rows.length} sentences, ${tokens} tokens, ${coarseTotal} with a coarse class`,
  );
  console.log('| system | Penn accuracy | coarse accuracy | tokens/s |');
  console.log('|---|---|---|---|');
  console.log(
    `| storyline (averaged perceptron) | ${pct(penn, tokens)} | ${pct(oursCoarse, coarseTotal)} | ${rate(best)} |`,
  );
  console.log(
    `| compromise 14 | n/a (not Penn) | ${pct(theirsCoarse, coarseTotal)} | ${rate(compromiseMs)} |`,
  );

  const text = rows.map((r) => r.tokens.join(' ')).join('\n\n');
  for (const [name, run] of [
    ['splitSentences', () => splitSentences(text)],
    ['tokenize', () => tokenize(text)],
  ] as const) {
    let fastest = Infinity;
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      run();
      fastest = Math.min(fastest, performance.now() - start);
    }
    console.log(`${name}: ${(text.length / fastest / 1000).toFixed(1)} M chars/s on ${text.length} chars`);
  }
}

main();
