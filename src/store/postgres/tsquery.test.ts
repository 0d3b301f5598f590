// The search syntax rendered for PostgreSQL: every word a quoted tsquery literal, so nothing a user
// types reaches to_tsquery as an operator (no server needed: the rendering is checked as text).
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../query.js';
import { toTsquery } from './tsquery.js';

describe('parseQuery -> tsquery', () => {
  it.each([
    ['election', "'election'"],
    ['Election  results', "('Election' & 'results')"],
    ['"prime minister"', "'prime minister'"],
    ['elect*', "'elect':*"],
    ['a OR b c', "(('a' | 'b') & 'c')"],
    ['port -storm -"high tide"', "((('port') & !'storm') & !'high tide')"],
    ['(a OR b) (c OR d)', "(('a' | 'b') & ('c' | 'd'))"],
    // must not become syntax: quotes, backslashes, tsquery operators and labels stay inside a literal
    ["O'Neil", "'O''Neil'"],
    ["it's' | !x", "('it''s''' & '!x')"],
    ['back\\slash', "'back\\\\slash'"],
    ['title:A', "'title:A'"],
    ['a&b|c', "'a&b|c'"],
    ['x:*', "'x:':*"],
    ["'; DROP TABLE articles; --", "('DROP' & 'TABLE' & 'articles;')"],
  ])('%s -> %s', (query, tsquery) => {
    expect(toTsquery(parseQuery(query))).toBe(tsquery);
  });
});
