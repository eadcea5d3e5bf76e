import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DossierView, ProcedureSummary } from '../../src/contracts/dossier';
import { listDossierRatings } from '../../src/db/repositories/dossier-rating.repository';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const APPLICANT = { fullName: 'Trần Thị Bình', idNumber: '001185012345', address: '5 Hàng Đào, Hoàn Kiếm', phone: '0912000111', email: null };
const FIVE_LEVELS = [
  { value: 5, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
  { value: 4, labelVi: 'Hài lòng', labelEn: 'Satisfied', reportsAs: 'satisfied' },
  { value: 3, labelVi: 'Bình thường', labelEn: 'Neutral', reportsAs: 'dissatisfied' },
  { value: 2, labelVi: 'Không hài lòng', labelEn: 'Not satisfied', reportsAs: 'dissatisfied' },
  { value: 1, labelVi: 'Rất không hài lòng', labelEn: 'Very dissatisfied', reportsAs: 'dissatisfied' },
];

describe(`dossier ratings: at the return counter and from the paper's QR (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let officer: string;
  let admin: string;
  let screen: string;
  let otherScreen: string;
  let procedures: ProcedureSummary[];
  const procedure = (code: string) => procedures.find((p) => p.code === code)!;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('canbo1');
    admin = await t.login('admin');
    screen = await t.pairDevice('rating', { counterId: t.counter(1).id });
    otherScreen = await t.pairDevice('rating', { counterId: t.counter(2).id });
    procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures;
    expect((await t.request('POST', `/api/v1/counters/${t.counter(1).id}/open`, officer)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());
  beforeEach(() => t.clock.set('2026-11-25T02:00:00Z'));

  const act = (id: string, body: Record<string, unknown>) => t.request('POST', `/api/v1/dossiers/${id}/actions`, officer, body);
  const storedRatings = async () => (await t.ctx.db.selectFrom('dossierRating').select('dossierId').execute()).map((r) => r.dossierId);

  /** Received and processed through every step: the result waits at the counter. */
  async function readyDossier(): Promise<DossierView> {
    const res = await t.request('POST', '/api/v1/dossiers', officer, {
      channel: 'direct',
      applicant: APPLICANT,
      procedureId: procedure('1.004873').id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    expect(res.statusCode).toBe(201);
    let view = res.json() as DossierView;
    while (view.status === 'in-progress') {
      t.clock.advance(20 * 60_000);
      view = (await act(view.id, { action: 'finish-step', note: null })).json();
    }
    expect(view.status).toBe('result-ready');
    return view;
  }

  /** The token the Form 01 QR code carries (the lookup address with code and t). */
  async function tokenFromForm01(id: string): Promise<{ url: string; code: string; token: string }> {
    const html = (await t.request('GET', `/api/v1/dossiers/${id}/forms/01`, officer)).body;
    const match = /Tra cứu hồ sơ: (\S+\/lookup\?code=([^&<\s]+)&amp;t=([A-Za-z0-9_-]+))/.exec(html);
    expect(match, 'Form 01 prints the lookup address with its token').not.toBeNull();
    return { url: match![1]!.replace(/&amp;/g, '&'), code: decodeURIComponent(match![2]!), token: match![3]! };
  }

  it('asks on the return counter’s rating screen after the visit’s own rating, binds the rating to the dossier and refuses a second one', async () => {
    const dossier = await readyDossier();
    // The citizen comes back with a ticket; the officer serves it and hands over the result.
    const kiosk = await t.pairDevice('kiosk');
    const ticket = (await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id })).json().ticket;
    expect((await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer)).json().ticket.id).toBe(ticket.id);
    await t.request('POST', `/api/v1/tickets/${ticket.id}/start`, officer);
    t.clock.advance(60_000);
    expect((await act(dossier.id, { action: 'return', receivedBy: 'Trần Thị Bình' })).json().status).toBe('returned');

    const pending = (await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending;
    expect(pending).toMatchObject({ dossierId: dossier.id, code: dossier.code, procedureName: dossier.procedureName });
    expect(pending.criteria.map((c: { key: string; labelVi: string }) => [c.key, c.labelVi])).toEqual([
      ['time', 'Thời gian giải quyết'],
      ['attitude', 'Thái độ của cán bộ'],
      ['guidance', 'Hướng dẫn, tiếp nhận'],
      ['result', 'Kết quả giải quyết'],
    ]);
    expect(pending.scale).toHaveLength(3);
    // Only the screen of the counter where it was returned asks.
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', otherScreen)).json().pending).toBeNull();
    const elsewhere = await t.request('POST', '/api/v1/dossier-ratings', otherScreen, { dossierId: dossier.id, value: 1 });
    expect(elsewhere.json().error.code).toBe('NOTHING_TO_RATE');

    // The service ends: the visit is rated first, the dossier is still asked about afterwards.
    t.clock.advance(60_000);
    await t.request('POST', `/api/v1/tickets/${ticket.id}/finish`, officer);
    expect((await t.request('GET', '/api/v1/ratings/pending', screen)).json().pending.ticketId).toBe(ticket.id);
    expect((await t.request('POST', '/api/v1/ratings', screen, { ticketId: ticket.id, serveNo: 1, value: 3 })).statusCode).toBe(201);
    t.clock.advance(100_000); // within 120 s of the end of the service
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending.dossierId).toBe(dossier.id);

    const rated = await t.request('POST', '/api/v1/dossier-ratings', screen, {
      dossierId: dossier.id,
      value: 3,
      criteria: [
        { key: 'result', value: 3 },
        { key: 'time', value: 2 },
      ],
      comment: '  Cán bộ hướng dẫn tận tình. ',
    });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({
      code: dossier.code,
      value: 3,
      scaleSize: 3,
      reportsAs: 'very-satisfied',
      source: 'counter',
      comment: 'Cán bộ hướng dẫn tận tình.',
      criteria: [
        { key: 'time', value: 2, reportsAs: 'satisfied' },
        { key: 'result', value: 3, reportsAs: 'very-satisfied' },
      ],
    });
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending).toBeNull();

    const again = await t.request('POST', '/api/v1/dossier-ratings', screen, { dossierId: dossier.id, value: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');

    // Bound to the dossier: procedure, field, the receiving officer and those of the steps.
    const row = await t.ctx.db.selectFrom('dossierRating').selectAll().where('dossierId', '=', dossier.id).executeTakeFirstOrThrow();
    const canbo1 = await t.ctx.db.selectFrom('appUser').select('id').where('username', '=', 'canbo1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ procedureId: dossier.procedureId, fieldName: dossier.fieldName, receivedBy: canbo1.id, source: 'counter', value: 3 });
    expect(row.officerIds).toEqual([canbo1.id]);
    expect(row.deviceId).not.toBeNull();

    // Live screens and later webhooks see it on the event log.
    const events = await t.ctx.db.selectFrom('eventLog').select(['type', 'counterId', 'facts']).where('type', 'in', ['rating.created', 'dossier.returned']).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['dossier.returned', 'rating.created']);
    expect(events[0]!.counterId).toBe(t.counter(1).id);
    expect(events[1]!.facts).toMatchObject({ dossierId: dossier.id, code: dossier.code, reportsAs: 'very-satisfied', source: 'counter' });

    // The officer sees it on the dossier.
    const seen = (await t.request('GET', `/api/v1/dossiers/${dossier.id}/rating`, officer)).json().rating;
    expect(seen.reportsAs).toBe('very-satisfied');
  });

  it('stops asking once the timeout has passed or the counter serves someone else', async () => {
    const dossier = await readyDossier();
    await act(dossier.id, { action: 'return', receivedBy: 'Trần Thị Bình' });
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending.dossierId).toBe(dossier.id);
    t.clock.advance(121_000);
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending).toBeNull();
    // A citizen still writing their comment may send a few minutes late, not later.
    t.clock.advance(300_000);
    const late = await t.request('POST', '/api/v1/dossier-ratings', screen, { dossierId: dossier.id, value: 3 });
    expect(late.json().error.code).toBe('NOTHING_TO_RATE');
    expect(await storedRatings()).not.toContain(dossier.id);

    // Handed over, then the next citizen is served at once: the question goes away with them.
    const next = await readyDossier();
    await act(next.id, { action: 'return', receivedBy: 'Trần Thị Bình' });
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending.dossierId).toBe(next.id);
    const kiosk = await t.pairDevice('kiosk');
    const ticket = (await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id })).json().ticket;
    await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer);
    expect((await t.request('POST', `/api/v1/tickets/${ticket.id}/start`, officer)).statusCode).toBe(200);
    expect((await t.request('GET', '/api/v1/dossier-ratings/pending', screen)).json().pending).toBeNull();
    t.clock.advance(60_000);
    await t.request('POST', `/api/v1/tickets/${ticket.id}/finish`, officer);
  });

  it('rates from the public page with the token of the paper, on a 5-level scale mapped to 3 as set, with criteria; a wrong token or an unreturned dossier is refused', async () => {
    // The centre uses the ministries' 5 levels and counts "Bình thường" as dissatisfied.
    const saved = await t.request('PUT', '/api/v1/manage/settings', admin, {
      ratingScale: FIVE_LEVELS,
      ratingCriteria: [
        { key: 'time', labelVi: 'Thời gian giải quyết', labelEn: 'Processing time' },
        { key: 'result', labelVi: 'Kết quả giải quyết', labelEn: 'Result' },
      ],
    });
    expect(saved.statusCode).toBe(200);

    const dossier = await readyDossier();
    const { url, code, token } = await tokenFromForm01(dossier.id);
    expect(code).toBe(dossier.code);
    expect(url).toContain(`/lookup?code=${encodeURIComponent(dossier.code)}&t=`);
    const page = (q: string) => t.request('GET', `/api/v1/public/dossier-ratings/${encodeURIComponent(code)}?t=${q}`, null);
    const post = (body: Record<string, unknown>) => t.request('POST', `/api/v1/public/dossier-ratings/${encodeURIComponent(code)}`, null, body);

    // Still being processed: it can be looked at, not rated.
    const before = (await page(token)).json();
    expect(before).toMatchObject({ code: dossier.code, status: 'result-ready', ratable: false, rating: null });
    const early = await post({ token, value: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DOSSIER_NOT_RETURNED');
    expect(early.json().error.message).toContain('chưa trả kết quả');

    await act(dossier.id, { action: 'return', receivedBy: 'Trần Thị Bình' });

    // The code alone (sequential, in the tracking book) is not enough.
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [forged, 'x']) {
      const res = await post({ token: bad, value: 1, comment: 'không phải của tôi' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('RATING_LINK_INVALID');
      expect(res.json().error.message).toContain('Đường dẫn đánh giá không đúng');
    }
    expect((await page(forged)).statusCode).toBe(403);
    const other = await readyDossier();
    const { token: otherToken } = await tokenFromForm01(other.id);
    expect((await post({ token: otherToken, value: 1 })).statusCode).toBe(403);
    expect(await storedRatings()).not.toContain(dossier.id);

    const open = (await page(token)).json();
    expect(open).toMatchObject({ status: 'returned', ratable: true, rating: null });
    expect(open.scale.map((o: { labelVi: string }) => o.labelVi)).toEqual(FIVE_LEVELS.map((o) => o.labelVi));
    expect(open.criteria.map((c: { key: string }) => c.key)).toEqual(['time', 'result']);

    const unknown = await post({ token, value: 4, criteria: [{ key: 'attitude', value: 4 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('không có tiêu chí');
    expect((await post({ token, value: 4, comment: 'x'.repeat(1001) })).statusCode).toBe(400);

    const rated = await post({ token, value: 3, via: 'lookup', criteria: [{ key: 'time', value: 5 }, { key: 'result', value: 4 }], comment: null });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({
      value: 3,
      scaleSize: 5,
      reportsAs: 'dissatisfied',
      source: 'lookup',
      criteria: [
        { key: 'time', value: 5, reportsAs: 'very-satisfied' },
        { key: 'result', value: 4, reportsAs: 'satisfied' },
      ],
    });

    const after = (await page(token)).json();
    expect(after.ratable).toBe(false);
    expect(after.rating).toMatchObject({ value: 3, reportsAs: 'dissatisfied' });
    const twice = await post({ token, value: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_RATED');

    // Reports read them by period.
    const all = await listDossierRatings(t.ctx.db, t.info.centre.id, new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    const mine = all.find((r) => r.dossierId === dossier.id)!;
    expect(mine).toMatchObject({ value: 3, scaleSize: 5, reportsAs: 'dissatisfied', source: 'lookup' });
    expect(mine.criteria).toEqual([
      { key: 'time', value: 5, reportsAs: 'very-satisfied' },
      { key: 'result', value: 4, reportsAs: 'satisfied' },
    ]);

    // The rating slip handed over with the result carries the rating page's address with the token.
    const slip = await t.request('GET', `/api/v1/dossiers/${dossier.id}/rating-slip`, officer);
    expect(slip.statusCode).toBe(200);
    expect(slip.body).toContain('PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG');
    expect(slip.body).toContain(`/danh-gia?code=${encodeURIComponent(dossier.code)}&amp;t=${token}`);
    expect(slip.body).toContain('Bình thường');
    expect((await t.request('GET', `/api/v1/dossiers/${other.id}/rating-slip`, officer)).statusCode).toBe(409);
  });

  it('refuses a scale or criteria that reports could not use, in Vietnamese', async () => {
    const noDislike = await t.request('PUT', '/api/v1/manage/settings', admin, {
      ratingScale: [
        { value: 3, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
        { value: 2, labelVi: 'Hài lòng', labelEn: 'Satisfied', reportsAs: 'satisfied' },
        { value: 1, labelVi: 'Bình thường', labelEn: 'Neutral', reportsAs: 'satisfied' },
      ],
    });
    expect(noDislike.statusCode).toBe(400);
    expect(noDislike.json().error.message).toContain('ít nhất một mức tính là "Không hài lòng"');

    const upsideDown = await t.request('PUT', '/api/v1/manage/settings', admin, {
      ratingScale: [
        { value: 3, labelVi: 'Không hài lòng', labelEn: 'Not satisfied', reportsAs: 'dissatisfied' },
        { value: 1, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
      ],
    });
    expect(upsideDown.statusCode).toBe(400);
    expect(upsideDown.json().error.message).toContain('từ tốt nhất đến kém nhất');

    const badKey = await t.request('PUT', '/api/v1/manage/settings', admin, { ratingCriteria: [{ key: 'Thái độ', labelVi: 'Thái độ', labelEn: 'Attitude' }] });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.message).toContain('mã tiêu chí');
    const tooMany = Array.from({ length: 13 }, (_, i) => ({ key: `c-${'abcdefghijklm'[i]}`, labelVi: `Tiêu chí ${i}`, labelEn: `Criterion ${i}` }));
    expect((await t.request('PUT', '/api/v1/manage/settings', admin, { ratingCriteria: tooMany })).json().error.message).toContain('tối đa 12 tiêu chí');
    const twice = [
      { key: 'time', labelVi: 'Thời gian', labelEn: 'Time' },
      { key: 'time', labelVi: 'Thời hạn', labelEn: 'Deadline' },
    ];
    expect((await t.request('PUT', '/api/v1/manage/settings', admin, { ratingCriteria: twice })).json().error.message).toContain('trùng mã');
  });
});
