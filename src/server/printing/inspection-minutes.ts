/**
 * The minutes of an inspection round (biên bản kiểm tra) and the year's summary report, as the team
 * would otherwise type them in Word and Excel:
 * - HTML that Word opens as a document (.doc): A4 with the margins of Decree 30/2020 (top/bottom 2 cm,
 *   left 3 cm, right 1.5 cm), Times New Roman 13 pt, the national motto header laid out with a table
 *   (Word ignores flexbox), borders on every cell; in a browser the same page prints to PDF;
 * - an .xlsx workbook with the same content in rows (exceljs).
 */
import type { Tally } from '../../core/inspection/round';
import ExcelJS from 'exceljs';
import { escapeHtml } from './ticket-slip.html';

export interface MinutesCriterionRow {
  code: string;
  text: string;
  fieldLabel: string;
  verdict: string;
  note: string;
  evidence: string[];
}

export interface MinutesAction {
  description: string;
  ownerName: string;
  dueDate: string;
  workingDays: number;
  status: string;
  overdue: boolean;
}

export interface MinutesFinding {
  criterionCode: string | null;
  severity: string;
  description: string;
  evidence: string[];
  actions: MinutesAction[];
}

/** A unit's part of the minutes: its tally of verdicts (core/inspection/round.ts), rows and findings. */
export interface MinutesUnit extends Tally {
  name: string;
  rows: MinutesCriterionRow[];
  findings: MinutesFinding[];
}

export interface MinutesModel {
  parentAgency: string;
  place: string;
  title: string;
  kind: 'inspection' | 'internal-audit';
  planTitle: string;
  planYear: number;
  decisionRef: string;
  roundNumber: number;
  roundTitle: string;
  scope: string;
  /** Internal audit: the process issue audited. */
  processLabel?: string | null;
  /** The day of the minutes: the conclusion, or the planned date while not concluded. */
  date: string;
  concluded: boolean;
  conclusion: string;
  members: { name: string; role: string; organisation: string }[];
  leadName: string;
  secretaryName: string;
  units: MinutesUnit[];
  carried: (MinutesAction & { unitName: string; roundTitle: string })[];
}

const WORD_STYLE = `
@page WordSection1 { size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm; }
@page { size: A4 portrait; margin: 2cm 1.5cm 2cm 3cm; }
div.WordSection1 { page: WordSection1; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", serif; font-size: 13pt; line-height: 1.3; color: #000; background: #fff; }
p { margin: 3pt 0; text-align: justify; }
h1 { font-size: 14pt; font-weight: bold; text-align: center; margin: 12pt 0 2pt; }
h2 { font-size: 13pt; font-weight: bold; margin: 10pt 0 4pt; }
h3 { font-size: 13pt; font-weight: bold; font-style: italic; margin: 8pt 0 4pt; }
table { border-collapse: collapse; width: 100%; }
table.grid td, table.grid th { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; font-size: 12pt; }
table.grid th { text-align: center; font-weight: bold; }
table.head td { border: none; text-align: center; vertical-align: top; padding: 0; }
.subtitle { text-align: center; font-style: italic; margin: 0 0 8pt; }
.center { text-align: center; }
.bold { font-weight: bold; }
.italic { font-style: italic; }
.overdue { color: #b00020; font-weight: bold; }
table.signatures { table-layout: fixed; }
table.signatures td { border: none; text-align: center; vertical-align: top; width: 33%; padding-top: 12pt; }
.sign-name { padding-top: 60pt; font-weight: bold; }
.toolbar { text-align: center; margin: 12px 0; font-family: sans-serif; }
@media print { .toolbar { display: none; } }
@media screen { body { max-width: 21cm; margin: 0 auto; padding: 1cm 1.5cm 1cm 2cm; box-shadow: 0 1px 4px rgba(0,0,0,.3); } }
`;

/** "2026-11-25" → "25/11/2026". */
export function vnDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function dateLine(place: string, date: string): string {
  const [y, m, d] = date.split('-');
  return `${escapeHtml(place || '……')}, ngày ${d} tháng ${m} năm ${y}`;
}

const e = (s: string) => escapeHtml(s);
const lines = (s: string) => e(s).replace(/\n/g, '<br>');

/** The page; `printScript` adds the browser's print button (left out of the copy stored and opened in Word). */
export function documentPage(title: string, body: string, printScript: string | null): string {
  return `<!DOCTYPE html>
<html lang="vi" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument></xml><![endif]-->
<style>${WORD_STYLE}</style>
</head>
<body>
<div class="WordSection1">
${body}
</div>
${printScript === null ? '' : `<div class="toolbar"><button id="print-button" type="button">In / Lưu PDF</button></div>\n<script>${printScript}</script>`}
</body>
</html>
`;
}

export function headerBlock(parentAgency: string, issuer: string, place: string, date: string): string {
  return `<table class="head"><tr>
<td style="width:42%"><p class="center">${e(parentAgency.toLocaleUpperCase('vi'))}</p><p class="center bold">${e(issuer.toLocaleUpperCase('vi'))}</p><p class="center">―――――</p></td>
<td><p class="center bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="center bold">Độc lập - Tự do - Hạnh phúc</p><p class="center">―――――――――――</p><p class="center italic">${dateLine(place, date)}</p></td>
</tr></table>`;
}

function actionsTable(actions: readonly (MinutesAction & { unitName?: string; roundTitle?: string })[], withUnit: boolean): string {
  const head = `<tr><th>STT</th>${withUnit ? '<th>Đơn vị</th>' : ''}<th>Biện pháp khắc phục</th><th>Người chịu trách nhiệm</th><th>Thời hạn</th><th>Tình trạng</th></tr>`;
  const rows = actions
    .map(
      (a, i) =>
        `<tr><td class="center">${i + 1}</td>${withUnit ? `<td>${e(a.unitName ?? '')}${a.roundTitle ? `<br><span class="italic">${e(a.roundTitle)}</span>` : ''}</td>` : ''}<td>${lines(a.description)}</td><td>${e(a.ownerName)}</td><td class="center">${vnDay(a.dueDate)}<br>(${a.workingDays} ngày làm việc)</td><td${a.overdue ? ' class="overdue"' : ''}>${e(a.status)}${a.overdue ? ' – quá hạn' : ''}</td></tr>`,
    )
    .join('');
  return `<table class="grid">${head}${rows}</table>`;
}

export function renderMinutesHtml(m: MinutesModel, printScript: string | null): string {
  const audit = m.kind === 'internal-audit';
  const title = audit ? 'BIÊN BẢN ĐÁNH GIÁ NỘI BỘ HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG' : 'BIÊN BẢN KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH';
  const parts: string[] = [];
  parts.push(headerBlock(m.parentAgency, audit ? 'Đoàn đánh giá nội bộ' : 'Đoàn kiểm tra cải cách hành chính', m.place, m.date));
  parts.push(`<h1>${title}</h1>`);
  parts.push(`<p class="subtitle">${e(m.roundTitle)} (đợt ${m.roundNumber} – ${e(m.planTitle)})</p>`);
  parts.push(
    `<p>Thực hiện ${e(m.planTitle)}${m.decisionRef ? ` (${e(m.decisionRef)})` : ''}, hôm nay, ngày ${vnDay(m.date)}, ${audit ? 'Đoàn đánh giá' : 'Đoàn kiểm tra'} tiến hành ${audit ? 'đánh giá' : 'kiểm tra'} tại: ${e(m.units.map((u) => u.name).join('; '))}.</p>`,
  );
  if (m.processLabel) parts.push(`<p>Được đánh giá: ${e(m.processLabel)}</p>`);
  if (m.scope) parts.push(`<p>Nội dung, phạm vi: ${lines(m.scope)}</p>`);

  parts.push('<h2>I. THÀNH PHẦN</h2>');
  parts.push(`<h3>1. ${audit ? 'Đoàn đánh giá' : 'Đoàn kiểm tra'}</h3>`);
  parts.push(
    m.members.length
      ? `<table class="grid"><tr><th>STT</th><th>Họ và tên</th><th>Nhiệm vụ trong đoàn</th><th>Cơ quan, đơn vị</th></tr>${m.members
          .map((p, i) => `<tr><td class="center">${i + 1}</td><td>${e(p.name)}</td><td>${e(p.role)}</td><td>${e(p.organisation)}</td></tr>`)
          .join('')}</table>`
      : '<p>……</p>',
  );
  parts.push(`<h3>2. Đơn vị được ${audit ? 'đánh giá' : 'kiểm tra'}</h3>`);
  parts.push(`<p>${e(m.units.map((u) => u.name).join('; '))}; đại diện lãnh đạo đơn vị: ……………………</p>`);

  parts.push(`<h2>II. KẾT QUẢ ${audit ? 'ĐÁNH GIÁ' : 'KIỂM TRA'}</h2>`);
  m.units.forEach((u, ui) => {
    parts.push(`<h3>${ui + 1}. ${e(u.name)}</h3>`);
    parts.push(
      `<p>Đạt ${u.met}; đạt một phần ${u.partly}; không đạt ${u.notMet}; không áp dụng ${u.notApplicable}${u.pending ? `; chưa kiểm tra ${u.pending}` : ''}${u.metRate === null ? '' : ` – tỷ lệ tiêu chí đạt ${String(u.metRate).replace('.', ',')}%`}.</p>`,
    );
    let field = '';
    const body = u.rows
      .map((r) => {
        const group = r.fieldLabel !== field ? `<tr><td colspan="5" class="bold">${e(r.fieldLabel)}</td></tr>` : '';
        field = r.fieldLabel;
        return `${group}<tr><td class="center">${e(r.code)}</td><td>${e(r.text)}</td><td class="center">${e(r.verdict)}</td><td>${lines(r.note)}</td><td>${r.evidence.map(e).join('<br>')}</td></tr>`;
      })
      .join('');
    parts.push(`<table class="grid"><tr><th style="width:8%">Mã</th><th>Tiêu chí</th><th style="width:14%">Kết quả</th><th style="width:24%">Nhận xét</th><th style="width:20%">Tài liệu kiểm chứng</th></tr>${body}</table>`);
  });

  parts.push('<h2>III. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC</h2>');
  const withFindings = m.units.filter((u) => u.findings.length > 0);
  if (withFindings.length === 0) parts.push('<p>Không phát hiện tồn tại, hạn chế.</p>');
  withFindings.forEach((u) => {
    parts.push(`<h3>${e(u.name)}</h3>`);
    u.findings.forEach((f, i) => {
      parts.push(`<p><span class="bold">${i + 1}. [${e(f.severity)}]</span>${f.criterionCode ? ` (tiêu chí ${e(f.criterionCode)})` : ''} ${lines(f.description)}</p>`);
      if (f.evidence.length) parts.push(`<p class="italic">Tài liệu kiểm chứng: ${f.evidence.map(e).join('; ')}</p>`);
      if (f.actions.length) parts.push(actionsTable(f.actions, false));
    });
  });

  parts.push('<h2>IV. VIỆC KHẮC PHỤC TỒN TẠI CỦA CÁC LẦN KIỂM TRA TRƯỚC</h2>');
  parts.push(m.carried.length ? actionsTable(m.carried, true) : '<p>Không còn tồn tại chưa khắc phục từ các lần kiểm tra trước.</p>');

  parts.push('<h2>V. KẾT LUẬN</h2>');
  parts.push(m.conclusion ? `<p>${lines(m.conclusion)}</p>` : '<p class="italic">(Chưa kết luận)</p>');
  parts.push(
    `<p>Biên bản được lập vào hồi …… giờ …… ngày ${vnDay(m.date)}, đã đọc lại cho các thành phần tham dự cùng nghe, thống nhất nội dung và ký tên dưới đây.</p>`,
  );
  parts.push(
    `<table class="signatures"><tr><td><p class="bold">ĐẠI DIỆN ĐƠN VỊ ${audit ? 'ĐƯỢC ĐÁNH GIÁ' : 'ĐƯỢC KIỂM TRA'}</p><p class="italic">(Ký, ghi rõ họ tên)</p><p class="sign-name">&nbsp;</p></td><td><p class="bold">THƯ KÝ</p><p class="italic">(Ký, ghi rõ họ tên)</p><p class="sign-name">${e(m.secretaryName)}</p></td><td><p class="bold">${audit ? 'TRƯỞNG ĐOÀN ĐÁNH GIÁ' : 'TRƯỞNG ĐOÀN KIỂM TRA'}</p><p class="italic">(Ký, ghi rõ họ tên)</p><p class="sign-name">${e(m.leadName)}</p></td></tr></table>`,
  );
  return documentPage(`${title} – ${m.roundTitle}`, parts.join('\n'), printScript);
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

export function titleRows(sheet: ExcelJS.Worksheet, titles: string[], width: number): number {
  titles.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { ...FONT, bold: i === 0, size: i === 0 ? 14 : 12, italic: i > 0 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.mergeCells(i + 1, 1, i + 1, width);
  });
  return titles.length + 2;
}

export function tableRows(sheet: ExcelJS.Worksheet, startRow: number, header: string[], rows: (string | number | null)[][], overdueRows: Set<number> = new Set()): number {
  const head = sheet.getRow(startRow);
  head.values = header;
  head.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = BORDER;
  });
  rows.forEach((values, i) => {
    const row = sheet.getRow(startRow + 1 + i);
    row.values = values;
    for (let c = 1; c <= header.length; c += 1) {
      const cell = row.getCell(c);
      cell.font = FONT;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      if (overdueRows.has(i)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    }
  });
  return startRow + rows.length + 2;
}

function newSheet(workbook: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

export { newSheet };

export async function writeMinutesXlsx(m: MinutesModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const results = newSheet(workbook, 'Kết quả kiểm tra', [16, 30, 10, 60, 14, 40, 40]);
  let row = titleRows(results, [`BIÊN BẢN ${m.kind === 'internal-audit' ? 'ĐÁNH GIÁ NỘI BỘ' : 'KIỂM TRA CCHC'} – ${m.roundTitle}`, `${m.planTitle} – ngày ${vnDay(m.date)}`], 7);
  row = tableRows(
    results,
    row,
    ['Đơn vị', 'Lĩnh vực', 'Mã', 'Tiêu chí', 'Kết quả', 'Nhận xét', 'Tài liệu kiểm chứng'],
    m.units.flatMap((u) => u.rows.map((r) => [u.name, r.fieldLabel, r.code, r.text, r.verdict, r.note, r.evidence.join('; ')])),
  );
  tableRows(
    results,
    row,
    ['Đơn vị', 'Đạt', 'Đạt một phần', 'Không đạt', 'Không áp dụng', 'Chưa kiểm tra', 'Tỷ lệ đạt (%)'],
    m.units.map((u) => [u.name, u.met, u.partly, u.notMet, u.notApplicable, u.pending, u.metRate]),
  );

  const findings = newSheet(workbook, 'Tồn tại và khắc phục', [24, 10, 18, 50, 50, 24, 14, 24]);
  const findingRows: (string | number | null)[][] = [];
  const overdue = new Set<number>();
  for (const u of m.units) {
    for (const f of u.findings) {
      const actions = f.actions.length ? f.actions : [null];
      for (const a of actions) {
        if (a?.overdue) overdue.add(findingRows.length);
        findingRows.push([u.name, f.criterionCode ?? '', f.severity, f.description, a?.description ?? '', a?.ownerName ?? '', a ? vnDay(a.dueDate) : '', a?.status ?? '']);
      }
    }
  }
  let frow = titleRows(findings, ['TỒN TẠI, HẠN CHẾ VÀ BIỆN PHÁP KHẮC PHỤC', m.roundTitle], 8);
  frow = tableRows(findings, frow, ['Đơn vị', 'Tiêu chí', 'Mức độ', 'Tồn tại, hạn chế', 'Biện pháp khắc phục', 'Người chịu trách nhiệm', 'Thời hạn', 'Tình trạng'], findingRows, overdue);
  if (m.carried.length) {
    tableRows(
      findings,
      frow,
      ['Đơn vị', 'Đợt kiểm tra', '', 'Tồn tại kỳ trước chưa khắc phục xong', 'Biện pháp khắc phục', 'Người chịu trách nhiệm', 'Thời hạn', 'Tình trạng'],
      m.carried.map((a) => [a.unitName, a.roundTitle, '', '', a.description, a.ownerName, vnDay(a.dueDate), a.status]),
      new Set(m.carried.flatMap((a, i) => (a.overdue ? [i] : []))),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
