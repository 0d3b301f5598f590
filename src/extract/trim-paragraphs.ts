/**
 * Runs the line classifier over a body's paragraphs: drops furniture anywhere, and is bolder
 * at the top and bottom edges (navigation crumbs, "More stories" lists) where pages put it.
 * Shared by the HTML and plain-text paths; returns what was dropped and why, for tests and
 * issues.
 */
import { classifyLine, lineFeatures, type DropReason, type LineFeatures } from './line-classifier.js';

export interface TrimResult {
  readonly kept: string[];
  readonly dropped: { line: string; reason: DropReason }[];
}

export interface TrimOptions {
  readonly title?: string | null;
  /** Plain-text scrapes put photo captions right after the (repeated) title. */
  readonly captionAfterTitle?: boolean;
}

/**
 * A line that reads like running text, which marks where the body starts and ends: a sentence
 * of some length, in any language (no English word lists here, unlike the line rules).
 */
function isProse(line: string, f: LineFeatures): boolean {
  return f.endsSentence && (f.words >= 5 || line.length >= 40);
}

export function trimParagraphs(paragraphs: readonly string[], opts: TrimOptions = {}): TrimResult {
  const features = paragraphs.map((p) => lineFeatures(p.trim()));
  const prose = features.map((f, i) => isProse(paragraphs[i]!, f));
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);
  const kept: string[] = [];
  const dropped: TrimResult['dropped'] = [];
  let afterListHeading = false;
  let seenContent = false;
  paragraphs.forEach((line, i) => {
    const verdict = classifyLine(
      line,
      {
        title: opts.title ?? null,
        edge: firstProse < 0 || i < firstProse || i > lastProse,
        afterListHeading,
        afterTitle: !!opts.captionAfterTitle && !seenContent && (firstProse < 0 || i < firstProse),
        nearEnd: i >= paragraphs.length - 3,
      },
      features[i],
    );
    if (verdict.keep) {
      kept.push(line);
      seenContent = true;
      if (prose[i]) afterListHeading = false;
    } else {
      dropped.push({ line, reason: verdict.reason });
      if (verdict.reason === 'list-heading') afterListHeading = true;
    }
  });
  return { kept, dropped };
}
