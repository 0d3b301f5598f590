import { describe, expect, it } from 'vitest';
import { extractDoc } from './extract-doc.js';
import { normalisePublished, datelineDate } from './published.js';
import { stripSiteSuffix } from './html-meta.js';
import { decodeBytes } from '../ingest/decode.js';

const REPORT = [
  'Ferry operators on the northern coast suspended all crossings on Monday after a storm damaged two piers, the regional transport office said.',
  'About 4,000 passengers were stranded overnight in the two ports, and the office said repairs would take at least a week.',
  '"We are moving people by bus where we can," a spokeswoman for the operators told reporters, adding that refunds would be offered.',
  'The coastguard said no one had been hurt when the storm struck shortly before midnight.',
];

function page(opts: { head?: string; before?: string; after?: string; body?: string } = {}): string {
  const article = opts.body ?? REPORT.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head>${opts.head ?? ''}</head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
  ${opts.before ?? ''}
  <article><h1>Storm halts ferries on northern coast</h1>${article}
  <p>Share this on Facebook</p></article>
  ${opts.after ?? ''}
  <footer><p>© 2025 Example Coast News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
  </body></html>`;
}

function extractHtml(html: string, url: string | null = null) {
  const out = extractDoc({ id: 'p', input: 'p.html', html, url });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

describe('HTML extraction', () => {
  it('keeps every paragraph, one blank line apart, and none of the furniture', () => {
    const doc = extractHtml(page());
    expect(doc.text).toBe(REPORT.join('\n\n'));
  });

  it.each([
    [
      'og:title with a site suffix',
      '<meta property="og:title" content="Storm halts ferries | Example Coast News">',
      'Storm halts ferries',
    ],
    [
      '<title> with a dash suffix',
      '<title>Storm halts ferries on northern coast - Coast News</title>',
      'Storm halts ferries on northern coast',
    ],
    ['no og:title: the h1', '', 'Storm halts ferries on northern coast'],
  ])('title from %s', (_name, head, title) => {
    expect(extractHtml(page({ head })).meta.title).toBe(title);
  });

  it.each([
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-04T08:00:00Z"}</script>',
      null,
      '2025-03-04',
    ],
    [
      'JSON-LD inside @graph',
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-03-04"}]}</script>',
      null,
      '2025-03-04',
    ],
    [
      'article:published_time',
      '<meta property="article:published_time" content="2024-12-31">',
      null,
      '2024-12-31',
    ],
    ['a date in the URL', '', 'https://news.example/2023/07/09/storm-ferries', '2023-07-09'],
    ['nothing', '', null, null],
  ])('published from %s', (_name, head, url, published) => {
    expect(extractHtml(page({ head }), url).meta.published).toBe(published);
  });

  it('ignores a broken JSON-LD block', () => {
    expect(extractHtml(page({ head: '<script type="application/ld+json">{nope</script>' })).text).toContain(
      'Ferry operators',
    );
  });

  it('drops captions and related-story lists inside the article', () => {
    const body =
      REPORT.slice(0, 2)
        .map((p) => `<p>${p}</p>`)
        .join('') +
      '<figure><img src="x.jpg"><figcaption>A damaged pier. Photo: Example Agency</figcaption></figure>' +
      REPORT.slice(2)
        .map((p) => `<p>${p}</p>`)
        .join('') +
      '<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Bridge closed for repairs</a></li><li><a href="/b">Storm warning issued</a></li></ul></div>';
    const doc = extractHtml(page({ body }));
    expect(doc.text).toBe(REPORT.join('\n\n'));
  });

  it('keeps <br>-separated text as paragraphs', () => {
    const doc = extractHtml(page({ body: `<div>${REPORT.join('<br><br>')}</div>` }));
    expect(doc.text).toBe(REPORT.join('\n\n'));
  });

  it('reads a windows-1252 page declared in a meta tag', () => {
    const html = page({
      head: '<meta charset="windows-1252">',
      body: `<p>${REPORT[0]} The caf\xe9 owner shrugged.</p>${REPORT.slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('')}`,
    });
    const decoded = decodeBytes(Buffer.from(html, 'latin1'), 'html');
    expect(decoded.ok && decoded.charset).toBe('windows-1252');
    const doc = extractHtml(decoded.ok ? decoded.text : '');
    expect(doc.text).toContain('The café owner shrugged.');
  });

  it('fails clearly on a page that is only navigation', () => {
    const html =
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Menu</p></body></html>';
    const out = extractDoc({ id: 'n', input: 'nav.html', html });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error.code).toBe('E_NO_ARTICLE');
  });
});

describe('plain text and dates', () => {
  it('--no-clean keeps the text byte for byte', () => {
    const text = 'Headline\n\nHide Ad\n  Body line.  \n';
    const out = extractDoc({ id: 't', input: 't.txt', text }, { noClean: true });
    expect(out.ok && out.value.text).toBe(text);
  });

  it('published: input beats dateline; dateline beats nothing; never today', () => {
    const text = `Headline here\n\nLISBON, May 23, 2013 (Wire) - ${REPORT[0]}\n\n${REPORT[1]}`;
    const fromDateline = extractDoc({ id: 't', input: 't', text });
    expect(fromDateline.ok && fromDateline.value.meta.published).toBe('2013-05-23');
    const given = extractDoc({ id: 't', input: 't', text, published: '2014-11-14' });
    expect(given.ok && given.value.meta.published).toBe('2014-11-14');
    const none = extractDoc({ id: 't', input: 't', text: `Headline here\n\n${REPORT.join('\n\n')}` });
    expect(none.ok && none.value.meta.published).toBeNull();
  });

  it.each([
    ['2014-11-14', '2014-11-14'],
    ['2014-11-14T09:30:00+09:00', '2014-11-14'],
    ['Fri, 14 Nov 2014 09:30:00 GMT', '2014-11-14'],
    ['November 14, 2014', '2014-11-14'],
    ['2014-02-30', null],
    ['Nov 14', null],
    ['yesterday', null],
    ['', null],
  ])('normalisePublished(%j) = %j', (input, out) => {
    expect(normalisePublished(input)).toBe(out);
  });

  it.each([
    ['WASHINGTON, May 23, 2013 (Wire) - The', '2013-05-23'],
    ['May 23, 2013\nThe council met.', '2013-05-23'],
    ['SEOUL, Nov 14 (Wire) - No year here.', null],
    ['The council said on May 23, 2013 that it agreed.', null],
  ])('datelineDate(%j) = %j', (text, out) => {
    expect(datelineDate(text)).toBe(out);
  });

  it.each([
    ['Storm halts ferries | Coast News', 'Coast News', 'Storm halts ferries'],
    ['Coast News - Storm halts ferries on coast', 'Coast News', 'Storm halts ferries on coast'],
    [
      'Storm halts ferries - and bridges - on the northern coast',
      null,
      'Storm halts ferries - and bridges - on the northern coast',
    ],
  ])('stripSiteSuffix(%j)', (title, site, out) => {
    expect(stripSiteSuffix(title, site)).toBe(out);
  });
});

describe('HTML fallbacks and byline', () => {
  it('falls back to JSON-LD articleBody when the page shows too little, and says so', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      articleBody: REPORT.join('\n\n'),
      author: { name: 'Ana Lima' },
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app">Loading…</div></body></html>`;
    const doc = extractHtml(html);
    expect(doc.text).toBe(REPORT.join('\n\n'));
    expect(doc.meta.byline).toBe('Ana Lima');
    expect(doc.issues.map((i) => i.code)).toEqual(['W_FALLBACK']);
  });

  it('reads the byline from meta author', () => {
    expect(extractHtml(page({ head: '<meta name="author" content="Tom Park">' })).meta.byline).toBe(
      'Tom Park',
    );
  });
});
