/**
 * The facts the corpus filters ask of an article, as (kind, value) pairs a store can index:
 * `entity` (each mention's canonical form and text, lower-cased so the filter ignores case in
 * every script), `country` (of a mention or an event actor) and `type` (an event's PLOVER type).
 */
import type { CorpusFilter, StoredArticle } from './types.js';

export type FactKind = 'entity' | 'country' | 'type';

export const entityKey = (name: string): string => name.trim().toLowerCase();

export function articleFacts(article: StoredArticle): [FactKind, string][] {
  const facts = new Set<string>();
  const add = (kind: FactKind, value: string | null | undefined) => {
    if (value) facts.add(`${kind}\u0000${value}`);
  };
  for (const m of article.entities ?? []) {
    add('entity', entityKey(m.canonical));
    add('entity', entityKey(m.text));
    add('country', m.country);
  }
  for (const e of article.events ?? []) {
    add('type', e.type);
    add('country', e.source?.country);
    add('country', e.target?.country);
  }
  return [...facts].map((f) => f.split('\u0000') as [FactKind, string]);
}

/** The fact filters of a corpus filter, each as the (kind, value) it asks for. */
export function factFilters(filter: CorpusFilter): [FactKind, string][] {
  const out: [FactKind, string][] = [];
  if (filter.entity) out.push(['entity', entityKey(filter.entity)]);
  if (filter.country) out.push(['country', filter.country]);
  if (filter.type) out.push(['type', filter.type]);
  return out;
}
