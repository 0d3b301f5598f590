/**
 * `POST /api/analyze`: text or HTML in, the analyze contract out, run by the `Analyzer` (worker
 * threads) under a body-size limit and a time limit. The article is stored only when the request
 * asks (`"store": true`), as a `StoredArticle` whose id defaults to a hash of the input, so
 * storing the same input twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { DocJson } from '../../doc/index.js';
import type { StoredArticle } from '../../store/types.js';
import { AnalyzerBusyError, type Analyzer } from '../analyzer.js';
import { ApiError, STATUS_OF, errorResponses, json, type ApiErrorCode } from '../responses.js';
import { AnalyzeRequest, AnalyzeResponse } from '../schemas.js';
import type { ExplorerApp, ExplorerStore } from '../types.js';

/** Recorded on articles stored through the API (the CLI's version). */
const PIPELINE_VERSION = 'storyline 0.1.0';

export interface AnalyzeLimits {
  /** Largest request body accepted, in bytes. */
  readonly maxBytes: number;
  /** Longest an analysis may run before the request fails with E_TIMEOUT. */
  readonly timeoutMs: number;
}

type AnalyzeBody = z.infer<typeof AnalyzeRequest>;

function storedArticle(doc: DocJson, body: AnalyzeBody, hash: string, now: Date): StoredArticle {
  return {
    ...doc,
    url: body.url ?? null,
    source: body.source ?? null,
    hash,
    pipeline_version: PIPELINE_VERSION,
    ingested_at: now.toISOString(),
  };
}

const isAbort = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');

export function registerAnalyzeRoute(
  app: ExplorerApp,
  deps: { store: ExplorerStore; analyzer: Analyzer; limits: AnalyzeLimits; now: () => Date },
): void {
  const { store, analyzer, limits, now } = deps;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/analyze',
      summary: 'Analyses one article given as text or HTML; stores it only when asked',
      middleware: [
        bodyLimit({
          maxSize: limits.maxBytes,
          onError: () => {
            throw new ApiError('E_TOO_LARGE', `the limit is ${limits.maxBytes} bytes`);
          },
        }),
      ] as const,
      request: { body: { content: { 'application/json': { schema: AnalyzeRequest } }, required: true } },
      responses: { 200: json(AnalyzeResponse, 'the analysis'), ...errorResponses(413, 422, 503, 504) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const content = body.text ?? body.html ?? '';
      const hash = createHash('sha256')
        .update(JSON.stringify([content, body.html !== undefined, body.published, body.url, body.source]))
        .digest('hex');
      const input = {
        content,
        html: body.html !== undefined,
        id: body.id ?? `a-${hash.slice(0, 16)}`,
        published: body.published ?? null,
        url: body.url ?? null,
        anyLanguage: body.any_language ?? false,
      };
      let result;
      try {
        result = await analyzer.analyze(input, AbortSignal.timeout(limits.timeoutMs));
      } catch (err) {
        if (err instanceof AnalyzerBusyError) throw new ApiError('E_BUSY');
        if (isAbort(err)) throw new ApiError('E_TIMEOUT', `the limit is ${limits.timeoutMs} ms`);
        throw err;
      }
      if (!result.ok) {
        const { code, message } = result.error;
        throw new ApiError(code in STATUS_OF ? (code as ApiErrorCode) : 'E_BAD_REQUEST', undefined, message);
      }
      const article = result.value;
      const [stored] = body.store
        ? await store.putArticles([storedArticle(article, body, hash, now())])
        : [null];
      return c.json({ article, stored: stored ?? null }, 200);
    },
  );
}
