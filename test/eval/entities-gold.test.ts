/**
 * Keeps the hand-written gold for cross-article entity resolution (`entities-gold.jsonl`, one
 * line per entity of the sample corpus) true to the samples: every mention `{article, text}`
 * must name a sample and occur in that article's extracted body as a name of its own (not as the
 * first words of a longer name, as "Pak" in "Pak Myong-ho"), no surface text of an article may
 * belong to two entities, and every entity must be mentioned twice or in two articles. The
 * conventions (names without titles, no demonyms) are in samples/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSampleCorpus } from '../../src/cli/demo.js';

interface GoldMention {
  readonly article: string;
  readonly text: string;
}

interface GoldEntity {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly mentions: readonly GoldMention[];
}

const GOLD: GoldEntity[] = readFileSync(new URL('./entities-gold.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldEntity);

// The body is fixed by extraction; the later stages only add layers, so they need not run here.
const corpus = await analyzeSampleCorpus({ pipeline: (doc) => doc });
const bodies = new Map<string, string>(corpus.articles.map((a): [string, string] => [a.doc.id, a.doc.text]));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How often `name` occurs in `text` as whole words; `alone`: only where it is not followed by a
 * further capitalised word, i.e. where it is not the start of a longer name.
 */
function nameOccurrences(text: string, name: string, alone = true): number {
  const next = alone ? '(?! \\p{Lu})' : '';
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escape(name)}(?![\\p{L}\\p{N}-])${next}`, 'gu');
  return [...text.matchAll(re)].length;
}

const bodyOf = (id: string): string => {
  const body = bodies.get(id);
  if (body === undefined) throw new Error(`gold names ${id}, which is not a sample`);
  return body;
};

describe('the name-occurrence check can fail', () => {
  it.each([
    ['Pak Chol-su met Kim.', 'Pak', 0],
    ['Pak Chol-su met Kim.', 'Kim', 1],
    ['Pak Chol-su met Kim.', 'Chol', 0],
    ['Pak Chol-su met Kim.', 'Pak Chol-su', 1],
    ["the North's army and North Korea", 'North', 1],
    ['Kimberley', 'Kim', 0],
  ])('%j has %j standing alone %i times', (text, name, n) => {
    expect(nameOccurrences(text, name)).toBe(n);
  });
});

describe('entities-gold.jsonl', () => {
  it('reads the whole sample corpus', () => {
    expect(corpus.failures).toEqual([]);
    expect(corpus.articles.length).toBeGreaterThanOrEqual(30);
  });

  it('has well-formed lines with unique ids', () => {
    for (const e of GOLD) {
      expect(e.id).toMatch(/^g\d+$/);
      expect(['PERSON', 'ORG', 'GPE']).toContain(e.type);
      expect(e.name.trim()).not.toBe('');
      expect(e.mentions.length).toBeGreaterThan(0);
    }
    expect(new Set(GOLD.map((e) => e.id)).size).toBe(GOLD.length);
    expect(new Set(GOLD.map((e) => `${e.type}\t${e.name}`)).size).toBe(GOLD.length);
  });

  it.each(GOLD)('$id $name: each mention occurs as a name in its article', (entity) => {
    for (const m of entity.mentions)
      expect(nameOccurrences(bodyOf(m.article), m.text), `"${m.text}" in ${m.article}`).toBeGreaterThan(0);
  });

  it('gives each surface text of an article to one entity only', () => {
    const owner = new Map<string, string>();
    for (const e of GOLD)
      for (const m of e.mentions) {
        const key = `${m.article}\t${m.text}`;
        expect(owner.get(key), `"${m.text}" in ${m.article}`).toBeUndefined();
        owner.set(key, e.id);
      }
  });

  it('lists only entities mentioned twice or in two articles', () => {
    for (const e of GOLD) {
      const articles = new Set(e.mentions.map((m) => m.article));
      // "NATO Secretary General": a name before a title counts, though it is not alone.
      const count = e.mentions.reduce((n, m) => n + nameOccurrences(bodyOf(m.article), m.text, false), 0);
      expect(articles.size >= 2 || count >= 2, `${e.id} ${e.name}`).toBe(true);
    }
  });
});

describe('the features planted in samples/ (samples/README.md) are in the gold', () => {
  const surfaces = (e: GoldEntity): Set<string> => new Set(e.mentions.map((m) => m.text));
  const persons = GOLD.filter((e) => e.type === 'PERSON');
  const surname = (name: string): string => name.split(' ')[0]!;

  it('a person is written with hyphen, space and case variants of one romanised name', () => {
    const key = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
    expect(
      persons.some((e) => {
        const full = [...surfaces(e)].filter((s) => s.includes(' '));
        return full.length >= 3 && new Set(full.map(key)).size === 1;
      }),
    ).toBe(true);
  });

  it('a person is written with and without diacritics', () => {
    const plain = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
    expect(
      persons.some((e) => {
        const forms = [...surfaces(e)];
        return forms.some((a) => forms.some((b) => a !== b && plain(a) === plain(b)));
      }),
    ).toBe(true);
  });

  it('two different people who share a surname appear in the same article', () => {
    const shared = persons.flatMap((a) =>
      persons.filter(
        (b) =>
          a.id < b.id &&
          surname(a.name) === surname(b.name) &&
          a.mentions.some((m) => b.mentions.some((n) => n.article === m.article)),
      ),
    );
    expect(shared.length).toBeGreaterThan(0);
  });

  it('an organisation is named in full and by its acronym in one article', () => {
    const acronymIn = (e: GoldEntity): boolean =>
      e.mentions.some(
        (m) =>
          /^\p{Lu}{2,}$/u.test(m.text) &&
          e.mentions.some((n) => n.article === m.article && n.text !== m.text),
      );
    expect(GOLD.filter((e) => e.type === 'ORG').some(acronymIn)).toBe(true);
  });
});
