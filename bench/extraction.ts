/**
 * Article-body extraction benchmark: the 181 pages of the Scrapinghub article-extraction
 * benchmark, our extractor beside plain Readability.js (on the same linkedom DOM), in the same
 * run, both scored by the shared scorer. Rules for this set (it has no split): pages whose id
 * starts 0-7 were the only ones inspected while developing ("dev"); 8-f are held out.
 *   npx tsx bench/extraction.ts [--held-out]   (ROUNDS=5 timed passes per system over all 181
 *   pages; pages/s is their median; held-out and all-page scores only with --held-out)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractDoc } from '../src/extract/index.js';
import { rawFromBytes } from '../src/ingest/index.js';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const aeb = path.join(shared, 'data', 'extraction', 'aeb');
const scorer = path.join(shared, 'tools', 'score-extraction.mjs');
if (!existsSync(path.join(aeb, 'ground-truth.json')) || !existsSync(scorer)) {
  console.log(`bench/extraction: ${aeb} not found; put the shared data beside the repository to run it.`);
  process.exit(0);
}

type Pred = Record<string, { articleBody: string }>;
const gold = JSON.parse(readFileSync(path.join(aeb, 'ground-truth.json'), 'utf8')) as Pred;
const pages = readdirSync(path.join(aeb, 'html'))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ id: f.slice(0, -5), bytes: readFileSync(path.join(aeb, 'html', f)) }));

function ours(id: string, bytes: Buffer): string {
  const raw = rawFromBytes(bytes, id, id, 'html');
  if (!raw.ok) return '';
  const doc = extractDoc(raw.value, { anyLanguage: true });
  return doc.ok ? doc.value.text : '';
}

function readability(_id: string, bytes: Buffer): string {
  const { document } = parseHTML(bytes.toString('utf8'));
  return new Readability(document as never).parse()?.textContent ?? '';
}

const tmp = mkdtempSync(path.join(tmpdir(), 'storyline-bench-extraction-'));
// Held-out pages are scored only when asked for, once the work is done (`--held-out`).
const heldOut = process.argv.includes('--held-out');
const SUBSETS: [string, (id: string) => boolean][] = [
  ['dev (ids 0-7)', (id) => /^[0-7]/.test(id)],
  ...(heldOut
    ? ([
        ['held-out (ids 8-f)', (id) => /^[89a-f]/.test(id)],
        ['all', () => true],
      ] as [string, (id: string) => boolean][])
    : []),
];

function score(pred: Pred, keep: (id: string) => boolean, name: string): Record<string, number> {
  const pick = (o: Pred): Pred => Object.fromEntries(Object.entries(o).filter(([id]) => keep(id)));
  const g = path.join(tmp, `gold-${name}.json`);
  const p = path.join(tmp, `pred-${name}.json`);
  writeFileSync(g, JSON.stringify(pick(gold)));
  writeFileSync(p, JSON.stringify(pick(pred)));
  const res = spawnSync(process.execPath, [scorer, '--gold', g, '--pred', p, '--json'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`scorer failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as Record<string, number>;
}

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SYSTEMS = [
  ['storyline', ours],
  ['Readability.js 0.6 (linkedom)', readability],
] as const;

/** Pages per second of each system: one untimed warm-up pass, then ROUNDS timed passes, the two
 * systems taking turns so that load from other jobs falls on both; the median pass is reported. */
function timings(): number[] {
  const passes: number[][] = SYSTEMS.map(() => []);
  for (let round = -1; round < ROUNDS; round++)
    SYSTEMS.forEach(([, run], s) => {
      const start = performance.now();
      for (const { id, bytes } of pages) run(id, bytes);
      if (round >= 0) passes[s]!.push(pages.length / ((performance.now() - start) / 1000));
    });
  return passes.map((p) => p.sort((a, b) => a - b)[Math.floor(p.length / 2)]!);
}

const perSecond = timings();
const rows: string[][] = [];
SYSTEMS.forEach(([system, run], k) => {
  const pred: Pred = {};
  for (const { id, bytes } of pages) pred[id] = { articleBody: run(id, bytes) };
  SUBSETS.forEach(([subset, keep], i) => {
    const s = score(pred, keep, `${system.split(' ')[0]}-${i}`);
    rows.push([
      system,
      subset,
      String(s.pages),
      String(s.precision),
      String(s.recall),
      String(s.f1),
      i ? '' : perSecond[k]!.toFixed(1),
    ]);
  });
});

const header = ['system', 'pages', 'n', 'precision', 'recall', 'F1', 'pages/s'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, widths.map((w) => '-'.repeat(w)), ...rows])
  console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log(
  `storyline / Readability pages/s: ${(perSecond[0]! / perSecond[1]!).toFixed(2)}x (median of ${ROUNDS} passes each)`,
);
