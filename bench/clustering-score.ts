/**
 * BCubed and pairwise precision, recall and F1 of a clustering, as ../shared/tools/score-clustering.mjs
 * computes them: reimplemented so threshold sweeps need no process per point, and checked
 * against the official scorer (`officialScore`) for every figure the bench reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED_DATA } from './shared-articles.js';

export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}
export interface ClusteringScore {
  readonly bcubed: Prf;
  readonly pairwise: Prf;
  readonly clusters: number;
}

const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

function groups(labels: ReadonlyMap<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, label] of labels) {
    const list = out.get(label) ?? [];
    list.push(id);
    out.set(label, list);
  }
  return out;
}

/** Scores `pred` (article -> label) against `gold` over the ids of `gold`. */
export function scoreClustering(
  gold: ReadonlyMap<string, string>,
  pred: ReadonlyMap<string, string>,
): ClusteringScore {
  const goldGroups = groups(gold);
  const predGroups = groups(new Map([...gold.keys()].map((id) => [id, pred.get(id) ?? `missing:${id}`])));
  let bp = 0;
  let br = 0;
  let same = 0;
  for (const members of predGroups.values()) {
    const byGold = new Map<string, number>();
    for (const id of members) byGold.set(gold.get(id)!, (byGold.get(gold.get(id)!) ?? 0) + 1);
    for (const [g, n] of byGold) {
      bp += (n * n) / members.length;
      br += (n * n) / goldGroups.get(g)!.length;
      same += (n * (n - 1)) / 2;
    }
  }
  const pairs = (gs: Map<string, string[]>): number =>
    [...gs.values()].reduce((s, m) => s + (m.length * (m.length - 1)) / 2, 0);
  const n = gold.size;
  const pp = pairs(predGroups) ? same / pairs(predGroups) : 1;
  const pr = pairs(goldGroups) ? same / pairs(goldGroups) : 1;
  return {
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    clusters: predGroups.size,
  };
}

interface OfficialJson {
  bcubed: Prf;
  pairwise: Prf;
  predClusters: number;
}

/** The official scorer's figures (4 decimals) for `pred` over the ids of `gold`. */
export function officialScore(
  gold: ReadonlyMap<string, string>,
  pred: ReadonlyMap<string, string>,
): ClusteringScore {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-linking-'));
  try {
    const jsonl = (m: ReadonlyMap<string, string>): string =>
      [...gold.keys()].map((id) => JSON.stringify({ id, cluster: m.get(id) })).join('\n') + '\n';
    writeFileSync(path.join(dir, 'gold.jsonl'), jsonl(gold));
    writeFileSync(path.join(dir, 'pred.jsonl'), jsonl(pred));
    const scorer = path.join(SHARED_DATA, '..', 'tools', 'score-clustering.mjs');
    const res = spawnSync(
      process.execPath,
      [scorer, '--gold', path.join(dir, 'gold.jsonl'), '--pred', path.join(dir, 'pred.jsonl'), '--json'],
      { encoding: 'utf8' },
    );
    if (res.status !== 0) throw new Error(`score-clustering.mjs failed: ${res.stderr}`);
    const out = JSON.parse(res.stdout) as OfficialJson;
    return { bcubed: out.bcubed, pairwise: out.pairwise, clusters: out.predClusters };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The official scorer's figures, after checking that ours agree with them to its rounding. */
export function checkedScore(
  gold: ReadonlyMap<string, string>,
  pred: ReadonlyMap<string, string>,
): ClusteringScore {
  const official = officialScore(gold, pred);
  const ours = scoreClustering(gold, pred);
  for (const k of ['bcubed', 'pairwise'] as const) {
    for (const m of ['precision', 'recall', 'f1'] as const) {
      if (Math.abs(official[k][m] - ours[k][m]) > 6e-5) {
        throw new Error(`our ${k} ${m} ${ours[k][m]} disagrees with the official scorer's ${official[k][m]}`);
      }
    }
  }
  return official;
}
