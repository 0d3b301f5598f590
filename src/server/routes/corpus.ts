/**
 * The corpus routes: stats, search (with facets), article listings, one article with every layer
 * and the merged event of each of its events, and a streamed JSON Lines export.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { CorpusFilter } from '../../store/types.js';
import { ApiError, errorResponses, json } from '../responses.js';
import {
  ArticleListing,
  CorpusFilterQuery,
  idParam,
  pageQuery,
  SearchFacets,
  SearchHit,
  StoredArticle,
  StoreStats,
  TimelineEvent,
} from '../schemas.js';
import type { ExplorerApp, ExplorerStore } from '../types.js';

/** The web app splits snippets on these private-use characters and renders the parts as text. */
const SNIPPET_MARKERS = { open: '\uE000', close: '\uE001' };

/** Query parameters to the store's filter (`q` is the full-text query). */
export function toCorpusFilter(query: z.infer<typeof CorpusFilterQuery>): CorpusFilter {
  const { q, ...rest } = query;
  const filter: CorpusFilter = q ? { text: q } : {};
  for (const [key, value] of Object.entries(rest))
    if (value !== undefined) Object.assign(filter, { [key]: value });
  return filter;
}

const facetsFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true')
  .openapi({ description: 'also count facets among all hits' });

export function registerCorpusRoutes(app: ExplorerApp, store: ExplorerStore): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats',
      summary: 'Counts of articles, entities, events, stories and duplicates',
      responses: { 200: json(StoreStats, 'the counts'), ...errorResponses() },
    }),
    async (c) => c.json(await store.stats(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Full-text search with filters, best first; facets on request',
      request: { query: CorpusFilterQuery.extend(pageQuery(200, 20).shape).extend({ facets: facetsFlag }) },
      responses: {
        200: json(z.object({ hits: z.array(SearchHit), facets: SearchFacets.optional() }), 'the hits'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const { limit, offset, facets, ...query } = c.req.valid('query');
      const filter = toCorpusFilter(query);
      const [hits, counts] = await Promise.all([
        store.search(filter, { limit, offset, highlight: SNIPPET_MARKERS }),
        facets ? store.facets(filter) : undefined,
      ]);
      return c.json(counts ? { hits, facets: counts } : { hits }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles',
      summary: 'Stored articles matching the filter, in the store order',
      request: { query: CorpusFilterQuery.extend(pageQuery(500, 50).shape) },
      responses: {
        200: json(z.object({ articles: z.array(ArticleListing) }), 'the listings'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const { limit, offset, ...query } = c.req.valid('query');
      const articles: z.infer<typeof ArticleListing>[] = [];
      let seen = 0;
      for await (const listing of store.listArticles(toCorpusFilter(query))) {
        if (seen++ < offset) continue;
        articles.push(listing);
        if (articles.length === limit) break;
      }
      return c.json({ articles }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles/{id}',
      summary: 'One article: body, every layer, and the merged event of each of its events',
      request: { params: z.object({ id: idParam('id') }) },
      responses: {
        200: json(
          z.object({
            article: StoredArticle,
            merged: z.array(TimelineEvent.nullable()).openapi({
              description: 'merged[i] is the merged event that article.events[i] belongs to, or null',
            }),
            entity_ids: z.array(z.string().nullable()).openapi({
              description: 'entity_ids[i] is the entity that article.entities[i] was linked to, or null',
            }),
          }),
          'the article',
        ),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const article = await store.getArticle(id);
      if (!article) throw new ApiError('E_UNKNOWN_ID', `article ${id}`);
      const links = await store.articleLinks(id);
      return c.json(
        {
          article,
          merged: links?.events ?? (article.events ?? []).map(() => null),
          entity_ids: links?.entities ?? (article.entities ?? []).map(() => null),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export',
      summary: 'Streams the stored articles matching the filter, one analyze-contract object per line',
      request: { query: CorpusFilterQuery.extend({ format: z.enum(['jsonl']).default('jsonl') }) },
      responses: {
        200: { content: { 'application/x-ndjson': { schema: StoredArticle } }, description: 'JSON Lines' },
        ...errorResponses(),
      },
    }),
    (c) => {
      const { format: _format, ...query } = c.req.valid('query');
      const filter = toCorpusFilter(query);
      c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="storyline-export.jsonl"');
      const body = stream(c, async (out) => {
        for await (const article of store.exportArticles(filter)) {
          if (out.aborted) break;
          await out.write(`${JSON.stringify(article)}\n`);
        }
      });
      // A stream of JSON Lines has no typed-response form; the schema above documents each line.
      return body as never;
    },
  );
}
