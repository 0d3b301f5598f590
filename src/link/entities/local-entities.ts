/**
 * One article's entities as linking sees them: the entity stage's mentions grouped by canonical
 * form (it already joined "Pak" and "Mr Pak" to "Pak Chol-su" inside the article), an
 * acronym joined to its long form when the article defines it ("Korean Central News Agency
 * (KCNA)") or when its letters are the initials of an organisation the article names, "the
 * North" joined to the one place the article names that starts with the word, and for
 * each group the keys it is looked up under across articles, its country and a person's roles.
 */
import type { EntityType } from '../../doc/index.js';
import { countryName } from '../../geo/index.js';
import { isAcronym } from '../../geo/normalize.js';
import { nameKey } from '../names.js';
import type { LinkArticle, LocalEntity } from '../types.js';
import { readRoles } from './roles.js';

/** Types that may name one entity: places are GPE or LOC depending on the sentence. */
export const entityClass = (type: EntityType | string): string =>
  type === 'GPE' || type === 'LOC' ? 'PLACE' : type;

const COMPASS = new Set(['north', 'south', 'east', 'west']);
/** Words as written: "Vosk-Lee" is one word, a surname, not a full name. */
const wordCount = (name: string): number => name.trim().split(/\s+/).length;
const INITIALS_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', '&']);

/** "Korean Central News Agency" -> "KCNA" (small words skipped, as acronyms are made). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !INITIALS_SKIP.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Union-find over mention groups. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  return { find, union: (a: number, b: number) => void (parent[find(b)] = find(a)) };
}

function majority(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

export function localEntities(article: LinkArticle): LocalEntity[] {
  const mentions = article.entities;
  // Groups by type class and the canonical form's key.
  const groupOf = new Map<string, number>();
  const members: number[][] = [];
  mentions.forEach((m, i) => {
    const key = nameKey(m.canonical);
    if (!key) return;
    const g = `${entityClass(m.type)}:${key}`;
    if (!groupOf.has(g)) groupOf.set(g, members.push([]) - 1);
    members[groupOf.get(g)!]!.push(i);
  });
  const { find, union } = unionFind(members.length);
  const groupOfMention = new Map<number, number>();
  members.forEach((ms, g) => ms.forEach((i) => groupOfMention.set(i, g)));
  const orgNames = new Map<string, number>();
  members.forEach((ms, g) => {
    const m = mentions[ms[0]!]!;
    if (m.type === 'ORG' && wordCount(m.canonical) > 1) orgNames.set(initials(m.canonical), g);
  });

  const definedAcronyms = new Map<number, string[]>();
  mentions.forEach((m, i) => {
    if (m.type !== 'ORG') return;
    const text = article.body.slice(m.start, m.end);
    // "Long Name (LN)": the acronym in brackets right after the long form, tagged or not.
    const after = /^\s*\(([A-Z][A-Z0-9&.]{1,7})\)/.exec(article.body.slice(m.end, m.end + 12));
    if (after && initials(text) === after[1]!.replace(/\./g, '')) {
      const g = groupOfMention.get(i)!;
      definedAcronyms.set(g, [...(definedAcronyms.get(g) ?? []), after[1]!]);
      const tagged = mentions.findIndex((x) => x.start > m.end && x.start <= m.end + 3 && x.type === 'ORG');
      if (tagged >= 0) union(g, groupOfMention.get(tagged)!);
    }
    // An acronym whose letters are the initials of an organisation the article names in full.
    if (isAcronym(text)) {
      const long = orgNames.get(text.replace(/[.\s]/g, ''));
      if (long !== undefined) union(long, groupOfMention.get(i)!);
    }
  });

  // "the North" in an article that names North Korea (or "the South" beside South Sudan) is
  // that country, when the article names exactly one such country, as a place or by its people.
  const compassCountry = new Map<number, { name: string; country: string }>();
  members.forEach((ms, g) => {
    const m = mentions[ms[0]!]!;
    const word = m.canonical.toLowerCase();
    if (entityClass(m.type) !== 'PLACE' || !COMPASS.has(word)) return;
    const countries = new Set<string>();
    for (const other of members) {
      const x = mentions[other[0]!]!;
      const country = x.country ? countryName(x.country) : null;
      if (
        (entityClass(x.type) === 'PLACE' || x.type === 'NORP') &&
        country?.toLowerCase().startsWith(`${word} `)
      )
        countries.add(x.country!);
    }
    if (countries.size !== 1) return;
    const [country] = countries;
    compassCountry.set(g, { name: countryName(country!)!, country: country! });
    const place = members.findIndex((other) => {
      const x = mentions[other[0]!]!;
      return (
        entityClass(x.type) === 'PLACE' &&
        x.country === country &&
        nameKey(x.canonical) === nameKey(countryName(country!)!)
      );
    });
    if (place >= 0) union(place, g);
  });

  const merged = new Map<number, number[]>();
  members.forEach((_, g) => merged.set(find(g), [...(merged.get(find(g)) ?? []), g]));
  return [...merged.values()].map((groups) => {
    const ids = groups.flatMap((g) => members[g]!).sort((a, b) => a - b);
    const ms = ids.map((i) => mentions[i]!);
    const type = majority(ms.map((m) => m.type)) as EntityType;
    // The longest canonical form names a group that joined an acronym to its long form.
    const compass = groups.map((g) => compassCountry.get(g)).find((c) => c !== undefined);
    const name = compass?.name ?? ms.map((m) => m.canonical).reduce((a, b) => (b.length > a.length ? b : a));
    const texts = ms.map((m) => article.body.slice(m.start, m.end));
    const forms = [
      ...ms.map((m) => m.canonical),
      name,
      ...texts.filter((t) => wordCount(t) > 1 || (type === 'ORG' && isAcronym(t))),
      ...groups.flatMap((g) => definedAcronyms.get(g) ?? []),
    ];
    // A compass word joined by context ("the North") is no name to find the country by elsewhere.
    const keys = [
      ...new Set(forms.filter((f) => !COMPASS.has(f.toLowerCase())).map((f) => `k:${nameKey(f)}`)),
    ].filter((k) => k.length > 2);
    const lone = type === 'PERSON' && wordCount(name) === 1;
    const roles =
      type === 'PERSON' ? dedupeRoles(ms.flatMap((m) => readRoles(article.body, m.start, m.end))) : [];
    return {
      type,
      name,
      mentions: ids,
      country: compass?.country ?? majority(ms.map((m) => m.country)),
      keys,
      surname: lone ? `s:${nameKey(name)}` : null,
      roles,
    };
  });
}

function dedupeRoles(roles: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const r of roles) if (!seen.has(r.toLowerCase())) seen.set(r.toLowerCase(), r);
  return [...seen.values()];
}

/**
 * The keys an entity is indexed under: its names, and for a person with a full name the
 * surname keys of its first and last words, so that a later article naming only "Putin" can
 * find "Vladimir Putin" (family-name-first names put the surname first: "Pak" of "Pak Chol-su").
 */
export function indexKeys(local: LocalEntity, name = local.name): string[] {
  // Words split at spaces only: "Jong-un" is one given name.
  const words = name.split(/\s+/).map(nameKey).filter(Boolean);
  const surnames = local.type === 'PERSON' && words.length > 1 ? [`s:${words[0]}`, `s:${words.at(-1)}`] : [];
  return [...new Set([...local.keys, ...surnames])];
}
