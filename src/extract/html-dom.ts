/**
 * Parsing HTML with linkedom, and the small slice of the DOM interface our extraction code
 * reads (the project compiles without the DOM lib, and linkedom's own types lean on it).
 */
import { parseHTML } from 'linkedom';
import type { DomNode } from './dom-text.js';

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly parentNode: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  readonly className: string;
  readonly id: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  closest(selector: string): DomElement | null;
}

export interface DomDocument extends DomElement {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
}

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

export const attr = (el: DomElement | null, name: string): string | null =>
  el?.getAttribute(name)?.trim() || null;

export const toArray = <T>(list: ArrayLike<T>): T[] => Array.from(list);
