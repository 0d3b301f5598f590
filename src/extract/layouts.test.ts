/**
 * Recall on layouts common on news sites, in our own words: a body split across containers,
 * paragraphs in divs or between `<br>`s, lists and subheadings, live-blog posts, a standfirst
 * above the body's container, a continuation nested deeper, a short brief. Every body
 * paragraph must come out, and none of the furniture around it.
 */
import { describe, expect, it } from 'vitest';
import { extractDoc } from './extract-doc.js';

const P = [
  'The city council approved a plan on Tuesday to replace the lead water pipes in three older districts, officials said.',
  'The work will begin in the spring and is expected to take four years, according to the public works department.',
  'Residents in the affected streets will receive letters explaining how the water supply will be maintained during the work.',
  'A spokeswoman said the council had set aside money for temporary filters for households with young children.',
  'Critics said the timetable was too slow, noting that the problem had been known for more than a decade.',
  'The mayor defended the plan, saying the city had to balance the cost against other repairs to roads and bridges.',
  'Engineers will first survey every connection, because many of the old records were lost in a fire at the archive.',
  'The council will publish progress reports every three months on its website and at public meetings.',
];
const FURNITURE = [
  'Related stories',
  'Bridge repairs delayed',
  'Advertisement',
  'Most read',
  'long overdue',
  'City Herald',
];

const p = (i: number): string => `<p>${P[i]}</p>`;
const all = (from = 0, to = P.length): string =>
  P.slice(from, to)
    .map((t) => `<p>${t}</p>`)
    .join('');
const related = `<div class="related-box"><h3>Related stories</h3><ul><li><a href="/a">Bridge repairs delayed again</a></li><li><a href="/b">New bus lanes open downtown</a></li></ul></div>`;
const ad = `<div class="ad-slot"><span>Advertisement</span></div>`;
const page = (body: string): string =>
  `<html><head><title>Council approves pipe plan | City Herald</title></head><body><header><a href="/">City Herald</a></header>${body}<footer>© City Herald</footer></body></html>`;
const h1 = '<h1>Council approves pipe plan</h1>';

const LAYOUTS: [string, string, number[]][] = [
  ['one container', page(`<article>${h1}${all()}</article>`), [0, 1, 2, 3, 4, 5, 6, 7]],
  [
    'a body split by an ad and a related box',
    page(
      `<article>${h1}<div>${all(0, 3)}</div>${ad}<div>${all(3, 5)}</div>${related}<div>${all(5)}</div></article>`,
    ),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'paragraphs in divs',
    page(`<div class="story">${h1}${P.map((t) => `<div>${t}</div>`).join('')}</div>`),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'paragraphs between <br>s',
    page(`<div class="story">${h1}<div>${P.join('<br><br>')}</div></div>`),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'lists and subheadings',
    page(
      `<article>${h1}${p(0)}${p(1)}<h2>What happens next</h2>${p(2)}<ul><li>Surveys of every connection</li><li>Filters for young families</li></ul>${p(3)}<h2>Why it took so long</h2>${all(4)}</article>`,
    ),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'live-blog posts',
    page(
      `<div class="live">${h1}${P.map((t, i) => `<div class="post"><time>1${i}:00</time><h3>Update ${i + 1}</h3><p>${t}</p></div>`).join('')}</div>`,
    ),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'reader comments after the article',
    page(
      `<article>${h1}${all()}</article><section class="comments"><h2>Comments</h2><div class="comment"><p>I think this is long overdue and the council should have moved years ago.</p></div></section>`,
    ),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'a standfirst above the body container',
    page(
      `<div class="wrap"><div class="lead">${h1}<p class="standfirst">${P[0]}</p></div><div class="article-body">${all(1)}</div></div>`,
    ),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'a continuation nested deeper after a related box',
    page(
      `<div class="article"><div class="col"><div class="text">${all(0, 5)}</div></div>${related}<div class="more"><div><div>${all(5)}</div></div></div></div>`,
    ),
    [0, 1, 2, 3, 4, 5, 6, 7],
  ],
  [
    'a two-paragraph brief beside a most-read list',
    page(
      `<article>${h1}${p(0)}${p(1)}</article><aside><h3>Most read</h3><ul><li><a href="/x">Bridge repairs delayed again</a></li></ul></aside>`,
    ),
    [0, 1],
  ],
];

const TEASERS = [
  'Bus lanes on the ring road will open next month after two years of work on the junctions.',
  'The school board met on Monday to discuss the new term dates and the cost of heating.',
  'A new library branch will open in the east of the city, with longer hours at weekends.',
  'The market square will be closed to traffic on Saturdays from next spring, the council said.',
];

describe('extraction keeps the whole body on common layouts', () => {
  it('a page rendered by script: the body only in JSON-LD, a story list in the markup', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', articleBody: P.join('\n\n') });
    const list = TEASERS.map((t) => `<div class="card"><p>${t}</p></div>`).join('');
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div><section>${list}</section></body></html>`;
    const out = extractDoc({ id: 'layout', input: 'layout.html', html });
    expect(out.ok && out.value.text).toBe(P.join('\n\n'));
  });

  it.each(LAYOUTS)('%s', (_name, html, expected) => {
    const out = extractDoc({ id: 'layout', input: 'layout.html', html });
    expect(out.ok).toBe(true);
    const text = out.ok ? out.value.text : '';
    for (const i of expected) expect(text).toContain(P[i]);
    for (const junk of FURNITURE) expect(text).not.toContain(junk);
  });
});
