/**
 * The data model's invariants (docs/data-model.md), checked in tests and, cheaply, after
 * every stage. A broken invariant is a bug, so it throws.
 */
import { InvariantError } from './errors.js';
import {
  ENTITY_TYPES,
  EVENT_TYPES,
  MODALITIES,
  TIMEX_TYPES,
  type Doc,
  type LayerName,
  type Span,
} from './types.js';

function checkSpan(doc: Doc, where: string, s: Span): void {
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end))
    throw new InvariantError(`${doc.id}: ${where} has non-integer offsets`);
  if (s.start < 0 || s.end > doc.text.length || s.start > s.end)
    throw new InvariantError(
      `${doc.id}: ${where} [${s.start}, ${s.end}) is outside the text (length ${doc.text.length})`,
    );
}

function checkSorted(doc: Doc, name: LayerName, spans: readonly Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (b.start < a.start) throw new InvariantError(`${doc.id}: layer ${name} is not sorted by start`);
  }
}

function checkNonOverlapping(doc: Doc, name: LayerName, spans: readonly Span[]): void {
  for (let i = 1; i < spans.length; i++)
    if (spans[i]!.start < spans[i - 1]!.end) throw new InvariantError(`${doc.id}: layer ${name} overlaps`);
}

export function checkInvariants(doc: Doc): void {
  const { sentences, tokens, entities, timexes, events } = doc.layers;
  for (const [name, layer] of [
    ['sentences', sentences],
    ['tokens', tokens],
    ['entities', entities],
    ['timexes', timexes],
  ] as const) {
    if (!layer) continue;
    layer.forEach((s, i) => checkSpan(doc, `${name}[${i}]`, s));
    checkSorted(doc, name, layer);
    if (name !== 'timexes') checkNonOverlapping(doc, name, layer);
    for (const s of layer)
      if (s.end === s.start) throw new InvariantError(`${doc.id}: empty span in layer ${name}`);
  }
  entities?.forEach((e, i) => {
    if (!ENTITY_TYPES.includes(e.type)) throw new InvariantError(`${doc.id}: entities[${i}] bad type`);
    if (e.country !== null && !/^[A-Z]{3}$/.test(e.country))
      throw new InvariantError(`${doc.id}: entities[${i}] country is not ISO alpha-3`);
  });
  timexes?.forEach((t, i) => {
    if (!TIMEX_TYPES.includes(t.type)) throw new InvariantError(`${doc.id}: timexes[${i}] bad type`);
  });
  events?.forEach((e, i) => {
    if (!EVENT_TYPES.includes(e.type)) throw new InvariantError(`${doc.id}: events[${i}] bad type`);
    if (!MODALITIES.includes(e.modality)) throw new InvariantError(`${doc.id}: events[${i}] bad modality`);
    checkSpan(doc, `events[${i}].evidence`, e.evidence);
    if (e.evidence.end === e.evidence.start)
      throw new InvariantError(`${doc.id}: events[${i}] has no evidence text`);
  });
}
