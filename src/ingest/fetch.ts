/**
 * Fetching pages and feeds over HTTP(S), politely and within limits: a timeout per attempt, a
 * size cap read from the stream (never trusting Content-Length alone), a few retries with
 * exponential backoff on timeouts, network errors and 408/429/5xx (honouring Retry-After),
 * redirects followed by hand so loops are caught, at most `perHost` requests to one host at a
 * time, and a User-Agent that says who is asking. Never throws: every outcome is a `Result`.
 */
import { fail, failure, ok, type Result } from '../doc/index.js';
import { DEFAULT_MAX_BYTES } from './raw-article.js';

export const USER_AGENT = 'Storyline/0.1.0 (news analysis; fetches article pages to analyse offline)';

export interface FetchOptions {
  /** Per attempt, headers and body together (default 20 s). */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Further attempts after the first (default 3). */
  readonly retries?: number;
  /** First backoff; doubles each retry (default 500 ms). */
  readonly backoffMs?: number;
  /** Longest wait a server's Retry-After may impose (default 30 s). */
  readonly maxRetryAfterMs?: number;
  readonly perHost?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

export interface FetchedPage {
  /** Where the body came from, after redirects. */
  readonly url: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export type Accept = 'page' | 'feed';

const RETRY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)/i;
const FEED_TYPES = /^(application\/(rss\+|atom\+)?xml|text\/xml|text\/plain|text\/html)/i;
const ACCEPT: Record<Accept, string> = {
  page: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
  feed: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8',
};

type Attempt =
  { ok: true; page: FetchedPage } | { ok: false; retry: boolean; waitMs?: number; error: Result<never> };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** At most `limit` holders per key; the others wait in arrival order. */
class KeyedLimiter {
  private readonly slots = new Map<string, { active: number; waiting: (() => void)[] }>();
  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { active: 0, waiting: [] }));
    if (slot.active >= this.limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.active++;
    try {
      return await task();
    } finally {
      slot.active--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.active === 0) this.slots.delete(key);
    }
  }
}

function retryAfterMs(header: string | null, cap: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), cap) : undefined;
}

export class Fetcher {
  private readonly limiter: KeyedLimiter;
  private readonly o: Required<FetchOptions>;

  constructor(opts: FetchOptions = {}) {
    this.o = {
      timeoutMs: opts.timeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 500,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 30_000,
      perHost: Math.max(1, opts.perHost ?? 2),
      maxRedirects: opts.maxRedirects ?? 5,
      userAgent: opts.userAgent ?? USER_AGENT,
    };
    this.limiter = new KeyedLimiter(this.o.perHost);
  }

  /** Fetches `url`; `input` names it in failures (the URL, or the feed item it came from). */
  async fetch(url: string, input: string, accept: Accept = 'page'): Promise<Result<FetchedPage>> {
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      let target: URL;
      try {
        target = new URL(current);
      } catch {
        return fail(failure(input, 'E_FETCH', `not a URL: ${current}`));
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        return fail(
          failure(input, 'E_FETCH', `only http and https addresses can be fetched, not ${target.protocol}`),
        );
      if (seen.has(target.href)) return fail(failure(input, 'E_FETCH', `redirect loop at ${target.href}`));
      seen.add(target.href);
      const res = await this.withRetries(target, input, accept);
      if (!res.ok || !('location' in res.value)) return res as Result<FetchedPage>;
      if (hop >= this.o.maxRedirects)
        return fail(failure(input, 'E_FETCH', `more than ${this.o.maxRedirects} redirects`));
      current = new URL(res.value.location, target).href;
    }
  }

  private async withRetries(
    target: URL,
    input: string,
    accept: Accept,
  ): Promise<Result<FetchedPage | { location: string }>> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.limiter.run(target.host, () => this.attempt(target, input, accept));
      if ('location' in outcome) return ok(outcome);
      if (outcome.ok) return ok(outcome.page);
      if (!outcome.retry || attempt >= this.o.retries) return outcome.error;
      await sleep(outcome.waitMs ?? this.o.backoffMs * 2 ** attempt);
    }
  }

  private async attempt(target: URL, input: string, accept: Accept): Promise<Attempt | { location: string }> {
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    const timedOut = () => ({
      ok: false as const,
      retry: true,
      error: fail<never>(failure(input, 'E_FETCH', `no complete answer within ${this.o.timeoutMs} ms`)),
    });
    let res: Response;
    try {
      res = await fetch(target, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': this.o.userAgent, accept: ACCEPT[accept] },
      });
    } catch (err) {
      if (signal.aborted) return timedOut();
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return {
        ok: false,
        retry: true,
        error: fail(failure(input, 'E_FETCH', cause?.code ?? cause?.message ?? (err as Error).message)),
      };
    }
    const location = res.headers.get('location');
    if (REDIRECT_STATUS.has(res.status) && location) {
      await res.body?.cancel();
      return { location };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return {
        ok: false,
        retry: RETRY_STATUS.has(res.status),
        waitMs: retryAfterMs(res.headers.get('retry-after'), this.o.maxRetryAfterMs),
        error: fail(failure(input, 'E_HTTP', `${res.status} ${res.statusText}`.trim())),
      };
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType && !(accept === 'page' ? PAGE_TYPES : FEED_TYPES).test(contentType)) {
      await res.body?.cancel();
      return { ok: false, retry: false, error: fail(failure(input, 'E_NOT_PAGE', contentType)) };
    }
    const tooLarge = () => ({
      ok: false as const,
      retry: false,
      error: fail<never>(failure(input, 'E_TOO_LARGE', `more than ${this.o.maxBytes} bytes`)),
    });
    if (Number(res.headers.get('content-length') ?? 0) > this.o.maxBytes) {
      await res.body?.cancel();
      return tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body ?? []) {
        size += chunk.byteLength;
        if (size > this.o.maxBytes) return tooLarge(); // leaving the loop cancels the stream
        chunks.push(chunk);
      }
    } catch (err) {
      if (signal.aborted) return timedOut();
      return { ok: false, retry: true, error: fail(failure(input, 'E_FETCH', (err as Error).message)) };
    }
    return { ok: true, page: { url: target.href, contentType, bytes: Buffer.concat(chunks) } };
  }
}
