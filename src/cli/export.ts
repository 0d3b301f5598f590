/**
 * `storyline export --format jsonl|csv|gdelt|plover [--out PATH] [filters]`: streams the
 * matching articles out of the store, one article in memory at a time. With `--out`, each file
 * is written beside its final name and renamed when complete, so a killed export never leaves
 * a file that looks whole. `gdelt` writes two tables, PATH.export.CSV and PATH.mentions.CSV.
 */
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportFormatter, type ExportFormat } from '../store/export/index.js';
import {
  addDbOption,
  addFilterOptions,
  filterFrom,
  usage,
  withStore,
  writeOut,
  type DbOptions,
  type Exit,
  type FilterOptions,
} from './corpus-options.js';

interface ExportCliOptions extends DbOptions, FilterOptions {
  format: string;
  out?: string;
  query?: string;
}

function write(stream: WriteStream, text: string): Promise<void> | void {
  if (text && !stream.write(text)) return new Promise((resolve) => stream.once('drain', resolve));
}

const finish = (stream: WriteStream) =>
  new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));

export function registerExport(program: Command, setExit: Exit): void {
  const cmd = program.command('export').description('export the store (or the articles matching filters)');
  addFilterOptions(addDbOption(cmd))
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--out <path>', 'write here instead of standard output (gdelt: a prefix for its two files)')
    .option('--query <text>', 'only articles matching this search query')
    .action(async (opts: ExportCliOptions) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
        return usage(setExit, `--format: expected ${EXPORT_FORMATS.join(', ')}, got "${opts.format}"`);
      const formatter = exportFormatter(opts.format as ExportFormat);
      if (formatter.files.length > 1 && !opts.out)
        return usage(
          setExit,
          `--format ${opts.format} writes ${formatter.files.length} files: give --out PREFIX`,
        );
      const filter = filterFrom(opts, opts.query, setExit);
      if (!filter) return;
      await withStore(opts, setExit, async (store) => {
        const targets = opts.out ? formatter.files.map((suffix) => `${opts.out}${suffix}`) : [];
        const streams = targets.map((t) => createWriteStream(`${t}.partial`));
        const emit = async (texts: readonly string[]) => {
          if (!streams.length) await writeOut(texts[0] ?? '');
          else for (const [i, s] of streams.entries()) await write(s, texts[i] ?? '');
        };
        try {
          await emit(formatter.header);
          for await (const article of store.exportArticles(filter)) await emit(formatter.rows(article));
          await Promise.all(streams.map(finish));
          targets.forEach((t) => renameSync(`${t}.partial`, t));
        } catch (err) {
          streams.forEach((s) => s.destroy());
          targets.forEach((t) => rmSync(`${t}.partial`, { force: true }));
          throw err;
        }
      });
    });
}
