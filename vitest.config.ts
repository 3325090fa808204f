import { defineConfig } from 'vitest/config';

// Every test file runs on embedded PGlite; with KEFU_TEST_DATABASE_URL set the
// whole suite runs a second time against that PostgreSQL server. Browser tests
// (e2e/) run once, on PGlite, after building the web UI if it is stale.
const base = { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './test/summaryReporter.ts'],
    projects: [
      { extends: true as const, test: { ...base, name: 'pglite', env: { KEFU_TEST_DB: 'pglite' } } },
      ...(process.env.KEFU_TEST_DATABASE_URL
        ? [{ extends: true as const, test: { ...base, name: 'postgres', env: { KEFU_TEST_DB: 'postgres' } } }]
        : []),
      {
        extends: true as const,
        test: {
          name: 'e2e',
          // One browser at a time: chromium is heavy next to the API tests on a small machine.
          fileParallelism: false,
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/globalSetup.ts'],
          env: { KEFU_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
