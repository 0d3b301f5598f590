/**
 * The entity routes: search by name or alias, one entity's profile, the entities seen with it,
 * its timeline of merged events, and the dyad of two entities (the events between them).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { TimelineQuery } from '../../store/types.js';
import { ApiError, errorResponses, json } from '../responses.js';
import {
  CooccurringEntity,
  CorpusFilterQuery,
  EntityProfile,
  EventType,
  idParam,
  pageQuery,
  TimelineEvent,
} from '../schemas.js';
import type { ExplorerApp, ExplorerStore } from '../types.js';

/** Timelines come a page at a time: a country's can hold thousands of events. */
const timelineQuery = z.object({
  type: EventType.optional(),
  from: CorpusFilterQuery.shape.from,
  to: CorpusFilterQuery.shape.to,
  limit: pageQuery(5000, 300).shape.limit,
  reports: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .openapi({ description: 'reports listed per event, the first linked (report_count gives them all)' }),
});

/** The page of a timeline, and whether more events match than the page holds. */
async function timelinePage(store: ExplorerStore, query: TimelineQuery & { reports: number }) {
  const { reports, limit = 300, ...rest } = query;
  const events = await store.timeline({ ...rest, limit: limit + 1, reportsPerEvent: reports });
  return { events: events.slice(0, limit), truncated: events.length > limit };
}

const dropUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function registerEntityRoutes(app: ExplorerApp, store: ExplorerStore): void {
  const entityOr404 = async (id: string) => {
    const entity = await store.getEntity(id);
    if (!entity) throw new ApiError('E_UNKNOWN_ID', `entity ${id}`);
    return entity;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities',
      summary: 'Entities with this name or alias (case- and hyphen-insensitive), best match first',
      request: {
        query: z.object({ name: z.string().min(1).max(200), limit: pageQuery(100, 20).shape.limit }),
      },
      responses: {
        200: json(z.object({ entities: z.array(EntityProfile) }), 'the matches'),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const { name, limit } = c.req.valid('query');
      return c.json({ entities: await store.findEntities(name, { limit }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities/{id}',
      summary: "An entity's profile: aliases, roles, articles, first and last report",
      request: { params: z.object({ id: idParam('id') }) },
      responses: { 200: json(EntityProfile, 'the profile'), ...errorResponses(404) },
    }),
    async (c) => c.json(await entityOr404(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities/{id}/cooccurring',
      summary: 'Entities seen in the same articles, most shared articles first',
      request: {
        params: z.object({ id: idParam('id') }),
        query: z.object({ limit: pageQuery(200, 20).shape.limit }),
      },
      responses: {
        200: json(z.object({ entities: z.array(CooccurringEntity) }), 'the co-occurring entities'),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await entityOr404(id);
      return c.json({ entities: await store.cooccurring(id, { limit: c.req.valid('query').limit }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities/{id}/timeline',
      summary: "An entity's merged events in date order (undated last)",
      request: {
        params: z.object({ id: idParam('id') }),
        query: timelineQuery.extend({ with: z.string().min(1).max(300).optional() }),
      },
      responses: {
        200: json(
          z.object({
            events: z.array(TimelineEvent),
            truncated: z.boolean().openapi({ description: 'more events match than `limit`' }),
          }),
          'the events',
        ),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const page = await timelinePage(store, dropUndefined({ entity: id, ...c.req.valid('query') }));
      // Events name their entity, so only an empty page needs the (costlier) profile to tell a 404.
      if (!page.events.length) await entityOr404(id);
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dyads/{a}/{b}',
      summary: 'The merged events between two entities, either direction, in date order',
      request: { params: z.object({ a: idParam('a'), b: idParam('b') }), query: timelineQuery },
      responses: {
        200: json(
          z.object({
            a: EntityProfile,
            b: EntityProfile,
            events: z.array(TimelineEvent),
            truncated: z.boolean(),
          }),
          'the dyad',
        ),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { a, b } = c.req.valid('param');
      const [first, second] = await Promise.all([entityOr404(a), entityOr404(b)]);
      const page = await timelinePage(store, dropUndefined({ entity: a, with: b, ...c.req.valid('query') }));
      return c.json({ a: first, b: second, ...page }, 200);
    },
  );
}
