import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

describe(`a visit from kiosk to rating (${TEST_ENGINE})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('issues, calls, serves, finishes and rates one ticket', async () => {
    const kiosk = await t.pairDevice('kiosk');
    const counter = t.counter(1);
    const rating = await t.pairDevice('rating', { counterId: counter.id });
    const officer = await t.login('canbo1');

    const issued = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id });
    expect(issued.statusCode).toBe(201);
    const ticket = issued.json().ticket;
    expect(ticket.displayNumber).toBe('1001');
    expect(issued.json().counterNumbers).toEqual([1, 2, 3]);

    expect((await t.request('POST', `/api/v1/counters/${counter.id}/open`, officer)).statusCode).toBe(200);
    const called = await t.request('POST', `/api/v1/counters/${counter.id}/call-next`, officer);
    expect(called.json().ticket.id).toBe(ticket.id);
    expect(called.json().ticket.status).toBe('called');

    const board = (await t.request('GET', '/api/v1/display/state', officer)).json();
    expect(board.recentCalls[0].text).toBe('Mời công dân có số 1 0 0 1 đến quầy số 1');

    t.clock.advance(30_000);
    expect((await t.request('POST', `/api/v1/tickets/${ticket.id}/start`, officer)).json().status).toBe('serving');
    t.clock.advance(300_000);
    expect((await t.request('POST', `/api/v1/tickets/${ticket.id}/finish`, officer)).json().status).toBe('done');

    const pending = (await t.request('GET', '/api/v1/ratings/pending', rating)).json().pending;
    expect(pending.ticketId).toBe(ticket.id);
    expect(pending.officerName).toBe('Nguyễn Thị Hương');
    const rated = await t.request('POST', '/api/v1/ratings', rating, { ticketId: ticket.id, serveNo: 1, value: 3 });
    expect(rated.statusCode).toBe(201);
    const again = await t.request('POST', '/api/v1/ratings', rating, { ticketId: ticket.id, serveNo: 1, value: 1 });
    expect(again.json().error.code).toBe('ALREADY_RATED');

    const manager = await t.login('quanly');
    const kpis = (await t.request('GET', '/api/v1/manage/kpis/queue', manager)).json();
    expect(kpis.total.issued).toBe(1);
    expect(kpis.total.served).toBe(1);
    expect(kpis.total.walkSeconds.mean).toBe(30);
    expect(kpis.total.serviceSeconds.mean).toBe(300);
    expect(kpis.total.ratings.verySatisfied).toBe(1);
  });
});
