/**
 * The decisions the face makes at the kiosk, held to what a careful biometric owner expects: a held
 * number is given back only on a multi-frame template that clears the threshold and a margin over
 * the next person, the citizen confirms it ("not mine" gives a new number and is counted as a false
 * match), recognitions of one face are capped per hour, and the model in use decides which templates
 * are comparable at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceModelId } from '../../src/contracts/face';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';
import { fakeFace } from '../support/fake-face';

const INTEL: FaceModelId = 'face-reidentification-retail-0095';

describe(`face decisions at the kiosk (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let kiosk: string;
  let otherKiosk: string;
  let admin: string;
  let installed: FaceModelId[] = [];

  beforeAll(async () => {
    t = await createTestApp({ installedFaceModels: () => installed });
    kiosk = await t.pairDevice('kiosk');
    otherKiosk = await t.pairDevice('kiosk');
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const take = (fieldCode: string, face: Record<string, unknown>, device = kiosk) =>
    t.request('POST', '/api/v1/tickets', device, { fieldId: t.field(fieldCode).id, face });
  const record = async () => (await t.request('GET', '/api/v1/manage/face/record', await t.login('quanly'))).json();

  it('gives a held number back only on a multi-frame template, and asks the citizen to confirm it', async () => {
    const an = fakeFace(11);
    const first = await take('HT', { consent: 'today', capture: an() });
    expect(first.statusCode).toBe(201);
    expect(first.json().reuseCheck).toBeNull();
    const again = await take('HT', { consent: 'today', capture: an() });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reused: true, ticket: { id: first.json().ticket.id } });
    const check = again.json().reuseCheck as { token: string; expiresAt: string };
    expect(check.token).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    // Another kiosk cannot answer for this one; the right one can, once.
    expect((await t.request('POST', `/api/v1/kiosk/reuse/${check.token}/confirm`, otherKiosk)).json().error.code).toBe('FACE_REUSE_CHECK_EXPIRED');
    expect((await t.request('POST', `/api/v1/kiosk/reuse/${check.token}/confirm`, kiosk)).json()).toEqual({ ok: true });
    const twice = await t.request('POST', `/api/v1/kiosk/reuse/${check.token}/confirm`, kiosk);
    expect(twice.statusCode).toBe(410);
    expect(twice.json().error.message).toBe('Đã hết thời gian xác nhận số; mời ông/bà lấy số lại.');
    expect((await record()).reuseChecksLast30Days).toMatchObject({ offered: 1, confirmed: 1, rejected: 0 });

    // One frame is not enough evidence to hand someone a number: a new one instead.
    const bo = fakeFace(12);
    const bosNumber = await take('KD', { consent: 'today', capture: bo() });
    const single = await take('KD', { consent: 'today', capture: fakeFace(12, 0.05, { frames: null })() });
    expect(single.statusCode).toBe(201);
    expect(single.json().reused).toBe(false);
    expect(single.json().ticket.id).not.toBe(bosNumber.json().ticket.id);
  });

  it('gives a new number when the citizen says the one found is not theirs, and counts a false match', async () => {
    const owner = fakeFace(21);
    const held = await take('CT', { consent: 'today', capture: owner() });
    // A look-alike close enough to be taken for the owner.
    const twin = fakeFace(22, 0.05, { like: { seed: 21, similarity: 0.997 } });
    const found = await take('CT', { consent: 'today', capture: twin() });
    expect(found.json()).toMatchObject({ reused: true, ticket: { id: held.json().ticket.id } });
    const token = found.json().reuseCheck.token as string;

    // The answer must come from the same kiosk and the same field; a refused one changes nothing.
    expect((await take('HT', { consent: 'today', capture: twin(), notMine: token })).json().error.code).toBe('FACE_REUSE_CHECK_EXPIRED');
    expect((await take('CT', { consent: 'today', capture: twin(), notMine: token }, otherKiosk)).json().error.code).toBe('FACE_REUSE_CHECK_EXPIRED');

    const fresh = await take('CT', { consent: 'today', capture: twin(), notMine: token });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json()).toMatchObject({ reused: false, faceStored: true, reuseCheck: null });
    expect(fresh.json().ticket.id).not.toBe(held.json().ticket.id);
    const row = await t.ctx.db.selectFrom('faceReuseCheck').selectAll().where('id', '=', token).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'rejected', newTicketId: fresh.json().ticket.id });
    expect((await take('CT', { consent: 'today', capture: twin(), notMine: token })).statusCode).toBe(410);

    const counted = (await record()).reuseChecksLast30Days;
    expect(counted).toMatchObject({ offered: 2, confirmed: 1, rejected: 1, unanswered: 0 });
    expect(counted.falseMatchRate).toBeCloseTo(0.5);
  });

  it('gives no number back when two holders are too alike to tell apart (margin)', async () => {
    // The owner and the look-alike of the last test both hold a CT number now; someone between them
    // leads neither by the margin.
    const between = fakeFace(23, 0.02, { like: { seed: 21, similarity: 0.998 } });
    const res = await take('CT', { consent: 'today', capture: between() });
    expect(res.statusCode).toBe(201);
    expect(res.json().reused).toBe(false);
  });

  it('caps recognitions of one remembered face per hour, so starting over does not add attempts', async () => {
    const remembered = fakeFace(31);
    expect((await take('DD', { consent: 'remember', capture: remembered(), phoneHint: '1357' })).statusCode).toBe(201);
    const recognise = () => t.request('POST', '/api/v1/kiosk/recognise', kiosk, { capture: remembered() });
    for (let i = 0; i < 3; i++) expect((await recognise()).json().candidate).not.toBeNull();
    // The fourth within the hour is simply not recognised.
    expect((await recognise()).json()).toEqual({ candidate: null, expiresAt: null });
    t.clock.advance(61 * 60_000);
    expect((await recognise()).json().candidate).not.toBeNull();
  });

  it('uses the installed model automatically, with its own calibrated threshold, and never mixes models', async () => {
    const before = (await t.request('GET', '/api/v1/centre', kiosk)).json().facePolicy;
    expect(before).toMatchObject({ model: 'face-api-128-aligned', templateLength: 128, threshold: 0.988, thresholdSource: 'calibrated' });
    const person = fakeFace(41);
    expect((await take('HT', { consent: 'today', capture: person() })).statusCode).toBe(201);

    installed = [INTEL];
    const after = (await t.request('GET', '/api/v1/centre', kiosk)).json().facePolicy;
    expect(after).toMatchObject({ model: INTEL, templateLength: 256, requestedModelMissing: false });
    // A kiosk still on the old model is told to reload, in the citizen's language.
    const stale = await take('HT', { consent: 'today', capture: person() });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('FACE_MODEL_CHANGED');
    // The same person with the new model: the old model's template is never compared.
    const samePersonNewModel = fakeFace(41, 0.05, { model: INTEL });
    const fresh = await take('HT', { consent: 'today', capture: samePersonNewModel() });
    expect(fresh.statusCode).toBe(201);
    expect((await take('HT', { consent: 'today', capture: samePersonNewModel() })).json().reused).toBe(true);

    const models = (await record()).models as { id: string; inUse: boolean; templates: { walkIn: number } }[];
    expect(models.find((m) => m.id === INTEL)).toMatchObject({ inUse: true, available: true });
    expect(models.find((m) => m.id === 'face-api-128-aligned')!.templates.walkIn).toBeGreaterThan(0);
  });

  it('applies an admin\'s threshold only to the model it was set for, and lets an admin pin a model', async () => {
    const set = (patch: Record<string, unknown>) => t.request('PUT', '/api/v1/manage/settings', admin, patch);
    expect((await set({ faceMatchThreshold: 0.6, faceMatchMargin: 0.08, faceThresholdModel: INTEL })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/centre', kiosk)).json().facePolicy).toMatchObject({ model: INTEL, threshold: 0.6, margin: 0.08, thresholdSource: 'admin' });
    expect((await set({ faceModel: 'face-api-128-aligned' })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/centre', kiosk)).json().facePolicy).toMatchObject({ model: 'face-api-128-aligned', threshold: 0.988, thresholdSource: 'calibrated' });
    // A pinned model the site does not have falls back, and says so.
    installed = [];
    expect((await set({ faceModel: INTEL })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/centre', kiosk)).json().facePolicy).toMatchObject({ model: 'face-api-128-aligned', requestedModelMissing: true });
    expect((await set({ faceModel: 'some-model' })).statusCode).toBe(400);
  });
});
