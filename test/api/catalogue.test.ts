/**
 * The catalogue as a manager keeps it: spreadsheet imports that are idempotent, versions that carry the
 * centre's own choices across re-imports, and a history of every import's report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, ProcedureDetail } from '../../src/contracts/dossier';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const HEADER = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết,Đơn vị thời gian,Phí, lệ phí (đồng),Thành phần hồ sơ';
const csv = (fee: string, unit = 'ngày làm việc') =>
  `${HEADER.replace('Phí, lệ phí (đồng)', '"Phí, lệ phí (đồng)"')}\n2.000001.H26,Thủ tục thử nghiệm,Nội vụ,5,${unit},${fee},Đơn đề nghị; Bản sao CCCD\n`;
const upload = (name: string, text: string) => ({ files: [{ name, contentBase64: Buffer.from(text, 'utf8').toString('base64') }] });

describe(`the procedure catalogue (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.login('quanly');
  });
  afterAll(async () => t?.close());

  const importFile = async (name: string, text: string) => {
    const res = await t.request('POST', '/api/v1/manage/catalogue/import', manager, upload(name, text));
    return { status: res.statusCode, body: res.json() as ImportReport & { error?: { code: string; message: string } } };
  };
  const find = async () => {
    const list = (await t.request('GET', '/api/v1/procedures?q=2.000001', manager)).json().procedures;
    return (await t.request('GET', `/api/v1/procedures/${list[0].id}`, manager)).json() as ProcedureDetail;
  };

  it('imports once, then changes nothing for the same file', async () => {
    const first = await importFile('danh-muc.csv', csv('50000'));
    expect(first.body).toMatchObject({ imported: 1, skipped: 0, unchanged: 0 });
    const again = await importFile('danh-muc.csv', csv('50000'));
    expect(again.body).toMatchObject({ imported: 0, skipped: 0, unchanged: 1 });
    const p = await find();
    expect(p.current.version).toBe(1);
    expect(p.current.rules[0]).toMatchObject({ channel: 'direct', amount: 5, unit: 'working-days', feeDong: 50000 });
    expect(p.current.documents.map((d) => d.name)).toEqual(['Đơn đề nghị', 'Bản sao CCCD']);
    expect(p.current.steps.reduce((sum, s) => sum + s.allowanceHours, 0)).toBe(40);
  });

  it('keeps the committed time and the centre’s own steps when a changed record is imported again', async () => {
    const p = await find();
    const steps = [
      { code: 'assign', name: 'Tiếp nhận', allowanceHours: 2, unit: 'Bộ phận Một cửa' },
      { code: 'appraise', name: 'Thẩm định', allowanceHours: 20, unit: 'Phòng Nội vụ' },
      { code: 'sign', name: 'Ký duyệt', allowanceHours: 2, unit: 'Lãnh đạo UBND' },
    ];
    const edited = await t.request('PUT', `/api/v1/manage/procedures/${p.id}`, manager, {
      name: p.current.name,
      fieldName: p.fieldName,
      fieldId: p.fieldId,
      active: true,
      rules: [{ ...p.current.rules[0], committedAmount: 3 }],
      documents: p.current.documents,
      steps,
      cutoff: null,
    });
    expect(edited.json().current.version).toBe(2);
    const changed = await importFile('danh-muc-2026.csv', csv('60000'));
    expect(changed.body).toMatchObject({ imported: 1, unchanged: 0 });
    const after = await find();
    expect(after.current.version).toBe(3);
    expect(after.current.rules[0]).toMatchObject({ feeDong: 60000, amount: 5, committedAmount: 3 });
    expect(after.current.steps).toEqual(steps);
    expect(after.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('reports a row it cannot read, names the column, and keeps every report for review', async () => {
    const bad = await importFile('sai-don-vi.csv', csv('0', 'tuần').replace('2.000001.H26', '2.000002.H26'));
    expect(bad.body).toMatchObject({ imported: 0, skipped: 1 });
    expect(bad.body.warnings[0]!.skipped).toBe(true);
    expect(bad.body.warnings[0]!.message).toContain('tuần');
    const history = (await t.request('GET', '/api/v1/manage/catalogue/imports', manager)).json().imports;
    expect(history.map((h: { source: string }) => h.source).slice(0, 4)).toEqual(['sai-don-vi.csv', 'danh-muc-2026.csv', 'danh-muc.csv', 'danh-muc.csv']);
    expect(history[0]).toMatchObject({ skipped: 1, actorName: 'Hoàng Thị Mai' });
  });

  it('refuses a file it cannot read as a catalogue, and imports nothing from the upload', async () => {
    const before = (await t.request('GET', '/api/v1/manage/catalogue/imports', manager)).json().imports.length;
    const wrongType = await importFile('danh-muc.pdf', '%PDF-1.4');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error!.code).toBe('CATALOGUE_FILE_INVALID');
    expect(wrongType.body.error!.message).toContain('danh-muc.pdf');
    const officer = await t.login('canbo1');
    expect((await t.request('POST', '/api/v1/manage/catalogue/import', officer, upload('a.csv', csv('1')))).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/catalogue/imports', manager)).json().imports.length).toBe(before);
  });
});
