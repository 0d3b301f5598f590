/**
 * Time-expression benchmark: TempEval-3 platinum scored by the shared scorer, our time stage
 * beside chrono-node alone, in the same run. `--dev` scores the TimeBank + AQUAINT training
 * sets instead (the only data used for tuning); `--errors N` prints N value errors.
 *   npx tsx bench/time.ts [--dev] [--errors 40]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { createDoc, type Timex } from '../src/doc/index.js';
import { compose } from '../src/pipeline/stage.js';
import { timexStage } from '../src/time/index.js';

interface GoldDoc {
  readonly id: string;
  readonly text: string;
  readonly dct: string;
}
interface Scores {
  strict: { f1: number };
  relaxed: { f1: number };
  type: { f1: number };
  value: { f1: number };
  errors: { text: string; gold: string; got: string | null; dct: string }[];
}

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const dev = process.argv.includes('--dev');
const errorsAt = process.argv.indexOf('--errors');
const showErrors = errorsAt > 0 ? Number(process.argv[errorsAt + 1] ?? 40) : 0;
const files = dev ? ['timebank.jsonl', 'aquaint.jsonl'] : ['te3-platinum.jsonl'];
const goldPaths = files.map((f) => path.join(shared, 'data', 'timex', f));

if (!goldPaths.every((p) => existsSync(p))) {
  console.log(
    `bench/time: ${goldPaths.join(', ')} not found; put the shared data beside the repository to run it.`,
  );
  process.exit(0);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'storyline-time-'));
const goldPath = path.join(tmp, 'gold.jsonl');
writeFileSync(goldPath, goldPaths.map((p) => readFileSync(p, 'utf8').trim()).join('\n') + '\n');
const docs: GoldDoc[] = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);

/** Rough sentence count (a full stop, question or exclamation mark, then space), for throughput only. */
const sentenceCount = docs.reduce((n, d) => n + d.text.split(/[.!?]["')\]]*\s+/).length, 0);

const pipeline = compose([timexStage()]);
const ours = (d: GoldDoc): readonly Timex[] =>
  pipeline(createDoc(d.id, d.text, { published: d.dct })).layers.timexes ?? [];

/** chrono alone: each parse result is a DATE whose value has the granularity chrono knows. */
function chronoOnly(d: GoldDoc): Timex[] {
  const [y, m, day] = d.dct.slice(0, 10).split('-').map(Number);
  const ref = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, day ?? 1, 12));
  return chrono.parse(d.text, ref).map((r) => {
    const s = r.start;
    const pad = (n: number | null): string => String(n ?? 0).padStart(2, '0');
    const ymd = `${String(s.get('year')).padStart(4, '0')}-${pad(s.get('month'))}-${pad(s.get('day'))}`;
    const value =
      s.isCertain('day') || s.isCertain('weekday') || s.isCertain('hour')
        ? ymd
        : s.isCertain('month')
          ? ymd.slice(0, 7)
          : ymd.slice(0, 4);
    return { start: r.index, end: r.index + r.text.length, type: 'DATE', value };
  });
}

function run(name: string, system: (d: GoldDoc) => readonly Timex[]) {
  // Best of three timings: the machine is shared, so one run can be slowed by other jobs.
  let preds: { id: string; timexes: readonly Timex[] }[] = [];
  let seconds = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const began = performance.now();
    preds = docs.map((d) => ({ id: d.id, timexes: system(d) }));
    seconds = Math.min(seconds, (performance.now() - began) / 1000);
  }
  const predPath = path.join(tmp, `${name}.jsonl`);
  writeFileSync(predPath, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const scorer = path.join(shared, 'tools', 'score-timex.mjs');
  const res = spawnSync(process.execPath, [scorer, '--gold', goldPath, '--pred', predPath, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (res.status !== 0) throw new Error(`scorer failed: ${res.stderr}`);
  const scores = JSON.parse(res.stdout) as Scores;
  const count = preds.reduce((n, p) => n + p.timexes.length, 0);
  return {
    name,
    scores,
    docsPerSecond: docs.length / seconds,
    sentencesPerSecond: sentenceCount / seconds,
    timexesPerSecond: count / seconds,
  };
}

// Warm up once so the first system does not pay for module compilation.
docs.slice(0, 3).forEach((d) => (ours(d), chronoOnly(d)));
const rows = [run('storyline', ours), run('chrono-node', chronoOnly)];
console.log(`TempEval-3 ${dev ? 'TimeBank + AQUAINT (dev)' : 'platinum (test)'}: ${docs.length} documents`);
console.log('system       strict F1  relaxed F1  type F1  value F1  docs/s  sentences/s  timexes/s');
for (const r of rows) {
  const s = r.scores;
  console.log(
    `${r.name.padEnd(12)} ${s.strict.f1.toFixed(3).padStart(9)}  ${s.relaxed.f1.toFixed(3).padStart(10)}  ${s.type.f1.toFixed(3).padStart(7)}  ${s.value.f1.toFixed(3).padStart(8)}  ${r.docsPerSecond.toFixed(0).padStart(6)}  ${r.sentencesPerSecond.toFixed(0).padStart(11)}  ${r.timexesPerSecond.toFixed(0).padStart(9)}`,
  );
}
if (showErrors) {
  for (const e of rows[0]?.scores.errors.slice(0, showErrors) ?? [])
    console.log(`  ${e.dct.slice(0, 10)}  ${JSON.stringify(e.text)}  gold=${e.gold}  got=${e.got}`);
}
