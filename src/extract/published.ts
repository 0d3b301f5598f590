/**
 * Publication dates: normalising what pages and manifests say (ISO, RFC 2822, "November 19,
 * 2019") to `YYYY-MM-DD` (the contract's form; a date-time keeps its own local day), and finding a dated
 * dateline at the top of a text. A date without a year is not guessed: `null`, never today.
 */
import * as chrono from 'chrono-node';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD` from a date or date-time string in a common format; null if unsure. */
export function normalisePublished(input: string | null | undefined): string | null {
  const s = (input ?? '').trim();
  if (!s) return null;
  const iso = ISO_DATE.exec(s) ?? ISO_DATETIME.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDay(y, m, d)) return null;
    return `${iso[1]}-${iso[2]}-${iso[3]}`;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) {
    const [y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  return dateIn(s);
}

/** The first full calendar date (year, month and day all written) in `text`, as YYYY-MM-DD. */
function dateIn(text: string): string | null {
  // The reference date only fills parts we then refuse to trust, so any fixed date will do.
  for (const r of chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const c = r.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    const [y, m, d] = [c.get('year')!, c.get('month')!, c.get('day')!];
    if (validDay(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  return null;
}

/** A dated dateline near the top of the text ("WASHINGTON, May 23, 2013 (AP) -", "May 23, 2013"). */
export function datelineDate(text: string): string | null {
  const head = text.slice(0, 400).split(/\n/).slice(0, 6);
  for (const line of head) {
    const m =
      /^[\p{Lu}][\p{Lu}\p{L} .,'-]{1,40},\s+([^()\n]{3,40}?\d{4})\b/u.exec(line) ??
      /^\s*((?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?([\p{L}]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[\p{L}]{3,9}\.?,?\s+\d{4})\b/iu.exec(
        line,
      );
    if (!m) continue;
    const date = dateIn(m[0]);
    if (date) return date;
  }
  return null;
}
