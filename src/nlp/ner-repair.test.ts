// Table tests for the organisation-span repairs: which spans grow or join, and which must not.
import { describe, expect, it } from 'vitest';
import { repairOrganisations } from './ner-repair.js';

const ORG_WORDS = new Set(['bank', 'party', 'co']);

describe('repairOrganisations', () => {
  const rows: [string, string, string][] = [
    // A name ending in an organisation word takes in the capitalised word the tagger left out.
    ["Seoul 's Foreign Trade Bank said", 'B-LOC O O B-ORG I-ORG O', 'B-LOC O B-ORG I-ORG I-ORG O'],
    // "<organisation word> of <name>" becomes one name, whatever type the second part got.
    [
      "the Workers ' Party of Korea met",
      'O B-ORG I-ORG I-ORG O B-LOC O',
      'O B-ORG I-ORG I-ORG I-ORG I-ORG O',
    ],
    // Must not: company forms name their home, not their name.
    ['Physicians Insurance Co of Ohio rose', 'B-ORG I-ORG I-ORG O B-LOC O', 'B-ORG I-ORG I-ORG O B-LOC O'],
    // Must not: the sentence's first word, articles, months.
    ['Foreign Trade Bank said', 'O B-ORG I-ORG O', 'O B-ORG I-ORG O'],
    ['at the July Trade Bank meeting', 'O O O B-ORG I-ORG O', 'O O O B-ORG I-ORG O'],
    // Must not: a title-cased heading line.
    ['Lead Underwriter Trade Bank', 'O O B-ORG I-ORG', 'O O B-ORG I-ORG'],
    // Must not: a name not ending in an organisation word.
    ['he saw Red Star Belgrade play', 'O O O B-ORG I-ORG O', 'O O O B-ORG I-ORG O'],
    // Must not: "of" followed by a lower-case word.
    ['the Party of workers', 'O B-ORG O O', 'O B-ORG O O'],
  ];
  it.each(rows)('%s', (sentence, tags, expected) => {
    expect(repairOrganisations(sentence.split(' '), tags.split(' '), ORG_WORDS).join(' ')).toBe(expected);
  });
});
