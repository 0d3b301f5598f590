import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Result } from '../doc/index.js';
import {
  checkEnglish,
  declaredCharset,
  decodeBytes,
  looksBinary,
  readInputs,
  type RawArticle,
} from './index.js';

const SENTENCE =
  'The harbour authority said on Monday that the two ferries would stay in port until the storm had passed, and that passengers would be offered refunds.';

async function collect(gen: AsyncGenerator<Result<RawArticle>>): Promise<Result<RawArticle>[]> {
  const out: Result<RawArticle>[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'text', 'hi', 'utf-8'],
    [
      'UTF-16LE BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')]),
      'text',
      'hi',
      'utf-16le',
    ],
    ['plain UTF-8', Buffer.from('café'), 'text', 'café', 'utf-8'],
    [
      'HTML without charset, invalid UTF-8',
      Buffer.from('<p>caf\xe9</p>', 'latin1'),
      'html',
      '<p>café</p>',
      'windows-1252',
    ],
    [
      'HTML declaring iso-8859-1',
      Buffer.from(
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93hi\x94</p>',
        'latin1',
      ),
      'html',
      '“hi”',
      'iso-8859-1',
    ],
  ] as const)('%s', (_name, bytes, kind, text, charset) => {
    const out = decodeBytes(bytes, kind);
    expect(out.ok && out.text.includes(text)).toBe(true);
    expect(out.ok && out.charset).toBe(charset);
  });

  it.each([
    ['empty', Buffer.alloc(0), 'E_EMPTY'],
    ['NUL bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'E_BINARY'],
    [
      'mostly invalid UTF-8 text',
      Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xc3 : 0x28))),
      'E_ENCODING',
    ],
  ] as const)('refuses %s', (_name, bytes, code) => {
    const out = decodeBytes(bytes, 'text');
    expect(!out.ok && out.code).toBe(code);
  });

  it('replaces a few invalid bytes in text and says so', () => {
    const out = decodeBytes(Buffer.concat([Buffer.from(SENTENCE), Buffer.from([0xff])]), 'text');
    expect(out.ok && out.issues[0]?.code).toBe('E_ENCODING');
  });

  it('finds declared charsets and binary files', () => {
    expect(declaredCharset(Buffer.from('<head><meta charset="Windows-1252">'))).toBe('windows-1252');
    expect(declaredCharset(Buffer.from('<head><title>x</title>'))).toBeNull();
    expect(looksBinary(Buffer.from('plain words\n'))).toBe(false);
  });
});

describe('checkEnglish', () => {
  it.each([
    [SENTENCE + ' ' + SENTENCE, true],
    ['Short text.', true],
    [
      'Der Hafen bleibt geschlossen, teilte die Behörde am Montag mit. Die Fähren fahren erst wieder, wenn der Sturm vorbei ist, und Fahrgäste bekommen ihr Geld zurück.',
      false,
    ],
    [
      '港口管理局周一表示，两艘渡轮将留在港口，直到风暴过去，乘客将获得退款。港口管理局周一表示，两艘渡轮将留在港口。',
      false,
    ],
  ])('%j -> %s', (text, english) => {
    expect(checkEnglish(text).english).toBe(english);
  });

  it('counts letters by code point, and Latin-script characters that are not letters as Latin', () => {
    const cyrillic = 'д'.repeat(40);
    expect(checkEnglish(`${cyrillic} ${'a'.repeat(30)}`)).toEqual({
      english: false,
      reason: '57% of letters are not Latin script',
    });
    // Roman numeral XII (Latin script, not a letter) adds to the Latin count only: 34 or 35 of 70.
    expect(checkEnglish(`${cyrillic} ${'a'.repeat(30)} ${'\u216b'.repeat(4)}`).english).toBe(false);
    expect(checkEnglish(`${cyrillic} ${'a'.repeat(30)} ${'\u216b'.repeat(5)}`).english).toBe(true);
    // An astral letter (mathematical bold A, Common script) is one letter, not two.
    expect(checkEnglish(`${'\u{1d400}'.repeat(40)} ${'a'.repeat(30)}`)).toMatchObject({
      reason: '57% of letters are not Latin script',
    });
  });
});

describe('readInputs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-ingest-'));
  mkdirSync(path.join(dir, 'b'));
  writeFileSync(path.join(dir, 'b', 'two.txt'), SENTENCE);
  writeFileSync(path.join(dir, 'a.html'), `<html><body><p>${SENTENCE}</p></body></html>`);
  writeFileSync(path.join(dir, 'notes.md'), 'ignored');
  writeFileSync(path.join(dir, 'one.txt'), SENTENCE);
  const manifest = path.join(dir, 'list.jsonl');
  writeFileSync(
    manifest,
    [
      JSON.stringify({ id: 'm1', text: SENTENCE, published: '2014-11-14' }),
      '{not json',
      JSON.stringify({ id: 'm3' }),
      '',
      JSON.stringify({ id: 'm5', path: 'one.txt', url: 'https://x.example/a' }),
    ].join('\n'),
  );

  it('walks folders recursively in sorted order, skipping other files', async () => {
    const out = await collect(readInputs([dir]));
    expect(out.map((r) => r.ok && r.value.id)).toEqual(['a', 'two', 'one']);
    expect(out[0]!.ok && out[0]!.value.html).toContain('<p>');
  });

  it('gives one failure per bad manifest line, naming FILE:LINE, and goes on', async () => {
    const out = await collect(readInputs([], [manifest]));
    expect(out.map((r) => (r.ok ? r.value.id : `${r.error.input} ${r.error.code}`))).toEqual([
      'm1',
      `${manifest}:2 E_BAD_JSON`,
      `${manifest}:3 E_BAD_MANIFEST`,
      'm5',
    ]);
    expect(out[0]!.ok && out[0]!.value.published).toBe('2014-11-14');
    expect(out[3]!.ok && out[3]!.value.text).toBe(SENTENCE);
  });

  it('reads stdin and sniffs HTML', async () => {
    const stdin = Readable.from([Buffer.from(`<!doctype html><p>${SENTENCE}</p>`)]);
    const [r] = await collect(readInputs(['-'], [], { stdin }));
    expect(r!.ok && r!.value.html).toBeDefined();
  });

  it('refuses missing files and oversize input without reading it', async () => {
    const out = await collect(
      readInputs([path.join(dir, 'missing.txt'), path.join(dir, 'one.txt')], [], { maxBytes: 10 }),
    );
    expect(out.map((r) => !r.ok && r.error.code)).toEqual(['E_NOT_FOUND', 'E_TOO_LARGE']);
  });
});
