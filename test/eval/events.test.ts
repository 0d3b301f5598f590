/**
 * Evaluation ratchet for the event coder on our own gold sentences (test/eval/events-gold.jsonl,
 * written by us): type and full F1 must not fall below the floors in events-baseline.json, which
 * only go up. Runs the coder on bare docs (its own fallbacks for sentences, words and names), so
 * it needs no model file and no shared data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/doc/index.js';
import { actorCode, codeEvents } from '../../src/events/index.js';
import { scoreEvents, type GoldEvent } from './events-score.js';

interface GoldLine {
  id: string;
  sentence: string;
  events: GoldEvent[];
}

const read = (name: string): GoldLine[] =>
  readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldLine);

const floors = JSON.parse(readFileSync(new URL('./events-baseline.json', import.meta.url), 'utf8')) as Record<
  string,
  { typeF1: number; fullF1: number }
>;

function score(lines: GoldLine[]) {
  return scoreEvents(
    lines.map((l) => ({
      gold: l.events,
      pred: codeEvents(createDoc(l.id, l.sentence))
        .filter((e) => e.modality !== 'negated')
        .map((e) => ({ type: e.type, source: actorCode(e.source), target: actorCode(e.target) })),
    })),
  );
}

describe('event coding on our own gold sets', () => {
  for (const file of ['events-gold.jsonl', 'events-heldout.jsonl']) {
    it(`${file} stays above its floors`, () => {
      const floor = floors[file]!;
      const { type, full } = score(read(file));
      expect(type.f1).toBeGreaterThanOrEqual(floor.typeF1);
      expect(full.f1).toBeGreaterThanOrEqual(floor.fullF1);
    });
  }

  it('covers all 16 PLOVER types and has sentences that must code nothing', () => {
    const lines = read('events-gold.jsonl');
    expect(new Set(lines.flatMap((l) => l.events.map((e) => e.type))).size).toBe(16);
    expect(lines.filter((l) => l.events.length === 0).length).toBeGreaterThan(0);
  });

  it('scores a perfect prediction as 1 and an empty one as 0 (the metric can fail)', () => {
    const gold = [{ type: 'CONSULT', source: ['JPN'], target: ['PRK'] }];
    expect(scoreEvents([{ gold, pred: [{ type: 'CONSULT', source: 'JPN', target: 'PRK' }] }]).full.f1).toBe(
      1,
    );
    expect(scoreEvents([{ gold, pred: [{ type: 'CONSULT', source: 'JPN', target: 'CHN' }] }]).full.f1).toBe(
      0,
    );
    expect(scoreEvents([{ gold, pred: [] }]).type.f1).toBe(0);
  });
});
