/**
 * How names are folded before lookup, so "Côte d'Ivoire", "COTE D’IVOIRE" and "the Ivory
 * Coast" meet the same key. Short all-capitals acronyms ("US", "WHO") keep their case in a
 * separate key, because folding them would match the everyday words "us" and "who".
 */

/** Removes diacritics, case, dots, hyphens, curly quotes, a leading "the" and extra spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, ' ')
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The case-kept key of an acronym: dots and spaces dropped ("U.S." -> "US", "U. N." -> "UN"). */
export function acronymKey(name: string): string {
  return name.replace(/^the\s+/i, '').replace(/[.\s]/g, '');
}

/** A phrase written in capitals (digits allowed) of at most five letters: matched case-sensitively. */
export function isAcronym(phrase: string): boolean {
  const key = acronymKey(phrase);
  return key.length > 0 && key.length <= 5 && /^[A-Z0-9&]+$/.test(key) && /[A-Z]/.test(key);
}
