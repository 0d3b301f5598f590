/**
 * The link pass: takes the articles waiting in the store's link queue, in link order (published
 * ascending, undated last, then id), and links each one: near-duplicates, entities across
 * articles, merged events, its story. Each batch is one write transaction, so a killed pass
 * loses at most the batch in flight and the next pass picks it up again. One linker at a time
 * (the store's write lock); linking in one fixed order makes the result the same however the
 * articles were ingested, by one process or many workers, as long as they are linked together.
 */
import {
  ActorResolver,
  chooseMergedEvent,
  eventKey,
  indexKeys,
  localEntities,
  reportWindow,
  resolveEntities,
  type DuplicateDetector,
  type EventReportInput,
  type LinkArticle,
  type LocalEntity,
  type StoryLinker,
} from '../link/index.js';
import type { EntityType } from '../doc/index.js';
import type { ArticleLinkRow, LinkableStore, LinkSession, PendingArticle } from './link-session.js';

export interface Linkers {
  readonly stories: StoryLinker;
  readonly duplicates: DuplicateDetector;
}

export interface LinkPassOptions {
  /** Articles per transaction (default 100). */
  readonly batchSize?: number;
  /** Told after each batch: articles linked so far. */
  readonly onProgress?: (linked: number) => void;
}

/** Links every article waiting in the queue; returns how many were linked. */
export async function linkPending(
  store: LinkableStore,
  linkers: Linkers,
  opts: LinkPassOptions = {},
): Promise<number> {
  const batchSize = Math.max(1, opts.batchSize ?? 100);
  let linked = 0;
  for (;;) {
    const done = await store.linkSession(async (session) => {
      await refreshDirty(session, linkers.stories);
      const batch = await session.pending(batchSize);
      for (const pending of batch) await linkArticle(session, pending, linkers);
      // Relinking an article (its original was replaced) leaves what it fed stale too.
      await refreshDirty(session, linkers.stories);
      return batch.length;
    });
    linked += done;
    if (done) opts.onProgress?.(linked);
    if (done < batchSize) return linked;
  }
}

/** Recomputes what replaced articles left stale. */
async function refreshDirty(session: LinkSession, stories: StoryLinker): Promise<void> {
  const dirty = await session.dirty();
  for (const id of dirty.entities) await session.refreshEntity(id);
  for (const id of dirty.events) await session.refreshEvent(id);
  for (const id of dirty.stories)
    await session.refreshStory(id, (members) => {
      let state = null;
      for (const m of members) state = stories.add(state, id, m.vector, m.published);
      return state && { state, keys: stories.indexKeys(state) };
    });
}

async function findDuplicates(
  session: LinkSession,
  pending: PendingArticle,
  detector: DuplicateDetector,
): Promise<Pick<ArticleLinkRow, 'bands' | 'duplicateOf' | 'similar'>> {
  const body = pending.article.body;
  const bands = detector.bands(body);
  let duplicateOf: { seq: number; similarity: number } | null = null;
  const similar: { seq: number; similarity: number }[] = [];
  for (const c of await session.duplicateCandidates(bands, pending.seq)) {
    const similarity = detector.similarity(body, c.body);
    if (similarity < detector.similarAt) continue;
    similar.push({ seq: c.seq, similarity });
    if (similarity >= detector.duplicateAt && (!duplicateOf || similarity > duplicateOf.similarity))
      duplicateOf = { seq: c.originalSeq ?? c.seq, similarity };
  }
  return {
    bands,
    duplicateOf: duplicateOf?.seq ?? null,
    similar: similar.filter((s) => s.seq !== duplicateOf?.seq),
  };
}

/** Resolves the article's entities; returns their ids in `localEntities` order. */
async function linkEntities(session: LinkSession, seq: number, article: LinkArticle) {
  const locals = localEntities(article);
  const keys = [...new Set(locals.flatMap((l) => (l.surname ? [...l.keys, l.surname] : l.keys)))];
  const { assigned, merges } = resolveEntities(locals, await session.entityCandidates(keys));
  const into = new Map<string, string>();
  for (const [from, to] of merges) {
    await session.mergeEntity(from, to);
    into.set(from, to);
  }
  const follow = (id: string): string => (into.has(id) ? follow(into.get(id)!) : id);
  const ids: string[] = [];
  for (const [i, local] of locals.entries()) {
    const known = assigned[i];
    const id = known ? follow(known) : await session.createEntity(local);
    await session.attachEntity(seq, article, { ...local, keys: indexKeys(local) }, id);
    ids.push(id);
  }
  return { locals, ids };
}

async function linkEvents(
  session: LinkSession,
  seq: number,
  article: LinkArticle,
  actors: ActorResolver,
): Promise<void> {
  for (const [index, e] of article.events.entries()) {
    const report: EventReportInput = {
      index,
      type: e.type,
      mode: e.mode ?? null,
      source: actors.resolve(e.source),
      target: actors.resolve(e.target),
      modality: e.modality,
      date: e.date,
      published: article.published,
      article: article.id,
      evidence: e.evidence,
      text: article.body.slice(e.evidence.start, e.evidence.end),
    };
    const key = eventKey(report);
    const chosen = chooseMergedEvent(report, await session.eventCandidates(key, reportWindow(report)));
    await session.addReport(chosen ?? (await session.createEvent(key, report)), seq, report);
  }
}

/** Puts the article in the most similar story, or opens one; returns the story and the vector. */
async function linkStory(
  session: LinkSession,
  article: LinkArticle,
  entities: { locals: readonly LocalEntity[]; ids: readonly string[] },
  stories: StoryLinker,
) {
  const mentions = new Map<string, { id: string; type: EntityType; mentions: number }>();
  entities.locals.forEach((l, i) => {
    const id = entities.ids[i]!;
    mentions.set(id, { id, type: l.type, mentions: (mentions.get(id)?.mentions ?? 0) + l.mentions.length });
  });
  const vector = stories.vector({ ...article, entities: [...mentions.values()] });
  const candidates = await session.storyCandidates(stories.probeKeys(vector));
  const decision = stories.decide(vector, article.published, candidates);
  const story = decision.story ?? (await session.createStory());
  const state = stories.add(candidates.find((c) => c.id === story) ?? null, story, vector, article.published);
  await session.saveStory(state, stories.indexKeys(state));
  return { story, vector };
}

async function linkArticle(session: LinkSession, pending: PendingArticle, linkers: Linkers): Promise<void> {
  const { seq, article } = pending;
  await session.clear(seq);
  const duplicates = await findDuplicates(session, pending, linkers.duplicates);
  const entities = await linkEntities(session, seq, article);
  if (duplicates.duplicateOf !== null) {
    // A copy's events are its original's (not reported twice), and it is in its original's story.
    const story = await session.storyOf(duplicates.duplicateOf);
    if (story !== null) return session.finish(seq, { ...duplicates, story, vector: null });
  } else await linkEvents(session, seq, article, new ActorResolver(entities.locals, entities.ids));
  await session.finish(seq, {
    ...duplicates,
    ...(await linkStory(session, article, entities, linkers.stories)),
  });
}
