// Table tests for the sentence splitter, with rows that must not split.
import { describe, expect, it } from 'vitest';
import { createDoc } from '../doc/index.js';
import { compose } from '../pipeline/stage.js';
import { sentenceStage, splitSentences } from './sentences.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  const rows: [string, string[]][] = [
    ['Kim left. Putin stayed.', ['Kim left.', 'Putin stayed.']],
    ['Did he? Yes! Fine.', ['Did he?', 'Yes!', 'Fine.']],
    ['"We will go." She agreed.', ['"We will go."', 'She agreed.']],
    ['“Why?” he asked.', ['“Why?” he asked.']],
    ['He left the U.S. The talks ended.', ['He left the U.S.', 'The talks ended.']],
    ['Apple Inc. said so. It did.', ['Apple Inc. said so.', 'It did.']],
    ['He waited... Then he left.', ['He waited...', 'Then he left.']],
    ['One\n\nTwo', ['One', 'Two']],
    ['Heading here\nThe body starts. It goes on.', ['Heading here', 'The body starts.', 'It goes on.']],
    ['It ended.\nNext line begins', ['It ended.', 'Next line begins']],
    ['A line that wraps\nin the middle.', ['A line that wraps\nin the middle.']],
    // Must not split.
    ['Mr. Kim arrived.', ['Mr. Kim arrived.']],
    ['U.S. officials met.', ['U.S. officials met.']],
    ['It began on Jan. 5 in Seoul.', ['It began on Jan. 5 in Seoul.']],
    ['Growth was 3.5 percent.', ['Growth was 3.5 percent.']],
    ['Gen. Hwang Pyong-so spoke.', ['Gen. Hwang Pyong-so spoke.']],
    ['Sen. Smith and Dr. Lee met at 5 p.m. on Friday.', ['Sen. Smith and Dr. Lee met at 5 p.m. on Friday.']],
    ['He ranks No. 2 in the U.N. Security Council.', ['He ranks No. 2 in the U.N. Security Council.']],
    ['J. Smith wrote it.', ['J. Smith wrote it.']],
    ['Visit example.com today.', ['Visit example.com today.']],
    ['', []],
    [' \n\n ', []],
  ];
  it.each(rows)('%j', (text, expected) => expect(sentences(text)).toEqual(expected));

  it('covers every non-space character exactly once', () => {
    const text = 'SEOUL, Nov 14 (Reuters) - Talks began. "No," he said!\n\nMr. Kim left…  Then? ok';
    const covered = splitSentences(text).reduce(
      (n, s) => n + text.slice(s.start, s.end).replace(/\s/g, '').length,
      0,
    );
    expect(covered).toBe(text.replace(/\s/g, '').length);
  });

  it('runs as a stage that requires nothing', () => {
    const run = compose([sentenceStage()], { check: true });
    expect(run(createDoc('d', 'One. Two.')).layers.sentences).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
});
