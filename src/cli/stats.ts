/** `storyline stats [--json]`: how much the store holds (the StoreStats contract). */
import type { Command } from 'commander';
import { addDbOption, withStore, type DbOptions, type Exit } from './corpus-options.js';

export function registerStats(program: Command, setExit: Exit): void {
  addDbOption(program.command('stats').description('count the articles, entities and events in the store'))
    .option('--json', 'print {"articles", "entities", "events", "stories", "duplicates"}')
    .action(async (opts: DbOptions & { json?: boolean }) => {
      await withStore(opts, setExit, async (store) => {
        const stats = await store.stats();
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(stats)}\n`
            : Object.entries(stats)
                .map(([k, v]) => `${k.padEnd(11)} ${v}\n`)
                .join(''),
        );
      });
    });
}
