// The token stage: tokens inside sentences, tags from the tagger it is given, an issue without one.
import { describe, expect, it } from 'vitest';
import { createDoc } from '../doc/index.js';
import { compose } from '../pipeline/stage.js';
import { sentenceStage } from './sentences.js';
import { tokenStage } from './token-stage.js';

const upperTagger = { tag: (words: readonly string[]) => words.map((w) => (/^[A-Z]/.test(w) ? 'NNP' : 'X')) };

describe('tokenStage', () => {
  it('tokenizes each sentence and tags every token', () => {
    const run = compose([sentenceStage(), tokenStage({ tagger: upperTagger })], { check: true });
    const doc = run(createDoc('d', "Kim's aide left. Putin stayed."));
    const tokens = doc.layers.tokens ?? [];
    expect(tokens.map((t) => [doc.text.slice(t.start, t.end), t.pos])).toEqual([
      ['Kim', 'NNP'],
      ["'s", 'X'],
      ['aide', 'X'],
      ['left', 'X'],
      ['.', 'X'],
      ['Putin', 'NNP'],
      ['stayed', 'X'],
      ['.', 'X'],
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('gives tokens without pos, and no issue, when asked for no tagger', () => {
    const run = compose([sentenceStage(), tokenStage({ tagger: null })], { check: true });
    const doc = run(createDoc('d', 'One two.'));
    expect(doc.layers.tokens).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
      { start: 7, end: 8 },
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('needs sentences first', () => {
    expect(() => compose([tokenStage({ tagger: null })])).toThrow(/requires sentences/);
  });
});
