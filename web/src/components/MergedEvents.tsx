/**
 * Merged events as a list: date, type, who did it to whom, and every report with its evidence
 * sentence linked into the article that states it.
 */
import { Link } from 'react-router';
import type { TimelineEvent } from '../types.js';
import { ActorLink, articleHref, dyadHref } from './links.js';

type ActorLike = Parameters<typeof ActorLink>[0]['actor'];

/** One line for an event, merged or as one article coded it. */
export function EventSummary({
  event,
}: {
  event: Pick<TimelineEvent, 'type' | 'mode' | 'modality' | 'date'> & {
    source: ActorLike;
    target: ActorLike;
  };
}) {
  return (
    <>
      <span className={`type type-${event.type}`}>{event.type}</span>
      {event.mode ? <span className="mode"> ({event.mode})</span> : null} <ActorLink actor={event.source} />
      {' → '}
      <ActorLink actor={event.target} />
      <span className="muted">
        {' · '}
        {event.modality} · {event.date ?? 'undated'}
      </span>
    </>
  );
}

export function Reports({ event, exclude }: { event: TimelineEvent; exclude?: string }) {
  const reports = event.reports.filter((r) => r.article !== exclude);
  if (!reports.length) return <p className="muted">No other article reports it.</p>;
  return (
    <ul className="reports">
      {reports.map((r) => (
        <li key={`${r.article}:${r.evidence.start}`}>
          <Link to={articleHref(r.article, r.evidence)}>{r.article}</Link>
          <span className="muted"> {r.published ?? 'undated'}</span>
          <q>{r.text}</q>
        </li>
      ))}
    </ul>
  );
}

export function MergedEventList({ events }: { events: TimelineEvent[] }) {
  if (!events.length) return <p className="muted">No events.</p>;
  return (
    <ol className="events">
      {events.map((event) => (
        <li key={event.id} id={`event-${event.id}`}>
          <EventSummary event={event} />
          {event.source?.entity && event.target?.entity ? (
            <Link className="dyad-link" to={dyadHref(event.source.entity, event.target.entity)}>
              all events between them
            </Link>
          ) : null}
          <Reports event={event} />
        </li>
      ))}
    </ol>
  );
}
