// BoundedCache: never more than its limit, keeps what is used, forgets what is not.
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('holds at most its limit however many keys go in', () => {
    const cache = new BoundedCache<number, number>(100);
    for (let i = 0; i < 10_000; i++) {
      cache.set(i, i * 2);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.get(9_999)).toBe(19_998);
    expect(cache.get(0)).toBeUndefined();
  });

  it('keeps a key that is read while others stream past', () => {
    const cache = new BoundedCache<string, string>(10);
    cache.set('often', 'kept');
    for (let i = 0; i < 1_000; i++) {
      cache.set(`once-${i}`, 'x');
      expect(cache.get('often')).toBe('kept');
    }
  });

  it('returns undefined for a key never set', () => {
    expect(new BoundedCache<string, number>(4).get('nothing')).toBeUndefined();
  });
});
