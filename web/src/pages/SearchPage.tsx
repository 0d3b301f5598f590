/**
 * Search: a form for the words and every filter (entity, country, event type, source, date
 * range), kept in the URL so a search can be linked and the back button works; facet counts
 * among all hits that narrow the search when chosen; results with highlighted snippets.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiPath, useApi } from '../api.js';
import { articleHref } from '../components/links.js';
import { Snippet } from '../components/Snippet.js';
import { EventTypeOptions } from '../components/EventTypeOptions.js';
import { Load } from '../components/Status.js';
import type { SearchFacets, SearchHit } from '../types.js';

const PAGE = 20;
const FIELDS = ['q', 'entity', 'country', 'type', 'source', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function FacetGroup({
  title,
  counts,
  onPick,
}: {
  title: string;
  counts: SearchFacets['types'];
  onPick: (value: string) => void;
}) {
  if (!counts.length) return null;
  return (
    <section className="facet" aria-label={`Filter by ${title.toLowerCase()}`}>
      <h3>{title}</h3>
      <ul>
        {counts.slice(0, 10).map((f) => (
          <li key={f.value}>
            <button type="button" className="link-button" onClick={() => onPick(f.value)}>
              {f.value}
            </button>{' '}
            <span className="count">{f.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [draft, setDraft] = useState(current);
  const [draftKey, setDraftKey] = useState(params.toString());
  if (draftKey !== params.toString()) {
    // The URL changed (a facet, back button): the form follows it.
    setDraftKey(params.toString());
    setDraft(current);
  }
  const search = (values: Record<Field, string>, newOffset = 0) => {
    const next = new URLSearchParams();
    for (const f of FIELDS) {
      const value = values[f].trim();
      if (value) next.set(f, f === 'country' ? value.toUpperCase() : value);
    }
    if (newOffset) next.set('offset', String(newOffset));
    setParams(next);
  };
  const loaded = useApi<{ hits: SearchHit[]; facets: SearchFacets }>(
    apiPath('search', { ...current, limit: PAGE, offset, facets: true }),
  );
  const field = (name: Field, label: string, type = 'text', extra: Record<string, string> = {}) => (
    <label className={`field field-${name}`}>
      <span>{label}</span>
      <input
        name={name}
        type={type}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        {...extra}
      />
    </label>
  );

  return (
    <div className="search-page">
      <h1>Search the corpus</h1>
      <form
        role="search"
        className="search-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          search(draft);
        }}
      >
        {field('q', 'Words', 'search', { placeholder: 'envoy talks' })}
        {field('entity', 'Entity')}
        {field('country', 'Country (ISO3)', 'text', { pattern: '[A-Za-z]{3}', maxLength: '3' })}
        <label className="field field-type">
          <span>Event type</span>
          <select value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value })}>
            <EventTypeOptions />
          </select>
        </label>
        {field('source', 'Source')}
        {field('from', 'From', 'date')}
        {field('to', 'To', 'date')}
        <div className="form-actions">
          <button type="submit">Search</button>
          <button
            type="button"
            onClick={() => search(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>)}
          >
            Clear
          </button>
        </div>
      </form>
      <Load loaded={loaded}>
        {({ hits, facets }) => (
          <div className="results-grid">
            <aside className="facets" aria-label="Facets">
              <h2>Narrow down</h2>
              <FacetGroup
                title="Entities"
                counts={facets.entities}
                onPick={(v) => search({ ...current, entity: v })}
              />
              <FacetGroup
                title="Event types"
                counts={facets.types}
                onPick={(v) => search({ ...current, type: v })}
              />
              <FacetGroup
                title="Sources"
                counts={facets.sources}
                onPick={(v) => search({ ...current, source: v })}
              />
              <FacetGroup
                title="Months"
                counts={facets.months}
                onPick={(v) => search({ ...current, from: `${v}-01`, to: lastDayOfMonth(v) })}
              />
            </aside>
            <section aria-label="Results" className="results">
              <h2>{hits.length ? `Results ${offset + 1}–${offset + hits.length}` : 'No articles match'}</h2>
              <ol className="hits" start={offset + 1}>
                {hits.map((hit) => (
                  <li key={hit.id} className="hit">
                    <h3>
                      <Link to={articleHref(hit.id)}>{hit.title ?? hit.id}</Link>
                    </h3>
                    <p className="meta">
                      {hit.published ?? 'undated'}
                      {hit.source ? ` · ${hit.source}` : ''}
                    </p>
                    <Snippet text={hit.snippet} />
                  </li>
                ))}
              </ol>
              <nav className="pager" aria-label="Result pages">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => search(current, Math.max(0, offset - PAGE))}
                >
                  Previous
                </button>
                <button
                  type="button"
                  disabled={hits.length < PAGE}
                  onClick={() => search(current, offset + PAGE)}
                >
                  Next
                </button>
              </nav>
            </section>
          </div>
        )}
      </Load>
    </div>
  );
}
