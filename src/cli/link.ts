/**
 * `storyline link [--relink] [--json]`: links the stored articles not linked yet (ingest does
 * this itself at the end of each run); `--relink` first forgets every link and links the whole
 * store again, in publication order. `runLinkPass` is what ingest and the demo call.
 */
import type { Command } from 'commander';
import { defaultLinkers } from '../link/index.js';
import { linkPending, type CorpusStore } from '../store/index.js';
import { addDbOption, withStore, type DbOptions, type Exit } from './corpus-options.js';

/** Links what is waiting, with a running count on a terminal; returns how many were linked. */
export async function runLinkPass(store: CorpusStore, quiet = false): Promise<number> {
  const show = !quiet && process.stderr.isTTY;
  const started = Date.now();
  const linked = await linkPending(store, defaultLinkers(), {
    onProgress: (n) => {
      if (show)
        process.stderr.write(
          `\r\x1b[Klinking: ${n} articles (${(n / ((Date.now() - started) / 1000)).toFixed(0)}/s)`,
        );
    },
  });
  if (show && linked) process.stderr.write('\r\x1b[K');
  return linked;
}

export function registerLink(program: Command, setExit: Exit): void {
  addDbOption(program.command('link').description('link the stored articles that are not linked yet'))
    .option('--relink', 'forget every link and link the whole store again')
    .option('--json', 'print {"linked": n}')
    .action(async (opts: DbOptions & { relink?: boolean; json?: boolean }) => {
      await withStore(opts, setExit, async (store) => {
        if (opts.relink) await store.unlinkAll();
        const linked = await runLinkPass(store, opts.json);
        const stats = await store.stats();
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ linked, ...stats })}\n`
            : `link: ${linked} articles linked; ${stats.entities} entities, ${stats.stories} stories, ` +
                `${stats.events} merged events, ${stats.duplicates} duplicates\n`,
        );
      });
    });
}
