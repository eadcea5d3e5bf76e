import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFileMeta } from '../../src/contracts/files';
import type { ActionView, InspectionOptions, PlanDetail, PlanListItem, RoundDetail } from '../../src/contracts/inspection';
import type { OrgUnit } from '../../src/contracts/oversight';
import { authHeaders, createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

/** "2026-11-25 09:00" in Hà Nội → ISO instant. */
const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`).toISOString();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(`administrative-reform inspection: plans, rounds, findings, corrective actions, minutes (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: string;
  let inspector: string;
  let otherInspector: string;
  let unitHead: string;
  let manager: string;
  let officer: string;
  let centreUnit: OrgUnit;
  let department: OrgUnit;
  let inspectorId: string;

  const upload = async (auth: string, name: string, bytes: Buffer) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files?name=${encodeURIComponent(name)}`,
      headers: { ...authHeaders(auth), 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as StoredFileMeta;
  };
  const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#36c' } }).png().toBuffer();
  const receiveDossier = async (name: string) => {
    const procedures = (await t.request('GET', '/api/v1/procedures', officer)).json().procedures as { id: string; code: string }[];
    const res = await t.request('POST', '/api/v1/dossiers', officer, {
      channel: 'direct',
      applicant: { fullName: name, idNumber: '001085012345', address: '12 Hàng Bạc', phone: '0912345678', email: null },
      procedureId: procedures.find((p) => p.code === '1.004873')!.id,
      documentsReceived: [0],
      outcome: 'receive',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const round = async (auth: string, id: string) => (await t.request('GET', `/api/v1/manage/inspection/rounds/${id}`, auth)).json() as RoundDetail;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    inspector = await t.login('thanhtra');
    unitHead = await t.login('truongphong');
    manager = await t.login('quanly');
    officer = await t.login('canbo1');
    const created = await t.request('POST', '/api/v1/manage/users', admin, {
      username: 'thanhtra2',
      fullName: 'Trịnh Văn Khác',
      role: 'inspector',
      password: 'mat-khau-thanh-tra',
    });
    expect(created.statusCode, created.body).toBe(201);
    otherInspector = await t.login('thanhtra2', 'mat-khau-thanh-tra');
    const units = (await t.request('GET', '/api/v1/manage/units', admin)).json() as OrgUnit[];
    centreUnit = units.find((u) => u.kind === 'centre')!;
    department = units.find((u) => u.code === 'P-VHXH')!;
    const options = (await t.request('GET', '/api/v1/manage/inspection/options', inspector)).json() as InspectionOptions;
    inspectorId = options.people.find((p) => p.name === 'Bùi Văn Kiên')!.id;
  });
  afterAll(async () => t?.close());

  it('a plan is run end to end: round, verdicts with frozen and uploaded evidence, a finding, its corrective action closed on evidence, minutes', async () => {
    t.clock.set(local('2026-11-25 09:00'));
    const dossier = await receiveDossier('Nguyễn Văn An');

    // Officers have nothing here; a unit head cannot draw up a plan.
    expect((await t.request('GET', '/api/v1/manage/inspection/plans', officer)).statusCode).toBe(403);
    const planBody = {
      year: 2026,
      title: 'Kế hoạch kiểm tra công tác CCHC năm 2026',
      decisionRef: 'QĐ 123/QĐ-UBND',
      team: [
        { key: 'truong-doan', userId: inspectorId, name: 'Bùi Văn Kiên', role: 'lead', organisation: 'Sở Nội vụ' },
        { key: 'thu-ky', name: 'Lê Văn Thư', role: 'secretary', organisation: 'Sở Nội vụ' },
      ],
      unitIds: [centreUnit.id, department.id],
    };
    expect((await t.request('POST', '/api/v1/manage/inspection/plans', unitHead, planBody)).statusCode).toBe(403);

    // The inspector draws up the plan; the checklist starts from the PAR-index fields.
    const created = await t.request('POST', '/api/v1/manage/inspection/plans', inspector, planBody);
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as PlanDetail;
    expect(plan.canEdit).toBe(true);
    expect(new Set(plan.checklist.map((c) => c.field))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(plan.checklist.find((c) => c.id === '3.3')?.text).toContain('xin lỗi');

    const r1 = await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, inspector, {
      title: 'Kiểm tra đợt 1 năm 2026',
      scope: 'Công tác cải cách thủ tục hành chính',
      plannedDate: '2026-11-25',
      unitIds: [centreUnit.id, department.id],
      memberKeys: ['truong-doan', 'thu-ky'],
    });
    expect(r1.statusCode, r1.body).toBe(201);
    const roundId = (r1.json() as RoundDetail).id;
    expect(r1.json()).toMatchObject({ number: 1, status: 'planned', canRun: true, carriedActions: [] });

    // One click: the tracking book of November, frozen and attached to criterion 3.4 of the centre.
    const snap = await t.request('POST', `/api/v1/manage/inspection/rounds/${roundId}/snapshots`, inspector, {
      unitId: centreUnit.id,
      criterionId: '3.4',
      kind: 'tracking-book',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(snap.statusCode, snap.body).toBe(201);
    const book = snap.json() as StoredFileMeta;
    expect(book).toMatchObject({ purpose: 'snapshot', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const slips = (
      await t.request('POST', `/api/v1/manage/inspection/rounds/${roundId}/snapshots`, inspector, {
        unitId: centreUnit.id,
        criterionId: '3.5',
        kind: 'control-slips',
        from: '2026-11-01',
        to: '2026-11-30',
      })
    ).json() as StoredFileMeta;
    const slipsFile = await t.request('GET', slips.url, inspector);
    expect(slipsFile.headers['content-disposition']).toContain('attachment');
    expect(slipsFile.body).toContain('PHIẾU KIỂM SOÁT');
    expect(slipsFile.body).toContain(dossier.code);
    // A department whose records the product does not hold: upload instead.
    const none = await t.request('POST', `/api/v1/manage/inspection/rounds/${roundId}/snapshots`, inspector, {
      unitId: department.id,
      criterionId: '3.4',
      kind: 'tracking-book',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('tải lên tài liệu kiểm chứng');

    // The export stays as it was: a later dossier does not change the frozen file.
    const before = await t.request('GET', book.url, inspector);
    expect(sha(before.rawPayload)).toBe(book.sha256);
    t.clock.set(local('2026-11-25 10:00'));
    await receiveDossier('Trần Thị Bình');
    expect(sha((await t.request('GET', book.url, inspector)).rawPayload)).toBe(book.sha256);

    // Verdicts: the centre meets 3.4 on the frozen book; the department fails 3.1, with a photo.
    const photo = await upload(inspector, 'anh-bang-niem-yet.png', await png());
    const v1 = await t.request('PUT', `/api/v1/manage/inspection/rounds/${roundId}/verdicts`, inspector, {
      unitId: centreUnit.id,
      criterionId: '3.4',
      verdict: 'met',
      note: 'Sổ cập nhật đầy đủ',
      evidenceFileIds: [book.id],
    });
    expect(v1.statusCode, v1.body).toBe(200);
    const v2 = await t.request('PUT', `/api/v1/manage/inspection/rounds/${roundId}/verdicts`, inspector, {
      unitId: department.id,
      criterionId: '3.1',
      verdict: 'not-met',
      note: 'Bảng niêm yết thủ tục chưa cập nhật danh mục mới',
      evidenceFileIds: [photo.id],
    });
    const afterVerdicts = v2.json() as RoundDetail;
    expect(afterVerdicts.status).toBe('in-progress');
    expect(afterVerdicts.verdicts.find((v) => v.unitId === department.id)?.evidence.map((f) => f.name)).toEqual(['anh-bang-niem-yet.png']);
    expect(afterVerdicts.tallies.find((x) => x.unit.id === department.id)).toMatchObject({ notMet: 1, met: 0, metRate: 0 });
    const unknownCriterion = await t.request('PUT', `/api/v1/manage/inspection/rounds/${roundId}/verdicts`, inspector, { unitId: department.id, criterionId: '9.9', verdict: 'met' });
    expect(unknownCriterion.statusCode).toBe(400);

    // The finding with its corrective action: 5 working days from Wednesday 25/11 → Wednesday 2/12.
    const found = await t.request('POST', `/api/v1/manage/inspection/rounds/${roundId}/findings`, inspector, {
      unitId: department.id,
      criterionId: '3.1',
      severity: 'medium',
      description: 'Chưa niêm yết 12 thủ tục mới công bố',
      evidenceFileIds: [photo.id],
      action: { description: 'Niêm yết bổ sung các thủ tục mới tại bộ phận một cửa', ownerName: 'Ngô Thị Bích', workingDays: 5 },
    });
    expect(found.statusCode, found.body).toBe(201);
    const finding = (found.json() as RoundDetail).findings[0]!;
    expect(finding).toMatchObject({ severity: 'medium', severityLabel: 'Tồn tại, hạn chế', criterionCode: '3.1' });
    const action = finding.actions[0]!;
    expect(action).toMatchObject({ dueDate: '2026-12-02', workingDays: 5, status: 'open', overdue: false, canUpdate: false, canVerify: false });
    // A second finding whose action stays open (next year follows it up).
    await t.request('POST', `/api/v1/manage/inspection/rounds/${roundId}/findings`, inspector, {
      unitId: department.id,
      severity: 'low',
      description: 'Hòm thư góp ý đặt khuất',
      action: { description: 'Chuyển hòm thư góp ý ra sảnh', ownerName: 'Ngô Thị Bích', workingDays: 30 },
    });

    // Who sees what: the unit head sees their unit only; another inspector sees nothing of the plan.
    const headPlans = (await t.request('GET', '/api/v1/manage/inspection/plans', unitHead)).json() as PlanListItem[];
    expect(headPlans.map((p) => p.units.map((u) => u.code))).toEqual([['P-VHXH']]);
    const headRound = await round(unitHead, roundId);
    expect(headRound.units.map((u) => u.id)).toEqual([department.id]);
    expect(headRound.verdicts.map((v) => v.unitId)).toEqual([department.id]);
    expect(headRound.canRun).toBe(false);
    expect(headRound.findings[0]!.actions[0]).toMatchObject({ canUpdate: true, canVerify: false });
    expect((await t.request('PUT', `/api/v1/manage/inspection/rounds/${roundId}/verdicts`, unitHead, { unitId: department.id, criterionId: '3.1', verdict: 'met' })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/inspection/plans', otherInspector)).json()).toEqual([]);
    expect((await t.request('GET', `/api/v1/manage/inspection/plans/${plan.id}`, otherInspector)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/manage/inspection/rounds/${roundId}`, otherInspector)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/v1/manage/inspection/actions/${action.id}`, otherInspector)).statusCode).toBe(404);
    const managerRound = await round(manager, roundId);
    expect(managerRound.units).toHaveLength(2);
    expect(managerRound.canRun).toBe(false);

    // Thursday 3/12: past the due date and not done → overdue, first in the unit's list.
    t.clock.set(local('2026-12-03 09:00'));
    const overdue = (await t.request('GET', '/api/v1/manage/inspection/actions?overdue=1', unitHead)).json() as ActionView[];
    expect(overdue.map((a) => a.id)).toEqual([action.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, statusLabel: 'Chưa khắc phục', unit: { code: 'P-VHXH' } });

    // The next round of the plan sees the open actions of its units.
    const r2 = (
      await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, inspector, {
        title: 'Kiểm tra đợt 2 năm 2026',
        plannedDate: '2026-12-10',
        unitIds: [department.id],
      })
    ).json() as RoundDetail;
    expect(r2.carriedActions.map((a) => a.id).sort()).toEqual((await round(inspector, roundId)).findings.flatMap((f) => f.actions.map((a) => a.id)).sort());

    // The unit answers: "done" needs the evidence of the fix; then done (late); the inspector verifies.
    const act = (auth: string, body: Record<string, unknown>) => t.request('POST', `/api/v1/manage/inspection/actions/${action.id}`, auth, body);
    const noEvidence = await act(unitHead, { action: 'done', text: 'Đã niêm yết' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.message).toContain('đính kèm tài liệu chứng minh');
    const fixPhoto = await upload(unitHead, 'anh-sau-khac-phuc.png', await png());
    expect((await act(unitHead, { action: 'progress', text: 'Đã in bảng mới', fixFileIds: [fixPhoto.id] })).json()).toMatchObject({ status: 'in-progress' });
    expect((await act(inspector, { action: 'progress', text: 'x' })).statusCode).toBe(403);
    const done = (await act(unitHead, { action: 'done', text: 'Đã niêm yết đủ 12 thủ tục' })).json() as ActionView;
    expect(done).toMatchObject({ status: 'done', overdue: false, late: true, canUpdate: false });
    expect(done.fixFiles.map((f) => f.name)).toEqual(['anh-sau-khac-phuc.png']);
    expect((await act(unitHead, { action: 'close', text: '' })).statusCode).toBe(403);
    const closed = (await act(inspector, { action: 'close', text: 'Đã kiểm tra thực tế' })).json() as ActionView;
    expect(closed).toMatchObject({ status: 'closed', closedByName: 'Bùi Văn Kiên', statusLabel: 'Đã xác nhận hoàn thành' });
    expect(closed.progress.map((p) => p.status)).toEqual(['in-progress', 'done', 'closed']);
    expect((await round(inspector, r2.id)).carriedActions).toHaveLength(1);

    // Concluding freezes the round and stores the minutes as signed.
    const concluded = await t.request('POST', `/api/v1/manage/inspection/rounds/${roundId}/conclude`, inspector, {
      conclusion: 'Đơn vị cơ bản thực hiện tốt; yêu cầu khắc phục các tồn tại nêu tại mục III.',
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const final = concluded.json() as RoundDetail;
    expect(final).toMatchObject({ status: 'concluded', statusLabel: 'Đã kết luận', canRun: false, minutesFile: { purpose: 'document' } });
    expect(final.minutesFile!.name).toMatch(/\.doc$/);
    expect((await t.request('PUT', `/api/v1/manage/inspection/rounds/${roundId}/verdicts`, inspector, { unitId: department.id, criterionId: '3.2', verdict: 'met' })).statusCode).toBe(400);
    const stored = await t.request('GET', final.minutesFile!.url, inspector);
    expect(stored.body).toContain('BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');

    const minutes = await t.request('GET', `/api/v1/manage/inspection/rounds/${roundId}/minutes`, inspector);
    expect(minutes.headers['content-type']).toContain('text/html');
    for (const text of ['BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', 'Phòng Văn hóa – Xã hội', 'Chưa niêm yết 12 thủ tục mới công bố', 'Ngô Thị Bích', '02/12/2026', 'Bùi Văn Kiên', 'Lê Văn Thư', 'QĐ 123/QĐ-UBND', 'anh-bang-niem-yet.png', 'Sổ cập nhật đầy đủ', 'yêu cầu khắc phục các tồn tại']) {
      expect(minutes.body).toContain(text);
    }
    const doc = await t.request('GET', `/api/v1/manage/inspection/rounds/${roundId}/minutes?format=doc`, inspector);
    expect(doc.headers['content-type']).toContain('application/msword');
    expect(doc.headers['content-disposition']).toMatch(/attachment; filename="bien-ban-kiem-tra-dot-1-2026\.doc"/);
    const xlsx = await t.request('GET', `/api/v1/manage/inspection/rounds/${roundId}/minutes?format=xlsx`, inspector);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The unit head's print covers their unit only.
    const headMinutes = await t.request('GET', `/api/v1/manage/inspection/rounds/${roundId}/minutes`, unitHead);
    expect(headMinutes.body).toContain('Chưa niêm yết 12 thủ tục');
    expect(headMinutes.body).not.toContain('Sổ cập nhật đầy đủ');
    expect((await round(unitHead, roundId)).minutesFile).toBeNull();

    // The year summary.
    const summary = await t.request('GET', '/api/v1/manage/inspection/summary?year=2026', inspector);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('BÁO CÁO TỔNG HỢP KẾT QUẢ KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026');
    expect(summary.body).toContain('phát hiện 2 tồn tại, hạn chế; đề ra 2 biện pháp khắc phục, trong đó 1 đã được xác nhận hoàn thành, 1 chưa hoàn thành');
    expect(summary.body).toContain('Chuyển hòm thư góp ý ra sảnh');
    const summaryXlsx = await t.request('GET', '/api/v1/manage/inspection/summary?year=2026&format=xlsx', inspector);
    expect(summaryXlsx.headers['content-disposition']).toContain('bao-cao-tong-hop-kiem-tra-cchc-2026.xlsx');

    // Next year's plan shows what its units still carry from this year.
    const next = (await t.request('POST', '/api/v1/manage/inspection/plans', admin, { ...planBody, year: 2027, title: 'Kế hoạch kiểm tra CCHC năm 2027', unitIds: [department.id] })).json() as PlanDetail;
    expect(next.carriedActions.map((a) => a.description)).toEqual(['Chuyển hòm thư góp ý ra sảnh']);
  });

  it('freezes each kind of product export, refuses what does not fit, and keeps a round\'s units in its plan', async () => {
    t.clock.set(local('2026-11-26 09:00'));
    const plan = (
      await t.request('POST', '/api/v1/manage/inspection/plans', inspector, {
        year: 2026,
        title: 'Kiểm tra đột xuất',
        team: [{ key: 'a', userId: inspectorId, name: 'Bùi Văn Kiên', role: 'lead' }],
        unitIds: [centreUnit.id, department.id],
      })
    ).json() as PlanDetail;
    const r = (await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, inspector, { title: 'Đột xuất', plannedDate: '2026-11-26', unitIds: [centreUnit.id] })).json() as RoundDetail;
    const take = (body: Record<string, unknown>) =>
      t.request('POST', `/api/v1/manage/inspection/rounds/${r.id}/snapshots`, inspector, { unitId: centreUnit.id, criterionId: '3.2', from: '2026-10-01', to: '2026-11-26', ...body });
    const names: string[] = [];
    for (const kind of ['tracking-book', 'control-slips', 'apology-letters', 'evaluation', 'indicators']) {
      const res = await take({ kind });
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(201);
      names.push((res.json() as StoredFileMeta).name);
    }
    expect(names).toEqual([
      'so-theo-doi-ho-so_2026-10-01_2026-11-26.xlsx',
      'phieu-kiem-soat-mau-06_2026-10-01_2026-11-26.html',
      'phieu-xin-loi-mau-04_2026-10-01_2026-11-26.html',
      'danh-gia-9-chi-so-2026-Q4-unit.xlsx',
      'bo-chi-so-766_2026-10-01_2026-11-26.xlsx',
    ]);
    // All five hang on the criterion's verdict, still to be judged.
    const after = await round(inspector, r.id);
    expect(after.verdicts).toHaveLength(1);
    expect(after.verdicts[0]).toMatchObject({ criterionId: '3.2', verdict: 'pending' });
    expect(after.verdicts[0]!.evidence.map((f) => f.name)).toEqual(names);
    expect((await take({ kind: 'tracking-book', from: '2026-11-26', to: '2026-10-01' })).statusCode).toBe(400);
    expect((await take({ kind: 'tracking-book', unitId: department.id })).statusCode).toBe(400);
    // The unit head cannot take exports (they do not run rounds).
    expect((await t.request('POST', `/api/v1/manage/inspection/rounds/${r.id}/snapshots`, unitHead, { unitId: centreUnit.id, criterionId: '3.2', kind: 'indicators', from: '2026-10-01', to: '2026-11-26' })).statusCode).toBe(404);

    // A unit a round covers stays in the plan; a unit not in the plan cannot be in a round.
    const drop = await t.request('PUT', `/api/v1/manage/inspection/plans/${plan.id}`, inspector, {
      year: 2026,
      title: 'Kiểm tra đột xuất',
      team: plan.team,
      unitIds: [department.id],
      checklist: plan.checklist,
    });
    expect(drop.statusCode).toBe(400);
    const outside = await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, inspector, {
      title: 'Sai',
      plannedDate: '2026-11-27',
      unitIds: [(await t.request('GET', '/api/v1/manage/units', admin)).json().find((u: OrgUnit) => u.code === 'P-KTHTDT').id],
    });
    expect(outside.statusCode).toBe(400);
    // An attachment that is not a stored file is refused.
    const ghost = await t.request('PUT', `/api/v1/manage/inspection/rounds/${r.id}/verdicts`, inspector, {
      unitId: centreUnit.id,
      criterionId: '3.3',
      verdict: 'met',
      evidenceFileIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(ghost.statusCode).toBe(400);
    // A finding recorded alone gets its corrective action later: 3 working days from Thursday 26/11 → Tuesday 1/12.
    const alone = (await t.request('POST', `/api/v1/manage/inspection/rounds/${r.id}/findings`, inspector, { unitId: centreUnit.id, severity: 'high', description: 'Không lưu Phiếu kiểm soát' })).json() as RoundDetail;
    const later = await t.request('POST', `/api/v1/manage/inspection/rounds/${r.id}/findings/${alone.findings[0]!.id}/actions`, inspector, {
      description: 'Lưu Phiếu kiểm soát kèm hồ sơ',
      ownerName: 'Hoàng Thị Mai',
      workingDays: 3,
    });
    expect(later.statusCode, later.body).toBe(201);
    expect((later.json() as RoundDetail).findings[0]!.actions[0]).toMatchObject({ dueDate: '2026-12-01', severityLabel: 'Vi phạm nghiêm trọng' });
    // After the conclusion no more exports are attached.
    await t.request('POST', `/api/v1/manage/inspection/rounds/${r.id}/conclude`, inspector, { conclusion: 'Kết luận.' });
    expect((await take({ kind: 'indicators' })).statusCode).toBe(400);
    // In English, labels follow the language; the editable checklist is the team's own words.
    const en = (await t.request('GET', `/api/v1/manage/inspection/rounds/${r.id}?lang=en`, inspector)).json() as RoundDetail;
    expect(en).toMatchObject({ kindLabel: 'Reform inspection', statusLabel: 'Concluded' });
    expect(en.findings[0]!.severityLabel).toBe('Serious breach');
  });

  it('an internal-audit round runs against a process document checklist', async () => {
    const plan = (
      await t.request('POST', '/api/v1/manage/inspection/plans', admin, {
        year: 2026,
        title: 'Đánh giá nội bộ ISO 9001:2015 năm 2026',
        team: [{ key: 'dgnb', name: 'Phạm Thu Trang', role: 'lead' }],
        unitIds: [centreUnit.id],
      })
    ).json() as PlanDetail;
    const missing = await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, admin, { kind: 'internal-audit', title: 'ĐGNB', plannedDate: '2026-12-05', unitIds: [centreUnit.id] });
    expect(missing.statusCode).toBe(400);

    // The process document of birth registration, issued: its questions are what the audit checks.
    const procedures = (await t.request('GET', '/api/v1/procedures', admin)).json().procedures as { id: string; code: string }[];
    const birth = procedures.find((p) => p.code === '1.004873')!;
    const draft = (await t.request('POST', '/api/v1/manage/process-documents', admin, { procedureId: birth.id, code: 'QT-HT-01' })).json() as { id: string };
    const notIssued = await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, admin, {
      kind: 'internal-audit',
      title: 'ĐGNB',
      plannedDate: '2026-12-05',
      unitIds: [centreUnit.id],
      processDocumentId: draft.id,
    });
    expect(notIssued.statusCode).toBe(400);
    await t.request('POST', `/api/v1/manage/process-documents/${draft.id}/issue`, admin, { issuedOn: '2026-11-20', approverName: 'Nguyễn Văn Hùng', approverTitle: 'Chủ tịch UBND phường' });
    const questions = (await t.request('GET', `/api/v1/manage/process-documents/${draft.id}/checklist`, admin)).json() as { questions: { question: string }[] };
    expect(questions.questions.length).toBeGreaterThan(0);

    const audit = await t.request('POST', `/api/v1/manage/inspection/plans/${plan.id}/rounds`, admin, {
      kind: 'internal-audit',
      title: 'Đánh giá nội bộ quy trình QT-HT-01',
      plannedDate: '2026-12-05',
      unitIds: [centreUnit.id],
      processDocumentId: draft.id,
      checklist: [{ id: 't1', field: 7, code: 'T1', text: 'Phiếu kiểm soát ghi đủ thời gian các bước' }],
    });
    expect(audit.statusCode, audit.body).toBe(201);
    expect(audit.json()).toMatchObject({ kind: 'internal-audit', kindLabel: 'Đánh giá nội bộ ISO 9001', processDocumentId: draft.id, processLabel: 'Quy trình QT-HT-01, lần ban hành 1' });
    // The process's questions, then the team's own.
    expect((audit.json() as RoundDetail).checklist.map((c) => c.text)).toEqual([...questions.questions.map((q) => q.question), 'Phiếu kiểm soát ghi đủ thời gian các bước']);
    const minutes = await t.request('GET', `/api/v1/manage/inspection/rounds/${(audit.json() as RoundDetail).id}/minutes`, admin);
    expect(minutes.body).toContain('BIÊN BẢN ĐÁNH GIÁ NỘI BỘ');
    expect(minutes.body).toContain('Được đánh giá: Quy trình QT-HT-01, lần ban hành 1');
  });
});
