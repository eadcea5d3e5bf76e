/**
 * The quarterly 9-indicator evaluation as the workbook units report in: a title block (agency, the
 * national motto, the title, the quarter), one row per unit or officer with each indicator's
 * computed / self-score / appraisal columns under a merged indicator header, the totals, the grades
 * and the satisfaction shares; A4 landscape, one page wide, header rows repeated on every page.
 * Page setup and fonts follow the tracking book's workbook (tracking-book.ts).
 */
import ExcelJS from 'exceljs';
import type { EvaluationReport, EvaluationRow } from '../../contracts/api';
import { INDICATOR_NAMES, INDICATOR_IDS } from '../../core/evaluation/dossier-evaluation';

const FONT = 'Times New Roman';
const HEADER_FILL_ARGB = 'FFD9D9D9';
const TOTAL_FILL_ARGB = 'FFF2F2F2';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const BY_LABEL: Record<EvaluationReport['by'], { column: string; subtitle: string }> = {
  unit: { column: 'Cơ quan, đơn vị', subtitle: 'Đánh giá theo cơ quan, đơn vị tham gia giải quyết' },
  officer: { column: 'Cán bộ, công chức', subtitle: 'Đánh giá theo cán bộ, công chức tiếp nhận và giải quyết' },
  centre: { column: 'Cơ quan', subtitle: 'Đánh giá chung toàn cơ quan' },
};

/** The three columns under each indicator and under the total. */
export const SCORE_COLUMNS = ['Tính toán', 'Tự chấm', 'Thẩm định'] as const;
export const SATISFACTION_COLUMNS = ['Không hài lòng', 'Hài lòng', 'Rất hài lòng'] as const;

/** Column numbers (1-based) of the sheet. */
export const EVALUATION_COLUMNS = {
  index: 1,
  subject: 2,
  dossiers: 3,
  /** First of the indicator's three columns. */
  indicator: (id: number) => 4 + (id - 1) * 3,
  total: 4 + 27,
  grade: 4 + 30,
  satisfaction: 4 + 33,
  ballots: 4 + 36,
} as const;
const LAST_COLUMN = EVALUATION_COLUMNS.ballots;

/** Rows of the title block and the two header rows. */
export const EVALUATION_HEADER_ROW = 8;

export async function writeEvaluationXlsx(report: EvaluationReport, periodText: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet(`Đánh giá ${report.quarter}`, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${EVALUATION_HEADER_ROW}:${EVALUATION_HEADER_ROW + 1}`,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ state: 'frozen', xSplit: 3, ySplit: EVALUATION_HEADER_ROW + 1 }],
  });
  sheet.columns = Array.from({ length: LAST_COLUMN }, (_, i) => ({
    width: i === 0 ? 5 : i === 1 ? 28 : i === 2 ? 8 : i + 1 >= EVALUATION_COLUMNS.grade && i + 1 < EVALUATION_COLUMNS.satisfaction ? 11 : 7.5,
  }));

  // --- title block ---
  const half = Math.floor(LAST_COLUMN / 2);
  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' = 'center') => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, ...font };
    cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
  };
  put(1, 1, half, report.centreName.toUpperCase(), { bold: true, size: 12 });
  put(1, half + 1, LAST_COLUMN, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 });
  put(2, half + 1, LAST_COLUMN, 'Độc lập - Tự do - Hạnh phúc', { bold: true, size: 12, underline: true });
  put(4, 1, LAST_COLUMN, 'BẢNG TỔNG HỢP ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', { bold: true, size: 14 });
  put(5, 1, LAST_COLUMN, `${report.title} (${periodText})`, { italic: true, size: 12 });
  put(6, 1, LAST_COLUMN, `Cơ quan/đơn vị: ${report.centreName} – ${BY_LABEL[report.by].subtitle}`, { size: 11 });
  sheet.getRow(4).height = 22;

  // --- two header rows, merged ---
  const top = EVALUATION_HEADER_ROW;
  const header = (row: number, col: number, text: string) => {
    const cell = sheet.getCell(row, col);
    cell.value = text;
  };
  const mergeDown = (col: number, text: string) => {
    sheet.mergeCells(top, col, top + 1, col);
    header(top, col, text);
  };
  const mergeAcross = (col: number, text: string, subs: readonly string[]) => {
    sheet.mergeCells(top, col, top, col + subs.length - 1);
    header(top, col, text);
    subs.forEach((s, i) => header(top + 1, col + i, s));
  };
  mergeDown(EVALUATION_COLUMNS.index, 'STT');
  mergeDown(EVALUATION_COLUMNS.subject, BY_LABEL[report.by].column);
  mergeDown(EVALUATION_COLUMNS.dossiers, 'Số hồ sơ');
  for (const id of INDICATOR_IDS) mergeAcross(EVALUATION_COLUMNS.indicator(id), `${id}. ${INDICATOR_NAMES[id].vi}`, SCORE_COLUMNS);
  mergeAcross(EVALUATION_COLUMNS.total, 'Tổng điểm (tối đa 18)', SCORE_COLUMNS);
  mergeAcross(EVALUATION_COLUMNS.grade, 'Xếp loại', SCORE_COLUMNS);
  mergeAcross(EVALUATION_COLUMNS.satisfaction, 'Tỷ lệ hài lòng (%)', SATISFACTION_COLUMNS);
  mergeDown(EVALUATION_COLUMNS.ballots, 'Số phiếu đánh giá');
  sheet.getRow(top).height = 105;
  sheet.getRow(top + 1).height = 30;
  for (const r of [top, top + 1]) {
    for (let c = 1; c <= LAST_COLUMN; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = { name: FONT, bold: true, size: 9 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };
      cell.border = THIN_BORDER;
    }
  }

  // --- one row per subject, then the centre ---
  const rows: { index: number | string; row: EvaluationRow; total: boolean }[] = report.rows.map((row, i) => ({ index: i + 1, row, total: false }));
  if (report.by !== 'centre') rows.push({ index: '', row: { ...report.total, label: 'Toàn cơ quan' }, total: true });
  rows.forEach(({ index, row, total }, i) => writeRow(sheet.getRow(top + 2 + i), index, row, total));

  // --- how the figures were made, and the signatures ---
  let line = top + 2 + rows.length + 1;
  const notes = [
    'Ghi chú: "Tính toán" là điểm trung bình của các hồ sơ kết thúc xử lý trong quý, tính từ dữ liệu hồ sơ; chỉ số dữ liệu không xác định được lấy theo đánh giá của công dân; chỉ số không phát sinh không tính điểm, tổng điểm tính toán được quy đổi về thang 18.',
    'Xếp loại: trên 15 điểm Xuất sắc; từ 12 đến 15 điểm Tốt; từ 9 đến dưới 12 điểm Khá; từ 6 đến dưới 9 điểm Trung bình; dưới 6 điểm Yếu.',
  ];
  for (const text of notes) {
    put(line, 1, LAST_COLUMN, text, { italic: true, size: 10 }, 'left');
    sheet.getRow(line).height = 28;
    line += 1;
  }
  line += 1;
  put(line, 1, half, 'NGƯỜI TỔNG HỢP', { bold: true, size: 12 });
  put(line, half + 1, LAST_COLUMN, 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', { bold: true, size: 12 });
  put(line + 1, 1, half, '(Ký, ghi rõ họ tên)', { italic: true, size: 11 });
  put(line + 1, half + 1, LAST_COLUMN, '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true, size: 11 });

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function writeRow(excelRow: ExcelJS.Row, index: number | string, row: EvaluationRow, total: boolean): void {
  const values: (string | number | null)[] = [index, row.label, row.dossiers];
  for (const cell of row.indicators) values.push(cell.computed, cell.selfScore, cell.appraisalScore);
  values.push(row.computed?.outOf18 ?? null, row.self.complete ? row.self.total : null, row.appraisal.complete ? row.appraisal.total : null);
  values.push(row.computed?.gradeLabel ?? null, row.self.gradeLabel, row.appraisal.gradeLabel);
  const p = row.satisfaction.percent;
  values.push(p?.dissatisfied ?? null, p?.satisfied ?? null, p?.verySatisfied ?? null, row.satisfaction.ratings);
  excelRow.values = values;
  for (let c = 1; c <= LAST_COLUMN; c++) {
    const cell = excelRow.getCell(c);
    cell.font = { name: FONT, size: 10, bold: total };
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c === EVALUATION_COLUMNS.subject ? 'left' : 'center' };
    if (c >= EVALUATION_COLUMNS.indicator(1) && c < EVALUATION_COLUMNS.grade) {
      // Computed means carry 2 decimals; self and appraisal scores one.
      cell.numFmt = (c - EVALUATION_COLUMNS.indicator(1)) % 3 === 0 ? '0.00' : '0.0';
    }
    if (c >= EVALUATION_COLUMNS.satisfaction && c < EVALUATION_COLUMNS.ballots) cell.numFmt = '0.0';
    if (total) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL_ARGB } };
  }
}
