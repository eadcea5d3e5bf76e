/**
 * An app instance on a fresh test database with the demo ward seeded, plus helpers to act as the
 * people and devices of the hall through the HTTP API (app.inject, no sockets).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import { FileKeyStore } from '../../src/server/face/key-store';
import { bootstrap } from '../../src/server/seed/bootstrap';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-centre';
import { createServiceContext, type ServiceContext } from '../../src/server/services/context';
import type { CentreInfo } from '../../src/contracts/api';
import type { FaceModelId } from '../../src/contracts/face';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** A clock tests move by hand. Starts on a Wednesday at 09:00 in Hà Nội. */
export class TestClock {
  constructor(private current = new Date('2026-11-25T02:00:00Z')) {}
  now = (): Date => new Date(this.current.getTime());
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  ctx: ServiceContext;
  clock: TestClock;
  /** The app's data directory (a temporary folder unless given): face keys live under it. */
  dataDir: string;
  info: CentreInfo;
  field(code: string): CentreInfo['fields'][number];
  counter(number: number): CentreInfo['counters'][number];
  /** Cookie header of a logged-in person. */
  login(username: string, password?: string): Promise<string>;
  /** Bearer header of a newly paired device. */
  pairDevice(kind: 'kiosk' | 'display' | 'rating', options?: { counterId?: string; printerId?: string }): Promise<string>;
  request(method: string, url: string, auth: string | null, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function authHeaders(auth: string | null): Record<string, string> {
  if (!auth) return {};
  return auth.startsWith('Bearer ') ? { authorization: auth } : { cookie: auth };
}

export async function createTestApp(
  options: {
    clock?: TestClock;
    database?: TestDatabase;
    logLevel?: string;
    logStream?: { write(line: string): void };
    /** Recognition models the site has installed (default: those under dataDir; none without it). */
    installedFaceModels?: () => FaceModelId[];
    /** The data directory (installed models, face keys); a fresh temporary one by default. */
    dataDir?: string;
    /** How the face matching index is built and kept (see AppOptions). */
    faceIndex?: AppOptions['faceIndex'];
  } = {},
): Promise<TestApp> {
  const clock = options.clock ?? new TestClock();
  const database = options.database ?? (await createTestDatabase());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'motcua-app-'));
  const quiet = { error: () => undefined, warn: () => undefined };
  // The tests' own context reads and destroys the same keys as the app's.
  const faceKeys = new FileKeyStore(join(dataDir, 'face-keys'), quiet);
  const ctx = createServiceContext(database.handle.db, database.handle.engine, clock.now, { faceKeys, log: quiet });
  await bootstrap(ctx, { demo: true, adminPassword: ADMIN_PASSWORD });
  const app = await buildApp({
    database: database.handle,
    clock: clock.now,
    logLevel: options.logLevel ?? 'silent',
    webRoot: null,
    dataDir,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.installedFaceModels ? { installedFaceModels: options.installedFaceModels } : {}),
    ...(options.faceIndex ? { faceIndex: options.faceIndex } : {}),
  });
  await app.ready();

  const request = (method: string, url: string, auth: string | null, body?: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...authHeaders(auth), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  const login = async (username: string, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) => {
    const res = await request('POST', '/api/v1/auth/login', null, { username, password });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session');
    return `motcua_session=${cookie!.value}`;
  };

  const admin = await login('admin');
  const infoRes = await request('GET', '/api/v1/centre', admin);
  const info = infoRes.json() as CentreInfo;

  return {
    app,
    database,
    ctx,
    clock,
    dataDir,
    info,
    field: (code) => info.fields.find((f) => f.code === code)!,
    counter: (number) => info.counters.find((c) => c.number === number)!,
    login,
    async pairDevice(kind, opts = {}) {
      const start = (await request('POST', '/api/v1/devices/pairing', null, { kind })).json() as { pairingId: string; code: string; secret: string };
      const confirm = await request('POST', '/api/v1/devices/confirm', admin, { code: start.code, ...opts });
      if (confirm.statusCode !== 201) throw new Error(`confirm pairing: ${confirm.body}`);
      const claim = (await request('POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: start.secret })).json() as {
        token: string;
      };
      return `Bearer ${claim.token}`;
    },
    request,
    async close() {
      await app.close();
      await faceKeys.close();
      if (!options.database) await database.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
