/**
 * A PostgreSQL server of a test's own (initdb into a temporary folder, a free port, its socket in
 * that folder), for tests that restart or crash the server: the shared one at 127.0.0.1:5432
 * serves other test files at the same time and must not go down under them. PostgreSQL refuses to
 * run as root, so as root the server runs as the `postgres` user. The binaries are found with
 * `pg_config --bindir`, else `$STORYLINE_PG_BIN`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

function binDir(): string | null {
  if (process.env.STORYLINE_PG_BIN) return process.env.STORYLINE_PG_BIN;
  const res = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}

/** Where initdb and pg_ctl are, or null when this machine has no PostgreSQL binaries. */
export const PG_BIN: string | null = (() => {
  const dir = binDir();
  return dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')) ? dir : null;
})();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class PrivateServer {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  private static run(command: string, args: string[]): void {
    const asRoot = userInfo().uid === 0;
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN!, command), ...args]]
      : [path.join(PG_BIN!, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  /** Creates and starts a server (a few seconds). */
  static async start(): Promise<PrivateServer> {
    if (!PG_BIN) throw new Error('no PostgreSQL binaries');
    const dir = mkdtempSync(path.join(tmpdir(), 'storyline-pg-'));
    if (userInfo().uid === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, id('-u'), id('-g'));
    }
    const port = await freePort();
    PrivateServer.run('initdb', [
      '-D',
      `${dir}/data`,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    const server = new PrivateServer(dir, port);
    PrivateServer.run('pg_ctl', [
      '-D',
      `${dir}/data`,
      '-l',
      `${dir}/log`,
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
    return server;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Stops at once, as a crash would (no checkpoint: the restart recovers from the WAL), and starts again. */
  restart(): void {
    PrivateServer.run('pg_ctl', ['-D', `${this.dir}/data`, '-w', '-m', 'immediate', 'restart']);
  }

  stop(): void {
    try {
      PrivateServer.run('pg_ctl', ['-D', `${this.dir}/data`, '-w', '-m', 'immediate', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
