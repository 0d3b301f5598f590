/**
 * An article body with its layers drawn from their offsets: entities (linked to the entity the
 * store resolved them to, or looked up by name for an article that is not stored), time expressions (their TIMEX3 value as a tooltip) and event evidence sentences. The
 * body is cut into pieces at every span edge and each piece is a text node inside plain
 * elements, so nothing in the article can become markup.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { segment, type Span } from '../text.js';
import type { DocJson } from '../types.js';
import { entityByNameHref, entityHref } from './links.js';

export interface Layers {
  entities: boolean;
  timexes: boolean;
  events: boolean;
}

type Kind = 'entity' | 'timex' | 'evidence';

/** A mention's link: its resolved entity when the store linked it, else a lookup by name. */
export const mentionHref = (id: string | null, canonical: string) =>
  id ? entityHref(id) : entityByNameHref(canonical);

/** The element id of an evidence sentence, for links and focus. */
export const evidenceId = (span: Span) => `sentence-${span.start}-${span.end}`;

export function ArticleBody({
  article,
  layers,
  active,
  entityIds,
}: {
  article: DocJson;
  layers: Layers;
  /** The resolved entity of each mention, for a stored article. */
  entityIds?: readonly (string | null)[] | undefined;
  /** The span to mark as the one asked for (an event's evidence, or `?at=` in the URL). */
  active: Span | null;
}) {
  const entities = layers.entities ? (article.entities ?? []) : [];
  const timexes = layers.timexes ? (article.timexes ?? []) : [];
  const evidence = layers.events ? (article.events ?? []).map((e) => e.evidence) : [];
  const spans: (Span & { kind: Kind; index: number })[] = [
    ...entities.map((s, index) => ({ ...s, kind: 'entity' as const, index })),
    ...timexes.map((s, index) => ({ ...s, kind: 'timex' as const, index })),
    ...evidence.map((s, index) => ({ ...s, kind: 'evidence' as const, index })),
    ...(active ? [{ ...active, kind: 'evidence' as const, index: -1 }] : []),
  ];
  return (
    <div className="article-body">
      {segment(article.body.length, spans).map(({ start, end, covers }) => {
        let node: ReactNode = article.body.slice(start, end);
        const over = covers.map((i) => spans[i]!);
        const entity = over.find((s) => s.kind === 'entity');
        const timex = over.find((s) => s.kind === 'timex');
        if (timex) {
          const t = timexes[timex.index]!;
          node = (
            <span className="timex" title={`${t.type} ${t.value ?? '(no value)'}`}>
              {node}
            </span>
          );
        }
        if (entity) {
          const e = entities[entity.index]!;
          node = (
            <Link
              className={`entity entity-${e.type}`}
              to={mentionHref(entityIds?.[entity.index] ?? null, e.canonical)}
              title={`${e.type}${e.country ? ` · ${e.country}` : ''} · ${e.canonical}`}
            >
              {node}
            </Link>
          );
        }
        const sentences = over.filter((s) => s.kind === 'evidence');
        if (sentences.length) {
          // The id sits on the first piece of a sentence, so links and focus land at its start.
          const opening = sentences.find((s) => s.start === start);
          const isActive =
            active !== null && sentences.some((s) => s.start === active.start && s.end === active.end);
          node = (
            <span
              className={isActive ? 'evidence active' : 'evidence'}
              id={opening ? evidenceId(opening) : undefined}
              tabIndex={opening ? -1 : undefined}
            >
              {node}
            </span>
          );
        }
        return <span key={start}>{node}</span>;
      })}
    </div>
  );
}
