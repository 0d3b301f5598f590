/**
 * The content hash of one input: sha256 over the input as read plus every field that can change
 * its analysis (metadata and the extraction options). Equal hash and pipeline version mean the
 * stored analysis is still right, so re-ingesting the input writes nothing.
 */
import { createHash } from 'node:crypto';
import type { RawArticle } from './raw-article.js';

export interface HashedOptions {
  readonly noClean?: boolean;
  readonly anyLanguage?: boolean;
  readonly published?: string | null;
}

export function contentHash(raw: RawArticle, opts: HashedOptions = {}): string {
  const fields = [
    raw.id,
    raw.html !== undefined ? 'html' : 'text',
    raw.html ?? raw.text ?? '',
    raw.title ?? null,
    raw.published ?? null,
    raw.url ?? null,
    raw.source ?? null,
    opts.noClean ?? false,
    opts.anyLanguage ?? false,
    opts.published ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
