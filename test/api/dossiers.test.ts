import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DossierView, ProcedureSummary } from '../../src/contracts/dossier';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const APPLICANT = { fullName: 'Nguyễn Văn An', idNumber: '001085012345', address: '12 Hàng Bạc, Hoàn Kiếm', phone: '0912345678', email: null };

describe(`dossiers from the counter to the return desk (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let officer: string;
  let manager: string;
  let procedures: ProcedureSummary[];
  const procedure = (code: string) => procedures.find((p) => p.code === code)!;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('canbo1');
    manager = await t.login('quanly');
    procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures;
  });
  afterAll(async () => t?.close());
  // Each case starts on Wednesday 25/11/2026 at 09:00 in Hà Nội.
  beforeEach(() => t.clock.set('2026-11-25T02:00:00Z'));

  const receive = (body: Record<string, unknown>) => t.request('POST', '/api/v1/dossiers', officer, { channel: 'direct', applicant: APPLICANT, ...body });
  const act = (id: string, body: Record<string, unknown>) => t.request('POST', `/api/v1/dossiers/${id}/actions`, officer, body);

  it('finds procedures by words without diacritics, the ticket field first', async () => {
    const found = (await t.request('GET', `/api/v1/procedures?q=${encodeURIComponent('xac nhan tinh trang hon nhan')}`, officer)).json().procedures;
    expect(found.map((p: ProcedureSummary) => p.code)).toEqual(['1.004873']);
    const forCertification = (await t.request('GET', `/api/v1/procedures?fieldId=${t.field('CT').id}`, officer)).json().procedures;
    expect(forCertification[0].fieldName).toBe('Chứng thực');
  });

  it('receives a complete dossier: code, appointment in working days, Form 01 with its QR; then steps, result and return', async () => {
    // Wednesday 25/11/2026 09:00: three working days → Monday 30/11 at the end of office hours.
    const res = await receive({ procedureId: procedure('1.004873').id, documentsReceived: [0], outcome: 'receive' });
    expect(res.statusCode).toBe(201);
    const d = res.json() as DossierView;
    expect(d.code).toMatch(/-261125-0001$/);
    expect(d.status).toBe('in-progress');
    expect(d.dueAt).toBe('2026-11-30T10:00:00.000Z');
    expect(d.processingTimeText).toBe('3 ngày làm việc');
    expect(d.steps).toHaveLength(5);
    expect(d.actions).toContain('finish-step');
    expect(d.forms).toEqual(['01', '06']);

    const form01 = await t.request('GET', `/api/v1/dossiers/${d.id}/forms/01`, officer);
    expect(form01.statusCode).toBe(200);
    expect(form01.headers['content-type']).toContain('text/html');
    expect(form01.body).toContain(d.code);
    expect(form01.body).toContain('Nguyễn Văn An');
    expect(form01.body).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect((await t.request('GET', `/api/v1/dossiers/${d.id}/forms/04`, officer)).statusCode).toBe(404);

    // Returning a result never produced is refused and changes nothing.
    const early = await act(d.id, { action: 'return', receivedBy: 'Nguyễn Văn An' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DOSSIER_TRANSITION');
    expect(early.json().error.message).toContain('trả kết quả');

    let view = d;
    for (let i = 0; i < 5; i++) {
      t.clock.advance(30 * 60_000);
      view = (await act(d.id, { action: 'finish-step', note: null })).json();
    }
    expect(view.status).toBe('result-ready');
    expect(view.timeliness).toBe('early');
    const returned = (await act(d.id, { action: 'return', receivedBy: 'Nguyễn Văn An' })).json() as DossierView;
    expect(returned.status).toBe('returned');
    expect(returned.returnedTo).toBe('Nguyễn Văn An');
    expect(returned.events.map((e) => e.type)).toEqual([
      'dossier.received',
      ...Array(5).fill('dossier.step-finished'),
      'dossier.result-ready',
      'dossier.returned',
    ]);

    // The citizen's lookup shows the progress and nothing personal.
    const lookup = await t.request('GET', `/api/v1/public/dossiers/${encodeURIComponent(d.code)}`, null);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json().status).toBe('returned');
    expect(lookup.json().applicantInitials).toBe('N. V. A.');
    expect(lookup.body).not.toContain('Nguyễn Văn An');
    expect(lookup.body).not.toContain('001085012345');
  });

  it('applies the 15:00 rule to same-day procedures', async () => {
    t.clock.set('2026-11-27T08:01:00Z'); // Friday 15:01 in Hà Nội
    const d = (await receive({ procedureId: procedure('1.001193').id, documentsReceived: [0, 1], outcome: 'receive' })).json() as DossierView;
    expect(d.dueAt).toBe('2026-11-30T10:00:00.000Z'); // next working day, Monday 17:00
  });

  it('will not receive a dossier missing a mandatory document, and gives Form 02 listing every missing item instead', async () => {
    const before = (await t.request('GET', '/api/v1/dossiers', officer)).json().dossiers.length;
    const refused = await receive({ procedureId: procedure('1.001612').id, documentsReceived: [], outcome: 'receive' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DOCUMENTS_MISSING');
    expect(refused.json().error.message).toContain('Giấy đề nghị đăng ký hộ kinh doanh');
    expect((await t.request('GET', '/api/v1/dossiers', officer)).json().dossiers.length).toBe(before);

    const incomplete = await receive({
      procedureId: procedure('1.001612').id,
      documentsReceived: [],
      outcome: 'incomplete',
      missingItems: [
        { name: 'Giấy đề nghị đăng ký hộ kinh doanh', reason: 'Chưa có' },
        { name: 'Bản sao CCCD của chủ hộ', reason: 'Bản sao chưa chứng thực' },
      ],
    });
    expect(incomplete.statusCode).toBe(201);
    const d = incomplete.json() as DossierView;
    expect(d.status).toBe('incomplete');
    expect(d.dueAt).toBeNull();
    const form02 = (await t.request('GET', `/api/v1/dossiers/${d.id}/forms/02`, officer)).body;
    expect(form02).toContain('Giấy đề nghị đăng ký hộ kinh doanh');
    expect(form02).toContain('Bản sao chưa chứng thực');

    // The citizen comes back with everything: the clock starts now.
    t.clock.advance(3600_000);
    const received = (await act(d.id, { action: 'receive', documentsReceived: [0] })).json() as DossierView;
    expect(received.status).toBe('in-progress');
    expect(received.receivedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it('refuses at the counter with a legal reason (Form 03), and requires the reason', async () => {
    const noReason = await receive({ procedureId: procedure('1.001612').id, documentsReceived: [], outcome: 'refuse', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await receive({ procedureId: procedure('1.001612').id, documentsReceived: [], outcome: 'refuse', reason: 'Không thuộc thẩm quyền giải quyết của UBND phường' });
    expect(res.json().status).toBe('refused');
    expect((await t.request('GET', `/api/v1/dossiers/${res.json().id}/forms/03`, officer)).body).toContain('Không thuộc thẩm quyền');
  });

  it('pauses the clock for a supplement, counts a second request as late, and allows one apology only', async () => {
    const d = (await receive({ procedureId: procedure('1.004873').id, documentsReceived: [0], outcome: 'receive' })).json() as DossierView;
    const asked = (await act(d.id, { action: 'request-supplement', items: [{ name: 'Giấy tờ tùy thân', reason: 'Hết hạn' }] })).json() as DossierView;
    expect(asked.status).toBe('supplement-requested');
    expect((await t.request('GET', `/api/v1/public/dossiers/${d.code}`, null)).json().missingItems).toEqual([{ name: 'Giấy tờ tùy thân', reason: 'Hết hạn' }]);
    // Two working days later the citizen brings it: the appointment moves by the same two days.
    t.clock.set('2026-11-27T02:00:00Z');
    const resumed = (await act(d.id, { action: 'complete-supplement' })).json() as DossierView;
    expect(resumed.status).toBe('in-progress');
    expect(resumed.dueAt).toBe('2026-12-02T10:00:00.000Z');

    const apology = await act(d.id, { action: 'apologise', reason: 'Chờ xác minh của cơ quan khác', newDueAt: '2026-12-04T17:00:00+07:00' });
    expect(apology.statusCode).toBe(200);
    expect(apology.json().extendedDueAt).toBe('2026-12-04T10:00:00.000Z');
    expect(apology.json().forms).toContain('04');
    const again = await act(d.id, { action: 'apologise', reason: 'Lần hai', newDueAt: '2026-12-08T17:00:00+07:00' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APOLOGY_ALREADY_ISSUED');
    expect((await t.request('GET', `/api/v1/dossiers/${d.id}`, officer)).json().apology.newDueAt).toBe('2026-12-04T10:00:00.000Z');
  });

  it('keeps the version a dossier was received under when the manager edits the procedure', async () => {
    const p = procedure('2.000908');
    const d = (await receive({ procedureId: p.id, documentsReceived: [0], outcome: 'receive' })).json() as DossierView;
    const detail = (await t.request('GET', `/api/v1/procedures/${p.id}`, manager)).json();
    const edited = await t.request('PUT', `/api/v1/manage/procedures/${p.id}`, manager, {
      name: detail.current.name,
      fieldName: detail.fieldName,
      fieldId: detail.fieldId,
      active: true,
      rules: detail.current.rules.map((r: Record<string, unknown>) => ({ ...r, amount: 2, unit: 'working-days' })),
      documents: detail.current.documents,
      steps: detail.current.steps,
      cutoff: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().current.version).toBe(2);
    const again = (await t.request('GET', `/api/v1/dossiers/${d.id}`, officer)).json() as DossierView;
    expect(again.procedureVersion).toBe(1);
    expect(again.dueAt).toBe(d.dueAt);
    const committedLonger = await t.request('PUT', `/api/v1/manage/procedures/${p.id}`, manager, {
      ...edited.json().current,
      fieldName: detail.fieldName,
      fieldId: detail.fieldId,
      active: true,
      rules: [{ channel: 'direct', amount: 2, unit: 'working-days', committedAmount: 5, feeDong: 0, feeText: '', description: '' }],
    });
    expect(committedLonger.statusCode).toBe(400);
    expect((await t.request('GET', `/api/v1/procedures/${p.id}`, manager)).json().current.version).toBe(2);
  });

  it('answers the calendar over the API with the same rules as the CLI', async () => {
    const days = (await t.request('GET', '/api/v1/calendar/holidays?year=2026', null)).json().days;
    expect(days).toContainEqual(expect.objectContaining({ date: '2026-02-17', kind: 'holiday' }));
    expect(days).toContainEqual(expect.objectContaining({ date: '2026-04-27', kind: 'compensatory' }));
    const due = await t.request('GET', `/api/v1/calendar/due?received=${encodeURIComponent('2026-02-13T15:01:00+07:00')}&amount=1&unit=same-day`, null);
    expect(due.json()).toEqual({ due: '2026-02-23T17:00:00+07:00' });
    const bad = await t.request('GET', `/api/v1/calendar/due?received=2026-02-30T09:00:00%2B07:00&amount=1&unit=working-days`, null);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_DATE');
    const unit = await t.request('GET', `/api/v1/calendar/due?received=2026-02-10T09:00:00%2B07:00&amount=1&unit=weeks`, null);
    expect(unit.json().error.code).toBe('UNKNOWN_UNIT');
  });

  it('lets the manager swap a day and the appointments follow', async () => {
    // Make Thursday 26/11/2026 a day off: three working days from Wednesday now end on Tuesday.
    const put = await t.request('PUT', '/api/v1/manage/calendar/adjustments/2026-11-26', manager, { kind: 'swap-off', name: 'Thử nghiệm hoán đổi' });
    expect(put.statusCode).toBe(200);
    expect(put.json().days).toContainEqual({ date: '2026-11-26', kind: 'swap-off', name: 'Thử nghiệm hoán đổi' });
    const d = (await receive({ procedureId: procedure('1.004873').id, documentsReceived: [0], outcome: 'receive' })).json() as DossierView;
    expect(d.dueAt).toBe('2026-12-01T10:00:00.000Z');
    expect((await t.request('DELETE', '/api/v1/manage/calendar/adjustments/2026-11-26', manager)).statusCode).toBe(200);
    const officerTry = await t.request('PUT', '/api/v1/manage/calendar/adjustments/2026-11-27', officer, { kind: 'swap-off', name: 'x' });
    expect(officerTry.statusCode).toBe(403);
    const impossible = await t.request('PUT', '/api/v1/manage/calendar/adjustments/2026-02-30', manager, { kind: 'swap-off', name: 'x' });
    expect(impossible.json().error.code).toBe('INVALID_DATE');
  });

  it('gives the manager the tracking book (JSON, Excel, print) and on-time rates', async () => {
    t.clock.set('2026-12-01T03:00:00Z');
    const book = await t.request('GET', '/api/v1/manage/reports/tracking-book?from=2026-11-01&to=2026-11-30', manager);
    expect(book.statusCode).toBe(200);
    const rows = book.json().rows;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0].index).toBe(1);
    expect(rows.every((r: { receivedAt: string | null }) => r.receivedAt)).toBe(true);

    const xlsx = await t.request('GET', '/api/v1/manage/reports/tracking-book?from=2026-11-01&to=2026-11-30&format=xlsx', manager);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const codes: string[] = [];
    sheet.eachRow((row) => codes.push(String(row.getCell(2).value ?? '')));
    expect(codes).toContain(rows[0].code);

    const html = await t.request('GET', '/api/v1/manage/reports/tracking-book?from=2026-11-01&to=2026-11-30&format=html', manager);
    expect(html.body).toContain('SỔ THEO DÕI HỒ SƠ');

    const kpis = (await t.request('GET', '/api/v1/manage/reports/dossier-kpis?from=2026-11-01&to=2026-11-30&groupBy=field', manager)).json();
    expect(kpis.total.received).toBeGreaterThanOrEqual(4);
    expect(kpis.total.early).toBeGreaterThanOrEqual(1);
    expect(kpis.rows.map((r: { key: string }) => r.key)).toContain('Hộ tịch');
    const byOfficer = (await t.request('GET', '/api/v1/manage/reports/dossier-kpis?from=2026-11-01&to=2026-11-30&groupBy=officer', manager)).json();
    expect(byOfficer.rows.map((r: { key: string }) => r.key)).toContain('Nguyễn Thị Hương');
    const officerTry = await t.request('GET', '/api/v1/manage/reports/dossier-kpis?from=2026-11-01&to=2026-11-30', officer);
    expect(officerTry.statusCode).toBe(403);
  });

  it('asks for the agency code when the centre code cannot head a dossier code', async () => {
    const admin = await t.login('admin');
    const centre = t.info.centre;
    await t.request('PUT', '/api/v1/manage/centre', admin, { code: 'PHUONG-HD', name: centre.name, shortName: centre.shortName, address: centre.address });
    const count = (await t.request('GET', '/api/v1/dossiers', officer)).json().dossiers.length;
    const refused = await receive({ procedureId: procedure('2.000908').id, documentsReceived: [0], outcome: 'receive' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('AGENCY_CODE_MISSING');
    expect(refused.json().error.message).toContain('Danh mục thủ tục');
    expect((await t.request('GET', '/api/v1/dossiers', officer)).json().dossiers.length).toBe(count);
    expect((await t.request('PUT', '/api/v1/manage/settings', admin, { agencyCode: '000.21.35.H26' })).statusCode).toBe(200);
    const received = await receive({ procedureId: procedure('2.000908').id, documentsReceived: [0], outcome: 'receive' });
    expect(received.json().code).toMatch(/^000\.21\.35\.H26-261125-\d{4}$/);
    await t.request('PUT', '/api/v1/manage/centre', admin, { code: centre.code, name: centre.name, shortName: centre.shortName, address: centre.address });
    await t.request('PUT', '/api/v1/manage/settings', admin, { agencyCode: '' });
  });

  it('rejects bad input with the field named, and changes nothing', async () => {
    const count = (await t.request('GET', '/api/v1/dossiers', officer)).json().dossiers.length;
    const badId = await receive({ procedureId: procedure('1.004873').id, documentsReceived: [0], outcome: 'receive', applicant: { ...APPLICANT, idNumber: 'abc' } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain('idNumber');
    const badDoc = await receive({ procedureId: procedure('1.004873').id, documentsReceived: [7], outcome: 'receive' });
    expect(badDoc.statusCode).toBe(400);
    expect(badDoc.json().error.message).toContain('documentsReceived');
    const unknown = await t.request('GET', '/api/v1/public/dossiers/ABC-261125-9999', null);
    expect(unknown.statusCode).toBe(404);
    expect((await t.request('GET', '/api/v1/dossiers', officer)).json().dossiers.length).toBe(count);
  });
});
