/**
 * Opens the database the configuration names: embedded PGlite in DATA_DIR by default, PostgreSQL
 * when DATABASE_URL is set. Both speak the same SQL, run the same migrations and go through the
 * same repositories; only the connection and the notification channel differ.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ExclusiveQueue, PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';
export type Database = Kysely<DB>;

export interface DatabaseHandle {
  engine: Engine;
  db: Database;
  /** Calls back on every NOTIFY on the channel, from any connection or app instance. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Embedded only: the data directory as a gzipped tarball, taken between transactions. */
  dumpEmbedded?: () => Promise<Uint8Array>;
  /** Embedded only: where PostgreSQL keeps its files. */
  embeddedDataDir?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  /** Longest wait for the embedded database's single connection. */
  busyTimeoutMs?: number;
  /**
   * Embedded only: start from this data directory dump (as dumpEmbedded writes it) instead of an empty
   * cluster. Creating a cluster takes seconds; tests start each database from one migrated dump.
   */
  loadDataDir?: Uint8Array;
}

const INT8 = 20;
const DATE = 1082;

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPGlite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  // Counts and event ids fit in a double; calendar dates stay plain YYYY-MM-DD strings.
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that loses its server must not take the process down.
  pool.on('error', () => undefined);
  pool.on('connect', preparePerConnection);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const listeners: pg.Client[] = [];
  return {
    engine: 'postgres',
    db,
    async listen(channel, onNotify) {
      const client = new pg.Client({ connectionString: url, types });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel) onNotify(msg.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => undefined)));
      await db.destroy();
    },
  };
}

/** Replaces an embedded data directory with a backup; the old one is kept beside it. */
export async function restoreEmbedded(dataDir: string, tarball: Uint8Array, stamp: string): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { existsSync, renameSync } = await import('node:fs');
  const pgDir = `${dataDir}/pg`;
  const keptAside = `${dataDir}/pg.before-restore-${stamp}`;
  if (existsSync(pgDir)) renameSync(pgDir, keptAside);
  const pglite = await PGlite.create({ dataDir: pgDir, loadDataDir: new Blob([new Uint8Array(tarball)]) });
  await pglite.query('select 1');
  await pglite.close();
  return keptAside;
}

/**
 * Sends parameterised queries as named prepared statements, so that each connection parses and
 * plans a query once instead of on every call; planning was a large share of PostgreSQL's work
 * per ticket. The name is a hash of the SQL text, so the same query always maps to one statement.
 */
function preparePerConnection(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = `k${createHash('sha1').update(text).digest('hex').slice(0, 30)}`;
      return query({ name, text, values });
    }
    return values === undefined ? query(text) : query(text, values);
  };
}

async function openPGlite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pgDir = inMemory ? undefined : `${dataDir}/pg`;
  const pglite = await PGlite.create({
    dataDir: pgDir,
    ...(options.loadDataDir ? { loadDataDir: new Blob([new Uint8Array(options.loadDataDir)]) } : {}),
    parsers: {
      [types.INT8]: (v: string) => Number(v),
      [types.DATE]: (v: string) => v,
    },
  });
  const queue = new ExclusiveQueue(options.busyTimeoutMs ?? 15_000);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, queue), plugins: [new CamelCasePlugin()] });
  return {
    engine: 'pglite',
    db,
    async listen(channel, onNotify) {
      return pglite.listen(channel, onNotify);
    },
    async dumpEmbedded() {
      const release = await queue.acquire();
      try {
        const file = await pglite.dumpDataDir('gzip');
        return new Uint8Array(await file.arrayBuffer());
      } finally {
        release();
      }
    },
    ...(pgDir ? { embeddedDataDir: pgDir } : {}),
    async close() {
      await db.destroy();
    },
  };
}
