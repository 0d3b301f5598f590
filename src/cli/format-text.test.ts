import { describe, expect, it } from 'vitest';
import { createDoc, withLayer } from '../doc/index.js';
import { formatDocText, renderTable } from './format-text.js';

const text = 'Seoul said on Friday that Choe would visit Moscow.';
const base = createDoc('d1', text, { title: 'Envoy to visit Moscow', published: '2014-11-14' });

describe('formatDocText', () => {
  it('prints the header and body, and no section for a layer that is absent', () => {
    expect(formatDocText(base)).toBe(`# Envoy to visit Moscow\nid: d1   published: 2014-11-14\n\n${text}\n`);
  });

  it('renders entities, time expressions and events generically', () => {
    let doc = withLayer(base, 'entities', [
      { start: 0, end: 5, type: 'GPE', canonical: 'Seoul', country: 'KOR' },
      { start: 43, end: 49, type: 'GPE', canonical: 'Moscow', country: 'RUS' },
    ]);
    doc = withLayer(doc, 'timexes', [{ start: 14, end: 20, type: 'DATE', value: '2014-11-14' }]);
    doc = withLayer(doc, 'events', [
      {
        type: 'CONSULT',
        mode: 'visit',
        source: { name: 'Choe', country: 'PRK' },
        target: { name: 'Russia', country: 'RUS' },
        modality: 'planned',
        date: '2014-11-14',
        evidence: { start: 0, end: text.length },
      },
    ]);
    const out = formatDocText(doc);
    expect(out).toContain('Entities (2)');
    expect(out).toMatch(/Moscow\s+GPE\s+Moscow\s+RUS/);
    expect(out).toMatch(/Friday\s+DATE\s+2014-11-14/);
    expect(out).toMatch(/2014-11-14\s+Choe \(PRK\)\s+CONSULT\/visit\s+Russia \(RUS\)\s+planned\s+Seoul said/);
    expect(out).not.toContain('Issues');
  });

  it('pads columns to the widest cell', () => {
    expect(renderTable(['a', 'b'], [['long', 'x']])).toEqual(['a     b', '----  -', 'long  x']);
  });
});
