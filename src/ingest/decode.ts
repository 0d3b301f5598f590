/**
 * Bytes to text. HTML: BOM, then a charset declared in the first bytes (`<meta charset>` or
 * http-equiv), then UTF-8, then windows-1252 when UTF-8 is invalid. Plain text: BOM or UTF-8,
 * with replacement when only a few bytes are bad. Binary input is refused. Never throws.
 */
import type { Issue } from '../doc/index.js';
import type { ErrorCode } from '../doc/index.js';

export type Decoded =
  | { ok: true; text: string; charset: string; issues: Issue[] }
  | { ok: false; code: ErrorCode; detail?: string };

/** Share of replaced characters a plain-text input may have before it is refused. */
const MAX_REPLACED_RATIO = 0.01;
const SNIFF_BYTES = 8192;
/** Browsers read a declared latin-1 or ASCII page as windows-1252; Node's decoder does not. */
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'cp819', 'us-ascii', 'ascii']);

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** NUL bytes or many control characters in the first bytes mean the input is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

// windows-1252's 0x80-0x9F block (undefined slots keep their C1 code point). Node 20's
// TextDecoder decodes "windows-1252" as ISO-8859-1, so this block is mapped here by hand.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function tryDecode(bytes: Uint8Array, charset: string, fatal: boolean): string | null {
  if (charset === 'windows-1252' || charset === 'cp1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(charset, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

const encodingIssue = (message: string): Issue => ({ code: 'E_ENCODING', message, stage: 'ingest' });

export function decodeBytes(bytes: Uint8Array, kind: 'html' | 'text' | 'unknown'): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'E_EMPTY' };
  const bom = bomCharset(bytes);
  if (bom) {
    const text = tryDecode(bytes.subarray(bom.skip), bom.charset, false) ?? '';
    return { ok: true, text, charset: bom.charset, issues: [] };
  }
  if (looksBinary(bytes)) return { ok: false, code: 'E_BINARY' };
  const declared = kind === 'text' ? null : declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = tryDecode(bytes, LATIN1_LABELS.has(declared) ? 'windows-1252' : declared, false);
    if (text !== null) return { ok: true, text, charset: declared, issues: [] };
  }
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return { ok: true, text: utf8, charset: 'utf-8', issues: [] };
  if (kind !== 'text') {
    const text = tryDecode(bytes, 'windows-1252', false) ?? '';
    const why = declared ? `declared ${declared} but bytes are not valid UTF-8` : 'bytes are not valid UTF-8';
    return {
      ok: true,
      text,
      charset: 'windows-1252',
      issues: [encodingIssue(`${why}; read as windows-1252`)],
    };
  }
  const text = tryDecode(bytes, 'utf-8', false) ?? '';
  const replaced = countReplaced(text);
  if (replaced / Math.max(1, text.length) > MAX_REPLACED_RATIO)
    return { ok: false, code: 'E_ENCODING', detail: `${replaced} invalid UTF-8 sequences` };
  return {
    ok: true,
    text,
    charset: 'utf-8',
    issues: [encodingIssue(`${replaced} invalid UTF-8 sequences replaced with U+FFFD`)],
  };
}

/** HTML or plain text, judged from the first non-blank characters (for stdin and odd names). */
export function sniffHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return (
    /^(<!doctype html|<html|<head|<body|<\?xml|<!--)/.test(head) || /<(p|div|article|body)[\s>]/.test(head)
  );
}
