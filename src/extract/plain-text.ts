/**
 * Scraped plain text (a headline line, then paragraphs, with page furniture left in): the
 * first line is the title, its repetition at the top of the body is dropped, wrapped lines are
 * rejoined, and every remaining line goes through the line classifier.
 */
import { trimParagraphs, type TrimResult } from './trim-paragraphs.js';

export interface PlainTextBody {
  readonly title: string | null;
  readonly paragraphs: string[];
  readonly dropped: TrimResult['dropped'];
}

/** A first line that reads like a headline: short and not ending like a sentence. */
function looksLikeTitle(line: string, next: string | undefined): boolean {
  const words = line.split(/\s+/).length;
  if (words > 25 || next === undefined) return false;
  return !/[.!,;:]["'”’]?$/.test(line) && !(words > 12 && /\?["'”’]?$/.test(line));
}

/** Rejoins hard-wrapped lines: a line that does not end a sentence, followed by a lowercase start. */
function unwrap(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && line && !/[.!?:"”’)]$/.test(prev) && /^\p{Ll}/u.test(line))
      out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

export function cleanPlainText(text: string): PlainTextBody {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim());
  const first = lines.findIndex((l) => l !== '');
  if (first < 0) return { title: null, paragraphs: [], dropped: [] };
  const head = lines[first]!;
  const title = looksLikeTitle(head, lines[first + 1]) ? head : null;
  const rest = unwrap(lines.slice(title ? first + 1 : first)).filter((l) => l !== '');
  const { kept, dropped } = trimParagraphs(rest, { title, captionAfterTitle: true });
  return { title, paragraphs: kept, dropped };
}
