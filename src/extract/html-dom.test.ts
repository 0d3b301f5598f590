import { describe, expect, it } from 'vitest';
import { extractDoc } from './extract-doc.js';
import { parseDocument } from './html-dom.js';
import { paragraphsOf } from './dom-text.js';

const PARAS = [
  'The harbour authority closed the eastern pier on Tuesday after inspectors found cracks in two of its supports, a spokesman said.',
  'Fishing boats were sent to the western basin, where berths were shared for the rest of the week while engineers assessed the damage.',
  'The authority said the pier would reopen once the repairs were finished, which it expected to take about a month.',
];
const asParagraphs = PARAS.map((p) => `<p>${p}</p>`).join('\n');

function extract(html: string) {
  return extractDoc({ id: 'p', input: 'p.html', html }, { anyLanguage: true });
}

describe('parseDocument: one <html> with <head> and <body>, whatever the markup', () => {
  it.each([
    ['no element at all (plain text)', PARAS.join('\n\n')],
    ['a doctype and then text', `<!doctype html>\n${PARAS.join('\n\n')}`],
    ['a fragment with no <html>', asParagraphs],
    ['text and markup before <html>', `Hello there <b>reader</b><html><body>${asParagraphs}</body></html>`],
    ['paragraphs after </html>', `<html><head><title>t</title></head><body></body></html>${asParagraphs}`],
    ['<head> and <body> without <html>', `<head><title>t</title></head><body>${asParagraphs}</body>`],
    ['no <body> tag: the content follows the head', `<html><head><title>t</title>${asParagraphs}</html>`],
    ['a <head> after </html>', `<html><body></html><head></body></html><article>${asParagraphs}</article>`],
  ])('%s: every paragraph is in the body', (_name, html) => {
    const doc = parseDocument(html);
    expect(doc.documentElement?.tagName).toBe('HTML');
    expect(doc.documentElement?.firstElementChild?.tagName).toBe('HEAD');
    const body = doc.documentElement?.firstElementChild?.nextElementSibling;
    expect(body?.tagName).toBe('BODY');
    expect(doc.body).toBe(body);
    const text = paragraphsOf(body!).join(' ');
    for (const p of PARAS) expect(text).toContain(p);
  });

  it('keeps a well-formed page as it is', () => {
    const doc = parseDocument(
      `<!doctype html><html><head><title>t</title></head><body>${asParagraphs}</body></html>`,
    );
    expect(paragraphsOf(doc.body!)).toEqual(PARAS);
  });
});

describe('extractDoc on pages without a usable root (it used to throw inside Readability)', () => {
  it.each([
    ['plain text served as HTML', PARAS.join('\n\n')],
    ['a fragment', asParagraphs],
    ['content after </html>', `<html><body></body></html>${asParagraphs}`],
    [
      'a <head> after </html> (Readability threw on it)',
      `<html><body></html><head></body></html><article>${asParagraphs}</article>`,
    ],
  ])('%s gives the body', (_name, html) => {
    const out = extract(html);
    expect(out.ok).toBe(true);
    if (out.ok) for (const p of PARAS) expect(out.value.text).toContain(p);
  });

  it.each([
    ['an empty page', ''],
    ['a doctype only', '<!doctype html>'],
    ['comments only', '<!-- nothing here --><!-- nor here -->'],
    [
      'a frameset',
      '<html><head><title>Frames</title></head><frameset><frame src="a.html"></frameset></html>',
    ],
  ])('%s is refused, not thrown', (_name, html) => {
    const out = extract(html);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('E_NO_ARTICLE');
  });
});
