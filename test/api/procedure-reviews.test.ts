import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView, ProcedureDetail } from '../../src/contracts/dossier';
import type { ProcessDocumentDetail, ProcessDocumentSummary } from '../../src/contracts/process-documents';
import type { ReviewRoundDetail, ReviewRoundSummary, ShortenedShare } from '../../src/contracts/procedure-reviews';
import type { PublicResults } from '../../src/contracts/public';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

/** "2026-12-01 09:00" in Hà Nội → ISO instant. */
const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`).toISOString();

describe(`procedure reviews: proposals decided, an adopted shortening changes the procedure's time (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let manager: string;
  let officer: string;
  let marriage: string;
  let business: string;
  let building: string;

  const round = async (id: string) => (await t.request('GET', `/api/v1/manage/procedure-reviews/${id}`, manager)).json() as ReviewRoundDetail;
  const share = async () => (await t.request('GET', '/api/v1/manage/procedure-reviews/shortened-share', manager)).json() as ShortenedShare;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.login('quanly');
    officer = await t.login('canbo1');
    const procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures as { id: string; code: string }[];
    marriage = procedures.find((p) => p.code === '1.004873')!.id;
    business = procedures.find((p) => p.code === '1.001612')!.id;
    building = procedures.find((p) => p.code === '1.013225')!.id;
  });
  afterAll(async () => t?.close());

  it('a round over chosen procedures: a shortening adopted by decision becomes the next procedure version, the process follows, and the published share counts it', async () => {
    t.clock.set(local('2026-12-01 09:00'));
    // The marriage-status procedure has an issued process document (3 working days = 24 hours of steps).
    const doc = (await t.request('POST', '/api/v1/manage/process-documents', manager, { procedureId: marriage, code: 'QT-HT-02' })).json() as ProcessDocumentDetail;
    await t.request('POST', `/api/v1/manage/process-documents/${doc.id}/issue`, manager, { issuedOn: '2026-12-01', approverName: 'Nguyễn Văn Hùng', approverTitle: 'Chủ tịch UBND phường' });

    const before = await share();
    expect(before.byDecision).toBe(0);

    const created = await t.request('POST', '/api/v1/manage/procedure-reviews', manager, {
      name: 'Rà soát, đánh giá TTHC năm 2026 – đợt 1',
      year: 2026,
      decisionRef: 'KH 15/KH-UBND',
      procedureIds: [marriage, business],
    });
    expect(created.statusCode).toBe(201);
    const r = created.json() as ReviewRoundDetail;
    expect(r.procedureList.map((p) => [p.code, p.timeText])).toEqual([
      ['1.001612', '3 ngày làm việc'],
      ['1.004873', '3 ngày làm việc'],
    ]);

    // Proposals: a shortening must be shorter than what applies, and only for procedures of the round.
    const propose = (body: Record<string, unknown>) => t.request('POST', `/api/v1/manage/procedure-reviews/${r.id}/proposals`, manager, body);
    const notShorter = await propose({ procedureId: marriage, kind: 'shorten', rationale: 'Giảm thời gian', newCommittedAmount: 3 });
    expect(notShorter.statusCode).toBe(400);
    expect(notShorter.json().error.message).toContain('phải ngắn hơn thời hạn đang áp dụng (3)');
    const outside = await propose({ procedureId: building, kind: 'simplify', rationale: 'Bỏ bản vẽ thứ hai' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('không thuộc đợt rà soát');

    expect((await propose({ procedureId: marriage, kind: 'shorten', rationale: 'Tra cứu cơ sở dữ liệu hộ tịch điện tử thay xác minh giấy', newCommittedAmount: 2 })).statusCode).toBe(201);
    expect((await propose({ procedureId: business, kind: 'simplify', rationale: 'Bỏ yêu cầu bản sao biên bản họp gia đình' })).statusCode).toBe(201);
    const withProposals = await round(r.id);
    expect(withProposals).toMatchObject({ proposals: 2, pending: 2, adopted: 0 });
    // A round closes only once every proposal has its decision.
    const early = await t.request('POST', `/api/v1/manage/procedure-reviews/${r.id}/close`, manager);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('còn 2 đề xuất chưa có quyết định');
    const [shorten, simplify] = withProposals.proposalList;
    expect(shorten).toMatchObject({ kind: 'shorten', kindLabel: 'Cắt giảm thời gian giải quyết', status: 'proposed', newCommittedAmount: 2 });

    // The simplification is rejected; a decided proposal is not decided again.
    const decideUrl = (id: string) => `/api/v1/manage/procedure-reviews/${r.id}/proposals/${id}/decision`;
    const rejected = await t.request('POST', decideUrl(simplify!.id), manager, { decision: 'rejected', decidedOn: '2026-12-10', note: 'Thành phần do Nghị định quy định' });
    expect(rejected.statusCode).toBe(200);
    const twice = await t.request('POST', decideUrl(simplify!.id), manager, { decision: 'adopted', decidedOn: '2026-12-11', decisionRef: 'QĐ 1/QĐ-UBND' });
    expect(twice.statusCode).toBe(400);

    // Adopting needs the decision's reference.
    expect((await t.request('POST', decideUrl(shorten!.id), manager, { decision: 'adopted', decidedOn: '2026-12-15' })).statusCode).toBe(400);
    // Deferred first, then adopted by decision: the procedure gets its next version with 2 working days committed.
    expect((await t.request('POST', decideUrl(shorten!.id), manager, { decision: 'deferred', decidedOn: '2026-12-10' })).json().proposalList[0].status).toBe('deferred');
    const procedureBefore = (await t.request('GET', `/api/v1/procedures/${marriage}`, manager)).json() as ProcedureDetail;
    const adopted = await t.request('POST', decideUrl(shorten!.id), manager, { decision: 'adopted', decidedOn: '2026-12-15', decisionRef: 'QĐ 245/QĐ-UBND', note: 'Áp dụng từ 16/12/2026' });
    expect(adopted.statusCode).toBe(200);
    const decided = adopted.json() as ReviewRoundDetail;
    expect(decided.proposalList[0]).toMatchObject({ status: 'adopted', statusLabel: 'Đã thông qua', decisionRef: 'QĐ 245/QĐ-UBND', decidedByName: 'Hoàng Thị Mai', resultVersion: procedureBefore.current.version + 1 });
    expect(decided).toMatchObject({ adopted: 1, pending: 0, byStatus: { adopted: 1, rejected: 1, proposed: 0, deferred: 0 } });
    expect(decided.procedureList.find((p) => p.code === '1.004873')!.timeText).toBe('2 ngày làm việc (quy định 3)');

    const procedure = (await t.request('GET', `/api/v1/procedures/${marriage}`, manager)).json() as ProcedureDetail;
    expect(procedure.current.version).toBe(procedureBefore.current.version + 1);
    expect(procedure.current.rules[0]).toMatchObject({ amount: 3, committedAmount: 2 });
    // The internal steps now fit the 16 working hours.
    expect(procedure.current.steps.reduce((s, x) => s + x.allowanceHours, 0)).toBe(16);

    // The published share counts it, and says it came from a decision.
    const after = await share();
    expect(after).toMatchObject({ shortened: before.shortened + 1, byDecision: 1, procedures: before.procedures });
    const published = (await t.request('GET', '/api/v1/public/results', null)).json() as PublicResults;
    expect(published.shortened.count).toBe(after.shortened);
    expect(published.shortened.items.find((i) => i.code === '1.004873')).toMatchObject({ legalAmount: 3, committedAmount: 2 });

    // A dossier received now is due in 2 working days: Wednesday 16/12 09:00 → Friday 18/12.
    t.clock.set(local('2026-12-16 09:00'));
    const dossier = (
      await t.request('POST', '/api/v1/dossiers', officer, {
        channel: 'direct',
        applicant: { fullName: 'Phạm Văn Cường', idNumber: '001088012345', address: '3 Hàng Đào', phone: '0911222333', email: null },
        procedureId: marriage,
        documentsReceived: [0],
        outcome: 'receive',
      })
    ).json() as DossierView;
    expect(dossier.processingTimeText).toBe('2 ngày làm việc');
    expect(dossier.dueAt!.slice(0, 10)).toBe('2026-12-18');

    // The process document sees its procedure changed; its revision takes the new steps.
    const [summary] = (await t.request('GET', '/api/v1/manage/process-documents', manager)).json() as ProcessDocumentSummary[];
    expect(summary).toMatchObject({ code: 'QT-HT-02', procedureChanged: true });
    const revised = (await t.request('POST', `/api/v1/manage/process-documents/${doc.id}/revise`, manager, { changeNote: 'Theo QĐ 245/QĐ-UBND' })).json() as ProcessDocumentDetail;
    expect(revised.issues[0]).toMatchObject({ status: 'draft', totalHours: 16 });
    expect(revised.issues[0]!.changes).toContain('Tổng thời gian: 24 giờ → 16 giờ làm việc');

    const rounds = (await t.request('GET', '/api/v1/manage/procedure-reviews', manager)).json() as ReviewRoundSummary[];
    expect(rounds).toEqual([expect.objectContaining({ name: 'Rà soát, đánh giá TTHC năm 2026 – đợt 1', procedures: 2, proposals: 2, adopted: 1, status: 'open' })]);

    // Every proposal decided: the round closes, and nothing more is proposed or decided in it.
    const closed = await t.request('POST', `/api/v1/manage/procedure-reviews/${r.id}/close`, manager);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const late = await propose({ procedureId: business, kind: 'merge', rationale: 'Gộp với đăng ký thay đổi' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('đợt rà soát đã kết thúc');
    expect((await t.request('POST', `/api/v1/manage/procedure-reviews/${r.id}/close`, await t.login('thanhtra'))).statusCode).toBe(403);
  });

  it('inspectors read review rounds but do not record proposals; officers do not see them', async () => {
    const admin = await t.login('admin');
    await t.request('POST', '/api/v1/manage/users', admin, { username: 'thanhtra2', fullName: 'Đào Thị Soát', role: 'inspector', password: 'inspector-pass' });
    const inspector = await t.login('thanhtra2', 'inspector-pass');
    const [r] = (await t.request('GET', '/api/v1/manage/procedure-reviews', inspector)).json() as ReviewRoundSummary[];
    expect((await t.request('GET', `/api/v1/manage/procedure-reviews/${r!.id}`, inspector)).statusCode).toBe(200);
    const refused = await t.request('POST', `/api/v1/manage/procedure-reviews/${r!.id}/proposals`, inspector, { procedureId: business, kind: 'other', rationale: 'x' });
    expect(refused.statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/procedure-reviews', officer)).statusCode).toBe(403);
  });
});
