/**
 * `storyline analyze [FILES|DIRS|-] [--input F.jsonl] [--jobs N]`: ingest -> extract -> the
 * standard pipeline, one JSON line (or a text view) per article, in input order, streamed, in
 * N worker threads. Each bad input, and each input a stage failed on, gives one line on stderr
 * and exit code 1; the others go on.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { toJson } from '../doc/index.js';
import { normalisePublished } from '../extract/index.js';
import { analyzeInputs } from '../pipeline/index.js';
import { countInputs, DEFAULT_MAX_BYTES } from '../ingest/index.js';
import { formatDocText } from './format-text.js';
import { failureLine } from './failure-line.js';

interface AnalyzeCliOptions {
  input: string[];
  published?: string;
  clean: boolean;
  format: string;
  maxMb: string;
  anyLanguage?: boolean;
  jobs: string;
}

const PROGRESS_MIN_INPUTS = 20;

/** Writes a line, waiting when stdout's buffer is full so output streams in bounded memory. */
async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text))
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerAnalyze(program: Command, setExit: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyse news articles: files (.txt, .html), folders, or - for standard input')
    .argument('[inputs...]', 'files, folders, or - for standard input')
    .option('--input <file.jsonl>', 'a manifest: one {"id", "text"|"html"|"path", ...} per line', collect, [])
    .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that carry none')
    .option('--no-clean', 'take plain text verbatim as the body (offsets into the input hold)')
    .option('--format <format>', 'jsonl or text', 'jsonl')
    .option(
      '--max-mb <n>',
      'refuse inputs larger than this many megabytes',
      String(DEFAULT_MAX_BYTES / 2 ** 20),
    )
    .option('--any-language', 'do not refuse input that does not look like English')
    .option('--jobs <n>', 'worker threads (1: analyse in this thread)', String(availableParallelism()))
    .action(async (inputs: string[], opts: AnalyzeCliOptions, command: Command) => {
      const debug = command.optsWithGlobals<{ debug?: boolean }>().debug ?? false;
      const usage = (message: string): void => {
        process.stderr.write(`storyline: ${message}\n`);
        setExit(2);
      };
      if (opts.format !== 'jsonl' && opts.format !== 'text')
        return usage(`--format: expected jsonl or text, got "${opts.format}"`);
      const published = opts.published === undefined ? null : normalisePublished(opts.published);
      if (opts.published !== undefined && (!published || !/^\d{4}-\d{2}-\d{2}/.test(opts.published)))
        return usage(`--published: "${opts.published}" is not a date (expected YYYY-MM-DD)`);
      const maxMb = Number(opts.maxMb);
      if (!(maxMb > 0)) return usage(`--max-mb: "${opts.maxMb}" is not a positive number`);
      const jobs = Number(opts.jobs);
      if (!Number.isInteger(jobs) || jobs < 1)
        return usage(`--jobs: "${opts.jobs}" is not a whole number of at least 1`);
      if (!inputs.length && !opts.input.length)
        return usage('analyze: give files, folders, - or --input F.jsonl');

      const total = process.stderr.isTTY ? await countInputs(inputs, opts.input) : 0;
      const bar =
        total > PROGRESS_MIN_INPUTS
          ? new cliProgress.SingleBar(
              { stream: process.stderr, clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : null;
      bar?.start(total, 0);
      for await (const result of analyzeInputs(inputs, opts.input, {
        published,
        noClean: !opts.clean,
        maxBytes: Math.round(maxMb * 2 ** 20),
        anyLanguage: opts.anyLanguage ?? false,
        jobs,
      })) {
        bar?.increment();
        if (!result.ok) {
          process.stderr.write(failureLine(result.error, debug));
          setExit(1);
          continue;
        }
        const doc = result.value;
        await writeOut(
          opts.format === 'text' ? `${formatDocText(doc)}\n` : `${JSON.stringify(toJson(doc))}\n`,
        );
      }
      bar?.stop();
    });
}
