/**
 * The coder's view of one sentence: its words with text, lower case, capitalisation and Penn
 * tag. Uses the `tokens` layer when the pipeline has one; otherwise splits the sentence itself,
 * so the coder still works (without tags) on a bare doc. Possessive "'s" is always its own word.
 */
import type { Doc, Span, Token } from '../doc/index.js';

export interface Word extends Span {
  readonly text: string;
  readonly lower: string;
  /** Penn tag, or null when no tagger ran. */
  readonly pos: string | null;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
}

const WORD_RE = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:[-'’]\p{L}[\p{L}\p{M}\d]*)*|\d(?:[\d,.]*\d)?|\S/gu;

function makeWord(doc: Doc, start: number, end: number, pos: string | null): Word {
  const text = doc.text.slice(start, end);
  return { start, end, text, lower: text.toLowerCase(), pos, cap: /^\p{Lu}/u.test(text) };
}

/** Splits "Kim's" into "Kim" + "'s" and "allies'" into "allies" + "'"; keeps "Ryong-hae", "don't". */
function pushSplit(out: Word[], doc: Doc, start: number, end: number, pos: string | null): void {
  const text = doc.text.slice(start, end);
  const m = /^(.*\p{L})(['’]s|(?<=s)['’])$/u.exec(text);
  if (m?.[1] && m[2]) {
    const cut = start + m[1].length;
    out.push(makeWord(doc, start, cut, pos === 'POS' ? null : pos));
    out.push(makeWord(doc, cut, end, 'POS'));
    return;
  }
  out.push(makeWord(doc, start, end, pos));
}

export function sentenceWords(doc: Doc, sentence: Span, tokens: readonly Token[] | undefined): Word[] {
  const out: Word[] = [];
  if (tokens) {
    for (const t of tokens)
      if (t.start >= sentence.start && t.end <= sentence.end)
        pushSplit(out, doc, t.start, t.end, t.pos ?? null);
    return out;
  }
  WORD_RE.lastIndex = 0;
  const text = doc.text.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(WORD_RE)) {
    const start = sentence.start + (m.index ?? 0);
    pushSplit(out, doc, start, start + m[0].length, null);
  }
  return out;
}

/** Sentences from the layer, or a plain split on end punctuation when there is none. */
export function docSentences(doc: Doc): readonly Span[] {
  if (doc.layers.sentences) return doc.layers.sentences;
  const out: Span[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["'”’)]*|\n|$)/g;
  for (const m of doc.text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const start = (m.index ?? 0) + lead;
    const end = (m.index ?? 0) + raw.trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}
