/**
 * Restart → first HNSW answer with a large remembered-citizen gallery: the `indexLoadSeconds` of
 * `npm run bench:face` (bench/face-bench.ts calls `measureRestart`).
 *
 * It sets up a site the way a province's server would be after running for a while:
 *   - PostgreSQL (database motcua_bench_restart on 127.0.0.1, dropped and created) with the
 *     schema, one centre and, per template, a remembered citizen, their consent and the template
 *     row (bytes of a sealed template's size, starting with the sealed tag; never decrypted here,
 *     since the snapshot holds every template);
 *   - the face key store with one live key per template (bulk-written);
 *   - the gallery's sealed snapshot, written by the product's own GallerySnapshots.
 * Then a NEW Node process does what `motcua start` does for the gallery — opens the database,
 * checks the stored templates against the key store (secureStoredTemplates), loads and reconciles
 * the index (FaceGallery.ensureLoaded) — and answers one 1:N search. `indexLoadSeconds` is that
 * process's time from its own start to the answer (process and module start-up included); the
 * phases are reported too. Page-cache state is reported (`cachesDropped`): the snapshot was just
 * written, so unless the kernel's caches could be dropped, the files are read from memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { FACE_MODELS, isFaceModelId } from '../src/contracts/face';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { GallerySnapshots } from '../src/server/face/gallery-snapshots';
import { FileKeyStore } from '../src/server/face/key-store';
import type { TemplateIndex } from '../src/server/face/template-index';
import { createServiceContext } from '../src/server/services/context';
import { rememberedGroup } from '../src/server/services/face-gallery';
import { secureStoredTemplates } from '../src/server/services/face-privacy';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX_CLI = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const PG_SERVER = process.env.FACE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'motcua_bench_restart';

/** The centre every benchmark gallery belongs to. */
export const BENCH_CENTRE_ID = '0b0b0b0b-0000-4000-8000-000000000001';
/** The id of the i-th template of a benchmark gallery (a UUID, as the key store requires). */
export const benchTemplateId = (i: number) => `a0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
/** The group a benchmark gallery is in: one centre's remembered citizens. */
export const benchGroup = (model: string) => rememberedGroup(model, BENCH_CENTRE_ID);

const quiet = { error: (f: object, m: string) => process.stderr.write(`${m} ${JSON.stringify(f)}\n`), warn: () => undefined };
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (message: string) => process.stderr.write(`[bench:face restart] ${message}\n`);

function dirMB(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    bytes += st.isDirectory() ? dirMB(path) * 2 ** 20 : st.size;
  }
  return bytes / 2 ** 20;
}

/** Seeds the database rows of `size` remembered citizens and their templates. */
async function seedDatabase(model: string, size: number, templateBytes: number): Promise<{ seconds: number; databaseMB: number }> {
  const started = performance.now();
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  const database = await openDatabase({ databaseUrl: `${PG_SERVER}/${DATABASE}`, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    await db.insertInto('centre').values({ id: BENCH_CENTRE_ID, code: 'BENCH', name: 'Trung tâm đo thử', shortName: 'Đo thử' }).execute();
    const uuid = (prefix: string) => sql.raw(`('${prefix}-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid`);
    // Sealed templates begin with 0xA5; the rest is filler of the right length.
    const filler = sql.raw(`'\\xa5'::bytea || decode(repeat('5a', ${templateBytes - 1}), 'hex')`);
    for (let from = 0; from < size; from += 250_000) {
      const to = Math.min(size, from + 250_000) - 1;
      const series = sql.raw(`generate_series(${from}, ${to}) as i`);
      await sql`insert into citizen (id, centre_id, created_at) select ${uuid('c0000000')}, ${BENCH_CENTRE_ID}::uuid, now() from ${series}`.execute(db);
      await sql`insert into consent (id, centre_id, scope, purpose, citizen_id, given_at)
                select ${uuid('d0000000')}, ${BENCH_CENTRE_ID}::uuid, 'remember', 'recognise a returning citizen', ${uuid('c0000000')}, now() from ${series}`.execute(db);
      await sql`insert into face_template (id, centre_id, kind, citizen_id, consent_id, model, dimensions, template, created_at)
                select ${uuid('a0000000')}, ${BENCH_CENTRE_ID}::uuid, 'remembered', ${uuid('c0000000')}, ${uuid('d0000000')}, ${model},
                       ${FACE_MODELS[model as keyof typeof FACE_MODELS].templateLength}, ${filler}, now() from ${series}`.execute(db);
      log(`  database: ${to + 1} of ${size} templates`);
    }
    await sql`vacuum analyze face_template`.execute(db);
    const { rows } = await admin.query<{ bytes: string }>(`select pg_database_size('${DATABASE}') as bytes`);
    return { seconds: round((performance.now() - started) / 1000), databaseMB: round(Number(rows[0]!.bytes) / 2 ** 20, 0) };
  } finally {
    await database.close();
    await admin.end();
  }
}

/** Tries to make the restart read from disk, as after a reboot (root only; reported either way). */
function dropCaches(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

export interface RestartFigures {
  indexLoadSeconds: number;
  templates: number;
  dimensions: number;
  model: string;
  firstAnswerMatchesBuiltIndex: boolean;
  phases: Record<string, number>;
  gallery: unknown;
  snapshotSaveSeconds: number;
  snapshotMB: number;
  keyStoreSeconds: number;
  databaseSeedSeconds: number;
  databaseMB: number;
  cachesDropped: boolean;
  secondsFromSpawn: number;
}

/**
 * `index` holds the gallery (ids `benchTemplateId(i)` in `benchGroup(model)`), its graph built;
 * `probe` is asked after the restart and must get the answer `index` gives.
 */
export async function measureRestart(model: string, index: TemplateIndex, probe: Float32Array): Promise<RestartFigures> {
  if (!isFaceModelId(model)) throw new Error(`unknown model ${model}`);
  const size = index.size;
  const site = join(process.env.FACE_BENCH_DIR ?? '/tmp/motcua-face-bench', 'restart-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });

  log(`key store: ${size} keys`);
  let started = performance.now();
  const keys = new FileKeyStore(join(site, 'face-keys'), quiet);
  const ids = [...index.ids()];
  for (let i = 0; i < ids.length; i += 100_000) await keys.createMany(ids.slice(i, i + 100_000));
  const keyStoreSeconds = round((performance.now() - started) / 1000);

  log('sealed snapshot');
  started = performance.now();
  await new GallerySnapshots(join(site, 'face-index'), keys, quiet).save(model, index);
  const snapshotSaveSeconds = round((performance.now() - started) / 1000);
  await keys.close();
  const snapshotMB = round(dirMB(join(site, 'face-index')), 0);

  log('database');
  const templateBytes = 1 + 12 + 16 + 4 + 4 * FACE_MODELS[model].templateLength;
  const seeded = await seedDatabase(model, size, templateBytes);
  const expected = index.search(probe, 5, { groupKey: benchGroup(model) })[0]!.id;
  const probeFile = join(site, 'probe.json');
  writeFileSync(probeFile, JSON.stringify(Array.from(probe)));

  const cachesDropped = dropCaches();
  log(`restarting in a new process (caches dropped: ${cachesDropped})`);
  started = performance.now();
  const child = spawnSync(process.execPath, [TSX_CLI, fileURLToPath(import.meta.url), '--child', site, model, probeFile], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    env: { ...process.env },
  });
  const secondsFromSpawn = round((performance.now() - started) / 1000);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`restart process failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const out = JSON.parse(line) as { answeredAtSeconds: number; firstAnswer: string; phases: Record<string, number>; gallery: unknown; templates: number };
  return {
    indexLoadSeconds: out.answeredAtSeconds,
    templates: out.templates,
    dimensions: FACE_MODELS[model].templateLength,
    model,
    firstAnswerMatchesBuiltIndex: out.firstAnswer === expected,
    phases: out.phases,
    gallery: out.gallery,
    snapshotSaveSeconds,
    snapshotMB,
    keyStoreSeconds,
    databaseSeedSeconds: seeded.seconds,
    databaseMB: seeded.databaseMB,
    cachesDropped,
    secondsFromSpawn,
  };
}

/** The restarted server's side: what `motcua start` does for the gallery, then one search. */
async function child(site: string, model: string, probeFile: string): Promise<void> {
  const phases: Record<string, number> = { processAndModulesSeconds: round(performance.now() / 1000) };
  let mark = performance.now();
  const lap = (name: string) => {
    phases[name] = round((performance.now() - mark) / 1000);
    mark = performance.now();
  };
  const database = await openDatabase({ databaseUrl: `${PG_SERVER}/${DATABASE}`, poolSize: 2 });
  const keys = new FileKeyStore(join(site, 'face-keys'), quiet);
  const ctx = createServiceContext(database.db, database.engine, () => new Date(), {
    faceKeys: keys,
    log: quiet,
    facePersistence: { snapshots: new GallerySnapshots(join(site, 'face-index'), keys, quiet), onError: (error) => process.stderr.write(`${String(error)}\n`) },
  });
  lap('openDatabaseSeconds');
  await secureStoredTemplates(ctx);
  lap('checkStoredTemplatesSeconds');
  await ctx.faces.ensureLoaded(database.db);
  lap('loadIndexSeconds');
  const probe = Float32Array.from(JSON.parse(readFileSync(probeFile, 'utf8')) as number[]);
  const searchStarted = performance.now();
  const hits = ctx.faces.search(benchGroup(model), probe, 5);
  const firstSearchMs = round(performance.now() - searchStarted, 1);
  const answeredAtSeconds = round(performance.now() / 1000);
  const stats = ctx.faces.stats();
  // The owner of the first hit is the citizen; the bench compares template ids.
  const firstAnswer = hits[0] ? benchTemplateId(Number.parseInt(hits[0].id.slice(-12), 16)) : '';
  process.stdout.write(
    `${JSON.stringify({ answeredAtSeconds, firstAnswer, templates: stats.templates, phases: { ...phases, firstSearchMs }, gallery: { ...ctx.faces.lastLoad, hnswGroups: stats.hnswGroups, pending: stats.pending } })}\n`,
  );
  await ctx.faces.close();
  await keys.close();
  await database.close();
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly && process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
}
