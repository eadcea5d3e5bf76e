/**
 * The quarterly 9-indicator evaluation through the API on a worked example: two dossiers received
 * and handled through the real dossier API in Q4 2026, one rated through the public rating link;
 * the points, totals and grades worked out by hand below; the self-score and appraisal columns; the
 * dossiers behind a row; the workbook opened back.
 *
 * Procedure 1.004873 (3 working days) has the default steps: assign 3 h and issue 3 h (Bộ phận Một
 * cửa), appraise 12 h and submit 3 h (Công chức chuyên môn), sign 3 h (Lãnh đạo UBND).
 * Office hours 08–12, 13–17; every time below is Hà Nội time.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDossierList, EvaluationReport, EvaluationRow } from '../../src/contracts/api';
import type { DossierView, ProcedureSummary } from '../../src/contracts/dossier';
import { ratingToken } from '../../src/server/services/dossier-ratings';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const APPLICANT = { fullName: 'Trần Thị Bình', idNumber: '001190054321', address: '5 Lê Lợi, Hà Đông', phone: '0987654321', email: null };
const local = (when: string) => new Date(`${when.replace(' ', 'T')}:00+07:00`).toISOString();

describe(`the 9-indicator evaluation of Q4 2026 (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let canbo1: string;
  let canbo2: string;
  let manager: string;
  let a: DossierView;
  let b: DossierView;

  const at = (when: string) => t.clock.set(local(when));
  const act = (who: string, id: string, body: Record<string, unknown>) => t.request('POST', `/api/v1/dossiers/${id}/actions`, who, body);
  const finishStepAt = async (who: string, id: string, when: string) => {
    at(when);
    const res = await act(who, id, { action: 'finish-step', note: null });
    expect(res.statusCode).toBe(200);
    return res.json() as DossierView;
  };
  const report = async (by: string) => {
    const res = await t.request('GET', `/api/v1/manage/evaluation?quarter=2026-Q4&by=${by}`, manager);
    expect(res.statusCode).toBe(200);
    return res.json() as EvaluationReport;
  };
  const row = (r: EvaluationReport, label: string) => r.rows.find((x) => x.label === label)!;
  const computed = (r: EvaluationRow) => r.indicators.map((i) => i.computed);

  beforeAll(async () => {
    t = await createTestApp();
    canbo1 = await t.login('canbo1');
    canbo2 = await t.login('canbo2');
    manager = await t.login('quanly');
    const procedures = (await t.request('GET', '/api/v1/procedures', canbo1)).json().procedures as ProcedureSummary[];
    const procedureId = procedures.find((p) => p.code === '1.004873')!.id;

    /*
     * Dossier A (direct), received Wed 25/11 09:00 by canbo1, due Mon 30/11 17:00; canbo1 signs every step:
     *   assign   due 25/11 12:00, done 25/11 10:00 — same day: on time (1)
     *   appraise due 26/11 15:00, done 25/11 16:00 — early (2)
     *   submit   due 26/11 10:00, done 25/11 16:30 — early (2)
     *   sign     due 26/11 10:30, done 26/11 09:00 — on time (1)
     *   issue    due 26/11 12:00, done 26/11 11:00 — on time (1)
     * Finished 26/11 11:00: early. Returned 26/11 15:00, then rated "Rất hài lòng", attitude "Rất hài lòng".
     * Points: 1=2, 2=min(1,2,1)=1, 3=2 (no supplement), 4=2, 5=2, 6=2, 7=2, 8=2 (no PAKN), 9 — (direct).
     */
    at('2026-11-25 09:00');
    a = (await t.request('POST', '/api/v1/dossiers', canbo1, { procedureId, channel: 'direct', applicant: APPLICANT, documentsReceived: [0], outcome: 'receive' })).json();
    expect(a.dueAt).toBe(local('2026-11-30 17:00'));
    for (const when of ['2026-11-25 10:00', '2026-11-25 16:00', '2026-11-25 16:30', '2026-11-26 09:00']) await finishStepAt(canbo1, a.id, when);
    a = await finishStepAt(canbo1, a.id, '2026-11-26 11:00');
    expect(a.steps.map((s) => s.timeliness)).toEqual(['on-time', 'early', 'early', 'on-time', 'on-time']);
    expect(a.timeliness).toBe('early');
    at('2026-11-26 15:00');
    expect((await act(canbo1, a.id, { action: 'return', receivedBy: APPLICANT.fullName })).statusCode).toBe(200);
    const token = await ratingToken(t.ctx, t.info.centre.id, a.id);
    const rated = await t.request('POST', `/api/v1/public/dossier-ratings/${encodeURIComponent(a.code)}`, null, {
      token,
      value: 3,
      criteria: [
        { key: 'attitude', value: 3 },
        { key: 'time', value: 2 },
      ],
      comment: 'Cán bộ hướng dẫn tận tình',
    });
    expect(rated.statusCode).toBe(201);

    /*
     * Dossier B (online), received Thu 26/11 09:00 by canbo1; canbo2 asks for a supplement at 10:00
     * (the assign step had 2 h left), brought Fri 27/11 09:00; canbo2 finishes every step Fri 04/12
     * 10:00, long after the appointment: late. Steps: assign late (0); appraise 12 h from 04/12 10:00
     * is due Mon 07/12: early (2); submit, sign, issue (3 h) are due the same day: on time (1).
     * Not returned, not rated. Points: 1=0, 2=min(0,1,1)=0, 3=1 (one supplement), 4=2, 5 — (not
     * returned), 6=2, 7 — (no rating), 8=2, 9=0 (online and late).
     */
    at('2026-11-26 09:00');
    b = (await t.request('POST', '/api/v1/dossiers', canbo1, { procedureId, channel: 'online', applicant: APPLICANT, documentsReceived: [0], outcome: 'receive' })).json();
    at('2026-11-26 10:00');
    expect((await act(canbo2, b.id, { action: 'request-supplement', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }] })).statusCode).toBe(200);
    at('2026-11-27 09:00');
    expect((await act(canbo2, b.id, { action: 'complete-supplement' })).statusCode).toBe(200);
    at('2026-12-04 10:00');
    for (let i = 0; i < 5; i++) b = (await act(canbo2, b.id, { action: 'finish-step', note: null })).json();
    expect(b.status).toBe('result-ready');
    expect(b.timeliness).toBe('late');
    expect(b.steps.map((s) => s.timeliness)).toEqual(['late', 'early', 'on-time', 'on-time', 'on-time']);

    // Dossier C is still open at the end of the quarter: it waits for the quarter it ends in.
    at('2026-12-30 09:00');
    expect((await t.request('POST', '/api/v1/dossiers', canbo1, { procedureId, channel: 'direct', applicant: APPLICANT, documentsReceived: [0], outcome: 'receive' })).statusCode).toBe(201);

    // The quarter is compiled in January (a new day: log in again).
    at('2027-01-05 09:00');
    manager = await t.login('quanly');
    canbo1 = await t.login('canbo1');
  });
  afterAll(async () => t?.close());

  it('computes the centre: 13 of 18, Tốt, with the satisfaction of the one ballot', async () => {
    const r = await report('centre');
    expect(r.title).toBe('Quý IV năm 2026');
    expect(r.asOf).toBe(local('2027-01-01 00:00'));
    expect(r.rows).toHaveLength(1);
    const centre = r.total;
    expect(centre.dossiers).toBe(2);
    // 1 (2+0)/2; 2 (1+0)/2; 3 (2+1)/2; 4 2; 5 A only; 6 2; 7 A only; 8 2; 9 B only.
    expect(computed(centre)).toEqual([1, 0.5, 1.5, 2, 2, 2, 2, 2, 0]);
    expect(centre.computed).toMatchObject({ total: 13, max: 18, outOf18: 13, grade: 'good', gradeLabel: 'Tốt' });
    expect(centre.satisfaction).toEqual({ ratings: 1, dissatisfied: 0, satisfied: 0, verySatisfied: 1, percent: { dissatisfied: 0, satisfied: 0, verySatisfied: 100 } });
    expect(centre.criteria.find((c) => c.key === 'attitude')).toMatchObject({ answers: 1, average: 2 });
    expect(centre.criteria.find((c) => c.key === 'time')).toMatchObject({ answers: 1, average: 1 });
  });

  it('computes each unit on its own steps and each officer on the dossiers they handled', async () => {
    const units = await report('unit');
    expect(units.rows.map((x) => x.label)).toEqual(['Bộ phận Một cửa', 'Công chức chuyên môn', 'Lãnh đạo UBND']);
    // Indicator 2: Một cửa (1+0)/2, chuyên môn (2+1)/2, lãnh đạo (1+1)/2; the rest as the centre.
    expect(units.rows.map((x) => x.indicators[1]!.computed)).toEqual([0.5, 1.5, 1]);
    expect(units.rows.map((x) => x.computed?.outOf18)).toEqual([13, 14, 13.5]);
    expect(units.total.computed?.outOf18).toBe(13);

    const officers = await report('officer');
    // canbo2 handled B alone: 0+0+1+2+2+2+0 = 7 of the 14 computable points → 9 of 18: Khá.
    const minh = row(officers, 'Trần Văn Minh');
    expect(computed(minh)).toEqual([0, 0, 1, 2, null, 2, null, 2, 0]);
    expect(minh.computed).toMatchObject({ total: 7, max: 14, outOf18: 9, gradeLabel: 'Khá' });
    // canbo1 received both and signed A's steps: indicator 2 is A's steps (1) and B as a whole (0).
    const huong = row(officers, 'Nguyễn Thị Hương');
    expect(huong.dossiers).toBe(2);
    expect(huong.computed).toMatchObject({ total: 13, outOf18: 13, gradeLabel: 'Tốt' });
  });

  it('opens the dossiers behind a row with each point and why', async () => {
    const res = await t.request('GET', `/api/v1/manage/evaluation/2026-Q4/dossiers?by=unit&subject=${encodeURIComponent('Công chức chuyên môn')}`, manager);
    expect(res.statusCode).toBe(200);
    const list = res.json() as EvaluationDossierList;
    expect(list.dossiers.map((d) => d.code)).toEqual([a.code, b.code]);
    expect(list.dossiers.map((d) => d.indicators[1]!.points)).toEqual([2, 1]);
    const first = list.dossiers[0]!;
    expect(first.indicators.map((i) => i.points)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, null]);
    expect(first.indicators[6]).toMatchObject({ source: 'citizen', reasonText: 'Theo đánh giá của công dân về tiêu chí này' });
    expect(first.rating).toEqual({ reportsAs: 'very-satisfied', comment: 'Cán bộ hướng dẫn tận tình' });
    expect(list.dossiers[1]!.indicators[4]).toMatchObject({ points: null, reasonText: 'Kết quả chưa được trả trong kỳ' });

    // Only the dossiers that scored indicator 7 (A was rated).
    const rated = (await t.request('GET', '/api/v1/manage/evaluation/2026-Q4/dossiers?by=centre&indicator=7', manager)).json() as EvaluationDossierList;
    expect(rated.dossiers.map((d) => d.code)).toEqual([a.code]);
  });

  it('saves the self-score and appraisal columns, and refuses a bad score without changing anything', async () => {
    const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((indicator) => ({ indicator, selfScore: indicator === 2 ? 1.5 : 2, appraisalScore: indicator === 1 ? 1.5 : null }));
    const saved = await t.request('PUT', '/api/v1/manage/evaluation/scores', manager, { quarter: '2026-Q4', by: 'unit', subject: 'Bộ phận Một cửa', scores });
    expect(saved.statusCode).toBe(200);
    const unit = row(saved.json() as EvaluationReport, 'Bộ phận Một cửa');
    expect(unit.indicators.map((i) => i.selfScore)).toEqual([2, 1.5, 2, 2, 2, 2, 2, 2, 2]);
    expect(unit.self).toEqual({ total: 17.5, complete: true, grade: 'excellent', gradeLabel: 'Xuất sắc' });
    // One appraisal score of nine: a total but no grade yet.
    expect(unit.appraisal).toEqual({ total: 1.5, complete: false, grade: null, gradeLabel: null });

    const bad = await t.request('PUT', '/api/v1/manage/evaluation/scores', manager, {
      quarter: '2026-Q4',
      by: 'unit',
      subject: 'Bộ phận Một cửa',
      scores: [
        { indicator: 1, selfScore: 0, appraisalScore: 0 },
        { indicator: 3, selfScore: 2.5, appraisalScore: null },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.message).toContain('chỉ số 3, điểm tự chấm: điểm phải từ 0 đến 2');
    const after = row(await report('unit'), 'Bộ phận Một cửa');
    expect(after.indicators[0]).toMatchObject({ selfScore: 2, appraisalScore: 1.5 });

    const unknownOfficer = await t.request('PUT', '/api/v1/manage/evaluation/scores', manager, {
      quarter: '2026-Q4',
      by: 'officer',
      subject: '00000000-0000-4000-8000-000000000000',
      scores: [{ indicator: 1, selfScore: 1, appraisalScore: null }],
    });
    expect(unknownOfficer.statusCode).toBe(400);
    const unknownUnit = await t.request('PUT', '/api/v1/manage/evaluation/scores', manager, {
      quarter: '2026-Q4',
      by: 'unit',
      subject: 'Phòng Không Có',
      scores: [{ indicator: 1, selfScore: 1, appraisalScore: null }],
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().error.message).toContain('không có cơ quan, đơn vị "Phòng Không Có"');
    expect((await report('unit')).rows.map((x) => x.label)).toEqual(['Bộ phận Một cửa', 'Công chức chuyên môn', 'Lãnh đạo UBND']);
    expect((await t.request('GET', '/api/v1/manage/evaluation?quarter=2026-Q5&by=unit', manager)).statusCode).toBe(400);
  });

  it('is for managers only', async () => {
    expect((await t.request('GET', '/api/v1/manage/evaluation?quarter=2026-Q4&by=unit', canbo1)).statusCode).toBe(403);
    expect((await t.request('PUT', '/api/v1/manage/evaluation/scores', canbo1, { quarter: '2026-Q4', by: 'centre', subject: '', scores: [{ indicator: 1, selfScore: 2, appraisalScore: null }] })).statusCode).toBe(403);
  });

  it('exports the workbook units report in: title block, merged headers, one row per unit and the centre', async () => {
    const res = await t.request('GET', '/api/v1/manage/evaluation.xlsx?quarter=2026-Q4&by=unit', manager);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('danh-gia-9-chi-so-2026-Q4-unit.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.getCell('A4').value).toBe('BẢNG TỔNG HỢP ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(String(sheet.getCell('A5').value)).toContain('Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)');
    // Headers: STT, the unit, dossiers, then each indicator over its three columns.
    expect([sheet.getCell('A8').value, sheet.getCell('B8').value, sheet.getCell('C8').value]).toEqual(['STT', 'Cơ quan, đơn vị', 'Số hồ sơ']);
    expect(sheet.getCell('D8').value).toBe('1. Tổng thời gian giải quyết TTHC so với quy định');
    expect([sheet.getCell('D9').value, sheet.getCell('E9').value, sheet.getCell('F9').value]).toEqual(['Tính toán', 'Tự chấm', 'Thẩm định']);
    expect(sheet.getCell('AE8').value).toBe('Tổng điểm (tối đa 18)');
    expect(sheet.getCell('AH8').value).toBe('Xếp loại');
    expect(sheet.getCell('AK8').value).toBe('Tỷ lệ hài lòng (%)');
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A8:A9', 'D8:F8', 'AB8:AD8', 'AE8:AG8']));

    // Row 10: Bộ phận Một cửa — 2 dossiers; indicator 2 computed 0.5, self 1.5; total 13 / self 17.5; Tốt / Xuất sắc.
    const first = sheet.getRow(10);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(3).value]).toEqual([1, 'Bộ phận Một cửa', 2]);
    expect([first.getCell(7).value, first.getCell(8).value, first.getCell(9).value]).toEqual([0.5, 1.5, null]);
    expect([first.getCell(4).value, first.getCell(5).value, first.getCell(6).value]).toEqual([1, 2, 1.5]);
    expect([first.getCell(31).value, first.getCell(32).value, first.getCell(33).value]).toEqual([13, 17.5, null]);
    expect([first.getCell(34).value, first.getCell(35).value]).toEqual(['Tốt', 'Xuất sắc']);
    expect([first.getCell(37).value, first.getCell(38).value, first.getCell(39).value, first.getCell(40).value]).toEqual([0, 0, 100, 1]);
    // The last row is the whole centre.
    const total = sheet.getRow(13);
    expect(total.getCell(2).value).toBe('Toàn cơ quan');
    expect(total.getCell(31).value).toBe(13);
  });
});
