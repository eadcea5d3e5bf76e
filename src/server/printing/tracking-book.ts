/**
 * The tracking book (Sổ theo dõi hồ sơ, Mẫu số 07 of Circular 03/2025) as an Excel workbook for
 * reporting, and as an A4 landscape page for printing the paper book.
 */
import ExcelJS from 'exceljs';
import { formatLocalDate, formatLocalTime, VN_OFFSET_MINUTES } from '../../core/shared/local-time';
import type { Timeliness } from '../../core/dossier/dossier-types';
import { FORM_BASE_STYLE, FORM_PRINT_SCRIPT, TIMELINESS_LABELS } from './dossier-forms.html';
import { escapeHtml } from './ticket-slip.html';

export interface TrackingBookRow {
  index: number;
  code: string;
  procedureName: string;
  fieldName: string;
  sets: number;
  applicantName: string;
  applicantContact: string;
  agency: string;
  receivedAt: Date;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  transferredAt: Date | null;
  resultAt: Date | null;
  returnedAt: Date | null;
  returnedTo: string | null;
  /** Vietnamese status label. */
  status: string;
  timeliness: Timeliness | null;
  overdue: boolean;
  note: string;
}

export interface TrackingBookTitle {
  centreName: string;
  /** First and last day of the period, "YYYY-MM-DD" (written as DD/MM/YYYY) or already formatted. */
  from: string;
  to: string;
}

export const TRACKING_BOOK_HEADERS = [
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
] as const;

const COLUMN_WIDTHS = [6, 26, 36, 10, 24, 28, 24, 17, 17, 17, 17, 17, 16, 30];
const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
/** Excel's own "light red fill" for bad values, so the sheet looks like what clerks already know. */
export const OVERDUE_FILL_ARGB = 'FFFFC7CE';
const HEADER_FILL_ARGB = 'FFD9D9D9';
const HEADER_ROW = 5;

/**
 * An .xlsx of the book. Excel cells have no time zone, so each instant is written as its local
 * Vietnamese wall-clock time: the sheet shows 08:05 for a dossier received at 08:05 in Hà Nội on
 * any computer.
 */
export async function writeTrackingBookXlsx(rows: TrackingBookRow[], title: TrackingBookTitle): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
  });
  const lastColumn = TRACKING_BOOK_HEADERS.length;
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  const titleLines: [string, Partial<ExcelJS.Font>][] = [
    ['Mẫu số 07', { italic: true, size: 10 }],
    ['SỔ THEO DÕI HỒ SƠ', { bold: true, size: 14 }],
    [title.centreName, { bold: true, size: 12 }],
    [`Từ ngày ${formatPeriodDay(title.from)} đến ngày ${formatPeriodDay(title.to)}`, { italic: true, size: 11 }],
  ];
  titleLines.forEach(([text, font], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { name: 'Times New Roman', ...font };
    row.getCell(1).alignment = { horizontal: i === 0 ? 'right' : 'center', vertical: 'middle' };
    sheet.mergeCells(i + 1, 1, i + 1, lastColumn);
  });

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...TRACKING_BOOK_HEADERS];
  header.height = 45;
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };
    cell.border = THIN_BORDER;
  });

  rows.forEach((entry, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    row.values = [
      entry.index,
      entry.code,
      entry.procedureName,
      entry.sets,
      entry.applicantName,
      entry.applicantContact,
      entry.agency,
      wallClock(entry.receivedAt),
      wallClock(entry.dueAt),
      wallClock(entry.transferredAt),
      wallClock(entry.resultAt),
      wallClock(entry.returnedAt),
      resultText(entry),
      noteText(entry),
    ];
    for (let column = 1; column <= lastColumn; column++) {
      const cell = row.getCell(column);
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: column === 1 || column === 4 || column === 13 ? 'center' : 'left',
      };
      cell.border = THIN_BORDER;
      if (column >= 8 && column <= 12) cell.numFmt = DATE_FORMAT;
      if (entry.overdue) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: OVERDUE_FILL_ARGB } };
    }
  });

  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: lastColumn } };
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The local wall-clock time as a zone-less Date (exceljs writes a Date's UTC fields). */
function wallClock(instant: Date | null): Date | null {
  return instant ? new Date(instant.getTime() + VN_OFFSET_MINUTES * 60_000) : null;
}

/** The outcome once known; while the dossier is still open, its status, flagged when overdue. */
function resultText(entry: TrackingBookRow): string {
  if (entry.timeliness) return TIMELINESS_LABELS[entry.timeliness];
  return entry.overdue ? `${entry.status} (quá hạn)` : entry.status;
}

/** What the book has no column for: a new appointment after an apology and who took the result. */
function noteText(entry: TrackingBookRow): string {
  const parts: string[] = [];
  if (entry.extendedDueAt) parts.push(`Hẹn lại: ${formatShort(entry.extendedDueAt)}`);
  if (entry.returnedTo) parts.push(`Người nhận kết quả: ${entry.returnedTo}`);
  if (entry.note) parts.push(entry.note);
  return parts.join('; ');
}

function formatShort(instant: Date): string {
  return `${formatLocalDate(instant)} ${formatLocalTime(instant)}`;
}

function formatPeriodDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

const BOOK_STYLE = `
@page { size: A4 landscape; margin: 10mm 10mm 10mm 12mm; }
body { font-size: 10pt; }
.sheet { padding: 8mm; width: 297mm; }
@media print { .sheet { width: auto; padding: 0; } }
.form-number { text-align: right; font-style: italic; margin: 0; }
.book-title { text-align: center; font-size: 14pt; font-weight: 700; margin: 2mm 0 1mm; }
.centre-name, .period { text-align: center; margin: 0.5mm 0; }
.centre-name { font-weight: 700; }
.period { font-style: italic; margin-bottom: 3mm; }
.book th, .book td { font-size: 9pt; padding: 0.8mm 1mm; }
.book thead { display: table-header-group; }
.book tr { page-break-inside: avoid; }
.book .index, .book .sets, .book .result { text-align: center; }
.book .time { white-space: nowrap; }
.book tr.overdue td { background: #ffc7ce; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;

/**
 * The book as a printable A4 landscape page. It carries the forms' print script, so the same
 * `DOSSIER_FORMS_SCRIPT_CSP_SOURCE` allows it.
 */
export function renderTrackingBookHtml(rows: TrackingBookRow[], title: TrackingBookTitle): string {
  const body = rows
    .map((entry) => {
      const cells = [
        `<td class="index">${entry.index}</td>`,
        `<td class="code">${escapeHtml(entry.code)}</td>`,
        `<td class="procedure">${escapeHtml(entry.procedureName)}</td>`,
        `<td class="sets">${entry.sets}</td>`,
        `<td class="applicant">${escapeHtml(entry.applicantName)}</td>`,
        `<td class="contact">${escapeHtml(entry.applicantContact)}</td>`,
        `<td class="agency">${escapeHtml(entry.agency)}</td>`,
        timeCell('received-at', entry.receivedAt),
        timeCell('due-at', entry.dueAt),
        timeCell('transferred-at', entry.transferredAt),
        timeCell('result-at', entry.resultAt),
        timeCell('returned-at', entry.returnedAt),
        `<td class="result">${escapeHtml(resultText(entry))}</td>`,
        `<td class="note">${escapeHtml(noteText(entry))}</td>`,
      ];
      return `<tr class="book-row${entry.overdue ? ' overdue' : ''}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const empty = `<tr><td colspan="${TRACKING_BOOK_HEADERS.length}" class="empty">Không có hồ sơ trong kỳ.</td></tr>`;
  const period = `Từ ngày ${formatPeriodDay(title.from)} đến ngày ${formatPeriodDay(title.to)}`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Sổ theo dõi hồ sơ – ${title.centreName} – ${period}`)}</title>
<style>${FORM_BASE_STYLE}${BOOK_STYLE}</style>
</head>
<body>
<main class="sheet tracking-book">
<p class="form-number">Mẫu số 07</p>
<h1 class="book-title form-title">SỔ THEO DÕI HỒ SƠ</h1>
<p class="centre-name">${escapeHtml(title.centreName)}</p>
<p class="period">${escapeHtml(period)}</p>
<table class="book">
<thead><tr>${TRACKING_BOOK_HEADERS.map((text) => `<th>${escapeHtml(text)}</th>`).join('')}</tr></thead>
<tbody>
${body || empty}
</tbody>
</table>
</main>
<div class="toolbar"><button id="print-button" type="button">In</button></div>
<script>${FORM_PRINT_SCRIPT}</script>
</body>
</html>
`;
}

function timeCell(role: string, instant: Date | null): string {
  return `<td class="time ${role}">${instant ? `${formatLocalTime(instant)}<br>${formatLocalDate(instant)}` : ''}</td>`;
}
