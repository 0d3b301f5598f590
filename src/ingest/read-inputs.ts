/**
 * Turns what the user named (files, folders, `-`, manifests) into a stream of
 * `Result<RawArticle>`, one per article, in input order. Folders are walked recursively in
 * sorted order so output is deterministic. Reading is lazy: one article is in memory at a time.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fail, failure, ok, type Failure, type Result } from '../doc/index.js';
import { decodeBytes, sniffHtml } from './decode.js';
import { parseManifestLine, type ManifestLine } from './manifest.js';
import { DEFAULT_MAX_BYTES, type IngestOptions, type RawArticle } from './raw-article.js';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

export interface ReadInputsOptions extends IngestOptions {
  /** Where `-` reads from (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
}

function ioFailure(input: string, err: unknown): Failure {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure(input, 'E_NOT_FOUND');
  return failure(input, 'E_UNREADABLE', code ?? (err as Error).message);
}

function idOf(file: string): string {
  return path.basename(file).replace(/\.(txt|html?)$/i, '');
}

const kindOf = (file: string): 'html' | 'text' | 'unknown' =>
  /\.html?$/i.test(file) ? 'html' : /\.txt$/i.test(file) ? 'text' : 'unknown';

/** Decodes bytes into a RawArticle, deciding HTML vs text from the name or, failing that, the content. */
export function rawFromBytes(
  bytes: Uint8Array,
  id: string,
  input: string,
  kind: 'html' | 'text' | 'unknown',
  extra: Partial<RawArticle> = {},
): Result<RawArticle> {
  const decoded = decodeBytes(bytes, kind);
  if (!decoded.ok) return fail(failure(input, decoded.code, decoded.detail));
  if (!decoded.text.trim()) return fail(failure(input, 'E_EMPTY', 'only whitespace'));
  const isHtml = kind === 'html' || (kind === 'unknown' && sniffHtml(decoded.text));
  const body = isHtml ? { html: decoded.text } : { text: decoded.text };
  return ok({ ...extra, id, input, ...body, ...(decoded.issues.length ? { issues: decoded.issues } : {}) });
}

async function readFileLimited(file: string, input: string, maxBytes: number): Promise<Result<Uint8Array>> {
  try {
    const info = await stat(file);
    if (info.size > maxBytes)
      return fail(failure(input, 'E_TOO_LARGE', `${info.size} bytes, limit ${maxBytes}`));
    return ok(await readFile(file));
  } catch (err) {
    return fail(ioFailure(input, err));
  }
}

async function readStreamLimited(
  stream: NodeJS.ReadableStream,
  input: string,
  maxBytes: number,
): Promise<Result<Uint8Array>> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      size += buf.length;
      if (size > maxBytes) return fail(failure(input, 'E_TOO_LARGE', `more than ${maxBytes} bytes`));
      chunks.push(buf);
    }
  } catch (err) {
    return fail(failure(input, 'E_UNREADABLE', (err as Error).message));
  }
  return ok(Buffer.concat(chunks));
}

async function* walkFolder(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkFolder(full);
    else if (e.isFile() && ARTICLE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) yield full;
  }
}

async function* readPath(input: string, maxBytes: number): AsyncGenerator<Result<RawArticle>> {
  const isDir = await stat(input).then(
    (info) => info.isDirectory(),
    (err: unknown) => err,
  );
  if (typeof isDir !== 'boolean') {
    yield fail(ioFailure(input, isDir));
    return;
  }
  const files = isDir ? walkFolder(input) : [input];
  try {
    for await (const file of files) {
      const bytes = await readFileLimited(file, file, maxBytes);
      yield bytes.ok ? rawFromBytes(bytes.value, idOf(file), file, kindOf(file)) : bytes;
    }
  } catch (err) {
    // A sub-folder that cannot be listed: report it and stop walking this input.
    yield fail(ioFailure(input, err));
  }
}

async function rawFromManifestLine(
  line: ManifestLine,
  where: string,
  baseDir: string,
  maxBytes: number,
): Promise<Result<RawArticle>> {
  const extra = {
    published: line.published ?? null,
    title: line.title ?? null,
    url: line.url ?? null,
    source: line.source ?? null,
  };
  if (line.path !== undefined) {
    const bytes = await readFileLimited(path.resolve(baseDir, line.path), where, maxBytes);
    return bytes.ok ? rawFromBytes(bytes.value, line.id, where, kindOf(line.path), extra) : bytes;
  }
  const content = line.html ?? line.text ?? '';
  if (Buffer.byteLength(content) > maxBytes)
    return fail(failure(where, 'E_TOO_LARGE', `limit ${maxBytes} bytes`));
  if (!content.trim()) return fail(failure(where, 'E_EMPTY'));
  const body = line.html !== undefined ? { html: content } : { text: content };
  return ok({ ...extra, id: line.id, input: where, ...body });
}

async function* readManifest(manifest: string, maxBytes: number): AsyncGenerator<Result<RawArticle>> {
  try {
    if ((await stat(manifest)).isDirectory())
      throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  } catch (err) {
    yield fail(ioFailure(manifest, err));
    return;
  }
  const lines = createInterface({ input: createReadStream(manifest), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    const where = `${manifest}:${n}`;
    const parsed = parseManifestLine(text);
    yield parsed.ok
      ? await rawFromManifestLine(parsed.line, where, path.dirname(manifest), maxBytes)
      : fail(failure(where, parsed.code, parsed.detail));
  }
}

/** Every article named by `inputs` (paths or `-`) and then by each manifest, in that order. */
export async function* readInputs(
  inputs: readonly string[],
  manifests: readonly string[] = [],
  opts: ReadInputsOptions = {},
): AsyncGenerator<Result<RawArticle>> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (input === '-') {
      const bytes = await readStreamLimited(opts.stdin ?? process.stdin, '-', maxBytes);
      yield bytes.ok ? rawFromBytes(bytes.value, 'stdin', '-', 'unknown') : bytes;
    } else yield* readPath(input, maxBytes);
  }
  for (const manifest of manifests) yield* readManifest(manifest, maxBytes);
}

/** How many articles `readInputs` will yield, for a progress bar: walks folders, counts manifest lines. */
export async function countInputs(
  inputs: readonly string[],
  manifests: readonly string[] = [],
): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    const isDir =
      input !== '-' &&
      (await stat(input).then(
        (i) => i.isDirectory(),
        () => false,
      ));
    if (!isDir) n++;
    else
      try {
        for await (const _ of walkFolder(input)) n++;
      } catch {
        n++;
      }
  }
  for (const manifest of manifests)
    try {
      for await (const line of createInterface({ input: createReadStream(manifest), crlfDelay: Infinity }))
        if (line.trim()) n++;
    } catch {
      n++;
    }
  return n;
}
