import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './dom-text.js';
import { parseDocument, type DomElement } from './html-dom.js';
import { MAX_ATTRIBUTE_CHARS, stripPage } from './strip-html.js';

const textOf = (html: string): string[] => paragraphsOf(parseDocument(html).body!);

/**
 * The reference: what the parser itself builds, with the same elements taken out of its tree
 * (a block that would close an open paragraph leaves an empty element of its kind, as
 * `stripPage` does, so the paragraph still ends there).
 */
function referenceText(html: string): string[] {
  const doc = parseDocument(html);
  const drop = (el: DomElement): boolean =>
    /^(SCRIPT|STYLE|SVG|NOSCRIPT|TEMPLATE|NAV|FOOTER|ASIDE|SELECT|BUTTON)$/i.test(el.tagName) ||
    /^(navigation|menu|menubar)$/i.test(el.getAttribute('role') ?? '');
  for (const el of Array.from(doc.querySelectorAll('*')).filter(drop)) {
    if (/^(DIV|NAV|FOOTER|ASIDE)$/.test(el.tagName))
      (el as unknown as { replaceWith(n: unknown): void }).replaceWith(doc.createElement(el.tagName));
    else el.remove();
  }
  return paragraphsOf(doc.body!);
}

describe('stripPage', () => {
  it('removes scripts, styles, SVG, noscript, templates, comments and CDATA, keeping the text', () => {
    const html = `<html><head><style>p { color: red }</style><script>var a = "<p>not text</p>";</script></head>
      <body><!-- a comment with <p>markup</p> --><p>One <b>bold</b> word.</p>
      <svg viewBox="0 0 10 10"><text>icon</text><g><svg><title>inner</title></svg></g></svg>
      <noscript><p>Enable scripts</p></noscript><template><p>later</p></template><![CDATA[ hidden ]]>
      <p>Two.</p></body></html>`;
    const { html: out } = stripPage(html);
    expect(textOf(out)).toEqual(['One bold word.', 'Two.']);
    expect(out).not.toMatch(/script|style|svg|noscript|template|comment|CDATA/i);
  });

  it('ends a script at the first </script, even inside a JavaScript string, as browsers do', () => {
    const html = `<body><script>var s = "</script><p>After the script.</p>";</script><p>Next.</p></body>`;
    expect(textOf(stripPage(html).html)).toEqual(textOf(html.replace(/<script>[^<]*<\/script>/, '')));
    expect(textOf(stripPage(html).html)).toEqual(['After the script.', '";', 'Next.']);
  });

  it('does not take a tag inside an attribute value or a <title> for a script', () => {
    const html = `<head><title>a <script> b</title></head><body><p title="x <script> y">Kept.</p><p>Also kept.</p></body>`;
    const out = stripPage(html).html;
    expect(textOf(out)).toEqual(['Kept.', 'Also kept.']);
    expect(out).toContain('<title>a <script> b</title>');
  });

  it('sets JSON-LD aside, including a script in a dropped subtree', () => {
    const ld = '{"@type":"NewsArticle","datePublished":"2025-01-02"}';
    const html = `<head><script type="application/ld+json">${ld}</script></head><body><nav><script type='application/ld+json'>[]</script></nav><p>x</p></body>`;
    expect(stripPage(html).jsonLd).toEqual([ld, '[]']);
  });

  it('drops navigation and footers with their whole subtree, nested or not', () => {
    const html = `<body><nav><ul><li><nav>inner</nav></li><li>Home</li></ul></nav><p>Body.</p>
      <div role="navigation"><div><a href="/">Sections</a></div></div><footer><footer>x</footer>© Site</footer></body>`;
    expect(textOf(stripPage(html).html)).toEqual(['Body.']);
  });

  it('drops only the start tag of an element to drop that never closes', () => {
    const html = `<body><svg><path d="M0 0"><p>First paragraph.</p><nav><p>Second paragraph.</p></body>`;
    expect(textOf(stripPage(html).html)).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('keeps only the attributes extraction reads, and none longer than the limit', () => {
    const big = 'x'.repeat(MAX_ATTRIBUTE_CHARS + 1);
    const html = `<body><div class="story" data-state='{"a":1}' onclick="go()" style="display:none" id='main "x"' title="${big}">Text</div></body>`;
    const out = stripPage(html).html;
    expect(out).toContain('<div class="story" style="display:none" id="main &quot;x&quot;">Text</div>');
    expect(out).not.toContain('data-state');
  });

  it('drops blank text beside block tags but not between inline ones', () => {
    const out = stripPage('<body>\n  <div>\n    <p><b>One</b> <i>two</i></p>\n  </div>\n</body>').html;
    expect(out).toBe('<body><div><p><b>One</b> <i>two</i></p></div></body>');
  });

  it('returns a page with nothing to remove unchanged', () => {
    const html = '<html><body><p>Plain <a href="/x">link</a>.</p></body></html>';
    expect(stripPage(html).html).toBe(html);
  });

  // Markup built from pieces that trip up scanners: quotes and `>` in attributes, tags inside
  // script strings and comments, unclosed comments, upper-case names, stray `<`.
  const piece = fc.constantFrom(
    '<p>',
    '</p>',
    '<div class="a>b">',
    "<div title='<script>'>",
    '</div>',
    '<span>',
    '</span>',
    ' ',
    '\n',
    'word',
    'Another sentence.',
    '<br>',
    '<script>var x = "</scr" + "ipt>";</script>',
    '<SCRIPT type="text/javascript">if (a < b) {}</SCRIPT>',
    '<script type="application/ld+json">{"a":"<p>"}</script>',
    '<style>a > b { }</style>',
    '<!-- <p>commented</p> -->',
    '<!-->',
    '<![CDATA[ x ]]>',
    '<svg><g><text>t</text></g></svg>',
    '<svg/>',
    '<noscript><p>n</p></noscript>',
    '<template><p>t</p></template>',
    '<nav><a>n</a></nav>',
    '<footer>f</footer>',
    '<aside><p>a</p></aside>',
    '<div role="navigation">r</div>',
    '<ul><li>item</li></ul>',
    '<a href="/x" data-x="1">link</a>',
    '<title>t < u</title>',
    '< not a tag',
    '<3',
    '&amp; &lt;',
    '</ div>',
    '<?php echo 1 ?>',
  );

  it('gives the same text as removing those elements from the parsed tree (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = `<html><body>${pieces.join('')}</body></html>`;
        expect(textOf(stripPage(html).html)).toEqual(referenceText(html));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
