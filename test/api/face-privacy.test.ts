/**
 * Face templates under keys kept apart from the database: templates stored before encryption are
 * sealed at start (once, even with two instances starting together) and keep working; a damaged,
 * missing or unwritable key store is logged plainly and answered with "not recognised" or a number
 * without the face — never a crash, never a deletion of what another instance might still read —
 * and an erasure that cannot destroy its keys is refused with nothing changed.
 */
import { randomFillSync } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeTemplate } from '../../src/core/face/template-math';
import { FALLBACK_FACE_MODEL_ID } from '../../src/contracts/face';
import { insertCitizen, insertConsent, insertTemplate } from '../../src/db/repositories/face.repository';
import { buildApp } from '../../src/server/app';
import { isSealed } from '../../src/server/face/template-vault';
import { secureStoredTemplates } from '../../src/server/services/face-privacy';
import { readCapture } from '../../src/server/services/face-services';
import { fakeFace as person, FALLBACK_FACE_POLICY } from '../support/fake-face';
import { authHeaders, createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function testApp(logLines?: string[]): Promise<TestApp> {
  const t = await createTestApp(logLines ? { logLevel: 'info', logStream: { write: (line) => void logLines.push(line) } } : {});
  opened.push(t);
  return t;
}

/** Another app instance on the same database and data directory, as after a restart. */
async function anotherInstance(t: TestApp, logLines: string[]): Promise<FastifyInstance> {
  const app = await buildApp({
    database: t.database.handle,
    clock: t.clock.now,
    logLevel: 'info',
    logStream: { write: (line) => void logLines.push(line) },
    webRoot: null,
    dataDir: t.dataDir,
  });
  await app.ready();
  opened.push(app);
  return app;
}

async function call(app: FastifyInstance, method: string, url: string, auth: string, body?: unknown) {
  return app.inject({ method: method as 'POST', url, headers: { ...authHeaders(auth), 'content-type': 'application/json' }, payload: JSON.stringify(body ?? {}) });
}

const messages = (lines: string[]) => lines.map((l) => (JSON.parse(l) as { msg: string }).msg);

describe(`face templates under keys kept apart from the database (${TEST_ENGINE})`, () => {
  it('seals templates stored before encryption once, audited, and still recognises their citizens', async () => {
    const t = await testApp();
    const kiosk = await t.pairDevice('kiosk');
    const centreId = t.info.centre.id;
    // Three remembered citizens as an installation before encryption stored them: plain templates.
    const faces = [person(41), person(42), person(43)];
    const ids: string[] = [];
    for (const face of faces) {
      const citizenId = t.ctx.newId();
      const consentId = t.ctx.newId();
      const id = t.ctx.newId();
      const now = t.clock.now();
      await insertCitizen(t.ctx.db, { id: citizenId, centreId, phoneHintHash: null, createdAt: now });
      await insertConsent(t.ctx.db, { id: consentId, centreId, kioskId: null, scope: 'remember', purpose: 'recognising', citizenId, ticketId: null, givenAt: now, withdrawnAt: null });
      const template = readCapture(face(), FALLBACK_FACE_POLICY);
      await insertTemplate(
        t.ctx.db,
        { id, centreId, consentId, kind: 'remembered', ticketId: null, citizenId, fieldId: null, serviceDay: null, expiresAt: null, model: FALLBACK_FACE_MODEL_ID, dimensions: 128, template: encodeTemplate(template), createdAt: now },
        { actorKind: 'system', actorId: null },
        'recognising',
      );
      ids.push(id);
    }

    // Two instances start at once: each template is sealed exactly once.
    const [one, two] = await Promise.all([secureStoredTemplates(t.ctx), secureStoredTemplates(t.app.deps.ctx)]);
    expect(one.sealed + two.sealed).toBe(3);
    expect(one.leftovers + two.leftovers + one.keyMissing + two.keyMissing).toBe(0);
    const rows = await t.ctx.db.selectFrom('faceTemplate').select(['id', 'template']).where('id', 'in', ids).execute();
    expect(rows.every((r) => isSealed(r.template))).toBe(true);
    const seals = await t.ctx.db.selectFrom('faceAudit').select(['templateId', 'actorKind']).where('action', '=', 'seal').execute();
    expect(seals.map((s) => s.templateId).sort()).toEqual([...ids].sort());
    expect((await secureStoredTemplates(t.ctx)).sealed).toBe(0);

    for (const face of faces) {
      const seen = await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: face() });
      expect(seen.json().candidate).toEqual(expect.any(String));
    }
    expect((await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: person(44)() })).json().candidate).toBeNull();
  });

  it('answers "not recognised" with a clear log line when the key store is damaged or gone, and deletes nothing', async () => {
    const t = await testApp();
    const kiosk = await t.pairDevice('kiosk');
    const chi = person(51);
    const lan = person(52);
    await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('DD').id, face: { consent: 'remember', capture: chi(), phoneHint: '1234' } });
    const lanFirst = (await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id, face: { consent: 'today', capture: lan() } })).json();
    const stored = (await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).length;
    expect(stored).toBe(3);

    // Every key file overwritten with noise.
    const keysDir = join(t.dataDir, 'face-keys');
    for (const file of readdirSync(keysDir)) {
      const bytes = readFileSync(join(keysDir, file));
      writeFileSync(join(keysDir, file), randomFillSync(bytes));
    }
    const damagedLog: string[] = [];
    const damaged = await anotherInstance(t, damagedLog);
    const notSeen = await call(damaged, 'POST', '/api/v1/kiosk/recognise', kiosk, { capture: chi() });
    expect(notSeen.statusCode).toBe(200);
    expect(notSeen.json().candidate).toBeNull();
    const again = await call(damaged, 'POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id, face: { consent: 'today', capture: lan() } });
    expect(again.statusCode).toBe(201);
    expect(again.json().reused).toBe(false);
    expect(again.json().ticket.id).not.toBe(lanFirst.ticket.id);
    expect(messages(damagedLog)).toEqual(
      expect.arrayContaining([
        'face key store file has damaged records; their templates cannot be read',
        'face templates cannot be decrypted: their keys are not in the face key store (check FACE_KEYS_DIR). They are skipped, not deleted; citizens among them are not recognised until they enrol again',
      ]),
    );

    // The folder gone altogether (a wrong FACE_KEYS_DIR looks the same).
    rmSync(keysDir, { recursive: true });
    const goneLog: string[] = [];
    const gone = await anotherInstance(t, goneLog);
    const check = await secureStoredTemplates(gone.deps.ctx);
    expect(check).toEqual({ sealed: 0, leftovers: 0, keyMissing: 4 });
    const stillNotSeen = await call(gone, 'POST', '/api/v1/kiosk/recognise', kiosk, { capture: chi() });
    expect(stillNotSeen.json().candidate).toBeNull();
    expect(messages(goneLog)).toEqual(
      expect.arrayContaining([
        'face templates in the database have no key in the face key store (check FACE_KEYS_DIR; a lost key store cannot be rebuilt): they are kept but cannot be used',
      ]),
    );
    // Nothing was deleted for want of a key: another instance with the right folder may read them.
    expect((await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).length).toBe(4);
    // New citizens are served as before: new keys, and their number is given back.
    const newcomer = person(53);
    const first = await call(gone, 'POST', '/api/v1/tickets', kiosk, { fieldId: t.field('CT').id, face: { consent: 'today', capture: newcomer() } });
    expect(first.json().faceStored).toBe(true);
    const second = await call(gone, 'POST', '/api/v1/tickets', kiosk, { fieldId: t.field('CT').id, face: { consent: 'today', capture: newcomer() } });
    expect(second.json()).toMatchObject({ reused: true, ticket: { id: first.json().ticket.id } });

    // The folder deleted while the server runs: the next key goes to a new file, and the log says so.
    rmSync(keysDir, { recursive: true });
    const later = await call(gone, 'POST', '/api/v1/tickets', kiosk, { fieldId: t.field('CT').id, face: { consent: 'today', capture: person(54)() } });
    expect(later.json().faceStored).toBe(true);
    expect(messages(goneLog)).toContain('face key store file was deleted while in use: keys written to it are lost; starting a new file');
    expect(readdirSync(keysDir)).toHaveLength(1);
  });

  it('gives the number without keeping the face when keys cannot be written, and refuses an erasure it cannot finish', async () => {
    const logLines: string[] = [];
    const t = await testApp(logLines);
    const kiosk = await t.pairDevice('kiosk');
    const chi = person(61);
    await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('DD').id, face: { consent: 'remember', capture: chi(), phoneHint: '1234' } });
    const held = (await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).length;

    // The key folder replaced by a file: nothing can be written or listed there.
    const keysDir = join(t.dataDir, 'face-keys');
    renameSync(keysDir, `${keysDir}.aside`);
    writeFileSync(keysDir, 'not a folder');

    const officer = await t.login('canbo3');
    const refused = await t.request('POST', '/api/v1/face/erase', officer, { capture: chi() });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toEqual({
      code: 'FACE_KEYS_UNAVAILABLE',
      message: 'Chưa xóa được dữ liệu khuôn mặt: không ghi được kho khóa mã hóa. Dữ liệu vẫn còn nguyên; hãy báo quản trị viên rồi thử lại.',
    });
    expect((await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).length).toBe(held);
    expect((await t.ctx.db.selectFrom('citizen').select('withdrawnAt').executeTakeFirstOrThrow()).withdrawnAt).toBeNull();

    expect(messages(logLines)).toContain('face template keys cannot be destroyed: the deletion is not done');

    // An instance started meanwhile cannot write keys: the citizen still gets a number.
    const restartedLog: string[] = [];
    const restarted = await anotherInstance(t, restartedLog);
    const taken = await call(restarted, 'POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id, face: { consent: 'today', capture: person(62)() } });
    expect(taken.statusCode).toBe(201);
    expect(taken.json().faceStored).toBe(false);
    expect((await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).length).toBe(held);
    expect(messages(restartedLog)).toEqual(
      expect.arrayContaining([
        'face key store cannot be opened: face templates can be neither stored nor read',
        'the face key store cannot be written: the number is issued without keeping the face',
      ]),
    );

    // Once the folder is back, the same erasure goes through.
    rmSync(keysDir);
    renameSync(`${keysDir}.aside`, keysDir);
    const erased = await t.request('POST', '/api/v1/face/erase', officer, { capture: chi() });
    expect(erased.json()).toEqual({ remembered: 1, walkIns: 1 });
    expect((await t.ctx.db.selectFrom('faceTemplate').select('id').execute()).length).toBe(0);
    mkdirSync(keysDir, { recursive: true });
  });
});
