/**
 * The article body of an HTML page, as a chain of named stages (trafilatura's fallbacks, but
 * each returns a typed result and the reason it was chosen):
 *   1. `readabilityBody`: captions removed first, then Mozilla Readability on linkedom, then
 *      our DOM clean-up (share/related/newsletter blocks, link lists), the line classifier,
 *      and the paragraphs Readability left out brought back (`recover-paragraphs.ts`);
 *   2. `jsonLdBody`: the page's own JSON-LD `articleBody`, when Readability finds too little;
 *   3. `densestBlockBody`: the element whose child paragraphs hold the most text.
 * When all three find too little, the longest short body is taken (a brief, not a refusal).
 */
import { Readability } from '@mozilla/readability';
import { detach, elementsOf, measure } from './dom-measure.js';
import { paragraphsOf, type DomNode } from './dom-text.js';
import { pageBlocks, recoverParagraphs } from './recover-paragraphs.js';
import { namesOf, parseDocument, toArray, type DomDocument, type DomElement } from './html-dom.js';
import { lineFeatures } from './line-classifier.js';
import { trimParagraphs } from './trim-paragraphs.js';

export type BodyStage = 'readability' | 'json-ld' | 'densest-block';

export interface BodyCandidate {
  readonly stage: BodyStage;
  readonly paragraphs: string[];
  /** Why this stage's text was taken (or why it was not usable). */
  readonly reason: string;
}

/**
 * `skipped`: the stage had nothing to work on (no JSON-LD body), which is not worth an issue.
 * `short`: the text the stage found, when there was some but too little.
 */
export type StageOutcome =
  | { ok: true; body: BodyCandidate }
  | { ok: false; stage: BodyStage; reason: string; skipped?: true; short?: string[] };

/**
 * Readability's work grows faster than the page: past this many elements (the AEB pages have a
 * few thousand at most once stripped) it refuses and the densest-block stage reads the page.
 */
const MAX_READABILITY_ELEMENTS = 30_000;

/** Below this many characters a body is "too little" and the next stage is tried. */
export const MIN_BODY_CHARS = 250;
/**
 * When every stage finds too little, the longest short body is still taken if it has this
 * much text and a sentence: news briefs are short, and refusing them loses the whole page.
 */
export const MIN_SHORT_BODY_CHARS = 80;

const NOISE =
  /(^|[\s_-])(caption|credits?|share|sharing|social|related|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|sponsor(ed)?|byline|author|bio|breadcrumbs?|tags?|comments?|toolbar|timestamp|dateline|signup|recirc|read-?more|more-stories|outbrain|taboola|disclaimer|copyright|hidden|visually-hidden|sr-only)([\s_-]|$)/i;
const NOISE_TAGS = new Set('FIGURE FIGCAPTION ASIDE NAV FORM BUTTON FOOTER NOSCRIPT'.split(' '));
const LIST_LIKE = new Set('UL OL P LI H2 H3 H4 H5 H6 DIV'.split(' '));

const textLength = (el: DomNode): number => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

const isNoiseElement = (el: DomElement): boolean =>
  NOISE_TAGS.has(el.tagName) ||
  el.getAttribute('aria-hidden') === 'true' ||
  el.getAttribute('hidden') !== null;

function inBlockquote(el: DomElement): boolean {
  for (let up = el.parentNode; up; up = up.parentNode) if (up.tagName === 'BLOCKQUOTE') return true;
  return false;
}

/** Removes captions, share/related/newsletter blocks and link lists from an article element. */
export function cleanArticleElement(root: DomElement): void {
  const m = measure(root);
  const inner = m.elements.slice(1);
  const total = Math.max(1, m.text.get(root)!);
  const small = (el: DomElement): boolean => m.text.get(el)! < total * 0.25;
  for (const el of inner) if (isNoiseElement(el) && small(el)) detach(m, el);
  for (const el of inner) if (NOISE.test(namesOf(el)) && small(el)) detach(m, el);
  for (const el of inner) {
    if (!LIST_LIKE.has(el.tagName)) continue;
    const len = m.text.get(el)!;
    // Embedded posts (tweets) are quoted material and link-heavy by nature: keep them.
    if (len > 0 && small(el) && m.links.get(el)! / len >= 0.8 && !inBlockquote(el)) detach(m, el);
  }
}

/** `trimmed`: the body's paragraphs, the line classifier already run over them. */
function candidate(stage: BodyStage, trimmed: string[], reason: string): StageOutcome {
  const chars = trimmed.reduce((n, p) => n + p.length, 0);
  if (chars < MIN_BODY_CHARS)
    return { ok: false, stage, reason: `only ${chars} characters of text`, short: trimmed };
  return { ok: true, body: { stage, paragraphs: trimmed, reason } };
}

/** Captions and credits are small, clearly marked, and confuse Readability's scoring: drop them first. */
const PRE_CLEAN = /(caption|credit)/i;
export function removeCaptions(elements: readonly DomElement[]): void {
  for (const el of elements) {
    if (el.tagName !== 'FIGCAPTION' && !PRE_CLEAN.test(namesOf(el))) continue;
    if (textLength(el) < 400) el.remove();
  }
}

/** Runs on `doc` and changes it (Readability rewrites the DOM it reads). */
export function readabilityBody(doc: DomDocument, title: string | null): StageOutcome {
  const elements = doc.documentElement ? elementsOf(doc.documentElement) : [];
  // Readability's own `maxElemsToParse` counts with getElementsByTagName('*'), which linkedom
  // answers with an empty list, so the limit is checked here.
  if (elements.length > MAX_READABILITY_ELEMENTS)
    return { ok: false, stage: 'readability', reason: `${elements.length} elements, too many to score` };
  removeCaptions(elements);
  const blocks = doc.body ? pageBlocks(doc.body) : [];
  let content: DomElement | null | undefined;
  try {
    content = new Readability<DomElement>(doc as never, {
      keepClasses: true,
      serializer: (node) => node as unknown as DomElement,
    }).parse()?.content;
  } catch (err) {
    // Readability recurses over the DOM (a pathologically deep page overflows the stack) and
    // trusts its shape: whatever it throws, the next stage gets the page.
    return { ok: false, stage: 'readability', reason: `Readability failed: ${(err as Error).message}` };
  }
  if (!content) return { ok: false, stage: 'readability', reason: 'Readability found no article' };
  const seen = new Set(paragraphsOf(content));
  cleanArticleElement(content);
  const trimmed = trimParagraphs(paragraphsOf(content), { title }).kept;
  return candidate('readability', recoverParagraphs(trimmed, blocks, seen), 'Readability found the article');
}

export function jsonLdBody(body: string | null, title: string | null): StageOutcome {
  if (!body) return { ok: false, stage: 'json-ld', reason: 'no JSON-LD articleBody', skipped: true };
  const paragraphs = body.split(/\n\s*\n|\r\n\s*\r\n|\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  const trimmed = trimParagraphs(paragraphs.filter(Boolean), { title }).kept;
  return candidate('json-ld', trimmed, 'the page carries its body as JSON-LD');
}

export function densestBlockBody(html: string, title: string | null): StageOutcome {
  const doc = parseDocument(html);
  const scores = new Map<DomElement, number>();
  for (const p of toArray(doc.querySelectorAll('p'))) {
    const parent = p.parentNode;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + textLength(p));
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) if (score > bestScore) [best, bestScore] = [el, score];
  const root = best ?? doc.body;
  if (!root) return { ok: false, stage: 'densest-block', reason: 'the page has no body' };
  cleanArticleElement(root);
  const trimmed = trimParagraphs(paragraphsOf(root), { title }).kept;
  return candidate('densest-block', trimmed, 'largest block of paragraph text');
}

/** Below this share of the JSON-LD body's word 4-grams, Readability's text is another block. */
const MIN_SHARED = 0.2;

/** The share of `reference`'s word 4-grams (shingles) that `text` also has. */
function sharedShingles(reference: readonly string[], text: readonly string[]): number {
  const shingles = (ps: readonly string[]): string[] => {
    const words =
      ps
        .join(' ')
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    return words.slice(3).map((_, i) => words.slice(i, i + 4).join(' '));
  };
  const ref = shingles(reference);
  if (!ref.length) return 1;
  const have = new Set(shingles(text));
  return ref.filter((s) => have.has(s)).length / ref.length;
}

/**
 * Tries each stage in turn; the first with enough text wins. Failed stages become issues.
 * `doc`, when given, is the already parsed page; the first stage consumes it.
 */
export function extractHtmlBody(
  html: string,
  title: string | null,
  jsonLd: string | null,
  doc?: DomDocument,
): { body: BodyCandidate | null; tried: { stage: BodyStage; reason: string }[] } {
  const tried: { stage: BodyStage; reason: string }[] = [];
  let best: BodyCandidate | null = null;
  let bestChars = MIN_SHORT_BODY_CHARS - 1;
  for (const stage of [
    () => readabilityBody(doc ?? parseDocument(html), title),
    () => jsonLdBody(jsonLd, title),
    () => densestBlockBody(html, title),
  ]) {
    const out = stage();
    if (out.ok && out.body.stage === 'readability' && jsonLd) {
      // The page states its own body: when Readability's text shares almost none of it,
      // Readability took the wrong block (comments, a story list), and the page is believed.
      const declared = jsonLdBody(jsonLd, title);
      if (declared.ok && sharedShingles(declared.body.paragraphs, out.body.paragraphs) < MIN_SHARED) {
        tried.push({ stage: 'readability', reason: 'its text shares almost none of the JSON-LD body' });
        return { body: declared.body, tried };
      }
    }
    if (out.ok) return { body: out.body, tried };
    if (!out.skipped) tried.push({ stage: out.stage, reason: out.reason });
    const chars = out.short?.reduce((n, p) => n + p.length, 0) ?? 0;
    if (chars > bestChars && out.short!.some((p) => lineFeatures(p).endsSentence)) {
      best = {
        stage: out.stage,
        paragraphs: out.short!,
        reason: `the longest body found, ${chars} characters`,
      };
      bestChars = chars;
    }
  }
  return { body: best, tried: best ? tried.filter((t) => t.stage !== best.stage) : tried };
}
