/**
 * Roles and titles a text gives a person, read around one mention of the name:
 * - a title just before it: "Deputy Foreign Minister Oleg Rudnev", "First Vice-Minister of
 *   Foreign Affairs Pak Chol-su" (a nationality or possessive before the title is left out);
 * - an apposition after it: "Pak Chol-su, a secretary of the ruling party's central committee,";
 * - an apposition before it: "North Korea's ambassador to Russia, Pak Myong-ho".
 * A role phrase is `[possessor] modifier* head [preposition tail]` over the words of
 * `lexicons/link/roles.tsv`; anything else (a verb, another name, a clause) is not a role. Our
 * own code: no library reads appositions and titles without a parser, and these patterns cover
 * how wire copy introduces officials.
 */
import { readLexicon } from '../../geo/read-lexicon.js';

interface RoleWords {
  readonly heads: ReadonlySet<string>;
  readonly modifiers: ReadonlySet<string>;
}

let words: RoleWords | null = null;
function roleWords(): RoleWords {
  if (words) return words;
  const heads = new Set<string>();
  const modifiers = new Set<string>();
  for (const [word, kind] of readLexicon('link/roles.tsv'))
    if (word) (kind === 'head' ? heads : modifiers).add(word);
  return (words = { heads, modifiers });
}

const PREPOSITIONS = new Set(['of', 'to', 'for', 'at', 'in', 'on']);
const ARTICLES = new Set(['a', 'an', 'the']);
const MAX_TAIL = 8;
const MAX_BEFORE = 10;
/** Words and the punctuation between them; apostrophes and hyphens stay inside words. */
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*(?:['’]s?)?|[^\s\p{L}\p{N}]/gu;

const singular = (w: string): string =>
  w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
const parts = (w: string): string[] => w.toLowerCase().split(/[-‐‑]/);
const isPossessive = (w: string): boolean => /['’]s?$/.test(w) && w.length > 2;
const isPunct = (w: string): boolean => !/[\p{L}\p{N}]/u.test(w);

function isHead(w: string): boolean {
  const { heads } = roleWords();
  const lower = w.toLowerCase();
  return heads.has(lower) || heads.has(singular(lower)) || parts(w).some((p) => heads.has(singular(p)));
}
/** A word that may stand in front of a head: a modifier, or a head used as one ("Party Secretary"). */
function isModifier(w: string): boolean {
  const { heads, modifiers } = roleWords();
  return parts(w).every((p) => modifiers.has(p) || heads.has(p) || heads.has(singular(p)));
}

/** Does `ws` read `[possessor] modifier* head [preposition tail]`? The role as text, or null. */
function rolePhrase(ws: readonly string[]): string | null {
  const prep = ws.findIndex((w) => PREPOSITIONS.has(w.toLowerCase()));
  const front = prep < 0 ? ws.length : prep;
  // A possessor ("North Korea's", "the country's") is whose role it is, not the role.
  const owner = ws.slice(0, front).findLastIndex(isPossessive);
  let i = owner + 1;
  while (i < front && ARTICLES.has(ws[i]!.toLowerCase())) i++;
  if (i >= front || !isHead(ws[front - 1]!)) return null;
  for (let k = i; k < front - 1; k++) if (!isModifier(ws[k]!) && !isHead(ws[k]!)) return null;
  if (ws.length - front > MAX_TAIL + 1) return null;
  return ws.slice(i).join(' ');
}

/** Words before `end` back to the last punctuation mark (the punctuation excluded). */
function wordsBefore(body: string, end: number): string[] {
  const ws = body.slice(Math.max(0, end - 160), end).match(WORD) ?? [];
  return ws.slice(ws.findLastIndex(isPunct) + 1);
}

/**
 * The title just before the name. When a head word stands right before it ("North Korean
 * leader Kim"), the title is that head with the modifiers before it; otherwise it must end in
 * a capitalised tail ("First Vice-Minister of Foreign Affairs Pak"). Words in front that are no
 * role words (a nationality, a sentence's first word) are left out.
 */
function titleBefore(body: string, start: number): string | null {
  const ws = wordsBefore(body, start).slice(-MAX_BEFORE);
  let from = ws.length;
  if (from && isHead(ws[from - 1]!)) {
    from--;
    while (from > 0 && isModifier(ws[from - 1]!) && !isPossessive(ws[from - 1]!)) from--;
    return rolePhrase(ws.slice(from));
  }
  // A capitalised tail back to its preposition, then the head and its modifiers.
  while (from > 0 && /^\p{Lu}/u.test(ws[from - 1]!) && !isHead(ws[from - 1]!) && !isPossessive(ws[from - 1]!))
    from--;
  if (from === ws.length || from === 0 || !PREPOSITIONS.has(ws[from - 1]!)) return null;
  from--;
  if (!from || !isHead(ws[from - 1]!)) return null;
  from--;
  while (from > 0 && isModifier(ws[from - 1]!) && !isPossessive(ws[from - 1]!)) from--;
  return rolePhrase(ws.slice(from));
}

/** Whether a phrase may open an apposition: an article, a possessor, or a role word. */
function opensApposition(ws: readonly string[]): boolean {
  const first = ws[0] ?? '';
  if (ARTICLES.has(first.toLowerCase())) return ws.length > 1;
  const prep = ws.findIndex((w) => PREPOSITIONS.has(w.toLowerCase()));
  return isModifier(first) || isHead(first) || ws.slice(0, prep < 0 ? ws.length : prep).some(isPossessive);
}

/** ", a secretary of the ruling party's central committee," after the name. */
function appositionAfter(body: string, end: number): string | null {
  const m = /^\s*,\s+([^,.;:()"“”]+?)\s*(?:[,.;:)]|$)/u.exec(body.slice(end, end + 200));
  const ws = m?.[1]!.match(WORD) ?? [];
  return opensApposition(ws) ? rolePhrase(ws) : null;
}

/**
 * "North Korea's ambassador to Russia, " just before the name. A bare "the minister, " is not
 * taken ("In a meeting with the minister, Pak said"): the phrase needs a possessor, a modifier
 * or a prepositional tail to read as an apposition.
 */
function appositionBefore(body: string, start: number): string | null {
  const comma = /,\s*$/.exec(body.slice(Math.max(0, start - 40), start));
  if (!comma) return null;
  const ws = wordsBefore(body, start - comma[0].length).slice(-MAX_BEFORE);
  let from = ws.length;
  while (from > 0) {
    const w = ws[from - 1]!;
    const lower = w.toLowerCase();
    const fits = isModifier(w) || isHead(w) || PREPOSITIONS.has(lower) || ARTICLES.has(lower);
    if (!fits && !/^\p{Lu}/u.test(w) && !isPossessive(w)) break;
    from--;
  }
  const phrase = ws.slice(from);
  if (!opensApposition(phrase)) return null;
  const role = rolePhrase(phrase);
  return role && (role.includes(' ') || phrase.some(isPossessive)) ? role : null;
}

/** The roles the text gives the person named at `[start, end)`, in reading order. */
export function readRoles(body: string, start: number, end: number): string[] {
  const found = [titleBefore(body, start), appositionBefore(body, start), appositionAfter(body, end)];
  return [...new Set(found.filter((r): r is string => r !== null && r.length > 2))];
}
