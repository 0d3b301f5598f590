/**
 * Property tests: whatever bytes a crawler brings, `extractDoc` returns a Doc or a Failure and
 * never throws, and a Doc's text is the frozen body every later offset indexes (paragraphs with
 * collapsed whitespace, one blank line apart). `FUZZ_RUNS` raises the number of cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants, ERRORS, type Doc, type Result } from '../doc/index.js';
import { extractDoc } from './extract-doc.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const SENTENCE =
  'The council voted on Thursday to rebuild the old bridge, and work is expected to start in the spring.';

/** The contract of one extraction result. */
function checkResult(out: Result<Doc>, input: string): void {
  if (!out.ok) {
    expect(Object.keys(ERRORS)).toContain(out.error.code);
    expect(out.error.input).toBe(input);
    return;
  }
  const doc = out.value;
  expect(typeof doc.text).toBe('string');
  expect(doc.text.trim().length).toBeGreaterThan(0);
  expect(doc.layers).toEqual({});
  for (const p of doc.text.split('\n\n')) {
    expect(p).not.toBe('');
    expect(p).toBe(p.trim());
    expect(p).not.toMatch(/\n|[ \t\u00a0]{2}/);
  }
  expect(doc.meta.published === null || /^\d{4}-\d{2}-\d{2}$/.test(doc.meta.published)).toBe(true);
  checkInvariants(doc);
}

const extract = (html: string): Result<Doc> =>
  extractDoc({ id: 'fuzz', input: 'fuzz.html', html }, { anyLanguage: true });

// Pieces of real and broken markup; a page is a random sequence of them.
const text = fc.oneof(
  fc.constant(SENTENCE),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '\u200b\u200d',
    '\u202e مرحبا',
    'e\u0301\u0301',
    '𝕳𝖊𝖑𝖑𝖔 😀',
    '\u0000\u0007',
    '&nbsp;&amp;&#x1F600;&bogus;',
  ),
);
const tagName = fc.constantFrom(
  'p',
  'div',
  'span',
  'a',
  'li',
  'ul',
  'article',
  'section',
  'main',
  'h1',
  'h2',
  'table',
  'td',
  'tr',
  'frameset',
  'frame',
  'svg',
  'math',
  'mi',
  'foreignObject',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'title',
  'textarea',
  'body',
  'html',
  'head',
  'meta',
  'figure',
  'figcaption',
  'nav',
  'aside',
  'form',
  'select',
  'option',
  'br',
  'img',
  'x-custom',
  'blockquote',
  'pre',
);
const attribute = fc.oneof(
  fc.constantFrom(
    'class="article-body"',
    "id='main'",
    'hidden',
    'aria-hidden="true"',
    'role="navigation"',
    'class="caption"',
    'style="display:none"',
    'type="application/ld+json"',
    'class',
    '="x"',
    '"quoted"',
  ),
  fc.string({ maxLength: 20 }).map((v) => `data-x="${v}"`),
);
const piece = fc.oneof(
  text,
  fc
    .tuple(tagName, fc.array(attribute, { maxLength: 3 }))
    .map(([t, a]) => `<${t}${a.map((x) => ` ${x}`).join('')}>`),
  tagName.map((t) => `</${t}>`),
  fc.constantFrom(
    '<p>',
    '</p>',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '<script>',
    '</script>',
    '"</script>"',
    '<',
    '>',
    '</',
    '<!doctype html>',
    '<?xml version="1.0"?>',
    '<p>' + SENTENCE + '</p>',
    '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"' +
      SENTENCE.repeat(4) +
      '"}</script>',
    '<script type="application/ld+json">{"datePublished": 7, "author": [null, {"name": 3}]}</script>',
    '<meta property="article:published_time" content="not a date">',
    '<time datetime="2024-02-30">',
  ),
);

describe('extractDoc never throws (property)', () => {
  it('on random tag soup', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) =>
        checkResult(extract(pieces.join('')), 'fuzz.html'),
      ),
      { numRuns: RUNS },
    );
  });

  it('on random text, as HTML and as plain text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        checkResult(extract(s), 'fuzz.html');
        checkResult(extractDoc({ id: 'fuzz', input: 'fuzz.txt', text: s }), 'fuzz.txt');
      }),
      { numRuns: RUNS },
    );
  });

  it('on a real-looking article wrapped in random markup, the article is kept', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(piece, { maxLength: 20 }), (before, after) => {
        const article = `<article>${`<p>${SENTENCE}</p>`.repeat(6)}</article>`;
        const out = extract(
          `<html><body>${before.join('')}</body></html>`.replace('</body>', `</body>`) +
            article +
            after.join(''),
        );
        checkResult(out, 'fuzz.html');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('extractDoc on absurd pages', () => {
  const body = `<p>${SENTENCE}</p>`.repeat(5);
  it.each([
    ['a frameset', `<html><frameset rows="50%,50%"><frame src="a"><frame src="b"></frameset></html>`],
    [
      'a frameset with noframes text',
      `<html><frameset><frame src="a"><noframes>${body}</noframes></frameset></html>`,
    ],
    [
      'only scripts',
      `<html><head><script>${'var a = "<p>x</p>";'.repeat(1000)}</script></head><body><script>go()</script></body></html>`,
    ],
    [
      'inline SVG and MathML around the body',
      `<svg><text>${SENTENCE}</text></svg><math><mi>x</mi><mo>=</mo></math>${body}`,
    ],
    ['an unclosed SVG before the body', `<body><svg><path d="M0 0">${body}</body>`],
    [
      'unclosed tags everywhere',
      `<html><body><div><p>${SENTENCE}<p>${SENTENCE}<b><i>${SENTENCE}<div><span>${SENTENCE}`,
    ],
    ['an unclosed comment', `<body>${body}<!-- the rest is a comment <p>${SENTENCE}</p>`],
    ['an unclosed script', `<body>${body}<script>var x = 1;`],
    ['an unclosed attribute quote', `<body>${body}<div class="oops>${body}</div></body>`],
    [
      'XHTML with a prolog',
      `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`,
    ],
    [
      'an RSS feed',
      `<?xml version="1.0"?><rss><channel><item><title>T</title><description>${SENTENCE}</description></item></channel></rss>`,
    ],
  ])('%s', (_name, html) => checkResult(extract(html), 'fuzz.html'));

  it('a 10 MB attribute', () => {
    const html = `<html><body><div class="x" data-blob="${'a'.repeat(10_000_000)}" style="${'b'.repeat(1_000_000)}">${body}</div></body></html>`;
    const out = extract(html);
    checkResult(out, 'fuzz.html');
    expect(out.ok && out.value.text).toContain(SENTENCE);
  });

  it('markup nested 5,000 deep', () => {
    const html = `<html><body>${'<div>'.repeat(5_000)}${body}${'</div>'.repeat(5_000)}</body></html>`;
    checkResult(extract(html), 'fuzz.html');
  });

  it('20,000 unclosed elements to drop', () => {
    checkResult(extract(`<body>${'<nav><svg><template>'.repeat(20_000)}${body}`), 'fuzz.html');
  });
});
