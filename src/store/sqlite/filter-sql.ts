/**
 * A `CorpusFilter` as SQL conditions on `articles a`, with named parameters only: user values
 * never enter the SQL text. Each condition is an indexed `a.seq IN (...)` lookup, so filters
 * combine by intersection. The text query is parsed and rendered as a quoted FTS5 expression.
 */
import { upperBound } from '../filter.js';
import { parseQuery } from '../query.js';
import type { CorpusFilter } from '../types.js';
import { toFts5 } from './fts.js';

export interface FilterSql {
  /** Conditions to AND together (empty: every article). */
  readonly where: string[];
  readonly params: Record<string, string | number>;
  /** The FTS5 expression, when the filter has a text query. */
  readonly match: string | null;
}

/** `withText: false` leaves the text query to the caller (search joins the index itself). */
export function filterSql(filter: CorpusFilter, withText = true): FilterSql {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const match = filter.text ? toFts5(parseQuery(filter.text)) : null;
  if (match) {
    params.match = match;
    if (withText) where.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)');
  }
  if (filter.entity) {
    params.entity = filter.entity;
    where.push(
      'a.seq IN (SELECT article FROM mentions WHERE canonical = @entity UNION SELECT article FROM mentions WHERE text = @entity)',
    );
  }
  if (filter.country) {
    params.country = filter.country;
    where.push(
      'a.seq IN (SELECT article FROM mentions WHERE country = @country' +
        ' UNION SELECT article FROM events WHERE source_country = @country' +
        ' UNION SELECT article FROM events WHERE target_country = @country)',
    );
  }
  if (filter.type) {
    params.type = filter.type;
    where.push('a.seq IN (SELECT article FROM events WHERE type = @type)');
  }
  if (filter.source) {
    params.source = filter.source;
    where.push('a.source = @source');
  }
  if (filter.from) {
    params.from = filter.from;
    where.push('a.published >= @from');
  }
  if (filter.to) {
    params.to = upperBound(filter.to);
    where.push('a.published <= @to');
  }
  return { where, params, match };
}

export const whereClause = (conditions: readonly string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
