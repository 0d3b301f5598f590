/**
 * Answers of `GET /api/` kept between requests. The explorer's pages ask the same questions
 * again and again (a timeline, a profile, a search), and an answer changes only when the store
 * does, so each body is kept under its path and query for one store version
 * (`Store.contentVersion`): a new version drops them all. Bounded by bytes, the least recently
 * used dropped first (docs/limits.md); what it forgets changes speed, never an answer.
 */
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/types.js';

export interface CachedAnswer {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

export interface ResponseCacheLimits {
  /** Bytes of bodies kept in all. */
  readonly maxBytes: number;
  /** A larger body is not kept (a 5,000-event timeline would push out hundreds of pages). */
  readonly maxEntryBytes: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 4 * 1024 * 1024,
};

export class ResponseCache {
  private version: string | null = null;
  /** In use order: a Map iterates in insertion order, and a hit is moved to the end. */
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(readonly limits: ResponseCacheLimits = DEFAULT_RESPONSE_CACHE) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(version: string, key: string): CachedAnswer | undefined {
    if (version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: string, key: string, answer: CachedAnswer): void {
    if (version !== this.version) this.clear(version);
    const size = answer.body.byteLength + key.length;
    if (size > this.limits.maxEntryBytes || size > this.limits.maxBytes) return;
    this.remove(key);
    for (const oldest of this.entries.keys()) {
      if (this.bytes + size <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
    this.entries.set(key, answer);
    this.bytes += size;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.byteLength + key.length;
  }

  private clear(version: string): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}

/** The request's path and query: the cache key (the host and scheme never change an answer). */
const pathAndQuery = (url: string): string => url.slice(url.indexOf('/', url.indexOf('//') + 2));

/**
 * Middleware answering repeated `GET`s from `cache`. Only 200 JSON answers are kept, and only
 * when the store's version was the same before and after computing them (no write in between).
 * A store that cannot name its version (no `contentVersion`, or null) is always asked.
 */
export function cachedAnswers(store: Pick<Store, 'contentVersion'>, cache: ResponseCache): MiddlewareHandler {
  const version = async () => (store.contentVersion ? store.contentVersion() : null);
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const before = await version();
    if (before === null) return next();
    const key = pathAndQuery(c.req.url);
    const hit = cache.get(before, key);
    if (hit) return c.body(hit.body, 200, { 'Content-Type': hit.contentType });
    await next();
    const contentType = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !contentType.startsWith('application/json')) return;
    const answered = c.res;
    const body = new Uint8Array(await answered.arrayBuffer());
    // Unset first: replacing a response re-wraps its body as a stream.
    c.res = undefined;
    c.res = new Response(body, answered);
    if ((await version()) === before) cache.set(before, key, { body, contentType });
  };
}
