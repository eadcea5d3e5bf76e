import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView } from '../../src/contracts/dossier';
import type { ProcessChecklist, ProcessDocumentDetail, ProcessDocumentSummary } from '../../src/contracts/process-documents';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

describe(`ISO process documents: issued, revised, named on the dossiers that follow them (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let manager: string;
  let officer: string;
  let admin: string;
  let procedureId: string;

  const receive = async () => {
    const res = await t.request('POST', '/api/v1/dossiers', officer, {
      channel: 'direct',
      applicant: { fullName: 'Trần Thị Bình', idNumber: '001190012345', address: '5 Lê Lợi', phone: '0987654321', email: null },
      procedureId,
      documentsReceived: [0],
      outcome: 'receive',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as DossierView;
  };
  const dossier = async (id: string) => (await t.request('GET', `/api/v1/dossiers/${id}`, officer)).json() as DossierView;
  const controlSlip = async (id: string) => (await t.request('GET', `/api/v1/dossiers/${id}/forms/06`, officer)).body;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.login('quanly');
    officer = await t.login('canbo1');
    admin = await t.login('admin');
    const procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures as { id: string; code: string }[];
    procedureId = procedures.find((p) => p.code === '1.004873')!.id;
  });
  afterAll(async () => t?.close());

  it('a process document is drafted from the procedure, issued, revised as issue 2, and each dossier keeps the issue it was received under', async () => {
    // Before any process is issued, a dossier names none.
    const before = await receive();
    expect(before.processDocument).toBeNull();
    expect(await controlSlip(before.id)).not.toContain('Quy trình QT');

    const created = await t.request('POST', '/api/v1/manage/process-documents', manager, { procedureId, code: 'qt-ht-01' });
    expect(created.statusCode).toBe(201);
    const draft = created.json() as ProcessDocumentDetail;
    expect(draft).toMatchObject({ code: 'QT-HT-01', procedureCode: '1.004873', inForce: null, hasDraft: true, committedHours: 24 });
    const content = draft.issues[0]!.content;
    // The steps and allowances of the procedure version, adding up to its 3 working days.
    expect(content.steps.map((s) => s.role)).toEqual(['Bộ phận Một cửa', 'Công chức chuyên môn', 'Công chức chuyên môn', 'Lãnh đạo UBND', 'Bộ phận Một cửa']);
    expect(draft.issues[0]!.totalHours).toBe(24);
    expect(content.records.map((r) => r.form)).toContain('Mẫu 06');
    expect(content.checklist.filter((q) => q.step !== null)).toHaveLength(5);

    // Not the same code twice, nor a second process for the same procedure.
    const again = await t.request('POST', '/api/v1/manage/process-documents', manager, { procedureId, code: 'QT-HT-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Mã quy trình "QT-HT-01" đã tồn tại.');

    // Issuing needs the approver.
    const noApprover = await t.request('POST', `/api/v1/manage/process-documents/${draft.id}/issue`, manager, { issuedOn: '2026-11-25', approverName: '', approverTitle: '' });
    expect(noApprover.statusCode).toBe(400);
    expect(noApprover.json().error.message).toContain('người phê duyệt');

    const issued = await t.request('POST', `/api/v1/manage/process-documents/${draft.id}/issue`, manager, {
      issuedOn: '2026-11-25',
      approverName: 'Nguyễn Văn Hùng',
      approverTitle: 'Chủ tịch UBND phường',
    });
    expect(issued.statusCode).toBe(200);
    const one = issued.json() as ProcessDocumentDetail;
    expect(one.inForce).toMatchObject({ issueNumber: 1, issuedOn: '2026-11-25', label: 'Quy trình QT-HT-01, lần ban hành 1' });
    expect(one.hasDraft).toBe(false);

    // An issue in force is not edited in place.
    const edit = await t.request('PUT', `/api/v1/manage/process-documents/${draft.id}/draft`, manager, { content, changeNote: '' });
    expect(edit.statusCode).toBe(400);

    // A dossier received now follows issue 1; its page and control slip say so.
    const first = await receive();
    expect(first.processDocument?.label).toBe('Quy trình QT-HT-01, lần ban hành 1');
    expect(await controlSlip(first.id)).toContain('Thực hiện theo: <span class="process-label">Quy trình QT-HT-01, lần ban hành 1</span>');

    // Revise: appraisal shortened by two hours, the sign-off moved to the vice-chair.
    const revised = await t.request('POST', `/api/v1/manage/process-documents/${draft.id}/revise`, manager, { changeNote: 'Rút ngắn thẩm định theo kết quả đánh giá nội bộ' });
    expect(revised.statusCode).toBe(200);
    const revision = (revised.json() as ProcessDocumentDetail).issues.find((i) => i.status === 'draft')!;
    const appraise = revision.content.steps[1]!;
    const steps = revision.content.steps.map((s, i) => (i === 1 ? { ...s, allowanceHours: s.allowanceHours - 2 } : i === 3 ? { ...s, role: 'Phó Chủ tịch UBND' } : s));
    const saved = await t.request('PUT', `/api/v1/manage/process-documents/${draft.id}/draft`, manager, {
      content: { ...revision.content, steps },
      changeNote: 'Rút ngắn thẩm định theo kết quả đánh giá nội bộ',
    });
    expect(saved.statusCode).toBe(200);
    const savedDraft = (saved.json() as ProcessDocumentDetail).issues[0]!;
    expect(savedDraft.changes).toEqual([
      `Bước 2 (${appraise.name}): thời gian ${appraise.allowanceHours} giờ → ${appraise.allowanceHours - 2} giờ`,
      'Bước 4 (Ký duyệt): người thực hiện Lãnh đạo UBND → Phó Chủ tịch UBND',
      'Tổng thời gian: 24 giờ → 22 giờ làm việc',
    ]);

    // Not dated before issue 1.
    const early = await t.request('POST', `/api/v1/manage/process-documents/${draft.id}/issue`, manager, { issuedOn: '2026-11-01', approverName: 'Nguyễn Văn Hùng', approverTitle: 'Chủ tịch UBND phường' });
    expect(early.statusCode).toBe(400);

    const two = (
      await t.request('POST', `/api/v1/manage/process-documents/${draft.id}/issue`, manager, { issuedOn: '2026-12-01', approverName: 'Nguyễn Văn Hùng', approverTitle: 'Chủ tịch UBND phường' })
    ).json() as ProcessDocumentDetail;
    expect(two.inForce).toMatchObject({ issueNumber: 2, issuedOn: '2026-12-01' });
    expect(two.issues.map((i) => [i.issueNumber, i.status])).toEqual([
      [2, 'issued'],
      [1, 'superseded'],
    ]);

    // The dossier received under issue 1 keeps naming it; a new one follows issue 2.
    expect((await dossier(first.id)).processDocument?.issueNumber).toBe(1);
    expect(await controlSlip(first.id)).toContain('lần ban hành 1');
    const second = await receive();
    expect(second.processDocument?.label).toBe('Quy trình QT-HT-01, lần ban hành 2');
    expect(await controlSlip(second.id)).toContain('Quy trình QT-HT-01, lần ban hành 2');

    // The list shows the issue in force.
    const list = (await t.request('GET', '/api/v1/manage/process-documents', manager)).json() as ProcessDocumentSummary[];
    expect(list).toEqual([expect.objectContaining({ code: 'QT-HT-01', inForce: expect.objectContaining({ issueNumber: 2 }), hasDraft: false, procedureChanged: false })]);
  });

  it('prints in the ISO layout with the change history, and downloads for Word', async () => {
    const [doc] = (await t.request('GET', '/api/v1/manage/process-documents', manager)).json() as ProcessDocumentSummary[];
    const detail = (await t.request('GET', `/api/v1/manage/process-documents/${doc!.id}`, manager)).json() as ProcessDocumentDetail;
    const issue2 = detail.issues.find((i) => i.issueNumber === 2)!;
    const page = await t.request('GET', issue2.printUrl, manager);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const html = page.body;
    expect(html).toContain('Mã hiệu: <b class="doc-code">QT-HT-01</b>');
    expect(html).toContain('Lần ban hành: <b class="issue-number">02</b>');
    expect(html).toContain('Ngày ban hành: <span class="issued-on">01/12/2026</span>');
    expect(html).toContain('Nguyễn Văn Hùng');
    expect(html).toContain('Phó Chủ tịch UBND');
    expect(html).toContain('Ban hành lần đầu');
    expect(html).toContain('Rút ngắn thẩm định theo kết quả đánh giá nội bộ');
    expect(html).toContain('Tổng thời gian giải quyết');
    expect(html).not.toContain('data-mark');

    const issue1 = detail.issues.find((i) => i.issueNumber === 1)!;
    expect((await t.request('GET', issue1.printUrl, manager)).body).toContain('TÀI LIỆU ĐÃ ĐƯỢC THAY THẾ');

    const word = await t.request('GET', `${issue2.printUrl}?format=doc`, manager);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('application/msword');
    expect(word.headers['content-disposition']).toBe('attachment; filename="QT-HT-01-lan-2.doc"');
    expect(word.body).toContain('urn:schemas-microsoft-com:office:word');
    expect(word.body).not.toContain('<script>');

    const checklist = (await t.request('GET', `/api/v1/manage/process-documents/${doc!.id}/checklist`, manager)).json() as ProcessChecklist;
    expect(checklist.label).toBe('Quy trình QT-HT-01, lần ban hành 2');
    expect(checklist.questions.find((q) => q.step === 4)?.question).toContain('Phó Chủ tịch UBND');
  });

  it('steps longer than the procedure allows are not issued; a draft can be discarded', async () => {
    const [doc] = (await t.request('GET', '/api/v1/manage/process-documents', manager)).json() as ProcessDocumentSummary[];
    const revised = (await t.request('POST', `/api/v1/manage/process-documents/${doc!.id}/revise`, manager, {})).json() as ProcessDocumentDetail;
    const draft = revised.issues[0]!;
    const steps = draft.content.steps.map((s, i) => (i === 1 ? { ...s, allowanceHours: s.allowanceHours + 10 } : s));
    await t.request('PUT', `/api/v1/manage/process-documents/${doc!.id}/draft`, manager, { content: { ...draft.content, steps }, changeNote: '' });
    const tooLong = await t.request('POST', `/api/v1/manage/process-documents/${doc!.id}/issue`, manager, { issuedOn: '2026-12-02', approverName: 'A', approverTitle: 'B' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('vượt thời hạn giải quyết của thủ tục (24 giờ làm việc)');
    const discarded = await t.request('DELETE', `/api/v1/manage/process-documents/${doc!.id}/draft`, manager);
    expect(discarded.statusCode).toBe(200);
    expect((discarded.json() as ProcessDocumentDetail).hasDraft).toBe(false);
  });

  it('inspectors read and print but do not edit; officers do not see process documents', async () => {
    const made = await t.request('POST', '/api/v1/manage/users', admin, { username: 'thanhtra1', fullName: 'Lê Văn Kiểm', role: 'inspector', password: 'inspector-pass' });
    expect(made.statusCode).toBe(201);
    const inspector = await t.login('thanhtra1', 'inspector-pass');
    const list = await t.request('GET', '/api/v1/manage/process-documents', inspector);
    expect(list.statusCode).toBe(200);
    const [doc] = list.json() as ProcessDocumentSummary[];
    const detail = (await t.request('GET', `/api/v1/manage/process-documents/${doc!.id}`, inspector)).json() as ProcessDocumentDetail;
    expect((await t.request('GET', detail.issues[0]!.printUrl, inspector)).statusCode).toBe(200);
    expect((await t.request('POST', `/api/v1/manage/process-documents/${doc!.id}/revise`, inspector, {})).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/process-documents', officer)).statusCode).toBe(403);
  });
});
