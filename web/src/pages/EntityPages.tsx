/**
 * Entity pages: finding an entity by name (one match goes straight to it), an entity's profile
 * (aliases, country, roles, first and last report), the timeline chart of its events by PLOVER
 * type with the list under it, and the actors seen with it, each linked to their dyad.
 */
import { useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { apiPath, useApi } from '../api.js';
import { articleHref, dyadHref, entityHref } from '../components/links.js';
import { MergedEventList } from '../components/MergedEvents.js';
import { EventTypeOptions } from '../components/EventTypeOptions.js';
import { Load } from '../components/Status.js';
import { TimelineChart } from '../components/TimelineChart.js';
import type { CooccurringEntity, EntityProfile, TimelineEvent } from '../types.js';

function EntityLine({
  entity,
  count,
}: {
  entity: Pick<EntityProfile, 'id' | 'name' | 'type' | 'country'>;
  count: string;
}) {
  return (
    <>
      <Link to={entityHref(entity.id)}>{entity.name}</Link>
      <span className="muted">
        {' '}
        {entity.type}
        {entity.country ? ` · ${entity.country}` : ''} · {count}
      </span>
    </>
  );
}

export function EntitySearchPage() {
  const [params] = useSearchParams();
  const name = params.get('name') ?? '';
  const loaded = useApi<{ entities: EntityProfile[] }>(name ? apiPath('entities', { name }) : null);
  if (!name) return <p>Give a name to look for.</p>;
  return (
    <Load loaded={loaded}>
      {({ entities }) =>
        entities.length === 1 ? (
          <Navigate to={entityHref(entities[0]!.id)} replace />
        ) : (
          <section>
            <h1>Entities named “{name}”</h1>
            {entities.length ? (
              <ul className="plain">
                {entities.map((e) => (
                  <li key={e.id}>
                    <EntityLine entity={e} count={`${e.mentions} mentions`} />
                  </li>
                ))}
              </ul>
            ) : (
              <p>No entity has this name or alias.</p>
            )}
          </section>
        )
      }
    </Load>
  );
}

function Profile({ entity }: { entity: EntityProfile }) {
  return (
    <header className="profile">
      <h1>{entity.name}</h1>
      <p className="meta">
        {entity.type}
        {entity.country ? ` · ${entity.country}` : ''} · {entity.mentions} mentions in{' '}
        {entity.articles.length} {entity.articles.length === 1 ? 'article' : 'articles'} · first{' '}
        {entity.first ?? '?'}, last {entity.last ?? '?'}
      </p>
      <dl className="facts">
        <dt>Also called</dt>
        <dd>
          {entity.aliases.length
            ? entity.aliases.map((a, i) => (
                <span key={a.text}>
                  {i ? ', ' : ''}
                  {a.text} <span className="count">{a.count}</span>
                </span>
              ))
            : '—'}
        </dd>
        <dt>Roles</dt>
        <dd>{entity.roles.length ? entity.roles.join('; ') : '—'}</dd>
        <dt>Articles</dt>
        <dd>
          {entity.articles.slice(0, 30).map((id, i) => (
            <span key={id}>
              {i ? ', ' : ''}
              <Link to={articleHref(id)}>{id}</Link>
            </span>
          ))}
          {entity.articles.length > 30 ? ` and ${entity.articles.length - 30} more` : ''}
        </dd>
      </dl>
    </header>
  );
}

function Cooccurring({ id }: { id: string }) {
  const loaded = useApi<{ entities: CooccurringEntity[] }>(
    apiPath(`entities/${encodeURIComponent(id)}/cooccurring`),
  );
  return (
    <section aria-labelledby="co-heading">
      <h2 id="co-heading">Seen with</h2>
      <Load loaded={loaded}>
        {({ entities }) =>
          entities.length ? (
            <ul className="plain cooccurring">
              {entities.map((e) => (
                <li key={e.id}>
                  <EntityLine
                    entity={e}
                    count={`${e.articles} shared ${e.articles === 1 ? 'article' : 'articles'}`}
                  />{' '}
                  <Link to={dyadHref(id, e.id)} aria-label={`Events between them and ${e.name}`}>
                    events between
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No other entity in the same articles.</p>
          )
        }
      </Load>
    </section>
  );
}

/** Says that a timeline holds more events than one page shows. */
function Truncated({ shown }: { shown: number }) {
  return (
    <p className="meta" role="status">
      Showing the first {shown} events in date order; choose an event type to see others.
    </p>
  );
}

export function EntityPage() {
  const { id = '' } = useParams();
  const [type, setType] = useState('');
  const profile = useApi<EntityProfile>(apiPath(`entities/${encodeURIComponent(id)}`));
  const timeline = useApi<{ events: TimelineEvent[]; truncated: boolean }>(
    apiPath(`entities/${encodeURIComponent(id)}/timeline`, { type }),
  );
  return (
    <Load loaded={profile}>
      {(entity) => (
        <div className="entity-page">
          <Profile entity={entity} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <label className="inline-field">
              Event type{' '}
              <select value={type} onChange={(e) => setType(e.target.value)}>
                <EventTypeOptions anyLabel="all" />
              </select>
            </label>
            <Load loaded={timeline}>
              {({ events, truncated }) => (
                <>
                  {truncated ? <Truncated shown={events.length} /> : null}
                  <TimelineChart events={events} label={`Events of ${entity.name} by type`} />
                  <MergedEventList events={events} />
                </>
              )}
            </Load>
          </section>
          <Cooccurring id={id} />
        </div>
      )}
    </Load>
  );
}

export function DyadPage() {
  const { a = '', b = '' } = useParams();
  const loaded = useApi<{ a: EntityProfile; b: EntityProfile; events: TimelineEvent[]; truncated: boolean }>(
    apiPath(`dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
  );
  return (
    <Load loaded={loaded}>
      {(dyad) => (
        <div className="dyad-page">
          <h1>
            <Link to={entityHref(dyad.a.id)}>{dyad.a.name}</Link> and{' '}
            <Link to={entityHref(dyad.b.id)}>{dyad.b.name}</Link>
          </h1>
          <p className="meta">
            {dyad.events.length} {dyad.events.length === 1 ? 'event' : 'events'} between them, either
            direction.
          </p>
          {dyad.truncated ? <Truncated shown={dyad.events.length} /> : null}
          <TimelineChart events={dyad.events} label={`Events between ${dyad.a.name} and ${dyad.b.name}`} />
          <MergedEventList events={dyad.events} />
        </div>
      )}
    </Load>
  );
}
