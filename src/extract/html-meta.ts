/**
 * What a news page says about itself: title (og:title, h1, `<title>` minus the site suffix),
 * publication date (JSON-LD, article:published_time, `<time datetime>`, date metas, the URL),
 * byline, and the JSON-LD `articleBody` that some pages carry. Read before Readability, which
 * changes the DOM.
 */
import { elementsOf } from './dom-measure.js';
import { attr, type DomDocument, type DomElement } from './html-dom.js';
import { collapseSpace } from './dom-text.js';
import { normalisePublished } from './published.js';

export interface PageMeta {
  readonly title: string | null;
  readonly published: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly jsonLdBody: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every object inside the page's JSON-LD blocks (including `@graph` members), in order. */
function jsonLdObjects(blocks: readonly string[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block) as Json);
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still apply.
    }
  }
  return out;
}

const str = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function authorName(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(authorName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return str(v['name']);
  return null;
}

/** The elements the metadata is read from, found in one walk over the page. */
interface MetaElements {
  /** Every `<meta>` content by its property, name or itemprop (first one wins). */
  readonly metas: Map<string, string>;
  h1: DomElement | null;
  title: DomElement | null;
  time: DomElement | null;
  canonical: DomElement | null;
  author: DomElement | null;
}

const isAuthor = (el: DomElement): boolean =>
  el.getAttribute('rel') === 'author' ||
  el.getAttribute('itemprop') === 'author' ||
  /(^|\s)byline(\s|$)/.test(el.getAttribute('class') ?? '');

function metaElements(doc: DomDocument): MetaElements {
  const found: MetaElements = {
    metas: new Map(),
    h1: null,
    title: null,
    time: null,
    canonical: null,
    author: null,
  };
  for (const el of doc.documentElement ? elementsOf(doc.documentElement) : []) {
    const tag = el.tagName;
    if (tag === 'META') {
      const content = attr(el, 'content');
      if (content)
        for (const key of ['property', 'name', 'itemprop']) {
          const k = attr(el, key);
          if (k && !found.metas.has(k)) found.metas.set(k, content);
        }
    } else if (tag === 'H1') found.h1 ??= el;
    else if (tag === 'TITLE') found.title ??= el;
    else if (tag === 'TIME' && !found.time && el.getAttribute('datetime') !== null) found.time = el;
    else if (tag === 'LINK' && !found.canonical && el.getAttribute('rel') === 'canonical')
      found.canonical = el;
    if (!found.author && isAuthor(el)) found.author = el;
  }
  return found;
}

const DATE_METAS = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
  'dc.date',
  'dc.date.issued',
  'DC.date.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
];

function urlDate(url: string | null): string | null {
  const m = url ? /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[^\d])/.exec(url) : null;
  return m ? normalisePublished(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : null;
}

/** "Headline | Site", "Headline - Site": drop the suffix when it names the site or is short. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+|\s+»\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  const site = siteName?.toLowerCase();
  if (site && last.toLowerCase() === site) return parts.slice(0, -1).join(' - ');
  if (site && first.toLowerCase() === site) return parts.slice(1).join(' - ');
  // An unnamed suffix is taken for the site when it is short and looks like a name (capitalised).
  const lastWords = last.split(/\s+/);
  const capitalised = lastWords.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / lastWords.length;
  if (lastWords.length <= 4 && capitalised >= 0.5 && parts.slice(0, -1).join(' ').split(/\s+/).length >= 3)
    return title.slice(0, title.length - last.length).replace(/\s+[|–—:»-]+\s*$/, '');
  return title;
}

/** `jsonLd`: the text of the page's JSON-LD blocks (`stripPage` sets them aside). */
export function readPageMeta(doc: DomDocument, url: string | null, jsonLd: readonly string[]): PageMeta {
  const found = metaElements(doc);
  const meta = (key: string): string | null => found.metas.get(key) ?? null;
  const ld = jsonLdObjects(jsonLd);
  const ldArticle = ld.find((o) => str(o['datePublished']) || str(o['articleBody'])) ?? null;
  const siteName = meta('og:site_name');
  const h1 = collapseSpace(found.h1?.textContent ?? '') || null;
  const og = meta('og:title') ?? meta('twitter:title');
  const docTitle = collapseSpace(found.title?.textContent ?? '') || null;
  const title = og
    ? stripSiteSuffix(collapseSpace(og), siteName)
    : h1 && (!docTitle || docTitle.includes(h1))
      ? h1
      : docTitle
        ? stripSiteSuffix(docTitle, siteName)
        : h1;

  // In order of trust; the first that reads as a date wins (the later ones are not parsed).
  const dates = [
    () => str(ldArticle?.['datePublished']),
    ...DATE_METAS.map((k) => () => meta(k)),
    () => attr(found.time, 'datetime'),
    () => urlDate(url ?? meta('og:url') ?? attr(found.canonical, 'href')),
  ];
  let published: string | null = null;
  for (const date of dates) if ((published = normalisePublished(date()))) break;

  const byline =
    authorName(ldArticle?.['author']) ??
    meta('author') ??
    meta('article:author') ??
    (collapseSpace(found.author?.textContent ?? '') || null);
  const body = str(ldArticle?.['articleBody']);
  return { title, published, byline, siteName, jsonLdBody: body };
}
