/** Links between pages: to an entity (by id, or by name when the store has not resolved one), to an article's sentence. */
import { Link } from 'react-router';
import type { TimelineEvent } from '../types.js';

export const entityHref = (id: string) => `/entities/${encodeURIComponent(id)}`;
export const entityByNameHref = (name: string) => `/entities?name=${encodeURIComponent(name)}`;
export const articleHref = (id: string, evidence?: { start: number; end: number }) =>
  `/articles/${encodeURIComponent(id)}${evidence ? `?at=${evidence.start}-${evidence.end}` : ''}`;
export const dyadHref = (a: string, b: string) => `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;

type Actor = TimelineEvent['source'];

export function ActorLink({ actor }: { actor: Actor | { name: string; country: string | null } | null }) {
  if (!actor) return <span className="muted">nobody named</span>;
  const id = 'entity' in actor ? actor.entity : null;
  return (
    <Link to={id ? entityHref(id) : entityByNameHref(actor.name)} className="actor">
      {actor.name}
      {actor.country ? <span className="country"> ({actor.country})</span> : null}
    </Link>
  );
}
