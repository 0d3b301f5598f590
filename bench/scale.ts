/**
 * Storyline past one machine (`npx tsx bench/scale.ts [--articles N] [--runs R]`):
 *  1. ingest throughput of the analysable AEB pages, each case a process from dist/ (one analysis
 *     thread each, `--jobs 1`), alternated over R runs (default 3), medians: `storyline ingest`
 *     into SQLite (the peer) and into PostgreSQL, and the shared queue with 1 and with 2
 *     `storyline worker` processes; a worker run on one page gives the start-up cost, and so the
 *     cost of an article in a running worker. CPU is the storyline processes' (children's user +
 *     system) and, where /proc allows, the PostgreSQL server's own (postmaster and backends, so
 *     other clients of a shared server count too); `--runs 0` skips this part;
 *  2. a PostgreSQL store of N (default 100,000) articles made from the analysed pages
 *     (`store-variants.ts`, the corpus `bench/store.ts` uses): bulk write rate, bytes per article,
 *     and search p50/p99 over the same queries beside an SQLite store of the same articles;
 *     `--articles 0` skips it;
 *  3. the link pass (`--link N`, default 2,000 variants; 0 skips): the same articles linked in one
 *     process into SQLite (the peer) and into PostgreSQL, and into PostgreSQL by two linkers at
 *     once (they take turns under the link lock, docs/scaling.md); CPU of this process and the
 *     server's.
 * The server is `$STORYLINE_BENCH_PG` (an admin URL; default
 * `postgres://postgres@127.0.0.1:5432/postgres`); the bench creates a database of its own and drops
 * it at the end. Needs ../shared/data/extraction/aeb/html; builds dist/ first. Run it with `nice`.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultLinkers } from '../src/link/index.js';
import {
  linkPending,
  PostgresStore,
  SqliteStore,
  type CorpusStore,
  type Store,
  type StoredArticle,
} from '../src/store/index.js';
import {
  AEB_HTML,
  childCpuSeconds,
  numberArg,
  percentile,
  prepareAebPages,
  procStatFields,
  ROOT,
  SEARCH_QUERIES,
  tickSeconds,
  timeSearches,
  variantMaker,
} from './store-variants.js';

const N = numberArg('--articles', 100_000);
const RUNS = numberArg('--runs', 3);
const LINK = numberArg('--link', 2_000);
const ADMIN = process.env.STORYLINE_BENCH_PG || 'postgres://postgres@127.0.0.1:5432/postgres';
const median = (xs: number[]) => percentile(xs, 0.5);
const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

if (!existsSync(AEB_HTML)) {
  console.log(`bench/scale: ${AEB_HTML} is missing; nothing measured`);
  process.exit(0);
}
const admin = new pg.Client(ADMIN);
try {
  await admin.connect();
} catch (err) {
  console.log(`bench/scale: no PostgreSQL server at ${ADMIN} (${(err as Error).message}); nothing measured`);
  process.exit(0);
}
const database = `storyline_bench_${process.pid}`;
await admin.query(`CREATE DATABASE ${database}`);
const dbUrl = new URL(ADMIN);
dbUrl.pathname = `/${database}`;
const work = mkdtempSync(path.join(tmpdir(), 'storyline-bench-scale-'));
const cleanUp = async () => {
  rmSync(work, { recursive: true, force: true });
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
};

let schemas = 0;
/** A URL of a new, empty schema of the bench database. */
async function freshSchema(): Promise<string> {
  const schema = `s${schemas++}`;
  const client = new pg.Client(dbUrl.toString());
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = new URL(dbUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** The server's CPU seconds so far: postmaster, its reaped backends and its live ones; null when unreadable. */
const postmaster = await (async () => {
  try {
    const dir = (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!
      .data_directory;
    return Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
})();
function serverCpu(): number | null {
  if (postmaster === null) return null;
  try {
    const f = procStatFields(postmaster);
    let total = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p)))
      try {
        const c = procStatFields(pid);
        if (Number(c[1]) === postmaster) total += Number(c[11]) + Number(c[12]);
      } catch {
        // gone meanwhile: its time is in the postmaster's cutime now
      }
    return tickSeconds(total);
  } catch {
    return null;
  }
}

const cli = path.join(ROOT, 'bin/storyline.js');
function storyline(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`storyline ${args[0]} exited ${code}: ${stderr}`)),
    ),
  );
}

interface Timed {
  wall: number;
  cpu: number;
  server: number | null;
}
async function timed(fn: () => Promise<unknown>): Promise<Timed> {
  const [cpu0, server0, t0] = [childCpuSeconds(), serverCpu(), process.hrtime.bigint()];
  await fn();
  const server1 = serverCpu();
  return {
    wall: since(t0),
    cpu: childCpuSeconds() - cpu0,
    server: server0 === null || server1 === null ? null : server1 - server0,
  };
}

try {
  const pagesDir = path.join(work, 'pages');
  const { articles: analysed, files } = await prepareAebPages(pagesDir);
  const pages = files.length;
  const onePageDir = path.join(work, 'one-page');
  mkdirSync(onePageDir);
  copyFileSync(files[0]!, path.join(onePageDir, path.basename(files[0]!)));

  // 1. Ingest throughput, one analysis thread per process.
  const CASES: Record<string, () => Promise<Timed>> = {
    'storyline ingest --jobs 1, SQLite (the peer)': async () => {
      const file = path.join(work, `sqlite-${schemas++}.db`);
      return timed(() => storyline(['ingest', '--jobs', '1', pagesDir, '--db', file]));
    },
    'storyline ingest --jobs 1, PostgreSQL': async () => {
      const url = await freshSchema();
      return timed(() => storyline(['ingest', '--jobs', '1', pagesDir, '--db', url]));
    },
    '1 x storyline worker --jobs 1 (queued first)': async () => {
      const url = await freshSchema();
      await storyline(['ingest', '--queue', pagesDir, '--db', url]);
      return timed(() => storyline(['worker', '--jobs', '1', '--until-empty', '--db', url]));
    },
    // Start-up (loading the models) and one article: subtracted from the case above, it leaves
    // the cost of an article in a running worker.
    '1 x storyline worker --jobs 1, one page queued': async () => {
      const url = await freshSchema();
      await storyline(['ingest', '--queue', onePageDir, '--db', url]);
      return timed(() => storyline(['worker', '--jobs', '1', '--until-empty', '--db', url]));
    },
    '2 x storyline worker --jobs 1 (queued first)': async () => {
      const url = await freshSchema();
      await storyline(['ingest', '--queue', pagesDir, '--db', url]);
      const worker = () => storyline(['worker', '--jobs', '1', '--until-empty', '--db', url]);
      return timed(() => Promise.all([worker(), worker()]));
    },
  };
  const results = new Map<string, Timed[]>(Object.keys(CASES).map((k) => [k, []]));
  const enqueue: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (const [name, run] of Object.entries(CASES)) results.get(name)!.push(await run());
    const url = await freshSchema();
    enqueue.push((await timed(() => storyline(['ingest', '--queue', pagesDir, '--db', url]))).wall);
  }
  if (RUNS > 0) {
    console.log(
      `\n## ingest throughput: ${pages} AEB pages, ${RUNS} alternated runs, medians (${availableParallelism()} cores)`,
    );
    console.log(
      '| case | storyline CPU s | server CPU s | wall s | articles/s (wall) |\n|---|---|---|---|---|',
    );
    for (const [name, runs] of results) {
      const servers = runs.map((t) => t.server).filter((s): s is number => s !== null);
      console.log(
        `| ${name} | ${median(runs.map((t) => t.cpu)).toFixed(2)} | ${servers.length ? median(servers).toFixed(2) : 'n/a'} |` +
          ` ${median(runs.map((t) => t.wall)).toFixed(2)} |` +
          ` ${name.endsWith('one page queued') ? '(start-up)' : (pages / median(runs.map((t) => t.wall))).toFixed(2)} |`,
      );
    }
    console.log(`enqueueing the ${pages} pages (\`ingest --queue\`): ${median(enqueue).toFixed(2)} s wall`);
    const one = results.get('1 x storyline worker --jobs 1, one page queued')!;
    const all = results.get('1 x storyline worker --jobs 1 (queued first)')!;
    const perArticle = (pick: (t: Timed) => number | null) => {
      const [a, b] = [all.map(pick), one.map(pick)];
      if (a.includes(null) || b.includes(null)) return null;
      return (median(a as number[]) - median(b as number[])) / (pages - 1);
    };
    const worker = perArticle((t) => t.cpu)!;
    const server = perArticle((t) => t.server);
    console.log(
      `in a running worker (the ${pages}-page run minus the one-page run, medians): ${(worker * 1000).toFixed(0)} ms` +
        ` of worker CPU and ${server === null ? 'n/a' : `${(server * 1000).toFixed(1)} ms`} of server CPU per` +
        ` article: ${(1 / worker).toFixed(1)} articles per worker CPU-second`,
    );
  }

  // 2. A large PostgreSQL store beside an SQLite one of the same articles (`--articles 0`: skipped).
  if (N > 0) {
    async function build(store: Store, make = variantMaker(analysed), count = N): Promise<number> {
      const t0 = process.hrtime.bigint();
      for (let n = 0; n < count; n += 1000)
        await store.putArticles(Array.from({ length: Math.min(1000, count - n) }, (_, k) => make(n + k)));
      return count / since(t0);
    }
    const pgSize = async (store: PostgresStore): Promise<number> => {
      await store.pool.query('VACUUM ANALYZE');
      const { rows } = await store.pool.query<{ bytes: number }>(
        'SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c' +
          " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'",
      );
      return rows[0]!.bytes;
    };
    const sqliteSize = (store: SqliteStore, file: string): number => {
      store.connection.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(file).size;
    };
    const facetP50 = async (store: Store) => {
      const ms: number[] = [];
      for (const [, f] of SEARCH_QUERIES.slice(0, 6)) {
        const t0 = process.hrtime.bigint();
        await store.facets(f);
        ms.push(since(t0) * 1000);
      }
      return median(ms);
    };

    const pgStore = await PostgresStore.open(await freshSchema());
    const pgRate = await build(pgStore);
    const pgBytes = await pgSize(pgStore);
    const pgSearch = await timeSearches(pgStore);
    const pgFacets = await facetP50(pgStore);
    await pgStore.close();

    const sqliteFile = path.join(work, 'large.db');
    const sqliteStore = new SqliteStore(sqliteFile);
    const sqliteRate = await build(sqliteStore);
    const sqliteBytes = sqliteSize(sqliteStore, sqliteFile);
    const sqliteSearch = await timeSearches(sqliteStore);
    const sqliteFacets = await facetP50(sqliteStore);
    await sqliteStore.close();

    console.log(
      `\n## a store of ${N.toLocaleString('en')} articles (variants of ${analysed.length} analysed AEB pages)`,
    );
    console.log('| figure | PostgreSQL | SQLite (peer), same run |\n|---|---|---|');
    console.log(
      `| bulk write (batches of 1,000) | ${pgRate.toFixed(0)} articles/s | ${sqliteRate.toFixed(0)} articles/s |`,
    );
    console.log(
      `| size (tables, indexes, TOAST / file) | ${(pgBytes / N).toFixed(0)} bytes per article (${mb(pgBytes)} MB) |` +
        ` ${(sqliteBytes / N).toFixed(0)} bytes per article (${mb(sqliteBytes)} MB) |`,
    );
    console.log(
      `| search, ${SEARCH_QUERIES.length} queries x 10, limit 20 | p50 ${pgSearch.p50.toFixed(1)} ms, p99 ${pgSearch.p99.toFixed(1)} ms |` +
        ` p50 ${sqliteSearch.p50.toFixed(1)} ms, p99 ${sqliteSearch.p99.toFixed(1)} ms |`,
    );
    console.log(`| slowest kinds (p50 ms) | ${pgSearch.slowest} | ${sqliteSearch.slowest} |`);
    console.log(
      `| facets over all hits (single words), p50 | ${pgFacets.toFixed(0)} ms | ${sqliteFacets.toFixed(0)} ms |`,
    );

    // The variants' bodies are short (3 to 6 paragraphs); whole pages, copied under new ids, give
    // the size of a store of full-length news articles.
    const copies = Math.min(N, 20_000);
    const copy = (n: number): StoredArticle => ({
      ...analysed[n % analysed.length]!,
      id: `c${n}`,
      hash: `c${n}`,
    });
    const meanBody = analysed.reduce((sum, a) => sum + a.body.length, 0) / analysed.length;
    const pgCopies = await PostgresStore.open(await freshSchema());
    await build(pgCopies, copy, copies);
    const pgCopyBytes = await pgSize(pgCopies);
    await pgCopies.close();
    const copiesFile = path.join(work, 'copies.db');
    const sqliteCopies = new SqliteStore(copiesFile);
    await build(sqliteCopies, copy, copies);
    const sqliteCopyBytes = sqliteSize(sqliteCopies, copiesFile);
    await sqliteCopies.close();
    console.log(
      `\n${copies.toLocaleString('en')} copies of the ${analysed.length} whole analysed pages (bodies of ${meanBody.toFixed(0)}` +
        ` characters on average): PostgreSQL ${(pgCopyBytes / copies).toFixed(0)} bytes per article,` +
        ` SQLite ${(sqliteCopyBytes / copies).toFixed(0)}`,
    );
  }

  // 3. The link pass: the same articles, SQLite against PostgreSQL, one linker and two.
  if (LINK > 0) {
    const make = variantMaker(analysed);
    const articles = Array.from({ length: LINK }, (_, n) => make(n));
    const linkTimed = async (stores: CorpusStore[]) => {
      await stores[0]!.putArticles(articles);
      const [cpu0, server0, t0] = [process.cpuUsage(), serverCpu(), process.hrtime.bigint()];
      const linked = await Promise.all(stores.map((s) => linkPending(s, defaultLinkers())));
      const cpu = process.cpuUsage(cpu0);
      const server1 = serverCpu();
      const stats = await stores[0]!.stats();
      await Promise.all(stores.map((s) => s.close()));
      return {
        wall: since(t0),
        cpu: (cpu.user + cpu.system) / 1e6,
        server: server0 === null || server1 === null ? null : server1 - server0,
        linked: linked.reduce((a, b) => a + b, 0),
        stats,
      };
    };
    const pgUrl = async (n: number) => {
      const url = await freshSchema();
      return Promise.all(Array.from({ length: n }, () => PostgresStore.open(url)));
    };
    const cases: [string, () => Promise<CorpusStore[]>][] = [
      [
        'SQLite, one linker (the peer)',
        async () => [new SqliteStore(path.join(work, `link-${schemas++}.db`))],
      ],
      ['PostgreSQL, one linker', () => pgUrl(1)],
      ['PostgreSQL, two linkers at once', () => pgUrl(2)],
    ];
    console.log(`\n## the link pass: ${LINK.toLocaleString('en')} variants of the analysed AEB pages`);
    console.log(
      '| case | linked | wall s | CPU ms per article (linker) | server CPU ms per article | entities, merged events, stories |\n|---|---|---|---|---|---|',
    );
    for (const [name, open] of cases) {
      const r = await linkTimed(await open());
      console.log(
        `| ${name} | ${r.linked} | ${r.wall.toFixed(1)} | ${((r.cpu / LINK) * 1000).toFixed(1)} |` +
          ` ${r.server === null ? 'n/a' : ((r.server / LINK) * 1000).toFixed(1)} |` +
          ` ${r.stats.entities}, ${r.stats.events}, ${r.stats.stories} |`,
      );
    }
  }
} finally {
  await cleanUp();
}
