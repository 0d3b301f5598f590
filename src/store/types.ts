/**
 * The shapes the corpus commands print (../shared/contracts/README.md), as TypeScript types,
 * and the `Store` interface that SQLite and PostgreSQL both implement. Every method is async so
 * that one interface serves a synchronous driver (better-sqlite3) and a pooled network one (pg).
 * Field names follow the contract exactly (snake_case where it says so); fields may be added,
 * never renamed.
 */
import type { DocJson, EventType, Modality } from '../doc/index.js';

/** A TIMEX3 date value at its own granularity (`2014-11-17`, `2014-11`, `2014`) or null. */
export type DateValue = string | null;

/** `storyline ingest --json`: one object at the end of a run. */
export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Articles in the store after the run. */
  articles: number;
  /** Articles linked at the end of the run (absent with `--no-link`). */
  linked?: number;
}

/** `storyline stats --json`. */
export interface StoreStats {
  articles: number;
  entities: number;
  events: number;
  stories: number;
  duplicates: number;
}

/** `storyline articles --json`, one per article. */
export interface ArticleListing {
  id: string;
  title: string | null;
  published: DateValue;
  source: string | null;
  url: string | null;
  story: string | null;
  duplicate_of: string | null;
  similar: { id: string; similarity: number }[];
}

/** The filters shared by search, export and listing. Dates are inclusive TIMEX3 prefixes. */
export interface CorpusFilter {
  /** Full-text query in the store's query syntax (words, "phrases", OR, -not). */
  text?: string;
  /** An entity name or alias; matches articles that mention it. */
  entity?: string;
  /** ISO 3166-1 alpha-3 of an entity or event actor in the article. */
  country?: string;
  /** A PLOVER event type coded in the article. */
  type?: EventType;
  source?: string;
  from?: string;
  to?: string;
}

/** `storyline search --json`, one per hit, best first. */
export interface SearchHit {
  id: string;
  title: string | null;
  published: DateValue;
  source: string | null;
  score: number;
  /**
   * A short passage of plain text around the matches, each matched run wrapped in the
   * `SearchOptions.highlight` markers (default `**`). The HTTP API asks for U+E000 (start) and
   * U+E001 (end), private-use characters that never mean HTML: the web app splits on them and
   * renders the parts as text nodes, never parsing a snippet as markup.
   */
  snippet: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** `storyline search --facets`: counts among all hits, not only the returned page. */
export interface SearchFacets {
  entities: FacetCount[];
  types: FacetCount[];
  sources: FacetCount[];
  months: FacetCount[];
}

/** `storyline entity NAME --json`. */
export interface EntityProfile {
  id: string;
  name: string;
  type: string;
  country: string | null;
  aliases: { text: string; count: number }[];
  roles: string[];
  /** Each role with the publication date of the first article that gives it (a career). */
  role_history?: { role: string; first: DateValue }[];
  articles: string[];
  mentions: number;
  first: DateValue;
  last: DateValue;
}

/** An actor of a merged event: the resolved entity when there is one. */
export interface TimelineActor {
  entity: string | null;
  name: string;
  country: string | null;
}

/** One article's report of a merged event. */
export interface EventReport {
  article: string;
  published: DateValue;
  modality: Modality;
  evidence: { start: number; end: number };
  text: string;
}

/** `storyline timeline --json`, one per merged event, in date order. */
export interface TimelineEvent {
  id: string;
  date: DateValue;
  type: EventType;
  mode?: string;
  modality: Modality;
  source: TimelineActor | null;
  target: TimelineActor | null;
  reports: EventReport[];
  /** How many reports the event has (`reports` may list only the first ones). */
  report_count?: number;
}

/** `storyline stories --json`, one per story. */
export interface StorySummary {
  id: string;
  title: string | null;
  first: DateValue;
  last: DateValue;
  articles: string[];
}

/** An analysed article as stored: the analyze contract plus what the store adds. */
export interface StoredArticle extends DocJson {
  url: string | null;
  source: string | null;
  /** sha256 of the input as read (content and metadata), so unchanged re-ingests write nothing. */
  hash: string;
  pipeline_version: string;
  ingested_at: string;
}

export type PutOutcome = 'added' | 'updated' | 'unchanged';

/** How `search` pages and marks its hits. */
export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Put around each matched word of the snippet (default `**` and `**`; text, never HTML). */
  highlight?: { open: string; close: string };
}

/**
 * The store behind every corpus command, implemented by SQLite and PostgreSQL, which pass the same
 * contract suite (`store.case.test.ts`). The linking issue extends it with entity, timeline and
 * story queries.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Writes a batch in one transaction: all of it or none of it. */
  putArticles(articles: readonly StoredArticle[]): Promise<PutOutcome[]>;
  /** The stored hash and pipeline version of each id that is present. */
  articleVersions(ids: readonly string[]): Promise<Map<string, { hash: string; pipeline_version: string }>>;
  /** Ids of stored articles with one of these URLs (feeds skip items already stored). */
  articlesByUrl(urls: readonly string[]): Promise<Map<string, string>>;
  getArticle(id: string): Promise<StoredArticle | null>;
  listArticles(filter?: CorpusFilter): AsyncIterable<ArticleListing>;
  /** Hits best first (ranked when `filter.text` is given: BM25 in SQLite, ts_rank in PostgreSQL; else newest first). */
  search(filter: CorpusFilter, opts?: SearchOptions): Promise<SearchHit[]>;
  /** How many articles match (all hits, not one page). */
  countArticles(filter?: CorpusFilter): Promise<number>;
  facets(filter: CorpusFilter): Promise<SearchFacets>;
  /** Streams stored articles in a stable order, in bounded memory. */
  exportArticles(filter?: CorpusFilter): AsyncIterable<StoredArticle>;
  stats(): Promise<StoreStats>;
  /**
   * A name for what the store holds now: it changes whenever a write may have changed it (from
   * this process or another), so answers computed under one version can be reused while it holds.
   * Null when it cannot tell (inside an open write transaction). Stores without it are never cached.
   */
  contentVersion?(): Promise<string | null>;
  close(): Promise<void>;
}

/** `storyline timeline NAME [--with NAME2] [--type T] [--from] [--to]`, by resolved entity ids. */
export interface TimelineQuery {
  entity: string;
  /** A second entity: only the events between the two (either direction). */
  with?: string;
  type?: EventType;
  from?: string;
  to?: string;
  limit?: number;
  /** Reports listed per event (the first linked; default 100; `report_count` gives them all). */
  reportsPerEvent?: number;
}

/** Another entity seen in the same articles, for an entity's profile page. */
export interface CooccurringEntity {
  id: string;
  name: string;
  type: string;
  country: string | null;
  /** Articles both appear in. */
  articles: number;
}

/** `storyline story ID`: the summary plus its articles (duplicates folded) and merged events. */
export interface StoryDetail extends StorySummary {
  listings: ArticleListing[];
  events: TimelineEvent[];
}

/**
 * The queries over linked data (entities, merged events, stories) that the linking issue adds to
 * both stores; the CLI's entity/timeline/story commands and the HTTP API read through it.
 */
/** The links of one article's own layers, index for index. */
export interface ArticleLinks {
  /** The entity of each mention (`entities[i]`), or null where it was not linked. */
  entities: (string | null)[];
  /** The merged event each of its events (`events[i]`) belongs to (a copy's are its original's). */
  events: (TimelineEvent | null)[];
}

export interface LinkQueries {
  /** The links of an article's mentions and events, or null for an unknown id. */
  articleLinks(id: string): Promise<ArticleLinks | null>;
  /** Entities, the most mentioned first. */
  listEntities(opts?: { limit?: number; offset?: number; type?: string }): Promise<EntityProfile[]>;
  /** Entities with this name or alias (case- and hyphen-insensitive), best match first. */
  findEntities(name: string, opts?: { limit?: number }): Promise<EntityProfile[]>;
  getEntity(id: string): Promise<EntityProfile | null>;
  cooccurring(id: string, opts?: { limit?: number }): Promise<CooccurringEntity[]>;
  /** Merged events in date order (undated last). */
  timeline(query: TimelineQuery): Promise<TimelineEvent[]>;
  /** Merged events matching the corpus filter (type, country, dates, source), date order. */
  events(filter: CorpusFilter, opts?: { limit?: number; offset?: number }): Promise<TimelineEvent[]>;
  listStories(opts?: { limit?: number; offset?: number }): Promise<StorySummary[]>;
  getStory(id: string): Promise<StoryDetail | null>;
}
