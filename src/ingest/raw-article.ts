/**
 * `RawArticle`: one input as ingest found it, before extraction. Ingest only reads and
 * decodes; it never interprets the page, so every field here is as the input gave it.
 */
import type { Issue } from '../doc/index.js';

export interface RawArticle {
  readonly id: string;
  /** How the user named the input (path, `-`, `F.jsonl:LINE`), for error lines. */
  readonly input: string;
  readonly text?: string;
  readonly html?: string;
  readonly published?: string | null;
  /** A headline the input gives (manifest `title`, feed item); extraction prefers it. */
  readonly title?: string | null;
  readonly url?: string | null;
  readonly source?: string | null;
  /** Non-fatal problems met while reading (e.g. invalid bytes replaced); copied onto the doc. */
  readonly issues?: readonly Issue[];
}

export interface IngestOptions {
  /** Inputs larger than this many bytes fail with E_TOO_LARGE (default 20 MB). */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
