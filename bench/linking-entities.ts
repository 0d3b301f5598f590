/**
 * Entity resolution across articles (bench/linking.ts, section d): the sample corpus (samples/,
 * written by us) ingested into a temporary store and linked as `storyline ingest` does, scored
 * against the hand-written gold (test/eval/entities-gold.jsonl) by pairwise precision and recall
 * over mention units, overall and per type. Beside it, in the same run, two peers read from the
 * same analysed articles: the entity stage's canonical form taken as the identity across
 * articles (what a single-article pipeline gives), and the same folded for case, hyphens, spaces
 * and diacritics (a string-normalising matcher with no rules about people or countries).
 * Also the link pass's cost per article on the samples.
 */
import { buildSampleStore } from '../src/cli/sample-store.js';
import { nameKey } from '../src/link/index.js';
import { ENTITY_GOLD, scoreResolution, type GoldEntity } from '../test/eval/entity-resolution-score.js';
import { textTable } from './text-table.js';

type Predict = (article: string, text: string) => string | null;

/** The label most of the unit's mentions got. */
function majority(labels: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

export async function entitiesSection(): Promise<void> {
  const t0 = process.hrtime.bigint();
  const sample = await buildSampleStore();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  try {
    // article -> mention text -> [linked entity, canonical form] of each mention with that text
    const units = new Map<string, Map<string, [string | null, string, string][]>>();
    for await (const listing of sample.store.listArticles()) {
      const article = (await sample.store.getArticle(listing.id))!;
      const links = (await sample.store.articleLinks(listing.id))!;
      const byText = new Map<string, [string | null, string, string][]>();
      (article.entities ?? []).forEach((m, i) =>
        byText.set(m.text, [...(byText.get(m.text) ?? []), [links.entities[i] ?? null, m.canonical, m.type]]),
      );
      units.set(listing.id, byText);
    }
    const predictors: [string, Predict][] = [
      [
        'storyline (linked store)',
        (a, t) => majority((units.get(a)?.get(t) ?? []).flatMap(([e]) => (e ? [e] : []))),
      ],
      [
        'peer: canonical form as identity',
        (a, t) => majority((units.get(a)?.get(t) ?? []).map(([, c, ty]) => `${ty}:${c}`)),
      ],
      [
        'peer: folded canonical form',
        (a, t) =>
          majority(
            (units.get(a)?.get(t) ?? []).map(([, c, ty]) => `${ty === 'LOC' ? 'GPE' : ty}:${nameKey(c)}`),
          ),
      ],
    ];
    const rows: string[][] = [];
    for (const [name, predict] of predictors)
      for (const type of ['all', 'PERSON', 'ORG', 'GPE']) {
        const gold: GoldEntity[] = type === 'all' ? ENTITY_GOLD : ENTITY_GOLD.filter((g) => g.type === type);
        const s = scoreResolution(gold, predict);
        rows.push([
          name,
          type,
          String(s.units),
          s.precision.toFixed(3),
          s.recall.toFixed(3),
          s.f1.toFixed(3),
          String(s.wrongMerges.length),
        ]);
      }
    console.log(
      `samples/: ${(await sample.store.stats()).articles} articles ingested and linked in ${seconds.toFixed(1)} s ` +
        `(analysis included); gold: ${ENTITY_GOLD.length} entities (test/eval/entities-gold.jsonl)`,
    );
    console.log(textTable(['system', 'type', 'units', 'pair P', 'pair R', 'pair F1', 'wrong pairs'], rows));
  } finally {
    await sample.dispose();
  }
}
