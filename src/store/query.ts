/**
 * The search box's query syntax, parsed into a tree that each store renders in its own engine's
 * syntax (FTS5 for SQLite, tsquery for PostgreSQL). Users never write engine syntax: every word
 * becomes a quoted literal, so nothing they type can reach the engine as an operator.
 *
 * Syntax: words (all must match), "exact phrases", `word*` prefixes, `OR` between alternatives,
 * `-word` or `NOT word` to exclude, parentheses to group. Mistakes (an unclosed quote, a dangling
 * OR, only excluded words) throw `QuerySyntaxError` with a message meant for the user.
 */
import { ERRORS } from '../doc/index.js';

export type QueryNode =
  | { readonly kind: 'term'; readonly text: string; readonly prefix: boolean }
  | { readonly kind: 'phrase'; readonly text: string }
  | { readonly kind: 'and'; readonly items: readonly QueryNode[]; readonly not: readonly QueryNode[] }
  | { readonly kind: 'or'; readonly items: readonly QueryNode[] };

export class QuerySyntaxError extends Error {
  readonly code = 'E_QUERY';
  constructor(detail: string) {
    super(`${ERRORS.E_QUERY}: ${detail}`);
    this.name = 'QuerySyntaxError';
  }
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'phrase'; text: string }
  | { kind: 'or' }
  | { kind: 'not' }
  | { kind: 'open' }
  | { kind: 'close' };

/** Only letters and digits are searchable; a "word" of punctuation alone matches nothing. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError('a quote is not closed');
      tokens.push({ kind: 'phrase', text: query.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close' });
      i++;
    } else if (c === '-' && i + 1 < query.length && !/\s/.test(query[i + 1]!)) {
      tokens.push({ kind: 'not' });
      i++;
    } else {
      const m = /^[^\s"()]+/.exec(query.slice(i))!;
      const text = m[0];
      tokens.push(text === 'OR' ? { kind: 'or' } : text === 'NOT' ? { kind: 'not' } : { kind: 'word', text });
      i += text.length;
    }
  }
  return tokens.filter((t) => !(t.kind === 'word' && t.text === 'AND'));
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.sequence();
    if (this.at < this.tokens.length) throw new QuerySyntaxError('a closing parenthesis has no opening one');
    if (!node) throw new QuerySyntaxError('there is nothing to search for');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  /** Clauses side by side, all required; excluded ones are kept apart. */
  private sequence(): QueryNode | null {
    const items: QueryNode[] = [];
    const not: QueryNode[] = [];
    for (let t = this.peek(); t && t.kind !== 'close'; t = this.peek()) {
      if (t.kind === 'not') {
        this.at++;
        const excluded = this.primary('NOT or -');
        if (excluded) not.push(excluded);
        continue;
      }
      const clause = this.alternatives();
      if (clause) items.push(clause);
    }
    if (!items.length && not.length)
      throw new QuerySyntaxError('every word is excluded; add at least one word to search for');
    if (!items.length) return null;
    return items.length === 1 && !not.length ? items[0]! : { kind: 'and', items, not };
  }

  private alternatives(): QueryNode | null {
    if (this.peek()?.kind === 'or') throw new QuerySyntaxError('OR needs a word on each side');
    const items: QueryNode[] = [];
    const first = this.primary('OR');
    if (first) items.push(first);
    while (this.peek()?.kind === 'or') {
      this.at++;
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close')
        throw new QuerySyntaxError('OR needs a word on each side');
      if (next.kind === 'not') throw new QuerySyntaxError('an excluded word cannot be one side of OR');
      const item = this.primary('OR');
      if (item) items.push(item);
    }
    if (!items.length) return null;
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private primary(after: string): QueryNode | null {
    const t = this.tokens[this.at++];
    if (!t || t.kind === 'close' || t.kind === 'or' || t.kind === 'not')
      throw new QuerySyntaxError(`${after} must be followed by a word`);
    if (t.kind === 'open') {
      const inner = this.sequence();
      if (this.tokens[this.at++]?.kind !== 'close') throw new QuerySyntaxError('a parenthesis is not closed');
      if (!inner) throw new QuerySyntaxError('a pair of parentheses holds nothing to search for');
      return inner;
    }
    if (!SEARCHABLE.test(t.text)) return null;
    if (t.kind === 'phrase') return { kind: 'phrase', text: t.text };
    const prefix = t.text.endsWith('*');
    return { kind: 'term', text: prefix ? t.text.replace(/\*+$/, '') : t.text, prefix };
  }
}

/** Parses a user's query; throws `QuerySyntaxError` with a readable reason. */
export function parseQuery(query: string): QueryNode {
  return new Parser(tokenize(query)).parse();
}
