/**
 * `storyline serve [--db PATH] [--port 8177] [--host 127.0.0.1] [--token T] [--cors ORIGIN] [--demo]`:
 * the explorer (HTTP API and web app) over a store. Loopback needs no token; any other host
 * refuses to start without one (`--token` or `STORYLINE_TOKEN`). `--demo` serves the sample corpus
 * from a temporary store, removed when the server stops.
 */
import type { Command } from 'commander';
import { openStore, storeLocation } from '../store/index.js';
import { buildSampleStore } from './sample-store.js';
import {
  checkListen,
  createApp,
  DEFAULT_WEB_ROOT,
  startServer,
  workerAnalyzer,
  type ExplorerStore,
} from '../server/index.js';

interface ServeCliOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  cors?: string;
  demo?: boolean;
}

export function registerServe(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the explorer: the HTTP API under /api/ and the web app')
    .option(
      '--db <path>',
      'the store: a SQLite path or postgres:// URL (default: $STORYLINE_DB, else ./storyline.db)',
    )
    .option('--port <n>', 'port to listen on', '8177')
    .option('--host <host>', 'address to listen on; beyond loopback a token is required', '127.0.0.1')
    .option(
      '--token <token>',
      'require Authorization: Bearer <token> on every API request (or $STORYLINE_TOKEN)',
    )
    .option('--cors <origin>', 'allow this one origin to call the API from the browser')
    .option('--demo', 'serve the sample corpus from a temporary store')
    .action(async (opts: ServeCliOptions) => {
      const fail = (message: string, code: number): void => {
        process.stderr.write(`storyline serve: ${message}\n`);
        setExit(code);
      };
      const listen = {
        host: opts.host,
        port: Number(opts.port),
        token: opts.token || process.env.STORYLINE_TOKEN || null,
      };
      const refused = checkListen(listen);
      if (refused) return fail(`${refused.input}: ${refused.message}`, 2);

      let store: ExplorerStore;
      let dispose = (): Promise<void> => store.close();
      try {
        if (opts.demo) {
          process.stderr.write('storyline serve: ingesting and linking the sample corpus...\n');
          const sample = await buildSampleStore();
          store = sample.store;
          dispose = sample.dispose;
        } else store = await openStore(storeLocation(opts.db, process.env));
      } catch (err) {
        return fail((err as Error).message, 1);
      }
      const analyzer = workerAnalyzer();
      const app = createApp({
        store,
        analyzer,
        token: listen.token,
        cors: opts.cors ?? null,
        webRoot: DEFAULT_WEB_ROOT,
        onInternalError: (err) =>
          process.stderr.write(`storyline serve: ${(err as Error).stack ?? String(err)}\n`),
      });
      let server;
      try {
        server = await startServer(app, listen);
      } catch (err) {
        await Promise.all([analyzer.close(), dispose()]);
        return fail((err as Error).message, 1);
      }
      process.stderr.write(`storyline serve: ${server.url}/ (API under /api/, Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await Promise.all([analyzer.close(), dispose()]);
    });
}
