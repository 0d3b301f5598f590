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
import type { DomElement } from './html-dom.js';
import { classifyLine, lineFeatures } from './line-classifier.js';

export interface PageBlock {
  /** Its paragraphs as `paragraphsOf` gives them (a `<br>` splits one). */
  readonly paragraphs: readonly string[];
  readonly text: string;
  /** The block's ancestors, nearest first, up to (not including) `<body>`. */
  readonly ancestors: readonly DomElement[];
  /** It reads as prose and no ancestor is page furniture. */
  readonly candidate: boolean;
  /**
   * No linked headline within two levels up: not a teaser card (a headline link and a
   * summary), the shape of the story lists that follow many articles.
   */
  readonly plain: boolean;
}

/** Containers whose paragraphs are not the article's, by class or id. */
const FURNITURE =
  /(^|[\s_-])(comments?|comment-list|replies|reply|related|recirc|recommended|more-stories|read-?more|newsletter|subscribe|promo|advert|advertisement|ads?|sponsor(ed)?|teaser|outbrain|taboola|sidebar|widget|footer|author|bio|share|social|popup|modal|cookie|consent|caption|credit)([\s_-]|$)/i;

/** Blocks shorter than this are left to Readability. */
const MIN_CHARS = 80;
/** A recovered block and the kept one it joins share an ancestor at most this many levels up. */
const MAX_LEVELS = 4;

const furniture = (el: DomElement): boolean =>
  FURNITURE.test(`${el.className ?? ''} ${el.id ?? ''}`) || /^(ASIDE|FORM|HEADER)$/.test(el.tagName);

function readsAsProse(text: string, linkShare: number): boolean {
  if (text.length < MIN_CHARS || linkShare > 0.3) return false;
  const f = lineFeatures(text);
  return f.endsSentence && f.words >= 12 && classifyLine(text, {}, f).keep;
}

/** Every `<p>` of the page in document order, read before Readability changes the DOM. */
export function pageBlocks(body: DomElement): PageBlock[] {
  const m = measure(body);
  // Which elements hold a linked headline, bottom-up (children follow parents in document order).
  const headline = new Set<DomElement>();
  for (let k = m.elements.length - 1; k >= 0; k--) {
    const el = m.elements[k]!;
    const linked = /^H[1-6]$/.test(el.tagName) && (m.links.get(el) ?? 0) >= 0.5 * (m.text.get(el) ?? 1);
    if (linked || Array.from(el.children).some((c) => headline.has(c))) headline.add(el);
  }
  const blocks: PageBlock[] = [];
  for (const el of m.elements) {
    if (el.tagName !== 'P') continue;
    const ancestors: DomElement[] = [];
    for (let up = el.parentNode; up && up !== body; up = up.parentNode) ancestors.push(up);
    const paragraphs = paragraphsOf(el);
    const text = paragraphs.join(' ');
    const linkShare = (m.links.get(el) ?? 0) / Math.max(1, m.text.get(el) ?? 0);
    const candidate = paragraphs.length === 1 && readsAsProse(text, linkShare) && !ancestors.some(furniture);
    const plain = !ancestors.slice(0, 2).some((a) => headline.has(a));
    blocks.push({ paragraphs, text, ancestors, candidate, plain });
  }
  return blocks;
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
  const joins = (i: number, j: number): boolean =>
    blocks[i]!.candidate &&
    blocks[i]!.plain &&
    !seen.has(blocks[i]!.text) &&
    levelsApart(blocks[i]!, blocks[j]!) <= MAX_LEVELS;
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
