/**
 * Document-level views the NER decoder reads besides each word's own features: which sentences
 * are all-capitals headlines, how the document spells each word elsewhere, which capitalised
 * words it also writes in lower case, the contexts of every mention of a word (Ratinov & Roth's
 * context aggregation) and the first pass's majority type per word (for the document pass).
 */
import { hashString, mixIds, type WordEntry } from './ner-features.js';
import { labelType, NER_TYPES } from './ner-model.js';

const AGG_LEFT = hashString('agg-1');
const AGG_RIGHT = hashString('agg+1');
/** At most this many context ids per word form and document. */
export const MAX_AGG = 24;
const N_TYPES = NER_TYPES.length;

function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Lower case -> the first mixed-case spelling of each word in the document's ordinary sentences. */
export function documentCasing(
  doc: readonly (readonly string[])[],
  headlines: readonly boolean[],
): Map<string, string> {
  const out = new Map<string, string>();
  doc.forEach((words, s) => {
    if (headlines[s]) return;
    for (const w of words) {
      const lower = w.toLowerCase();
      if (lower !== w.toUpperCase() && !out.has(lower)) out.set(lower, w);
    }
  });
  return out;
}

/** Lower-case ids of the words the document writes in lower case ("bank" in "the bank said"). */
export function lowerForms(doc: readonly (readonly WordEntry[])[]): Set<number> {
  const out = new Set<number>();
  for (const sentence of doc)
    for (const e of sentence) {
      if (e.hasLetter && !e.capitalised && !e.allUpper) out.add(e.lowerId);
    }
  return out;
}

/**
 * Context aggregation (Ratinov & Roth): for each capitalised word form, the words seen just
 * before and after it anywhere in the document, so every mention is judged by all its contexts.
 */
export function aggregateContexts(
  doc: readonly (readonly WordEntry[])[],
  bos: WordEntry,
  eos: WordEntry,
): Map<number, Int32Array> {
  const sets = new Map<number, Set<number>>();
  for (const sentence of doc) {
    for (let i = 0; i < sentence.length; i++) {
      const e = sentence[i]!;
      if (!e.capitalised) continue;
      let set = sets.get(e.lowerId);
      if (!set) sets.set(e.lowerId, (set = new Set()));
      if (set.size >= MAX_AGG) continue;
      const left = i > 0 ? sentence[i - 1]!.lowerId : bos.lowerId;
      const right = i + 1 < sentence.length ? sentence[i + 1]!.lowerId : eos.lowerId;
      set.add(mixIds(AGG_LEFT, left));
      set.add(mixIds(AGG_RIGHT, right));
    }
  }
  const out = new Map<number, Int32Array>();
  for (const [k, set] of sets) out.set(k, Int32Array.from(set));
  return out;
}

/** All letters are capitals (a CoNLL headline such as "SOCCER - JAPAN GET LUCKY WIN").*/
export function isHeadline(entries: readonly WordEntry[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const e of entries) {
    if (e.hasLetter) letters++;
    if (e.allUpper) upper++;
  }
  return letters > 1 && upper === letters;
}

/** Majority first-pass type of each capitalised word form across the whole document. */
export function documentHints(
  doc: readonly (readonly string[])[],
  labels: readonly Int32Array[],
): Int8Array[] {
  const counts = new Map<string, Int32Array>();
  doc.forEach((sentence, s) =>
    sentence.forEach((w, i) => {
      if (!startsUpper(w)) return;
      const key = w.toLowerCase();
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Int32Array(N_TYPES + 1)));
      const l = labels[s]![i]!;
      c[l === 0 ? N_TYPES : labelType(l)]!++;
    }),
  );
  return doc.map((sentence) =>
    Int8Array.from(sentence, (w) => {
      const c = startsUpper(w) ? counts.get(w.toLowerCase()) : undefined;
      if (!c) return -1;
      let best = 0;
      for (let t = 1; t <= N_TYPES; t++) if (c[t]! > c[best]!) best = t;
      return best;
    }),
  );
}
