// The search syntax: what parses to what (rendered as FTS5), and the mistakes that get a clear message.
import { describe, expect, it } from 'vitest';
import { checkFilter } from './filter.js';
import { parseQuery, QuerySyntaxError } from './query.js';
import { toFts5 } from './sqlite/fts.js';

describe('parseQuery -> FTS5', () => {
  it.each([
    ['election', '"election"'],
    ['Election  results', '("Election" AND "results")'],
    ['"prime minister"', '"prime minister"'],
    ['elect*', '"elect"*'],
    ['a OR b c', '(("a" OR "b") AND "c")'],
    ['port -storm -"high tide"', '((("port") NOT "storm") NOT "high tide")'],
    ['port NOT storm', '(("port") NOT "storm")'],
    ['(a OR b) (c OR d)', '(("a" OR "b") AND ("c" OR "d"))'],
    ['ferry AND storm', '("ferry" AND "storm")'],
    ['U.S. O’Neil "hi there"', '("U.S." AND "O’Neil" AND "hi there")'],
    ['title:secret', '"title:secret"'],
    ['NEAR(a b)', '("NEAR" AND ("a" AND "b"))'],
    ['or and not', '("or" AND "and" AND "not")'],
    ['& ferry', '"ferry"'],
  ])('%s -> %s', (query, fts) => {
    expect(toFts5(parseQuery(query))).toBe(fts);
  });

  it.each([
    ['"unclosed', 'a quote is not closed'],
    ['ferry OR', 'OR needs a word on each side'],
    ['OR ferry', 'OR needs a word on each side'],
    ['a OR OR b', 'OR needs a word on each side'],
    ['a OR -b', 'an excluded word cannot be one side of OR'],
    ['-ferry', 'every word is excluded'],
    ['(ferry', 'a parenthesis is not closed'],
    ['ferry)', 'a closing parenthesis has no opening one'],
    ['()', 'holds nothing to search for'],
    ['', 'nothing to search for'],
    ['&& ||', 'nothing to search for'],
    ['ferry NOT', 'must be followed by a word'],
  ])('%j is refused: %s', (query, reason) => {
    expect(() => parseQuery(query)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(query)).toThrow(reason);
  });
});

describe('checkFilter', () => {
  it.each([
    [
      { country: 'fra', type: 'consult', from: '2014', to: '2014-11-30' },
      { country: 'FRA', type: 'CONSULT', from: '2014', to: '2014-11-30' },
    ],
    [{ text: '  ', entity: ' Choe ' }, { entity: 'Choe' }],
  ])('%j -> %j', (input, filter) => {
    expect(checkFilter(input)).toEqual({ ok: true, filter });
  });

  it.each([
    [{ country: 'France' }, '--country'],
    [{ type: 'MEET' }, '--type'],
    [{ from: '14/11/2014' }, '--from'],
    [{ to: '2014-1' }, '--to'],
    [{ from: '2015', to: '2014-12' }, 'after'],
  ])('%j is refused naming %s', (input, name) => {
    const out = checkFilter(input);
    expect(!out.ok && out.message).toContain(name);
  });
});
