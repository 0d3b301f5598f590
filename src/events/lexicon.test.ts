/** The trigger lexicon and lemma candidates: table rows, rows that must not match, bad data. */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../doc/index.js';
import { nounLemmas, verbLemmas } from './lemma.js';
import { loadTriggerLexicon, parseTriggerLexicon } from './lexicon.js';

describe('verbLemmas', () => {
  it.each([
    ['dispatched', 'dispatch'],
    ['met', 'meet'],
    ['agreed', 'agree'],
    ['expelled', 'expel'],
    ['shelled', 'shell'],
    ['stopped', 'stop'],
    ['urges', 'urge'],
    ['denied', 'deny'],
    ['visiting', 'visit'],
    ['withdrew', 'withdraw'],
  ])('%s -> %s', (word, lemma) => expect(verbLemmas(word)).toContain(lemma));

  it.each([
    ['meeting', 'meet'],
    ['talks', 'talk'],
  ])('%s also offers %s', (word, lemma) => expect(verbLemmas(word)).toContain(lemma));

  it.each([
    ['went', 'wend'],
    ['bed', 'b'],
  ])('%s never gives %s', (word, lemma) => expect(verbLemmas(word)).not.toContain(lemma));
});

describe('nounLemmas', () => {
  it.each([
    ['sanctions', 'sanction'],
    ['talks', 'talks'],
    ['embargoes', 'embargo'],
  ])('%s -> %s', (word, lemma) => expect(nounLemmas(word)).toContain(lemma));
});

describe('trigger lexicon', () => {
  it('parses rows, classes and longest patterns first', () => {
    const lex = parseTriggerLexicon([
      { name: 'classes.tsv', text: 'envoy\tenvoy aide\n' },
      { name: 'consult.tsv', text: '# comment\nsend\tV\tCONSULT\t\t\nsend {envoy}\tV\tCONSULT\tvisit\t\n' },
    ]);
    const entries = lex.byHead.get('send')!;
    expect(entries[0]!.rest).toEqual([{ cls: 'envoy' }]);
    expect(entries[0]!.mode).toBe('visit');
  });

  it.each([
    ['a bad type', 'x.tsv', 'meet\tV\tMEET\t\t'],
    ['a bad part of speech', 'x.tsv', 'meet\tX\tCONSULT\t\t'],
    ['an unknown class', 'x.tsv', 'send {nobody}\tV\tCONSULT\t\t'],
  ])('rejects %s', (_what, name, text) => expect(() => parseTriggerLexicon([{ name, text }])).toThrow());

  it('ships triggers for all 16 PLOVER types', () => {
    const types = new Set([...loadTriggerLexicon().byHead.values()].flat().map((e) => e.type));
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('knows leaders, and leaves ambiguous surnames alone', () => {
    const { leaders } = loadTriggerLexicon();
    expect(leaders.get('putin')?.country).toBe('RUS');
    expect(leaders.get('kim')).toBeNull();
  });
});
