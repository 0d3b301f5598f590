/**
 * ECB+ (../shared/data/clustering/ecbplus.jsonl) for the linking bench: each article analysed by
 * the standard pipeline (`analyzeText`, with the row's date as `published` where it has one) and
 * turned into a story input (`storyInputOf`: entity ids from name keys), with its gold cluster
 * and topic. Topics 1-35 are the set settings are chosen on ("dev"), 36-45 the report set ("test").
 * `cache` (a file) keeps the analysed inputs between runs while iterating; the reported runs
 * analyse from scratch.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storyInputOf } from '../src/link/story-input.js';
import type { StoryInput } from '../src/link/stories.js';
import { analyzeText } from '../src/pipeline/index.js';
import { SHARED_DATA } from './shared-articles.js';

export const ECB_FILE = path.join(SHARED_DATA, 'clustering', 'ecbplus.jsonl');
export const LAST_DEV_TOPIC = 35;

export interface EcbArticle {
  readonly input: StoryInput;
  readonly cluster: string;
  readonly topic: number;
}

interface EcbRow {
  id: string;
  text: string;
  date: string | null;
  cluster: string;
  topic: string;
}

export function readEcbRows(): EcbRow[] {
  return readFileSync(ECB_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbRow);
}

/** Every ECB+ article analysed, in file order; `seconds` is the analysis time (0 from a cache). */
export function loadEcbArticles(cache?: string): { articles: EcbArticle[]; seconds: number; failed: number } {
  const rows = readEcbRows();
  let inputs: (StoryInput | null)[];
  let seconds = 0;
  if (cache && existsSync(cache)) {
    inputs = JSON.parse(readFileSync(cache, 'utf8')) as (StoryInput | null)[];
  } else {
    const t0 = process.hrtime.bigint();
    inputs = rows.map((r) => {
      const doc = analyzeText(r.text, { id: r.id, published: r.date ?? null });
      return doc.ok ? storyInputOf(doc.value) : null;
    });
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (cache) writeFileSync(cache, JSON.stringify(inputs));
  }
  const articles: EcbArticle[] = [];
  rows.forEach((r, i) => {
    const input = inputs[i];
    if (input) articles.push({ input, cluster: r.cluster, topic: Number(r.topic) });
  });
  return { articles, seconds, failed: rows.length - articles.length };
}

export const isDev = (a: EcbArticle): boolean => a.topic <= LAST_DEV_TOPIC;
export const goldOf = (articles: readonly EcbArticle[]): Map<string, string> =>
  new Map(articles.map((a) => [a.input.id, a.cluster]));
