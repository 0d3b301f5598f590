/**
 * URLs and feeds to `Result<RawArticle>`, in input order. Pages are fetched several at a time
 * (the fetcher keeps each host to its own limit) while results still come out in order. A feed
 * (RSS 2.0 or Atom, a file or a URL) is parsed with @rowanmanning/feed-parser; items whose URL
 * the store already holds are not fetched again. An article's id is its host plus a digest of
 * its URL, so the same URL is the same article on every run.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseFeed } from '@rowanmanning/feed-parser';
import { fail, failure, ok, type Result } from '../doc/index.js';
import type { Fetcher } from './fetch.js';
import type { RawArticle } from './raw-article.js';
import { rawFromBytes } from './read-inputs.js';

export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/** Pages in flight at once across all hosts (each host is also held to the fetcher's limit). */
const IN_FLIGHT = 8;

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function idFromUrl(url: string): string {
  const digest = createHash('sha256').update(url).digest('hex').slice(0, 12);
  return `${hostOf(url) ?? 'url'}-${digest}`;
}

/** Yields `fn(item)` for each item in order, with up to `limit` calls running at once. */
export async function* mapOrdered<T, U>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  fn: (item: T) => Promise<U>,
): AsyncGenerator<U> {
  const running: Promise<U>[] = [];
  for await (const item of items) {
    running.push(fn(item));
    if (running.length >= limit) yield await running.shift()!;
  }
  while (running.length) yield await running.shift()!;
}

export interface WebItem {
  readonly url: string;
  /** How failures name it: the URL, or `FEED#N` for a feed's item. */
  readonly input: string;
  readonly title?: string | null;
  readonly published?: string | null;
}

async function fetchArticle(fetcher: Fetcher, item: WebItem): Promise<Result<RawArticle>> {
  const page = await fetcher.fetch(item.url, item.input, 'page');
  if (!page.ok) return page;
  const kind = /text\/plain/i.test(page.value.contentType) ? 'text' : 'html';
  return rawFromBytes(page.value.bytes, idFromUrl(item.url), item.input, kind, {
    url: item.url,
    source: hostOf(item.url),
    title: item.title ?? null,
    published: item.published ?? null,
  });
}

/** Fetches each item's page, in order. */
export function readPages(fetcher: Fetcher, items: Iterable<WebItem> | AsyncIterable<WebItem>) {
  return mapOrdered(items, IN_FLIGHT, (item) => fetchArticle(fetcher, item));
}

/** The items of one feed, from a file or a URL. */
export async function readFeedItems(feed: string, fetcher: Fetcher): Promise<Result<WebItem[]>> {
  let xml: string;
  if (isUrl(feed)) {
    const got = await fetcher.fetch(feed, feed, 'feed');
    if (!got.ok) return got;
    xml = Buffer.from(got.value.bytes).toString('utf8');
  } else {
    try {
      xml = await readFile(feed, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return fail(failure(feed, code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_UNREADABLE', code));
    }
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (err) {
    return fail(failure(feed, 'E_BAD_FEED', (err as Error).message));
  }
  const items: WebItem[] = [];
  parsed.items.forEach((item, i) => {
    const url = item.url ?? (item.id && isUrl(item.id) ? item.id : null);
    if (url)
      items.push({
        url,
        input: `${feed}#${i + 1}`,
        title: item.title,
        published: (item.published ?? item.updated)?.toISOString() ?? null,
      });
  });
  return ok(items);
}

export interface ReadFeedsOptions {
  /** The item URLs already stored (they are skipped, not fetched). */
  readonly known: (urls: readonly string[]) => Promise<Set<string>>;
  readonly onKnown?: (url: string) => void;
  /** Told how many items a feed will yield, once it is parsed (progress bars). */
  readonly onItems?: (count: number) => void;
}

/**
 * Every item of every feed whose URL the store does not hold yet; a feed that cannot be read is
 * one failure. (`storyline ingest --queue` queues these for workers to fetch.)
 */
export async function* newFeedItems(
  feeds: readonly string[],
  fetcher: Fetcher,
  opts: ReadFeedsOptions,
): AsyncGenerator<Result<WebItem>> {
  for (const feed of feeds) {
    const items = await readFeedItems(feed, fetcher);
    if (!items.ok) {
      yield fail(items.error);
      continue;
    }
    const known = await opts.known(items.value.map((i) => i.url));
    const fresh = items.value.filter((i) => {
      if (known.has(i.url)) opts.onKnown?.(i.url);
      return !known.has(i.url);
    });
    opts.onItems?.(fresh.length);
    for (const item of fresh) yield ok(item);
  }
}

/** Every new item of every feed, fetched; a feed that cannot be read is one failure. */
export function readFeeds(
  feeds: readonly string[],
  fetcher: Fetcher,
  opts: ReadFeedsOptions,
): AsyncGenerator<Result<RawArticle>> {
  return mapOrdered(newFeedItems(feeds, fetcher, opts), IN_FLIGHT, async (item) =>
    item.ok ? fetchArticle(fetcher, item.value) : fail<RawArticle>(item.error),
  );
}
