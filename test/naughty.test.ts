/**
 * Naughty inputs through the whole `storyline analyze` command (in process, via `main()`):
 * each bad input gives one stderr line and a non-zero exit, never a crash or a hang, and the
 * good inputs beside it are still printed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { captureOutput, tempFiles } from './cli-harness.js';

const GOOD = fileURLToPath(new URL('./fixtures/articles/ferry-storm.txt', import.meta.url));
const { dir, file } = tempFiles('naughty');
const output = captureOutput();

const analyze = (...args: string[]): Promise<number> => main(['node', 'storyline', 'analyze', ...args]);

describe('storyline analyze', () => {
  it('prints one JSON line per good input, in order, and is deterministic', async () => {
    expect(await analyze(GOOD, '--published', '2025-03-03')).toBe(0);
    const first = output.out;
    const doc = JSON.parse(output.out.trim());
    expect(doc).toMatchObject({
      id: 'ferry-storm',
      title: 'Storm halts ferries on northern coast',
      published: '2025-03-03',
    });
    expect(doc.body).not.toMatch(/Advertisement|newsletter|Storm halts/);
    expect(doc.body.split('\n\n')).toHaveLength(3);
    output.out = '';
    await analyze(GOOD, '--published', '2025-03-03');
    expect(output.out).toBe(first);
  });

  it('renders the text view', async () => {
    expect(await analyze(GOOD, '--format', 'text')).toBe(0);
    expect(output.out).toMatch(/^# Storm halts ferries on northern coast\n/);
  });

  it.each([
    ['a date that is not one', ['--published', 'last week']],
    ['an impossible date', ['--published', '2025-02-30']],
    ['an unknown format', ['--format', 'xml']],
  ])('refuses %s with a clear message', async (_name, args) => {
    expect(await analyze(GOOD, ...args)).toBe(2);
    expect(output.err).toMatch(/^storyline: --(published|format): /);
    expect(output.out).toBe('');
  });

  const naughty: [string, () => string, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /input is empty/],
    ['a whitespace-only file', () => file('blank.txt', ' \n\t\n'), /input is empty/],
    [
      'a binary file',
      () => file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      /binary/,
    ],
    [
      'invalid UTF-8',
      () => file('bad.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 ? 0xfe : 0x41)))),
      /not valid text/,
    ],
    ['a missing file', () => path.join(dir, 'nope.txt'), /does not exist/],
    [
      'a page with only navigation',
      () =>
        file(
          'nav.html',
          '<html><body><nav><a href="/">Home</a><a href="/b">Business</a></nav></body></html>',
        ),
      /no article text/,
    ],
    [
      'non-English text',
      () =>
        file(
          'de.txt',
          'Sturm stoppt Fähren\n\n' +
            'Die Fährbetreiber an der Nordküste haben am Montag alle Überfahrten eingestellt, nachdem ein Sturm zwei Anleger beschädigt hatte, teilte die Verkehrsbehörde mit. '.repeat(
              3,
            ),
        ),
      /does not look like English/,
    ],
  ];
  it.each(naughty)(
    '%s: one stderr line, exit 1, the good input still printed',
    async (_name, make, message) => {
      const bad = make();
      expect(await analyze(bad, GOOD)).toBe(1);
      const lines = output.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^storyline: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(lines[0]).toMatch(message);
      expect(output.out.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(output.out).id).toBe('ferry-storm');
    },
  );

  it('refuses a 50 MB file fast, with the size in the message', async () => {
    const big = file('big.txt', Buffer.alloc(50 * 2 ** 20, 0x61));
    const start = Date.now();
    expect(await analyze(big)).toBe(1);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(output.err).toMatch(/larger than the size limit: 52428800 bytes/);
  });

  it('survives 10,000 nested divs', async () => {
    const sentence =
      '<p>The council voted on Tuesday to close the old bridge for repairs, and the mayor said the work would take until the spring.</p>';
    const deep = file(
      'deep.html',
      `<html><body>${'<div>'.repeat(10_000)}${sentence.repeat(3)}${'</div>'.repeat(10_000)}</body></html>`,
    );
    expect(await analyze(deep)).toBe(0);
    expect(JSON.parse(output.out).body).toContain('The council voted on Tuesday');
  });

  it('reads a manifest, naming FILE:LINE for a bad line', async () => {
    const manifest = file(
      'list.jsonl',
      `${JSON.stringify({ id: 'one', path: GOOD, published: '2025-03-03' })}\n{"id": 3}\n`,
    );
    expect(await analyze('--input', manifest)).toBe(1);
    expect(output.err.trim().split('\n')).toHaveLength(1);
    expect(output.err).toMatch(
      /^storyline: .*list\.jsonl:2: manifest line does not have the expected fields: id/,
    );
    expect(JSON.parse(output.out)).toMatchObject({ id: 'one', published: '2025-03-03' });
  });
});
