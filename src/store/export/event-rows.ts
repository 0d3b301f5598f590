/**
 * What every per-event export needs from a stored article: its events with a stable id, the
 * evidence text, and the dates split by granularity. Shared by the CSV, GDELT and PLOVER
 * formats so they agree on ids and dates.
 */
import { createHash } from 'node:crypto';
import type { Event } from '../../doc/index.js';
import type { StoredArticle } from '../types.js';

export interface ArticleEvent {
  readonly article: StoredArticle;
  readonly event: Event;
  /** `ARTICLE-eN`, N from 1 in the article's event order. */
  readonly id: string;
  readonly evidence: string;
}

export function articleEvents(article: StoredArticle): ArticleEvent[] {
  return (article.events ?? []).map((event, i) => ({
    article,
    event,
    id: `${article.id}-e${i + 1}`,
    evidence: article.body.slice(event.evidence.start, event.evidence.end),
  }));
}

/** A stable positive integer id (52 bits of sha256) for formats that need numbers. */
export function numericId(id: string): number {
  return parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16);
}

export interface DateParts {
  readonly year: string | null;
  readonly month: string | null;
  readonly day: string | null;
}

/** The calendar parts a TIMEX3 value states; nothing it does not state. */
export function dateParts(value: string | null): DateParts {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\dW])/.exec(value ?? '');
  return { year: m?.[1] ?? null, month: m?.[2] ?? null, day: m?.[3] ?? null };
}

/** `YYYY-MM-DD` when the value names a day, else null. */
export function dayOf(value: string | null): string | null {
  const { year, month, day } = dateParts(value);
  return year && month && day ? `${year}-${month}-${day}` : null;
}
