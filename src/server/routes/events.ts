/** The merged-event and story routes: events with filters, the list of stories, one story. */
import { createRoute, z } from '@hono/zod-openapi';
import { ApiError, errorResponses, json } from '../responses.js';
import {
  CorpusFilterQuery,
  idParam,
  pageQuery,
  StoryDetail,
  StorySummary,
  TimelineEvent,
} from '../schemas.js';
import type { ExplorerApp, ExplorerStore } from '../types.js';
import { toCorpusFilter } from './corpus.js';

export function registerEventRoutes(app: ExplorerApp, store: ExplorerStore): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Merged events matching the filter, in date order',
      request: { query: CorpusFilterQuery.extend(pageQuery(1000, 100).shape) },
      responses: {
        200: json(z.object({ events: z.array(TimelineEvent) }), 'the events'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const { limit, offset, ...query } = c.req.valid('query');
      return c.json({ events: await store.events(toCorpusFilter(query), { limit, offset }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stories',
      summary: 'Stories: articles about the same happening, grouped',
      request: { query: pageQuery(500, 50) },
      responses: {
        200: json(z.object({ stories: z.array(StorySummary) }), 'the stories'),
        ...errorResponses(),
      },
    }),
    async (c) => c.json({ stories: await store.listStories(c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stories/{id}',
      summary:
        'One story: its articles (duplicates folded by the reader), merged events, first and last report',
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: json(StoryDetail, 'the story'), ...errorResponses(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const story = await store.getStory(id);
      if (!story) throw new ApiError('E_UNKNOWN_ID', `story ${id}`);
      return c.json(story, 200);
    },
  );
}
