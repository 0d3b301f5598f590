/**
 * Runs every benchmark in turn (`npm run bench`); each prints its own table. One benchmark can
 * be run alone with `npx tsx bench/<name>.ts`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES: string[] = [
  'time',
  'extraction',
  'ner',
  'events',
  'pos',
  'pipeline',
  'store',
  'scale',
  'linking',
];

const only = process.argv[2];
let failed = 0;
for (const name of BENCHES.filter((b) => !only || b === only)) {
  console.log(`\n=== bench/${name} ===`);
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const res = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (res.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
