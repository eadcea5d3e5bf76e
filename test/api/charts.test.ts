import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, DossierStatusReport, MonthlyRatesReport, PaknByCategory, QueueByTime } from '../../src/contracts/charts';
import type { DossierView, ProcedureSummary } from '../../src/contracts/dossier';
import { toJson } from '../../src/db/repositories/executor';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const APPLICANT = { fullName: 'Trần Thị Bình', idNumber: '001190012345', address: '5 Lý Thái Tổ', phone: '0987654321', email: null };

/**
 * A small hall history over October and November 2026, built through the API with the clock moved by
 * hand, and every chart figure worked out on paper:
 *
 * Queue (field HT, counter 1; local time = UTC+7)
 *   E  Fri 30/10 10:00 issued, called 10:05 (wait 300 s), rated 1 (dissatisfied)
 *   A  Mon 02/11 08:30 issued, called 08:40 (wait 600 s), rated 3 (very satisfied)
 *   B  Mon 02/11 08:45 issued, called 09:05 (wait 1200 s), rated 1 (dissatisfied)
 *   C  Mon 02/11 09:10 issued, called 09:15 (wait 300 s), not rated
 *   D  Tue 03/11 14:00 issued, called 14:30 (wait 1800 s), rated 2 (satisfied)
 *   → hour 8: 2 arrivals, waits 600/1200 (mean 900, p90 1200); hour 9: 1 (300); hour 10: 1 (300);
 *     hour 14: 1 (1800). Monday: 3 arrivals, waits 600/1200/300 (mean 700, p90 1200); Tuesday 1; Friday 1.
 *   → queue satisfaction: October 0/1 = 0 %; November 2/3 = 66.7 %.
 *
 * Dossiers (procedure 1.004873, three working days)
 *   D1 received Mon 05/10 09:00, all steps done the same day (early), returned; rated "satisfied" (Oct)
 *   D2 received Mon 05/10 09:00, never finished: overdue from Thu 08/10 17:00
 *   D3, D4 received Mon 02/11 09:00, all steps done the same day (early), waiting at the return desk;
 *      D3 rated "dissatisfied", D4 "very satisfied" (Nov)
 *   → on-time (766 2.1): October D1 good, D2 open overdue → 1/2 = 50 %;
 *     November D2 still overdue, D3 and D4 early → 2/3 = 66.67 %.
 *   → dossier satisfaction: October 1/1 = 100 %; November 1/2 = 50 %.
 */
describe(`charts for managers (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let manager: string;
  let officer: string;
  let kiosk: string;
  let ratingDevice: string;
  const dossierIds: Record<string, string> = {};

  const at = (iso: string) => t.clock.set(iso);
  const ok = async (method: string, url: string, auth: string, body?: unknown) => {
    const res = await t.request(method, url, auth, body);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** One visit: issued, called after `waitMinutes`, served two minutes, optionally rated. */
  async function visit(issuedAt: string, waitMinutes: number, rating: number | null): Promise<void> {
    at(issuedAt);
    const ticket = (await ok('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id })).ticket;
    t.clock.advance(waitMinutes * 60_000);
    const called = await ok('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer);
    expect(called.ticket.id).toBe(ticket.id);
    await ok('POST', `/api/v1/tickets/${ticket.id}/start`, officer);
    t.clock.advance(120_000);
    await ok('POST', `/api/v1/tickets/${ticket.id}/finish`, officer);
    if (rating !== null) await ok('POST', '/api/v1/ratings', ratingDevice, { ticketId: ticket.id, serveNo: 1, value: rating });
  }

  async function receiveDossier(receivedAt: string, finishSteps: boolean, returned: boolean): Promise<string> {
    at(receivedAt);
    const procedures = (await ok('GET', '/api/v1/procedures', officer)).procedures as ProcedureSummary[];
    const procedureId = procedures.find((p) => p.code === '1.004873')!.id;
    const d = (await ok('POST', '/api/v1/dossiers', officer, { channel: 'direct', applicant: APPLICANT, procedureId, documentsReceived: [0], outcome: 'receive' })) as DossierView;
    if (finishSteps) {
      let view = d;
      while (view.status === 'in-progress') {
        t.clock.advance(20 * 60_000);
        view = await ok('POST', `/api/v1/dossiers/${d.id}/actions`, officer, { action: 'finish-step', note: null });
      }
      expect(view.status).toBe('result-ready');
    }
    if (returned) await ok('POST', `/api/v1/dossiers/${d.id}/actions`, officer, { action: 'return', receivedBy: APPLICANT.fullName });
    return d.id;
  }

  /**
   * Dossier ratings are written straight into their table: the rating screen asks for one only after
   * a return at its counter, and these charts only read the table.
   */
  async function rateDossier(dossierId: string, reportsAs: 'very-satisfied' | 'satisfied' | 'dissatisfied', iso: string) {
    const row = await t.ctx.db.selectFrom('dossier').select(['centreId', 'procedureId', 'fieldName', 'receivedBy']).where('id', '=', dossierId).executeTakeFirstOrThrow();
    const value = { 'very-satisfied': 3, satisfied: 2, dissatisfied: 1 }[reportsAs];
    await t.ctx.db
      .insertInto('dossierRating')
      .values({ id: randomUUID(), dossierId, ...row, officerIds: toJson([]), value, scaleSize: 3, reportsAs, criteria: toJson([]), comment: null, source: 'counter', deviceId: null, at: iso })
      .execute();
  }

  /** A citizen files a complaint or suggestion about the centre on the public page. */
  async function filePakn(kind: 'complaint' | 'suggestion', category: string, iso: string) {
    at(iso);
    const content = `Nội dung ${kind} số ${iso} về nhóm ${category}`;
    const res = await t.request('POST', '/api/v1/public/pakn', null, { kind, category, subject: { kind: 'centre' }, content, anonymous: true });
    if (res.statusCode !== 201) throw new Error(`file PAKN: ${res.body}`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.login('quanly');
    officer = await t.login('canbo1');
    kiosk = await t.pairDevice('kiosk');
    ratingDevice = await t.pairDevice('rating', { counterId: t.counter(1).id });
    at('2026-10-05T01:00:00Z');
    await ok('POST', `/api/v1/counters/${t.counter(1).id}/open`, officer);

    dossierIds['D1'] = await receiveDossier('2026-10-05T02:00:00Z', true, true);
    dossierIds['D2'] = await receiveDossier('2026-10-05T02:00:00Z', false, false);
    await rateDossier(dossierIds['D1'], 'satisfied', '2026-10-05T06:00:00Z');

    await visit('2026-10-30T03:00:00Z', 5, 1);
    await visit('2026-11-02T01:30:00Z', 10, 3);
    await visit('2026-11-02T01:45:00Z', 20, 1);
    await visit('2026-11-02T02:10:00Z', 5, null);
    await visit('2026-11-03T07:00:00Z', 30, 2);

    dossierIds['D3'] = await receiveDossier('2026-11-02T02:00:00Z', true, false);
    dossierIds['D4'] = await receiveDossier('2026-11-02T02:00:00Z', true, false);
    await rateDossier(dossierIds['D3'], 'dissatisfied', '2026-11-04T03:00:00Z');
    await rateDossier(dossierIds['D4'], 'very-satisfied', '2026-11-04T03:00:00Z');

    await filePakn('complaint', 'attitude', '2026-11-05T03:00:00Z');
    await filePakn('complaint', 'attitude', '2026-11-06T03:00:00Z');
    await filePakn('suggestion', 'procedure', '2026-11-06T04:00:00Z');
    await filePakn('complaint', 'procedure', '2026-11-30T16:59:00Z'); // 23:59 on 30/11 in Hà Nội
    await filePakn('suggestion', 'procedure', '2026-10-31T16:59:00Z'); // 23:59 on 31/10: before the range

    at('2026-11-25T02:00:00Z');
  });
  afterAll(async () => t?.close());

  it('counts arrivals and waits by local hour of day and day of week, as the queue KPI table does', async () => {
    const chart = (await ok('GET', '/api/v1/manage/charts/queue-by-time?from=2026-10-01&to=2026-11-30', manager)) as QueueByTime;
    expect(chart.arrivals).toBe(5);
    expect(chart.daysWithArrivals).toBe(3);
    const hour = (h: number) => chart.byHour.find((s) => s.slot === h)!;
    expect(chart.byHour).toHaveLength(24);
    expect(hour(8)).toEqual({ slot: 8, arrivals: 2, waitSeconds: { count: 2, mean: 900, p50: 600, p90: 1200, max: 1200 } });
    expect(hour(9)).toMatchObject({ arrivals: 1, waitSeconds: { count: 1, mean: 300, p90: 300 } });
    expect(hour(10)).toMatchObject({ arrivals: 1, waitSeconds: { count: 1, mean: 300 } });
    expect(hour(14)).toMatchObject({ arrivals: 1, waitSeconds: { count: 1, mean: 1800, p90: 1800 } });
    expect(chart.byHour.filter((s) => ![8, 9, 10, 14].includes(s.slot)).every((s) => s.arrivals === 0 && s.waitSeconds.count === 0)).toBe(true);

    const day = (d: number) => chart.byWeekday.find((s) => s.slot === d)!;
    expect(chart.byWeekday.map((s) => s.slot)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(day(1)).toMatchObject({ arrivals: 3, waitSeconds: { count: 3, mean: 700, p90: 1200 } });
    expect(day(2)).toMatchObject({ arrivals: 1, waitSeconds: { mean: 1800 } });
    expect(day(5)).toMatchObject({ arrivals: 1, waitSeconds: { mean: 300 } });

    // The same numbers as the KPI table for the same days.
    const kpis = await ok('GET', '/api/v1/manage/kpis/queue?from=2026-10-01&to=2026-11-30', manager);
    expect(kpis.total.issued).toBe(chart.arrivals);
    expect(kpis.total.waitSeconds.count).toBe(chart.byHour.reduce((s, h) => s + h.waitSeconds.count, 0));
  });

  it('gives the on-time rate and both satisfaction rates month by month', async () => {
    const report = (await ok('GET', '/api/v1/manage/charts/monthly-rates?from=2026-10&to=2026-11', manager)) as MonthlyRatesReport;
    expect(report.months.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    const [october, november] = report.months;
    expect(october!.onTime).toEqual({ percent: 50, numerator: 1, denominator: 2 });
    expect(november!.onTime).toEqual({ percent: 66.67, numerator: 2, denominator: 3 });
    expect(october!.queueSatisfaction).toEqual({ percent: 0, numerator: 0, denominator: 1 });
    expect(november!.queueSatisfaction).toEqual({ percent: 66.7, numerator: 2, denominator: 3 });
    expect(october!.dossierSatisfaction).toEqual({ percent: 100, numerator: 1, denominator: 1 });
    expect(november!.dossierSatisfaction).toEqual({ percent: 50, numerator: 1, denominator: 2 });

    // December has not started on 25/11.
    const ahead = (await ok('GET', '/api/v1/manage/charts/monthly-rates?from=2026-11&to=2027-01', manager)) as MonthlyRatesReport;
    expect(ahead.months.map((m) => m.month)).toEqual(['2026-11']);

    // Each month equals the dossier KPI table and the queue KPI table for that month.
    for (const [month, last] of [['2026-10', '31'], ['2026-11', '30']] as const) {
      const figures = report.months.find((m) => m.month === month)!;
      const indicators = await ok('GET', `/api/v1/manage/indicators?from=${month}-01&to=${month}-${last}`, manager);
      expect(figures.onTime.percent).toBe(indicators.indicators['2.1'].value);
      const dossierKpis = await ok('GET', `/api/v1/manage/reports/dossier-kpis?from=${month}-01&to=${month}-${last}`, manager);
      expect(figures.onTime.percent).toBe(dossierKpis.total.onTimeRate);
      const queueKpis = await ok('GET', `/api/v1/manage/kpis/queue?from=${month}-01&to=${month}-${last}`, manager);
      expect(figures.queueSatisfaction.percent).toBe(queueKpis.total.ratings.satisfiedPercent);
    }
  });

  it('shows where dossiers stood at the end of each month, and what moved in it', async () => {
    const report = (await ok('GET', '/api/v1/manage/charts/dossier-status?from=2026-10-01&to=2026-12-31&unit=month', manager)) as DossierStatusReport;
    // December has not started on 25/11: no bucket for it.
    expect(report.buckets.map((b) => [b.key, b.from, b.to])).toEqual([
      ['2026-10', '2026-10-01', '2026-10-31'],
      ['2026-11', '2026-11-01', '2026-11-25'],
    ]);
    const [october, november] = report.buckets;
    expect(october).toMatchObject({ received: 2, finishedEarly: 1, finishedOnTime: 0, finishedLate: 0, returned: 1, openWithinTime: 0, openOverdue: 1, resultWaiting: 0, awaitingSupplement: 0, closedOther: 0 });
    expect(november).toMatchObject({ received: 2, finishedEarly: 2, returned: 0, openWithinTime: 0, openOverdue: 1, resultWaiting: 2 });

    const weeks = (await ok('GET', '/api/v1/manage/charts/dossier-status?from=2026-10-01&to=2026-10-11&unit=week', manager)) as DossierStatusReport;
    expect(weeks.buckets.map((b) => [b.key, b.from, b.to])).toEqual([
      ['2026-W40', '2026-10-01', '2026-10-04'],
      ['2026-W41', '2026-10-05', '2026-10-11'],
    ]);
    expect(weeks.buckets[0]).toMatchObject({ received: 0, openWithinTime: 0, openOverdue: 0 });
    expect(weeks.buckets[1]).toMatchObject({ received: 2, finishedEarly: 1, returned: 1, openOverdue: 1 });
  });

  it('counts complaints and suggestions by category within the period', async () => {
    const chart = (await ok('GET', '/api/v1/manage/charts/pakn-categories?from=2026-11-01&to=2026-11-30', manager)) as PaknByCategory;
    expect(chart.total).toBe(4);
    expect(chart.rows).toEqual([
      { category: 'attitude', label: 'Thái độ, tác phong phục vụ', complaints: 2, suggestions: 0, total: 2 },
      { category: 'procedure', label: 'Thủ tục, hồ sơ, giấy tờ', complaints: 1, suggestions: 1, total: 2 },
    ]);
    const english = await t.request('GET', '/api/v1/manage/charts/pakn-categories?from=2026-11-01&to=2026-11-30', `${manager}; motcua_lang=en`);
    // Equal totals: alphabetical in the reader's language.
    expect(english.json().rows.map((r: { label: string }) => r.label)).toEqual(['Procedures and documents', 'Staff attitude and conduct']);
  });

  it('compares counters and officers with the queue KPI rows', async () => {
    const byCounter = (await ok('GET', '/api/v1/manage/charts/comparison?from=2026-11-01&to=2026-11-30&by=counter', manager)) as Comparison;
    expect(byCounter.rows).toEqual([
      { key: t.counter(1).id, label: 'Quầy 1', served: 4, averageWaitSeconds: 975, averageServiceSeconds: 120, ratings: 3, satisfiedPercent: 66.7 },
    ]);
    const byOfficer = (await ok('GET', '/api/v1/manage/charts/comparison?from=2026-10-01&to=2026-11-30&by=officer', manager)) as Comparison;
    expect(byOfficer.rows).toHaveLength(1);
    expect(byOfficer.rows[0]).toMatchObject({ label: 'Nguyễn Thị Hương', served: 5, ratings: 4, satisfiedPercent: 50 });
  });

  it('is for managers only, and explains a bad range in Vietnamese', async () => {
    expect((await t.request('GET', '/api/v1/manage/charts/queue-by-time?from=2026-11-01&to=2026-11-30', officer)).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/charts/queue-by-time?from=2026-11-01&to=2026-11-30', null)).statusCode).toBe(401);
    const backwards = await t.request('GET', '/api/v1/manage/charts/queue-by-time?from=2026-11-30&to=2026-11-01', manager);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('phải sau ngày bắt đầu');
    const tooLong = await t.request('GET', '/api/v1/manage/charts/monthly-rates?from=2024-01&to=2026-11', manager);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('tối đa 24 tháng');
    expect((await t.request('GET', '/api/v1/manage/charts/monthly-rates?from=2026-13&to=2026-11', manager)).statusCode).toBe(400);
  });
});
