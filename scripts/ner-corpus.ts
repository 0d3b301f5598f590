/**
 * Reads the NER corpora in ../shared/data/ner (one JSON sentence per line) for the training and
 * cluster scripts, mapping GMB's tag set onto CoNLL's four types.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LabelledSentence {
  readonly id: string;
  /** Sentences sharing a doc are one document; absent means the sentence stands alone. */
  readonly doc: string | null;
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const nerDataDir = path.resolve(repoRoot, '..', 'shared', 'data', 'ner');

/** GMB types to CoNLL types: places -> LOC, nationalities/groups (gpe, nat), events, artefacts -> MISC. */
const GMB_TYPES: Record<string, string | null> = {
  geo: 'LOC',
  org: 'ORG',
  per: 'PER',
  gpe: 'MISC',
  nat: 'MISC',
  eve: 'MISC',
  art: 'MISC',
  tim: null,
};

function mapGmbTag(tag: string): string {
  if (tag === 'O') return 'O';
  const [bio, type] = tag.split('-') as [string, string];
  const mapped = GMB_TYPES[type.toLowerCase()];
  return mapped ? `${bio}-${mapped}` : 'O';
}

export function readJsonl(file: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; doc?: number | string; tokens: string[]; tags?: string[] };
    out.push({
      id: row.id,
      doc: row.doc === undefined ? null : String(row.doc),
      tokens: row.tokens,
      tags: row.tags ?? row.tokens.map(() => 'O'),
    });
  }
  return out;
}

export function readConll(split: 'train' | 'dev' | 'test'): LabelledSentence[] {
  return readJsonl(path.join(nerDataDir, 'conll2003', `${split}.jsonl`));
}

/** GMB sentences with tags mapped to CoNLL's; GMB lines have no doc, so each stands alone. */
export function readGmb(): LabelledSentence[] {
  return readJsonl(path.join(nerDataDir, 'gmb', 'gmb.jsonl')).map((s) => ({
    ...s,
    tags: s.tags.map(mapGmbTag),
  }));
}

/** Groups sentences into documents by their doc field; sentences without one stand alone. */
export function groupDocuments<T extends { doc: string | null }>(sentences: readonly T[]): T[][] {
  const docs: T[][] = [];
  let last: string | null = null;
  for (const s of sentences) {
    if (s.doc === null || s.doc !== last || docs.length === 0) docs.push([s]);
    else docs[docs.length - 1]!.push(s);
    last = s.doc;
  }
  return docs;
}

function spans(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number): void => {
    if (start >= 0) out.add(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((t, i) => {
    const ty = t.slice(2);
    if (t === 'O') close(i);
    else if (t.startsWith('B-') || ty !== type || start < 0) {
      close(i);
      start = i;
      type = ty;
    }
  });
  close(tags.length);
  return out;
}

/** Entity-level exact-match micro F1 (the conlleval metric), for choosing settings on dev. */
export function entityF1(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): number {
  let tp = 0;
  let np = 0;
  let ng = 0;
  gold.forEach((g, i) => {
    const gs = spans(g);
    const ps = spans(pred[i]!);
    ng += gs.size;
    np += ps.size;
    for (const s of ps) if (gs.has(s)) tp++;
  });
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
