/**
 * Event coding benchmark: PLOVER type and full (type + source + target country) P/R/F1 with the
 * official scorer, on the PLOVER gold-standard sentences (the report set: no train split exists)
 * and on our own sentences (test/eval/events-gold.jsonl, which we developed on, and
 * test/eval/events-heldout.jsonl, which we only scored), plus sentences per second. Each
 * sentence runs through the standard pipeline as `analyze --no-clean` would (no publication
 * date). The peer, measured in the same run, is a naive keyword baseline: the first trigger word
 * of our lexicon found in the sentence gives the type, the first two countries found give source
 * and target. International organisations are scored as "IGO".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc, type Actor, type Event } from '../src/doc/index.js';
import { actorCode, eventStage, loadTriggerLexicon, type EventStageOptions } from '../src/events/index.js';
import { lookupDemonym, lookupOrganization, lookupPlace } from '../src/geo/index.js';
import { compose, standardStages } from '../src/pipeline/index.js';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const gsrPath = join(shared, 'data/events/plover/gsr.jsonl');
const ownPath = fileURLToPath(new URL('../test/eval/events-gold.jsonl', import.meta.url));
const heldOutPath = fileURLToPath(new URL('../test/eval/events-heldout.jsonl', import.meta.url));
const scorer = join(shared, 'tools/score-events.mjs');

interface GoldLine {
  id: string;
  sentence: string;
}
interface PredEvent {
  type: string;
  source: { country: string | null } | null;
  target: { country: string | null } | null;
}
interface Score {
  precision: number;
  recall: number;
  f1: number;
}

const readJsonl = (p: string): GoldLine[] =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldLine);

/** Country code for scoring: ISO alpha-3, or IGO for an international organisation. */
function code(actor: Actor | null): { country: string | null } | null {
  return actor ? { country: actorCode(actor) } : null;
}

/**
 * Our coder through the standard pipeline; negated events (the text says they did not happen)
 * are not predictions. Times the whole pipeline and, separately, the event stage alone.
 */
function ours(
  lines: GoldLine[],
  opts: EventStageOptions = {},
): {
  preds: { id: string; events: PredEvent[] }[];
  seconds: number;
  eventSeconds: number;
} {
  const stages = standardStages();
  const eventStageIndex = stages.findIndex((s) => s.provides === 'events');
  const before = compose(stages.slice(0, eventStageIndex));
  const events = eventStage(opts);
  const ctx = { issue: () => undefined };
  let eventSeconds = 0;
  const t0 = process.hrtime.bigint();
  const preds = lines.map((l) => {
    const doc = before(createDoc(l.id, l.sentence));
    const e0 = process.hrtime.bigint();
    const coded = events.run(doc, ctx) as readonly Event[];
    eventSeconds += Number(process.hrtime.bigint() - e0) / 1e9;
    return {
      id: l.id,
      events: coded
        .filter((e) => e.modality !== 'negated')
        .map((e) => ({ type: e.type, source: code(e.source), target: code(e.target) })),
    };
  });
  return { preds, seconds: Number(process.hrtime.bigint() - t0) / 1e9, eventSeconds };
}

/** The naive peer: first lexicon head word -> type; first two countries -> source, target. */
function keywordBaseline(lines: GoldLine[]): { id: string; events: PredEvent[] }[] {
  const lex = loadTriggerLexicon();
  return lines.map((l) => {
    const words = l.sentence.match(/[\p{L}][\p{L}'.-]*/gu) ?? [];
    let type: string | null = null;
    for (const w of words) {
      const lower = w.toLowerCase();
      const forms = [lower, lower.replace(/(ed|ing|s|es|d)$/, ''), lower.replace(/(d|s)$/, '')];
      const entry = forms.map((f) => lex.byHead.get(f)?.[0]).find((e) => e);
      if (entry) {
        type = entry.type;
        break;
      }
    }
    const countries: string[] = [];
    for (let i = 0; i < words.length; i++)
      for (const n of [3, 2, 1]) {
        const phrase = words.slice(i, i + n).join(' ');
        if (!/^\p{Lu}/u.test(phrase)) continue;
        const c =
          lookupPlace(phrase)?.country ??
          lookupDemonym(phrase) ??
          (lookupOrganization(phrase) ? 'IGO' : null);
        if (c) {
          countries.push(c);
          i += n - 1;
          break;
        }
      }
    const actor = (c: string | undefined) => (c ? { country: c } : null);
    return {
      id: l.id,
      events: type ? [{ type, source: actor(countries[0]), target: actor(countries[1]) }] : [],
    };
  });
}

function score(gold: string, preds: { id: string; events: PredEvent[] }[], dir: string, name: string) {
  const predPath = join(dir, `${name}.jsonl`);
  writeFileSync(predPath, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const res = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', predPath, '--json'], {
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`scorer failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as { type: Score; full: Score; missedTypes: Record<string, number> };
}

const f = (x: number) => x.toFixed(3);

function run(label: string, gold: string, dir: string): void {
  const lines = readJsonl(gold);
  ours(lines.slice(0, 20));
  const mine = ours(lines);
  const unguessed = score(gold, ours(lines, { guessCountries: false }).preds, dir, `${label}-unguessed`);
  const peer = keywordBaseline(lines);
  const a = score(gold, mine.preds, dir, `${label}-ours`);
  const b = score(gold, peer, dir, `${label}-peer`);
  console.log(`\n${label}: ${lines.length} sentences (${gold})`);
  console.log(
    'system            type P  type R  type F1  full P  full R  full F1  sent/s (pipeline / event stage)',
  );
  const row = (name: string, s: typeof a, rate: string) =>
    console.log(
      `${name.padEnd(16)}  ${f(s.type.precision)}   ${f(s.type.recall)}   ${f(s.type.f1)}    ${f(s.full.precision)}   ${f(s.full.recall)}   ${f(s.full.f1)}    ${rate}`,
    );
  row(
    'storyline',
    a,
    `${(lines.length / mine.seconds).toFixed(0)} / ${(lines.length / mine.eventSeconds).toFixed(0)}`,
  );
  row('  no guessed ctry', unguessed, '-');
  row('keyword baseline', b, '-');
  if (process.env['EVENTS_CONFUSION']) console.log('missed types (ours):', JSON.stringify(a.missedTypes));
}

if (!existsSync(gsrPath) || !existsSync(scorer)) {
  console.log(`events bench: ${gsrPath} not found (needs ../shared beside the repo); skipped.`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-events-'));
  run('PLOVER GSR', gsrPath, dir);
  run('own gold (development set)', ownPath, dir);
  run('own held-out (not inspected while developing)', heldOutPath, dir);
}
