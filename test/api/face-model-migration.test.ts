/**
 * Changing the recognition model, as an admin lives it: the centre's templates stay grouped by the
 * model that made them, those of a model no longer in use are never compared and are shown apart,
 * and an admin deletes them in one audited step (never those of the model in use) that every
 * instance follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceRecord } from '../../src/contracts/api';
import type { FaceModelId } from '../../src/contracts/face';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';
import { fakeFace } from '../support/fake-face';

const FACE_API: FaceModelId = 'face-api-128-aligned';
const INTEL: FaceModelId = 'face-reidentification-retail-0095';

describe(`retiring a face model (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let kiosk: string;
  let admin: string;
  let manager: string;
  let installed: FaceModelId[] = [];
  // Two citizens enrolled with face-api: An for today, Bình remembered.
  const an = fakeFace(51);
  const binh = fakeFace(52);
  let ansTicket: string;

  beforeAll(async () => {
    t = await createTestApp({ installedFaceModels: () => installed });
    kiosk = await t.pairDevice('kiosk');
    admin = await t.login('admin');
    manager = await t.login('quanly');
    const first = await take('HT', { consent: 'today', capture: an() });
    expect(first.statusCode).toBe(201);
    ansTicket = first.json().ticket.id;
    expect((await take('CT', { consent: 'remember', capture: binh(), phoneHint: '2468' })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  const take = (fieldCode: string, face: Record<string, unknown>) => t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field(fieldCode).id, face });
  const record = async () => (await t.request('GET', '/api/v1/manage/face/record', manager)).json() as FaceRecord;
  const held = async (model: FaceModelId) => (await record()).models.find((m) => m.id === model)!.templates;
  const retire = (model: string, who = admin, lang = 'vi') =>
    t.request('POST', `/api/v1/manage/face/retire-model?lang=${lang}`, who, { model });
  const templateCount = async (model: string) =>
    (await t.ctx.db.selectFrom('faceTemplate').select('id').where('model', '=', model).execute()).length;

  it('keeps the old model\'s templates apart, unused, once a better model is installed', async () => {
    expect(await record()).toMatchObject({ automaticModel: FACE_API, policy: { model: FACE_API } });
    installed = [INTEL];
    const after = await record();
    expect(after).toMatchObject({ automaticModel: INTEL, policy: { model: INTEL, requestedModelMissing: false } });
    expect(after.models.find((m) => m.id === FACE_API)).toMatchObject({ inUse: false, available: true, templates: { walkIn: 2, remembered: 1 } });
    expect(after.models.find((m) => m.id === INTEL)).toMatchObject({ inUse: true, templates: { walkIn: 0, remembered: 0 } });

    // Bình, remembered with face-api, is not recognised by the new model: they re-enrol next visit.
    const binhNow = fakeFace(52, 0.05, { model: INTEL });
    expect((await t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: binhNow() })).json()).toEqual({ candidate: null, expiresAt: null });
    // An, with the new model, gets a new number and a template of the new model.
    const anNow = fakeFace(51, 0.05, { model: INTEL });
    const again = await take('HT', { consent: 'today', capture: anNow() });
    expect(again.statusCode).toBe(201);
    expect(again.json().ticket.id).not.toBe(ansTicket);
    expect(await held(INTEL)).toEqual({ walkIn: 1, remembered: 0 });
  });

  it('refuses a manager, the model in use and an unknown model, in the caller\'s language, changing nothing', async () => {
    const byManager = await retire(FACE_API, manager);
    expect(byManager.statusCode).toBe(403);
    expect(byManager.json().error.code).toBe('FORBIDDEN');

    const inUse = await retire(INTEL);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toEqual({
      code: 'FACE_MODEL_IN_USE',
      message: 'Trung tâm đang dùng mô hình face-reidentification-retail-0095 để so khớp khuôn mặt nên không thể xóa mẫu của mô hình này; hãy chọn mô hình khác trước.',
    });
    expect((await retire(INTEL, admin, 'en')).json().error.message).toBe(
      'The centre matches faces with face-reidentification-retail-0095 now, so its templates cannot be deleted; choose another model first.',
    );

    const unknown = await retire('some-model');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.request('POST', '/api/v1/manage/face/retire-model', admin, {})).statusCode).toBe(400);

    expect(await held(FACE_API)).toEqual({ walkIn: 2, remembered: 1 });
    expect(await held(INTEL)).toEqual({ walkIn: 1, remembered: 0 });
  });

  it('deletes the templates of a model not in use in one audited step, and tells other instances', async () => {
    const ids = (await t.ctx.db.selectFrom('faceTemplate').select('id').where('model', '=', FACE_API).execute()).map((r) => r.id).sort();
    expect(ids).toHaveLength(3);
    const before = t.clock.now();

    const res = await retire(FACE_API);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ model: FACE_API, walkIns: 2, remembered: 1 });

    expect(await templateCount(FACE_API)).toBe(0);
    expect(await held(FACE_API)).toEqual({ walkIn: 0, remembered: 0 });
    // Their keys are destroyed with them: a copy of those rows in a backup can no longer be read.
    expect(await t.ctx.vault.keyStates(ids)).toEqual(new Map(ids.map((id) => [id, 'destroyed'])));
    // The model in use keeps its templates: An still gets their new number back.
    expect(await held(INTEL)).toEqual({ walkIn: 1, remembered: 0 });
    expect((await take('HT', { consent: 'today', capture: fakeFace(51, 0.05, { model: INTEL })() })).json().reused).toBe(true);

    const audit = await t.ctx.db.selectFrom('faceAudit').selectAll().where('purpose', '=', 'model retired').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'delete', templates: 3, actorKind: 'user', centreId: t.info.centre.id });
    expect(audit[0]!.actorId).not.toBeNull();

    const events = await t.ctx.db.selectFrom('eventLog').selectAll().where('type', '=', 'face.template-removed').where('at', '>=', before).execute();
    expect(events).toHaveLength(1);
    expect([...(events[0]!.facts['templateIds'] as string[])].sort()).toEqual(ids);

    // Bình can no longer be recognised with anything, so the hash of their phone digits is gone too.
    const citizens = await t.ctx.db.selectFrom('citizen').select(['phoneHintHash']).execute();
    expect(citizens.map((c) => c.phoneHintHash)).toEqual([null]);

    // The processing record counts the deletion with the others.
    expect((await record()).accessLast30Days.find((a) => a.action === 'delete')).toMatchObject({ templates: 3 });
  });

  it('drops the deleted templates from this instance\'s gallery too', async () => {
    // Back on face-api (pinned): An's face-api template is gone, so An is not given their old
    // number back but a new one; before the retirement it would have matched.
    expect((await t.request('PUT', '/api/v1/manage/settings', admin, { faceModel: FACE_API })).statusCode).toBe(200);
    const res = await take('HT', { consent: 'today', capture: an() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reused: false });
    expect(res.json().ticket.id).not.toBe(ansTicket);
  });

  it('answers a second retirement with nothing deleted, and no empty event', async () => {
    const before = await t.ctx.db.selectFrom('faceAudit').select('id').execute();
    const events = await t.ctx.db.selectFrom('eventLog').select('id').where('type', '=', 'face.template-removed').execute();
    const res = await retire(INTEL);
    expect(res.json()).toEqual({ model: INTEL, walkIns: 1, remembered: 0 });
    const again = await retire(INTEL);
    expect(again.json()).toEqual({ model: INTEL, walkIns: 0, remembered: 0 });
    expect((await t.ctx.db.selectFrom('faceAudit').select('id').execute()).length).toBe(before.length + 1);
    expect((await t.ctx.db.selectFrom('eventLog').select('id').where('type', '=', 'face.template-removed').execute()).length).toBe(events.length + 1);
  });
});
