// `storyline tag`: lines grouped into documents, bad lines reported by number, others still tagged.
import { describe, expect, it } from 'vitest';
import type { NerTagger } from '../nlp/ner.js';
import { tagJsonl } from './tag.js';

/** A stand-in tagger that records the documents it sees and tags capitalised words B-PER. */
function recordingTagger(): NerTagger & { docs: string[][][] } {
  const docs: string[][][] = [];
  return {
    docs,
    tagDocument(sentences) {
      docs.push(sentences.map((s) => [...s]));
      return sentences.map((s) => s.map((w) => (/^[A-Z]/.test(w) ? 'B-PER' : 'O')));
    },
  };
}

describe('tagJsonl', () => {
  it('tags each line in input order, grouping consecutive lines of one doc', () => {
    const tagger = recordingTagger();
    const input = [
      '{"id":"a","doc":1,"tokens":["Choe","left"]}',
      '{"id":"b","doc":1,"tokens":["He","returned"]}',
      '{"id":"c","tokens":["Kim","spoke"]}',
      '{"id":"d","tokens":["Xi","spoke"]}',
    ].join('\n');
    const { output, errors } = tagJsonl(input, tagger);
    expect(errors).toEqual([]);
    expect(output.map((l) => JSON.parse(l) as unknown)).toEqual([
      { id: 'a', tags: ['B-PER', 'O'] },
      { id: 'b', tags: ['B-PER', 'O'] },
      { id: 'c', tags: ['B-PER', 'O'] },
      { id: 'd', tags: ['B-PER', 'O'] },
    ]);
    expect(tagger.docs.map((d) => d.length)).toEqual([2, 1, 1]);
  });

  const bad: [string, number][] = [
    ['not json', 2],
    ['{"tokens":["x"]}', 2],
    ['{"id":"x","tokens":"Kim"}', 2],
    ['{"id":"x","tokens":[1,2]}', 2],
  ];
  it.each(bad)('reports %j by line number and tags the rest', (line, number) => {
    const { output, errors } = tagJsonl(
      `{"id":"a","tokens":["Kim"]}\n${line}\n{"id":"c","tokens":["Xi"]}`,
      recordingTagger(),
    );
    expect(errors.map((e) => e.line)).toEqual([number]);
    expect(output).toHaveLength(2);
  });
});
