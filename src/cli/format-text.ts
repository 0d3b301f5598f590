/**
 * The readable `--format text` view of a Doc: a header (title, date, byline), the body, then
 * one section per layer. Sections render whatever layers exist, generically, so each layer
 * shows up here as soon as its stage is in the pipeline; a new section is one more entry in
 * `SECTIONS`.
 */
import { textOf, type Doc } from '../doc/index.js';

export type Section = (doc: Doc) => string[] | null;

const EXCERPT = 70;

function excerpt(s: string, max = EXCERPT): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Left-aligned columns, widths from the longest cell (capped by the excerpt length). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const entitiesSection: Section = (doc) => {
  const entities = doc.layers.entities;
  if (!entities) return null;
  const rows = entities.map((e) => [textOf(doc, e), e.type, e.canonical, e.country ?? '']);
  return [`Entities (${entities.length})`, ...renderTable(['text', 'type', 'canonical', 'country'], rows)];
};

const timexesSection: Section = (doc) => {
  const timexes = doc.layers.timexes;
  if (!timexes) return null;
  const rows = timexes.map((t) => [textOf(doc, t), t.type, t.value ?? '']);
  return [`Time expressions (${timexes.length})`, ...renderTable(['text', 'type', 'value'], rows)];
};

const eventsSection: Section = (doc) => {
  const events = doc.layers.events;
  if (!events) return null;
  const rows = events.map((e) => [
    e.date ?? '',
    e.source ? `${e.source.name}${e.source.country ? ` (${e.source.country})` : ''}` : '',
    e.mode ? `${e.type}/${e.mode}` : e.type,
    e.target ? `${e.target.name}${e.target.country ? ` (${e.target.country})` : ''}` : '',
    e.modality,
    excerpt(textOf(doc, e.evidence), 60),
  ]);
  return [
    `Events (${events.length})`,
    ...renderTable(['date', 'source', 'type/mode', 'target', 'modality', 'evidence'], rows),
  ];
};

const issuesSection: Section = (doc) =>
  doc.issues.length
    ? [`Issues (${doc.issues.length})`, ...doc.issues.map((i) => `${i.code} [${i.stage}] ${i.message}`)]
    : null;

/** The sections after the body, in order. Other layers add theirs here. */
export const SECTIONS: Section[] = [entitiesSection, timexesSection, eventsSection, issuesSection];

export function formatDocText(doc: Doc, sections: readonly Section[] = SECTIONS): string {
  const head = [
    `# ${doc.meta.title ?? '(no title)'}`,
    `id: ${doc.id}   published: ${doc.meta.published ?? 'unknown'}${doc.meta.byline ? `   by: ${doc.meta.byline}` : ''}`,
    '',
    doc.text,
  ];
  const rest = sections.flatMap((s) => {
    const lines = s(doc);
    return lines ? ['', ...lines] : [];
  });
  return [...head, ...rest, ''].join('\n');
}
