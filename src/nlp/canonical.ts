/**
 * One canonical form per entity within a document. Spelling variants meet on a folded key
 * ("Choe Ryong Hae" / "Choe Ryong-hae"; the hyphenated, then most frequent, then longest form
 * wins); a short person mention ("Choe", "Putin") takes the full name it is part of; countries
 * take their common name ("N Korea" -> "North Korea") and international organisations theirs.
 */
import { countryName, lookupOrganization, lookupPlace } from '../geo/index.js';
import type { EntityType } from '../doc/index.js';

export interface Mention {
  readonly text: string;
  readonly type: EntityType;
}

const nameWords = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/[.‐‑–—-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w);
const foldKey = (s: string): string => nameWords(s).join(' ');

/** The preferred spelling among variants: hyphenated, then most frequent, then longest. */
function preferred(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()].sort(
    (a, b) =>
      Number(b[0].includes('-')) - Number(a[0].includes('-')) ||
      b[1] - a[1] ||
      b[0].length - a[0].length ||
      (a[0] < b[0] ? -1 : 1),
  )[0]![0];
}

/** Canonical form of each mention, in input order. */
export function canonicalForms(mentions: readonly Mention[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const m of mentions) {
    const key = `${m.type}:${foldKey(m.text)}`;
    const list = byKey.get(key) ?? [];
    list.push(m.text);
    byKey.set(key, list);
  }
  const spelling = new Map([...byKey.entries()].map(([k, forms]) => [k, preferred(forms)]));
  const persons = [...byKey.entries()]
    .filter(([k]) => k.startsWith('PERSON:'))
    .map(([k, forms]) => ({ words: k.slice(7).split(' '), count: forms.length, key: k }));

  return mentions.map((m) => {
    const key = `${m.type}:${foldKey(m.text)}`;
    if (m.type === 'GPE') {
      const place = lookupPlace(m.text);
      if (place?.kind === 'country') return countryName(place.country) ?? spelling.get(key)!;
    }
    if (m.type === 'ORG') {
      const igo = lookupOrganization(m.text);
      if (igo) return igo.name;
    }
    if (m.type === 'PERSON') {
      const words = nameWords(m.text);
      const fuller = persons
        .filter((p) => p.words.length > words.length && words.every((w) => p.words.includes(w)))
        .sort((a, b) => b.count - a.count || b.words.length - a.words.length || (a.key < b.key ? -1 : 1))[0];
      if (fuller) return spelling.get(fuller.key)!;
    }
    return spelling.get(key)!;
  });
}
