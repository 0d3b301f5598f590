/**
 * Splits text into sentence spans that together cover every non-space character. A sentence
 * ends at . ! ? or … (with any closing quotes or brackets after it) unless an abbreviation
 * ("Mr.", "Gen.", "Jan. 5", "U.S. officials") or a lowercase continuation ("“Why?” he asked")
 * says otherwise; at every blank line; and at a line break after terminal punctuation or after
 * a heading line. Rules rather than a trained model (Punkt, compromise): news prose is regular
 * enough, the rules are testable row by row, and they run at several million chars/s.
 */
import type { Span } from '../doc/index.js';
import type { Stage } from '../pipeline/stage.js';
import { FINAL_ABBREVIATIONS, NUMBER_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './abbreviations.js';
import { isSpaceCode, numberAfter } from './tokenize.js';

/** Capitalised words that start sentences far more often than they follow "U.S." or "Inc.". */
const SENTENCE_STARTERS = new Set(
  (
    'The A An He She It They We I You In On At But And Or So This That These Those There Here His Her ' +
    'Their Its Our My If When While After Before As Although Though However Meanwhile Still Yet Also ' +
    'Some Many Most No Not One Two Both Each All What Who Why How Where Then Now Later Earlier Last ' +
    'Next Since Under Despite Because For From With Among During Other Such Officials Mr Mrs Ms Dr'
  ).split(' '),
);
const TERMINAL = new Set(['.', '!', '?', '…']);
const CLOSING = new Set(['"', '”', '’', "'", ')', ']', '»']);
const HEADING_MAX_WORDS = 10;

const isLowerAt = (text: string, i: number) => {
  const ch = text[i];
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
};

function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The word just before `end` (letters, digits and inner dots: "U.S", "Gen", "a.m"). */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

function nextWord(text: string, i: number): string {
  const m = /^[\p{L}\p{N}]+/u.exec(text.slice(i, i + 40));
  return m ? m[0] : '';
}

/**
 * Whether the terminal punctuation at `at` ends the sentence; `after` is past its run and any
 * closing quotes, `next` is where the next text starts.
 */
function endsSentence(text: string, at: number, after: number, next: number): boolean {
  if (next >= text.length) return true;
  if (isLowerAt(text, next)) return false;
  let terminalEnd = at;
  while (terminalEnd < after && TERMINAL.has(text[terminalEnd]!)) terminalEnd++;
  if (text[at] !== '.' || terminalEnd - at > 1) return true;
  const word = wordBefore(text, at);
  const lower = word.toLowerCase();
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  if (NUMBER_ABBREVIATIONS.has(lower) && numberAfter(text, next)) return false;
  if (/^[A-Z]$/.test(word)) return false;
  if (FINAL_ABBREVIATIONS.has(lower) || /\p{L}\.\p{L}/u.test(word)) {
    const following = nextWord(text, next);
    return following === '' || SENTENCE_STARTERS.has(following);
  }
  return true;
}

/** Whether the line [start, end) reads as a heading: short, no closing punctuation, first of its paragraph. */
function isHeading(text: string, start: number, end: number, next: number): boolean {
  const line = text.slice(start, end).trim();
  if (!line || /[.!?…,;:(\-–—]$/.test(line)) return false;
  if (line.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  const firstOfParagraph =
    start === 0 || /\n[ \t\r]*\n[ \t\r]*$/.test(text.slice(Math.max(0, start - 8), start));
  return firstOfParagraph && !isLowerAt(text, next);
}

/** Whether the line [start, end) ends with terminal punctuation (before any closing quotes). */
function endsWithTerminal(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start && (isSpaceCode(text.charCodeAt(i - 1)) || CLOSING.has(text[i - 1]!))) i--;
  if (i <= start || !TERMINAL.has(text[i - 1]!)) return false;
  return !(text[i - 1] === '.' && TITLE_ABBREVIATIONS.has(wordBefore(text, i - 1).toLowerCase()));
}

/** Sentence spans of `text`, in order, trimmed of surrounding space. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = skipSpaces(text, 0);
  let lineStart = start;
  const cut = (end: number, resume: number) => {
    let e = end;
    while (e > start && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > start) out.push({ start, end: e });
    start = skipSpaces(text, resume);
  };
  for (let i = start; i < n; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      const next = skipSpaces(text, i);
      const paragraphEnd = next >= n || /\n/.test(text.slice(i + 1, next));
      if (
        start < i &&
        (paragraphEnd || endsWithTerminal(text, lineStart, i) || isHeading(text, lineStart, i, next))
      )
        cut(i, i);
      lineStart = i + 1;
      continue;
    }
    if (!TERMINAL.has(ch)) continue;
    let after = i + 1;
    while (after < n && TERMINAL.has(text[after]!)) after++;
    while (after < n && CLOSING.has(text[after]!)) after++;
    if (after < n && !isSpaceCode(text.charCodeAt(after))) {
      i = after - 1;
      continue;
    }
    const next = skipSpaces(text, after);
    if (endsSentence(text, i, after, next) && !/\n/.test(text.slice(after, next))) cut(after, after);
    i = after - 1;
  }
  if (start < n) cut(n, n);
  return out;
}

/** The sentence stage: splits `doc.text` into sentences. Requires nothing. */
export function sentenceStage(): Stage<'sentences'> {
  return { name: 'sentences', provides: 'sentences', requires: [], run: (doc) => splitSentences(doc.text) };
}
