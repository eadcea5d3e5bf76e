/**
 * Who may do what: people sign in and out, roles limit the manage API, devices pair once with a
 * code an admin confirms, hold only their own rights, and lose them when revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

describe(`people and devices (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('signs people in with a hashed password and ends the session on logout', async () => {
    const stored = await t.ctx.db.selectFrom('appUser').select('passwordHash').where('username', '=', 'canbo1').executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const login = await t.request('POST', '/api/v1/auth/login', null, { username: 'canbo1', password: 'motcua-demo' });
    const cookie = login.cookies.find((c) => c.name === 'motcua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const session = `motcua_session=${cookie.value}`;
    expect((await t.request('GET', '/api/v1/auth/me', session)).json().user.fullName).toBe('Nguyễn Thị Hương');
    await t.request('POST', '/api/v1/auth/logout', session);
    expect((await t.request('GET', '/api/v1/auth/me', session)).statusCode).toBe(401);
  });

  it('keeps officers out of management and managers out of admin-only settings', async () => {
    const officer = await t.login('canbo2');
    const manager = await t.login('quanly');
    const field = { code: 'NEW', nameVi: 'Lĩnh vực mới', nameEn: 'New field', numberingMode: 'prefix', prefix: 'NW' };
    const byOfficer = await t.request('POST', '/api/v1/manage/fields', officer, field);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect((await t.request('POST', '/api/v1/manage/fields', manager, field)).statusCode).toBe(201);
    expect((await t.request('PUT', '/api/v1/manage/settings', manager, { fairnessQuota: 3 })).statusCode).toBe(403);
    const settings = await t.request('PUT', '/api/v1/manage/settings', admin, { fairnessQuota: 3 });
    expect(settings.json().fairnessQuota).toBe(3);
    const samePrefix = await t.request('POST', '/api/v1/manage/fields', manager, { ...field, code: 'OTHER' });
    expect(samePrefix.json().error.code).toBe('BLOCK_OVERLAP');
    const duplicate = await t.request('POST', '/api/v1/manage/fields', manager, { ...field, prefix: 'NX' });
    expect(duplicate.json().error).toEqual({ code: 'ALREADY_EXISTS', message: 'Mã lĩnh vực "NEW" đã tồn tại.' });
  });

  it('pairs a screen only after an admin confirms its code, once', async () => {
    const start = (await t.request('POST', '/api/v1/devices/pairing', null, { kind: 'display' })).json();
    expect(start.code).toMatch(/^\d{6}$/);
    const pending = await t.request('POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: start.secret });
    expect(pending.json().status).toBe('pending');
    const wrongSecret = await t.request('POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: 'x'.repeat(43) });
    expect(wrongSecret.json().error.code).toBe('PAIRING_CODE_INVALID');

    const looked = await t.request('GET', `/api/v1/devices/pairing/by-code/${start.code}`, admin);
    expect(looked.json().kind).toBe('display');
    expect((await t.request('POST', '/api/v1/devices/confirm', admin, { code: start.code, name: 'Màn hình tầng 1' })).statusCode).toBe(201);
    const claimed = await t.request('POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: start.secret });
    expect(claimed.json().status).toBe('paired');
    const deviceCookie = claimed.cookies.find((c) => c.name === 'motcua_device_display')!;
    expect(deviceCookie.httpOnly).toBe(true);
    // The token is handed out once.
    const again = await t.request('POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: start.secret });
    expect(again.json().error.code).toBe('PAIRING_CODE_INVALID');
    // A used code cannot be confirmed again.
    const reuse = await t.request('POST', '/api/v1/devices/confirm', admin, { code: start.code });
    expect(reuse.json().error.code).toBe('PAIRING_CODE_INVALID');
  });

  it('lets an unconfirmed code expire', async () => {
    const start = (await t.request('POST', '/api/v1/devices/pairing', null, { kind: 'kiosk' })).json();
    t.clock.advance(16 * 60_000);
    const late = await t.request('POST', '/api/v1/devices/confirm', admin, { code: start.code });
    expect(late.json().error.code).toBe('PAIRING_CODE_INVALID');
    const claim = await t.request('POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: start.secret });
    expect(claim.statusCode).toBe(410);
    expect(claim.json().error.code).toBe('PAIRING_EXPIRED');
  });

  it('gives each device only its own rights, and none once revoked', async () => {
    const display = await t.pairDevice('display');
    const kiosk = await t.pairDevice('kiosk');
    // A board reads the hall but cannot issue numbers, rate, or manage.
    expect((await t.request('GET', '/api/v1/display/state', display)).statusCode).toBe(200);
    expect((await t.request('POST', '/api/v1/tickets', display, { fieldId: t.field('HT').id })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/v1/ratings', display, { ticketId: crypto.randomUUID(), serveNo: 1, value: 3 })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/devices', display)).statusCode).toBe(401);
    // A kiosk issues numbers but cannot call them.
    expect((await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id })).statusCode).toBe(201);
    expect((await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, kiosk)).statusCode).toBe(401);

    const devices = (await t.request('GET', '/api/v1/manage/devices', admin)).json().devices as { id: string; kind: string }[];
    const kioskDevice = devices.filter((d) => d.kind === 'kiosk').at(-1)!;
    expect((await t.request('POST', `/api/v1/manage/devices/${kioskDevice.id}/revoke`, admin)).json().revoked).toBe(true);
    expect((await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id })).statusCode).toBe(401);
  });

  it('binds a rating screen to its counter: it rates that counter\'s services only', async () => {
    const officer = await t.login('canbo3');
    const kiosk = await t.pairDevice('kiosk');
    const rating2 = await t.pairDevice('rating', { counterId: t.counter(2).id });
    const rating3 = await t.pairDevice('rating', { counterId: t.counter(3).id });
    await t.request('POST', `/api/v1/counters/${t.counter(3).id}/open`, officer);
    await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('CT').id });
    const ticket = (await t.request('POST', `/api/v1/counters/${t.counter(3).id}/call-next`, officer)).json().ticket;
    await t.request('POST', `/api/v1/tickets/${ticket.id}/start`, officer);
    await t.request('POST', `/api/v1/tickets/${ticket.id}/finish`, officer);

    expect((await t.request('GET', '/api/v1/ratings/pending', rating2)).json().pending).toBeNull();
    const wrongCounter = await t.request('POST', '/api/v1/ratings', rating2, { ticketId: ticket.id, serveNo: 1, value: 3 });
    expect(wrongCounter.json().error.code).toBe('NOTHING_TO_RATE');
    const pending = (await t.request('GET', '/api/v1/ratings/pending', rating3)).json().pending;
    expect(pending).toMatchObject({ ticketId: ticket.id, serveNo: 1, officerName: 'Lê Thị Thu Hà', counterNumber: 3 });
    const badValue = await t.request('POST', '/api/v1/ratings', rating3, { ticketId: ticket.id, serveNo: 1, value: 5 });
    expect(badValue.json().error.code).toBe('INVALID_SCORE');
    expect((await t.request('POST', '/api/v1/ratings', rating3, { ticketId: ticket.id, serveNo: 1, value: 1 })).json().reportsAs).toBe('dissatisfied');
    const rows = await t.ctx.db.selectFrom('rating').selectAll().where('ticketId', '=', ticket.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.counterId).toBe(t.counter(3).id);
  });
});
