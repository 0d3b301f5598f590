/**
 * The keys under which spellings of one name meet across articles. Romanised names vary in
 * hyphens, spaces and case ("Choe Ryong-hae", "Choe Ryong Hae", "CHOE RYONG HAE"), European
 * ones in diacritics ("Renée" / "Renee"): the key drops all of that, and a possessive "'s".
 * Keys only propose candidates; whether two entities merge is decided by `src/link/entities`.
 */
import { foldName } from '../geo/normalize.js';

/** Folded words of a name: no diacritics, case, dots, hyphens, possessive or leading "the". */
export function nameWords(name: string): string[] {
  return foldName(name)
    .replace(/'s\b/g, '')
    .replace(/['"()[\],]/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

/** One key per spelling family: the folded words run together ("choeryonghae"). */
export function nameKey(name: string): string {
  return nameWords(name).join('');
}
