/**
 * A map that holds at most `limit` entries, for caches of values that can always be computed
 * again (so what it forgets changes speed, never results). Two generations: new entries go to
 * the young map; when it holds `limit / 2`, it becomes the old map and the previous old map is
 * dropped; a hit in the old map moves the entry back to the young one. Frequent keys stay, rare
 * ones age out, and each look-up costs one or two Map reads (no per-hit bookkeeping as an LRU
 * list needs).
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly half: number;

  constructor(readonly limit: number) {
    this.half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Forgets every entry (what it held is no longer true). */
  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  /** Entries held (a key promoted from the old map counts once per map until the old one goes). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
