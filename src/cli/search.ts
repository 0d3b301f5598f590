/**
 * `storyline search [QUERY] [filters] [--limit N] [--facets] [--json]`: full-text search over
 * the store, best first, with highlighted snippets (bold on a terminal, `**word**` otherwise).
 * `--facets` adds counts of top entities, event types, sources and months among all the hits.
 */
import type { Command } from 'commander';
import type { SearchFacets, SearchHit } from '../store/index.js';
import {
  addDbOption,
  addFilterOptions,
  filterFrom,
  positiveInt,
  usage,
  withStore,
  writeOut,
  type DbOptions,
  type Exit,
  type FilterOptions,
} from './corpus-options.js';

interface SearchCliOptions extends DbOptions, FilterOptions {
  limit: string;
  facets?: boolean;
  json?: boolean;
}

function formatHit(hit: SearchHit): string {
  const meta = [hit.published ?? 'undated', hit.source].filter(Boolean).join(' · ');
  return `${hit.id}  ${meta}  (score ${hit.score})\n  ${hit.title ?? '(no title)'}\n  ${hit.snippet}\n`;
}

function formatFacets(facets: SearchFacets, total: number): string {
  const line = (name: string, counts: { value: string; count: number }[]) =>
    `${name}: ${counts.map((c) => `${c.value} (${c.count})`).join(', ') || '-'}`;
  return [
    `${total} matching articles`,
    line('entities', facets.entities),
    line('event types', facets.types),
    line('sources', facets.sources),
    line('months', facets.months),
  ].join('\n');
}

export function registerSearch(program: Command, setExit: Exit): void {
  const cmd = program
    .command('search')
    .description('search the store: words, "phrases", word*, OR, -word, (groups); filters combine')
    .argument('[query]', 'what to search for (omit to list by filters alone, newest first)');
  addFilterOptions(addDbOption(cmd))
    .option('--limit <n>', 'hits to show', '20')
    .option('--facets', 'add counts of entities, event types, sources and months among all hits')
    .option('--json', 'one JSON line per hit (and a final {"facets": ...} line with --facets)')
    .action(async (query: string | undefined, opts: SearchCliOptions) => {
      const limit = positiveInt(opts.limit, '--limit');
      if (typeof limit === 'string') return usage(setExit, limit);
      const filter = filterFrom(opts, query, setExit);
      if (!filter) return;
      await withStore(opts, setExit, async (store) => {
        const tty = !opts.json && process.stdout.isTTY;
        const highlight = tty ? { open: '\x1b[1m', close: '\x1b[22m' } : undefined;
        const hits = await store.search(filter, { limit, ...(highlight ? { highlight } : {}) });
        for (const hit of hits) await writeOut(opts.json ? `${JSON.stringify(hit)}\n` : formatHit(hit));
        if (!opts.facets) return;
        const facets = await store.facets(filter);
        const total = await store.countArticles(filter);
        await writeOut(
          opts.json ? `${JSON.stringify({ total, facets })}\n` : `\n${formatFacets(facets, total)}\n`,
        );
      });
    });
}
