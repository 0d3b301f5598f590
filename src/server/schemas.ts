/**
 * The zod schemas of everything the HTTP API takes and returns. They mirror the contract types in
 * src/store/types.ts and src/doc/json.ts field for field; the same schemas validate requests and
 * generate the OpenAPI 3.1 document, so the document cannot drift from what the server does.
 */
import { z } from '@hono/zod-openapi';
import { ENTITY_TYPES, EVENT_TYPES, MODALITIES, TIMEX_TYPES } from '../doc/index.js';

const dateValue = z.string().nullable().openapi({ description: 'TIMEX3 value (2014-11-17, 2014-11, 2014)' });
const offset = z.number().int().min(0);
const span = z.object({ start: offset, end: offset });

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

export const EventType = z.enum(EVENT_TYPES).openapi('EventType');
const modality = z.enum(MODALITIES);

const docEntity = span.extend({
  text: z.string(),
  type: z.enum(ENTITY_TYPES),
  canonical: z.string(),
  country: z.string().nullable(),
});
const docTimex = span.extend({ text: z.string(), type: z.enum(TIMEX_TYPES), value: z.string().nullable() });
const docActor = z.object({ name: z.string(), country: z.string().nullable() }).nullable();
const docEvent = z.object({
  type: EventType,
  mode: z.string().optional(),
  source: docActor,
  target: docActor,
  modality,
  date: z.string().nullable(),
  evidence: span,
});

/** The `storyline analyze` contract: one analysed article; offsets index `body` in UTF-16 units. */
export const DocJson = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    body: z.string(),
    entities: z.array(docEntity).optional(),
    timexes: z.array(docTimex).optional(),
    events: z.array(docEvent).optional(),
  })
  .openapi('Analysis');

export const StoredArticle = DocJson.extend({
  url: z.string().nullable(),
  source: z.string().nullable(),
  hash: z.string(),
  pipeline_version: z.string(),
  ingested_at: z.string(),
}).openapi('StoredArticle');

export const ArticleListing = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    published: dateValue,
    source: z.string().nullable(),
    url: z.string().nullable(),
    story: z.string().nullable(),
    duplicate_of: z.string().nullable(),
    similar: z.array(z.object({ id: z.string(), similarity: z.number() })),
  })
  .openapi('ArticleListing');

export const SearchHit = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    published: dateValue,
    source: z.string().nullable(),
    score: z.number(),
    snippet: z.string().openapi({
      description: 'Plain text; each matched run is wrapped in U+E000 (start) and U+E001 (end). Never HTML.',
    }),
  })
  .openapi('SearchHit');

const facetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const SearchFacets = z
  .object({ entities: facetCounts, types: facetCounts, sources: facetCounts, months: facetCounts })
  .openapi('SearchFacets');

export const EntityProfile = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    country: z.string().nullable(),
    aliases: z.array(z.object({ text: z.string(), count: z.number().int() })),
    roles: z.array(z.string()),
    articles: z.array(z.string()),
    mentions: z.number().int(),
    first: dateValue,
    last: dateValue,
  })
  .openapi('EntityProfile');

export const CooccurringEntity = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    country: z.string().nullable(),
    articles: z.number().int(),
  })
  .openapi('CooccurringEntity');

const timelineActor = z
  .object({ entity: z.string().nullable(), name: z.string(), country: z.string().nullable() })
  .nullable();
export const TimelineEvent = z
  .object({
    id: z.string(),
    date: dateValue,
    type: EventType,
    mode: z.string().optional(),
    modality,
    source: timelineActor,
    target: timelineActor,
    reports: z.array(
      z.object({
        article: z.string(),
        published: dateValue,
        modality,
        evidence: span,
        text: z.string(),
      }),
    ),
  })
  .openapi('MergedEvent');

export const StorySummary = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    first: dateValue,
    last: dateValue,
    articles: z.array(z.string()),
  })
  .openapi('StorySummary');

export const StoryDetail = StorySummary.extend({
  listings: z.array(ArticleListing),
  events: z.array(TimelineEvent),
}).openapi('StoryDetail');

export const StoreStats = z
  .object({
    articles: z.number().int(),
    entities: z.number().int(),
    events: z.number().int(),
    stories: z.number().int(),
    duplicates: z.number().int(),
  })
  .openapi('Stats');

// ---- request parts ----

const dateParam = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .optional();

/** The corpus filter as query parameters (`q` is the full-text query). */
export const CorpusFilterQuery = z.object({
  q: z.string().max(500).optional().openapi({ description: 'full-text query: words, "phrases", OR, -not' }),
  entity: z.string().max(200).optional().openapi({ description: 'an entity name or alias' }),
  country: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code')
    .optional(),
  type: EventType.optional(),
  source: z.string().max(200).optional(),
  from: dateParam,
  to: dateParam,
});

export const pageQuery = (maxLimit: number, defaultLimit: number) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  });

export const idParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name, in: 'path' } });

export const AnalyzeRequest = z
  .object({
    text: z.string().optional().openapi({ description: 'plain text of an article' }),
    html: z.string().optional().openapi({ description: 'an article page as HTML' }),
    id: z.string().min(1).max(200).optional(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}/, 'expected YYYY-MM-DD')
      .optional()
      .openapi({ description: 'publication date when the input carries none' }),
    url: z.string().max(2000).optional(),
    source: z.string().max(200).optional(),
    any_language: z.boolean().optional(),
    store: z.boolean().optional().openapi({ description: 'also store the analysed article' }),
  })
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'give exactly one of "text" and "html"',
  })
  .openapi('AnalyzeRequest');

export const AnalyzeResponse = z
  .object({
    article: DocJson,
    stored: z.enum(['added', 'updated', 'unchanged']).nullable().openapi({
      description: 'what storing did, or null when storing was not asked for',
    }),
  })
  .openapi('AnalyzeResponse');
