/**
 * Evidence the product itself produces, frozen as it was at the inspection (one click each): a tracking-book
 * extract, the control slips (Form 06) and apology letters (Form 04) of a period, the quarter's 9-indicator
 * evaluation, the 766 indicators. Each is produced by the same code the centre's own screens use, for the
 * centre whose records are the unit's (org_unit.figures_centre_id), stored as a file (storeGenerated) and
 * attached to the verdict of the unit and criterion — later changes to the records do not change it.
 *
 * The team member asking may not hold a manager's role at that centre; the inspection's own rule (a team
 * member of the plan that inspects this unit) is what admits them, and the export then runs as a read-only
 * manager of that centre.
 */
import ExcelJS from 'exceljs';
import type { StoredFileMeta } from '../../contracts/files';
import type { SnapshotInput } from '../../contracts/inspection';
import { INDICATOR_IDS } from '../../contracts/indicators';
import { assertCriterion, assertRoundOpen, assertUnitInRound, statusAfterWork } from '../../core/inspection/round';
import { AppError } from '../../core/shared/app-error';
import { startOfServiceDay } from '../../core/shared/local-time';
import { listDossiers } from '../../db/repositories/dossier.repository';
import { findVerdict, updateRound, upsertVerdict } from '../../db/repositories/inspection.repository';
import type { DossierFormCode } from '../printing/dossier-forms.html';
import { vnDay } from '../printing/inspection-minutes';
import { writeTrackingBookXlsx } from '../printing/tracking-book';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { renderDossierFormPage, trackingBookDocument } from './dossier-reports';
import { exportEvaluationXlsx } from './evaluation';
import { storeGenerated } from './files';
import { computeIndicators, periodOfDays } from './indicators';
import { assertInspectionUser, loadRound, unitRefs } from './inspection-access';
import type { OversightActor } from './oversight-access';

/** A period's forms in one file; a period with more dossiers than this is asked for in parts. */
const MAX_FORMS = 300;
const DAY_MS = 86_400_000;

export async function takeEvidenceSnapshot(ctx: ServiceContext, actor: Actor, roundId: string, input: SnapshotInput): Promise<StoredFileMeta> {
  assertInspectionUser(actor);
  if (input.to < input.from) throw new AppError('VALIDATION_FAILED', { detail: `ngày kết thúc ${vnDay(input.to)} phải sau ngày bắt đầu ${vnDay(input.from)}` });
  const { round, access } = await loadRound(ctx.db, actor, roundId);
  if (!access.run) throw new AppError('FORBIDDEN');
  assertRoundOpen(round.status);
  assertUnitInRound(round.unitIds, input.unitId);
  assertCriterion(round.checklist, input.criterionId);
  const unit = (await unitRefs(ctx.db, actor.centreId, [input.unitId])).get(input.unitId);
  if (!unit?.figuresCentreId) {
    throw new AppError('VALIDATION_FAILED', { detail: `hệ thống không quản lý hồ sơ của ${unit?.name ?? 'đơn vị này'}; hãy tải lên tài liệu kiểm chứng` });
  }
  const reader: OversightActor = { kind: 'user', id: actor.id, centreId: unit.figuresCentreId, role: 'manager', name: actor.name, unitId: null };
  const file = await produce(ctx, reader, input);
  return inTransaction(ctx, async (tx) => {
    // The round may have been concluded while the export was produced.
    assertRoundOpen((await loadRound(tx, actor, roundId, true)).round.status);
    const stored = await storeGenerated(ctx, actor, { ...file, purpose: 'snapshot' }, tx);
    const existing = await findVerdict(tx, round.id, input.unitId, input.criterionId);
    const now = ctx.clock();
    await upsertVerdict(tx, {
      roundId: round.id,
      unitId: input.unitId,
      criterionId: input.criterionId,
      verdict: existing?.verdict ?? 'pending',
      note: existing?.note ?? '',
      evidenceFileIds: [...(existing?.evidenceFileIds ?? []), stored.id],
      updatedBy: actor.id,
      at: now,
    });
    await updateRound(tx, round.id, { status: statusAfterWork(round.status) }, now);
    return stored;
  });
}

interface Produced {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function produce(ctx: ServiceContext, reader: OversightActor, input: SnapshotInput): Promise<Produced> {
  const period = `${input.from}_${input.to}`;
  switch (input.kind) {
    case 'tracking-book': {
      const book = await trackingBookDocument(ctx, reader, { from: input.from, to: input.to, status: 'all' }, 'vi');
      const bytes = await writeTrackingBookXlsx(book.rows, book.title);
      return { name: `so-theo-doi-ho-so_${period}.xlsx`, mediaType: XLSX, bytes };
    }
    case 'control-slips':
      return formsBundle(ctx, reader, input, '06', () => true, `phieu-kiem-soat-mau-06_${period}.html`);
    case 'apology-letters':
      return formsBundle(ctx, reader, input, '04', (d) => d.apology !== null, `phieu-xin-loi-mau-04_${period}.html`);
    case 'evaluation': {
      const year = Number(input.from.slice(0, 4));
      const quarter = `${year}-Q${Math.floor((Number(input.from.slice(5, 7)) - 1) / 3) + 1}`;
      const { file, filename } = await exportEvaluationXlsx(ctx, reader, { quarter, by: 'unit' });
      return { name: filename, mediaType: XLSX, bytes: file };
    }
    case 'indicators': {
      const report = await computeIndicators(ctx, reader.centreId, periodOfDays(input.from, input.to));
      return { name: `bo-chi-so-766_${period}.xlsx`, mediaType: XLSX, bytes: await indicatorsXlsx(report, input) };
    }
  }
}

async function formsBundle(
  ctx: ServiceContext,
  reader: OversightActor,
  input: SnapshotInput,
  form: DossierFormCode,
  wanted: (d: { apology: unknown }) => boolean,
  name: string,
): Promise<Produced> {
  const records = await listDossiers(ctx.db, reader.centreId, {
    createdFrom: startOfServiceDay(input.from),
    createdBefore: new Date(startOfServiceDay(input.to).getTime() + DAY_MS),
    limit: 100_000,
  });
  const chosen = records.filter((r) => r.dossier.receivedAt !== null && wanted(r.dossier)).sort((a, b) => a.bookNumber - b.bookNumber);
  if (chosen.length > MAX_FORMS) {
    throw new AppError('VALIDATION_FAILED', { detail: `kỳ này có ${chosen.length} hồ sơ, quá ${MAX_FORMS} phiếu cho một tệp; hãy chọn khoảng thời gian ngắn hơn` });
  }
  const { settings } = await ctx.hall.get(ctx.db, reader.centreId);
  const pages: string[] = [];
  for (const r of chosen) pages.push(await renderDossierFormPage(ctx, reader, r.dossier.id, form, settings.publicBaseUrl || ''));
  return { name, mediaType: 'text/html; charset=utf-8', bytes: Buffer.from(joinForms(pages, form, input), 'utf8') };
}

/** One document of many forms: the first page's styles, each form's sheet, a page break between them. */
export function joinForms(pages: readonly string[], form: DossierFormCode, input: { from: string; to: string }): string {
  const style = pages[0]?.match(/<style>[\s\S]*?<\/style>/)?.[0] ?? '';
  const sheets = pages.map((p) => p.match(/<main[\s\S]*?<\/main>/)?.[0] ?? '').join('\n<div style="page-break-after: always"></div>\n');
  const title = `Mẫu số ${form} – từ ${vnDay(input.from)} đến ${vnDay(input.to)} (${pages.length} phiếu)`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${title}</title>
${style}
</head>
<body>
${pages.length ? sheets : `<p>${title}: không có hồ sơ nào.</p>`}
</body>
</html>
`;
}

async function indicatorsXlsx(report: Awaited<ReturnType<typeof computeIndicators>>, input: SnapshotInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  const sheet = workbook.addWorksheet('Bộ chỉ số 766');
  sheet.columns = [{ width: 8 }, { width: 70 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  sheet.getRow(1).values = [`BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QĐ 766/QĐ-TTg) – từ ${vnDay(input.from)} đến ${vnDay(input.to)}`];
  sheet.getRow(1).font = { name: 'Times New Roman', bold: true, size: 13 };
  sheet.getRow(3).values = ['Mã', 'Chỉ số', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm', 'Điểm tối đa'];
  sheet.getRow(3).font = { name: 'Times New Roman', bold: true };
  INDICATOR_IDS.forEach((id, i) => {
    const r = report.indicators[id];
    sheet.getRow(4 + i).values = [id, r.name, r.value, r.numerator, r.denominator, r.points, r.maxPoints];
  });
  const total = 4 + INDICATOR_IDS.length + 1;
  sheet.getRow(total).values = ['', 'Tổng điểm', '', '', '', report.points, report.maxPoints];
  sheet.getRow(total).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
