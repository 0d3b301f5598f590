/**
 * Splits text into tokens with offsets into the text, the way the Penn Treebank and CoNLL-2003
 * do: "U.S." and "Ryong-hae" stay whole, "Kim's" is "Kim" + "'s", "don't" is "do" + "n't",
 * punctuation, quotes and dashes stand alone, "1,000", "3.5" and "2014-11-14" are one token,
 * URLs and e-mail addresses are one token. A hand-written scanner rather than compromise or a
 * regex library: we need exact offsets and the treebank's conventions, at millions of chars/s.
 */
import type { Span } from '../doc/index.js';
import { isAbbreviation } from './abbreviations.js';

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
const URL_AT = /(?:https?:\/\/|www\.)[^\s<>"“”]+/y;
const EMAIL_AT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
const DOTTED_ACRONYM_AT = /(?:\p{L}\.){2,}/uy;
const URL_TRAILING = /[.,;:!?)\]'’"”]+$/;
const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);

export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < 0xc0 || Number.isNaN(c)) return false;
  return NON_ASCII_WORD.test(text[i]!);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Whether the next non-space character from `i` is a digit ("No. 5"). */
export function numberAfter(text: string, i: number): boolean {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return isDigit(text.charCodeAt(i));
}

function matchAt(re: RegExp, text: string, i: number, to: number): number {
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? Math.min(i + m[0].length, to) : i;
}

/**
 * Scans one word from `i`: letters and digits joined by inner hyphens, digit separators
 * ("1,000", "10:30"), "&" ("AT&T") and apostrophes that are not clitics ("O'Brien"). Pushes
 * the word, its clitic if any, and returns where scanning resumes.
 */
function scanWord(text: string, i: number, to: number, out: Span[]): number {
  let j = i;
  for (;;) {
    while (j < to && isWordCode(text, j)) j++;
    if (j + 1 >= to || !isWordCode(text, j + 1)) break;
    const c = text.charCodeAt(j);
    const prev = text.charCodeAt(j - 1);
    const next = text.charCodeAt(j + 1);
    if (isHyphen(c)) j++;
    else if ((c === 44 || c === 46 || c === 58 || c === 47) && isDigit(prev) && isDigit(next)) j++;
    else if (c === 38 && prev >= 65 && prev <= 90 && next >= 65 && next <= 90) j++;
    else if (isApostrophe(c)) {
      let m = j + 1;
      while (m < to && isWordCode(text, m)) m++;
      const suffix = text.slice(j + 1, m).toLowerCase();
      const clitic = CLITICS.has(suffix)
        ? j
        : suffix === 't' && j - 1 > i && (prev === 110 || prev === 78)
          ? j - 1
          : -1;
      if (clitic < 0) {
        j = m;
        continue;
      }
      out.push({ start: i, end: clitic }, { start: clitic, end: m });
      return m;
    } else break;
  }
  if (j < to && text.charCodeAt(j) === 46) {
    const acronymEnd = matchAt(DOTTED_ACRONYM_AT, text, i, to);
    if (acronymEnd > j) j = acronymEnd;
    else if (
      (j - i === 1 && /[A-Z]/.test(text[i]!)) ||
      isAbbreviation(text.slice(i, j), numberAfter(text, j + 1))
    )
      j++;
  }
  const c = text.charCodeAt(j);
  if (c === 64 || c === 46 || c === 43 || c === 95) {
    const emailEnd = matchAt(EMAIL_AT, text, i, to);
    if (emailEnd > j) j = emailEnd;
  }
  out.push({ start: i, end: j });
  return j;
}

/** Token spans of `text` between `from` and `to` (the whole text by default), in order. */
export function tokenize(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if ((c === 104 || c === 119) && matchAt(URL_AT, text, i, to) > i) {
      const raw = text.slice(i, matchAt(URL_AT, text, i, to));
      const end = i + raw.replace(URL_TRAILING, '').length;
      out.push({ start: i, end });
      i = end;
      continue;
    }
    if (isWordCode(text, i)) {
      i = scanWord(text, i, to, out);
      continue;
    }
    let j = i + 1;
    if ((c === 35 || c === 64) && j < to && isWordCode(text, j)) {
      const before = out.length;
      j = scanWord(text, j, to, out);
      out.length = before;
    } else if (c === 45 || c === 46) {
      while (j < to && text.charCodeAt(j) === c) j++;
    } else if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}
