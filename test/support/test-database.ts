/**
 * A fresh, migrated database for one test file, on the engine the test project names: an
 * in-memory PGlite, or a new database on the PostgreSQL server (dropped afterwards).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Engine } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';

export const TEST_ENGINE = (process.env.MOTCUA_TEST_ENGINE ?? 'pglite') as Engine;
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Connection string of the PostgreSQL database (for a second app instance), null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (TEST_ENGINE === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: await migratedTemplate() });
    await migrateToLatest(handle.db);
    return { handle, url: null, drop: () => handle.close() };
  }
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL tests need a server at ${SERVER_URL} (set TEST_DATABASE_URL, or MOTCUA_TEST_ENGINES=pglite to test the embedded database only): ${String(error)}`,
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: options.poolSize ?? 10 });
  await migrateToLatest(handle.db);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const client = new pg.Client({ connectionString: SERVER_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const MIGRATIONS_DIR = new URL('../../src/db/migrations/', import.meta.url).pathname;

/**
 * An embedded database already migrated, as a data directory dump shared by every test file (a new
 * cluster costs seconds; loading a dump about one). Keyed by the migrations' source and the PGlite
 * release, so a changed migration or engine makes a new one; written under a temporary name and renamed, so a reader never sees half.
 */
async function migratedTemplate(): Promise<Uint8Array> {
  // The engine's version too: a dump from another PGlite release may not load.
  const hash = createHash('sha256').update(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  const file = join(tmpdir(), `motcua-test-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (existsSync(file)) return readFileSync(file);
  const fresh = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateToLatest(fresh.db);
    const dump = await fresh.dumpEmbedded!();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, dump);
    renameSync(partial, file);
    return dump;
  } finally {
    await fresh.close();
  }
}
