import { defineConfig } from 'vitest/config';

/**
 * Test tiers: pure unit tests; repository, service and API tests that run once per database engine
 * (embedded PGlite and PostgreSQL, the same files); browser journeys in headless Chromium.
 * MOTCUA_TEST_ENGINES picks the engines (default "pglite,postgres"); PostgreSQL is reached at
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
const engines = (process.env.MOTCUA_TEST_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());

const engineProject = (engine: string) => ({
  test: {
    name: `db-${engine}`,
    // Several app instances on one server only exist on PostgreSQL.
    include: [
      'test/db/**/*.test.ts',
      'test/api/**/*.test.ts',
      'test/realtime/**/*.test.ts',
      ...(engine === 'postgres' ? ['test/postgres/**/*.test.ts'] : []),
      // Lock file, log flushing and backups exist only for the embedded database.
      ...(engine === 'pglite' ? ['test/embedded/**/*.test.ts'] : []),
    ],
    env: { MOTCUA_TEST_ENGINE: engine },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/printing/**/*.test.ts', 'test/face-index/**/*.test.ts'],
        },
      },
      ...engines.map(engineProject),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
