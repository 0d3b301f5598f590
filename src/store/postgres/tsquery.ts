/**
 * Renders a parsed query (`../query.ts`) as the text `to_tsquery('english', …)` reads. Every word
 * and phrase becomes a single-quoted tsquery literal (quotes doubled, backslashes escaped), so the
 * user's text is always data, never operators; the English configuration then splits and stems it
 * exactly as it did the indexed text (a quoted phrase becomes words that must follow each other).
 */
import type { QueryNode } from '../query.js';

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export function toTsquery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return quote(node.text) + (node.prefix ? ':*' : '');
    case 'phrase':
      return quote(node.text);
    case 'or':
      return `(${node.items.map(toTsquery).join(' | ')})`;
    case 'and': {
      const required = `(${node.items.map(toTsquery).join(' & ')})`;
      return node.not.reduce((expr, n) => `(${expr} & !${toTsquery(n)})`, required);
    }
  }
}
