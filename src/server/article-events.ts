/**
 * Which merged event each of an article's own events belongs to, for the reader's "merged event"
 * links. `LinkQueries` has no per-article query, so this asks through the interface: each actor
 * the article's events name is resolved to an entity and its timeline read, and a merged event
 * matches when one of its reports is this article's evidence sentence with the same event type.
 * At most `MAX_ACTORS` actors are looked up per article, and none once every event has a match.
 */
import type { DocJson } from '../doc/index.js';
import type { LinkQueries, TimelineEvent } from '../store/types.js';

const MAX_ACTORS = 12;

const reportKey = (type: string, evidence: { start: number; end: number }): string =>
  `${type}:${evidence.start}:${evidence.end}`;

/** The merged event of each `article.events[i]`, or null where the store has none. */
export async function mergedEventsOf(
  store: LinkQueries,
  article: Pick<DocJson, 'id' | 'events'>,
): Promise<(TimelineEvent | null)[]> {
  const events = article.events ?? [];
  const wanted = new Set(events.map((e) => reportKey(e.type, e.evidence)));
  const actors = new Set(
    events.flatMap((e) => [e.source?.name, e.target?.name]).filter((n) => n !== undefined),
  );
  const found = new Map<string, TimelineEvent>();
  for (const name of [...actors].slice(0, MAX_ACTORS)) {
    if (found.size === wanted.size) break;
    const [entity] = await store.findEntities(name, { limit: 1 });
    if (!entity) continue;
    for (const merged of await store.timeline({ entity: entity.id }))
      for (const report of merged.reports)
        if (report.article === article.id) found.set(reportKey(merged.type, report.evidence), merged);
  }
  return events.map((e) => found.get(reportKey(e.type, e.evidence)) ?? null);
}
