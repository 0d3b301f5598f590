/**
 * What the link pass (link-pass.ts) asks of a store, inside one write transaction: the articles
 * waiting to be linked, the existing links one article touches (candidates found by key), and
 * writes of the new links. SQLite and PostgreSQL each implement it; the decisions themselves
 * are made by the pure functions of src/link.
 */
import type {
  EntityCandidate,
  EventReportInput,
  LinkArticle,
  LocalEntity,
  MergedEventCandidate,
} from '../link/index.js';
import type { StoryState, StoryVector } from '../link/index.js';
import { BoundedCache } from '../nlp/bounded-cache.js';
import type { StoredArticle } from './types.js';

export interface PendingArticle {
  /** The stored version's key (`articles.seq`). */
  readonly seq: number;
  readonly article: LinkArticle;
}

export interface DuplicateCandidate {
  readonly seq: number;
  /** The candidate's own original when it is itself a duplicate. */
  readonly originalSeq: number | null;
  readonly id: string;
  readonly published: string | null;
  readonly body: string;
}

/** What was left stale by replaced articles, to recompute before linking more. */
export interface DirtyLinks {
  readonly entities: readonly string[];
  readonly events: readonly string[];
  readonly stories: readonly string[];
}

export interface StoryMember {
  readonly vector: StoryVector;
  readonly published: string | null;
}

export interface ArticleLinkRow {
  readonly story: string | null;
  readonly duplicateOf: number | null;
  readonly vector: StoryVector | null;
  readonly bands: readonly string[];
  readonly similar: readonly { readonly seq: number; readonly similarity: number }[];
}

export interface LinkSession {
  /** Articles waiting to be linked, in link order: published ascending, undated last, then id. */
  pending(limit: number): Promise<PendingArticle[]>;
  /** Removes what an earlier link of this article left (it is being linked again). */
  clear(seq: number): Promise<void>;
  dirty(): Promise<DirtyLinks>;
  /** Recomputes an entity's counts and names from its remaining mentions (deletes it if none). */
  refreshEntity(id: string): Promise<void>;
  /** Recomputes a merged event from its remaining reports (deletes it if none). */
  refreshEvent(id: string): Promise<void>;
  /** Rebuilds a story from its remaining members, in link order (`rebuild` returns null for none). */
  refreshStory(
    id: string,
    rebuild: (members: readonly StoryMember[]) => { state: StoryState; keys: string[] } | null,
  ): Promise<void>;

  duplicateCandidates(bands: readonly string[], seq: number): Promise<DuplicateCandidate[]>;
  /** The story the article at `seq` is in (for a duplicate, which joins its original's story). */
  storyOf(seq: number): Promise<string | null>;

  entityCandidates(keys: readonly string[]): Promise<EntityCandidate[]>;
  createEntity(local: LocalEntity): Promise<string>;
  mergeEntity(from: string, into: string): Promise<void>;
  /** Links the local entity's mentions, names, keys and roles to `entity` and updates its counts. */
  attachEntity(seq: number, article: LinkArticle, local: LocalEntity, entity: string): Promise<void>;

  eventCandidates(
    key: { type: string; a: string; b: string },
    window: { from: string; to: string } | null,
  ): Promise<MergedEventCandidate[]>;
  createEvent(key: { type: string; a: string; b: string }, report: EventReportInput): Promise<string>;
  /** Adds the report and recomputes the merged event's summary. */
  addReport(event: string, seq: number, report: EventReportInput): Promise<void>;

  storyCandidates(keys: readonly string[]): Promise<StoryState[]>;
  /** A new story id (the row is written by `saveStory`). */
  createStory(): Promise<string>;
  saveStory(state: StoryState, keys: readonly string[]): Promise<void>;

  /** Records the article as linked (it leaves the queue). */
  finish(seq: number, links: ArticleLinkRow): Promise<void>;
}

/** Story states kept parsed between link batches: ~20 KB each, so ~40 MB at most. */
const STORY_STATES_KEPT = 2_000;

/**
 * Parsed story states kept between link batches (docs/limits.md). Parsing a few hundred centroids
 * per article cost more than the rest of linking, so a state is parsed once per (relink epoch,
 * story id, version): a saved story gets a new version, a relink a new epoch, so a kept state is
 * never stale.
 */
export class StoryStates {
  readonly #kept: BoundedCache<string, StoryState>;

  constructor(limit = STORY_STATES_KEPT) {
    this.#kept = new BoundedCache(limit);
  }

  keep(epoch: number, id: number, version: number, state: StoryState): void {
    this.#kept.set(`${epoch}:${id}:${version}`, state);
  }

  /** The states of these stories at these versions; `read` fetches the JSON of those not kept. */
  async of(
    epoch: number,
    versions: readonly { id: number; version: number }[],
    read: (
      ids: number[],
    ) =>
      | Iterable<{ id: number; version: number; state: string }>
      | Promise<Iterable<{ id: number; version: number; state: string }>>,
  ): Promise<StoryState[]> {
    const found = new Map<number, StoryState>();
    for (const v of versions) {
      const state = this.#kept.get(`${epoch}:${v.id}:${v.version}`);
      if (state) found.set(v.id, state);
    }
    const missing = versions.filter((v) => !found.has(v.id)).map((v) => v.id);
    if (missing.length)
      for (const r of await read(missing)) {
        const state = JSON.parse(r.state) as StoryState;
        this.keep(epoch, r.id, r.version, state);
        found.set(r.id, state);
      }
    return versions.map((v) => found.get(v.id)!);
  }

  /** Forgets every state (a rolled-back batch may have kept versions another batch will reuse). */
  clear(): void {
    this.#kept.clear();
  }
}

/** A stored article as the link pass reads it. */
export const pendingArticle = (seq: number, a: StoredArticle): PendingArticle => ({
  seq,
  article: {
    id: a.id,
    title: a.title,
    published: a.published,
    source: a.source,
    body: a.body,
    entities: a.entities ?? [],
    events: a.events ?? [],
  },
});

/** Duplicate candidates from their rows (`duplicate_of`: the candidate's own original). */
export const duplicateCandidate = (r: {
  seq: number;
  id: string;
  published: string | null;
  body: string;
  duplicate_of: number | null;
}): DuplicateCandidate => ({
  seq: r.seq,
  originalSeq: r.duplicate_of,
  id: r.id,
  published: r.published,
  body: r.body,
});

/**
 * The name forms one article adds to an entity (`entity_forms`): its mentions' canonical forms
 * ('name'), surface texts ('alias'), types and countries, and, once per article, the country the
 * article states for it ('stated': what the entity's country is decided by).
 */
export function entityFormCounts(
  article: LinkArticle,
  local: LocalEntity,
  firstInArticle: boolean,
): [kind: string, form: string, count: number][] {
  const forms = new Map<string, number>();
  const count = (kind: string, form: string | null) => {
    if (form) forms.set(`${kind}\u0000${form}`, (forms.get(`${kind}\u0000${form}`) ?? 0) + 1);
  };
  for (const i of local.mentions) {
    const m = article.entities[i]!;
    count('name', m.canonical);
    count('alias', article.body.slice(m.start, m.end));
    count('type', m.type);
    count('country', m.country);
  }
  if (local.country && firstInArticle) count('stated', local.country);
  return [...forms].map(([key, n]) => {
    const [kind, form] = key.split('\u0000') as [string, string];
    return [kind, form, n];
  });
}

/** A store that can link: runs `fn` in one write transaction (all of it or none). */
export interface LinkableStore {
  linkSession<T>(fn: (session: LinkSession) => Promise<T>): Promise<T>;
  /** Forgets every link and puts every article back in the queue (ids start again at 1). */
  unlinkAll(): Promise<void>;
  /** Whether another process is linking now (a store shared by many processes says; else absent). */
  linkInProgress?(): Promise<boolean>;
}
