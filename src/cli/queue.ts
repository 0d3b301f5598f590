/**
 * `storyline queue [--json] [--retry-failed | --clear-failed]`: the shared queue's state (pending,
 * running, stalled, failed and done jobs, retries, the workers holding jobs, the latest failures),
 * after putting failed jobs back in the queue or deleting them when asked.
 */
import type { Command } from 'commander';
import type { QueueReport } from '../queue/index.js';
import { addDbOption, usage, type DbOptions, type Exit } from './corpus-options.js';
import { withQueue } from './with-queue.js';

interface QueueCliOptions extends DbOptions {
  json?: boolean;
  retryFailed?: boolean;
  clearFailed?: boolean;
}

function formatReport(r: QueueReport): string {
  const counts = (['pending', 'running', 'stalled', 'failed', 'done', 'retries'] as const)
    .map((k) => `${k.padEnd(8)} ${r[k]}\n`)
    .join('');
  const workers = r.workers.map((w) => `  ${w.worker}: ${w.running} running\n`).join('');
  const failures = r.failures
    .map((f) => `  ${f.input} (${f.attempts} attempts): ${f.error ?? ''}\n`)
    .join('');
  return (
    counts + (workers && `workers holding jobs:\n${workers}`) + (failures && `latest failures:\n${failures}`)
  );
}

export function registerQueue(program: Command, setExit: Exit): void {
  addDbOption(program.command('queue').description('show the shared ingest queue (a PostgreSQL store)'))
    .option(
      '--json',
      'print {"pending", "running", "stalled", "failed", "done", "retries", "workers", "failures"}',
    )
    .option('--retry-failed', 'put the failed jobs back in the queue first')
    .option('--clear-failed', 'delete the failed jobs first')
    .action(async (opts: QueueCliOptions) => {
      if (opts.retryFailed && opts.clearFailed)
        return usage(setExit, 'queue: give --retry-failed or --clear-failed, not both');
      await withQueue(opts, setExit, async (_store, queue) => {
        if (opts.retryFailed)
          process.stderr.write(`queue: ${await queue.retryFailed()} failed jobs queued again\n`);
        if (opts.clearFailed)
          process.stderr.write(`queue: ${await queue.clearFailed()} failed jobs deleted\n`);
        const report = await queue.report();
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
      });
    });
}
