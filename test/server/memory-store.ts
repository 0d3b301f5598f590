/**
 * An in-memory `Store & LinkQueries` for the explorer's tests: just enough linking to answer
 * every query the server makes (entities grouped by canonical name, merged events grouped by
 * type, actors and date, stories given by the fixtures). It stands in for the SQLite store, which
 * can replace it in these tests with no change to the server. It is one file, longer than most,
 * so that it can be swapped whole.
 */
import type {
  ArticleListing,
  CooccurringEntity,
  CorpusFilter,
  EntityProfile,
  FacetCount,
  PutOutcome,
  SearchFacets,
  SearchHit,
  StoredArticle,
  StoryDetail,
  StorySummary,
  TimelineEvent,
  TimelineQuery,
} from '../../src/store/types.js';
import type { ExplorerStore } from '../../src/server/index.js';

export interface ArticleLinks {
  story?: string;
  duplicateOf?: string;
}

const MARK_START = '\uE000';
const MARK_END = '\uE001';

const norm = (s: string): string => s.toLowerCase().replace(/-/g, ' ').trim();
/** Compares the calendar part of a TIMEX3 value (2025-W07 counts as 2025) with inclusive prefixes. */
function inRange(value: string | null, from?: string, to?: string): boolean {
  const date = value?.match(/^\d{4}(-\d{2}(-\d{2})?)?/)?.[0] ?? null;
  if (!from && !to) return true;
  return date !== null && (!from || date >= from) && (!to || date.slice(0, to.length) <= to);
}
const byDate = (a: TimelineEvent, b: TimelineEvent): number =>
  a.date === b.date
    ? a.id.localeCompare(b.id)
    : a.date === null
      ? 1
      : b.date === null
        ? -1
        : a.date < b.date
          ? -1
          : 1;

function countBy(values: string[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

export class MemoryStore implements ExplorerStore {
  readonly kind = 'sqlite';
  private readonly articles = new Map<string, StoredArticle>();
  private entities: EntityProfile[] = [];
  private merged: TimelineEvent[] = [];
  /** `${article}:${mention or event index}` -> entity id or merged event. */
  private readonly mentionEntity = new Map<string, string>();
  private readonly eventOf = new Map<string, TimelineEvent>();
  closed = false;

  constructor(
    articles: readonly StoredArticle[],
    private readonly links: Record<string, ArticleLinks> = {},
    private readonly roles: Record<string, string[]> = {},
  ) {
    for (const a of articles) this.articles.set(a.id, a);
    this.relink();
  }

  /** Recomputes entities and merged events from the articles (the linking module's job). */
  private relink(): void {
    const byName = new Map<string, EntityProfile>();
    for (const a of this.articles.values())
      for (const e of a.entities ?? []) {
        const key = norm(e.canonical);
        let entity = byName.get(key);
        if (!entity) {
          entity = {
            id: `e${byName.size + 1}`,
            name: e.canonical,
            type: e.type,
            country: e.country,
            aliases: [],
            roles: this.roles[e.canonical] ?? [],
            articles: [],
            mentions: 0,
            first: null,
            last: null,
          };
          byName.set(key, entity);
        }
        entity.mentions++;
        this.mentionEntity.set(`${a.id}:${(a.entities ?? []).indexOf(e)}`, entity.id);
        const alias = entity.aliases.find((x) => x.text === e.text);
        if (alias) alias.count++;
        else entity.aliases.push({ text: e.text, count: 1 });
        if (!entity.articles.includes(a.id)) entity.articles.push(a.id);
        if (a.published && (!entity.first || a.published < entity.first)) entity.first = a.published;
        if (a.published && (!entity.last || a.published > entity.last)) entity.last = a.published;
      }
    this.entities = [...byName.values()];
    const actor = (x: { name: string; country: string | null } | null) =>
      x && {
        entity: byName.get(norm(x.name))?.id ?? null,
        name: byName.get(norm(x.name))?.name ?? x.name,
        country: x.country,
      };
    const merged = new Map<string, TimelineEvent>();
    for (const a of this.articles.values())
      for (const [index, e] of (a.events ?? []).entries()) {
        const key = [e.type, e.source?.name, e.target?.name, e.date].join('|');
        let event = merged.get(key);
        if (!event) {
          event = {
            id: `v${merged.size + 1}`,
            date: e.date,
            type: e.type,
            ...(e.mode ? { mode: e.mode } : {}),
            modality: e.modality,
            source: actor(e.source),
            target: actor(e.target),
            reports: [],
          };
          merged.set(key, event);
        }
        this.eventOf.set(`${a.id}:${index}`, event);
        event.reports.push({
          article: a.id,
          published: a.published,
          modality: e.modality,
          evidence: e.evidence,
          text: a.body.slice(e.evidence.start, e.evidence.end),
        });
      }
    this.merged = [...merged.values()].sort(byDate);
  }

  private matches(a: StoredArticle, f: CorpusFilter): boolean {
    const haystack = `${a.title ?? ''} ${a.body}`.toLowerCase();
    const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const actors = (a.events ?? []).flatMap((e) => [e.source, e.target]);
    return (
      words.every((w) => haystack.includes(w)) &&
      (!f.entity ||
        (a.entities ?? []).some(
          (e) => norm(e.canonical) === norm(f.entity!) || norm(e.text) === norm(f.entity!),
        )) &&
      (!f.country || [...(a.entities ?? []), ...actors].some((x) => x?.country === f.country)) &&
      (!f.type || (a.events ?? []).some((e) => e.type === f.type)) &&
      (!f.source || a.source === f.source) &&
      inRange(a.published, f.from, f.to)
    );
  }

  private hits(filter: CorpusFilter): StoredArticle[] {
    return [...this.articles.values()].filter((a) => this.matches(a, filter));
  }

  private listing(a: StoredArticle): ArticleListing {
    const links = this.links[a.id] ?? {};
    return {
      id: a.id,
      title: a.title,
      published: a.published,
      source: a.source,
      url: a.url,
      story: links.story ?? null,
      duplicate_of: links.duplicateOf ?? null,
      similar: [],
    };
  }

  async putArticles(articles: readonly StoredArticle[]): Promise<PutOutcome[]> {
    const outcomes = articles.map((a): PutOutcome => {
      const old = this.articles.get(a.id);
      this.articles.set(a.id, a);
      return !old ? 'added' : old.hash === a.hash ? 'unchanged' : 'updated';
    });
    this.relink();
    return outcomes;
  }

  async articleVersions(ids: readonly string[]) {
    const out = new Map<string, { hash: string; pipeline_version: string }>();
    for (const id of ids) {
      const a = this.articles.get(id);
      if (a) out.set(id, { hash: a.hash, pipeline_version: a.pipeline_version });
    }
    return out;
  }

  async articlesByUrl(urls: readonly string[]) {
    return new Map(
      [...this.articles.values()].filter((a) => a.url && urls.includes(a.url)).map((a) => [a.url!, a.id]),
    );
  }

  async getArticle(id: string) {
    return this.articles.get(id) ?? null;
  }

  async *listArticles(filter: CorpusFilter = {}): AsyncIterable<ArticleListing> {
    for (const a of this.hits(filter)) yield this.listing(a);
  }

  async search(filter: CorpusFilter, opts: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const offset = opts.offset ?? 0;
    return this.hits(filter)
      .map((a) => {
        const lower = a.body.toLowerCase();
        const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), 0);
        const from = Math.max(0, first - 40);
        let snippet = a.body.slice(from, from + 160).replace(/[\uE000\uE001]/g, '');
        for (const w of words)
          snippet = snippet.replace(
            new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'),
            (m) => `${MARK_START}${m}${MARK_END}`,
          );
        return {
          id: a.id,
          title: a.title,
          published: a.published,
          source: a.source,
          score: words.reduce((n, w) => n + lower.split(w).length - 1, 0),
          snippet,
        };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(offset, offset + (opts.limit ?? 20));
  }

  async countArticles(filter: CorpusFilter = {}): Promise<number> {
    return this.hits(filter).length;
  }

  async facets(filter: CorpusFilter): Promise<SearchFacets> {
    const hits = this.hits(filter);
    const distinct = (values: string[]) => [...new Set(values)];
    return {
      entities: countBy(hits.flatMap((a) => distinct((a.entities ?? []).map((e) => e.canonical)))),
      types: countBy(hits.flatMap((a) => distinct((a.events ?? []).map((e) => e.type)))),
      sources: countBy(hits.flatMap((a) => (a.source ? [a.source] : []))),
      months: countBy(hits.flatMap((a) => (a.published ? [a.published.slice(0, 7)] : []))),
    };
  }

  async *exportArticles(filter: CorpusFilter = {}): AsyncIterable<StoredArticle> {
    for (const a of this.hits(filter)) yield a;
  }

  async stats() {
    const stories = new Set(Object.values(this.links).flatMap((l) => (l.story ? [l.story] : [])));
    return {
      articles: this.articles.size,
      entities: this.entities.length,
      events: this.merged.length,
      stories: stories.size,
      duplicates: Object.values(this.links).filter((l) => l.duplicateOf).length,
    };
  }

  async close() {
    this.closed = true;
  }

  async findEntities(name: string, opts: { limit?: number } = {}) {
    const key = norm(name);
    return this.entities
      .filter((e) => norm(e.name) === key || e.aliases.some((a) => norm(a.text) === key))
      .sort((a, b) => b.mentions - a.mentions)
      .slice(0, opts.limit ?? 20);
  }

  async articleLinks(id: string) {
    const a = this.articles.get(id);
    if (!a) return null;
    return {
      entities: (a.entities ?? []).map((_, i) => this.mentionEntity.get(`${id}:${i}`) ?? null),
      events: (a.events ?? []).map((_, i) => this.eventOf.get(`${id}:${i}`) ?? null),
    };
  }

  async listEntities(opts: { limit?: number; offset?: number; type?: string } = {}) {
    const offset = opts.offset ?? 0;
    return this.entities
      .filter((e) => !opts.type || e.type === opts.type)
      .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id))
      .slice(offset, offset + (opts.limit ?? 50));
  }

  async getEntity(id: string) {
    return this.entities.find((e) => e.id === id) ?? null;
  }

  async cooccurring(id: string, opts: { limit?: number } = {}): Promise<CooccurringEntity[]> {
    const self = await this.getEntity(id);
    if (!self) return [];
    return this.entities
      .filter((e) => e.id !== id)
      .map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        country: e.country,
        articles: e.articles.filter((a) => self.articles.includes(a)).length,
      }))
      .filter((e) => e.articles > 0)
      .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id))
      .slice(0, opts.limit ?? 20);
  }

  async timeline(q: TimelineQuery): Promise<TimelineEvent[]> {
    const involves = (e: TimelineEvent, id: string) => e.source?.entity === id || e.target?.entity === id;
    return this.merged
      .filter(
        (e) =>
          involves(e, q.entity) &&
          (!q.with || involves(e, q.with)) &&
          (!q.type || e.type === q.type) &&
          inRange(e.date, q.from, q.to),
      )
      .slice(0, q.limit ?? 1000);
  }

  async events(
    filter: CorpusFilter,
    opts: { limit?: number; offset?: number } = {},
  ): Promise<TimelineEvent[]> {
    const offset = opts.offset ?? 0;
    return this.merged
      .filter(
        (e) =>
          (!filter.type || e.type === filter.type) &&
          (!filter.country || e.source?.country === filter.country || e.target?.country === filter.country) &&
          (!filter.entity ||
            [e.source?.name, e.target?.name].some((n) => n && norm(n) === norm(filter.entity!))) &&
          (!filter.source || e.reports.some((r) => this.articles.get(r.article)?.source === filter.source)) &&
          inRange(e.date, filter.from, filter.to),
      )
      .slice(offset, offset + (opts.limit ?? 100));
  }

  private stories(): StorySummary[] {
    const groups = new Map<string, StoredArticle[]>();
    for (const a of this.articles.values()) {
      const story = this.links[a.id]?.story;
      if (story) groups.set(story, [...(groups.get(story) ?? []), a]);
    }
    return [...groups].map(([id, articles]) => {
      const dates = articles.flatMap((a) => (a.published ? [a.published] : [])).sort();
      return {
        id,
        title: articles[0]?.title ?? null,
        first: dates[0] ?? null,
        last: dates.at(-1) ?? null,
        articles: articles.map((a) => a.id),
      };
    });
  }

  async listStories(opts: { limit?: number; offset?: number } = {}) {
    const offset = opts.offset ?? 0;
    return this.stories().slice(offset, offset + (opts.limit ?? 50));
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    const story = this.stories().find((s) => s.id === id);
    if (!story) return null;
    return {
      ...story,
      listings: story.articles.map((a) => this.listing(this.articles.get(a)!)),
      events: this.merged.filter((e) => e.reports.some((r) => story.articles.includes(r.article))),
    };
  }
}
