/**
 * Builds the geo gazetteer once, on first use: countries (common, official and alternate
 * names), capitals and demonyms from the world-countries package, plus the hand-edited lists in
 * `lexicons/` for what it lacks (short forms, seats of power, major cities, organisations).
 * Priority when two entries share a key: hand-edited lists, then independent countries, then
 * territories; demonyms that two independent countries share ("Congolese") are dropped unless a
 * hand-edited row settles them.
 */
import { createRequire } from 'node:module';
import type { Countries, Country } from 'world-countries';
import { acronymKey, foldName, isAcronym } from './normalize.js';
import { readLexicon } from './read-lexicon.js';

export type PlaceKind = 'country' | 'capital' | 'seat' | 'city' | 'region';
export interface Place {
  readonly country: string;
  readonly kind: PlaceKind;
}
export interface Organization {
  readonly name: string;
  readonly country: string | null;
  readonly kind: 'igo';
}
export type GazetteerType = 'GPE' | 'LOC' | 'NORP' | 'ORG';
export interface GazetteerEntry {
  readonly phrase: string;
  readonly type: GazetteerType;
}

/** A name table with a folded key for ordinary names and a case-kept key for acronyms. */
export class NameTable<T> {
  private readonly folded = new Map<string, T>();
  private readonly acronyms = new Map<string, T>();

  /** Adds `phrase` unless it is already there (or `override` is set). */
  add(phrase: string, value: T, override = false): void {
    const [map, key] = isAcronym(phrase)
      ? [this.acronyms, acronymKey(phrase)]
      : [this.folded, foldName(phrase)];
    if (!key || (!override && map.has(key))) return;
    map.set(key, value);
  }

  has(phrase: string): boolean {
    return isAcronym(phrase) ? this.acronyms.has(acronymKey(phrase)) : this.folded.has(foldName(phrase));
  }

  get(name: string): T | undefined {
    return this.folded.get(foldName(name)) ?? this.acronyms.get(acronymKey(name));
  }
}

export interface Gazetteer {
  readonly places: NameTable<Place>;
  readonly demonyms: NameTable<string>;
  readonly organizations: NameTable<Organization>;
  readonly names: ReadonlyMap<string, string>;
  readonly entries: readonly GazetteerEntry[];
}

const LATIN_NAME = /^[\p{Script=Latin}\s.'’()-]+$/u;

/** Alternate spellings worth indexing: Latin script, no inverted "Korea, Republic of" forms, no codes. */
function usableAltSpelling(alt: string): boolean {
  return LATIN_NAME.test(alt) && !alt.includes(',') && !/^[A-Z.]+$/.test(alt);
}

function loadCountries(): Countries {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Countries;
  return [...countries].sort((a, b) => Number(b.independent) - Number(a.independent));
}

function addCountry(
  gaz: Gazetteer,
  c: Country,
  entries: GazetteerEntry[],
  seenDemonyms: Map<string, string>,
) {
  const place = (kind: PlaceKind): Place => ({ country: c.cca3, kind });
  for (const name of [c.name.common, c.name.official, ...c.altSpellings.filter(usableAltSpelling)]) {
    gaz.places.add(name, place('country'));
    entries.push({ phrase: name, type: 'GPE' });
  }
  for (const capital of c.capital ?? []) {
    gaz.places.add(capital, place('capital'));
    entries.push({ phrase: capital, type: 'GPE' });
  }
  const eng = c.demonyms?.['eng'];
  for (const demonym of new Set(eng ? [eng.m, eng.f] : [])) {
    if (!demonym) continue;
    const prior = seenDemonyms.get(demonym);
    if (prior === undefined) seenDemonyms.set(demonym, c.independent ? c.cca3 : `~${c.cca3}`);
    else if (prior !== c.cca3 && c.independent && !prior.startsWith('~')) seenDemonyms.set(demonym, '');
    entries.push({ phrase: demonym, type: 'NORP' });
  }
}

/** "Afghan" -> "Afghans", "Israeli" -> "Israelis"; "Chinese", "French" stay as they are. */
function pluralDemonym(word: string): string | null {
  return /(an|i)$/.test(word) ? `${word}s` : null;
}

const PLACE_KINDS = new Set<string>(['country', 'capital', 'seat', 'city', 'region']);

function buildGazetteer(): Gazetteer {
  const gaz: Gazetteer = {
    places: new NameTable(),
    demonyms: new NameTable(),
    organizations: new NameTable(),
    names: new Map(),
    entries: [],
  };
  const entries = gaz.entries as GazetteerEntry[];
  const names = gaz.names as Map<string, string>;

  for (const [phrase, iso3, kind] of readLexicon('places.tsv')) {
    if (!phrase || !iso3 || !kind || !PLACE_KINDS.has(kind)) continue;
    gaz.places.add(phrase, { country: iso3, kind: kind as PlaceKind }, true);
    entries.push({ phrase, type: kind === 'seat' ? 'ORG' : kind === 'region' ? 'LOC' : 'GPE' });
  }
  for (const [phrase, iso3] of readLexicon('cities.tsv')) {
    if (!phrase || !iso3) continue;
    gaz.places.add(phrase, { country: iso3, kind: 'city' });
    entries.push({ phrase, type: 'GPE' });
  }
  for (const [phrase, iso3] of readLexicon('demonyms.tsv')) {
    if (!phrase || !iso3) continue;
    gaz.demonyms.add(phrase, iso3, true);
    entries.push({ phrase, type: 'NORP' });
  }

  const seenDemonyms = new Map<string, string>();
  for (const c of loadCountries()) {
    if (!names.has(c.cca3)) names.set(c.cca3, c.name.common);
    addCountry(gaz, c, entries, seenDemonyms);
  }
  for (const [iso3, name] of readLexicon('country-names.tsv')) if (iso3 && name) names.set(iso3, name);
  for (const [demonym, iso3] of seenDemonyms) {
    if (!iso3) continue;
    const code = iso3.replace(/^~/, '');
    gaz.demonyms.add(demonym, code);
    const plural = pluralDemonym(demonym);
    if (plural) gaz.demonyms.add(plural, code);
  }

  for (const [phrase, canonical] of readLexicon('organizations.tsv')) {
    if (!phrase || !canonical) continue;
    gaz.organizations.add(phrase, { name: canonical, country: null, kind: 'igo' }, true);
    entries.push({ phrase, type: 'ORG' });
  }
  for (const [phrase] of readLexicon('regions.tsv')) if (phrase) entries.push({ phrase, type: 'LOC' });
  return gaz;
}

let cached: Gazetteer | undefined;

/** The gazetteer, built on first call and kept for the life of the process. */
export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
