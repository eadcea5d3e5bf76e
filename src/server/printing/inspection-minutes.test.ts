import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderMinutesHtml, writeMinutesXlsx, type MinutesModel } from './inspection-minutes';

const model: MinutesModel = {
  parentAgency: 'UBND thành phố Hà Nội',
  place: 'Hà Đông',
  title: 'Kiểm tra đợt 1',
  kind: 'inspection',
  planTitle: 'Kế hoạch kiểm tra CCHC năm 2026',
  planYear: 2026,
  decisionRef: 'QĐ 123/QĐ-UBND',
  roundNumber: 1,
  roundTitle: 'Kiểm tra đợt 1',
  scope: '',
  date: '2026-12-03',
  concluded: true,
  conclusion: 'Dòng một\nDòng hai',
  members: [{ name: 'Bùi Văn Kiên', role: 'Trưởng đoàn', organisation: 'Sở Nội vụ' }],
  leadName: 'Bùi Văn Kiên',
  secretaryName: 'Lê Văn Thư',
  units: [
    {
      name: 'Phòng <Văn hóa>',
      met: 0,
      partly: 0,
      notMet: 1,
      notApplicable: 0,
      pending: 0,
      metRate: 0,
      rows: [{ code: '3.1', text: 'Công khai TTHC', fieldLabel: '3. Cải cách thủ tục hành chính', verdict: 'Không đạt', note: '<script>alert(1)</script>', evidence: ['anh.png'] }],
      findings: [
        {
          criterionCode: '3.1',
          severity: 'Tồn tại, hạn chế',
          description: 'Chưa niêm yết',
          evidence: [],
          actions: [{ description: 'Niêm yết bổ sung', ownerName: 'Ngô Thị Bích', dueDate: '2026-12-02', workingDays: 5, status: 'Chưa khắc phục', overdue: true }],
        },
      ],
    },
  ],
  carried: [],
};

describe('inspection minutes', () => {
  it('is a Word-friendly A4 page with what people typed escaped, the date written out and overdue actions marked', () => {
    const html = renderMinutesHtml(model, null);
    expect(html).toContain('xmlns:w="urn:schemas-microsoft-com:office:word"');
    expect(html).toContain('margin: 2cm 1.5cm 2cm 3cm');
    expect(html).toContain('Hà Đông, ngày 03 tháng 12 năm 2026');
    expect(html).toContain('Phòng &lt;Văn hóa&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Dòng một<br>Dòng hai');
    expect(html).toMatch(/class="overdue">Chưa khắc phục – quá hạn/);
    expect(html).toContain('02/12/2026<br>(5 ngày làm việc)');
    // The copy for Word carries no script; the browser page gets its print button.
    expect(html).not.toContain('<script>');
    expect(renderMinutesHtml(model, 'void 0')).toContain('id="print-button"');
    expect(renderMinutesHtml({ ...model, kind: 'internal-audit' }, null)).toContain('BIÊN BẢN ĐÁNH GIÁ NỘI BỘ');
  });

  it('writes the same results and actions to a workbook, overdue rows in red', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeMinutesXlsx(model)) as unknown as ArrayBuffer);
    const results = workbook.getWorksheet('Kết quả kiểm tra')!;
    expect(results.getRow(4).values).toEqual([undefined, 'Đơn vị', 'Lĩnh vực', 'Mã', 'Tiêu chí', 'Kết quả', 'Nhận xét', 'Tài liệu kiểm chứng']);
    expect(results.getRow(5).getCell(5).value).toBe('Không đạt');
    const actions = workbook.getWorksheet('Tồn tại và khắc phục')!;
    const row = actions.getRow(5);
    expect(row.getCell(5).value).toBe('Niêm yết bổ sung');
    expect(row.getCell(7).value).toBe('02/12/2026');
    expect((row.getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
  });
});
