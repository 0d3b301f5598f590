// The POS tagger: a toy model learnt by the perceptron, its JSON round trip, and the shipped
// model on sentences written for this test.
import { describe, expect, it } from 'vitest';
import { packWeights, PerceptronTrainer } from './perceptron.js';
import { normalizeWord, posContext, posFeatures, wordShape } from './pos-features.js';
import { createPosTagger, loadPosTagger, posModelFromJson, posModelToJson, type PosModel } from './pos.js';

describe('pos features', () => {
  const rows: [string, string, string][] = [
    ['Ryong-hae', '!HYPHEN', 'Xx-x'],
    ['2014', '!YEAR', 'd'],
    ['1,000', '!DIGITS', 'd,d'],
    ['U.S.', 'u.s.', 'X.X.'],
    ['Talks', 'talks', 'Xx'],
    ['-', '-', '-'],
  ];
  it.each(rows)('%s -> %s, %s', (word, norm, shape) => {
    expect(normalizeWord(word)).toBe(norm);
    expect(wordShape(word)).toBe(shape);
  });

  it('sees the tags already chosen on the left', () => {
    const words = ['Kim', 'left'];
    const features = posFeatures(1, words, posContext(words), 'NNP', '-START-');
    expect(features).toContain('t NNP');
    expect(features).toContain('w-1 kim');
    expect(features).toContain('w+1 -END-');
  });
});

describe('tagger', () => {
  // A toy language: words ending in "-ed" are verbs after a noun, the rest nouns.
  function toyModel(): PosModel {
    const tags = ['NN', 'VBD'];
    const trainer = new PerceptronTrainer(tags.length);
    const sentences = [
      [
        ['dogs', 'NN'],
        ['barked', 'VBD'],
      ],
      [
        ['cats', 'NN'],
        ['jumped', 'VBD'],
      ],
      [
        ['birds', 'NN'],
        ['sang', 'VBD'],
      ],
    ];
    for (let epoch = 0; epoch < 5; epoch++)
      for (const s of sentences) {
        const words = s.map(([w]) => w!);
        const context = posContext(words);
        let prev = '-START-';
        let prev2 = '-START2-';
        s.forEach(([, gold], i) => {
          const features = posFeatures(i, words, context, prev, prev2);
          const guess = trainer.predict(features);
          trainer.update(tags.indexOf(gold!), guess, features);
          prev2 = prev;
          prev = tags[guess]!;
        });
      }
    return { tags, tagdict: new Map([['the', 'DT']]), weights: packWeights(trainer.averaged()) };
  }

  it('learns, and survives its JSON round trip', () => {
    const model = posModelFromJson(JSON.parse(JSON.stringify(posModelToJson(toyModel()))));
    const tagger = createPosTagger(model);
    expect(tagger.tag(['fish', 'walked'])).toEqual(['NN', 'VBD']);
    expect(tagger.tag(['the', 'dogs', 'barked'])[0]).toBe('DT');
    expect(tagger.tag([])).toEqual([]);
  });

  it('rejects a file of another format', () => {
    expect(() => posModelFromJson({ format: 'other' } as never)).toThrow(/format/);
  });
});

describe('shipped model', () => {
  const tagger = loadPosTagger();
  // Sentences written for this test, with the tags a treebank annotator would give.
  const rows: [string, string][] = [
    [
      'North Korean envoy Choe Ryong-hae met Russian officials in Moscow .',
      'JJ JJ NN NNP NNP VBD JJ NNS IN NNP .',
    ],
    ["The talks did n't end until 1,000 people left .", 'DT NNS VBD RB VB IN CD NNS VBD .'],
    ['She said the U.S. would impose new sanctions .', 'PRP VBD DT NNP MD VB JJ NNS .'],
    ['Kim has visited China twice since 2014 .', 'NNP VBZ VBN NNP RB IN CD .'],
    ['Seoul and Washington will hold joint military drills .', 'NNP CC NNP MD VB JJ JJ NNS .'],
  ];
  it.skipIf(!tagger)('tags written news at least 90% right, and never mistags the key words', () => {
    let right = 0;
    let total = 0;
    for (const [sentence, tags] of rows) {
      const got = tagger!.tag(sentence.split(' '));
      const gold = tags.split(' ');
      expect(got).toHaveLength(gold.length);
      gold.forEach((t, i) => {
        total++;
        if (got[i] === t) right++;
      });
    }
    expect(right / total).toBeGreaterThanOrEqual(0.9);
    const keyTags = tagger!.tag([
      'Choe',
      'Ryong-hae',
      'said',
      'the',
      'U.S.',
      'would',
      "n't",
      'pay',
      '1,000',
      '.',
    ]);
    expect(keyTags).toEqual(['NNP', 'NNP', 'VBD', 'DT', 'NNP', 'MD', 'RB', 'VB', 'CD', '.']);
  });
});
