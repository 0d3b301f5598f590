/**
 * Scores cross-article entity resolution against test/eval/entities-gold.jsonl (written by us
 * over samples/). The unit is a gold mention: a surface text in an article, standing for every
 * mention with that text there. Pairwise precision and recall over pairs of units, overall and
 * per type: a wrong merge costs precision, a split (two spellings left apart) costs recall. A
 * unit the system gave no entity (the tagger missed it) is a cluster of its own.
 */
import { readFileSync } from 'node:fs';

export interface GoldEntity {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly mentions: readonly { readonly article: string; readonly text: string }[];
}

export const ENTITY_GOLD: GoldEntity[] = readFileSync(
  new URL('./entities-gold.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldEntity);

export interface PairScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly units: number;
  /** Gold units put together that belong apart, and apart that belong together (examples). */
  readonly wrongMerges: string[];
  readonly splits: string[];
}

/** `predict(article, text)` is the system's entity for that unit, or null. */
export function scoreResolution(
  gold: readonly GoldEntity[],
  predict: (article: string, text: string) => string | null,
): PairScore {
  const units = gold.flatMap((g) =>
    g.mentions.map((m) => ({
      gold: g.id,
      label: `${m.text}@${m.article}`,
      predicted: predict(m.article, m.text),
    })),
  );
  let both = 0;
  let goldPairs = 0;
  let predictedPairs = 0;
  const wrongMerges: string[] = [];
  const splits: string[] = [];
  for (let i = 0; i < units.length; i++)
    for (let j = i + 1; j < units.length; j++) {
      const a = units[i]!;
      const b = units[j]!;
      const sameGold = a.gold === b.gold;
      const samePredicted = a.predicted !== null && a.predicted === b.predicted;
      if (sameGold) goldPairs++;
      if (samePredicted) predictedPairs++;
      if (sameGold && samePredicted) both++;
      if (samePredicted && !sameGold) wrongMerges.push(`${a.label} + ${b.label}`);
      if (sameGold && !samePredicted) splits.push(`${a.label} / ${b.label}`);
    }
  const precision = predictedPairs ? both / predictedPairs : 1;
  const recall = goldPairs ? both / goldPairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, units: units.length, wrongMerges, splits };
}
