import { describe, expect, it } from 'vitest';
import { FeatureTable, joinFeature, type FeatureParts } from './feature-table.js';

describe('FeatureTable', () => {
  const keys = ['b', 'w the', 'tw NN dog', 'ww -START- the', 'p é', 's 😀x', ''];
  // Enough keys that probes run past occupied slots.
  const many = Array.from({ length: 5000 }, (_, i) => `w+ word${i} w${i % 7}`);
  const table = new FeatureTable([...keys, ...many].map((k, i) => [k, i * 64 + 3] as const));

  it('finds every key, whole and in parts, with its value', () => {
    [...keys, ...many].forEach((k, i) => expect(table.get(k)).toBe(i * 64 + 3));
    expect(table.find('tw ', 'NN', 'dog')).toBe(2 * 64 + 3);
    expect(table.find('ww ', '-START-', 'the')).toBe(3 * 64 + 3);
    expect(table.find('w+ ', 'word42', 'w0')).toBe((keys.length + 42) * 64 + 3);
  });

  it('answers -1 or undefined for what it does not hold, prefixes and extensions included', () => {
    const absent: FeatureParts[] = [
      ['w ', 'th'],
      ['w ', 'thee'],
      ['tw ', 'NN', 'do'],
      ['tw ', 'NN dog', ''],
      ['tw ', 'NNdog'],
      ['w+ ', 'word42', 'w1'],
    ];
    for (const parts of absent) {
      expect(table.find(...parts)).toBe(-1);
      expect(table.get(joinFeature(parts))).toBeUndefined();
    }
  });

  it('gives back its keys and entries in insertion order', () => {
    expect([...table.keys()].slice(0, keys.length)).toEqual(keys);
    expect(table.size).toBe(keys.length + many.length);
    expect([...table][2]).toEqual(['tw NN dog', 2 * 64 + 3]);
  });
});
