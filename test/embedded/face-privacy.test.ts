/**
 * Erasure that survives backups and restores, on the embedded database as a site runs it: the real
 * server (startServer) on a data directory, its own backup, `motcua restore` run as a command, and
 * the server started again on the restored data. Also: no template value in any file under the
 * data directory (database files, write-ahead log, backups) — only ciphertext — and no key in the
 * database or its backups; an erased template's key is gone from the key store's files.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeTemplate, float32ToFloat16Bits } from '../../src/core/face/template-math';
import { openDatabase } from '../../src/db/database';
import { listBackups } from '../../src/server/embedded-durability';
import { loadConfig } from '../../src/server/config';
import { FileKeyStore } from '../../src/server/face/key-store';
import { readSnapshotHeader, TemplateIndex } from '../../src/server/face/template-index';
import { FALLBACK_FACE_MODEL_ID } from '../../src/contracts/face';
import { TemplateVault } from '../../src/server/face/template-vault';
import { readCapture } from '../../src/server/services/face-services';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { fakeFace as person, FALLBACK_FACE_POLICY } from '../support/fake-face';

const ROOT = new URL('../..', import.meta.url).pathname;
const ADMIN_PASSWORD = 'admin-password-for-tests';
const quiet = { error: () => undefined, warn: () => undefined };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A first start creates and seeds the database (the slow part); each test starts from a copy.
let pristine: string;
beforeAll(async () => {
  pristine = mkdtempSync(join(tmpdir(), 'motcua-privacy-'));
  const server = await start(pristine);
  await server.stop();
  cleanups.splice(0);
});
afterAll(() => rmSync(pristine, { recursive: true, force: true }));

/** A data directory with the demo centre in it, as left by a first start. */
function dataDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-privacy-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

async function start(dataDir: string, faceIndex?: NonNullable<Parameters<typeof startServer>[1]>['faceIndex']): Promise<RunningServer> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    MOTCUA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    BACKUP_INTERVAL_HOURS: '0',
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { webRoot: null, faceIndex });
  let stopped = false;
  const stop = server.stop.bind(server);
  server.stop = async () => {
    if (stopped) return;
    stopped = true;
    await stop();
  };
  cleanups.push(() => server.stop());
  return server;
}

/** The HTTP API of a running server, as kiosks and officers use it. */
function client(server: RunningServer) {
  const call = async (method: string, path: string, auth: string | null, body?: unknown) => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (auth) headers[auth.startsWith('Bearer ') ? 'authorization' : 'cookie'] = auth;
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any>, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
  };
  return {
    call,
    async login(username: string, password = username === 'admin' ? ADMIN_PASSWORD : 'motcua-demo') {
      const res = await call('POST', '/auth/login', null, { username, password });
      expect(res.status).toBe(200);
      return res.cookie!;
    },
    async pairKiosk(admin: string) {
      const start = (await call('POST', '/devices/pairing', null, { kind: 'kiosk' })).body;
      expect((await call('POST', '/devices/confirm', admin, { code: start['code'] })).status).toBe(201);
      return `Bearer ${(await call('POST', `/devices/pairing/${start['pairingId']}/claim`, null, { secret: start['secret'] })).body['token']}`;
    },
    async fieldId(auth: string, code: string): Promise<string> {
      const centre = (await call('GET', '/centre', auth)).body as { fields: { id: string; code: string }[] };
      return centre.fields.find((f) => f.code === code)!.id;
    },
  };
}

/** Every file under `dir`; a gzipped backup is read as the tar archive inside it. */
function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...everyFile(path));
    else {
      const bytes = readFileSync(path);
      out.push({ path, bytes: name.endsWith('.gz') ? gunzipSync(bytes) : bytes });
    }
  }
  return out;
}

/**
 * 16-byte windows (four float32 or eight float16 values) from the start and the middle of a
 * template's float32 and float16 forms: any stored copy of the template contains them.
 */
function templatePatterns(template: Float32Array): Buffer[] {
  const f32 = Buffer.from(encodeTemplate(template, 'float32')).subarray(4);
  const f16 = Buffer.alloc(template.length * 2);
  template.forEach((v, i) => f16.writeUInt16LE(float32ToFloat16Bits(v), i * 2));
  return [f32, f16].flatMap((form) => [form.subarray(0, 16), form.subarray(form.length / 2, form.length / 2 + 16)]);
}

function filesContaining(files: { path: string; bytes: Buffer }[], patterns: Buffer[]): string[] {
  return files.filter((f) => patterns.some((p) => f.bytes.includes(p))).map((f) => f.path);
}

describe('erasure on the embedded database, across backups and restores', () => {
  it('an erased citizen stays erased after the newest backup is restored: not recognised, their rows undecryptable and then deleted', async () => {
    const dataDir = dataDirectory();
    let server = await start(dataDir);
    let api = client(server);
    const admin = await api.login('admin');
    const kiosk = await api.pairKiosk(admin);
    const chi = person(71);
    const lan = person(72);
    const dd = await api.fieldId(admin, 'DD');
    const ht = await api.fieldId(admin, 'HT');
    const remembered = await api.call('POST', '/tickets', kiosk, { fieldId: dd, face: { consent: 'remember', capture: chi(), phoneHint: '2468' } });
    expect(remembered.status).toBe(201);
    const lanTicket = await api.call('POST', '/tickets', kiosk, { fieldId: ht, face: { consent: 'today', capture: lan() } });
    expect((await api.call('POST', '/kiosk/recognise', kiosk, { capture: chi() })).body['candidate']).toEqual(expect.any(String));
    const chiRows = await server.app.deps.ctx.db
      .selectFrom('faceTemplate')
      .select(['id'])
      .where((eb) => eb.or([eb('ticketId', '=', remembered.body['ticket'].id), eb('kind', '=', 'remembered')]))
      .execute();
    expect(chiRows).toHaveLength(2);

    const backup = await server.backup();
    expect(backup).not.toBeNull();

    const officer = await api.login('canbo1');
    const erased = await api.call('POST', '/face/erase', officer, { capture: chi() });
    expect(erased.body).toEqual({ remembered: 1, walkIns: 1 });
    await server.stop();

    // The newest backup is the one taken before the erasure; restore it with the command.
    const newest = listBackups(join(dataDir, 'backups')).at(-1)!;
    expect(newest.path).toBe(backup!.path);
    const restore = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'restore', newest.path], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      timeout: 120_000,
    });
    expect(JSON.parse(restore.stdout)).toMatchObject({ restored: newest.path });

    // The backup brought Chi's rows back — as ciphertext whose keys are destroyed.
    const restored = await openDatabase({ dataDir });
    const back = await restored.db.selectFrom('faceTemplate').select(['id', 'template']).where('id', 'in', chiRows.map((r) => r.id)).execute();
    const citizen = await restored.db.selectFrom('citizen').select('withdrawnAt').executeTakeFirstOrThrow();
    await restored.close();
    expect(back).toHaveLength(2);
    expect(citizen.withdrawnAt).toBeNull();
    const keys = new FileKeyStore(join(dataDir, 'face-keys'), quiet);
    const vault = new TemplateVault(keys, quiet);
    for (const row of back) expect((await vault.open(row.id, row.template)).status).toBe('key-destroyed');
    await keys.close();

    server = await start(dataDir);
    api = client(server);
    expect((await api.call('POST', '/kiosk/recognise', kiosk, { capture: chi() })).body['candidate']).toBeNull();
    // Lan was not erased: her number is still given back.
    const lanAgain = await api.call('POST', '/tickets', kiosk, { fieldId: ht, face: { consent: 'today', capture: lan() } });
    expect(lanAgain.body).toMatchObject({ reused: true, ticket: { id: lanTicket.body['ticket'].id } });
    const db = server.app.deps.ctx.db;
    expect(await db.selectFrom('faceTemplate').select('id').where('id', 'in', chiRows.map((r) => r.id)).execute()).toHaveLength(0);
    const purges = await db.selectFrom('faceAudit').select(['templates', 'actorKind']).where('action', '=', 'purge').where('purpose', 'like', 'its key was destroyed%').execute();
    expect(purges).toEqual([{ templates: 2, actorKind: 'system' }]);
  });

  it('keeps no template value in any file under the data directory, and no key in the database; an erased key leaves the key store', async () => {
    const dataDir = dataDirectory();
    const server = await start(dataDir);
    const api = client(server);
    const admin = await api.login('admin');
    const kiosk = await api.pairKiosk(admin);
    const people = [person(81), person(82), person(83)];
    const captures = people.map((p) => p());
    const templates = captures.map((c) => readCapture(c, FALLBACK_FACE_POLICY));
    const dd = await api.fieldId(admin, 'DD');
    await api.call('POST', '/tickets', kiosk, { fieldId: dd, face: { consent: 'remember', capture: captures[0], phoneHint: '1111' } });
    await api.call('POST', '/tickets', kiosk, { fieldId: dd, face: { consent: 'remember', capture: captures[1], phoneHint: '2222' } });
    await api.call('POST', '/tickets', kiosk, { fieldId: dd, face: { consent: 'today', capture: captures[2] } });
    const db = server.app.deps.ctx.db;
    const rows = await db.selectFrom('faceTemplate').select(['id', 'kind', 'template', 'citizenId']).execute();
    expect(rows).toHaveLength(5);
    expect(await server.backup()).not.toBeNull();

    const patterns = templates.flatMap(templatePatterns);
    const ciphertext = rows.map((r) => Buffer.from(r.template).subarray(40, 72));
    const keys = new FileKeyStore(join(dataDir, 'face-keys'), quiet);
    const keyOf = async (id: string) => {
      const found = await keys.read(id);
      if (found.state !== 'live') throw new Error(`no live key for ${id}`);
      return found.keys[0]!;
    };
    const rowKeys = await Promise.all(rows.map((r) => keyOf(r.id)));

    let files = everyFile(dataDir);
    const inDatabase = files.filter((f) => !f.path.includes(`${join(dataDir, 'face-keys')}/`));
    expect(inDatabase.some((f) => f.path.includes('pg_wal'))).toBe(true);
    expect(inDatabase.some((f) => f.path.endsWith('.tar.gz'))).toBe(true);
    // The scan sees what the database stores (the ciphertext is there, in the log and the backup)…
    for (const sealed of ciphertext) expect(filesContaining(inDatabase, [sealed]).length).toBeGreaterThan(0);
    expect(filesContaining(inDatabase, ciphertext).some((p) => p.endsWith('.tar.gz'))).toBe(true);
    // …but never a template's values, nor a key.
    expect(filesContaining(files, patterns)).toEqual([]);
    expect(filesContaining(inDatabase, rowKeys)).toEqual([]);
    expect(filesContaining(files, rowKeys).every((p) => p.includes('face-keys'))).toBe(true);

    // Erasing the first citizen destroys their keys: gone from the key store's bytes too.
    const officer = await api.login('canbo2');
    expect((await api.call('POST', '/face/erase', officer, { capture: people[0]!() })).body).toEqual({ remembered: 1, walkIns: 1 });
    const remaining = new Set((await db.selectFrom('faceTemplate').select('id').execute()).map((r) => r.id));
    await server.stop();
    files = everyFile(dataDir);
    const withKeys = rows.map((r, i) => ({ id: r.id, key: rowKeys[i]! }));
    const erased = withKeys.filter((r) => !remaining.has(r.id));
    expect(erased).toHaveLength(2);
    for (const { id, key } of erased) {
      expect(filesContaining(files, [key])).toEqual([]);
      expect((await keys.read(id)).state).toBe('destroyed');
    }
    // The other keys are still there, once each, in the key store only.
    const kept = withKeys.filter((r) => remaining.has(r.id));
    expect(kept).toHaveLength(3);
    for (const { key } of kept) expect(filesContaining(files, [key])).toEqual([expect.stringContaining('face-keys')]);
    // After the server stopped (its database files written out), still no template value anywhere.
    expect(filesContaining(files, patterns)).toEqual([]);
    await keys.close();
  });
});

describe('the sealed snapshot of the matching index', () => {
  // Every gallery gets an HNSW graph (as a province's remembered citizens would), and snapshots
  // are written within moments instead of half an hour.
  const GRAPHS_FOR_ALL = { exactMaxElements: 0, saveAfterChangeMs: 20, saveAfterDiscardMs: 20 };

  async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('a restart loads the saved graphs; erasing a citizen destroys the snapshot key, and no copy of the old snapshot brings them back', async () => {
    const dataDir = dataDirectory();
    const snapshotDir = join(dataDir, 'face-index', FALLBACK_FACE_MODEL_ID);
    let server = await start(dataDir, GRAPHS_FOR_ALL);
    let api = client(server);
    const admin = await api.login('admin');
    const kiosk = await api.pairKiosk(admin);
    const dd = await api.fieldId(admin, 'DD');
    const chi = person(91);
    const lan = person(92);
    expect((await api.call('POST', '/tickets', kiosk, { fieldId: dd, face: { consent: 'remember', capture: chi(), phoneHint: '1357' } })).status).toBe(201);
    const chiIds = (await server.app.deps.ctx.db.selectFrom('faceTemplate').select('id').where('kind', '=', 'remembered').execute()).map((r) => r.id);
    expect(chiIds).toHaveLength(1);
    expect((await api.call('POST', '/tickets', kiosk, { fieldId: dd, face: { consent: 'remember', capture: lan(), phoneHint: '2468' } })).status).toBe(201);

    // Saved shortly after the gallery changed, sealed: no template value in any of its files.
    const first = await until('the first snapshot', () => readSnapshotHeader(snapshotDir)?.keyRef);
    await until('the snapshot to hold both citizens', () => server.app.deps.ctx.faces.stats().pending === 0 && existsSync(join(snapshotDir, 'manifest.sealed')));
    const patterns = [chi(), lan()].map((c) => readCapture(c, FALLBACK_FACE_POLICY)).flatMap(templatePatterns);
    expect(filesContaining(everyFile(join(dataDir, 'face-index')), patterns)).toEqual([]);
    await server.stop();

    // Restart: the graphs come from the snapshot, not from reading and indexing every template.
    server = await start(dataDir, GRAPHS_FOR_ALL);
    api = client(server);
    const loaded = await until('the index to load', () => server.app.deps.ctx.faces.lastLoad);
    expect(loaded).toMatchObject({ fromSnapshot: 4, fromDatabase: 0, dropped: 0 });
    expect(server.app.deps.ctx.faces.stats().hnswGroups).toBeGreaterThan(0);
    // The processing record tells the manager the snapshot exists and what it holds.
    const manager = await api.login('admin');
    expect((await api.call('GET', '/manage/face/record', manager)).body).toMatchObject({ indexSnapshotTemplates: 4 });
    expect((await api.call('POST', '/kiosk/recognise', kiosk, { capture: chi() })).body['candidate']).toEqual(expect.any(String));
    const current = readSnapshotHeader(snapshotDir)!.keyRef!;
    const keys = new FileKeyStore(join(dataDir, 'face-keys'), quiet);
    expect((await keys.read(current)).state).toBe('live');
    expect((await keys.read(first)).state).toBe(current === first ? 'live' : 'destroyed');

    // A copy of the data folder taken now (a file-level backup) holds the snapshot with Chi in it.
    const copy = mkdtempSync(join(tmpdir(), 'motcua-snapshot-copy-'));
    cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
    cpSync(snapshotDir, copy, { recursive: true });

    const officer = await api.login('canbo1');
    expect((await api.call('POST', '/face/erase', officer, { capture: chi() })).body).toEqual({ remembered: 1, walkIns: 1 });
    // The snapshot that held Chi is unreadable for good: its key is destroyed at once.
    const destroyed = await keys.read(current);
    expect(destroyed.state).toBe('destroyed');
    // A new one is written without Chi, under a new key.
    const next = await until('a new snapshot', () => {
      const keyRef = readSnapshotHeader(snapshotDir)?.keyRef;
      return keyRef && keyRef !== current ? keyRef : null;
    });
    const nextKey = await keys.read(next);
    if (nextKey.state !== 'live') throw new Error('the new snapshot key is not live');
    const saved = TemplateIndex.load(snapshotDir, {}, { key: nextKey.keys[0]! }).index;
    expect(saved.has(chiIds[0]!)).toBe(false);
    expect(saved.size).toBe(2);
    await server.stop();

    // Put the old snapshot back, as restoring that folder copy would: it cannot be opened, so the
    // server rebuilds the index from the database, where Chi no longer is.
    rmSync(snapshotDir, { recursive: true, force: true });
    cpSync(copy, snapshotDir, { recursive: true });
    server = await start(dataDir, GRAPHS_FOR_ALL);
    api = client(server);
    const reloaded = await until('the index to load', () => server.app.deps.ctx.faces.lastLoad);
    expect(reloaded).toMatchObject({ fromSnapshot: 0, fromDatabase: 2 });
    expect((await api.call('POST', '/kiosk/recognise', kiosk, { capture: chi() })).body['candidate']).toBeNull();
    expect((await api.call('POST', '/kiosk/recognise', kiosk, { capture: lan() })).body['candidate']).toEqual(expect.any(String));
    await keys.close();
  });
});

