/**
 * `storyline articles [filters] [--json]`: one line per stored article, in id order (the
 * ArticleListing contract). `story`, `duplicate_of` and `similar` are filled by linking.
 */
import type { Command } from 'commander';
import {
  addDbOption,
  addFilterOptions,
  filterFrom,
  withStore,
  writeOut,
  type DbOptions,
  type Exit,
  type FilterOptions,
} from './corpus-options.js';

export function registerArticles(program: Command, setExit: Exit): void {
  const cmd = program.command('articles').description('list the stored articles');
  addFilterOptions(addDbOption(cmd))
    .option('--query <text>', 'only articles matching this search query')
    .option('--json', 'one JSON line per article')
    .action(async (opts: DbOptions & FilterOptions & { query?: string; json?: boolean }) => {
      const filter = filterFrom(opts, opts.query, setExit);
      if (!filter) return;
      await withStore(opts, setExit, async (store) => {
        for await (const a of store.listArticles(filter))
          await writeOut(
            opts.json
              ? `${JSON.stringify(a)}\n`
              : `${a.id}\t${a.published ?? '-'}\t${a.source ?? '-'}\t${a.title ?? '(no title)'}\n`,
          );
      });
    });
}
