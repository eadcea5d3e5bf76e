/**
 * What the appraisal council and the units keep on paper: a unit's result sheet (self-score, appraisal,
 * difference and comment per criterion, totals and grade) as Word-friendly HTML (A4, prints to PDF from the
 * browser, opens in Word as a .doc), and the year's ranking of the units as an Excel workbook.
 */
import ExcelJS from 'exceljs';
import type { Evaluation, Ranking } from '../../contracts/self-evaluation';
import { EVALUATION_STATUS_LABELS } from '../../contracts/self-evaluation';
import { escapeHtml } from '../printing/ticket-slip.html';
import type { Actor, ServiceContext } from './context';
import { getEvaluation, rankingOfYear } from './self-evaluation';

const pts = (n: number | null) => (n === null ? '' : String(Math.round(n * 100) / 100).replace('.', ','));
const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${pts(n)}` : pts(n));

export function evaluationSheetHtml(e: Evaluation): string {
  const esc = escapeHtml;
  let field = '';
  const rows = e.criteria
    .map((c) => {
      const head = c.fieldCode !== field ? `<tr class="field"><td colspan="7">${esc(`${c.fieldCode}. ${c.fieldName}`)}</td></tr>` : '';
      field = c.fieldCode;
      const figure = c.prefill && c.prefill.figure.value !== null ? `<div class="figure">Số liệu hệ thống: ${esc(`${pts(c.prefill.figure.value)}${c.prefill.figure.unit === '%' ? '%' : ''}`)}</div>` : '';
      const files = c.files.length ? `<div class="files">Tài liệu: ${esc(c.files.map((f) => f.name).join('; '))}</div>` : '';
      return `${head}<tr><td class="code">${esc(c.code)}</td><td>${esc(c.name)}${figure}${files}</td><td class="n">${pts(c.maxPoints)}</td><td class="n">${pts(c.selfScore)}</td><td class="n">${pts(c.appraisalScore)}</td><td class="n">${signed(c.difference)}</td><td>${esc(c.appraisalComment)}${c.selfNote ? `<div class="note">Giải trình: ${esc(c.selfNote)}</div>` : ''}</td></tr>`;
    })
    .join('');
  const result =
    e.status === 'appraised'
      ? `Điểm thẩm định: <b>${pts(e.finalScore)}/${pts(e.maxPoints)}</b> – Xếp loại: <b>${esc(e.grade ?? '')}</b>`
      : `Tình trạng: ${esc(EVALUATION_STATUS_LABELS[e.status].vi)}`;
  return `<!DOCTYPE html>
<html lang="vi" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta charset="utf-8">
<title>${esc(`Kết quả tự đánh giá, thẩm định năm ${e.year} – ${e.unitName}`)}</title>
<style>
@page { size: 29.7cm 21cm; margin: 1.5cm 1.5cm 1.5cm 2cm; }
body { font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 12pt; }
.motto { text-align: center; font-weight: bold; margin: 0; }
.motto-sub { text-align: center; font-weight: bold; text-decoration: underline; margin: 0 0 14pt; }
h1 { text-align: center; font-size: 14pt; margin: 8pt 0; }
.unit { text-align: center; margin: 0 0 10pt; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; }
th { background: #eee; }
tr.field td { font-weight: bold; background: #f5f5f5; }
td.n { text-align: right; white-space: nowrap; }
td.code { white-space: nowrap; }
.figure, .files, .note { font-size: 9.5pt; font-style: italic; }
tfoot td { font-weight: bold; }
.result { margin-top: 10pt; font-size: 13pt; }
</style>
</head>
<body>
<p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
<p class="motto-sub">Độc lập - Tự do - Hạnh phúc</p>
<h1>BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ VÀ THẨM ĐỊNH<br>CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${e.year}</h1>
<p class="unit">Đơn vị: <b>${esc(e.unitName)}</b></p>
<table>
<thead><tr><th>Mã</th><th>Lĩnh vực, tiêu chí</th><th>Điểm tối đa</th><th>Tự chấm</th><th>Thẩm định</th><th>Chênh lệch</th><th>Nhận xét của đơn vị thẩm định</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td></td><td>Tổng</td><td class="n">${pts(e.maxPoints)}</td><td class="n">${pts(e.selfTotal)}</td><td class="n">${pts(e.appraisalTotal)}</td><td class="n">${e.appraisalTotal === null ? '' : signed(Math.round((e.appraisalTotal - e.selfTotal) * 100) / 100)}</td><td></td></tr></tfoot>
</table>
<p class="result">${result}${e.appraisedByName ? ` (thẩm định: ${esc(e.appraisedByName)})` : ''}</p>
</body>
</html>`;
}

/** The unit's result sheet; the same visibility as the evaluation itself. */
export async function printEvaluation(ctx: ServiceContext, actor: Actor, frameId: string, unitId: string): Promise<string> {
  return evaluationSheetHtml(await getEvaluation(ctx, actor, frameId, unitId));
}

export async function rankingXlsx(ctx: ServiceContext, actor: Actor, year: number): Promise<{ file: Buffer; filename: string }> {
  const ranking: Ranking = await rankingOfYear(ctx, actor, year);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Xếp hạng ${year}`);
  sheet.addRow([`Xếp hạng Chỉ số cải cách hành chính các đơn vị năm ${year}`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  sheet.addRow(['Hạng', 'Đơn vị', 'Điểm thẩm định', 'Xếp loại', `Hạng năm ${year - 1}`, 'Thay đổi', `Điểm năm ${year - 1}`]).font = { bold: true };
  for (const r of ranking.rows) sheet.addRow([r.rank, r.unitName, r.finalScore, r.grade ?? '', r.previousRank ?? '', r.rankChange ?? '', r.previousScore ?? '']);
  for (const u of ranking.unranked) sheet.addRow(['', u.unitName, '', 'Chưa có kết quả thẩm định']);
  sheet.columns.forEach((col, i) => (col.width = [8, 50, 16, 14, 14, 10, 14][i] ?? 12));
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), filename: `xep-hang-cchc-${year}.xlsx` };
}
