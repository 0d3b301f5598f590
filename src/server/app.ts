/**
 * `createApp`: the explorer's HTTP API and web app as one Hono app, coded only against the
 * `Store & LinkQueries` interfaces. Routes live under `/api/`, validated by the zod schemas that
 * also generate `/api/openapi.json`; every error is `{error: {code, message}}` with its status.
 * The app never listens by itself (see listen.ts), so tests drive it with `app.request()`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Analyzer } from './analyzer.js';
import { ApiError, errorBody, STATUS_OF } from './responses.js';
import { registerAnalyzeRoute, type AnalyzeLimits } from './routes/analyze.js';
import { registerCorpusRoutes } from './routes/corpus.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerEventRoutes } from './routes/events.js';
import {
  cachedAnswers,
  DEFAULT_RESPONSE_CACHE,
  ResponseCache,
  type ResponseCacheLimits,
} from './response-cache.js';
import { corsFor, requireBearer, securityHeaders } from './security.js';
import { serveWebApp } from './static.js';
import type { ExplorerApp, ExplorerStore } from './types.js';

export interface ExplorerOptions {
  readonly store: ExplorerStore;
  /** When set, every `/api/` request needs `Authorization: Bearer <token>`. */
  readonly token?: string | null;
  /** One origin allowed to call the API from another site; no CORS headers without it. */
  readonly cors?: string | null;
  /** Runs `POST /api/analyze`; the CLI passes `workerAnalyzer()`. */
  readonly analyzer: Analyzer;
  readonly analyzeLimits?: Partial<AnalyzeLimits>;
  /** The built web app's folder; null serves the API alone. */
  readonly webRoot?: string | null;
  /** Where unexpected errors are reported (the CLI: one line on stderr). */
  readonly onInternalError?: (err: unknown) => void;
  readonly now?: () => Date;
  /** Bounds of the cache of `GET /api/` answers (response-cache.ts); null turns it off. */
  readonly responseCache?: ResponseCacheLimits | null;
}

export const DEFAULT_ANALYZE_LIMITS: AnalyzeLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 20_000 };

const API_INFO = {
  title: 'Storyline explorer API',
  version: '0.1.0',
  description:
    'Search, articles with every layer, entities, timelines, dyads, stories and events of a Storyline ' +
    'corpus, and analysis of one article. Errors are {"error": {"code", "message"}}. Search snippets ' +
    'mark matches with U+E000 (start) and U+E001 (end).',
};

export function createApp(opts: ExplorerOptions): ExplorerApp {
  const app: ExplorerApp = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const detail = result.error.issues.map((i) => `${i.path.join('.') || result.target}: ${i.message}`);
      return c.json(errorBody('E_BAD_REQUEST', detail.join('; ')), 400);
    },
  });

  app.use('*', securityHeaders());
  app.use('/api/*', async (c, next) => {
    await next();
    // On the response's own headers: c.header() after the answer would copy its body into a stream.
    c.res.headers.set('Cache-Control', 'no-store');
  });
  if (opts.cors) app.use('/api/*', corsFor(opts.cors));
  if (opts.token) app.use('/api/*', requireBearer(opts.token));
  const cacheLimits = opts.responseCache === undefined ? DEFAULT_RESPONSE_CACHE : opts.responseCache;
  if (cacheLimits) app.use('/api/*', cachedAnswers(opts.store, new ResponseCache(cacheLimits)));

  registerCorpusRoutes(app, opts.store);
  registerEntityRoutes(app, opts.store);
  registerEventRoutes(app, opts.store);
  registerAnalyzeRoute(app, {
    store: opts.store,
    analyzer: opts.analyzer,
    limits: { ...DEFAULT_ANALYZE_LIMITS, ...opts.analyzeLimits },
    now: opts.now ?? (() => new Date()),
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: API_INFO,
    // The token is needed only when the server was started with one.
    security: [{}, { bearer: [] }],
  });

  app.all('/api/*', (c) => c.json(errorBody('E_NO_ROUTE', `${c.req.method} ${c.req.path}`), 404));
  if (opts.webRoot) serveWebApp(app, opts.webRoot);
  app.notFound((c) => c.json(errorBody('E_NO_ROUTE', `${c.req.method} ${c.req.path}`), 404));

  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json({ error: { code: err.code, message: err.message } }, err.status);
    if (err instanceof HTTPException) {
      const res = err.getResponse();
      return res.headers.get('content-type')?.includes('json')
        ? res
        : c.json(errorBody(err.status === 401 ? 'E_UNAUTHORIZED' : 'E_BAD_REQUEST', err.message), err.status);
    }
    (opts.onInternalError ?? (() => {}))(err);
    return c.json(errorBody('E_INTERNAL'), STATUS_OF.E_INTERNAL);
  });
  return app;
}
