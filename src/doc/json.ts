/**
 * The JSON form of a Doc: the output contract of `storyline analyze`
 * (../shared/contracts/README.md). Layers that no stage produced are absent, not empty.
 */
import type { Doc, Entity, Event, Timex } from './types.js';

export interface DocJson {
  id: string;
  title: string | null;
  published: string | null;
  body: string;
  entities?: (Entity & { text: string })[];
  timexes?: (Timex & { text: string })[];
  events?: Event[];
}

export function toJson(doc: Doc): DocJson {
  const out: DocJson = { id: doc.id, title: doc.meta.title, published: doc.meta.published, body: doc.text };
  const { entities, timexes, events } = doc.layers;
  if (entities)
    out.entities = entities.map((e) => ({
      start: e.start,
      end: e.end,
      text: doc.text.slice(e.start, e.end),
      type: e.type,
      canonical: e.canonical,
      country: e.country,
    }));
  if (timexes)
    out.timexes = timexes.map((t) => ({
      start: t.start,
      end: t.end,
      text: doc.text.slice(t.start, t.end),
      type: t.type,
      value: t.value,
    }));
  if (events)
    out.events = events.map((e) => ({
      type: e.type,
      ...(e.mode ? { mode: e.mode } : {}),
      source: e.source && { name: e.source.name, country: e.source.country },
      target: e.target && { name: e.target.name, country: e.target.country },
      modality: e.modality,
      date: e.date,
      evidence: { start: e.evidence.start, end: e.evidence.end },
    }));
  return out;
}
