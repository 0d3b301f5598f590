/**
 * A throw on one document fails that document only: a stage's throw (and extraction's) becomes
 * its `E_STAGE` failure naming the stage, a dead worker its `E_WORKER` failure, and every other
 * document still comes out, in input order, through the library and through the CLI.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDoc, fail, failure, ok, StageError, type Doc, type Result } from '../src/doc/index.js';
import type { RawArticle } from '../src/ingest/index.js';
import { analyzeRaw, analyzeRaws, compose, DocPool, type Stage } from '../src/pipeline/index.js';
import { main } from '../src/cli/main.js';
import { captureOutput, tempFiles } from './cli-harness.js';

vi.mock('../src/extract/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/extract/index.js')>();
  return {
    ...real,
    extractDoc: (raw: RawArticle, opts?: object) => {
      if (raw.id === 'explodes') throw new RangeError('extraction blew up');
      return real.extractDoc(raw, opts);
    },
  };
});

const TEXT = 'The harbour board met on Monday and agreed to reopen the north pier. Repairs took three weeks.';
const raw = (id: string, text = TEXT): Result<RawArticle> => ok({ id, input: `${id}.txt`, text });

/** A stage that throws on the doc with id "bad" and adds an empty layer otherwise. */
const brittle: Stage<'timexes'> = {
  name: 'brittle',
  provides: 'timexes',
  requires: [],
  run: (doc) => {
    if (doc.id === 'bad') throw new TypeError('cannot read the thing');
    return [];
  },
};

async function collect(results: AsyncIterable<Result<Doc>>): Promise<Result<Doc>[]> {
  const out: Result<Doc>[] = [];
  for await (const r of results) out.push(r);
  return out;
}

const summary = (r: Result<Doc>): string => (r.ok ? `ok ${r.value.id}` : `${r.error.code} ${r.error.input}`);

async function* stream(...items: Result<RawArticle>[]): AsyncGenerator<Result<RawArticle>> {
  yield* items;
}

describe('stage isolation', () => {
  it('compose names the stage that threw', () => {
    const pipeline = compose([brittle]);
    expect(() => pipeline(createDoc('bad', 'x'))).toThrow(StageError);
    expect(() => pipeline(createDoc('bad', 'x'))).toThrow(expect.objectContaining({ stage: 'brittle' }));
    expect(pipeline(createDoc('good', 'x')).layers.timexes).toEqual([]);
  });

  it("turns a stage's throw into the document's failure, stack kept", () => {
    const result = analyzeRaw({ id: 'bad', input: 'bad.txt', text: TEXT }, { pipeline: compose([brittle]) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      input: 'bad.txt',
      code: 'E_STAGE',
      stage: 'brittle',
      message: expect.stringContaining('TypeError: cannot read the thing'),
    });
    expect(result.error.stack).toMatch(/at /);
  });

  it("turns extraction's throw into a failure of stage extract", () => {
    const result = analyzeRaw({ id: 'explodes', input: 'explodes.txt', text: TEXT });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_STAGE', stage: 'extract' } });
  });

  it('goes on after a failed document, in input order, failed inputs passed through', async () => {
    const results = await collect(
      analyzeRaws(stream(raw('one'), raw('bad'), fail(failure('gone.txt', 'E_NOT_FOUND')), raw('two')), {
        pipeline: compose([brittle]),
      }),
    );
    expect(results.map(summary)).toEqual(['ok one', 'E_STAGE bad.txt', 'E_NOT_FOUND gone.txt', 'ok two']);
  });

  it('ends a source that throws with one failure, keeping what came before', async () => {
    async function* broken(): AsyncGenerator<Result<RawArticle>> {
      yield raw('one');
      throw new Error('disk went away');
    }
    const results = await collect(analyzeRaws(broken()));
    expect(results.map(summary)).toEqual(['ok one', 'E_STAGE (inputs)']);
  });
});

describe('worker threads', () => {
  const many = Array.from({ length: 7 }, (_, i) => raw(`doc${i}`, `${TEXT} Item ${i} was noted.`));

  it('gives the same docs in the same order as one thread', async () => {
    const inputs = [
      ...many.slice(0, 3),
      fail<RawArticle>(failure('gone.txt', 'E_NOT_FOUND')),
      ...many.slice(3),
    ];
    const one = await collect(analyzeRaws(stream(...inputs), { jobs: 1 }));
    const two = await collect(analyzeRaws(stream(...inputs), { jobs: 2 }));
    expect(two.map(summary)).toEqual(one.map(summary));
    expect(two).toEqual(one);
  });

  it("runs in the caller's pool, left open for the next call", async () => {
    const one = await collect(analyzeRaws(stream(...many), { jobs: 1 }));
    const pool = new DocPool(2, {});
    try {
      expect(await collect(analyzeRaws(stream(...many), { pool }))).toEqual(one);
      expect(await collect(analyzeRaws(stream(...many.slice(2)), { pool }))).toEqual(one.slice(2));
    } finally {
      await pool.close();
    }
  });

  it('refuses a custom pipeline, which cannot cross to a worker', async () => {
    await expect(
      collect(analyzeRaws(stream(raw('one')), { jobs: 2, pipeline: compose([brittle]) })),
    ).rejects.toThrow(/in-process only/);
  });

  it('loses only the document a dying worker held', async () => {
    const pool = new DocPool(2, {}, new URL('./fixtures/workers/dying-worker.ts', import.meta.url));
    try {
      const results = await Promise.all(
        [raw('before'), raw('dies'), raw('after')].map((r) =>
          pool.analyze((r as { value: RawArticle }).value),
        ),
      );
      expect(results.map(summary)).toEqual(['ok before', 'E_WORKER dies.txt', 'ok after']);
      expect(results[1]).toMatchObject({ error: { stage: 'worker' } });
    } finally {
      await pool.close();
    }
  });
});

describe('storyline analyze, when a stage throws', () => {
  const { file: write } = tempFiles('isolation');
  const file = (name: string): string => write(name, TEXT);
  const output = captureOutput();

  it('prints one line naming the input and the stage, goes on, exits 1', async () => {
    const bad = file('explodes.txt');
    const code = await main([
      'node',
      'storyline',
      'analyze',
      '--jobs',
      '1',
      file('a.txt'),
      bad,
      file('b.txt'),
    ]);
    expect(code).toBe(1);
    expect(output.err).toBe(
      `storyline: ${bad}: ${'a stage failed on this document (a bug; please report it)'}: RangeError: extraction blew up (stage extract)\n`,
    );
    expect(
      output.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['a', 'b']);
  });

  it('adds the stack only with --debug', async () => {
    await main(['node', 'storyline', '--debug', 'analyze', '--jobs', '1', file('explodes.txt')]);
    const [line, ...stack] = output.err.trim().split('\n');
    expect(line).toMatch(/\(stage extract\)$/);
    expect(stack[0]).toMatch(/^ {4}RangeError: extraction blew up/);
    expect(stack.some((l) => /^ {8}at /.test(l))).toBe(true);
  });

  it('refuses a --jobs that is not a whole number', async () => {
    expect(await main(['node', 'storyline', 'analyze', '--jobs', '0', file('a.txt')])).toBe(2);
    expect(output.err).toMatch(/^storyline: --jobs: "0"/);
  });
});
