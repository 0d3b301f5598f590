/**
 * A one-pass scanner that cuts a page down to what text extraction reads, before any DOM is
 * built: most of a news page's bytes are scripts, styles, inline SVG, JSON blobs and tracking
 * attributes, and every node and attribute linkedom builds costs time and memory. It removes
 * scripts, styles, SVG, noscript, templates, navigation, footers, selects and buttons with
 * their content, comments and CDATA sections, empty inline elements and blank text beside
 * blocks; sets the JSON-LD blocks aside (the page's own metadata and, sometimes, its body);
 * keeps only the attributes extraction reads (`html-tags.ts`); and caps nesting depth
 * (`open-elements.ts`).
 *
 * It follows the tokenizer rules of htmlparser2 (which linkedom parses with) and of the HTML
 * standard where they agree: a raw-text element (script, style, title, textarea, xmp) ends at
 * the first `</name` followed by space or `>`, even inside a JavaScript string, as it does in
 * a browser; a quote only opens an attribute value after `=`; a comment ends at the first `-->`.
 * No library does this without building the tree we want to avoid, hence our own.
 */

import { BLOCK_ELEMENTS } from './dom-text.js';
import { endsName, filteredTag, isAlpha, isSpace, readStartTag, type StartTag } from './html-tags.js';
import { CLOSES_P, OpenElements } from './open-elements.js';

export { MAX_ATTRIBUTE_CHARS } from './html-tags.js';

export interface StrippedPage {
  /** The page with the removed parts cut out; parses to the same text as the original. */
  readonly html: string;
  /** The text of each `<script type="application/ld+json">`, in page order. */
  readonly jsonLd: string[];
}

/** Raw-text elements dropped whole (their content is never markup). */
const DROPPED_RAW = new Set(['script', 'style']);
/** Elements whose content is raw text up to their end tag (htmlparser2's special tags). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/**
 * Elements dropped with their whole subtree: never article text, and often a large share of a
 * page's nodes. Navigation (by tag or ARIA role; Readability drops these roles too) and page
 * footers carry no body text on the pages we measured (docs/stages.md); Readability removes
 * every aside, footer, select and button from the article it returns.
 */
const DROPPED_SUBTREE = new Set([
  'svg',
  'noscript',
  'template',
  'nav',
  'footer',
  'aside',
  'select',
  'button',
]);
const DROPPED_ROLES = /^(navigation|menu|menubar)$/i;
/** Index of the first `</name` (any case) at or after `from` that is followed by space or `>`. */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let i = html.indexOf('</', from); i >= 0; i = html.indexOf('</', i + 2)) {
    const after = i + 2 + name.length;
    if (html.slice(i + 2, after).toLowerCase() !== name) continue;
    if (after >= html.length || html.charCodeAt(after) === 62 || isSpace(html.charCodeAt(after))) return i;
  }
  return -1;
}

/** Index just past the `>` of the end tag that starts at `lt`, or the input length. */
function pastTag(html: string, lt: number): number {
  const gt = html.indexOf('>', lt);
  return gt < 0 ? html.length : gt + 1;
}

/**
 * Blank text next to these tags is neither rendered nor kept by `paragraphsOf` (each ends a
 * paragraph, a cell, or is never shown), so the text nodes holding it need not be built.
 */
const BLOCK_TAGS = new Set([
  ...[...BLOCK_ELEMENTS].map((t) => t.toLowerCase()),
  ...'html head body td th'.split(' '),
]);
/** In the head (before `<body>`) these are blocks too; in the body they may sit inside a line. */
const HEAD_TAGS = new Set('title meta link base'.split(' '));

const isBlank = (html: string, from: number, to: number): boolean => {
  for (let k = from; k < to; k++) if (!isSpace(html.charCodeAt(k))) return false;
  return true;
};

/** `<link>` is only read for the canonical URL; `<meta>` only for its content. */
function unread(tag: StartTag): boolean {
  if (tag.name === 'source') return true; // media sources: no text, and Readability ignores them
  if (tag.name === 'link')
    return !tag.attributes.some((a) => a.name === 'rel' && /canonical/i.test(a.value ?? ''));
  if (tag.name === 'meta') return !tag.attributes.some((a) => a.name === 'content' || a.name === 'charset');
  return false;
}

/** Inline elements dropped when empty: they end no paragraph, so nothing else changes. */
const EMPTY_INLINE = new Set('a abbr b em i label small span strong sub sup u'.split(' '));

const isJsonLd = (tag: StartTag): boolean =>
  tag.attributes.some((a) => a.name === 'type' && /ld\+json/i.test(a.value ?? ''));

const droppedSubtree = (tag: StartTag): boolean =>
  DROPPED_SUBTREE.has(tag.name) ||
  tag.attributes.some((a) => a.name === 'role' && DROPPED_ROLES.test(a.value ?? ''));

/** An element being dropped with its subtree: where it starts, and how deep we are inside it. */
interface Dropping {
  readonly name: string;
  readonly start: number;
  readonly tagEnd: number;
  depth: number;
  /** Output state to return to if the element never closes. */
  readonly outLength: number;
  readonly copied: number;
  readonly jsonLd: number;
}

export function stripPage(html: string): StrippedPage {
  const n = html.length;
  const out: string[] = [];
  const jsonLd: string[] = [];
  let copied = 0; // html[copied, i) is still to be copied verbatim
  const cut = (from: number, to: number, replacement = ''): void => {
    if (from > copied) out.push(html.slice(copied, from));
    if (replacement) out.push(replacement);
    copied = to;
  };
  // The previous kept tag: where it ended and whether it is a block; -1 after a cut.
  let lastEnd = -1;
  let lastBlock = false;
  /** Called at each kept tag starting at `lt`: drops the blank text since the previous one. */
  let inBody = false;
  const open = new OpenElements();
  /** `closing`: an end tag. `selfClosing`: a start tag written `<x/>`. */
  const keepTag = (lt: number, end: number, name: string, closing = false, selfClosing = false): void => {
    if (name === 'body') inBody = true;
    // An end tag with no element of its name open is ignored by the parser: it ends no
    // paragraph, so the blank text beside it must stay (a stray </p> or </br> still makes one).
    const real = closing ? open.close(name) || name === 'p' || name === 'br' : true;
    const block = real && (BLOCK_TAGS.has(name) || (!inBody && HEAD_TAGS.has(name)));
    if (lastEnd >= copied && lastEnd < lt && (block || lastBlock) && isBlank(html, lastEnd, lt))
      cut(lastEnd, lt);
    if (!closing) {
      const tooDeep = open.open(name, selfClosing);
      if (tooDeep.length) cut(lt, lt, tooDeep.map((t) => `</${t}>`).join(''));
    }
    lastEnd = end;
    lastBlock = block;
  };
  const drop = (from: number, to: number): void => {
    cut(from, to);
    lastEnd = -1;
  };
  let dropping: Dropping | null = null;
  // Once an element to drop never closes, the page is too broken to trust its nesting: from then
  // on such elements lose only their start tag (and the scan is repeated at most once).
  let subtreesOff = false;
  let i = 0;
  for (;;) {
    const lt = i < n ? html.indexOf('<', i) : -1;
    if (lt < 0) {
      if (!dropping) break;
      out.length = dropping.outLength;
      copied = dropping.copied;
      jsonLd.length = dropping.jsonLd;
      drop(dropping.start, dropping.tagEnd);
      i = dropping.tagEnd;
      dropping = null;
      subtreesOff = true;
      continue;
    }
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      const comment = html.startsWith('<!--', lt);
      const cdata = !comment && html.startsWith('<![CDATA[', lt);
      if (comment || cdata) {
        const close = comment ? html.indexOf('-->', lt + 2) : html.indexOf(']]>', lt + 9);
        i = close < 0 ? n : close + 3;
        if (!dropping) drop(lt, i);
      } else {
        i = pastTag(html, lt); // a declaration such as <!doctype html>
        if (!dropping) keepTag(lt, i, '!');
      }
      continue;
    }
    if (c === 63 /* ? */ || c === 47 /* / */) {
      i = pastTag(html, lt);
      let k = lt + 2;
      while (k < i && !endsName(html.charCodeAt(k))) k++;
      const name = html.slice(lt + 2, k).toLowerCase();
      if (!dropping) keepTag(lt, i, name, c === 47);
      else if (c === 47 && name === dropping.name && --dropping.depth === 0) {
        const placeholder = CLOSES_P.has(name) ? `<${name}></${name}>` : '';
        if (placeholder) open.open(name, true); // it closes an open <p> like the element did
        cut(dropping.start, i, placeholder);
        lastEnd = -1;
        dropping = null;
      }
      continue;
    }
    if (!isAlpha(c)) {
      i = lt + 1;
      continue;
    }
    const tag = readStartTag(html, lt);
    const { name } = tag;
    i = tag.end;
    if (RAW_TEXT.has(name)) {
      const close = rawTextEnd(html, name, tag.end);
      i = close < 0 ? n : pastTag(html, close);
      if (name === 'script' && isJsonLd(tag)) jsonLd.push(html.slice(tag.end, close < 0 ? n : close));
      if (dropping) continue;
      if (DROPPED_RAW.has(name)) drop(lt, i);
      else {
        keepTag(lt, tag.end, name, false, true); // closed by its own end tag
        const rebuilt = filteredTag(html, lt, tag);
        if (rebuilt !== null) cut(lt, tag.end, rebuilt);
        lastEnd = -1;
      }
      continue;
    }
    if (dropping) {
      if (name === dropping.name && !tag.selfClosing) dropping.depth++;
      continue;
    }
    if (droppedSubtree(tag)) {
      // `<svg/>` closes itself (foreign content); `<nav/>` does not, in HTML.
      if (subtreesOff || (tag.selfClosing && name === 'svg')) drop(lt, tag.end);
      else
        dropping = {
          name,
          start: lt,
          tagEnd: tag.end,
          depth: 1,
          outLength: out.length,
          copied,
          jsonLd: jsonLd.length,
        };
      continue;
    }
    if (unread(tag)) {
      drop(lt, tag.end);
      continue;
    }
    // An inline element closed at once (an icon, an empty link) holds nothing to read.
    if (EMPTY_INLINE.has(name) && html.startsWith('</', tag.end)) {
      const close = tag.end + 2 + name.length;
      if (html.slice(tag.end + 2, close).toLowerCase() === name && html.charCodeAt(close) === 62) {
        drop(lt, close + 1);
        i = close + 1;
        continue;
      }
    }
    keepTag(lt, tag.end, name, false, tag.selfClosing);
    const rebuilt = filteredTag(html, lt, tag);
    if (rebuilt !== null) cut(lt, tag.end, rebuilt);
  }
  if (copied === 0) return { html, jsonLd };
  if (copied < n) out.push(html.slice(copied));
  return { html: out.join(''), jsonLd };
}
