import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation, EvaluationListItem, Frame, FrameSummary, Ranking, YearOverYear } from '../../src/contracts/self-evaluation';
import type { StoredFileMeta } from '../../src/contracts/files';
import { computeReformFigures, yearPeriod } from '../../src/server/services/reform-figures';
import { authHeaders, createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const BASE = '/api/v1/manage/self-evaluation';

describe(`unit self-evaluation, appraisal and ranking (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let head: string;
  let inspector: string;
  let centreUnit: string;
  let department: string;
  let otherDepartment: string;

  const upload = async (auth: string, name: string): Promise<StoredFileMeta> => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/files?name=${encodeURIComponent(name)}`,
      headers: { ...authHeaders(auth), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as StoredFileMeta;
  };
  const createFrame = async (year: number, copyFrom?: string) => {
    const res = await t.request('POST', `${BASE}/frames`, admin, { year, ...(copyFrom ? { copyFrom } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Frame;
  };
  const open = async (frameId: string) => expect((await t.request('POST', `${BASE}/frames/${frameId}/status`, admin, { status: 'open' })).statusCode).toBe(200);
  const evaluation = async (auth: string, frameId: string, unitId: string) => t.request('GET', `${BASE}/frames/${frameId}/units/${unitId}`, auth);
  /** Every criterion at `points(c)` (the suggested points where the product has a figure), evidence on all. */
  const scoreAll = async (auth: string, frameId: string, unitId: string, points: (c: Evaluation['criteria'][number]) => number, fileId: string | null, submit: boolean) => {
    const current = (await evaluation(auth, frameId, unitId)).json() as Evaluation;
    return t.request('PUT', `${BASE}/frames/${frameId}/units/${unitId}`, auth, {
      scores: current.criteria.map((c) => ({ code: c.code, selfScore: points(c), selfNote: `Tự chấm ${c.code}`, fileIds: fileId ? [fileId] : [] })),
      submit,
    });
  };
  const appraise = (auth: string, frameId: string, unitId: string, scores: { code: string; appraisalScore: number | null; appraisalComment?: string }[], complete: boolean) =>
    t.request('POST', `${BASE}/frames/${frameId}/units/${unitId}/appraisal`, auth, { scores, complete });

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

  it('a unit self-scores with pre-filled criteria and evidence, is appraised, and sees the differences and its grade', async () => {
    const frame = await createFrame(2026);
    expect(frame).toMatchObject({ year: 2026, status: 'draft', totalPoints: 100, criteriaCount: 31 });
    expect(frame.fields.map((f) => f.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(frame.gradeBands.map((b) => `${b.label}≥${b.min}`)).toEqual(['Xuất sắc≥90', 'Tốt≥80', 'Khá≥65', 'Trung bình≥50', 'Yếu≥0']);

    // Not open yet: the unit cannot score.
    const early = await scoreAll(manager, frame.id, centreUnit, () => 1, null, false);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('chưa mở để tự đánh giá');
    // Only admins edit frames.
    expect((await t.request('POST', `${BASE}/frames/${frame.id}/status`, manager, { status: 'open' })).statusCode).toBe(403);
    await open(frame.id);

    // The centre's own unit: "procedures published" comes from the catalogue, with the link to the records and suggested points.
    const start = (await evaluation(manager, frame.id, centreUnit)).json() as Evaluation;
    expect(start).toMatchObject({ id: null, status: 'draft', canEdit: true, canAppraise: false, maxPoints: 100 });
    const published = start.criteria.find((c) => c.code === '3.1')!;
    expect(published.prefill!.figure.key).toBe('procedures-published');
    expect(published.prefill!.figure.value).not.toBeNull();
    const recordsLink = `${BASE}/frames/${frame.id}/units/${centreUnit}/figures/procedures-published`;
    expect(published.prefill!.figure.link).toBe(recordsLink);
    expect(published.prefill!.suggestedPoints).not.toBeNull();
    expect(published.selfScore).toBe(published.prefill!.suggestedPoints);
    expect(published.selfNote).toContain('Số liệu hệ thống');
    // The link opens the records behind the figure: here the procedures of indicator 1.3 for the year, each with why it counts.
    const records = await t.request('GET', recordsLink, manager);
    expect(records.statusCode).toBe(200);
    expect(records.headers['content-type']).toContain('text/html');
    expect(records.body).toContain('Tỷ lệ TTHC công khai đầy đủ');
    expect(records.body).toContain('1.004873');
    const onTime = start.criteria.find((c) => c.code === '3.2')!;
    const book = await t.request('GET', onTime.prefill!.figure.link!.replace('on-time-rate', 'dossiers-received'), manager);
    expect(book.body).toContain('SỔ THEO DÕI');

    // A department without records in the product: no figures, nothing pre-filled; its head cannot see the centre's.
    const dept = (await evaluation(head, frame.id, department)).json() as Evaluation;
    expect(dept.criteria.find((c) => c.code === '3.1')!.prefill!.figure.value).toBeNull();
    expect(dept.criteria.find((c) => c.code === '3.1')!.selfScore).toBeNull();
    expect((await evaluation(head, frame.id, centreUnit)).statusCode).toBe(404);
    // The inspector sees nothing until it is sent for appraisal.
    expect((await evaluation(inspector, frame.id, centreUnit)).statusCode).toBe(404);
    expect((await t.request('GET', `${BASE}/frames/${frame.id}/units`, inspector)).json()).toEqual([]);

    // Scores without evidence: submitting names the criteria that need it.
    const points = (c: Evaluation['criteria'][number]) => c.prefill?.suggestedPoints ?? c.maxPoints;
    const noEvidence = await scoreAll(manager, frame.id, centreUnit, points, null, true);
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.message).toMatch(/chưa đính kèm tài liệu kiểm chứng cho các tiêu chí 1\.1, 1\.2/);
    // Too many points for a criterion.
    const tooMany = await t.request('PUT', `${BASE}/frames/${frame.id}/units/${centreUnit}`, manager, { scores: [{ code: '1.1', selfScore: 3.5 }] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain('tiêu chí 1.1: điểm tự chấm 3,5 vượt điểm tối đa 3');

    const plan = await upload(manager, 'ke-hoach-cchc-2026.pdf');
    const submitted = await scoreAll(manager, frame.id, centreUnit, points, plan.id, true);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const sent = submitted.json() as Evaluation;
    expect(sent).toMatchObject({ status: 'submitted', canEdit: false, appraisalTotal: null, finalScore: null, grade: null });
    expect(sent.criteria[0]!.files.map((f) => f.name)).toEqual(['ke-hoach-cchc-2026.pdf']);
    const selfTotal = sent.selfTotal;

    // The figures are frozen at submission: a procedure withdrawn afterwards changes the live figure, not the one appraised.
    const frozen = sent.criteria.find((c) => c.code === '3.1')!.prefill!.figure;
    await t.ctx.db.updateTable('procedure').set({ active: false }).where('code', '=', '1.004873').execute();
    const centreId = (await t.ctx.db.selectFrom('orgUnit').select('figuresCentreId').where('id', '=', centreUnit).executeTakeFirstOrThrow()).figuresCentreId;
    const live = (await computeReformFigures(t.ctx, centreId, yearPeriod(2026))).find((f) => f.key === 'procedures-published')!;
    expect(live.denominator).toBe(frozen.denominator! - 1);
    expect(((await evaluation(inspector, frame.id, centreUnit)).json() as Evaluation).criteria.find((c) => c.code === '3.1')!.prefill!.figure).toEqual(frozen);
    await t.ctx.db.updateTable('procedure').set({ active: true }).where('code', '=', '1.004873').execute();

    // Once submitted the unit cannot change it, and the criteria of the frame are fixed.
    expect((await scoreAll(manager, frame.id, centreUnit, () => 0, null, false)).statusCode).toBe(400);
    const edit = await t.request('PUT', `${BASE}/frames/${frame.id}`, admin, { name: frame.name, fields: frame.fields.slice(1), gradeBands: frame.gradeBands });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.message).toContain('đã có 1 đơn vị gửi bản tự đánh giá');

    // The appraiser: lists what was sent, scores every criterion, 2 points less on 3.6 with a comment.
    const listed = (await t.request('GET', `${BASE}/frames/${frame.id}/units`, inspector)).json() as EvaluationListItem[];
    expect(listed.map((l) => [l.unitId, l.status])).toEqual([[centreUnit, 'submitted']]);
    const seen = (await evaluation(inspector, frame.id, centreUnit)).json() as Evaluation;
    expect(seen.canAppraise).toBe(true);
    // The inspector holds no role at the centre, yet checks the records through the evaluation; a unit head of another unit cannot.
    expect((await t.request('GET', recordsLink, inspector)).body).toContain('1.004873');
    expect((await t.request('GET', recordsLink, head)).statusCode).toBe(404);
    const appraisal = seen.criteria.map((c) => ({
      code: c.code,
      appraisalScore: c.code === '3.6' ? c.selfScore! - 2 : c.selfScore,
      appraisalComment: c.code === '3.6' ? 'Sổ theo dõi thiếu 3 tháng' : '',
    }));
    // The unit cannot appraise itself; incomplete appraisal cannot close.
    expect((await appraise(manager, frame.id, centreUnit, appraisal, true)).statusCode).toBe(403);
    const partial = await appraise(inspector, frame.id, centreUnit, appraisal.slice(0, 5), true);
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.message).toContain('chưa chấm điểm thẩm định các tiêu chí 2.1');
    // Before the appraisal is complete the unit does not see the appraisers' scores.
    expect((await appraise(inspector, frame.id, centreUnit, appraisal, false)).statusCode).toBe(200);
    const meanwhile = (await evaluation(manager, frame.id, centreUnit)).json() as Evaluation;
    expect(meanwhile.criteria.find((c) => c.code === '3.6')!.appraisalScore).toBeNull();

    const done = await appraise(inspector, frame.id, centreUnit, [], true);
    expect(done.statusCode, done.body).toBe(200);

    const result = (await evaluation(manager, frame.id, centreUnit)).json() as Evaluation;
    expect(result.status).toBe('appraised');
    expect(result.finalScore).toBe(selfTotal - 2);
    expect(result.appraisedByName).toBe('Bùi Văn Kiên');
    const c36 = result.criteria.find((c) => c.code === '3.6')!;
    expect(c36).toMatchObject({ difference: -2, appraisalComment: 'Sổ theo dõi thiếu 3 tháng' });
    expect(result.criteria.filter((c) => c.difference !== 0).map((c) => c.code)).toEqual(['3.6']);
    // The result sheet prints (Word-friendly HTML) with the difference and the comment.
    const sheet = await t.request('GET', `${BASE}/frames/${frame.id}/units/${centreUnit}/print`, manager);
    expect(sheet.headers['content-type']).toContain('text/html');
    expect(sheet.body).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ VÀ THẨM ĐỊNH');
    expect(sheet.body).toMatch(/<td class="n">-2<\/td><td>Sổ theo dõi thiếu 3 tháng/);
    expect((await t.request('GET', `${BASE}/frames/${frame.id}/units/${centreUnit}/print`, head)).statusCode).toBe(404);
    const expectedGrade = result.finalScore! >= 90 ? 'Xuất sắc' : result.finalScore! >= 80 ? 'Tốt' : result.finalScore! >= 65 ? 'Khá' : result.finalScore! >= 50 ? 'Trung bình' : 'Yếu';
    expect(result.grade).toBe(expectedGrade);
  });

  it('units are ranked by appraised score with their rank change, and a unit sees its years side by side', async () => {
    const frames = (await t.request('GET', `${BASE}/frames`, manager)).json() as FrameSummary[];
    const f2026 = frames.find((f) => f.year === 2026)!;
    // Last year: the department was first, the centre second.
    const f2025 = await createFrame(2025, f2026.id);
    await open(f2025.id);
    const evidence = await upload(manager, 'bao-cao-2025.pdf');
    for (const [unit, auth, points] of [
      [department, head, (c: Evaluation['criteria'][number]) => c.maxPoints],
      [centreUnit, manager, (c: Evaluation['criteria'][number]) => (c.fieldCode === '7' ? 0 : c.maxPoints)],
    ] as const) {
      expect((await scoreAll(auth, f2025.id, unit, points, evidence.id, true)).statusCode).toBe(200);
      const sent = (await evaluation(admin, f2025.id, unit)).json() as Evaluation;
      expect((await appraise(admin, f2025.id, unit, sent.criteria.map((c) => ({ code: c.code, appraisalScore: c.selfScore })), true)).statusCode).toBe(200);
    }
    // This year the department scores low; the third unit never finishes.
    expect((await scoreAll(head, f2026.id, department, (c) => c.maxPoints / 2, evidence.id, true)).statusCode).toBe(200);
    const dept = (await evaluation(inspector, f2026.id, department)).json() as Evaluation;
    expect((await appraise(inspector, f2026.id, department, dept.criteria.map((c) => ({ code: c.code, appraisalScore: c.selfScore })), true)).statusCode).toBe(200);

    const ranking = (await t.request('GET', `${BASE}/ranking?year=2026`, head)).json() as Ranking;
    expect(ranking.rows.map((r) => [r.unitId, r.rank, r.previousRank, r.rankChange])).toEqual([
      [centreUnit, 1, 2, 1],
      [department, 2, 1, -1],
    ]);
    expect(ranking.rows[1]).toMatchObject({ finalScore: 50, grade: 'Trung bình', previousScore: 100 });
    expect(ranking.unranked.map((u) => u.unitId)).toContain(otherDepartment);
    const xlsx = await t.request('GET', `${BASE}/ranking.xlsx?year=2026`, inspector);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1, 7));
    expect(rows).toContainEqual([2, 'Phòng Văn hóa – Xã hội', 50, 'Trung bình', 1, -1]);

    const history = (await t.request('GET', `${BASE}/units/${department}/history`, head)).json() as YearOverYear;
    expect(history.years.map((y) => [y.year, y.finalScore, y.grade, y.rank, y.ranked])).toEqual([
      [2025, 100, 'Xuất sắc', 1, 2],
      [2026, 50, 'Trung bình', 2, 2],
    ]);
    expect(history.years[1]!.fields.find((f) => f.code === '3')).toMatchObject({ maxPoints: 30, finalPoints: 15 });
    // A unit head cannot open another unit's history.
    expect((await t.request('GET', `${BASE}/units/${centreUnit}/history`, head)).statusCode).toBe(404);
  });

  it("appraisers return an evaluation for correction; only the unit's own people score it, and only while the frame is open", async () => {
    const f2026 = ((await t.request('GET', `${BASE}/frames`, admin)).json() as FrameSummary[]).find((f) => f.year === 2026)!;
    const frame = await createFrame(2024, f2026.id);
    await open(frame.id);
    const evidence = await upload(admin, 'bien-ban.pdf');
    // The department head scores only its own unit; an inspector scores none.
    expect((await t.request('PUT', `${BASE}/frames/${frame.id}/units/${otherDepartment}`, head, { scores: [] })).statusCode).toBe(404);
    expect((await t.request('PUT', `${BASE}/frames/${frame.id}/units/${otherDepartment}`, inspector, { scores: [] })).statusCode).toBe(403);
    // A manager not tied to a unit scores for a department that has no account of its own.
    expect((await scoreAll(manager, frame.id, otherDepartment, (c) => c.maxPoints, evidence.id, true)).statusCode).toBe(200);

    const returned = await t.request('POST', `${BASE}/frames/${frame.id}/units/${otherDepartment}/return`, inspector);
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'draft', canAppraise: false });
    // Back with the unit: it corrects and can submit again; the inspector no longer sees it meanwhile.
    expect((await evaluation(inspector, frame.id, otherDepartment)).statusCode).toBe(404);
    const corrected = await scoreAll(manager, frame.id, otherDepartment, (c) => (c.code === '1.1' ? 1 : c.maxPoints), evidence.id, false);
    expect(corrected.json()).toMatchObject({ status: 'draft', selfTotal: 98, canEdit: true });

    // Closed: nobody scores any more.
    expect((await t.request('POST', `${BASE}/frames/${frame.id}/status`, admin, { status: 'closed' })).statusCode).toBe(200);
    const closed = await scoreAll(manager, frame.id, otherDepartment, (c) => c.maxPoints, evidence.id, true);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.message).toContain('bộ tiêu chí năm 2024 đã khóa');
  });

  it('an admin imports a frame from JSON or Excel; a bad file names the row and changes nothing', async () => {
    const frame = await createFrame(2027);
    const importFile = (format: 'json' | 'xlsx', content: string) => t.request('POST', `${BASE}/frames/${frame.id}/import`, admin, { format, content });

    // JSON: a criterion without points is refused by its place in the file.
    const example = (await t.request('GET', `${BASE}/example-frame`, admin)).json() as Frame;
    const broken = structuredClone(example);
    (broken.fields[2]!.criteria[1] as { maxPoints?: number }).maxPoints = undefined;
    const bad = await importFile('json', JSON.stringify(broken));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('lĩnh vực thứ 3 › tiêu chí thứ 2 › điểm tối đa');
    const small = { name: 'Bộ tiêu chí rút gọn', gradeBands: [{ label: 'Đạt', min: 50 }, { label: 'Không đạt', min: 0 }], fields: [{ code: 'A', name: 'Cải cách TTHC', criteria: [{ code: 'A.1', name: 'Đúng hạn', maxPoints: 60, prefill: { key: 'on-time-rate', full: 100, zero: 90 } }, { code: 'A.2', name: 'Công khai', maxPoints: 40 }] }] };
    const good = await importFile('json', JSON.stringify(small));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ name: 'Bộ tiêu chí rút gọn', totalPoints: 100, criteriaCount: 2 });

    // Excel: the export reads back; a wrong cell is refused with its row, and the frame stays as it was.
    const exported = await t.request('GET', `${BASE}/frames/${frame.id}/export.xlsx`, admin);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tiêu chí')!;
    expect(sheet.getRow(1).getCell(5).text).toBe('Điểm tối đa');
    sheet.addRow(['B', 'Chính quyền số', 'B.1', 'Hồ sơ trực tuyến', 'mười', '', 'Có', 'online-rate', 50, 0]);
    const badXlsx = await importFile('xlsx', Buffer.from(await book.xlsx.writeBuffer()).toString('base64'));
    expect(badXlsx.statusCode).toBe(400);
    expect(badXlsx.json().error.message).toContain('dòng 4 (trang "Tiêu chí"): điểm tối đa "mười" của tiêu chí B.1');
    expect(((await t.request('GET', `${BASE}/frames/${frame.id}`, admin)).json() as Frame).criteriaCount).toBe(2);

    sheet.getRow(4).getCell(5).value = 10;
    const goodXlsx = await importFile('xlsx', Buffer.from(await book.xlsx.writeBuffer()).toString('base64'));
    expect(goodXlsx.statusCode, goodXlsx.body).toBe(200);
    const imported = goodXlsx.json() as Frame;
    expect(imported.criteriaCount).toBe(3);
    expect(imported.totalPoints).toBe(110);
    expect(imported.fields[1]!.criteria[0]).toMatchObject({ code: 'B.1', maxPoints: 10, prefill: { key: 'online-rate', full: 50, zero: 0 } });
    expect(imported.gradeBands.map((b) => b.label)).toEqual(['Đạt', 'Không đạt']);

    // Edited on screen: one more point on B.1; a duplicated code is refused by name.
    const edited = structuredClone(imported);
    edited.fields[1]!.criteria[0]!.maxPoints = 11;
    const put = await t.request('PUT', `${BASE}/frames/${frame.id}`, admin, { name: edited.name, fields: edited.fields, gradeBands: edited.gradeBands });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ totalPoints: 111 });
    edited.fields[1]!.criteria[0]!.code = 'A.1';
    const duplicate = await t.request('PUT', `${BASE}/frames/${frame.id}`, admin, { name: edited.name, fields: edited.fields, gradeBands: edited.gradeBands });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.message).toContain('mã tiêu chí "A.1" bị trùng (lĩnh vực B)');

    // Not an Excel file at all.
    const garbage = await importFile('xlsx', Buffer.from('not a workbook').toString('base64'));
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.message).toContain('không đọc được tệp Excel');
    // Only admins import.
    expect((await t.request('POST', `${BASE}/frames/${frame.id}/import`, inspector, { format: 'json', content: JSON.stringify(small) })).statusCode).toBe(403);
  });
});
