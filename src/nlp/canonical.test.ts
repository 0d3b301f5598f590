// Canonical forms within one document: spelling variants, short person mentions, countries.
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../doc/index.js';
import { canonicalForms } from './canonical.js';

describe('canonicalForms', () => {
  const rows: [string, [string, EntityType][], string[]][] = [
    [
      'spelling variants meet; the hyphenated form wins',
      [
        ['Choe Ryong Hae', 'PERSON'],
        ['Choe Ryong-hae', 'PERSON'],
      ],
      ['Choe Ryong-hae', 'Choe Ryong-hae'],
    ],
    [
      'a short mention takes the full name it is part of',
      [
        ['Hyon Yong-chol', 'PERSON'],
        ['Hyon', 'PERSON'],
      ],
      ['Hyon Yong-chol', 'Hyon Yong-chol'],
    ],
    ['a country takes its common name', [['N Korea', 'GPE']], ['North Korea']],
    // Must not merge: different types, or a short name that is not part of the longer one.
    [
      'a person does not take an organisation name',
      [
        ['Choe', 'PERSON'],
        ['Choe Group', 'ORG'],
      ],
      ['Choe', 'Choe Group'],
    ],
    [
      'unrelated names stay apart',
      [
        ['Kim Jong-un', 'PERSON'],
        ['Choe', 'PERSON'],
      ],
      ['Kim Jong-un', 'Choe'],
    ],
  ];
  it.each(rows)('%s', (_name, mentions, expected) => {
    expect(canonicalForms(mentions.map(([text, type]) => ({ text, type })))).toEqual(expected);
  });
});
