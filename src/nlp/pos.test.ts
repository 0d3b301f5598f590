// The POS tagger: a toy model learnt by the perceptron, its JSON round trip, and the shipped
// model on sentences written for this test.
import { describe, expect, it } from 'vitest';
import { packWeights, PerceptronTrainer, scoreFeatures } from './perceptron.js';
import {
  neighbourFeatures,
  normalizeWord,
  ownFeatures,
  pairFeatures,
  posContext,
  posFeatures,
  tagFeatures,
  wordShape,
} from './pos-features.js';
import {
  createPosTagger,
  loadPosModel,
  loadPosTagger,
  posModelFromBytes,
  posModelFromJson,
  posModelToJson,
  type PosModel,
} from './pos.js';

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

  it('reads the same model from bytes as JSON.parse does, escapes and spacing included', () => {
    const json = posModelToJson(toyModel());
    const odd = {
      ...json,
      weights: {
        ...json.weights,
        'w "quoted" \\ é': [1, -0.5, 0, 2],
        long: [0, 1e-7, 1, 0.12345678901234568, 2, -0.001],
      },
    };
    const fromJson = posModelFromJson(odd);
    for (const text of [JSON.stringify(odd), JSON.stringify(odd, null, 2)]) {
      const fromBytes = posModelFromBytes(Buffer.from(text));
      expect([...fromBytes.weights.index.keys()].sort()).toEqual([...fromJson.weights.index.keys()].sort());
      for (const [feature, entry] of fromJson.weights.index) {
        const other = fromBytes.weights.index.get(feature)!;
        /** The (class, weight) pairs an index entry (start * 64 + count) points at. */
        const pairs = (e: number, m: PosModel) =>
          Array.from({ length: e % 64 }, (_, k) => {
            const at = Math.floor(e / 64) + k;
            return [m.weights.cls[at], m.weights.w[at]];
          });
        expect(pairs(other, fromBytes)).toEqual(pairs(entry, fromJson));
      }
      expect(fromBytes.tags).toEqual(fromJson.tags);
      expect([...fromBytes.tagdict]).toEqual([...fromJson.tagdict]);
    }
  });

  it.each([
    '{"format":"storyline-pos-1"}',
    '{"weights":{"a":[1,}}',
    '{"weights":{"a":[1]}}',
    '{"weights":{"a" [1,2]}}',
  ])('refuses a broken file: %s', (text) =>
    expect(() => posModelFromBytes(Buffer.from(text))).toThrow(/POS model JSON|format/),
  );

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

describe('the tagger sums weights by part, as the features would', () => {
  const splitFeatures = (i: number, words: string[], prev: string, prev2: string): string[] => {
    const context = posContext(words);
    const norm = context.norm;
    const at = (j: number, o: -2 | -1 | 1 | 2) =>
      neighbourFeatures(o, norm[j + 2]!, j < 0 ? '^' : j >= words.length ? '$' : context.shapes[j]!);
    return [
      ...ownFeatures(words[i]!, norm[i + 2]!, context.shapes[i]!),
      ...at(i - 2, -2),
      ...at(i - 1, -1),
      ...at(i + 1, 1),
      ...at(i + 2, 2),
      ...tagFeatures(prev, prev2),
      ...pairFeatures(i, context, prev),
    ];
  };
  const sentences = [
    ['Oslo'],
    ['Talks', 'resumed'],
    ['The', 'U.S.-backed', 'council', 'met', 'on', '3', 'May', ',', 'said', "Maria's", 'aide', '.'],
    ['\u{1F600}', '\u05E9\u05DC\u05D5\u05DD', 'x'.repeat(40), '1,000', '-', '--', "''", '``', '"', '('],
  ];

  it.each(sentences)('splits the features of %s into exactly posFeatures', (...words) => {
    const context = posContext(words);
    words.forEach((_, i) =>
      expect(splitFeatures(i, words, 'NN', 'DT').sort()).toEqual(
        posFeatures(i, words, context, 'NN', 'DT').sort(),
      ),
    );
  });

  const reference = (model: PosModel) => (words: string[]) => {
    const context = posContext(words);
    const scores = new Float64Array(model.tags.length);
    let prev = '-START-';
    let prev2 = '-START2-';
    return words.map((w, i) => {
      const tag =
        model.tagdict.get(w) ??
        model.tags[scoreFeatures(model.weights, posFeatures(i, words, context, prev, prev2), scores)]!;
      prev2 = prev;
      prev = tag;
      return tag;
    });
  };

  it('gives the tags of scoring feature by feature, on the shipped model', () => {
    const model = loadPosModel();
    if (!model) return;
    const tagger = createPosTagger(model);
    const slow = reference(model);
    const text =
      'North Korean envoy Choe Ryong-hae met Russian officials in Moscow . The talks did n\'t end until 1,000 people left . SEOUL , March 3 ( Reuters ) - TALKS RESUME IN OSLO Kim has visited China twice since 2014 and said " we will return "';
    const words = text.split(' ');
    for (let n = 1; n <= words.length; n += 3)
      expect(tagger.tag(words.slice(0, n))).toEqual(slow(words.slice(0, n)));
    for (const words of sentences) expect(tagger.tag(words)).toEqual(slow(words));
  });
});
