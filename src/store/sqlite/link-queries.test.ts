// The profile's article list: newest first as SQLite reads it, turned into date order.
import { describe, expect, it } from 'vitest';
import { inDateOrder } from './link-queries.js';

describe('inDateOrder', () => {
  it('puts dated rows oldest first, ties by id, undated last by id', () => {
    const newestFirst = [
      { id: 'c', published: '2024-03-01' },
      { id: 'b', published: '2024-01-01' },
      { id: 'a', published: '2024-01-01' },
      { id: 'z', published: null },
      { id: 'y', published: null },
    ];
    expect(inDateOrder(newestFirst)).toEqual(['a', 'b', 'c', 'y', 'z']);
  });

  it('handles all dated, all undated and none', () => {
    expect(
      inDateOrder([
        { id: 'b', published: '2024' },
        { id: 'a', published: '2023' },
      ]),
    ).toEqual(['a', 'b']);
    expect(
      inDateOrder([
        { id: 'b', published: null },
        { id: 'a', published: null },
      ]),
    ).toEqual(['a', 'b']);
    expect(inDateOrder([])).toEqual([]);
  });
});
