/**
 * `storyline ingest [FILES|DIRS|URLS|-] [--input F.jsonl] [--feed FILE|URL] [--db PATH]`:
 * analyses inputs and writes them to the store. Unchanged inputs are skipped before analysis;
 * each bad input is one line on stderr and the rest go on. A progress bar (rate, ETA) on a
 * terminal; a summary at the end (`--json`: the IngestSummary contract).
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Result } from '../doc/index.js';
import { normalisePublished } from '../extract/index.js';
import {
  countInputs,
  DEFAULT_MAX_BYTES,
  Fetcher,
  isUrl,
  pipelineVersion,
  readFeeds,
  readInputs,
  readPages,
  type RawArticle,
} from '../ingest/index.js';
import { ingestInto, type SettledEvent } from '../store/ingest.js';
import { displayLocation, storeLocation } from '../store/index.js';
import { addDbOption, positiveInt, usage, withStore, type DbOptions, type Exit } from './corpus-options.js';
import { runLinkPass } from './link.js';
import { queueInputs } from './ingest-queue.js';

interface IngestCliOptions extends DbOptions {
  input: string[];
  feed: string[];
  jobs?: string;
  batch: string;
  json?: boolean;
  queue?: boolean;
  published?: string;
  clean: boolean;
  link: boolean;
  anyLanguage?: boolean;
  maxMb: string;
  timeout: string;
  perHost: string;
  retries: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const PROGRESS_MIN_INPUTS = 20;

async function* concat<T>(...sources: AsyncIterable<T>[]): AsyncGenerator<T> {
  for (const source of sources) yield* source;
}

function progressBar(total: number): cliProgress.SingleBar | null {
  if (!process.stderr.isTTY || total < PROGRESS_MIN_INPUTS) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      clearOnComplete: true,
      etaBuffer: 50,
      format: 'ingest [{bar}] {value}/{total} | {rate} articles/s | ETA {eta_formatted}',
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.0' });
  return bar;
}

export function registerIngest(program: Command, setExit: Exit): void {
  const cmd = program
    .command('ingest')
    .description('analyse articles (files, folders, URLs, feeds, - for stdin) into the store')
    .argument('[inputs...]', 'files, folders, http(s) URLs, or - for standard input')
    .option(
      '--input <file.jsonl>',
      'a manifest: one {"id", "text"|"html"|"path", "title"?, ...} per line',
      collect,
      [],
    )
    .option('--feed <file|url>', 'an RSS 2.0 or Atom feed; each new item page is fetched', collect, []);
  addDbOption(cmd)
    .option('--jobs <n>', 'analyse in this many worker threads (default: the number of cores)')
    .option('--batch <n>', 'articles per write transaction', '50')
    .option('--json', 'print the summary as JSON')
    .option('--no-link', 'leave linking to a later `storyline link`')
    .option('--queue', 'queue the inputs for `storyline worker` instead (a PostgreSQL store)')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that carry none')
    .option('--no-clean', 'take plain text verbatim as the body')
    .option('--any-language', 'do not refuse input that does not look like English')
    .option(
      '--max-mb <n>',
      'refuse inputs (files, pages) larger than this',
      String(DEFAULT_MAX_BYTES / 2 ** 20),
    )
    .option('--timeout <s>', 'seconds to wait for one page', '20')
    .option('--per-host <n>', 'pages fetched from one host at a time', '2')
    .option('--retries <n>', 'further attempts for a page that times out or answers 429/5xx', '3')
    .action(async (inputs: string[], opts: IngestCliOptions) => {
      const numbers = {
        jobs: positiveInt(opts.jobs ?? String(availableParallelism()), '--jobs'),
        batch: positiveInt(opts.batch, '--batch'),
        perHost: positiveInt(opts.perHost, '--per-host'),
        retries: opts.retries === '0' ? 0 : positiveInt(opts.retries, '--retries'),
      };
      const bad = Object.values(numbers).find((v) => typeof v === 'string');
      if (typeof bad === 'string') return usage(setExit, bad);
      const { jobs, batch, perHost, retries } = numbers as Record<keyof typeof numbers, number>;
      const maxMb = Number(opts.maxMb);
      const timeout = Number(opts.timeout);
      if (!(maxMb > 0)) return usage(setExit, `--max-mb: "${opts.maxMb}" is not a positive number`);
      if (!(timeout > 0)) return usage(setExit, `--timeout: "${opts.timeout}" is not a positive number`);
      const published = opts.published === undefined ? null : normalisePublished(opts.published);
      if (opts.published !== undefined && (!published || !/^\d{4}-\d{2}-\d{2}/.test(opts.published)))
        return usage(setExit, `--published: "${opts.published}" is not a date (expected YYYY-MM-DD)`);
      if (!inputs.length && !opts.input.length && !opts.feed.length)
        return usage(setExit, 'ingest: give files, folders, URLs, -, --input F.jsonl or --feed');

      const maxBytes = Math.round(maxMb * 2 ** 20);
      const urls = inputs.filter(isUrl);
      const paths = inputs.filter((i) => !isUrl(i));
      const fetcher = new Fetcher({ timeoutMs: timeout * 1000, maxBytes, perHost, retries });
      if (opts.queue) {
        const options = { noClean: !opts.clean, anyLanguage: opts.anyLanguage ?? false, published };
        const request = { paths, manifests: opts.input, urls, feeds: opts.feed, options, maxBytes, fetcher };
        return queueInputs({ ...request, json: opts.json ?? false }, opts, setExit);
      }
      await withStore(opts, setExit, async (store) => {
        const started = Date.now();
        const bar = progressBar(
          process.stderr.isTTY ? (await countInputs(paths, opts.input)) + urls.length : 0,
        );
        let known = 0;
        let settled = 0;
        const tick = (): void => {
          settled++;
          bar?.increment(1, { rate: (settled / ((Date.now() - started) / 1000)).toFixed(1) });
        };
        const report = (event: SettledEvent): void => {
          tick();
          if (event.kind !== 'failed') return;
          const line = `storyline: ${event.failure.input}: ${event.failure.message}\n`;
          process.stderr.write(bar ? `\r\x1b[K${line}` : line);
        };
        const raws: AsyncIterable<Result<RawArticle>> = concat(
          readInputs(paths, opts.input, { maxBytes }),
          readPages(
            fetcher,
            urls.map((url) => ({ url, input: url })),
          ),
          readFeeds(opts.feed, fetcher, {
            known: async (list) => new Set((await store.articlesByUrl(list)).keys()),
            onKnown: () => {
              known++;
              tick();
            },
            onItems: (n) => bar?.setTotal(bar.getTotal() + n),
          }),
        );
        const summary = await ingestInto(store, raws, {
          pipelineVersion: pipelineVersion(),
          jobs,
          batchSize: batch,
          published,
          noClean: !opts.clean,
          anyLanguage: opts.anyLanguage ?? false,
          onSettled: report,
        });
        bar?.stop();
        summary.unchanged += known;
        if (opts.link) summary.linked = await runLinkPass(store, opts.json);
        if (summary.failed) setExit(1);
        if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else {
          const seconds = (Date.now() - started) / 1000;
          process.stdout.write(
            `ingest: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
              `${summary.failed} failed; ${summary.articles} articles in ${displayLocation(storeLocation(opts.db, process.env))}` +
              (summary.linked === undefined ? '' : `, ${summary.linked} linked`) +
              ` (${seconds.toFixed(1)} s)\n`,
          );
        }
      });
    });
}
