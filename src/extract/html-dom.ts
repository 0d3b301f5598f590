/**
 * Parsing HTML with linkedom, and the small slice of the DOM interface our extraction code
 * reads (the project compiles without the DOM lib, and linkedom's own types lean on it).
 *
 * linkedom builds the tree exactly as the markup nests, with no HTML tree-construction rules:
 * a page with no element at all has no `documentElement` (Readability then throws "First
 * argument to Readability constructor should be a document object"), a fragment's root is its
 * first element with every later element outside it, content after `</html>` or beside a
 * `<frameset>` sits outside `<body>`. `parseDocument` therefore always returns the shape a
 * browser would: one `<html>` holding a `<head>` and a `<body>`, every other node in the body.
 */
import { parseHTML } from 'linkedom';
import type { DomNode } from './dom-text.js';

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly parentNode: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly className: string;
  readonly id: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  appendChild<T extends DomNode>(node: T): T;
  remove(): void;
  closest(selector: string): DomElement | null;
}

export interface DomDocument extends DomElement {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  createElement(name: string): DomElement;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_TYPE_NODE = 10;

const isElement = (node: DomNode, tag: string): node is DomElement =>
  node.nodeType === ELEMENT_NODE && node.nodeName.toUpperCase() === tag;

/** What a `<head>` may hold; anything else (content after a missing `<body>`) belongs in the body. */
const HEAD_CONTENT = new Set('TITLE META LINK BASE STYLE SCRIPT NOSCRIPT TEMPLATE'.split(' '));
const outOfHead = (node: DomNode): boolean =>
  (node.nodeType === ELEMENT_NODE && !HEAD_CONTENT.has(node.nodeName.toUpperCase())) ||
  (node.nodeType === TEXT_NODE && !!(node.textContent ?? '').trim());

/** The common case: `<html>` alone at the top, holding `<head>` then `<body>` and nothing else. */
function wellFormed(doc: DomDocument): boolean {
  for (const node of Array.from(doc.childNodes)) {
    if (node.nodeType === TEXT_NODE && (node.textContent ?? '').trim()) return false;
    if (node.nodeType === ELEMENT_NODE && !isElement(node, 'HTML')) return false;
  }
  const root = doc.documentElement;
  const head = root?.firstElementChild;
  if (!root || !head || !isElement(head, 'HEAD')) return false;
  if (Array.from(head.childNodes).some(outOfHead)) return false;
  const body = head.nextElementSibling;
  return !!body && isElement(body, 'BODY') && !body.nextElementSibling && !hasText(root, [head, body]);
}

/** Non-blank text directly under `root`, outside the given children. */
function hasText(root: DomElement, except: DomNode[]): boolean {
  return Array.from(root.childNodes).some(
    (n) => !except.includes(n) && n.nodeType === TEXT_NODE && !!(n.textContent ?? '').trim(),
  );
}

/** Rebuilds the top of the tree as `<html><head/><body>…</body></html>`, keeping node order. */
function normaliseRoot(doc: DomDocument): void {
  const top = Array.from(doc.childNodes).filter((n) => n.nodeType !== DOCUMENT_TYPE_NODE);
  const oldRoot = top.find((n) => isElement(n, 'HTML')) as DomElement | undefined;
  // Everything the body should hold, in document order; the html element's children in its
  // place, and a head's body content right after the head.
  const nodes = top
    .flatMap((n) => (n === oldRoot ? Array.from(n.childNodes) : [n]))
    .flatMap((n) => (isElement(n, 'HEAD') ? [n, ...Array.from(n.childNodes).filter(outOfHead)] : [n]));
  const head = nodes.find((n) => isElement(n, 'HEAD')) as DomElement | undefined;
  const root = doc.createElement('html');
  const body = doc.createElement('body');
  root.appendChild(head ?? doc.createElement('head'));
  root.appendChild(body);
  for (const node of nodes) {
    if (node === head) continue;
    if (isElement(node, 'BODY')) {
      for (const kid of Array.from(node.childNodes)) body.appendChild(kid);
      node.remove();
    } else body.appendChild(node);
  }
  oldRoot?.remove();
  doc.appendChild(root);
}

export function parseDocument(html: string): DomDocument {
  const doc = parseHTML(html).document as unknown as DomDocument;
  if (!wellFormed(doc)) normaliseRoot(doc);
  return doc;
}

/**
 * An element's class and id as one string, for name patterns. (linkedom's `className` rebuilds
 * the class list on every read; the attributes are cheaper.)
 */
export const namesOf = (el: DomElement): string =>
  `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

export const attr = (el: DomElement | null, name: string): string | null =>
  el?.getAttribute(name)?.trim() || null;

export const toArray = <T>(list: ArrayLike<T>): T[] => Array.from(list);
