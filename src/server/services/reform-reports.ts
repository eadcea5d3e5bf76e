/**
 * Reform reports asked of the units: a schedule (quarterly, six-monthly, yearly: one request per period,
 * due a number of working days after the period ends; ad-hoc: one request with its own deadline) with a
 * template; each unit's submission with the figures the product has pre-filled, its texts and files.
 * Late and missing submissions are worked out on the day asked (core/reform-reports).
 *
 * Who: admins, inspectors and managers not tied to a unit set schedules and see every unit; a unit head
 * sees and submits its own unit's reports; admins and managers without a unit may submit for any unit.
 */
import {
  type CreateReportScheduleInput,
  type ReformReport,
  type ReportSubmission,
  type SubmissionInput,
} from '../../contracts/reform-reports';
import type { FigureKey, ReformFigure } from '../../contracts/self-evaluation';
import { addWorkingDays, DEFAULT_TEMPLATE, periodLabel, schedulePeriods, submissionState, templateProblem, type ReportPeriod } from '../../core/reform-reports/reports';
import { periodProblem } from '../../core/indicators/periods';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import type { Executor } from '../../db/repositories/executor';
import { findOrgUnit, listOrgUnits } from '../../db/repositories/org-unit.repository';
import {
  findReport,
  findSubmission,
  insertReport,
  listReports,
  listSubmissions,
  upsertSubmission,
  type ReportRecord,
  type SubmissionRecord,
} from '../../db/repositories/reform-report.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { fileMetas } from './files';
import { assertOversight, unitScope, type OversightActor } from './oversight-access';
import { computeReformFigures, renderFigureRecords } from './reform-figures';
import { loadCalendar } from './working-calendar';

/** What a figure entered by hand says about itself. */
export const ENTERED_BY_UNIT = 'Số liệu do đơn vị nhập';

const mayAsk = (actor: OversightActor) => unitScope(actor) === null;
const maySubmit = (actor: OversightActor, unitId: string) => actor.role !== 'inspector' && (unitScope(actor) ?? unitId) === unitId;

export async function createReportSchedule(ctx: ServiceContext, actor: Actor, input: CreateReportScheduleInput): Promise<ReformReport[]> {
  assertOversight(actor);
  if (!mayAsk(actor)) throw new AppError('FORBIDDEN');
  const units = (await listOrgUnits(ctx.db, actor.centreId)).filter((u) => u.active);
  const unitIds = input.unitIds ?? units.map((u) => u.id);
  const known = new Set(units.map((u) => u.id));
  if (unitIds.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'hãy chọn ít nhất một đơn vị phải báo cáo' });
  if (unitIds.some((id) => !known.has(id))) throw new AppError('VALIDATION_FAILED', { detail: 'có đơn vị không tồn tại hoặc đã ngừng hoạt động' });

  const template = input.template ?? DEFAULT_TEMPLATE;
  const problem = templateProblem(template);
  if (problem) throw new AppError('VALIDATION_FAILED', { detail: problem });

  let periods: (ReportPeriod & { due: string })[];
  if (input.kind === 'ad-hoc') {
    if (!input.periodFrom || !input.periodTo || !input.dueDay) {
      throw new AppError('VALIDATION_FAILED', { detail: 'báo cáo đột xuất cần kỳ báo cáo (từ ngày, đến ngày) và hạn nộp' });
    }
    const problem = periodProblem(input.periodFrom, input.periodTo, 800);
    if (problem) throw new AppError('VALIDATION_FAILED', { detail: problem });
    if (input.dueDay < input.periodFrom) throw new AppError('VALIDATION_FAILED', { detail: 'hạn nộp phải sau ngày bắt đầu kỳ báo cáo' });
    periods = [{ index: 1, from: input.periodFrom, to: input.periodTo, label: '', due: input.dueDay }];
  } else {
    const { working } = await loadCalendar(ctx.db);
    periods = schedulePeriods(input.kind, input.year).map((p) => ({ ...p, due: addWorkingDays(p.to, input.dueWorkingDays, (d) => working.isWorkingDay(d)) }));
  }
  const seriesId = ctx.newId();
  const now = ctx.clock();
  const records: ReportRecord[] = periods.map((p) => ({
    id: ctx.newId(),
    centreId: actor.centreId,
    seriesId,
    title: input.title,
    kind: input.kind,
    year: input.kind === 'ad-hoc' ? Number(p.from.slice(0, 4)) : input.year,
    periodIndex: p.index,
    periodFrom: p.from,
    periodTo: p.to,
    dueDay: p.due,
    template,
    unitIds,
    createdBy: actor.id,
    createdAt: now,
  }));
  await inTransaction(ctx, async (tx) => {
    for (const r of records) await insertReport(tx, r);
  });
  const names = new Map(units.map((u) => [u.id, u.name]));
  return records.map((r) => reportView(actor, r, [], names, serviceDayOf(now)));
}

function reportView(actor: OversightActor, r: ReportRecord, submissions: readonly SubmissionRecord[], names: Map<string, string>, today: string): ReformReport {
  const byUnit = new Map(submissions.filter((s) => s.reportId === r.id).map((s) => [s.unitId, s]));
  const scope = unitScope(actor);
  const units = r.unitIds
    .filter((id) => scope === null || id === scope)
    .map((unitId) => {
      const s = byUnit.get(unitId) ?? null;
      return {
        unitId,
        unitName: names.get(unitId) ?? '',
        submissionId: s?.id ?? null,
        state: submissionState(s ? { status: s.status, submittedDay: s.submittedAt ? serviceDayOf(new Date(s.submittedAt)) : null } : null, r.dueDay, today),
        submittedAt: s?.submittedAt ? new Date(s.submittedAt).toISOString() : null,
      };
    });
  const count = (state: string) => units.filter((u) => u.state === state).length;
  return {
    id: r.id,
    seriesId: r.seriesId,
    title: r.title,
    kind: r.kind,
    year: r.year,
    periodIndex: r.periodIndex,
    periodLabel: periodLabel(r.kind, r.year, r.periodIndex, r.periodFrom, r.periodTo),
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueDay: r.dueDay,
    overdue: today > r.dueDay,
    template: r.template,
    units,
    counts: { asked: units.length, submitted: count('submitted') + count('late'), late: count('late'), missing: count('missing') },
  };
}

async function unitNames(ex: Executor, centreId: string): Promise<Map<string, string>> {
  return new Map((await listOrgUnits(ex, centreId)).map((u) => [u.id, u.name]));
}

export async function listReformReports(ctx: ServiceContext, actor: Actor, year?: number): Promise<ReformReport[]> {
  assertOversight(actor);
  const scope = unitScope(actor);
  const reports = (await listReports(ctx.db, actor.centreId, year)).filter((r) => scope === null || r.unitIds.includes(scope));
  const [submissions, names] = await Promise.all([listSubmissions(ctx.db, reports.map((r) => r.id)), unitNames(ctx.db, actor.centreId)]);
  const today = serviceDayOf(ctx.clock());
  return reports.map((r) => reportView(actor, r, submissions, names, today));
}

async function loadReport(ex: Executor, actor: OversightActor, id: string): Promise<ReportRecord> {
  const r = await findReport(ex, actor.centreId, id);
  const scope = unitScope(actor);
  if (!r || (scope !== null && !r.unitIds.includes(scope))) throw new AppError('NOT_FOUND', { entity: 'reform-report' });
  return r;
}

export async function getReformReport(ctx: ServiceContext, actor: Actor, id: string): Promise<ReformReport> {
  assertOversight(actor);
  const r = await loadReport(ctx.db, actor, id);
  const [submissions, names] = await Promise.all([listSubmissions(ctx.db, [r.id]), unitNames(ctx.db, actor.centreId)]);
  return reportView(actor, r, submissions, names, serviceDayOf(ctx.clock()));
}

async function loadUnitOf(ex: Executor, actor: OversightActor, report: ReportRecord, unitId: string) {
  const scope = unitScope(actor);
  const unit = await findOrgUnit(ex, unitId);
  if (!unit || unit.centreId !== actor.centreId || !report.unitIds.includes(unitId) || (scope !== null && scope !== unitId)) {
    throw new AppError('NOT_FOUND', { entity: 'unit' });
  }
  return unit;
}

/** Live figures with what the unit entered by hand on top. */
function withOverrides(live: readonly ReformFigure[], stored: readonly ReformFigure[] | null, overrides: Record<string, number | null>): ReformFigure[] {
  const entered = new Map<string, number | null>((stored ?? []).filter((f) => f.detail === ENTERED_BY_UNIT).map((f) => [f.key, f.value]));
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) entered.delete(k);
    else entered.set(k, v);
  }
  return live.map((f) => (entered.has(f.key) ? { ...f, value: entered.get(f.key)!, numerator: null, denominator: null, detail: ENTERED_BY_UNIT, link: null } : f));
}

async function submissionView(ctx: ServiceContext, actor: OversightActor, r: ReportRecord, unit: { id: string; name: string }, s: SubmissionRecord | undefined, figures: ReformFigure[]): Promise<ReportSubmission> {
  const today = serviceDayOf(ctx.clock());
  return {
    id: s?.id ?? null,
    reportId: r.id,
    unitId: unit.id,
    unitName: unit.name,
    status: s?.status ?? 'draft',
    state: submissionState(s ? { status: s.status, submittedDay: s.submittedAt ? serviceDayOf(new Date(s.submittedAt)) : null } : null, r.dueDay, today),
    // Links open the records through this report, so everyone who may see it (an inspector too) can check them.
    figures: figures.map((f) => (f.link ? { ...f, link: `/api/v1/manage/reform-reports/${r.id}/units/${unit.id}/figures/${f.key}` } : f)),
    sections: s?.sections ?? {},
    files: s ? await fileMetas(ctx, actor.centreId, s.fileIds) : [],
    submittedAt: s?.submittedAt ? new Date(s.submittedAt).toISOString() : null,
    canEdit: (s?.status ?? 'draft') === 'draft' && maySubmit(actor, unit.id),
  };
}

export async function getReportSubmission(ctx: ServiceContext, actor: Actor, reportId: string, unitId: string): Promise<ReportSubmission> {
  assertOversight(actor);
  const r = await loadReport(ctx.db, actor, reportId);
  const unit = await loadUnitOf(ctx.db, actor, r, unitId);
  const s = await findSubmission(ctx.db, r.id, unit.id);
  if (actor.role === 'inspector' && s?.status !== 'submitted') throw new AppError('NOT_FOUND', { entity: 'unit-report' });
  const figures = s?.status === 'submitted' ? s.figures : withOverrides(await computeReformFigures(ctx, unit.figuresCentreId, { from: r.periodFrom, to: r.periodTo }), s?.figures ?? null, {});
  return submissionView(ctx, actor, r, unit, s, figures);
}

export async function saveReportSubmission(ctx: ServiceContext, actor: Actor, reportId: string, unitId: string, input: SubmissionInput): Promise<ReportSubmission> {
  assertOversight(actor);
  const r = await loadReport(ctx.db, actor, reportId);
  const unit = await loadUnitOf(ctx.db, actor, r, unitId);
  if (!maySubmit(actor, unit.id)) throw new AppError('FORBIDDEN');
  const keys = new Set(r.template.sections.map((s) => s.key));
  const unknown = Object.keys(input.sections).find((k) => !keys.has(k));
  if (unknown) throw new AppError('VALIDATION_FAILED', { detail: `mẫu báo cáo không có mục "${unknown}"` });
  const sections = Object.fromEntries(Object.entries(input.sections).map(([k, v]) => [k, v.trim()]));
  if (input.submit && Object.values(sections).every((t) => t === '')) {
    throw new AppError('VALIDATION_FAILED', { detail: 'báo cáo chưa có nội dung; hãy viết ít nhất một mục trước khi nộp' });
  }
  const live = await computeReformFigures(ctx, unit.figuresCentreId, { from: r.periodFrom, to: r.periodTo });
  const saved = await inTransaction(ctx, async (tx) => {
    const existing = await findSubmission(tx, r.id, unit.id, true);
    if (existing?.status === 'submitted') throw new AppError('VALIDATION_FAILED', { detail: 'đơn vị đã nộp báo cáo này' });
    const ids = [...new Set(input.fileIds)];
    if ((await fileMetas(ctx, actor.centreId, ids, tx)).length !== ids.length) {
      throw new AppError('VALIDATION_FAILED', { detail: 'có tệp đính kèm không tìm thấy; hãy tải tệp lên lại' });
    }
    const now = ctx.clock();
    const next: SubmissionRecord = {
      id: existing?.id ?? ctx.newId(),
      reportId: r.id,
      unitId: unit.id,
      status: input.submit ? 'submitted' : 'draft',
      figures: withOverrides(live, existing?.figures ?? null, input.figureOverrides),
      sections,
      fileIds: ids,
      submittedAt: input.submit ? now : null,
      submittedBy: input.submit ? actor.id : null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await upsertSubmission(tx, next);
    return next;
  });
  return submissionView(ctx, actor, r, unit, saved, saved.figures);
}

/** The records behind one of the unit's figures for the report's period, as a printable page. */
export async function reportFigureRecords(ctx: ServiceContext, actor: Actor, reportId: string, unitId: string, key: FigureKey): Promise<string> {
  assertOversight(actor);
  const r = await loadReport(ctx.db, actor, reportId);
  const unit = await loadUnitOf(ctx.db, actor, r, unitId);
  if (actor.role === 'inspector' && (await findSubmission(ctx.db, r.id, unit.id))?.status !== 'submitted') {
    throw new AppError('NOT_FOUND', { entity: 'unit-report' });
  }
  return renderFigureRecords(ctx, actor, unit.figuresCentreId, key, { from: r.periodFrom, to: r.periodTo }, `${unit.name}, ${r.title}`);
}
