import { describe, expect, it } from 'vitest';
import type { StoryState } from './stories.js';
import { MemoryStoryIndex } from './story-index.js';

const story = (id: string, last: string | null): StoryState => ({
  id,
  first: last,
  last,
  size: 1,
  centroid: [],
});

function indexOf(stories: [StoryState, string[]][], perKey = 2): MemoryStoryIndex {
  const index = new MemoryStoryIndex(perKey);
  for (const [s, keys] of stories) index.put(s, keys);
  return index;
}

describe('MemoryStoryIndex', () => {
  const stories: [StoryState, string[]][] = [
    [story('s1', '2024-01-05'), ['w:oslo', 'e:rask']],
    [story('s2', '2024-03-01'), ['w:oslo']],
    [story('s3', null), ['w:oslo', 'w:quota']],
    [story('s4', '2024-03-01'), ['w:oslo']],
    [story('s5', '2023-12-31'), ['e:rask']],
  ];

  it.each([
    ['the latest stories under a key, ties by id', ['w:oslo'], ['s2', 's4']],
    ['undated stories come after dated ones', ['w:quota'], ['s3']],
    ['the union over keys, by id', ['w:oslo', 'e:rask'], ['s1', 's2', 's4', 's5']],
    ['a key held by nothing', ['w:fjord'], []],
    ['no keys', [], []],
  ])('%s', (_name, probe, expected) => {
    expect(
      indexOf(stories)
        .candidates(probe)
        .map((s) => s.id),
    ).toEqual(expected);
  });

  it('reaches undated stories once fewer dated ones hold the key than the limit', () => {
    expect(
      indexOf(stories, 4)
        .candidates(['w:oslo'])
        .map((s) => s.id),
    ).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('re-indexes a changed story under its new keys and its new date', () => {
    const index = indexOf(stories);
    index.put({ ...story('s1', '2024-04-01'), size: 2 }, ['w:quota']);
    expect(index.candidates(['w:quota']).map((s) => [s.id, s.size])).toEqual([
      ['s1', 2],
      ['s3', 1],
    ]);
    expect(index.candidates(['e:rask']).map((s) => s.id)).toEqual(['s5']);
    expect(index.get('s1')?.last).toBe('2024-04-01');
    expect(index.size).toBe(5);
  });

  it('counts a key given twice once', () => {
    const index = indexOf([[story('s1', '2024-01-01'), ['w:oslo', 'w:oslo']]]);
    index.put(story('s1', '2024-01-02'), ['w:fjord']);
    expect(index.candidates(['w:oslo'])).toEqual([]);
  });
});
