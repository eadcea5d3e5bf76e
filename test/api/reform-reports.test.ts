import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReformReport, ReportRollup, ReportSubmission } from '../../src/contracts/reform-reports';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const BASE = '/api/v1/manage/reform-reports';

describe(`reform reports: schedules, submissions with pre-filled figures, late and missing, roll-up (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let head: string;
  let inspector: string;
  let centreUnit: string;
  let department: string;
  let otherDepartment: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    manager = await t.login('quanly');
    head = await t.login('truongphong');
    inspector = await t.login('thanhtra');
    const units = await t.ctx.db.selectFrom('orgUnit').select(['id', 'code', 'kind']).execute();
    centreUnit = units.find((u) => u.kind === 'centre')!.id;
    department = units.find((u) => u.code === 'P-VHXH')!.id;
    otherDepartment = units.find((u) => u.code === 'P-KTHTDT')!.id;
  });
  afterAll(async () => t?.close());

  it('a quarterly schedule asks every unit four times, due five working days after each quarter; past quarters show missing', async () => {
    const res = await t.request('POST', BASE, admin, { title: 'Báo cáo CCHC quý', kind: 'quarterly', year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    const reports = res.json() as ReformReport[];
    expect(reports.map((r) => [r.periodLabel, r.periodFrom, r.periodTo, r.dueDay])).toEqual([
      ['Quý I/2026', '2026-01-01', '2026-03-31', '2026-04-07'],
      ['Quý II/2026', '2026-04-01', '2026-06-30', '2026-07-07'],
      ['Quý III/2026', '2026-07-01', '2026-09-30', '2026-10-07'],
      // 31/12 is a Thursday; 1/1/2027 is New Year's Day.
      ['Quý IV/2026', '2026-10-01', '2026-12-31', '2027-01-08'],
    ]);
    // The clock is 25/11/2026: three quarters are overdue with every unit missing, the fourth is not due yet.
    const listed = (await t.request('GET', `${BASE}?year=2026`, admin)).json() as ReformReport[];
    const q3 = listed.find((r) => r.periodLabel === 'Quý III/2026')!;
    expect(q3.overdue).toBe(true);
    expect(q3.counts).toEqual({ asked: 4, submitted: 0, late: 0, missing: 4 });
    expect(listed.find((r) => r.periodLabel === 'Quý IV/2026')!.units.every((u) => u.state === 'pending')).toBe(true);
    // A unit head does not set schedules, and sees only its unit's line.
    expect((await t.request('POST', BASE, head, { title: 'x', kind: 'yearly', year: 2026 })).statusCode).toBe(403);
    const mine = (await t.request('GET', `${BASE}/${q3.id}`, head)).json() as ReformReport;
    expect(mine.units.map((u) => u.unitId)).toEqual([department]);
  });

  it('an ad-hoc request: units submit with figures pre-filled, a late one is marked, and the submissions roll up', async () => {
    const res = await t.request('POST', BASE, inspector, {
      title: 'Báo cáo đột xuất về giải quyết TTHC',
      kind: 'ad-hoc',
      year: 2026,
      periodFrom: '2026-01-01',
      periodTo: '2026-11-24',
      dueDay: '2026-11-27',
      unitIds: [centreUnit, department, otherDepartment],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [report] = res.json() as ReformReport[];
    expect(report!.units.map((u) => u.state)).toEqual(['pending', 'pending', 'pending']);
    const missingPeriod = await t.request('POST', BASE, admin, { title: 'x', kind: 'ad-hoc', year: 2026 });
    expect(missingPeriod.statusCode).toBe(400);
    expect(missingPeriod.json().error.message).toContain('báo cáo đột xuất cần kỳ báo cáo');

    // The centre: its figures come from its records, each with its link.
    const draft = (await t.request('GET', `${BASE}/${report!.id}/units/${centreUnit}`, manager)).json() as ReportSubmission;
    expect(draft).toMatchObject({ id: null, status: 'draft', state: 'pending', canEdit: true });
    const published = draft.figures.find((f) => f.key === 'procedures-published')!;
    expect(published.value).not.toBeNull();
    expect(published.link).toBe(`${BASE}/${report!.id}/units/${centreUnit}/figures/procedures-published`);
    // Before the unit submits, the inspector does not see its report or its records.
    expect((await t.request('GET', published.link!, inspector)).statusCode).toBe(404);
    const save = (auth: string, unitId: string, body: Record<string, unknown>) => t.request('PUT', `${BASE}/${report!.id}/units/${unitId}`, auth, body);
    const empty = await save(manager, centreUnit, { sections: { procedures: '  ' }, submit: true });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('báo cáo chưa có nội dung');
    const centreSent = await save(manager, centreUnit, { sections: { procedures: 'Trung tâm tiếp nhận đúng quy trình một cửa.', direction: 'Ban hành kế hoạch CCHC.' }, submit: true });
    expect(centreSent.statusCode, centreSent.body).toBe(200);
    expect(centreSent.json()).toMatchObject({ status: 'submitted', state: 'submitted', canEdit: false });
    expect((await save(manager, centreUnit, { sections: { procedures: 'sửa' } })).statusCode).toBe(400);

    // The department has no records here: its head enters the count by hand; it cannot report for another unit.
    expect((await save(head, otherDepartment, { sections: { procedures: 'x' } })).statusCode).toBe(404);
    const deptSent = await save(head, department, { sections: { procedures: 'Phòng đã rà soát 5 thủ tục.' }, figureOverrides: { 'dossiers-received': 12 }, submit: true });
    expect(deptSent.statusCode, deptSent.body).toBe(200);
    expect((deptSent.json() as ReportSubmission).figures.find((f) => f.key === 'dossiers-received')).toMatchObject({ value: 12, detail: 'Số liệu do đơn vị nhập', link: null });

    // After the deadline the third unit is missing; when it submits it is late.
    t.clock.set('2026-11-30T03:00:00Z');
    let status = (await t.request('GET', `${BASE}/${report!.id}`, inspector)).json() as ReformReport;
    expect(status.units.map((u) => [u.unitId, u.state])).toEqual([
      [centreUnit, 'submitted'],
      [department, 'submitted'],
      [otherDepartment, 'missing'],
    ]);
    expect(status.counts).toEqual({ asked: 3, submitted: 2, late: 0, missing: 1 });

    expect((await t.request('GET', published.link!, inspector)).body).toContain('1.004873');
    const rollup = (await t.request('GET', `${BASE}/${report!.id}/rollup`, inspector)).json() as ReportRollup;
    expect(rollup.missing).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị']);
    const procedures = rollup.sections.find((s) => s.key === 'procedures')!;
    expect(procedures.texts).toEqual([
      { unitName: 'Phòng Văn hóa – Xã hội', text: 'Phòng đã rà soát 5 thủ tục.' },
      { unitName: 'Trung tâm Phục vụ hành chính công phường Hà Đông', text: 'Trung tâm tiếp nhận đúng quy trình một cửa.' },
    ]);
    const received = procedures.figures.find((f) => f.key === 'dossiers-received')!;
    const centreReceived = (centreSent.json() as ReportSubmission).figures.find((f) => f.key === 'dossiers-received')!.value!;
    expect(received.value).toBe(centreReceived + 12);
    expect(received.how).toBe('Tổng của 2 đơn vị');

    // Printable (Word-friendly HTML) and Excel.
    const html = await t.request('GET', `${BASE}/${report!.id}/rollup?format=html`, inspector);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('BÁO CÁO TỔNG HỢP');
    expect(html.body).toContain('Phòng đã rà soát 5 thủ tục.');
    expect(html.body).toContain('Đơn vị chưa nộp báo cáo: Phòng Kinh tế, Hạ tầng và Đô thị.');
    const doc = await t.request('GET', `${BASE}/${report!.id}/rollup?format=doc`, admin);
    expect(doc.headers['content-disposition']).toContain('.doc');
    const xlsx = await t.request('GET', `${BASE}/${report!.id}/rollup?format=xlsx`, admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('Số liệu')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.some((r) => r.includes('Số hồ sơ tiếp nhận') && r.includes(centreReceived + 12))).toBe(true);
    // A unit head does not see the other units' figures.
    expect((await t.request('GET', `${BASE}/${report!.id}/rollup`, head)).statusCode).toBe(403);

    const admins = await t.login('admin');
    expect((await save(admins, otherDepartment, { sections: { issues: 'Thiếu nhân lực.' }, submit: true })).statusCode).toBe(200);
    status = (await t.request('GET', `${BASE}/${report!.id}`, admin)).json() as ReformReport;
    expect(status.units.find((u) => u.unitId === otherDepartment)!.state).toBe('late');
    expect(status.counts).toEqual({ asked: 3, submitted: 3, late: 1, missing: 0 });
  });
});
