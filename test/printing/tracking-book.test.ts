import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  renderTrackingBookHtml,
  TRACKING_BOOK_HEADERS,
  writeTrackingBookXlsx,
  type TrackingBookRow,
} from '../../src/server/printing/tracking-book';

function row(overrides: Partial<TrackingBookRow> = {}): TrackingBookRow {
  return {
    index: 1,
    code: '000.00.16.H26-251203-0001',
    procedureName: 'Đăng ký khai sinh',
    fieldName: 'Hộ tịch',
    sets: 1,
    applicantName: 'Nguyễn Thị Lan',
    applicantContact: 'Số 5 Quang Trung, Hà Đông; 0912345678',
    agency: 'UBND phường Hà Đông',
    // 08:05 on 3 December 2025 in Hà Nội.
    receivedAt: new Date('2025-12-03T01:05:00Z'),
    dueAt: new Date('2025-12-05T10:00:00Z'),
    extendedDueAt: null,
    transferredAt: new Date('2025-12-03T02:00:00Z'),
    resultAt: new Date('2025-12-04T08:00:00Z'),
    returnedAt: new Date('2025-12-04T09:30:00Z'),
    returnedTo: 'Nguyễn Thị Lan',
    status: 'Đã trả kết quả',
    timeliness: 'early',
    overdue: false,
    note: '',
    ...overrides,
  };
}

const TITLE = { centreName: 'Trung tâm Phục vụ hành chính công phường Hà Đông', from: '2025-12-01', to: '2025-12-31' };

const rows: TrackingBookRow[] = [
  row(),
  row({
    index: 2,
    code: '000.00.16.H26-251203-0002',
    applicantName: 'Trần Văn Bình',
    // 23:30 on 3 December in Hà Nội; Excel must not show 16:30.
    receivedAt: new Date('2025-12-03T16:30:00Z'),
    dueAt: new Date('2025-12-04T10:00:00Z'),
    extendedDueAt: new Date('2025-12-09T10:00:00Z'),
    transferredAt: null,
    resultAt: null,
    returnedAt: null,
    returnedTo: null,
    status: 'Đang giải quyết',
    timeliness: null,
    overdue: true,
    note: 'Chờ xác minh',
  }),
];

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** The row whose first cell is "STT". */
function headerRowNumber(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 10; r++) if (sheet.getRow(r).getCell(1).value === 'STT') return r;
  throw new Error('no header row');
}

describe('writeTrackingBookXlsx', () => {
  it('has the title and the Form 07 columns in Vietnamese', async () => {
    const sheet = await readBack(await writeTrackingBookXlsx(rows, TITLE));
    const header = headerRowNumber(sheet);
    const titles = Array.from({ length: header - 1 }, (_, i) => sheet.getRow(i + 1).getCell(1).value);
    expect(titles).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(titles).toContain('Trung tâm Phục vụ hành chính công phường Hà Đông');
    expect(titles).toContain('Từ ngày 01/12/2025 đến ngày 31/12/2025');
    const headings = Array.from({ length: 14 }, (_, i) => sheet.getRow(header).getCell(i + 1).value);
    expect(headings).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên TTHC',
      'Số lượng hồ sơ (bộ)',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Nhận hồ sơ (giờ, ngày)',
      'Hẹn trả kết quả',
      'Chuyển hồ sơ đến cơ quan giải quyết',
      'Nhận kết quả từ cơ quan giải quyết',
      'Trả kết quả (giờ, ngày)',
      'Kết quả (Trước hạn/Đúng hạn/Quá hạn)',
      'Ghi chú',
    ]);
    expect(TRACKING_BOOK_HEADERS).toEqual(headings);
  });

  it('writes one line per dossier with its outcome', async () => {
    const sheet = await readBack(await writeTrackingBookXlsx(rows, TITLE));
    const first = sheet.getRow(headerRowNumber(sheet) + 1);
    const second = sheet.getRow(headerRowNumber(sheet) + 2);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => first.getCell(c).value)).toEqual([
      1,
      '000.00.16.H26-251203-0001',
      'Đăng ký khai sinh',
      1,
      'Nguyễn Thị Lan',
      'Số 5 Quang Trung, Hà Đông; 0912345678',
      'UBND phường Hà Đông',
    ]);
    expect(first.getCell(13).value).toBe('Trước hạn');
    expect(first.getCell(14).value).toBe('Người nhận kết quả: Nguyễn Thị Lan');
    expect(second.getCell(13).value).toBe('Đang giải quyết (quá hạn)');
    expect(second.getCell(14).value).toBe('Hẹn lại: 09/12/2025 17:00; Chờ xác minh');
    expect(second.getCell(10).value).toBeNull();
  });

  it('writes times as real date cells showing the Hà Nội wall-clock time', async () => {
    const sheet = await readBack(await writeTrackingBookXlsx(rows, TITLE));
    const first = sheet.getRow(headerRowNumber(sheet) + 1);
    const received = first.getCell(8);
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    // Excel has no zones: the cell's clock reads 08:05, whatever computer opens it.
    expect((received.value as Date).toISOString()).toBe('2025-12-03T08:05:00.000Z');
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((first.getCell(12).value as Date).toISOString()).toBe('2025-12-04T16:30:00.000Z');
    const lateNight = sheet.getRow(headerRowNumber(sheet) + 2).getCell(8);
    expect((lateNight.value as Date).toISOString()).toBe('2025-12-03T23:30:00.000Z');
  });

  it('fills overdue lines light red and leaves the others white', async () => {
    const sheet = await readBack(await writeTrackingBookXlsx(rows, TITLE));
    const header = headerRowNumber(sheet);
    const fillOf = (r: number, c: number) => {
      const fill = sheet.getRow(r).getCell(c).fill as ExcelJS.FillPattern | undefined;
      return fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
    };
    for (let c = 1; c <= 14; c++) {
      expect(fillOf(header + 2, c)).toBe('FFFFC7CE');
      expect(fillOf(header + 1, c)).toBeUndefined();
    }
  });

  it('prints A4 landscape with the header frozen and filterable', async () => {
    const sheet = await readBack(await writeTrackingBookXlsx(rows, TITLE));
    const header = headerRowNumber(sheet);
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(sheet.autoFilter).toBe(`A${header}:N${header}`);
  });

  it('still makes a workbook for an empty period', async () => {
    const sheet = await readBack(await writeTrackingBookXlsx([], TITLE));
    expect(sheet.getRow(headerRowNumber(sheet)).getCell(2).value).toBe('Mã hồ sơ');
    expect(sheet.getRow(headerRowNumber(sheet) + 1).getCell(1).value).toBeNull();
  });
});

describe('renderTrackingBookHtml', () => {
  it('is an A4 landscape Form 07 with every line in local time', () => {
    const html = renderTrackingBookHtml(rows, TITLE);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('Mẫu số 07');
    expect(html).toContain('<h1 class="book-title form-title">SỔ THEO DÕI HỒ SƠ</h1>');
    expect(html).toContain('Từ ngày 01/12/2025 đến ngày 31/12/2025');
    for (const heading of TRACKING_BOOK_HEADERS) expect(html).toContain(`<th>${heading}</th>`);
    const lines = [...html.matchAll(/<tr class="book-row( overdue)?">([\s\S]*?)<\/tr>/g)];
    expect(lines.map((m) => Boolean(m[1]))).toEqual([false, true]);
    expect(lines[0]![2]).toContain('<td class="time received-at">08:05<br>03/12/2025</td>');
    expect(lines[1]![2]).toContain('<td class="time received-at">23:30<br>03/12/2025</td>');
    expect(lines[1]![2]).toContain('<td class="result">Đang giải quyết (quá hạn)</td>');
  });

  it('escapes names and notes', () => {
    const html = renderTrackingBookHtml(
      [row({ applicantName: '<script>alert(1)</script>', note: '<img src=x onerror=alert(2)>' })],
      { ...TITLE, centreName: '</title><b>x</b>' },
    );
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<img|<b>/);
  });
});
