/**
 * A `CorpusFilter` as PostgreSQL conditions on `articles a`, every value a numbered parameter:
 * user values never enter the SQL text. The text query is parsed by us and rendered as quoted
 * tsquery literals (`tsquery.ts`), matched against the GIN-indexed `search` vector; entity,
 * country and type are `EXISTS` probes of `article_facts`, which the planner turns into a join
 * from whichever side its statistics say is smaller (SQLite needs a hand-made rule for that).
 */
import { factFilters } from '../facts.js';
import { upperBound } from '../filter.js';
import { parseQuery } from '../query.js';
import type { CorpusFilter } from '../types.js';
import { toTsquery } from './tsquery.js';

/** Positional parameters: `add` keeps a value and returns its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface FilterSql {
  /** Conditions to AND together (empty: every article). */
  readonly where: string[];
  /** The tsquery expression (`to_tsquery('english', $n)`), when the filter has a text query. */
  readonly query: string | null;
}

export function filterSql(filter: CorpusFilter, params: SqlParams): FilterSql {
  const where: string[] = [];
  let query: string | null = null;
  if (filter.text) {
    query = `to_tsquery('english', ${params.add(toTsquery(parseQuery(filter.text)))})`;
    where.push(`a.search @@ ${query}`);
  }
  for (const [kind, value] of factFilters(filter))
    where.push(
      `EXISTS (SELECT 1 FROM article_facts f WHERE f.kind = ${params.add(kind)}` +
        ` AND f.value = ${params.add(value)} AND f.article = a.seq)`,
    );
  if (filter.source) where.push(`lower(a.source) = lower(${params.add(filter.source)})`);
  if (filter.from) where.push(`a.published >= ${params.add(filter.from)}`);
  if (filter.to) where.push(`a.published <= ${params.add(upperBound(filter.to))}`);
  return { where, query };
}

export const whereClause = (conditions: readonly string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
