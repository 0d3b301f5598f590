/**
 * Start tags read the way htmlparser2 (linkedom's parser) reads them, and rebuilt with only the
 * attributes extraction reads: class, id, visibility, ARIA roles, microdata, meta content,
 * links, dates and media sources, none longer than `MAX_ATTRIBUTE_CHARS`. Part of `stripPage`.
 */

/** Longer attribute values (inline images, serialised state) are dropped, not parsed. */
export const MAX_ATTRIBUTE_CHARS = 4_000;

/** Attributes that extraction, Readability or the page metadata read, on any element. */
const KEPT_ATTRIBUTES = new Set('class id hidden aria-hidden aria-modal role itemprop'.split(' '));
/** ...and on these elements only. */
const KEPT_ON = new Map<string, ReadonlySet<string>>(
  Object.entries({
    meta: 'name property content charset http-equiv',
    a: 'href rel',
    link: 'href rel',
    time: 'datetime',
    img: 'src srcset',
    iframe: 'src',
    embed: 'src',
    object: 'data',
    td: 'colspan rowspan',
    th: 'colspan rowspan',
    table: 'summary datatable',
    html: 'lang dir',
  }).map(([tag, names]) => [tag, new Set(names.split(' '))]),
);
/** Readability reads `style` only to see whether an element is hidden. */
const HIDING_STYLE = /display|visibility/i;

function keptAttribute(tag: string, name: string, value: string | null): boolean {
  if (value !== null && value.length > MAX_ATTRIBUTE_CHARS) return false;
  if (KEPT_ATTRIBUTES.has(name) || KEPT_ON.get(tag)?.has(name)) return true;
  return name === 'style' && value !== null && HIDING_STYLE.test(value);
}

export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
export const isAlpha = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;
/** Where a tag or attribute name ends (htmlparser2's `isEndOfTagSection`). */
export const endsName = (c: number): boolean => c === 47 || c === 62 || isSpace(c);

export interface StartTag {
  readonly name: string;
  /** Index just past the closing `>` (the input length when the tag never closes). */
  readonly end: number;
  readonly selfClosing: boolean;
  readonly attributes: { name: string; value: string | null; quote: number }[];
}

/** Reads the start tag at `lt` (`<` followed by a letter), attribute by attribute. */
export function readStartTag(html: string, lt: number): StartTag {
  const n = html.length;
  let i = lt + 1;
  while (i < n && !endsName(html.charCodeAt(i))) i++;
  const name = html.slice(lt + 1, i).toLowerCase();
  const attributes: StartTag['attributes'] = [];
  let selfClosing = false;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return { name, end: i + 1, selfClosing, attributes };
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 47) {
      selfClosing = true;
      i++;
      continue;
    }
    selfClosing = false;
    const nameStart = i;
    i++; // a name may start with `=`
    while (i < n && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== 61) i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== 61) {
      attributes.push({ name: attrName, value: null, quote: 0 });
      i = j;
      continue;
    }
    j++;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = html.indexOf(q === 34 ? '"' : "'", j + 1);
      const stop = close < 0 ? n : close;
      attributes.push({ name: attrName, value: html.slice(j + 1, stop), quote: q });
      i = stop + 1;
    } else {
      let k = j;
      while (k < n && !isSpace(html.charCodeAt(k)) && html.charCodeAt(k) !== 62) k++;
      attributes.push({ name: attrName, value: html.slice(j, k), quote: 0 });
      i = k;
    }
  }
  return { name, end: n, selfClosing, attributes };
}

/** The tag rebuilt with only the kept attributes, or null when nothing was dropped. */
export function filteredTag(html: string, lt: number, tag: StartTag): string | null {
  const kept = tag.attributes.filter((a) => keptAttribute(tag.name, a.name, a.value));
  if (kept.length === tag.attributes.length) return null;
  let out = `<${html.slice(lt + 1, lt + 1 + tag.name.length)}`;
  for (const a of kept) {
    if (a.value === null) out += ` ${a.name}`;
    else if (a.quote === 34) out += ` ${a.name}="${a.value}"`;
    else out += ` ${a.name}="${a.value.replace(/"/g, '&quot;')}"`;
  }
  return out + (tag.selfClosing ? '/>' : '>');
}
