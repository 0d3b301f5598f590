/**
 * Listening, with the rule that keeps the explorer private by default: loopback needs nothing,
 * any other host needs a token (and the app then asks for it on every API request). The Node
 * server gets time limits so a slow client cannot hold a connection open for ever.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import { failure, type Failure } from '../doc/index.js';
import { TOKEN_PATTERN } from './security.js';
import type { ExplorerApp } from './types.js';

export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  readonly token: string | null;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 10_000;

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** Why these options must not start a server, or null when they may. */
export function checkListen(opts: ListenOptions): Failure | null {
  const where = `--host ${opts.host}`;
  if (opts.token && !TOKEN_PATTERN.test(opts.token))
    return failure('--token', 'E_BAD_REQUEST', 'use letters, digits and . _ ~ + / - only');
  if (!isLoopback(opts.host) && !opts.token) return failure(where, 'E_NEEDS_TOKEN');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
    return failure('--port', 'E_BAD_REQUEST', `not a port: ${opts.port}`);
  return null;
}

export async function startServer(app: ExplorerApp, opts: ListenOptions): Promise<RunningServer> {
  const refused = checkListen(opts);
  if (refused) throw new Error(`${refused.input}: ${refused.message}`);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s));
    s.once('error', reject);
  });
  const http = server as Server;
  http.requestTimeout = REQUEST_TIMEOUT_MS;
  http.headersTimeout = HEADERS_TIMEOUT_MS;
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
