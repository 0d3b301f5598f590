/**
 * Renders a parsed query (`../query.ts`) as an SQLite FTS5 MATCH expression. Every word and
 * phrase becomes a double-quoted FTS5 string, so the user's text is always data, never syntax;
 * the tokenizer then splits it exactly as it split the indexed text.
 */
import type { QueryNode } from '../query.js';

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export function toFts5(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return quote(node.text) + (node.prefix ? '*' : '');
    case 'phrase':
      return quote(node.text);
    case 'or':
      return `(${node.items.map(toFts5).join(' OR ')})`;
    case 'and': {
      const required = `(${node.items.map(toFts5).join(' AND ')})`;
      return node.not.reduce((expr, n) => `(${expr} NOT ${toFts5(n)})`, required);
    }
  }
}
