/**
 * `storyline serve [--db PATH] [--port 8177] [--host 127.0.0.1] [--token T] [--cors ORIGIN] [--demo]`:
 * the explorer (HTTP API and web app) over a store. Loopback needs no token; any other host
 * refuses to start without one (`--token` or `STORYLINE_TOKEN`). The store is opened through
 * `openExplorerStore` and the demo corpus through `openDemoStore`: the two seams the store wires.
 */
import type { Command } from 'commander';
import { ERRORS } from '../doc/index.js';
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

export class StoreUnavailableError extends Error {
  constructor(detail: string) {
    super(`${ERRORS.E_STORE_UNAVAILABLE}: ${detail}`);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Opens the store at `dbSpec` (a SQLite path or a postgres:// URL) with its linked-data queries.
 * Seam: the SQLite store wires itself in here once it lands.
 */
export async function openExplorerStore(dbSpec: string): Promise<ExplorerStore> {
  throw new StoreUnavailableError(`store not available yet (cannot open ${dbSpec})`);
}

/**
 * Ingests the shipped sample corpus (samples/) into a temporary store and returns it.
 * Seam: wired with `openExplorerStore` once the store and ingest land.
 */
export async function openDemoStore(): Promise<ExplorerStore> {
  throw new StoreUnavailableError('store not available yet, so --demo cannot build its sample store');
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
      try {
        store = opts.demo
          ? await openDemoStore()
          : await openExplorerStore(opts.db ?? process.env.STORYLINE_DB ?? './storyline.db');
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
        await Promise.all([analyzer.close(), store.close()]);
        return fail((err as Error).message, 1);
      }
      process.stderr.write(`storyline serve: ${server.url}/ (API under /api/, Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await Promise.all([analyzer.close(), store.close()]);
    });
}
