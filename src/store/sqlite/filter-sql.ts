/**
 * A `CorpusFilter` as SQL conditions with named parameters only: user values never enter the
 * SQL text. Entity, country and type are looked up in `article_facts`: as a probe of its index
 * per candidate article (`EXISTS`), or, for a fact few articles have, as the set of those
 * articles (`IN`), which is cheaper to start from. The text query is parsed and rendered as a
 * quoted FTS5 expression.
 */
import { factFilters, type FactKind } from '../facts.js';
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

export interface FilterSqlOptions {
  /**
   * The article key of the outer query: `a.seq` (on `articles a`, the default) or `f.rowid`
   * (on `articles_fts f`, where the caller matches the text itself and ranks).
   */
  readonly key?: 'a.seq' | 'f.rowid';
  /** Whether few enough articles have a fact that starting from them is cheaper (outer `articles a` only). */
  readonly rare?: (kind: FactKind, value: string) => boolean;
}

export function filterSql(filter: CorpusFilter, opts: FilterSqlOptions = {}): FilterSql {
  const key = opts.key ?? 'a.seq';
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const match = filter.text ? toFts5(parseQuery(filter.text)) : null;
  if (match) {
    params.match = match;
    if (key === 'a.seq')
      where.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)');
  }
  factFilters(filter).forEach(([kind, value], i) => {
    params[`fact${i}`] = value;
    where.push(
      key === 'a.seq' && opts.rare?.(kind, value)
        ? `a.seq IN (SELECT article FROM article_facts WHERE kind = '${kind}' AND value = @fact${i})`
        : `EXISTS (SELECT 1 FROM article_facts WHERE kind = '${kind}' AND value = @fact${i} AND article = ${key})`,
    );
  });
  const own: string[] = [];
  if (filter.source) {
    params.source = filter.source;
    own.push('a.source = @source');
  }
  if (filter.from) {
    params.from = filter.from;
    own.push('a.published >= @from');
  }
  if (filter.to) {
    params.to = upperBound(filter.to);
    own.push('a.published <= @to');
  }
  if (key === 'a.seq') where.push(...own);
  else if (own.length)
    where.push(`EXISTS (SELECT 1 FROM articles a WHERE a.seq = f.rowid AND ${own.join(' AND ')})`);
  return { where, params, match };
}

export const whereClause = (conditions: readonly string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
