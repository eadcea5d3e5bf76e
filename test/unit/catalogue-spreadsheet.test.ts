import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpreadsheetRows } from '../../src/core/catalogue/spreadsheet-row';
import { isAppError } from '../../src/core/shared/app-error';
import { parseCsv, readCatalogueSource } from '../../src/server/catalogue/read-catalogue-source';

const row = (overrides: Record<string, string> = {}): Record<string, string> => ({
  'Mã thủ tục': '1.001193',
  'Tên thủ tục': 'Đăng ký khai sinh',
  'Lĩnh vực': 'Hộ tịch',
  'Thời hạn giải quyết': '1',
  'Đơn vị thời gian': 'trong ngày',
  'Giờ tiếp nhận tối đa': '15:00',
  'Phí, lệ phí (đồng)': 'Miễn phí',
  'Thành phần hồ sơ': 'Tờ khai đăng ký khai sinh (1 bản chính); Giấy chứng sinh - 1 bản chính\nVăn bản ủy quyền (nếu có)',
  'Cơ quan thực hiện': 'UBND phường Hà Đông',
  'Quyết định công bố': '663/QĐ-UBND',
  ...overrides,
});

describe('parseSpreadsheetRows', () => {
  it('reads a full row into a draft', () => {
    const { drafts, warnings } = parseSpreadsheetRows([row()], 'ds.xlsx');
    expect(warnings).toEqual([]);
    expect(drafts).toEqual([
      expect.objectContaining({
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        fieldName: 'Hộ tịch',
        decision: '663/QĐ-UBND',
        agency: 'UBND phường Hà Đông',
        cutoff: '15:00',
        rules: [{ channel: 'direct', amount: 1, unit: 'same-day', feeDong: 0, feeText: 'Miễn phí', description: '' }],
        documents: [
          { name: 'Tờ khai đăng ký khai sinh', copies: '1 bản chính', mandatory: true },
          { name: 'Giấy chứng sinh', copies: '1 bản chính', mandatory: true },
          { name: 'Văn bản ủy quyền (nếu có)', copies: '', mandatory: false },
        ],
        source: 'ds.xlsx:2',
      }),
    ]);
    expect(drafts[0]!.steps.map((s) => s.allowanceHours)).toEqual([1, 4, 1, 1, 1]);
  });

  it.each<[string, Record<string, string>, [string, string, string | null]]>([
    ['upper case', Object.fromEntries(Object.entries(row()).map(([k, v]) => [k.toUpperCase(), v])), ['1.001193', 'same-day', '15:00']],
    [
      'no diacritics',
      { 'ma thu tuc': '1.000894', 'ten thu tuc': 'Đăng ký kết hôn', 'thoi han giai quyet': '5', 'don vi thoi gian': 'ngay lam viec' },
      ['1.000894', 'working-days', null],
    ],
  ])('matches headers written in %s', (_label, input, expected) => {
    const { drafts } = parseSpreadsheetRows([input], 's.csv');
    expect(drafts.map((d) => [d.code, d.rules[0]!.unit, d.cutoff])).toEqual([expected]);
  });

  it.each([
    ['ngày làm việc', 'working-days'],
    ['Ngày Làm Việc', 'working-days'],
    ['ngày', 'days'],
    ['giờ', 'hours'],
    ['Trong ngày', 'same-day'],
    ['working-days', 'working-days'],
    ['days', 'days'],
    ['hours', 'hours'],
    ['same-day', 'same-day'],
  ])('unit "%s" → %s', (unitText, unit) => {
    const { drafts } = parseSpreadsheetRows([row({ 'Đơn vị thời gian': unitText, 'Thời hạn giải quyết': '3' })], 's');
    expect(drafts[0]!.rules[0]).toMatchObject({ unit });
  });

  it.each([
    ['8.000', 8000],
    ['120,000 VNĐ', 120000],
    ['Lệ phí: 8.000 đồng/bản', 8000],
    ['Không', 0],
    ['0', 0],
    ['Theo quy định của HĐND tỉnh', null],
    ['', null],
  ])('fee "%s" → %s đồng', (feeText, feeDong) => {
    const { drafts } = parseSpreadsheetRows([row({ 'Phí, lệ phí (đồng)': feeText })], 's');
    expect(drafts[0]!.rules[0]).toMatchObject({ feeDong, feeText });
  });

  it('skips a row with an unknown unit, naming the row, the column and the allowed values', () => {
    const { drafts, warnings } = parseSpreadsheetRows([row(), row({ 'Mã thủ tục': '1.000894', 'Đơn vị thời gian': 'tuần' })], 'ds.xlsx');
    expect(drafts.map((d) => d.code)).toEqual(['1.001193']);
    expect(warnings).toEqual([
      {
        source: 'ds.xlsx:3',
        code: '1.000894',
        field: 'Đơn vị thời gian',
        message: expect.stringContaining('dòng 3'),
        skipped: true,
      },
    ]);
    expect(warnings[0]!.message).toContain('"tuần"');
    expect(warnings[0]!.message).toContain('ngày làm việc (working-days), ngày (days), giờ (hours), trong ngày (same-day)');
  });

  it.each([
    ['a bad code', { 'Mã thủ tục': '1001193' }, 'Mã thủ tục'],
    ['no name', { 'Tên thủ tục': '' }, 'Tên thủ tục'],
    ['a time that is not a number', { 'Thời hạn giải quyết': 'ba', 'Đơn vị thời gian': 'ngày' }, 'Thời hạn giải quyết'],
    ['no time for a multi-day unit', { 'Thời hạn giải quyết': '', 'Đơn vị thời gian': 'ngày' }, 'Thời hạn giải quyết'],
  ])('skips a row with %s', (_label, overrides, field) => {
    const { drafts, warnings } = parseSpreadsheetRows([row(overrides)], 's');
    expect(drafts).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ field, skipped: true, source: 's:2' })]);
  });

  it('keeps a row with an unreadable cut-off but says the hour was dropped', () => {
    const { drafts, warnings } = parseSpreadsheetRows([row({ 'Giờ tiếp nhận tối đa': 'chiều' })], 's');
    expect(drafts[0]!.cutoff).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ field: 'Giờ tiếp nhận tối đa', skipped: false })]);
  });

  it.each([
    ['15h', '15:00'],
    ['15 giờ 30', '15:30'],
    ['9:05', '09:05'],
  ])('cut-off "%s" → %s', (text, cutoff) => {
    expect(parseSpreadsheetRows([row({ 'Giờ tiếp nhận tối đa': text })], 's').drafts[0]!.cutoff).toBe(cutoff);
  });

  it('rejects a whole sheet without the required columns once, not row by row', () => {
    const { drafts, warnings } = parseSpreadsheetRows([{ ma_thu_tuc: '1.001193', ten_thu_tuc: 'x' }, { ma_thu_tuc: '1.000894' }], 'index.csv');
    expect(drafts).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ skipped: true, source: 'index.csv' });
    expect(warnings[0]!.message).toContain('"Thời hạn giải quyết", "Đơn vị thời gian"');
  });

  it('ignores blank rows', () => {
    const blank = Object.fromEntries(Object.keys(row()).map((k) => [k, ' ']));
    const { drafts, warnings } = parseSpreadsheetRows([row(), blank], 's');
    expect(drafts).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});

describe('parseCsv', () => {
  it.each([
    ['comma', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['semicolon', 'a;b\r\n1;2', [['a', 'b'], ['1', '2']]],
    ['quoted separator, quote and line break', 'a,b\n"x, ""y""","line1\nline2"\n', [['a', 'b'], ['x, "y"', 'line1\nline2']]],
    ['semicolon header with commas in a quoted name', '"Phí, lệ phí (đồng)";b\n8.000;2', [['Phí, lệ phí (đồng)', 'b'], ['8.000', '2']]],
  ])('%s', (_label, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('refuses an unterminated quote', () => {
    expect(parseCsv('a,b\n"open,2\n')).toBeNull();
  });
});

describe('readCatalogueSource', () => {
  let dir: string;
  const headers = Object.keys(row());
  const nationalRecord = (code: string, name: string) => ({
    ma_thu_tuc: code,
    ten_thu_tuc: name,
    linh_vuc: 'Chứng thực',
    cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việcMiễn phí',
    thanh_phan_ho_so: '--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản chính giấy tờ1 bản chính',
    co_quan_thuc_hien: 'UBND cấp xã',
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-catalogue-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.addRow(headers);
    sheet.addRow(headers.map((h) => row()[h]));
    sheet.addRow(headers.map((h) => row({ 'Mã thủ tục': '2.000635', 'Tên thủ tục': 'Cấp bản sao trích lục', 'Thời hạn giải quyết': '', 'Đơn vị thời gian': 'ngày' })[h]));
    // A number cell, as Excel stores a typed-in time or fee.
    const third = sheet.addRow(headers.map((h) => row({ 'Mã thủ tục': '1.004873', 'Đơn vị thời gian': 'ngày làm việc', 'Giờ tiếp nhận tối đa': '' })[h]));
    third.getCell(headers.indexOf('Thời hạn giải quyết') + 1).value = 3;
    third.getCell(headers.indexOf('Phí, lệ phí (đồng)') + 1).value = 15000;
    mkdirSync(join(dir, 'b-sheets'));
    await workbook.xlsx.writeFile(join(dir, 'b-sheets', 'danh-muc.xlsx'));

    const csvRows = [
      headers.join(';'),
      headers.map((h) => row({ 'Mã thủ tục': '1.000894', 'Tên thủ tục': 'Đăng ký kết hôn', 'Thành phần hồ sơ': 'Tờ khai\nGiấy tờ tùy thân' })[h]).map((v) => `"${v.replace(/"/g, '""')}"`).join(';'),
      // Same code as the xlsx row that comes first in path order: reported, not imported twice.
      headers.map((h) => row({ 'Tên thủ tục': 'Khai sinh (bản trùng)' })[h]).map((v) => `"${v}"`).join(';'),
    ];
    writeFileSync(join(dir, 'b-sheets', 'rieng.csv'), `\uFEFF${csvRows.join('\r\n')}\r\n`, 'utf8');

    mkdirSync(join(dir, 'a-records', 'bo-tu-phap'), { recursive: true });
    writeFileSync(join(dir, 'a-records', 'bo-tu-phap', '2.000815.json'), JSON.stringify(nationalRecord('2.000815', 'Chứng thực bản sao')));
    writeFileSync(
      join(dir, 'a-records', 'list.json'),
      JSON.stringify([nationalRecord('2.000884', 'Chứng thực chữ ký'), { ...nationalRecord('1.000005', 'Hải quan'), linh_vuc: 'Hải quan' }]),
    );
    writeFileSync(join(dir, 'a-records', 'broken.json'), '{ "ma_thu_tuc": ');
    writeFileSync(join(dir, 'a-records', 'latin1.csv'), Buffer.from([0x4d, 0xe3, 0x20, 0x74, 0x68, 0x0a]));
    writeFileSync(join(dir, 'b-sheets', 'broken.xlsx'), 'this is not a zip');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a folder recursively in path order, skipping what it cannot read', async () => {
    const { drafts, warnings } = await readCatalogueSource(dir);
    expect(drafts.map((d) => d.code)).toEqual(['2.000815', '2.000884', '1.001193', '1.004873', '1.000894']);
    expect(drafts.find((d) => d.code === '1.004873')!.rules[0]).toMatchObject({ amount: 3, unit: 'working-days', feeDong: 15000 });
    expect(drafts.find((d) => d.code === '1.000894')!.documents.map((d) => d.name)).toEqual(['Tờ khai', 'Giấy tờ tùy thân']);

    const skipped = warnings.filter((w) => w.skipped).map((w) => [w.source.slice(dir.length + 1), w.field]);
    expect(skipped).toEqual([
      [join('a-records', 'broken.json'), 'file'],
      [join('a-records', 'latin1.csv'), 'file'],
      [join('a-records', 'list.json') + '[1]', 'linh_vuc'],
      [join('b-sheets', 'broken.xlsx'), 'file'],
      [join('b-sheets', 'danh-muc.xlsx') + ':3', 'Thời hạn giải quyết'],
      [join('b-sheets', 'rieng.csv') + ':3', 'ma_thu_tuc'],
    ]);
    expect(warnings.find((w) => w.field === 'ma_thu_tuc')!.message).toContain('trùng');
  });

  it('gives the same drafts twice in a row', async () => {
    const first = await readCatalogueSource(dir);
    const second = await readCatalogueSource(dir);
    expect(second).toEqual(first);
  });

  it('reads a single file of each kind', async () => {
    expect((await readCatalogueSource(join(dir, 'a-records', 'list.json'))).drafts.map((d) => d.code)).toEqual(['2.000884']);
    // Alone, the csv's second row is no duplicate: duplicates are counted within one import.
    expect((await readCatalogueSource(join(dir, 'b-sheets', 'rieng.csv'))).drafts.map((d) => d.code)).toEqual(['1.000894', '1.001193']);
    expect((await readCatalogueSource(join(dir, 'b-sheets', 'danh-muc.xlsx'))).drafts.map((d) => d.code)).toEqual(['1.001193', '1.004873']);
  });

  it('throws CATALOGUE_FILE_INVALID for a path that does not exist', async () => {
    const missing = join(dir, 'khong-co');
    const error = await readCatalogueSource(missing).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('CATALOGUE_FILE_INVALID');
    expect(isAppError(error) && error.params.source).toBe(missing);
  });
});
