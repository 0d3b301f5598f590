/**
 * Cross-article entity resolution for one article: each local entity joins an existing entity
 * found under one of its name keys, or becomes a new one. Spellings meet on the key (hyphens,
 * spaces, case, diacritics: src/link/names.ts); what keeps different people apart:
 * - only full names are keys, so two full names that share a surname never meet ("Kim Yong-nam"
 *   and "Kim Jong-un" have different keys);
 * - the types must agree (GPE and LOC count as one);
 * - stated countries must agree: a "Kim Jong-un" of South Korea would be another person. A known
 *   entity's country counts only when at least `SETTLED_SHARE` of its articles state it: one stray
 *   statement ("Syria under President Donald Trump" read as Syrian) must not split a person whom
 *   most articles place nowhere or elsewhere;
 * - a person named by one word only ("Putin", when the article never gives the full name) joins a
 *   known full name only when exactly one person with that surname is known, else it stays apart.
 * When one article shows that two existing entities are one (it defines "KCNA" as the "Korean
 * Central News Agency", known apart until now), the second is merged into the first.
 */
import { entityClass } from './local-entities.js';
import type { EntityCandidate, EntityResolution, LocalEntity } from '../types.js';

const idNumber = (id: string): number => Number(id.replace(/\D/g, '')) || 0;

/** Share of a known entity's articles that must state its country for it to block a merge. */
export const SETTLED_SHARE = 0.2;

interface Placed {
  readonly type: string;
  readonly country: string | null;
  readonly articles?: number;
  readonly countryArticles?: number;
}

/** The entity's country, when enough of its articles state it (an article's own entity: always). */
function settledCountry(e: Placed): string | null {
  if (e.articles === undefined || e.countryArticles === undefined) return e.country;
  return e.countryArticles >= SETTLED_SHARE * e.articles ? e.country : null;
}

function compatible(a: Placed, b: Placed) {
  const [x, y] = [settledCountry(a), settledCountry(b)];
  return entityClass(a.type) === entityClass(b.type) && (x === null || y === null || x === y);
}

/** The best of several matches: the same stated country, then the most mentioned, then the oldest. */
function best(local: LocalEntity, matches: readonly EntityCandidate[]): EntityCandidate {
  const score = (c: EntityCandidate) => (local.country !== null && c.country === local.country ? 1 : 0);
  return [...matches].sort(
    (a, b) => score(b) - score(a) || b.mentions - a.mentions || idNumber(a.id) - idNumber(b.id),
  )[0]!;
}

const isLone = (c: EntityCandidate): boolean => !c.keys.some((k) => k.startsWith('s:'));

export function resolveEntities(
  locals: readonly LocalEntity[],
  candidates: readonly EntityCandidate[],
): EntityResolution {
  const merges: [string, string][] = [];
  const mergedAway = new Set<string>();
  const assigned = locals.map((local): string | null => {
    const live = candidates.filter((c) => !mergedAway.has(c.id) && compatible(local, c));
    const byKey = live.filter((c) => c.keys.some((k) => local.keys.includes(k)));
    if (local.surname) {
      const surname = local.surname;
      const full = live.filter((c) => c.type === 'PERSON' && !isLone(c) && c.keys.includes(surname));
      if (full.length === 1) return full[0]!.id;
      if (full.length > 1) return null;
      return byKey.length ? best(local, byKey).id : null;
    }
    if (!byKey.length) return null;
    const chosen = best(local, byKey);
    // Other matches that agree with the chosen one are the same entity known apart until now
    // (under the acronym and under the long form); ones whose countries conflict stay apart.
    for (const other of byKey)
      if (other.id !== chosen.id && compatible(chosen, other)) {
        merges.push([other.id, chosen.id]);
        mergedAway.add(other.id);
      }
    return chosen.id;
  });
  return { assigned, merges };
}
