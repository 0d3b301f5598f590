/**
 * Text of a DOM subtree with paragraph structure kept: each block element (p, li, h1..h6,
 * div, ...) and each `<br>` ends a paragraph, whitespace inside a paragraph is collapsed, and
 * paragraphs are joined by exactly one blank line. Iterative, so deeply nested pages cannot
 * overflow the stack.
 */

/** The part of the DOM Node interface we read; linkedom's nodes satisfy it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

/** Elements that end a paragraph. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION ' +
    'FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE ' +
    'TBODY THEAD TFOOT TR UL'
  ).split(' '),
);
const SKIP = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME HEAD OBJECT SELECT OPTION'.split(' '));
const CELL = new Set(['TD', 'TH']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function collapseSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Paragraphs of the subtree, in document order, each with its whitespace collapsed. */
export function paragraphsOf(root: DomNode): string[] {
  const paras: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = collapseSpace(current);
    if (p) paras.push(p);
    current = '';
  };
  // A stack of [node, leaving]; `leaving` marks the second visit of a block, when it closes.
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) continue;
    const block = BLOCK_ELEMENTS.has(name);
    if (block) {
      flush();
      stack.push([node, true]);
    } else if (CELL.has(name)) current += ' ';
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
  }
  flush();
  return paras;
}

export function blockText(root: DomNode): string {
  return paragraphsOf(root).join('\n\n');
}
