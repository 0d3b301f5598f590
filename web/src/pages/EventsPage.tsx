/** Merged events across the corpus with filters (type, country, entity, dates), kept in the URL. */
import { useSearchParams } from 'react-router';
import { apiPath, useApi } from '../api.js';
import { MergedEventList } from '../components/MergedEvents.js';
import { EventTypeOptions } from '../components/EventTypeOptions.js';
import { Load } from '../components/Status.js';
import type { TimelineEvent } from '../types.js';

const FIELDS = ['type', 'country', 'entity', 'from', 'to'] as const;

export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? '']));
  const loaded = useApi<{ events: TimelineEvent[] }>(apiPath('events', { ...filter, limit: 200 }));
  return (
    <section>
      <h1>Events</h1>
      <form
        className="search-form"
        aria-label="Filter events"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const f of FIELDS) {
            const value = String(data.get(f) ?? '').trim();
            if (value) next.set(f, f === 'country' ? value.toUpperCase() : value);
          }
          setParams(next);
        }}
        key={params.toString()}
      >
        <label className="field">
          <span>Event type</span>
          <select name="type" defaultValue={filter.type}>
            <EventTypeOptions />
          </select>
        </label>
        <label className="field">
          <span>Country (ISO3)</span>
          <input name="country" defaultValue={filter.country} maxLength={3} />
        </label>
        <label className="field">
          <span>Entity</span>
          <input name="entity" defaultValue={filter.entity} />
        </label>
        <label className="field">
          <span>From</span>
          <input name="from" type="date" defaultValue={filter.from} />
        </label>
        <label className="field">
          <span>To</span>
          <input name="to" type="date" defaultValue={filter.to} />
        </label>
        <div className="form-actions">
          <button type="submit">Filter</button>
        </div>
      </form>
      <Load loaded={loaded}>{({ events }) => <MergedEventList events={events} />}</Load>
    </section>
  );
}
