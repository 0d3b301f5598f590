/**
 * The central data type. A `Doc` owns the article body (`text`), which never changes once
 * extraction has produced it; every annotation is a standoff layer of half-open spans
 * `[start, end)` in UTF-16 units of `text`, so each fact points at its evidence.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Sentence = Span;

export interface Token extends Span {
  /** Penn Treebank part-of-speech tag, once the tagger has run. */
  readonly pos?: string;
}

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity extends Span {
  readonly type: EntityType;
  /** One form per entity within the document ("Choe" -> "Choe Ryong-hae"). */
  readonly canonical: string;
  /** ISO 3166-1 alpha-3, or null when the document does not say. */
  readonly country: string | null;
}

export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

export interface Timex extends Span {
  readonly type: TimexType;
  /** TIMEX3 value: 2014, 2014-11, 2014-W47, 2014-11-17, P1M, PAST_REF, XXXX-12, ... */
  readonly value: string | null;
}

export const EVENT_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const MODALITIES = ['asserted', 'planned', 'possible', 'negated'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface Actor {
  readonly name: string;
  /** ISO 3166-1 alpha-3, or null (international organisations, unknown). */
  readonly country: string | null;
  /** The mention the actor was read from, when there is one. */
  readonly span?: Span;
}

export interface Event {
  readonly type: EventType;
  readonly mode?: string;
  readonly source: Actor | null;
  readonly target: Actor | null;
  readonly modality: Modality;
  /** TIMEX3 value or null. */
  readonly date: string | null;
  /** The sentence that states the event. */
  readonly evidence: Span;
  /** The word or phrase that triggered the coding. */
  readonly trigger?: Span;
}

/** Every layer a stage can provide; absent until a stage provides it. */
export interface Layers {
  readonly sentences?: readonly Sentence[];
  readonly tokens?: readonly Token[];
  readonly entities?: readonly Entity[];
  readonly timexes?: readonly Timex[];
  readonly events?: readonly Event[];
}
export type LayerName = keyof Layers;
export const LAYER_NAMES: readonly LayerName[] = ['sentences', 'tokens', 'entities', 'timexes', 'events'];

export interface DocMeta {
  readonly title: string | null;
  /** ISO date (YYYY-MM-DD) or date-time; null when unknown, never today by default. */
  readonly published: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly byline: string | null;
}

/** A non-fatal problem found while processing a document: data on the doc, not an exception. */
export interface Issue {
  readonly code: string;
  readonly message: string;
  readonly stage: string;
  readonly span?: Span;
}

export interface Doc {
  readonly id: string;
  readonly text: string;
  readonly meta: DocMeta;
  readonly layers: Layers;
  readonly issues: readonly Issue[];
}
