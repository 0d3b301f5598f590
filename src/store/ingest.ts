/**
 * Ingest into a store: raw articles -> skip those whose content hash and pipeline version are
 * already stored -> analysis (the pipeline's `analyzeRaws`, in input order) -> batched writes,
 * each batch one transaction. A killed run loses at most the batch in flight; the next run
 * skips what was committed and redoes the rest. One document's failure, thrown or returned, is
 * counted and reported and never stops the others.
 */
import { failure, toJson, type Doc, type Failure, type Result } from '../doc/index.js';
import { contentHash, type HashedOptions } from '../ingest/content-hash.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { analyzeRaws, type AnalyzeOptions } from '../pipeline/index.js';
import type { IngestSummary, PutOutcome, Store, StoredArticle } from './types.js';

export interface IngestIntoOptions extends AnalyzeOptions, HashedOptions {
  readonly pipelineVersion: string;
  readonly jobs?: number;
  /** Articles per write transaction (default 50). */
  readonly batchSize?: number;
  /** A batch is written at least this often, however small (default 2000 ms). */
  readonly flushMs?: number;
  readonly now?: () => Date;
  /** Told of every input as it is settled, for progress bars and error lines. */
  readonly onSettled?: (event: SettledEvent) => void;
}

export type SettledEvent =
  | { readonly kind: 'unchanged'; readonly id: string }
  | { readonly kind: 'stored'; readonly id: string; readonly outcome: PutOutcome }
  | { readonly kind: 'failed'; readonly failure: Failure };

/** What the analysis needs to know again when its result comes back. */
export interface Pending {
  readonly input: string;
  readonly hash: string | null;
  readonly url: string | null;
  readonly source: string | null;
}

const LOOKUP_CHUNK = 32;

/** An analysed document as the store keeps it (the queue's workers build theirs the same way). */
export function storedArticle(doc: Doc, pending: Pending, version: string, at: string): StoredArticle {
  return {
    ...toJson(doc),
    url: doc.meta.url ?? pending.url,
    source: doc.meta.source ?? pending.source,
    hash: pending.hash ?? '',
    pipeline_version: version,
    ingested_at: at,
  };
}

/** An ingest summary counting settled inputs, each event passed on to `onSettled` as it counts. */
export function ingestCounts(onSettled?: (event: SettledEvent) => void): {
  summary: IngestSummary;
  settle: (event: SettledEvent) => void;
} {
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, failed: 0, articles: 0 };
  const settle = (event: SettledEvent): void => {
    if (event.kind === 'stored') summary[event.outcome]++;
    else summary[event.kind]++;
    onSettled?.(event);
  };
  return { summary, settle };
}

export async function ingestInto(
  store: Store,
  raws: AsyncIterable<Result<RawArticle>>,
  opts: IngestIntoOptions,
): Promise<IngestSummary> {
  const { summary, settle } = ingestCounts(opts.onSettled);
  const pending: Pending[] = [];

  async function* toAnalyse(): AsyncGenerator<Result<RawArticle>> {
    let chunk: Result<RawArticle>[] = [];
    async function* release(): AsyncGenerator<Result<RawArticle>> {
      const oks = chunk.flatMap((r) => (r.ok ? [r.value] : []));
      const stored = await store.articleVersions([...new Set(oks.map((r) => r.id))]);
      for (const r of chunk) {
        if (!r.ok) {
          pending.push({ input: r.error.input, hash: null, url: null, source: null });
          yield r;
          continue;
        }
        const hash = contentHash(r.value, opts);
        const old = stored.get(r.value.id);
        if (old && old.hash === hash && old.pipeline_version === opts.pipelineVersion) {
          settle({ kind: 'unchanged', id: r.value.id });
          continue;
        }
        pending.push({
          input: r.value.input,
          hash,
          url: r.value.url ?? null,
          source: r.value.source ?? null,
        });
        yield r;
      }
      chunk = [];
    }
    for await (const raw of raws) {
      chunk.push(raw);
      if (chunk.length >= LOOKUP_CHUNK) yield* release();
    }
    yield* release();
  }

  const batchSize = Math.max(1, opts.batchSize ?? 50);
  const flushMs = opts.flushMs ?? 2000;
  const now = opts.now ?? (() => new Date());
  let batch: StoredArticle[] = [];
  let lastFlush = Date.now();
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const written = batch;
    batch = [];
    lastFlush = Date.now();
    const outcomes = await store.putArticles(written);
    outcomes.forEach((outcome, i) => settle({ kind: 'stored', id: written[i]!.id, outcome }));
  };

  for await (const result of analyzeRaws(toAnalyse(), opts)) {
    const input = result.ok ? result.value.id : result.error.input;
    // Results come back in input order; a result the pipeline made up itself (its input source
    // failed) has no pending entry of its own.
    const matches = pending.length > 0 && (!result.ok ? pending[0]!.input === input : true);
    const meta = matches ? pending.shift()! : { input, hash: null, url: null, source: null };
    if (!result.ok) {
      settle({ kind: 'failed', failure: result.error });
      continue;
    }
    try {
      batch.push(storedArticle(result.value, meta, opts.pipelineVersion, now().toISOString()));
    } catch (err) {
      settle({ kind: 'failed', failure: failure(meta.input, 'E_INVARIANT', (err as Error).message) });
    }
    if (batch.length >= batchSize || Date.now() - lastFlush >= flushMs) await flush();
  }
  await flush();
  summary.articles = await store.countArticles();
  return summary;
}
