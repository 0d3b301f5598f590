/**
 * The sample corpus (samples/) ingested and linked into a store: what `storyline demo` prints
 * and `storyline serve --demo` serves. Built in a temporary SQLite file that `dispose` removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipelineVersion, readInputs } from '../ingest/index.js';
import { defaultLinkers } from '../link/index.js';
import { ingestInto, linkPending, SqliteStore, type IngestSummary } from '../store/index.js';

/** The manifest of the shipped sample corpus; resolves from src/cli and from dist/cli alike. */
export const SAMPLE_MANIFEST = fileURLToPath(new URL('../../samples/manifest.jsonl', import.meta.url));

export interface SampleStore {
  readonly store: SqliteStore;
  readonly summary: IngestSummary;
  /** Closes the store and removes its folder. */
  dispose(): Promise<void>;
}

export async function buildSampleStore(): Promise<SampleStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyline-demo-'));
  const store = new SqliteStore(path.join(dir, 'samples.db'));
  try {
    const summary = await ingestInto(store, readInputs([], [SAMPLE_MANIFEST]), {
      pipelineVersion: pipelineVersion(),
      jobs: 1,
    });
    summary.linked = await linkPending(store, defaultLinkers());
    return {
      store,
      summary,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
