// Table tests for the span repairs: which spans grow or join, and which must not.
import { describe, expect, it } from 'vitest';
import { repairCountries, repairKoreanNames, repairOrganisations, repairPersons } from './ner-repair.js';

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

describe('repairPersons', () => {
  const common = new Set(['president', 'envoy', 'minister', 'police']);
  const rows: [string, string, string][] = [
    // A name's first word left out by the tagger joins the name.
    ['talks with envoy Ri Son Gwon ended', 'O O O O B-PER I-PER O', 'O O O B-PER I-PER I-PER O'],
    ['a letter from Hwang Kyo-ahn arrived', 'O O O O B-PER O', 'O O O B-PER I-PER O'],
    // Must not: a common word ("President"), a title abbreviation ("Mr"), the sentence's first word.
    ['he met President Ri Son Gwon', 'O O O B-PER I-PER I-PER', 'O O O B-PER I-PER I-PER'],
    ['he met President Ri', 'O O O B-PER', 'O O O B-PER'],
    ['aid for Mr Ri arrived', 'O O O B-PER O', 'O O O B-PER O'],
    // A title opening a name is left out of it; a first name that looks like an abbreviation is not.
    ['threats from Mr Kim grew', 'O O B-PER I-PER O', 'O O O B-PER O'],
    ['Gen. Hwang spoke', 'B-PER I-PER O', 'O B-PER O'],
    ['Jan Novak scored', 'B-PER I-PER O', 'B-PER I-PER O'],
    ['Hwang Kyo-ahn said', 'O B-PER O', 'O B-PER O'],
    // Must not: a word already tagged, or a title-cased heading.
    ['in Seoul Ri said', 'O B-LOC B-PER O', 'O B-LOC B-PER O'],
    ['Talks With Kang Ri', 'O O O B-PER', 'O O O B-PER'],
  ];
  it.each(rows)('%s', (sentence, tags, expected) => {
    expect(repairPersons(sentence.split(' '), tags.split(' '), (w) => common.has(w)).join(' ')).toBe(
      expected,
    );
  });
});

describe('repairCountries', () => {
  const countries = new Set(['United Arab Emirates', 'Lithuania']);
  const rows: [string, string, string][] = [
    ['hosted by the United Arab Emirates .', 'O O O B-ORG I-ORG I-ORG O', 'O O O B-LOC I-LOC I-LOC O'],
    ['Lithuania beat Latvia', 'B-ORG O B-LOC', 'B-LOC O B-LOC'],
    // Must not: an organisation that only contains a country's name, or a person.
    ['the Bank of Lithuania said', 'O B-ORG I-ORG I-ORG O', 'O B-ORG I-ORG I-ORG O'],
    ['Lithuania Jones scored', 'B-PER I-PER O', 'B-PER I-PER O'],
  ];
  it.each(rows)('%s', (sentence, tags, expected) => {
    expect(repairCountries(sentence.split(' '), tags.split(' '), (n) => countries.has(n)).join(' ')).toBe(
      expected,
    );
  });
});

describe('repairKoreanNames', () => {
  const names = {
    surnames: new Set(['Pak', 'Kim', 'Ri', 'Choe']),
    syllables: new Set(['chol', 'su', 'jong', 'un', 'il', 'sung', 'ryong', 'hae', 'son', 'gwon']),
  };
  const rows: [string, string, string][] = [
    ['envoy Pak Chol Su met officials', 'O B-ORG I-ORG I-ORG O O', 'O B-PER I-PER I-PER O O'],
    ["Kim Jong-un 's sister", 'B-MISC I-MISC O O', 'B-PER I-PER O O'],
    ['with Choe Ryong-Hae .', 'O O B-PER O', 'O B-PER I-PER O'],
    ['he met Ri Son Gwon', 'O O B-MISC I-MISC I-MISC', 'O O B-PER I-PER I-PER'],
    // Must not: a capitalised word after the name, a surname inside a longer name, an unknown syllable.
    ['at Kim Il Sung Square', 'O B-LOC I-LOC I-LOC I-LOC', 'O B-LOC I-LOC I-LOC I-LOC'],
    ['the Bank of Kim Jong-un', 'O B-ORG I-ORG I-ORG I-ORG', 'O B-ORG I-ORG I-ORG I-ORG'],
    ['Pak Chol Smith spoke', 'B-PER I-PER I-PER O', 'B-PER I-PER I-PER O'],
    ['Kim Basinger starred', 'B-PER I-PER O', 'B-PER I-PER O'],
    ['Kim said', 'B-PER O', 'B-PER O'],
  ];
  it.each(rows)('%s', (sentence, tags, expected) => {
    expect(repairKoreanNames(sentence.split(' '), tags.split(' '), names).join(' ')).toBe(expected);
  });
});
