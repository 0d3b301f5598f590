/**
 * Body paragraphs Readability left out. Readability keeps its best-scoring container and the
 * siblings that score well; a body split across containers (an ad or a related-stories box
 * in between, a continuation nested a level deeper, a standfirst above the body's div) loses
 * the parts it did not pick. Before Readability runs (it rewrites the DOM), `pageBlocks`
 * records every paragraph of the page with its ancestors; `recoverParagraphs` then adds back
 * a paragraph only when several independent signals agree: it reads as prose (long, ends a
 * sentence, little link text, kept by the line classifier), no ancestor is marked as comments,
 * related links, promotion or the like, no linked headline sits just above it (a teaser card),
 * and it is close in the tree to a paragraph that was kept: between two kept ones, or next to
 * the first or last kept one.
 */
import { measure } from './dom-measure.js';
import { paragraphsOf } from './dom-text.js';
import { namesOf, type DomElement } from './html-dom.js';
import { classifyLine, lineFeatures } from './line-classifier.js';

export interface PageBlock {
  readonly element: DomElement;
  /** Its paragraphs as `paragraphsOf` gives them (a `<br>` splits one). */
  readonly paragraphs: readonly string[];
  readonly text: string;
  /** The block's ancestors, nearest first, up to (not including) `<body>`. */
  readonly ancestors: readonly DomElement[];
}

/** Containers whose paragraphs are not the article's, by class or id. */
const FURNITURE =
  /(^|[\s_-])(comments?|comment-list|replies|reply|related|recirc|recommended|more-stories|read-?more|newsletter|subscribe|promo|advert|advertisement|ads?|sponsor(ed)?|teaser|outbrain|taboola|sidebar|widget|footer|author|bio|share|social|popup|modal|cookie|consent|caption|credit)([\s_-]|$)/i;

/** Blocks shorter than this are left to Readability. */
const MIN_CHARS = 80;
/** A recovered block and the kept one it joins share an ancestor at most this many levels up. */
const MAX_LEVELS = 4;

const furniture = (el: DomElement): boolean =>
  FURNITURE.test(namesOf(el)) || /^(ASIDE|FORM|HEADER)$/.test(el.tagName);

/** It reads as prose (long, ends a sentence, little link text, kept by the line classifier). */
function readsAsProse(block: PageBlock): boolean {
  if (block.paragraphs.length !== 1 || block.text.length < MIN_CHARS) return false;
  const m = measure(block.element);
  if ((m.links.get(block.element) ?? 0) > 0.3 * (m.text.get(block.element) ?? 0)) return false;
  const f = lineFeatures(block.text);
  return f.endsSentence && f.words >= 12 && classifyLine(block.text, {}, f).keep;
}

/** A heading that is mostly a link, inside `el`. */
function holdsLinkedHeadline(el: DomElement): boolean {
  return Array.from(el.querySelectorAll('h1, h2, h3, h4, h5, h6')).some((h) => {
    const m = measure(h);
    return (m.links.get(h) ?? 0) >= 0.5 * Math.max(1, m.text.get(h) ?? 0);
  });
}

/** Every `<p>` of the page in document order, read before Readability changes the DOM. */
export function pageBlocks(body: DomElement): PageBlock[] {
  return Array.from(body.getElementsByTagName('p')).map((element) => {
    const ancestors: DomElement[] = [];
    for (let up = element.parentNode; up && up !== body; up = up.parentNode) ancestors.push(up);
    const paragraphs = paragraphsOf(element);
    return { element, paragraphs, text: paragraphs.join(' '), ancestors };
  });
}

/** Levels from `a` up to the nearest ancestor it shares with `b` (Infinity when none within reach). */
function levelsApart(a: PageBlock, b: PageBlock): number {
  const theirs = new Set(b.ancestors.slice(0, MAX_LEVELS + 1));
  const i = a.ancestors.slice(0, MAX_LEVELS + 1).findIndex((el) => theirs.has(el));
  return i < 0 ? Infinity : i;
}

/**
 * `kept`: the body's paragraphs. `seen`: paragraphs Readability did return (cleaned away since
 * on purpose, so not to be brought back). Returns `kept` with the recovered paragraphs in
 * document order.
 */
export function recoverParagraphs(
  kept: readonly string[],
  blocks: readonly PageBlock[],
  seen: ReadonlySet<string>,
): string[] {
  const keptSet = new Set(kept);
  const matched = blocks.map((b) => b.paragraphs.some((p) => keptSet.has(p)));
  const first = matched.indexOf(true);
  const last = matched.lastIndexOf(true);
  if (first < 0) return [...kept];
  const take = new Set<number>();
  // The signals, cheapest first; the DOM ones only for the few blocks that get that far.
  const headlineIn = new Map<DomElement, boolean>();
  const teaser = (b: PageBlock): boolean =>
    b.ancestors.slice(0, 2).some((a) => {
      if (!headlineIn.has(a)) headlineIn.set(a, holdsLinkedHeadline(a));
      return headlineIn.get(a)!;
    });
  const joins = (i: number, j: number): boolean => {
    const b = blocks[i]!;
    return (
      !seen.has(b.text) &&
      levelsApart(b, blocks[j]!) <= MAX_LEVELS &&
      !b.ancestors.some(furniture) &&
      readsAsProse(b) &&
      !teaser(b)
    );
  };
  // Between two kept paragraphs: close to the kept one before it.
  let prev = first;
  for (let i = first + 1; i < last; i++) {
    if (matched[i]) prev = i;
    else if (joins(i, prev)) take.add(i);
  }
  // Past either end: a run of neighbours, each close to the one before.
  for (let i = last + 1, near = last; i < blocks.length && joins(i, near); near = i++) take.add(i);
  for (let i = first - 1, near = first; i >= 0 && joins(i, near); near = i--) take.add(i);
  if (!take.size) return [...kept];
  // Splice each recovered block in after the kept paragraph of the nearest kept block before it.
  const out = [...kept];
  const positionOf = new Map(kept.map((p, k) => [p, k]));
  const inserts = new Map<number, string[]>(); // index in `kept` (-1: before all) -> blocks
  let anchor = -1;
  blocks.forEach((b, i) => {
    if (matched[i]) anchor = Math.max(anchor, ...b.paragraphs.map((p) => positionOf.get(p) ?? anchor));
    else if (take.has(i)) inserts.set(anchor, [...(inserts.get(anchor) ?? []), b.text]);
  });
  for (const [at, texts] of [...inserts].sort((a, b) => b[0] - a[0])) out.splice(at + 1, 0, ...texts);
  return out;
}
