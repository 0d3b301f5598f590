/**
 * Geography: place names, demonyms and international organisations mapped to ISO 3166-1
 * alpha-3 codes. Lookups are synchronous; the tables are built once, on first use.
 *
 * Matching folds case, diacritics, dots and a leading "the" ("the United States", "U.S.",
 * "CÔTE D'IVOIRE"), except for short all-capitals acronyms, which must be written in capitals
 * ("US" and "WHO" match, "us" and "who" do not). Country names that are also English words
 * ("Chad", "Turkey", "Jordan") match in any case: callers that read running text should look up
 * only capitalised words.
 */
import { gazetteer, type GazetteerEntry, type Organization, type Place } from './gazetteer.js';

export type { GazetteerEntry, GazetteerType, Organization, Place, PlaceKind } from './gazetteer.js';

/** A country, capital, seat of power ("Kremlin"), city or region, with the country it belongs to. */
export function lookupPlace(name: string): Place | null {
  return gazetteer().places.get(name) ?? null;
}

/** The country a demonym or adjective of nationality names: "North Korean" -> "PRK". */
export function lookupDemonym(word: string): string | null {
  return gazetteer().demonyms.get(word) ?? null;
}

/** An international organisation ("UN", "IAEA", "European Union"), with its canonical name. */
export function lookupOrganization(name: string): Organization | null {
  return gazetteer().organizations.get(name) ?? null;
}

/** The short common English name of a country: "PRK" -> "North Korea". */
export function countryName(iso3: string): string | null {
  return gazetteer().names.get(iso3.toUpperCase()) ?? null;
}

/** Every phrase of the gazetteer with the entity type it suggests, for NER features. Cheap: built once. */
export function gazetteerEntries(): readonly GazetteerEntry[] {
  return gazetteer().entries;
}
