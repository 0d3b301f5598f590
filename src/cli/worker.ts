/**
 * `storyline worker [--db postgres://…] [--jobs N] [--batch N] [--lease S] [--until-empty]
 * [--link-every S] [--no-link]`: takes jobs from the shared queue, analyses them and writes the
 * articles, until stopped (SIGINT or SIGTERM end it after the round in progress) or, with
 * `--until-empty`, until no job is pending or running. Workers link the stored articles when the
 * queue is drained, and at least every `--link-every` seconds while busy; one links at a time
 * (the store's link lock). Bad inputs are one line each on stderr, as in `ingest`; a lost
 * connection is one line and a retry, never an exit.
 */
import { availableParallelism, hostname } from 'node:os';
import type { Command } from 'commander';
import { Fetcher, pipelineVersion } from '../ingest/index.js';
import { runWorker } from '../queue/index.js';
import { displayLocation, storeLocation } from '../store/index.js';
import { addDbOption, positiveInt, usage, type DbOptions, type Exit } from './corpus-options.js';
import { runLinkPass } from './link.js';
import { withQueue } from './with-queue.js';

interface WorkerCliOptions extends DbOptions {
  jobs?: string;
  batch: string;
  lease: string;
  untilEmpty?: boolean;
  linkEvery: string;
  link: boolean;
  json?: boolean;
}

export function registerWorker(program: Command, setExit: Exit): void {
  addDbOption(
    program
      .command('worker')
      .description('analyse jobs from the shared queue (a PostgreSQL store) into the store'),
  )
    .option('--jobs <n>', 'analyse in this many worker threads (default: the number of cores)')
    .option('--batch <n>', 'jobs claimed and written together', '20')
    .option(
      '--lease <s>',
      'seconds a claimed job stays ours without renewal (renewed every third of it)',
      '60',
    )
    .option('--until-empty', 'stop when no job is pending or running, instead of waiting for more')
    .option('--link-every <s>', 'while busy, link the stored articles at least this often', '300')
    .option('--no-link', 'never link (another worker or `storyline link` does)')
    .option('--json', 'print the summary as JSON when the worker stops')
    .action(async (opts: WorkerCliOptions) => {
      const numbers = {
        jobs: positiveInt(opts.jobs ?? String(availableParallelism()), '--jobs'),
        batch: positiveInt(opts.batch, '--batch'),
        lease: positiveInt(opts.lease, '--lease'),
        linkEvery: positiveInt(opts.linkEvery, '--link-every'),
      };
      const bad = Object.values(numbers).find((v) => typeof v === 'string');
      if (typeof bad === 'string') return usage(setExit, bad);
      const { jobs, batch, lease, linkEvery } = numbers as Record<keyof typeof numbers, number>;
      await withQueue(opts, setExit, async (store, queue) => {
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const started = Date.now();
        try {
          const summary = await runWorker(store, queue, {
            name: `${hostname()}:${process.pid}`,
            jobs,
            batch,
            leaseSeconds: lease,
            untilEmpty: opts.untilEmpty ?? false,
            pipelineVersion: pipelineVersion(),
            fetcher: new Fetcher(),
            signal: stop.signal,
            ...(opts.link
              ? {
                  // While busy, a worker leaves linking to the one already at it and goes on analysing.
                  link: async (when: 'drained' | 'due') =>
                    when === 'due' && (await store.linkInProgress?.()) ? 0 : runLinkPass(store, true),
                  linkEverySeconds: linkEvery,
                }
              : {}),
            onSettled: (event) => {
              if (event.kind === 'failed')
                process.stderr.write(`storyline: ${event.failure.input}: ${event.failure.message}\n`);
            },
            onTrouble: (message, retryMs) =>
              process.stderr.write(
                `storyline worker: ${message}; trying again in ${(retryMs / 1000).toFixed(0)} s\n`,
              ),
          });
          if (summary.failed) setExit(1);
          if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else
            process.stdout.write(
              `worker: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
                `${summary.failed} failed${summary.linked ? `, ${summary.linked} linked` : ''}; ${summary.articles} articles in ` +
                `${displayLocation(storeLocation(opts.db, process.env))} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
            );
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
    });
}
