/**
 * An entity's name, type and country, read from the counts of its forms (`entity_forms`): the
 * most frequent canonical form (on a tie: a hyphenated spelling, then one with diacritics, then
 * the longer), the most frequent type, and the country the most articles state ('stated': one
 * per article, its mentions' majority), so that an article that never says "North Korean" still
 * shows PRK for a person other articles place there, and one article's slip does not outweigh
 * many that agree.
 */
import type { SqliteDb } from './open.js';
import { statement } from './statements.js';

const PICK =
  'SELECT form FROM entity_forms WHERE entity = ? AND kind = ?' +
  " ORDER BY count DESC, instr(form, '-') > 0 DESC, length(CAST(form AS BLOB)) DESC, length(form) DESC, form LIMIT 1";

export function applyEntitySummary(db: SqliteDb, id: number): void {
  const pick = statement(db, PICK).pluck();
  statement(
    db,
    'UPDATE entities SET name = coalesce(?, name), type = coalesce(?, type), country = ? WHERE id = ?',
  ).run(pick.get(id, 'name') ?? null, pick.get(id, 'type') ?? null, pick.get(id, 'country') ?? null, id);
}

/** Recomputes an entity from its remaining mentions after articles were replaced; none left: deleted. */
export function refreshEntityRow(db: SqliteDb, id: number): void {
  const totals = statement(
    db,
    'SELECT COUNT(*) AS mentions, COUNT(DISTINCT em.article) AS articles,' +
      ' min(substr(a.published, 1, 10)) AS first, max(substr(a.published, 1, 10)) AS last' +
      ' FROM entity_mentions em JOIN articles a ON a.seq = em.article WHERE em.entity = ?',
  ).get(id) as { mentions: number; articles: number; first: string | null; last: string | null };
  if (!totals.mentions) {
    statement(db, 'DELETE FROM entities WHERE id = ?').run(id);
    return;
  }
  statement(db, 'DELETE FROM entity_forms WHERE entity = ?').run(id);
  const from =
    ' FROM entity_mentions em JOIN mentions m ON m.article = em.article AND m.idx = em.idx WHERE em.entity = ?';
  const insert = (kind: string, column: string) =>
    statement(
      db,
      `INSERT INTO entity_forms (entity, kind, form, count) SELECT ?, '${kind}', ${column}, COUNT(*)${from}` +
        ` AND ${column} IS NOT NULL GROUP BY ${column} COLLATE BINARY`,
    ).run(id, id);
  insert('name', 'm.canonical');
  insert('alias', 'm.text');
  insert('type', 'm.type');
  insert('country', 'm.country');
  // One 'stated' count per article: the country most of the entity's mentions there state.
  const perArticle = statement(
    db,
    'SELECT em.article, m.country, COUNT(*) AS n FROM entity_mentions em' +
      ' JOIN mentions m ON m.article = em.article AND m.idx = em.idx' +
      ' WHERE em.entity = ? AND m.country IS NOT NULL GROUP BY em.article, m.country ORDER BY em.article, n DESC, m.country',
  ).all(id) as { article: number; country: string }[];
  const stated = new Map<string, number>();
  let last = -1;
  for (const r of perArticle) {
    if (r.article === last) continue;
    last = r.article;
    stated.set(r.country, (stated.get(r.country) ?? 0) + 1);
  }
  const insertStated = statement(
    db,
    "INSERT INTO entity_forms (entity, kind, form, count) VALUES (?, 'stated', ?, ?)",
  );
  for (const [country, n] of stated) insertStated.run(id, country, n);
  statement(
    db,
    'UPDATE entities SET mentions = ?, articles = ?, first = ?, last = ?, dirty = 0 WHERE id = ?',
  ).run(totals.mentions, totals.articles, totals.first, totals.last, id);
  applyEntitySummary(db, id);
}
