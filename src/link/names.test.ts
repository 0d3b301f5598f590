import { describe, expect, it } from 'vitest';
import { nameKey, nameWords } from './names.js';

describe('nameKey', () => {
  it.each([
    ['Choe Ryong-hae', 'Choe Ryong Hae'],
    ['Kim Jong-un', 'Kim Jong Un'],
    ['Pak Chol-Su', 'Pak Chol-su'],
    ['Renée Lindqvist', 'Renee Lindqvist'],
    ['Marek Zieliński', 'MAREK ZIELINSKI'],
    ["Workers' Party", 'Workers Party'],
    ['the United Nations', 'United Nations'],
    ["Putin's", 'Putin'],
  ])('%s and %s meet', (a, b) => expect(nameKey(a)).toBe(nameKey(b)));

  it.each([
    ['Kim Jong-un', 'Kim Yong-nam'],
    ['Park Chung-hee', 'Park Geun-hye'],
    ['Pak Chol-su', 'Pak Myong-ho'],
  ])('%s and %s stay apart', (a, b) => expect(nameKey(a)).not.toBe(nameKey(b)));

  it('splits into folded words', () => {
    expect(nameWords("Vice-Marshal Choe's")).toEqual(['vice', 'marshal', 'choe']);
  });
});
