/**
 * Generated variants of real texts for the linking bench, all from a seeded generator so every
 * run makes the same ones: `rewrite` (an outlet's rewrite of a wire report, at a rate) for the
 * near-duplicate section, `perturb` (sentences dropped and swapped) and `renameNames` (other
 * people and places in the same kind of event) for the cost section.
 */
import { splitSentences } from '../src/nlp/sentences.js';

/** mulberry32: small, fast and seeded. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sentencesOf(body: string): string[] {
  return splitSentences(body).map((s) => body.slice(s.start, s.end));
}

/**
 * At rate r: each sentence dropped with probability r/2 (the first kept if none is), each word
 * replaced by a word of `vocabulary` with probability r, a sentence of `others` inserted after
 * each with probability r/2, and each pair of neighbouring sentences swapped with probability r.
 */
export function rewrite(
  body: string,
  rate: number,
  rand: () => number,
  vocabulary: readonly string[],
  others: readonly string[],
): string {
  const kept = sentencesOf(body).filter(() => rand() >= rate / 2);
  const out: string[] = [];
  for (const sentence of kept.length ? kept : sentencesOf(body).slice(0, 1)) {
    const words = sentence.split(' ');
    out.push(
      words.map((w) => (rand() < rate ? vocabulary[Math.floor(rand() * vocabulary.length)]! : w)).join(' '),
    );
    if (rand() < rate / 2) out.push(others[Math.floor(rand() * others.length)]!);
  }
  for (let i = 0; i + 1 < out.length; i++) if (rand() < rate) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out.join(' ');
}

/** Each sentence dropped with probability 0.1, neighbouring sentences swapped with probability 0.3. */
export function perturb(body: string, rand: () => number): string {
  const sentences = sentencesOf(body).filter(() => rand() >= 0.1);
  for (let i = 0; i + 1 < sentences.length; i++) {
    if (rand() < 0.3) [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
  }
  return sentences.join(' ');
}

/** Capitalised words of four letters or more inside a sentence (names, mostly) with `tag` appended. */
export function renameNames(text: string, tag: string): string {
  return text.replace(/(?<=[\p{Ll},] )\p{Lu}\p{Ll}{3,}/gu, (name) => `${name}${tag}`);
}
