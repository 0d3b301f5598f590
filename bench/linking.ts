/**
 * Linking benchmarks on ECB+ and generated variants of its texts, each beside a peer measured in
 * the same run:
 *  (a) story clustering: settings chosen on topics 1-35, BCubed and pairwise P/R/F1 on 36-45 and
 *      on all 982 from the official scorer, against TF-IDF average-link clustering
 *      (`linking-stories.ts`);
 *  (b) the clusterer's cost per 1,000 articles at 1k, 10k and 100k articles with the in-memory
 *      candidate index, against average link at 1k and 4k (`linking-cost.ts`);
 *  (c) near-duplicates: precision and recall of MinHash/LSH on generated rewrites, LSH recall at
 *      SIMILAR_AT, and speed against exact all-pairs Jaccard (`linking-duplicates.ts`);
 *  (d) entity resolution on the sample corpus against our hand-written gold, beside two string
 *      matchers (`linking-entities.ts`).
 *
 *   nice npx tsx bench/linking.ts [--dev] [--grid] [--only stories|cost|duplicates|entities] [--cache FILE]
 *
 * --dev scores topics 1-35 only (for choosing; never looks at 36-45); --grid sweeps the story
 * settings on 1-35; --cache FILE keeps the analysed ECB+ articles between runs while iterating.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { limitHeapGrowth } from '../src/pipeline/index.js';
import { costSection } from './linking-cost.js';
import { duplicatesSection } from './linking-duplicates.js';
import { entitiesSection } from './linking-entities.js';
import { ECB_FILE, loadEcbArticles } from './linking-ecb.js';
import { storyClusteringSection, storyGridSection } from './linking-stories.js';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    grid: { type: 'boolean', default: false },
    only: { type: 'string' },
    cache: { type: 'string' },
  },
});
if (!existsSync(ECB_FILE)) {
  console.log(`bench/linking: ${ECB_FILE} not found; put the shared data beside the repository to run it.`);
  process.exit(0);
}
limitHeapGrowth();
const runs = (section: string): boolean => !args.only || args.only === section;

const { articles, seconds, failed } = loadEcbArticles(args.cache);
console.log(
  `ECB+: ${articles.length} articles analysed${seconds ? ` in ${seconds.toFixed(1)} s` : ' (from the cache)'}` +
    `${failed ? `, ${failed} failed (left out)` : ''}; ${articles.filter((a) => a.input.published).length} dated`,
);

if (args.grid) {
  console.log('\n## (a) story clustering: settings on topics 1-35');
  storyGridSection(articles);
} else {
  if (runs('stories')) {
    console.log('\n## (a) story clustering on ECB+');
    storyClusteringSection(articles, args.dev);
  }
  if (runs('cost')) {
    console.log('\n## (b) story clustering cost');
    costSection(articles);
  }
  if (runs('duplicates')) {
    console.log('\n## (c) near-duplicates on generated rewrites');
    duplicatesSection(articles, args.dev);
  }
  if (runs('entities')) {
    console.log('\n## (d) entity resolution on the sample corpus');
    await entitiesSection();
  }
}
