/**
 * Text and link-text lengths of every element of a subtree, measured in one walk, so the
 * clean-up rules can ask "how much text is in here?" of each element without re-reading its
 * subtree (`textContent` per element made that quadratic in the page size). Lengths are
 * `visibleLength`s, which add up from children to parents. Removing an element through
 * `detach` keeps its ancestors' lengths right.
 */
import type { DomNode } from './dom-text.js';
import type { DomElement } from './html-dom.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

export interface Measured {
  /** Every element under the root (the root first), in document order. */
  readonly elements: DomElement[];
  readonly text: Map<DomElement, number>;
  /** Text inside `<a>` elements. */
  readonly links: Map<DomElement, number>;
}

const isSpace = (c: number): boolean => c <= 32 || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;

/**
 * Length of `s` with each run of spaces counted once after a word: additive over text nodes,
 * and within a few characters of the whitespace-collapsed length.
 */
export function visibleLength(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space || inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Every element of the subtree in document order (iterative, for deep pages). */
export function elementsOf(root: DomElement): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

export function measure(root: DomElement): Measured {
  const elements = elementsOf(root);
  const text = new Map<DomElement, number>();
  const links = new Map<DomElement, number>();
  // Children come after their parent in document order: walking backwards sees them first.
  for (let k = elements.length - 1; k >= 0; k--) {
    const el = elements[k]!;
    let t = 0;
    let l = 0;
    const kids: ArrayLike<DomNode> = el.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      if (kid.nodeType === TEXT_NODE || kid.nodeType === CDATA_NODE)
        t += visibleLength(kid.textContent ?? '');
      else if (kid.nodeType === ELEMENT_NODE) {
        t += text.get(kid as DomElement) ?? 0;
        l += links.get(kid as DomElement) ?? 0;
      }
    }
    text.set(el, t);
    links.set(el, el.tagName === 'A' ? t : l);
  }
  return { elements, text, links };
}

/** Removes `el` from the tree and its lengths from its ancestors'. */
export function detach(m: Measured, el: DomElement): void {
  const t = m.text.get(el) ?? 0;
  const l = m.links.get(el) ?? 0;
  for (let up = el.parentNode; up && m.text.has(up); up = up.parentNode) {
    m.text.set(up, m.text.get(up)! - t);
    m.links.set(up, m.links.get(up)! - l);
  }
  el.remove();
}
