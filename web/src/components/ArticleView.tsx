/**
 * The article reader: header (title, date, source, URL as a link only when it is http or https),
 * layer switches, the highlighted body, and side lists of its events (each with a button to its
 * evidence sentence and its merged event across articles), entities and time expressions.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { safeHref, type Span } from '../text.js';
import type { DocJson, TimelineEvent } from '../types.js';
import { ArticleBody, evidenceId, mentionHref, type Layers } from './ArticleBody.js';
import { dyadHref } from './links.js';
import { EventSummary, Reports } from './MergedEvents.js';

export interface ViewedArticle extends DocJson {
  url?: string | null;
  source?: string | null;
}

function focusSentence(span: Span): void {
  const el = document.getElementById(evidenceId(span));
  el?.scrollIntoView({ block: 'center' });
  el?.focus({ preventScroll: true });
}

function MergedNote({ merged, article }: { merged: TimelineEvent; article: string }) {
  const others = merged.reports.filter((r) => r.article !== article).length;
  return (
    <details className="merged">
      <summary>
        Merged event {merged.id}: {merged.reports.length} {merged.reports.length === 1 ? 'report' : 'reports'}
        {others ? `, ${others} in other articles` : ''}
      </summary>
      <p>
        <EventSummary event={merged} />
      </p>
      {merged.source?.entity && merged.target?.entity ? (
        <p>
          <Link to={dyadHref(merged.source.entity, merged.target.entity)}>All events between them</Link>
        </p>
      ) : null}
      <Reports event={merged} exclude={article} />
    </details>
  );
}

export function ArticleView({
  article,
  merged,
  at,
  entityIds,
}: {
  article: ViewedArticle;
  merged: (TimelineEvent | null)[] | null;
  at: Span | null;
  /** The resolved entity of each mention, for a stored article. */
  entityIds?: readonly (string | null)[];
}) {
  const [layers, setLayers] = useState<Layers>({ entities: true, timexes: true, events: true });
  const [active, setActive] = useState<Span | null>(at);
  useEffect(() => {
    if (at) focusSentence(at);
  }, [at]);
  const href = safeHref(article.url);
  const events = article.events ?? [];
  const entityNames = [
    ...new Map(
      (article.entities ?? []).map((e, i) => {
        const id = entityIds?.[i] ?? null;
        return [id ?? e.canonical, { ...e, href: mentionHref(id, e.canonical) }];
      }),
    ).values(),
  ];

  const toggle = (key: keyof Layers) => (
    <label>
      <input
        type="checkbox"
        checked={layers[key]}
        onChange={(e) => setLayers({ ...layers, [key]: e.target.checked })}
      />{' '}
      {key === 'entities' ? 'Entities' : key === 'timexes' ? 'Times' : 'Event sentences'}
    </label>
  );

  return (
    <article className="reader">
      <header>
        <h1>{article.title ?? article.id}</h1>
        <p className="meta">
          <span>{article.published ?? 'undated'}</span>
          {article.source ? <span> · {article.source}</span> : null}
          {article.url ? (
            <span>
              {' · '}
              {href ? (
                <a href={href} rel="noopener noreferrer">
                  original
                </a>
              ) : (
                <span className="unsafe-url" title="not an http(s) link, shown as text">
                  {article.url}
                </span>
              )}
            </span>
          ) : null}
        </p>
      </header>
      <div className="reader-grid">
        <section aria-label="Article text">
          <fieldset className="layers">
            <legend>Highlight</legend>
            {toggle('entities')}
            {toggle('timexes')}
            {toggle('events')}
          </fieldset>
          <ArticleBody article={article} layers={layers} active={active} entityIds={entityIds} />
        </section>
        <aside>
          <section aria-labelledby="events-heading">
            <h2 id="events-heading">Events ({events.length})</h2>
            <ol className="events">
              {events.map((event, i) => (
                <li key={i}>
                  <EventSummary event={event} />
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setLayers((l) => ({ ...l, events: true }));
                      setActive(event.evidence);
                      requestAnimationFrame(() => focusSentence(event.evidence));
                    }}
                  >
                    Show sentence
                  </button>
                  {merged?.[i] ? <MergedNote merged={merged[i]} article={article.id} /> : null}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="entities-heading">
            <h2 id="entities-heading">Entities ({entityNames.length})</h2>
            <ul className="chips">
              {entityNames.map((e) => (
                <li key={e.href}>
                  <Link to={e.href} className={`entity entity-${e.type}`}>
                    {e.canonical}
                  </Link>
                  <span className="muted"> {e.type}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="times-heading">
            <h2 id="times-heading">Times ({article.timexes?.length ?? 0})</h2>
            <ul className="plain">
              {(article.timexes ?? []).map((t) => (
                <li key={t.start}>
                  <span className="timex">{t.text}</span> <span className="muted">{t.value ?? t.type}</span>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </article>
  );
}
