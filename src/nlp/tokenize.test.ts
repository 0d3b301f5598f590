// Table tests for the tokenizer: each row is text -> tokens joined by " | ".
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  const rows: [string, string][] = [
    ['Choe Ryong-hae met Kim', 'Choe | Ryong-hae | met | Kim'],
    ['U.S. officials', 'U.S. | officials'],
    ['N Korea', 'N | Korea'],
    ["Kim's aide", "Kim | 's | aide"],
    ['Kim’s aide', 'Kim | ’s | aide'],
    ["don't go", "do | n't | go"],
    ["they're here, I'm told", "they | 're | here | , | I | 'm | told"],
    ["O'Brien said", "O'Brien | said"],
    ["the officials' view", "the | officials | ' | view"],
    ['"Yes," he said.', '" | Yes | , | " | he | said | .'],
    ['“No” — never – again -- ok', '“ | No | ” | — | never | – | again | -- | ok'],
    ['1,000 people, 3.5 percent', '1,000 | people | , | 3.5 | percent'],
    ['on 2014-11-14 at 10:30', 'on | 2014-11-14 | at | 10:30'],
    ['$5 or 7%', '$ | 5 | or | 7 | %'],
    ['see https://example.org/a?b=1.', 'see | https://example.org/a?b=1 | .'],
    ['mail a.b@example.org now', 'mail | a.b@example.org | now'],
    ['SEOUL, Nov 14 (Reuters) -', 'SEOUL | , | Nov | 14 | ( | Reuters | ) | -'],
    ['Mr. Kim and Gen. Hwang', 'Mr. | Kim | and | Gen. | Hwang'],
    ['J. Smith at 5 p.m.', 'J. | Smith | at | 5 | p.m.'],
    ['No. 1 said no.', 'No. | 1 | said | no | .'],
    ['AT&T and F-16s', 'AT&T | and | F-16s'],
    ['wait...', 'wait | ...'],
    ['Zürich’s café', 'Zürich | ’s | café'],
    ['a 😀 b', 'a | 😀 | b'],
    // Must not split or join.
    ['end.Next', 'end | . | Next'],
    ['3 . 5', '3 | . | 5'],
    ['', ''],
    ['   \n\t ', ''],
  ];
  it.each(rows)('%j', (text, expected) => expect(words(text).join(' | ')).toBe(expected));

  it('gives offsets into the text, also within a range', () => {
    const text = 'xx Kim met Putin yy';
    const tokens = tokenize(text, 3, 16);
    expect(tokens).toEqual([
      { start: 3, end: 6 },
      { start: 7, end: 10 },
      { start: 11, end: 16 },
    ]);
  });
});
