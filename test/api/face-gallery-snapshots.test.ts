/**
 * The matching index's sealed snapshot meets a database that moved on while the instance was
 * down: another instance (with its own snapshot folder, sharing the key store) enrolled a citizen
 * and erased another. The restarted instance keeps what is still there, reads what is new, drops
 * what was erased — and destroys the snapshot that still held the erased template.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FALLBACK_FACE_MODEL_ID } from '../../src/contracts/face';
import { buildApp, type AppOptions } from '../../src/server/app';
import { FileKeyStore } from '../../src/server/face/key-store';
import { readSnapshotHeader } from '../../src/server/face/template-index';
import { fakeFace as person } from '../support/fake-face';
import { authHeaders, createTestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

// Every group gets a graph (as a province's remembered citizens would); saves come within moments.
const GRAPHS = { exactMaxElements: 0, saveAfterChangeMs: 10, saveAfterDiscardMs: 10 };
const quiet = { error: () => undefined, warn: () => undefined };

async function until<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`the matching index's snapshot after a restart (${TEST_ENGINE})`, () => {
  it('keeps what is still stored, reads what was enrolled meanwhile, drops what was erased and destroys the stale snapshot', async () => {
    const t = await createTestApp({ faceIndex: GRAPHS });
    opened.push(t);
    const kiosk = await t.pairDevice('kiosk');
    const fieldId = t.field('DD').id;
    const [an, binh, chi, dung] = [person(61), person(62), person(63), person(64)];
    const enrol = async (app: FastifyInstance, capture: unknown, phoneHint: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers: { ...authHeaders(kiosk), 'content-type': 'application/json' }, payload: { fieldId, face: { consent: 'remember', capture, phoneHint } } });
      expect(res.statusCode).toBe(201);
    };
    const recognised = async (app: FastifyInstance, capture: unknown) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/kiosk/recognise', headers: { ...authHeaders(kiosk), 'content-type': 'application/json' }, payload: { capture } });
      return (res.json() as { candidate: string | null }).candidate !== null;
    };
    for (const [i, face] of [an, binh, chi].entries()) await enrol(t.app, face(), `100${i}`);
    const snapshotDir = join(t.dataDir, 'face-index', FALLBACK_FACE_MODEL_ID);
    await until('the snapshot', () => readSnapshotHeader(snapshotDir));
    const officer = await t.login('canbo1');
    // Closing writes the snapshot that was due: three remembered templates and three walk-ins.
    await t.app.close();
    const saved = readSnapshotHeader(snapshotDir)!.keyRef!;

    // Meanwhile, another instance with a snapshot folder of its own: Dũng enrols, An is erased.
    const other = await buildApp({ database: t.database.handle, clock: t.clock.now, logLevel: 'silent', webRoot: null, dataDir: t.dataDir, faceIndex: { ...GRAPHS, dir: mkdtempSync(join(tmpdir(), 'motcua-other-index-')) } });
    await other.ready();
    opened.push(other);
    await enrol(other, dung(), '1003');
    const erased = await other.inject({ method: 'POST', url: '/api/v1/face/erase', headers: { ...authHeaders(officer), 'content-type': 'application/json' }, payload: { capture: an() } });
    expect(erased.json()).toEqual({ remembered: 1, walkIns: 1 });
    await other.close();
    const keys = new FileKeyStore(join(t.dataDir, 'face-keys'), quiet);
    opened.push(keys);
    expect((await keys.read(saved)).state).toBe('live'); // that instance could not know of this snapshot

    // The restart: the snapshot is used, and corrected.
    const options: AppOptions = { database: t.database.handle, clock: t.clock.now, logLevel: 'silent', webRoot: null, dataDir: t.dataDir, faceIndex: GRAPHS };
    const again = await buildApp(options);
    await again.ready();
    opened.push(again);
    expect(await recognised(again, binh())).toBe(true);
    expect(again.deps.ctx.faces.lastLoad).toMatchObject({ fromSnapshot: 4, fromDatabase: 2, dropped: 2 });
    expect(await recognised(again, dung())).toBe(true);
    expect(await recognised(again, chi())).toBe(true);
    expect(await recognised(again, an())).toBe(false);
    // The snapshot that still held An's templates is unreadable for good, and replaced.
    await until('the stale snapshot key to be destroyed', async () => (await keys.read(saved)).state === 'destroyed');
    const next = await until('a new snapshot', () => {
      const keyRef = readSnapshotHeader(snapshotDir)?.keyRef;
      return keyRef && keyRef !== saved ? keyRef : null;
    });
    expect((await keys.read(next)).state).toBe('live');
  });
});
