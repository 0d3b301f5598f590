// Table tests for the NER gazetteer features: phrase matches and "capitalised run with an
// organisation word" marks, with rows that must get nothing.
import { describe, expect, it } from 'vitest';
import { buildGazetteer, gazetteerIds, hashString } from './ner-features.js';
import { englishWords } from './ner-gazetteer.js';

const gaz = buildGazetteer(
  [
    ['trade bank', 'ORG'],
    ['lagos', 'CITY'],
  ],
  ['bank', 'party'],
);
const id = (s: string): number => hashString(s) | 0;

describe('gazetteerIds', () => {
  const rows: [string, number, string[], string[]][] = [
    ['the Foreign Trade Bank said', 3, ['orgrun=L', 'orgword', 'gz=L-ORG'], []],
    ['the Foreign Trade Bank said', 2, ['orgrun=I', 'gz=B-ORG'], ['orgword']],
    ['the Foreign Trade Bank said', 1, ['orgrun=B'], ['orgword', 'gz=B-ORG']],
    ["the Workers ' Party of Korea met", 5, ['orgrun=L'], ['orgword']],
    ['flights from Lagos resumed', 2, ['gz=U-CITY', 'gzt=CITY'], ['orgrun=U']],
    // Must not: lower-case words match nothing, and a run without an organisation word is unmarked.
    ['the trade bank said', 2, [], ['gz=L-ORG', 'orgrun=L', 'orgword']],
    ['he met Red Star Belgrade', 3, [], ['orgrun=B']],
    ['a river bank in Lagos', 2, [], ['orgword']],
  ];
  it.each(rows)('%s [%i]', (sentence, at, has, hasNot) => {
    const ids = [...gazetteerIds(sentence.split(' '), gaz)[at]!];
    for (const f of has) expect(ids).toContain(id(f));
    for (const f of hasNot) expect(ids).not.toContain(id(f));
  });
});

describe('englishWords (the dictionary classes behind the dict= feature)', () => {
  const rows: [string, string | undefined][] = [
    ['police', 'C'],
    ['said', 'C'],
    ['nations', 'C'],
    ['london', 'P'],
    ['germany', 'P'],
    ['may', 'CP'],
    // Must not: a made-up surname and a Korean given name are in no English dictionary.
    ['kovacsik', undefined],
    ['ryong-hae', undefined],
  ];
  it.each(rows)('%s -> %s', (word, cls) => {
    expect(englishWords().get(word)).toBe(cls);
  });
});
