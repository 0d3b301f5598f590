/**
 * The pipeline version stored with each article: the package version plus a digest of what
 * decides the analysis (the code of the analysing folders, models/ and lexicons/). When any of
 * them changes, the next ingest re-analyses every input even if its content did not change.
 * Computed once per process (about 7 MB of files; a few tens of milliseconds).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders of src/ (or dist/) whose code changes the analysis. */
const ANALYSIS_FOLDERS = ['doc', 'ingest', 'extract', 'geo', 'nlp', 'time', 'events', 'pipeline'];
const CODE = /\.(ts|js)$/;

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

let cached: string | null = null;

export function pipelineVersion(): string {
  if (cached) return cached;
  const codeRoot = fileURLToPath(new URL('../', import.meta.url));
  const repoRoot = path.dirname(codeRoot);
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const files = [
    ...ANALYSIS_FOLDERS.flatMap((f) =>
      filesUnder(path.join(codeRoot, f)).filter((p) => CODE.test(p) && !p.includes('.test.')),
    ),
    ...filesUnder(path.join(repoRoot, 'models')),
    ...filesUnder(path.join(repoRoot, 'lexicons')),
  ];
  const digest = createHash('sha256');
  for (const file of files)
    digest.update(path.relative(repoRoot, file)).update('\0').update(readFileSync(file));
  cached = `${pkg.version}+${digest.digest('hex').slice(0, 12)}`;
  return cached;
}
