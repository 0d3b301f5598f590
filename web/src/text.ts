/**
 * Turning stored text into display parts without ever reading it as markup: search snippets
 * split on their U+E000/U+E001 match markers, article bodies split at layer offsets, URLs kept
 * only when they are http(s), and TIMEX3 values placed on a calendar for the charts.
 */

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** A snippet as alternating plain and matched parts (odd indexes are matches). */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === MARK_START;
    } else text += ch;
  }
  if (text) parts.push({ text, match });
  return parts;
}

export interface Span {
  start: number;
  end: number;
}

/** Cuts [0, length) at every span edge: each piece lists the spans (by index) that cover it. */
export function segment(
  length: number,
  spans: readonly Span[],
): { start: number; end: number; covers: number[] }[] {
  const cuts = new Set([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const covers = [];
    for (let j = 0; j < spans.length; j++)
      if (spans[j]!.start <= start && end <= spans[j]!.end) covers.push(j);
    out.push({ start, end, covers });
  }
  return out;
}

/** The URL when it is http or https, else null (shown as text, never as a link). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A TIMEX3 value's first day as a Date (2025-02-03, 2025-02, 2025, 2025-W07), or null. */
export function timexDate(value: string | null): Date | null {
  if (!value) return null;
  let m = /^(\d{4})-W(\d{2})/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th; weeks start on Monday.
    const jan4 = Date.UTC(Number(m[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
    return new Date(monday + (Number(m[2]) - 1) * 7 * 86_400_000);
  }
  m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)));
}
