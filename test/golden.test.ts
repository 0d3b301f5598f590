/**
 * Golden tests: the whole pipeline over the sample corpus (`samples/`), compared with the
 * contract JSON kept in `test/golden/<id>.json`, one pretty-printed file per article so a
 * change reads as a diff. `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites them;
 * review the diff before committing. Extraction is also checked against what we planted in the
 * samples: titles, dates, junk that must go and sentences that must stay.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeSampleCorpus } from '../src/cli/demo.js';
import { toJson, type Doc } from '../src/doc/index.js';
import { SAMPLE_EXPECTATIONS } from './sample-expectations.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const REGENERATE =
  'if the change is intended: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts, then review the diff';

const corpus = await analyzeSampleCorpus();
const docs = new Map<string, Doc>(corpus.articles.map((a) => [a.doc.id, a.doc]));
const docOf = (id: string): Doc => {
  const doc = docs.get(id);
  if (!doc) throw new Error(`sample ${id} was not analysed`);
  return doc;
};
const goldenPath = (id: string): string => `${GOLDEN_DIR}${id}.json`;
const pretty = (doc: Doc): string => `${JSON.stringify(toJson(doc), null, 2)}\n`;

describe('sample corpus', () => {
  it('analyses every sample without a failure, in manifest order', () => {
    expect(corpus.failures).toEqual([]);
    expect(corpus.articles.map((a) => a.doc.id)).toEqual(SAMPLE_EXPECTATIONS.map((e) => e.id));
  });

  it('has a golden file for every sample and no stale ones', () => {
    if (UPDATE) mkdirSync(GOLDEN_DIR, { recursive: true });
    const files = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')) : [];
    if (!UPDATE) expect(files.sort()).toEqual(SAMPLE_EXPECTATIONS.map((e) => `${e.id}.json`).sort());
  });
});

describe.each(SAMPLE_EXPECTATIONS.map((e) => e.id))('golden %s', (id) => {
  it(`matches test/golden/${id}.json`, () => {
    const actual = pretty(docOf(id));
    if (UPDATE) {
      writeFileSync(goldenPath(id), actual);
      return;
    }
    if (!existsSync(goldenPath(id))) throw new Error(`no golden file for ${id}; ${REGENERATE}`);
    // Parsed objects give a field-by-field diff; the byte-level check is in doc-invariants.test.ts.
    expect(JSON.parse(actual), REGENERATE).toEqual(JSON.parse(readFileSync(goldenPath(id), 'utf8')));
  });
});

describe.each(SAMPLE_EXPECTATIONS)('extraction of $id', (exp) => {
  const doc = (): Doc => docOf(exp.id);

  it('takes the headline as the title, without the site name', () => {
    expect(doc().meta.title).toBe(exp.title);
  });

  it('does not repeat the headline at the top of the body', () => {
    expect(doc().text.startsWith(exp.title)).toBe(false);
  });

  it('has the publication date the page or manifest gives', () => {
    expect(doc().meta.published).toBe(exp.published);
  });

  it.each(exp.drop.map((junk) => [junk]))('drops %j', (junk) => {
    expect(doc().text).not.toContain(junk);
  });

  it.each((exp.dropLines ?? []).map((line) => [line]))('drops the tag line %j', (line) => {
    expect(
      doc()
        .text.split('\n')
        .map((l) => l.trim()),
    ).not.toContain(line);
  });

  it.each(exp.keep.map((sentence) => [sentence]))('keeps %j', (sentence) => {
    expect(doc().text).toContain(sentence);
  });
});
