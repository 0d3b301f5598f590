/**
 * What the corpus commands share: `--db` (a file or a postgres:// URL; else `$STORYLINE_DB`, else
 * `./storyline.db`), the filter options, opening and closing the store, and turning the store's
 * and the query parser's errors into one readable line instead of a stack trace.
 */
import type { Command } from 'commander';
import {
  checkFilter,
  openStore,
  QuerySyntaxError,
  storeLocation,
  StoreOpenError,
  type CorpusFilter,
  type CorpusStore,
} from '../store/index.js';

export interface DbOptions {
  db?: string;
}

export interface FilterOptions {
  entity?: string;
  country?: string;
  type?: string;
  source?: string;
  from?: string;
  to?: string;
}

export function addDbOption(cmd: Command): Command {
  return cmd.option(
    '--db <path|url>',
    'the store: an SQLite file or a postgres:// URL (default $STORYLINE_DB, else ./storyline.db)',
  );
}

export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--entity <name>', 'articles that mention this entity (name or alias)')
    .option('--country <ISO3>', 'articles with an entity or event actor of this country')
    .option('--type <PLOVER>', 'articles with an event of this PLOVER type')
    .option('--source <source>', 'articles from this source')
    .option('--from <date>', 'published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (inclusive: --to 2014-11 is all of November)');
}

export type Exit = (code: number) => void;

export function usage(setExit: Exit, message: string): void {
  process.stderr.write(`storyline: ${message}\n`);
  setExit(2);
}

/** The checked filter, or null after printing why it is not valid. */
export function filterFrom(
  opts: FilterOptions,
  text: string | undefined,
  setExit: Exit,
): CorpusFilter | null {
  const checked = checkFilter({ ...opts, text });
  if (checked.ok) return checked.filter;
  usage(setExit, checked.message);
  return null;
}

/** A reader that stops early (`| head`) ends the output, not with a stack trace. */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount('error') === 0)
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
}

/** Opens the store, runs `fn`, closes it; store and query errors become one line on stderr. */
export async function withStore(opts: DbOptions, setExit: Exit, fn: (store: CorpusStore) => Promise<void>) {
  quietOnClosedPipe();
  let store: CorpusStore;
  const location = storeLocation(opts.db, process.env);
  try {
    store = await openStore(location);
  } catch (err) {
    if (!(err instanceof StoreOpenError)) throw err;
    process.stderr.write(`storyline: ${err.message}\n`);
    return setExit(1);
  }
  try {
    await fn(store);
  } catch (err) {
    if (!(err instanceof QuerySyntaxError)) throw err;
    usage(setExit, err.message);
  } finally {
    await store.close();
  }
}

/** Writes to stdout, waiting when its buffer is full, so long outputs stream in bounded memory. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text))
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

export const positiveInt = (value: string, name: string): number | string => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : `${name}: "${value}" is not a positive whole number`;
};
