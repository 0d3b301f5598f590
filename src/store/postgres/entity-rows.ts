/**
 * An entity's name, type and country read from the counts of its forms, and its recomputation
 * after articles were replaced: the rules of src/store/sqlite/entity-rows.ts (read there why),
 * in PostgreSQL's terms.
 */
import { query, type PgClient } from './connect.js';

const pick = (kind: string) =>
  `(SELECT form FROM entity_forms WHERE entity = $1 AND kind = '${kind}'` +
  " ORDER BY count DESC, strpos(form, '-') > 0 DESC, octet_length(form) DESC, length(form) DESC, form LIMIT 1)";

export async function applyEntitySummary(client: PgClient, id: number): Promise<void> {
  await query(
    client,
    `UPDATE entities SET name = coalesce(${pick('name')}, name), type = coalesce(${pick('type')}, type),` +
      ` country = ${pick('country')} WHERE id = $1`,
    [id],
  );
}

/** Recomputes an entity from its remaining mentions after articles were replaced; none left: deleted. */
export async function refreshEntityRow(client: PgClient, id: number): Promise<void> {
  const { rows } = await query<{
    mentions: number;
    articles: number;
    first: string | null;
    last: string | null;
  }>(
    client,
    'SELECT count(*) AS mentions, count(DISTINCT em.article) AS articles,' +
      ' min(substr(a.published, 1, 10)) AS first, max(substr(a.published, 1, 10)) AS last' +
      ' FROM entity_mentions em JOIN articles a ON a.seq = em.article WHERE em.entity = $1',
    [id],
  );
  const totals = rows[0]!;
  if (!totals.mentions) {
    await query(client, 'DELETE FROM entities WHERE id = $1', [id]);
    return;
  }
  await query(client, 'DELETE FROM entity_forms WHERE entity = $1', [id]);
  const mine =
    'FROM entity_mentions em JOIN mentions m ON m.article = em.article AND m.idx = em.idx WHERE em.entity = $1';
  await query(
    client,
    'INSERT INTO entity_forms (entity, kind, form, count) SELECT $1, kind, form, count(*) FROM (' +
      ` SELECT 'name' AS kind, m.canonical AS form ${mine} UNION ALL SELECT 'alias', m.text ${mine}` +
      ` UNION ALL SELECT 'type', m.type ${mine} UNION ALL SELECT 'country', m.country ${mine}) f` +
      ' WHERE form IS NOT NULL GROUP BY kind, form',
    [id],
  );
  // One 'stated' count per article: the country most of the entity's mentions there state.
  await query(
    client,
    "INSERT INTO entity_forms (entity, kind, form, count) SELECT $1, 'stated', country, count(*) FROM (" +
      ' SELECT DISTINCT ON (em.article) em.article, m.country' +
      ` ${mine} AND m.country IS NOT NULL GROUP BY em.article, m.country` +
      ' ORDER BY em.article, count(*) DESC, m.country COLLATE "C") per GROUP BY country',
    [id],
  );
  await query(
    client,
    'UPDATE entities SET mentions = $2, articles = $3, first = $4, last = $5, dirty = false WHERE id = $1',
    [id, totals.mentions, totals.articles, totals.first, totals.last],
  );
  await applyEntitySummary(client, id);
}
