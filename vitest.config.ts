import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Shared suites (the Store contract) run from each implementation's own test file.
    exclude: ['**/node_modules/**', '**/*.case.test.ts'],
    testTimeout: 60_000,
    // Set-up hooks ingest small corpora; on a loaded machine that outlasts the 10 s default.
    hookTimeout: 60_000,
    // One fresh PostgreSQL database per run (skipped, with a notice, when no server answers).
    globalSetup: ['test/postgres/global-setup.ts'],
    pool: 'forks',
  },
});
