/**
 * A small fictional corpus for the explorer's tests, written for them (no real article text).
 * Each article is written as a spec (text, which names are entities, which dates, which events in
 * which sentence) and built into a `StoredArticle` with exact offsets, so the layers always point
 * at the text they claim to. One article carries XSS probes in every field the explorer shows.
 */
import type { EntityType, EventType, Modality } from '../../src/doc/index.js';
import type { StoredArticle } from '../../src/store/types.js';
import { MemoryStore } from './memory-store.js';

interface EventSpec {
  type: EventType;
  mode?: string;
  source: string | null;
  target: string | null;
  modality?: Modality;
  date: string | null;
  /** A fragment of the sentence that states the event; the evidence is that whole sentence. */
  in: string;
}

export interface ArticleSpec {
  id: string;
  title: string;
  published: string;
  source: string;
  url: string;
  body: string;
  /** [mention text, type, canonical (default: the text), country] */
  entities: [string, EntityType, string | null, string | null][];
  timexes: [string, string][];
  events: EventSpec[];
  story?: string;
  duplicateOf?: string;
}

/** The script payloads set this flag; a test fails when it becomes true. */
export const XSS_FLAG = '__storylinePwned';
const XSS_SCRIPT = `<script>window.${XSS_FLAG}=true</script>`;
const XSS_IMG = `<img src=x onerror="window.${XSS_FLAG}=true">`;

const COUNTRY: Record<string, string> = { Norway: 'NOR', Chile: 'CHL' };

export const ARTICLE_SPECS: ArticleSpec[] = [
  {
    id: 'marrow-arrives',
    title: 'Envoy Ilsa Marrow arrives in Santiago for fisheries talks',
    published: '2025-02-03',
    source: 'Harbour Post',
    url: 'https://harbour.example/marrow-arrives',
    body:
      'Norwegian envoy Ilsa Marrow arrived in Santiago on Monday for two days of talks on fishing quotas. ' +
      'Marrow met Chilean fisheries minister Tomas Aravena at the port authority. ' +
      'Norway and Chile plan to sign a quota accord next week, officials said.',
    entities: [
      ['Ilsa Marrow', 'PERSON', null, 'NOR'],
      ['Marrow', 'PERSON', 'Ilsa Marrow', 'NOR'],
      ['Santiago', 'GPE', null, 'CHL'],
      ['Tomas Aravena', 'PERSON', null, 'CHL'],
      ['Norway', 'GPE', null, 'NOR'],
      ['Chile', 'GPE', null, 'CHL'],
    ],
    timexes: [
      ['on Monday', '2025-02-03'],
      ['next week', '2025-W07'],
    ],
    events: [
      {
        type: 'CONSULT',
        mode: 'visit',
        source: 'Ilsa Marrow',
        target: 'Chile',
        date: '2025-02-03',
        in: 'arrived',
      },
      {
        type: 'CONSULT',
        source: 'Ilsa Marrow',
        target: 'Tomas Aravena',
        date: '2025-02-03',
        in: 'Marrow met',
      },
      {
        type: 'AGREE',
        source: 'Norway',
        target: 'Chile',
        modality: 'planned',
        date: '2025-W07',
        in: 'plan to sign',
      },
    ],
    story: 'st-quota',
  },
  {
    id: 'marrow-arrives-wire',
    title: 'Norwegian envoy in Santiago for quota talks',
    published: '2025-02-03',
    source: 'Northern Wire',
    url: 'https://wire.example/2025/02/03/envoy',
    body:
      'Norwegian envoy Ilsa Marrow arrived in Santiago on Monday for two days of talks on fishing quotas. ' +
      'Marrow met Chilean fisheries minister Tomas Aravena at the port authority.',
    entities: [
      ['Ilsa Marrow', 'PERSON', null, 'NOR'],
      ['Marrow', 'PERSON', 'Ilsa Marrow', 'NOR'],
      ['Santiago', 'GPE', null, 'CHL'],
      ['Tomas Aravena', 'PERSON', null, 'CHL'],
    ],
    timexes: [['on Monday', '2025-02-03']],
    events: [
      {
        type: 'CONSULT',
        mode: 'visit',
        source: 'Ilsa Marrow',
        target: 'Chile',
        date: '2025-02-03',
        in: 'arrived',
      },
      {
        type: 'CONSULT',
        source: 'Ilsa Marrow',
        target: 'Tomas Aravena',
        date: '2025-02-03',
        in: 'Marrow met',
      },
    ],
    story: 'st-quota',
    duplicateOf: 'marrow-arrives',
  },
  {
    id: 'quota-accord-signed',
    title: 'Chile and Norway sign fisheries quota accord',
    published: '2025-02-11',
    source: 'Harbour Post',
    url: 'https://harbour.example/accord',
    body:
      'Chile and Norway signed a five-year fisheries accord in Santiago on Tuesday. ' +
      'Tomas Aravena said the accord would protect southern hake stocks. ' +
      'Ilsa Marrow praised Chile for its patience during the talks.',
    entities: [
      ['Chile', 'GPE', null, 'CHL'],
      ['Norway', 'GPE', null, 'NOR'],
      ['Santiago', 'GPE', null, 'CHL'],
      ['Tomas Aravena', 'PERSON', null, 'CHL'],
      ['Ilsa Marrow', 'PERSON', null, 'NOR'],
    ],
    timexes: [['on Tuesday', '2025-02-11']],
    events: [
      { type: 'AGREE', source: 'Chile', target: 'Norway', date: '2025-02-11', in: 'signed' },
      { type: 'SUPPORT', source: 'Ilsa Marrow', target: 'Chile', date: '2025-02-11', in: 'praised' },
    ],
    story: 'st-quota',
  },
  {
    id: 'oslo-rally',
    title: 'Fishers rally in Oslo against the new quota rules',
    published: '2025-03-01',
    source: 'Fjord Daily',
    url: 'https://fjord.example/rally',
    body:
      'Several hundred fishers rallied outside the fisheries ministry in Oslo on Saturday. ' +
      'They accused Ilsa Marrow of giving away northern catch shares.',
    entities: [
      ['Oslo', 'GPE', null, 'NOR'],
      ['Ilsa Marrow', 'PERSON', null, 'NOR'],
    ],
    timexes: [['on Saturday', '2025-03-01']],
    events: [
      { type: 'PROTEST', source: 'fishers', target: 'Norway', date: '2025-03-01', in: 'rallied' },
      { type: 'ACCUSE', source: 'fishers', target: 'Ilsa Marrow', date: '2025-03-01', in: 'accused' },
    ],
  },
  {
    id: 'marrow-warns',
    title: 'Marrow warns Chile over trawler reports',
    published: '2025-04-02',
    source: 'Northern Wire',
    url: 'https://wire.example/2025/04/02/warning',
    body:
      'Ilsa Marrow warned Chile on Wednesday that Norway could suspend the accord if trawlers kept breaking it. ' +
      'Tomas Aravena rejected the claim in a statement.',
    entities: [
      ['Ilsa Marrow', 'PERSON', null, 'NOR'],
      ['Chile', 'GPE', null, 'CHL'],
      ['Norway', 'GPE', null, 'NOR'],
      ['Tomas Aravena', 'PERSON', null, 'CHL'],
    ],
    timexes: [['on Wednesday', '2025-04-02']],
    events: [
      { type: 'THREATEN', source: 'Ilsa Marrow', target: 'Chile', date: '2025-04-02', in: 'warned' },
      { type: 'REJECT', source: 'Tomas Aravena', target: 'Ilsa Marrow', date: '2025-04-02', in: 'rejected' },
    ],
  },
  {
    id: 'probe-article',
    title: `${XSS_SCRIPT} Harbour notes ${XSS_IMG}`,
    published: '2025-04-05',
    source: `<b onmouseover="window.${XSS_FLAG}=true">Probe Press</b>`,
    url: `javascript:window.${XSS_FLAG}=true`,
    body:
      `Delegates of ${XSS_IMG} met Ilsa Marrow in Bergen on Saturday. ` +
      `A note read ${XSS_SCRIPT} and <a href="javascript:window.${XSS_FLAG}=true">click</a> at the quay.`,
    entities: [
      [XSS_IMG, 'ORG', null, null],
      ['Ilsa Marrow', 'PERSON', null, 'NOR'],
      ['Bergen', 'GPE', null, 'NOR'],
    ],
    timexes: [['on Saturday', '2025-04-05']],
    events: [{ type: 'CONSULT', source: XSS_IMG, target: 'Ilsa Marrow', date: '2025-04-05', in: 'met Ilsa' }],
  },
];

/** Entity roles the profile shows (the linking module derives these from appositions). */
export const ROLES: Record<string, string[]> = {
  'Ilsa Marrow': ['envoy'],
  'Tomas Aravena': ['fisheries minister'],
};

/** Where `text` occurs as whole words ("Chile" is not in "Chilean"). */
function spansOf(body: string, text: string): { start: number; end: number }[] {
  const out = [];
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + text.length)) {
    const end = at + text.length;
    if (/\w/.test(body[at - 1] ?? '') || /\w/.test(body[end] ?? '')) continue;
    out.push({ start: at, end });
  }
  return out;
}

function sentenceAround(body: string, at: number): { start: number; end: number } {
  const dot = body.lastIndexOf('. ', at);
  const stop = body.indexOf('. ', at);
  return { start: dot < 0 ? 0 : dot + 2, end: stop < 0 ? body.length : stop + 1 };
}

export function buildArticle(spec: ArticleSpec): StoredArticle {
  const { body } = spec;
  const taken: { start: number; end: number }[] = [];
  const entities = spec.entities
    .flatMap(([text, type, canonical, country]) =>
      spansOf(body, text).map((span) => ({ ...span, text, type, canonical: canonical ?? text, country })),
    )
    // "Marrow" inside "Ilsa Marrow" is not a mention of its own.
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((e) => {
      if (taken.some((t) => e.start < t.end && t.start < e.end)) return false;
      taken.push(e);
      return true;
    });
  const country = (name: string | null) =>
    name === null ? null : (COUNTRY[name] ?? entities.find((e) => e.canonical === name)?.country ?? null);
  return {
    id: spec.id,
    title: spec.title,
    published: spec.published,
    body,
    entities,
    timexes: spec.timexes.flatMap(([text, value]) =>
      spansOf(body, text).map((span) => ({ ...span, text, type: 'DATE' as const, value })),
    ),
    events: spec.events.map((e) => {
      const at = body.indexOf(e.in);
      if (at < 0) throw new Error(`fixture ${spec.id}: "${e.in}" is not in the body`);
      return {
        type: e.type,
        ...(e.mode ? { mode: e.mode } : {}),
        source: e.source === null ? null : { name: e.source, country: country(e.source) },
        target: e.target === null ? null : { name: e.target, country: country(e.target) },
        modality: e.modality ?? 'asserted',
        date: e.date,
        evidence: sentenceAround(body, at),
      };
    }),
    url: spec.url,
    source: spec.source,
    hash: `hash-${spec.id}`,
    pipeline_version: 'test',
    ingested_at: '2025-05-01T00:00:00.000Z',
  };
}

export const FIXTURE_ARTICLES: StoredArticle[] = ARTICLE_SPECS.map(buildArticle);

/** A fresh in-memory store holding the fixture corpus, with its stories and duplicates. */
export function fixtureStore(): MemoryStore {
  const links = Object.fromEntries(
    ARTICLE_SPECS.map((s) => [
      s.id,
      { ...(s.story ? { story: s.story } : {}), ...(s.duplicateOf ? { duplicateOf: s.duplicateOf } : {}) },
    ]),
  );
  return new MemoryStore(FIXTURE_ARTICLES, links, ROLES);
}
