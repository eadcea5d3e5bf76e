/**
 * Several app instances on one PostgreSQL: when an admin on one instance deletes the templates of a
 * model the centre no longer uses, the other instance drops them from its gallery too, so going back
 * to that model later can never match a template that was deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { FaceModelId } from '../../src/contracts/face';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { buildApp } from '../../src/server/app';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { fakeFace } from '../support/fake-face';

const FACE_API: FaceModelId = 'face-api-128-aligned';
const INTEL: FaceModelId = 'face-reidentification-retail-0095';

/** Waits (bounded) until `check` holds: events reach the other instance asynchronously. */
async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('retiring a face model with several app instances', () => {
  let database: TestDatabase;
  let a: TestApp;
  let bHandle: DatabaseHandle;
  let b: FastifyInstance;
  let bUrl: string;
  // The site's installed models, the same for both instances (one data directory).
  let installed: FaceModelId[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createTestApp({ database, installedFaceModels: () => installed });
    bHandle = await openDatabase({ databaseUrl: database.url! });
    b = await buildApp({ database: bHandle, clock: a.clock.now, logLevel: 'silent', webRoot: null, installedFaceModels: () => installed });
    bUrl = await b.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await b?.close();
    await bHandle?.close();
    await a?.close();
    await database?.drop();
  });

  it('drops the retired templates on the other instance', async () => {
    const kiosk = await a.pairDevice('kiosk');
    const admin = await a.login('admin');
    const fieldId = a.field('HT').id;
    const onB = async (body: unknown) => {
      const res = await fetch(`${bUrl}/api/v1/tickets`, { method: 'POST', headers: { authorization: kiosk, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { ticket: { id: string }; reused: boolean } };
    };
    // What B decides with: its cached hall (GET /centre reads the database, B's kiosk requests the cache).
    const choiceOnB = async () => (await b.deps.ctx.hall.get(b.deps.ctx.db, a.info.centre.id)).settings.faceModel;

    // Lan takes a number with face-api on B (B's gallery is loaded), then again: her number back.
    const lan = fakeFace(61);
    const first = await onB({ fieldId, face: { consent: 'today', capture: lan() } });
    expect(first.status).toBe(201);
    expect((await onB({ fieldId, face: { consent: 'today', capture: lan() } })).body.reused).toBe(true);
    const gallery = b.deps.ctx.faces;
    const held = gallery.size();
    expect(held).toBe(1);

    // The better model is installed: face-api's template stays, unused; the admin on A deletes it.
    installed = [INTEL];
    const retired = await a.request('POST', '/api/v1/manage/face/retire-model', admin, { model: FACE_API });
    expect(retired.json()).toEqual({ model: FACE_API, walkIns: 1, remembered: 0 });
    await eventually(() => gallery.size() === 0, 'the retirement on B');

    // Back on face-api (pinned on A): on B, Lan is not given a deleted template's number back.
    expect((await a.request('PUT', '/api/v1/manage/settings', admin, { faceModel: FACE_API })).statusCode).toBe(200);
    await eventually(async () => (await choiceOnB()) === FACE_API, 'the model choice on B');
    const after = await onB({ fieldId, face: { consent: 'today', capture: lan() } });
    expect(after.status).toBe(201);
    expect(after.body.reused).toBe(false);
    expect(after.body.ticket.id).not.toBe(first.body.ticket.id);
  });
});
