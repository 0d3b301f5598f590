/**
 * The snippet of a hit found without a text query (filters only): the opening of the body, cut
 * at a word. Both stores use it, so a listing reads the same on either engine.
 */
export const LEAD_CHARS = 240;

export function lead(body: string): string {
  if (body.length <= LEAD_CHARS) return body.replace(/\s+/g, ' ');
  const cut = body.slice(0, LEAD_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LEAD_CHARS / 2)).replace(/\s+/g, ' ')}…`;
}
