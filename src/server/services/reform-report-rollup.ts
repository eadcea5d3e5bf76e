/**
 * One report from the units' submissions: per template section, the figures rolled up (counts summed,
 * rates recomputed from numerators and denominators — core/reform-reports) with each unit's value, and the
 * units' texts gathered; units that did not submit are named. Printed as Word-friendly HTML (opens in
 * Word as a .doc, prints to PDF from the browser, A4) and as an Excel workbook.
 */
import ExcelJS from 'exceljs';
import type { ReportRollup } from '../../contracts/reform-reports';
import { FIGURE_DEFINITIONS } from '../../contracts/self-evaluation';
import { periodLabel, rollUpFigure } from '../../core/reform-reports/reports';
import { AppError } from '../../core/shared/app-error';
import { listOrgUnits } from '../../db/repositories/org-unit.repository';
import { findReport, listSubmissions } from '../../db/repositories/reform-report.repository';
import { escapeHtml } from '../printing/ticket-slip.html';
import type { Actor, ServiceContext } from './context';
import { assertOversight, unitScope } from './oversight-access';

export async function reportRollup(ctx: ServiceContext, actor: Actor, reportId: string): Promise<ReportRollup> {
  assertOversight(actor);
  // The roll-up shows every unit's figures: for those who oversee all units.
  if (unitScope(actor) !== null) throw new AppError('FORBIDDEN');
  const r = await findReport(ctx.db, actor.centreId, reportId);
  if (!r) throw new AppError('NOT_FOUND', { entity: 'reform-report' });
  const [submissions, units] = await Promise.all([listSubmissions(ctx.db, [r.id]), listOrgUnits(ctx.db, actor.centreId)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const submitted = submissions
    .filter((s) => s.status === 'submitted' && r.unitIds.includes(s.unitId))
    .sort((a, b) => (names.get(a.unitId) ?? '').localeCompare(names.get(b.unitId) ?? '', 'vi'));
  const submittedIds = new Set(submitted.map((s) => s.unitId));
  return {
    reportId: r.id,
    title: r.title,
    periodLabel: periodLabel(r.kind, r.year, r.periodIndex, r.periodFrom, r.periodTo),
    dueDay: r.dueDay,
    included: submitted.map((s) => names.get(s.unitId) ?? ''),
    missing: r.unitIds.filter((id) => !submittedIds.has(id)).map((id) => names.get(id) ?? ''),
    sections: r.template.sections.map((section) => ({
      key: section.key,
      title: section.title,
      figures: section.figureKeys.map((key) => {
        const def = FIGURE_DEFINITIONS[key];
        const perUnit = submitted.map((s) => ({ unitName: names.get(s.unitId) ?? '', figure: s.figures.find((f) => f.key === key) ?? null }));
        const rolled = rollUpFigure(
          def.unit,
          perUnit.flatMap((u) => (u.figure ? [u.figure] : [])),
        );
        return {
          key,
          label: def.vi,
          unit: def.unit,
          value: rolled.value,
          how: rolled.how,
          byUnit: perUnit.map((u) => ({ unitName: u.unitName, value: u.figure?.value ?? null })),
        };
      }),
      texts: submitted.map((s) => ({ unitName: names.get(s.unitId) ?? '', text: s.sections[section.key] ?? '' })).filter((t) => t.text !== ''),
    })),
  };
}

const num = (v: number | null, unit: '%' | 'count') => (v === null ? '—' : `${String(v).replace('.', ',')}${unit === '%' ? '%' : ''}`);
const vnDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Word opens this as a document (mso namespaces, A4 page, Times New Roman), and a browser prints it. */
export function rollupHtml(r: ReportRollup): string {
  const e = escapeHtml;
  const sections = r.sections
    .map((s) => {
      const figures = s.figures.length
        ? `<table class="figures"><thead><tr><th>Chỉ tiêu</th><th>Tổng hợp</th>${s.figures[0]!.byUnit.map((u) => `<th>${e(u.unitName)}</th>`).join('')}</tr></thead><tbody>${s.figures
            .map(
              (f) =>
                `<tr><td>${e(f.label)}<div class="how">${e(f.how)}</div></td><td class="n"><b>${num(f.value, f.unit)}</b></td>${f.byUnit.map((u) => `<td class="n">${num(u.value, f.unit)}</td>`).join('')}</tr>`,
            )
            .join('')}</tbody></table>`
        : '';
      const texts = s.texts.length
        ? s.texts.map((t) => `<p class="unit"><b>${e(t.unitName)}:</b></p>${t.text.split(/\n+/).map((line) => `<p>${e(line)}</p>`).join('')}`).join('')
        : '<p class="none">(Chưa có nội dung)</p>';
      return `<h2>${e(s.title)}</h2>${figures}${texts}`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta charset="utf-8">
<title>${e(r.title)} – ${e(r.periodLabel)}</title>
<style>
@page { size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm; }
body { font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 13pt; line-height: 1.4; }
.motto { text-align: center; font-weight: bold; margin: 0; }
.motto-sub { text-align: center; font-weight: bold; text-decoration: underline; margin: 0 0 18pt; }
h1 { text-align: center; font-size: 14pt; margin: 12pt 0 4pt; }
.period { text-align: center; font-style: italic; margin: 0 0 12pt; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; }
table.figures { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 11pt; }
table.figures th, table.figures td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
.how { font-size: 9pt; font-style: italic; }
p { margin: 0 0 6pt; text-align: justify; }
p.unit { margin-top: 8pt; }
.none { font-style: italic; }
.meta { font-size: 11pt; }
</style>
</head>
<body>
<p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
<p class="motto-sub">Độc lập - Tự do - Hạnh phúc</p>
<h1>BÁO CÁO TỔNG HỢP<br>${e(r.title.toUpperCase())}</h1>
<p class="period">${e(r.periodLabel)} (hạn nộp ${vnDay(r.dueDay)})</p>
<p class="meta">Tổng hợp từ báo cáo của ${r.included.length} đơn vị: ${e(r.included.join(', ') || '—')}.</p>
<p class="meta">Đơn vị chưa nộp báo cáo: ${e(r.missing.join(', ') || 'không có')}.</p>
${sections}
</body>
</html>`;
}

export async function rollupXlsx(r: ReportRollup): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const figures = workbook.addWorksheet('Số liệu');
  figures.addRow([r.title]).font = { bold: true, size: 13 };
  figures.addRow([`${r.periodLabel} – hạn nộp ${vnDay(r.dueDay)}`]);
  figures.addRow([]);
  const unitNames = r.sections.flatMap((s) => s.figures)[0]?.byUnit.map((u) => u.unitName) ?? r.included;
  figures.addRow(['Mục', 'Chỉ tiêu', 'Đơn vị tính', 'Tổng hợp', 'Cách tổng hợp', ...unitNames]).font = { bold: true };
  for (const s of r.sections) {
    for (const f of s.figures) {
      figures.addRow([s.title, f.label, f.unit === '%' ? '%' : 'số lượng', f.value, f.how, ...f.byUnit.map((u) => u.value)]);
    }
  }
  figures.columns.forEach((col, i) => (col.width = [34, 50, 10, 12, 40][i] ?? 16));
  const texts = workbook.addWorksheet('Nội dung');
  texts.addRow(['Mục', 'Đơn vị', 'Nội dung']).font = { bold: true };
  for (const s of r.sections) for (const t of s.texts) texts.addRow([s.title, t.unitName, t.text]);
  texts.columns.forEach((col, i) => (col.width = [34, 30, 100][i] ?? 16));
  const status = workbook.addWorksheet('Tình hình nộp');
  status.addRow(['Đơn vị', 'Tình trạng']).font = { bold: true };
  for (const u of r.included) status.addRow([u, 'Đã nộp']);
  for (const u of r.missing) status.addRow([u, 'Chưa nộp']);
  status.columns.forEach((col, i) => (col.width = [40, 16][i] ?? 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
