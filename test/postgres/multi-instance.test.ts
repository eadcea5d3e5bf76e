/**
 * A province runs several app instances on one PostgreSQL. A call made on instance A reaches a
 * board connected to instance B (LISTEN/NOTIFY fan-out), numbers stay unique across instances, and
 * every instance's face gallery follows the templates stored and erased on the others, reading the
 * templates' keys from the key folder they share (FACE_KEYS_DIR); an instance given another folder
 * reads nothing and deletes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { buildApp } from '../../src/server/app';
import { rememberedGroup } from '../../src/server/services/face-gallery';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { openSse, type SseClient } from '../support/sse-client';
import { fakeFace as face } from '../support/fake-face';
import { FALLBACK_FACE_MODEL_ID } from '../../src/contracts/face';

/** Waits (bounded) until `check` holds: events reach the other instance asynchronously. */
async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('several app instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: TestApp;
  let bHandle: DatabaseHandle;
  let b: FastifyInstance;
  let bUrl: string;
  let board: SseClient | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createTestApp({ database });
    bHandle = await openDatabase({ databaseUrl: database.url! });
    // Both instances share one clock, as servers synchronised by NTP do, and one key folder.
    b = await buildApp({ database: bHandle, clock: a.clock.now, logLevel: 'silent', webRoot: null, faceKeysDir: join(a.dataDir, 'face-keys') });
    bUrl = await b.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    board?.close();
    await b?.close();
    await bHandle?.close();
    await a?.close();
    await database?.drop();
  });

  it('shows on a board connected to B the call made on A', async () => {
    const display = await a.pairDevice('display');
    const state = await fetch(`${bUrl}/api/v1/display/state`, { headers: { authorization: display } });
    expect(state.status).toBe(200);
    const { cursor } = (await state.json()) as { cursor: string };
    board = await openSse(`${bUrl}/api/v1/stream?since=${cursor}`, { authorization: display });

    const kiosk = await a.pairDevice('kiosk');
    const officer = await a.login('canbo2');
    const counter = a.counter(2);
    await a.request('POST', `/api/v1/counters/${counter.id}/open`, officer);
    const issued = await a.request('POST', '/api/v1/tickets', kiosk, { fieldId: a.field('CT').id });
    expect(issued.statusCode).toBe(201);
    const called = await a.request('POST', `/api/v1/counters/${counter.id}/call-next`, officer);
    expect(called.json().ticket.displayNumber).toBe('2001');

    const message = await board.waitFor((m) => m.event === 'ticket.called');
    const event = JSON.parse(message.data);
    expect(event.ticket.displayNumber).toBe('2001');
    expect(event.announcement.vi.text).toBe('Mời công dân có số 2 0 0 1 đến quầy số 2');
    const counts = await board.waitFor((m) => m.event === 'queue.counts' && JSON.parse(m.data).waitingByField[a.field('CT').id] === undefined);
    expect(counts).toBeTruthy();
  });

  it('keeps numbers unique when both instances issue at once', async () => {
    const kiosk = await a.pairDevice('kiosk');
    const fieldId = a.field('HT').id;
    const onA = Array.from({ length: 40 }, () => a.request('POST', '/api/v1/tickets', kiosk, { fieldId }).then((r) => r.json().ticket.displayNumber as string));
    const onB = Array.from({ length: 40 }, () =>
      fetch(`${bUrl}/api/v1/tickets`, {
        method: 'POST',
        headers: { authorization: kiosk, 'content-type': 'application/json' },
        body: JSON.stringify({ fieldId }),
      }).then(async (r) => ((await r.json()) as { ticket: { displayNumber: string } }).ticket.displayNumber),
    );
    const numbers = await Promise.all([...onA, ...onB]);
    expect(new Set(numbers).size).toBe(80);
  });

  it('a person who took a number on A gets it back on B, and an erasure on A reaches B', async () => {
    const kiosk = await a.pairDevice('kiosk');
    const fieldId = a.field('HT').id;
    const onB = async (body: unknown) => {
      const res = await fetch(`${bUrl}/api/v1/tickets`, { method: 'POST', headers: { authorization: kiosk, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { ticket: { id: string; displayNumber: string }; reused: boolean } };
    };
    const lan = face(11);
    const minh = face(12);
    // B's gallery is loaded (a first face on B), so what follows reaches it only through events.
    expect((await onB({ fieldId, face: { consent: 'today', capture: lan() } })).status).toBe(201);
    const gallery = b.deps.ctx.faces;
    const before = gallery.size();

    const onA = await a.request('POST', '/api/v1/tickets', kiosk, { fieldId, face: { consent: 'today', capture: minh() } });
    expect(onA.statusCode).toBe(201);
    await eventually(() => gallery.size() === before + 1, "A's template on B");
    const again = await onB({ fieldId, face: { consent: 'today', capture: minh() } });
    expect(again.status).toBe(200);
    expect(again.body.reused).toBe(true);
    expect(again.body.ticket.displayNumber).toBe(onA.json().ticket.displayNumber);

    const officer = await a.login('canbo1');
    const erased = await a.request('POST', '/api/v1/face/erase', officer, { capture: minh() });
    expect(erased.statusCode).toBe(200);
    await eventually(() => gallery.size() === before, 'the erasure on B');
    const afterErasure = await onB({ fieldId, face: { consent: 'today', capture: minh() } });
    expect(afterErasure.status).toBe(201);
    expect(afterErasure.body.ticket.displayNumber).not.toBe(onA.json().ticket.displayNumber);
  });

  it('a citizen remembered on A is recognised on B; erased on B, they are gone on A, keys and all', async () => {
    const kiosk = await a.pairDevice('kiosk');
    const onB = async (path: string, auth: string, body: unknown) => {
      const headers = { [auth.startsWith('Bearer ') ? 'authorization' : 'cookie']: auth, 'content-type': 'application/json' };
      const res = await fetch(`${bUrl}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const hoa = face(21);
    const enrolled = await a.request('POST', '/api/v1/tickets', kiosk, { fieldId: a.field('DD').id, face: { consent: 'remember', capture: hoa(), phoneHint: '9753' } });
    expect(enrolled.statusCode).toBe(201);
    const ids = (await a.ctx.db.selectFrom('faceTemplate').select('id').where((eb) => eb.or([eb('ticketId', '=', enrolled.json().ticket.id), eb('kind', '=', 'remembered')])).execute()).map((r) => r.id);
    expect(ids).toHaveLength(2);
    // B decrypts A's template with the key A wrote to the shared folder (it arrives through an event).
    await eventually(() => b.deps.ctx.faces.size(rememberedGroup(FALLBACK_FACE_MODEL_ID, a.info.centre.id)) === 1, "A's remembered citizen on B");
    const seen = await onB('/kiosk/recognise', kiosk, { capture: hoa() });
    expect(seen.status).toBe(200);
    expect(seen.body['candidate']).toEqual(expect.any(String));

    // An instance started with another key folder (a misconfiguration) reads none of them and deletes none.
    const elsewhere = mkdtempSync(join(tmpdir(), 'motcua-other-keys-'));
    const cHandle = await openDatabase({ databaseUrl: database.url! });
    const c = await buildApp({ database: cHandle, clock: a.clock.now, logLevel: 'silent', webRoot: null, dataDir: elsewhere });
    try {
      await c.ready();
      const onC = await c.inject({ method: 'POST', url: '/api/v1/kiosk/recognise', headers: { authorization: kiosk, 'content-type': 'application/json' }, payload: JSON.stringify({ capture: hoa() }) });
      expect(onC.json().candidate).toBeNull();
      expect(await a.ctx.db.selectFrom('faceTemplate').select('id').where('id', 'in', ids).execute()).toHaveLength(2);
    } finally {
      await c.close();
      await cHandle.close();
      rmSync(elsewhere, { recursive: true, force: true });
    }

    const officer = await a.login('canbo3');
    const erased = await onB('/face/erase', officer, { capture: hoa() });
    expect(erased.body).toEqual({ remembered: 1, walkIns: 1 });
    await eventually(() => a.app.deps.ctx.faces.size(rememberedGroup(FALLBACK_FACE_MODEL_ID, a.info.centre.id)) === 0, 'the erasure on A');
    const afterOnA = await a.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: hoa() });
    expect(afterOnA.json().candidate).toBeNull();
    expect(await a.ctx.db.selectFrom('faceTemplate').select('id').where('id', 'in', ids).execute()).toHaveLength(0);
    expect(await a.app.deps.ctx.vault.keyStates(ids)).toEqual(new Map(ids.map((id) => [id, 'destroyed'])));
  });
});
