/**
 * Builds the IDF table of the story clusterer (`models/idf.tsv.gz`, read by `src/link/idf.ts`)
 * from general news in ../shared/data, never from the ECB+ clustering set it is scored on, nor
 * CoNLL test: CoNLL-2003 train and dev (Reuters 1996, by document), GMB (Voice of America; its
 * sentences carry no document ids, so each run of GMB_SENTENCES consecutive sentences counts as
 * one document), the TimeBank and AQUAINT articles, the MEANTIME Wikinews articles and the
 * AEB pages' article bodies. Words are split by `storyWords`, as the clusterer splits them.
 * Keeps words seen in at least MIN_DF documents, at most MAX_WORDS of the most frequent.
 *
 * Usage: npx tsx scripts/build-idf.ts [--out FILE]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { IDF_FILE } from '../src/link/idf.js';
import { storyWords } from '../src/link/story-words.js';
import { groupDocuments, readConll, readGmb, repoRoot } from './ner-corpus.js';

const GMB_SENTENCES = 6;
const MIN_DF = 2;
const MAX_WORDS = 60_000;
const dataDir = path.resolve(repoRoot, '..', 'shared', 'data');

/** Each source's documents as plain text. */
function newsDocuments(): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const conll = [...readConll('train'), ...readConll('dev')];
  sources.set(
    'CoNLL-2003 train+dev',
    groupDocuments(conll).map((doc) => doc.map((s) => s.tokens.join(' ')).join('\n')),
  );
  const gmb = readGmb().map((s) => s.tokens.join(' '));
  const gmbDocs: string[] = [];
  for (let i = 0; i < gmb.length; i += GMB_SENTENCES)
    gmbDocs.push(gmb.slice(i, i + GMB_SENTENCES).join('\n'));
  sources.set(`GMB (${GMB_SENTENCES}-sentence runs)`, gmbDocs);
  const timex: string[] = [];
  for (const file of ['timex/timebank.jsonl', 'timex/aquaint.jsonl']) {
    for (const line of readFileSync(path.join(dataDir, file), 'utf8').split('\n')) {
      if (line.trim()) timex.push((JSON.parse(line) as { text: string }).text);
    }
  }
  sources.set('TimeBank + AQUAINT', timex);
  sources.set('MEANTIME', meantimeDocuments());
  const aeb = JSON.parse(
    readFileSync(path.join(dataDir, 'extraction/aeb/ground-truth.json'), 'utf8'),
  ) as Record<string, { articleBody?: string }>;
  sources.set(
    'AEB article bodies',
    Object.values(aeb).map((page) => page.articleBody ?? ''),
  );
  return sources;
}

/** MEANTIME's documents (each once, though the corpus ships two annotations of each). */
function meantimeDocuments(): string[] {
  const dir = path.join(dataDir, 'events', 'meantime');
  if (!existsSync(dir)) return [];
  const docs = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.xml'))
    .sort()) {
    const xml = readFileSync(path.join(dir, f), 'utf8');
    const id = /doc_id="([^"]+)"/.exec(xml)?.[1] ?? f;
    if (docs.has(id)) continue;
    docs.set(id, [...xml.matchAll(/<token [^>]*>([^<]*)<\/token>/g)].map((m) => m[1]!).join(' '));
  }
  return [...docs.values()];
}

function main(): void {
  const { values: args } = parseArgs({ options: { out: { type: 'string', default: IDF_FILE } } });
  const df = new Map<string, number>();
  let documents = 0;
  for (const [name, docs] of newsDocuments()) {
    console.log(`${name}: ${docs.length} documents`);
    for (const text of docs) {
      const words = new Set(storyWords(text));
      if (words.size === 0) continue;
      documents++;
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  const kept = [...df]
    .filter(([, n]) => n >= MIN_DF)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_WORDS);
  const tsv = [`#documents\t${documents}`, ...kept.map(([w, n]) => `${w}\t${n}`)].join('\n') + '\n';
  const gz = gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
  writeFileSync(args.out, gz);
  console.log(
    `${documents} documents, ${df.size} words, ${kept.length} kept; ${args.out} ${gz.length} bytes`,
  );
}

main();
