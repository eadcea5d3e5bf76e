/**
 * The Decision 766 indicators of November 2026, built through the real API (dossiers received and
 * handled at the counter, ratings from the Form 01 link, PAKN filed and handled), checked against
 * numbers worked out by hand; the CLI, in process and as a real process through a pipe, prints the
 * same numbers.
 *
 * Procedure 1.004873: 3 working days (office hours 08–12, 13–17); 1.013225: 15 calendar days.
 * November 2026 has no public holiday. All times local (UTC+7).
 *
 *   A  1.004873 direct  received Thu 29/10 09:00, due Tue 3/11 17:00, finished Mon 2/11 10:00   early (ended in Nov)
 *   B  1.004873 online  received Mon 2/11 09:00, due Thu 5/11 17:00, finished Wed 4/11 09:00    early   2 wd; returned, rated "không hài lòng"
 *   C  1.004873 direct  received Mon 2/11 09:00, due Thu 5/11 17:00, finished Mon 9/11 09:00    late    5 wd; returned, rated "rất hài lòng"; PAKN P3
 *   D  1.004873 direct  received Tue 3/11 09:00, due Fri 6/11 17:00, withdrawn Wed 4/11 10:00   early (withdrawal = its end)
 *   H  1.013225 direct  received Tue 10/11 09:00, due Wed 25/11 17:00, finished Fri 13/11 09:00 early   3 calendar days = 3 wd
 *   G  1.004873 direct  received Mon 16/11 09:00, due Thu 19/11 17:00, apology Wed 18/11 (→ 25/11), finished Thu 19/11 09:00
 *                       on time by the 766 rule (late only with apologyCountsAsLate)       3 wd; PAKN P1
 *   E  1.004873 postal  received Mon 23/11 09:00, due Thu 26/11 17:00, open on 30/11, finished Tue 1/12 09:00   open overdue; 6 wd
 *   F  1.004873 direct  received Fri 27/11 09:00, due Wed 2/12 17:00, open                       open within time
 *
 *   P1 about G, processing time, filed Fri 20/11, answered Mon 23/11, published Tue 24/11, citizen satisfied      on time
 *   P2 about the centre, facilities, filed Mon 2/11, never handled (answer due Mon 23/11 17:00)                   late
 *   P3 about C, attitude, filed Tue 10/11, rejected Wed 11/11 (due Thu 12/11 17:00)                               on time
 *   P4 about counter 1, attitude, filed Wed 4/11, answered Wed 25/11 10:00 (due 25/11 17:00), not published by
 *      Fri 27/11 17:00, citizen dissatisfied                                                                       late
 *
 * Report for 1/11–30/11 asked on Wed 2/12 09:00 (figures taken at 1/12 00:00):
 *   1.3  7 active procedures (6 demo ones without a result text + 1 imported national record with every part) → 1/7 = 14.29 %, 14.29/100 × 4 = 0.57
 *   2.1  counted A B C D E F G H = 8; good A B D F G H = 6 → 75 %, 15 points (with the apology policy: 5/8 = 62.5 %, 12.5)
 *   2.2  cohort received in Nov and finished by now: B 2, C 5, H 3, G 3, E 6 → 19/5 = 3.8 working days (A was received in
 *        October; F is not finished); per procedure: 1.004873 (2+5+3+6)/4 = 4 working days, 1.013225 3 days
 *   3.3  received in Nov: B C D E F G H = 7; online B → 14.29 %, 14.29/50 × 4 = 1.14; direct 5/7 = 71.43 %, postal 1/7 = 14.29 %
 *   5.1  4 PAKN: attitude 2, facilities 1, processing time 1
 *   5.2  P1 P3 on time / 4 = 50 % → 3 points
 *   5.3  answered with a verdict: P1 yes, P4 no → 50 %, 50/90 × 6 = 3.33
 *   5.4  over the 8 of 2.1: late C E = 25 %; PAKN or dislike B C G = 37.5 % → 100 − 25 − 37.5 = 37.5 %, 37.5/90 × 6 = 2.5
 *        (with the apology policy G is late too: 100 − 37.5 − 37.5 = 25 %)
 *   total 0.57 + 15 + 1.14 + 3 + 3.33 + 2.5 = 25.54 of 4 + 20 + 4 + 6 + 6 + 6 = 46
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, ProcedureSummary } from '../../src/contracts/dossier';
import type { IndicatorItems, IndicatorReport } from '../../src/contracts/indicators';
import { indicatorsJson, runIndicatorsCommand } from '../../src/cli/indicators-command';
import { openDatabase } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { listCentreCodes } from '../../src/db/repositories/indicator.repository';
import { createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

const ROOT = resolve(__dirname, '../..');
const APPLICANT = { fullName: 'Nguyễn Văn An', idNumber: '001085012345', address: '12 Hàng Bạc, Hoàn Kiếm', phone: '0912345678', email: null };
const local = (when: string) => new Date(`${when.replace(' ', 'T')}:00+07:00`).toISOString();

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';
const NATIONAL_RECORD = {
  ma_thu_tuc: '1.000894',
  ten_thu_tuc: 'Thủ tục đăng ký kết hôn',
  so_quyet_dinh: '1872/QĐ-BTP',
  cap_thuc_hien: 'Cấp xã',
  linh_vuc: 'Hộ tịch',
  co_quan_thuc_hien: 'Ủy ban nhân dân xã, phường',
  co_quan_co_tham_quyen: '',
  trinh_tu_thuc_hien: 'Bước 1: nộp hồ sơ. Bước 2: công chức tư pháp - hộ tịch kiểm tra.',
  cach_thuc_thuc_hien: `${HEADER}Trực tiếp3 Ngày làm việcMiễn phí`,
  thanh_phan_ho_so: '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký kết hôn theo mẫu1 bản chính',
  can_cu_phap_ly: 'Luật Hộ tịch 2014',
  ket_qua_xu_ly: 'Giấy chứng nhận kết hôn',
};

describe(`the Decision 766 indicators (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let database: TestDatabase;
  let dataDir: string | null = null;
  let officer: string;
  let manager: string;
  let admin: string;
  let procedures: ProcedureSummary[];
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  const pakn: Record<string, string> = {};
  const procedure = (code: string) => procedures.find((p) => p.code === code)!;

  const at = (when: string) => t.clock.set(local(when));
  const act = async (id: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', `/api/v1/dossiers/${id}/actions`, officer, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DossierView;
  };
  async function receive(name: string, when: string, code: string, channel: 'direct' | 'online' | 'postal', documentsReceived: number[]) {
    at(when);
    const res = await t.request('POST', '/api/v1/dossiers', officer, { channel, applicant: APPLICANT, procedureId: procedure(code).id, documentsReceived, outcome: 'receive' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as DossierView;
    ids[name] = d.id;
    codes[name] = d.code;
    return d;
  }
  async function finish(name: string, when: string) {
    at(when);
    let view = await act(ids[name]!, { action: 'finish-step', note: null });
    while (view.status === 'in-progress') view = await act(ids[name]!, { action: 'finish-step', note: null });
    expect(view.status).toBe('result-ready');
  }
  /** Returned at the desk, then rated on the public page with the token printed on Form 01. */
  async function returnAndRate(name: string, when: string, value: number) {
    at(when);
    const html = (await t.request('GET', `/api/v1/dossiers/${ids[name]}/forms/01`, officer)).body;
    const token = /lookup\?code=[^&<\s]+&amp;t=([A-Za-z0-9_-]+)/.exec(html)![1]!;
    await act(ids[name]!, { action: 'return', receivedBy: APPLICANT.fullName });
    t.clock.advance(5 * 60_000);
    const rated = await t.request('POST', `/api/v1/public/dossier-ratings/${encodeURIComponent(codes[name]!)}`, null, { token, value });
    expect(rated.statusCode, rated.body).toBe(201);
  }
  async function file(name: string, when: string, body: Record<string, unknown>) {
    at(when);
    const res = await t.request('POST', '/api/v1/public/pakn', null, { kind: 'complaint', anonymous: true, source: 'public', ...body });
    expect(res.statusCode, res.body).toBe(201);
    const code = (res.json() as { code: string }).code;
    const list = (await t.request('GET', '/api/v1/manage/pakn?status=all', manager)).json() as { id: string; code: string }[];
    pakn[name] = list.find((p) => p.code === code)!.id;
    pakn[`${name}:code`] = code;
  }
  async function handle(name: string, when: string, body: Record<string, unknown>) {
    at(when);
    const res = await t.request('POST', `/api/v1/manage/pakn/${pakn[name]}/actions`, manager, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  async function verdict(name: string, when: string, satisfied: boolean) {
    at(when);
    const res = await t.request('POST', `/api/v1/public/pakn/${pakn[`${name}:code`]}/verdict`, null, { satisfied });
    expect(res.statusCode, res.body).toBe(200);
  }
  const report = async (query = 'from=2026-11-01&to=2026-11-30') => {
    const res = await t.request('GET', `/api/v1/manage/indicators?${query}`, manager);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as IndicatorReport;
  };
  const items = async (id: string, query = '') => {
    const res = await t.request('GET', `/api/v1/manage/indicators/${id}/items?from=2026-11-01&to=2026-11-30${query}`, manager);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as IndicatorItems;
  };

  beforeAll(async () => {
    // On PGlite the database lives in a folder, so the CLI can open it as a real process afterwards.
    if (TEST_ENGINE === 'pglite') {
      dataDir = mkdtempSync(join(tmpdir(), 'motcua-indicators-'));
      const handle = await openDatabase({ dataDir });
      await migrateToLatest(handle.db);
      database = { handle, url: null, drop: () => handle.close() };
    } else {
      database = await createTestDatabase();
    }
    t = await createTestApp({ database });
    officer = await t.login('canbo1');
    manager = await t.login('quanly');
    admin = await t.login('admin');
    at('2026-10-28 09:00');
    const imported = await t.request('POST', '/api/v1/manage/catalogue/import', manager, {
      files: [{ name: 'ket-hon.json', contentBase64: Buffer.from(JSON.stringify(NATIONAL_RECORD), 'utf8').toString('base64') }],
    });
    expect(imported.json()).toMatchObject({ imported: 1 });
    procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures;

    const MARRIAGE = '1.004873';
    const BUILDING = '1.013225';
    await receive('A', '2026-10-29 09:00', MARRIAGE, 'direct', [0]);
    await receive('B', '2026-11-02 09:00', MARRIAGE, 'online', [0]);
    await receive('C', '2026-11-02 09:00', MARRIAGE, 'direct', [0]);
    await file('P2', '2026-11-02 09:30', { category: 'facilities', subject: { kind: 'centre' }, content: 'Phòng chờ của Trung tâm thiếu ghế ngồi vào buổi sáng.' });
    await finish('A', '2026-11-02 10:00');
    await receive('D', '2026-11-03 09:00', MARRIAGE, 'direct', [0]);
    await finish('B', '2026-11-04 09:00');
    await file('P4', '2026-11-04 09:00', { category: 'attitude', subject: { kind: 'counter', counterNumber: 1 }, content: 'Cán bộ quầy số 1 trả lời cộc lốc, không hướng dẫn rõ.' });
    await returnAndRate('B', '2026-11-04 10:00', 1);
    at('2026-11-04 10:00');
    await act(ids['D']!, { action: 'withdraw', reason: 'Công dân xin rút hồ sơ' });
    await finish('C', '2026-11-09 09:00');
    await returnAndRate('C', '2026-11-09 10:00', 3);
    await receive('H', '2026-11-10 09:00', BUILDING, 'direct', [0, 1, 2]);
    await file('P3', '2026-11-10 09:30', { category: 'attitude', subject: { kind: 'dossier', dossierCode: codes['C'] }, content: 'Hồ sơ của tôi bị trả chậm, cán bộ không giải thích lý do.' });
    await handle('P3', '2026-11-11 09:00', { action: 'reject', reason: 'no-content', note: 'Không nêu được sự việc cụ thể' });
    await finish('H', '2026-11-13 09:00');
    await receive('G', '2026-11-16 09:00', MARRIAGE, 'direct', [0]);
    at('2026-11-18 09:00');
    await act(ids['G']!, { action: 'apologise', reason: 'Chờ xác minh của cơ quan khác', newDueAt: '2026-11-25T17:00:00+07:00' });
    await finish('G', '2026-11-19 09:00');
    await file('P1', '2026-11-20 09:00', { category: 'processing-time', subject: { kind: 'dossier', dossierCode: codes['G'] }, content: 'Hồ sơ của tôi phải chờ thư xin lỗi, đề nghị rút ngắn thời gian.' });
    await handle('P1', '2026-11-23 09:00', { action: 'answer', text: 'Trung tâm đã trả kết quả đúng hẹn ban đầu và xin cảm ơn ý kiến của ông/bà.' });
    await receive('E', '2026-11-23 09:00', MARRIAGE, 'postal', [0]);
    await handle('P1', '2026-11-24 09:00', { action: 'publish' });
    await verdict('P1', '2026-11-24 10:00', true);
    await handle('P4', '2026-11-25 10:00', { action: 'answer', text: 'Trung tâm đã nhắc nhở cán bộ quầy số 1 về thái độ phục vụ.' });
    await verdict('P4', '2026-11-25 11:00', false);
    await receive('F', '2026-11-27 09:00', MARRIAGE, 'direct', [0]);
    await finish('E', '2026-12-01 09:00');
    at('2026-12-02 09:00');
  }, 240_000);

  let closed = false;
  const closeAll = async () => {
    if (closed) return;
    closed = true;
    await t?.close();
    await database?.drop();
  };
  afterAll(async () => {
    await closeAll();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('computes every indicator of November as worked out by hand', async () => {
    const r = await report();
    const pick = (id: string) => {
      const x = r.indicators[id as keyof typeof r.indicators];
      return { value: x.value, numerator: x.numerator, denominator: x.denominator, points: x.points, maxPoints: x.maxPoints, unit: x.unit };
    };
    expect(r.asOf).toBe(local('2026-12-01 00:00'));
    expect(r.apologyCountsAsLate).toBe(false);
    expect(pick('1.3')).toEqual({ value: 14.29, numerator: 1, denominator: 7, points: 0.57, maxPoints: 4, unit: '%' });
    expect(pick('2.1')).toEqual({ value: 75, numerator: 6, denominator: 8, points: 15, maxPoints: 20, unit: '%' });
    expect(pick('2.2')).toEqual({ value: 3.8, numerator: 19, denominator: 5, points: null, maxPoints: 0, unit: 'working-days' });
    expect(pick('3.3')).toEqual({ value: 14.29, numerator: 1, denominator: 7, points: 1.14, maxPoints: 4, unit: '%' });
    expect(pick('5.1')).toEqual({ value: 4, numerator: 4, denominator: null, points: null, maxPoints: 0, unit: 'count' });
    expect(pick('5.2')).toEqual({ value: 50, numerator: 2, denominator: 4, points: 3, maxPoints: 6, unit: '%' });
    expect(pick('5.3')).toEqual({ value: 50, numerator: 1, denominator: 2, points: 3.33, maxPoints: 6, unit: '%' });
    expect(pick('5.4')).toEqual({ value: 37.5, numerator: 3, denominator: 8, points: 2.5, maxPoints: 6, unit: '%' });
    expect(r.points).toBe(25.54);
    expect(r.maxPoints).toBe(46);

    for (const id of ['4.1', '4.2'] as const) {
      expect(r.indicators[id]).toMatchObject({ computable: false, value: null, points: null });
      expect(r.indicators[id].reason).toContain('số hóa');
    }
    expect(r.indicators['3.3'].extra.map((f) => [f.key, f.value])).toEqual([['direct', 71.43], ['postal', 14.29]]);
    expect(r.indicators['5.1'].extra.map((f) => [f.labelVi, f.value])).toEqual([
      ['Thái độ, tác phong phục vụ', 2],
      ['Cơ sở vật chất, trang thiết bị', 1],
      ['Thời gian giải quyết', 1],
    ]);
    expect(r.indicators['5.4'].extra.map((f) => [f.key, f.value, f.numerator])).toEqual([['late', 25, 2], ['pakn-or-dislike', 37.5, 3]]);
    expect(r.indicators['2.2'].extra[0]).toMatchObject({ key: 'unfinished', value: 1, numeratorIds: [ids['F']] });
    // Each figure names its dossiers.
    expect(new Set(r.indicators['2.1'].denominatorIds)).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((n) => ids[n])));
    expect(new Set(r.indicators['2.2'].numeratorIds)).toEqual(new Set(['B', 'C', 'E', 'G', 'H'].map((n) => ids[n])));
    expect(r.indicators['2.1'].formula).toContain('rút hồ sơ');
    expect(r.indicators['2.1'].formula).toContain('Giả định');
  });

  it('groups by procedure, each in its own unit, and opens the dossiers behind a figure with why they count', async () => {
    const r = await report('from=2026-11-01&to=2026-11-30&groupBy=procedure');
    expect(r.indicators['2.2'].groups.map((g) => [g.key, g.value, g.unit, g.denominator])).toEqual([
      ['1.004873', 4, 'working-days', 4],
      ['1.013225', 3, 'days', 1],
    ]);
    expect(r.indicators['2.1'].groups.map((g) => [g.key, g.numerator, g.denominator, g.value])).toEqual([
      ['1.004873', 5, 7, 71.43],
      ['1.013225', 1, 1, 100],
    ]);

    const onTime = await items('2.1');
    expect(onTime.items).toHaveLength(8);
    expect(onTime.items.filter((i) => i.inNumerator)).toHaveLength(6);
    const withdrawn = onTime.items.find((i) => i.id === ids['D'])!;
    expect(withdrawn).toMatchObject({ code: codes['D'], status: 'early', inNumerator: true, endAt: local('2026-11-04 10:00'), dueAt: local('2026-11-06 17:00') });
    expect(withdrawn.why).toContain('rút hồ sơ');
    expect(onTime.items.find((i) => i.id === ids['E'])).toMatchObject({ status: 'open-overdue', inNumerator: false });

    const deducted = await items('5.4', '&figure=pakn-or-dislike');
    expect(deducted.items.filter((i) => i.inNumerator).map((i) => i.code).sort()).toEqual([codes['B'], codes['C'], codes['G']].sort());
    expect(deducted.items.find((i) => i.id === ids['B'])!.why).toContain('không hài lòng');

    const averaged = await items('2.2', '&groupBy=procedure&group=1.004873');
    expect(averaged.items.map((i) => [i.code, i.measure]).sort()).toEqual(
      [[codes['B'], 2], [codes['C'], 5], [codes['E'], 6], [codes['G'], 3]].sort(),
    );
    const late = await items('5.2');
    expect(late.items.find((i) => i.id === pakn['P4'])).toMatchObject({ inNumerator: false, kind: 'pakn' });
    expect(late.items.find((i) => i.id === pakn['P4'])!.why).toContain('công khai');
  });

  it('counts an apology as late only when the centre sets it, everywhere the timeliness shows', async () => {
    // Admin sessions are short; the clock moved a month since beforeAll.
    admin = await t.login('admin');
    const on = await t.request('PUT', '/api/v1/manage/settings', admin, { apologyCountsAsLate: true });
    expect(on.statusCode, on.body).toBe(200);
    try {
      const r = await report();
      expect(r.apologyCountsAsLate).toBe(true);
      expect(r.indicators['2.1']).toMatchObject({ value: 62.5, numerator: 5, points: 12.5 });
      expect(r.indicators['5.4']).toMatchObject({ value: 25, numerator: 2 });
      const view = (await t.request('GET', `/api/v1/dossiers/${ids['G']}`, officer)).json() as DossierView;
      expect(view.timeliness).toBe('late');
      const kpis = (await t.request('GET', '/api/v1/manage/reports/dossier-kpis?from=2026-11-01&to=2026-11-30&groupBy=procedure', manager)).json();
      expect(kpis.total.onTimeRate).toBe(62.5);
    } finally {
      await t.request('PUT', '/api/v1/manage/settings', admin, { apologyCountsAsLate: false });
    }
    const view = (await t.request('GET', `/api/v1/dossiers/${ids['G']}`, officer)).json() as DossierView;
    expect(view.timeliness).toBe('on-time');
    const kpis = (await t.request('GET', '/api/v1/manage/reports/dossier-kpis?from=2026-11-01&to=2026-11-30&groupBy=field', manager)).json();
    expect(kpis.total.onTimeRate).toBe(75);
  });

  it('is for managers only, and refuses bad periods in Vietnamese', async () => {
    expect((await t.request('GET', '/api/v1/manage/indicators?from=2026-11-01&to=2026-11-30', officer)).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/indicators?from=2026-11-01&to=2026-11-30', null)).statusCode).toBe(401);
    const backwards = await t.request('GET', '/api/v1/manage/indicators?from=2026-11-30&to=2026-11-01', manager);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('ngày kết thúc');
    const impossible = await t.request('GET', '/api/v1/manage/indicators?from=2026-02-30&to=2026-03-01', manager);
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.message).toContain('2026-02-30');
  });

  it('the CLI prints the same numbers, in process and as a real process through a pipe', async () => {
    const api = await report();
    const expected = indicatorsJson(api);
    const inProcess = await runIndicatorsCommand({ from: '2026-11-01', to: '2026-11-30', centre: null }, { ctx: t.ctx, centres: await listCentreCodes(t.ctx.db) });
    expect(inProcess.code).toBe(0);
    expect(JSON.parse(inProcess.stdout)).toEqual(expected);

    // The real command on the same database (the embedded one must be closed first: one process at a time).
    let env: NodeJS.ProcessEnv;
    if (TEST_ENGINE === 'pglite') {
      await closeAll();
      env = { ...process.env, DATA_DIR: dataDir!, DATABASE_URL: '' };
    } else {
      env = { ...process.env, DATABASE_URL: database.url! };
    }
    const { stdout } = await promisify(execFile)('sh', ['-c', 'npm run -s cli -- indicators --from 2026-11-01 --to 2026-11-30 | cat'], { cwd: ROOT, env, timeout: 150_000 });
    const printed = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(printed).toEqual(expected);
    for (const id of ['2.1', '2.2', '5.4']) expect(Object.keys(printed[id]!)).toEqual(expect.arrayContaining(['name', 'value', 'points', 'maxPoints', 'numerator', 'denominator', 'unit']));
    expect(printed['2.1']).toMatchObject({ value: 75, points: 15, maxPoints: 20, numerator: 6, denominator: 8, unit: '%' });
  }, 200_000);
});
