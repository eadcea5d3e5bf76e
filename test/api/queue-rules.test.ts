/**
 * The queue's rules as a hall sees them, through the API on a real database: numbers restart at
 * local midnight and yesterday's open tickets are closed, daily caps and opening hours refuse
 * clearly, priority is served within its fairness quota, a transfer keeps the visit's number, a
 * no-show can be re-activated within the tolerance, and KPIs come from the event log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePastDays } from '../../src/server/services/close-past-days';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

describe(`queue rules (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let kiosk: string;
  let officer: string;
  let manager: string;

  beforeAll(async () => {
    t = await createTestApp();
    kiosk = await t.pairDevice('kiosk');
    officer = await t.login('canbo1');
    manager = await t.login('admin');
    await t.request('POST', `/api/v1/counters/${t.counter(1).id}/open`, officer);
  });
  afterAll(async () => t?.close());

  const issue = async (code: string, priorityGroupId: string | null = null) => {
    const res = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field(code).id, priorityGroupId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().ticket as { id: string; displayNumber: string };
  };
  const callNext = async () => {
    const res = await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().ticket as { id: string; displayNumber: string; priority: boolean } | null;
  };
  const serve = async (id: string) => {
    expect((await t.request('POST', `/api/v1/tickets/${id}/start`, officer)).statusCode).toBe(200);
    expect((await t.request('POST', `/api/v1/tickets/${id}/finish`, officer)).statusCode).toBe(200);
  };
  const drain = async () => {
    for (let ticket = await callNext(); ticket; ticket = await callNext()) await serve(ticket.id);
  };

  it('serves priority first but never more than k in a row while others wait', async () => {
    const elderly = t.info.priorityGroups.find((g) => g.code === 'NCT')!.id;
    const normal = [await issue('HT'), await issue('HT')];
    const priority = [await issue('HT', elderly), await issue('HT', elderly), await issue('HT', elderly)];
    // Default quota: two priority calls, then a normal one.
    const order: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const ticket = (await callNext())!;
      order.push(ticket.priority);
      await serve(ticket.id);
    }
    expect(order).toEqual([true, true, false, true, false]);
    expect(normal.length + priority.length).toBe(5);
  });

  it('keeps a visit\'s number across a transfer and puts it in the new field\'s queue', async () => {
    const ticket = await issue('HT');
    const called = (await callNext())!;
    expect(called.id).toBe(ticket.id);
    const moved = await t.request('POST', `/api/v1/tickets/${ticket.id}/transfer`, officer, { fieldId: t.field('CT').id });
    expect(moved.json()).toMatchObject({ displayNumber: ticket.displayNumber, status: 'waiting', fieldId: t.field('CT').id });
    // Counter 1 also serves Chứng thực, so it gets the visit back under the same number.
    const again = (await callNext())!;
    expect(again.displayNumber).toBe(ticket.displayNumber);
    await serve(again.id);
  });

  it('re-activates a no-show within the tolerance and refuses after it', async () => {
    const ticket = await issue('HT');
    await callNext();
    expect((await t.request('POST', `/api/v1/tickets/${ticket.id}/no-show`, officer)).json().status).toBe('no-show');
    t.clock.advance(10 * 60_000);
    expect((await t.request('POST', `/api/v1/tickets/${ticket.id}/reactivate`, officer)).json().status).toBe('waiting');
    const back = (await callNext())!;
    expect(back.id).toBe(ticket.id);
    await t.request('POST', `/api/v1/tickets/${ticket.id}/no-show`, officer);
    t.clock.advance(31 * 60_000);
    const late = await t.request('POST', `/api/v1/tickets/${ticket.id}/reactivate`, officer);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('NO_SHOW_EXPIRED');
    expect(late.json().error.message).toContain('30 phút');
  });

  it('refuses a number past the daily cap, in the citizen\'s language, and issues nothing', async () => {
    const field = t.field('DD');
    await t.request('PUT', `/api/v1/manage/fields/${field.id}`, manager, { ...field, id: undefined, dailyCap: 2 });
    await issue('DD');
    await issue('DD');
    const before = await t.ctx.db.selectFrom('ticket').select('id').execute();
    const refused = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: field.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'DAILY_CAP_REACHED',
      message: 'Lĩnh vực "Đất đai – Xây dựng – Đô thị" đã hết số thứ tự trong ngày hôm nay (2 số). Mời công dân quay lại vào ngày làm việc tiếp theo.',
    });
    const after = await t.ctx.db.selectFrom('ticket').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('issues only within opening hours (Asia/Ho_Chi_Minh)', async () => {
    const field = t.field('KD');
    const hours = [{ days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' }];
    await t.request('PUT', `/api/v1/manage/fields/${field.id}`, manager, { ...field, id: undefined, openingHours: hours });
    t.clock.set('2026-11-26T05:00:00Z'); // Thursday 12:00 in Hà Nội
    const closed = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: field.id });
    expect(closed.json().error.code).toBe('FIELD_CLOSED');
    expect(closed.json().error.message).toContain('T2–T6 07:30–11:30');
    t.clock.set('2026-11-26T01:00:00Z'); // Thursday 08:00
    expect((await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: field.id })).statusCode).toBe(201);
  });

  it('does not issue on a public holiday or a swapped day off, even inside the weekly hours', async () => {
    const field = t.field('KD');
    const hours = [{ days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' }];
    await t.request('PUT', `/api/v1/manage/fields/${field.id}`, manager, { ...field, id: undefined, openingHours: hours });
    t.clock.set('2026-04-27T02:00:00Z'); // Monday 09:00, the day in lieu of Hùng Kings' day (Sunday 26/4)
    const holiday = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: field.id });
    expect(holiday.statusCode).toBe(409);
    expect(holiday.json().error.code).toBe('CLOSED_FOR_HOLIDAY');
    expect(holiday.json().error.message).toContain('Giỗ Tổ Hùng Vương');
    // A field without weekly hours is open whenever the centre is: the holiday does not apply to it.
    expect((await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id })).statusCode).toBe(201);

    t.clock.set('2026-12-02T02:00:00Z'); // Wednesday 09:00, then made a day off by the admin
    expect((await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: field.id })).statusCode).toBe(201);
    await t.request('PUT', '/api/v1/manage/calendar/adjustments/2026-12-02', manager, { kind: 'swap-off', name: 'Nghỉ hoán đổi' });
    expect((await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: field.id })).json().error.code).toBe('CLOSED_FOR_HOLIDAY');
  });

  it('restarts numbers at local midnight and closes yesterday\'s open tickets', async () => {
    await drain();
    t.clock.set('2026-11-26T16:58:00Z'); // 23:58 on the 26th in Hà Nội
    await issue('HT');
    const late = await issue('HT');
    expect(late.displayNumber).toBe('1002');
    t.clock.set('2026-11-26T17:01:00Z'); // 00:01 on the 27th
    const first = await issue('HT');
    expect(first.displayNumber).toBe('1001');
    // Yesterday's waiting ticket is not called today, and the day roll-over cancels it.
    const called = (await callNext())!;
    expect(called.id).toBe(first.id);
    expect(await closePastDays(t.ctx)).toBeGreaterThan(0);
    const row = await t.ctx.db.selectFrom('ticket').select('status').where('id', '=', late.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    const event = await t.ctx.db
      .selectFrom('eventLog')
      .select('facts')
      .where('ticketId', '=', late.id)
      .where('type', '=', 'ticket.cancelled')
      .executeTakeFirstOrThrow();
    expect((event.facts as Record<string, unknown>)['reason']).toBe('day-ended');
  });
});
