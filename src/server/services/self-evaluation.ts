/**
 * A unit's self-evaluation for a year and its appraisal (core/self-evaluation/evaluation.ts has the
 * rules). Who may do what:
 * - the unit's head (a manager with a unit), and admins and managers without a unit for any unit,
 *   score while the frame is open and submit;
 * - appraisers (inspectors, admins) see submitted and appraised evaluations, score, return, complete;
 * - the unit sees the appraisal, the differences and its grade once the appraisal is complete.
 * Criteria with a figure are pre-filled from the unit's figures centre (reform-figures.ts); the figures
 * are frozen when the unit submits.
 */
import type {
  AppraisalInput,
  CriterionScore,
  Evaluation,
  EvaluationListItem,
  FigureKey,
  Ranking,
  ReformFigure,
  SelfScoreInput,
  YearOverYear,
} from '../../contracts/self-evaluation';
import {
  applyAppraisal,
  applySelfScores,
  entryOf,
  rankUnits,
  returnEvaluation,
  submitEvaluation,
  totalsOf,
  type EvaluationState,
  type ScoreEntry,
} from '../../core/self-evaluation/evaluation';
import { criteriaOf, roundPoints, suggestedPoints } from '../../core/self-evaluation/frame';
import { AppError } from '../../core/shared/app-error';
import { findOrgUnit, listOrgUnits } from '../../db/repositories/org-unit.repository';
import {
  findEvaluation,
  findFrame,
  findFrameByYear,
  insertEvaluation,
  listEvaluationsOfFrame,
  listEvaluationsOfUnit,
  saveEvaluation,
  userNames,
  type EvaluationRecord,
  type FrameRecord,
} from '../../db/repositories/self-evaluation.repository';
import type { Executor } from '../../db/repositories/executor';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { fileMetas } from './files';
import { assertOversight, unitScope, type OversightActor } from './oversight-access';
import { computeReformFigures, renderFigureRecords, yearPeriod } from './reform-figures';

const isAppraiser = (actor: OversightActor) => actor.role === 'inspector' || actor.role === 'admin';
/** Who may fill a unit's self-evaluation: its head, or an admin or manager not tied to a unit. */
const mayScore = (actor: OversightActor, unitId: string) => actor.role !== 'inspector' && (unitScope(actor) ?? unitId) === unitId;

interface Unit {
  id: string;
  name: string;
  figuresCentreId: string | null;
}

async function loadUnit(ex: Executor, actor: OversightActor, unitId: string): Promise<Unit> {
  const unit = await findOrgUnit(ex, unitId);
  if (!unit || unit.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'unit' });
  return { id: unit.id, name: unit.name, figuresCentreId: unit.figuresCentreId };
}

async function loadFrameFor(ex: Executor, actor: OversightActor, frameId: string, forUpdate = false): Promise<FrameRecord> {
  const frame = await findFrame(ex, actor.centreId, frameId, forUpdate);
  if (!frame) throw new AppError('NOT_FOUND', { entity: 'evaluation-frame' });
  return frame;
}

/** A unit head may not look at other units; an inspector only at what was sent for appraisal. */
function assertMaySee(actor: OversightActor, unitId: string, record: EvaluationRecord | undefined): void {
  const scope = unitScope(actor);
  if (scope !== null && scope !== unitId) throw new AppError('NOT_FOUND', { entity: 'self-evaluation' });
  if (actor.role === 'inspector' && (!record || record.status === 'draft')) throw new AppError('NOT_FOUND', { entity: 'self-evaluation' });
}

function figuresByKey(figures: readonly ReformFigure[]): Map<string, ReformFigure> {
  return new Map(figures.map((f) => [f.key, f]));
}

/** The scores a new evaluation starts from: pre-filled criteria carry the points their figure suggests. */
function initialScores(frame: FrameRecord, figures: readonly ReformFigure[]): Record<string, ScoreEntry> {
  const byKey = figuresByKey(figures);
  const scores: Record<string, ScoreEntry> = {};
  for (const c of criteriaOf(frame)) {
    if (!c.prefill) continue;
    const f = byKey.get(c.prefill.key);
    const points = f ? suggestedPoints(c.prefill, f.value, c.maxPoints) : null;
    if (points === null || !f) continue;
    scores[c.code] = { selfScore: points, selfNote: `Số liệu hệ thống: ${f.value}${f.unit === '%' ? '%' : ''} (${f.detail})`, fileIds: [], appraisalScore: null, appraisalComment: '' };
  }
  return scores;
}

async function figuresFor(ctx: ServiceContext, frame: FrameRecord, unit: Unit, record: EvaluationRecord | undefined): Promise<ReformFigure[]> {
  if (record?.figures) return record.figures;
  return computeReformFigures(ctx, unit.figuresCentreId, yearPeriod(frame.year));
}

const hasRecordsFor = (frame: FrameRecord, figures: readonly ReformFigure[]) => {
  const byKey = figuresByKey(figures);
  const criteria = new Map(criteriaOf(frame).map((c) => [c.code, c]));
  return (code: string) => {
    const key = criteria.get(code)?.prefill?.key;
    const f = key ? byKey.get(key) : undefined;
    return !!f && f.value !== null && f.link !== null;
  };
};

async function view(
  ctx: ServiceContext,
  actor: OversightActor,
  frame: FrameRecord,
  unit: Unit,
  record: EvaluationRecord | undefined,
  figures: ReformFigure[],
): Promise<Evaluation> {
  const state: EvaluationState = record ? { status: record.status, scores: record.scores } : { status: 'draft', scores: initialScores(frame, figures) };
  const appraiser = isAppraiser(actor);
  const showAppraisal = appraiser || state.status === 'appraised';
  const totals = totalsOf(frame, state);
  // Links open the records through this evaluation, so everyone who may see it (an inspector too) can check them.
  const byKey = figuresByKey(figures.map((f) => (f.link ? { ...f, link: `/api/v1/manage/self-evaluation/frames/${frame.id}/units/${unit.id}/figures/${f.key}` } : f)));
  const allFileIds = Object.values(state.scores).flatMap((s) => s.fileIds);
  const metas = new Map((await fileMetas(ctx, actor.centreId, allFileIds)).map((m) => [m.id, m]));
  const names = await userNames(ctx.db, [record?.appraisedBy].filter((x): x is string => !!x));
  const criteria: CriterionScore[] = criteriaOf(frame).map((c) => {
    const e = entryOf(state, c.code);
    const figure = c.prefill ? byKey.get(c.prefill.key) : undefined;
    const appraisalScore = showAppraisal ? e.appraisalScore : null;
    return {
      fieldCode: c.fieldCode,
      fieldName: c.fieldName,
      code: c.code,
      name: c.name,
      maxPoints: c.maxPoints,
      evidence: c.evidence,
      evidenceRequired: c.evidenceRequired,
      prefill: c.prefill && figure ? { figure, rule: c.prefill, suggestedPoints: suggestedPoints(c.prefill, figure.value, c.maxPoints) } : null,
      selfScore: e.selfScore,
      selfNote: e.selfNote,
      files: e.fileIds.flatMap((id) => (metas.has(id) ? [metas.get(id)!] : [])),
      appraisalScore,
      appraisalComment: showAppraisal ? e.appraisalComment : '',
      difference: appraisalScore !== null && e.selfScore !== null ? roundPoints(appraisalScore - e.selfScore) : null,
    };
  });
  return {
    id: record?.id ?? null,
    frameId: frame.id,
    year: frame.year,
    unitId: unit.id,
    unitName: unit.name,
    status: state.status,
    criteria,
    maxPoints: totals.maxPoints,
    selfTotal: totals.selfTotal,
    appraisalTotal: showAppraisal ? totals.appraisalTotal : null,
    finalScore: totals.finalScore,
    grade: totals.grade,
    submittedAt: record?.submittedAt ? new Date(record.submittedAt).toISOString() : null,
    appraisedAt: record?.appraisedAt ? new Date(record.appraisedAt).toISOString() : null,
    appraisedByName: record?.appraisedBy ? (names.get(record.appraisedBy) ?? null) : null,
    canEdit: frame.status === 'open' && state.status === 'draft' && mayScore(actor, unit.id),
    canAppraise: appraiser && state.status === 'submitted' && frame.status !== 'draft',
  };
}

/** The units and where each stands for a frame; a unit head sees its own unit, an inspector those sent for appraisal. */
export async function listEvaluations(ctx: ServiceContext, actor: Actor, frameId: string): Promise<EvaluationListItem[]> {
  assertOversight(actor);
  const frame = await loadFrameFor(ctx.db, actor, frameId);
  const [units, records] = await Promise.all([listOrgUnits(ctx.db, actor.centreId), listEvaluationsOfFrame(ctx.db, frame.id)]);
  const byUnit = new Map(records.map((r) => [r.unitId, r]));
  const scope = unitScope(actor);
  return units
    .filter((u) => (scope === null || u.id === scope) && (u.active || byUnit.has(u.id)))
    .filter((u) => actor.role !== 'inspector' || (byUnit.get(u.id)?.status ?? 'draft') !== 'draft')
    .map((u) => {
      const r = byUnit.get(u.id);
      const totals = r ? totalsOf(frame, { status: r.status, scores: r.scores }) : null;
      return {
        unitId: u.id,
        unitName: u.name,
        evaluationId: r?.id ?? null,
        status: r?.status ?? 'not-started',
        selfTotal: totals?.selfTotal ?? null,
        finalScore: totals?.finalScore ?? null,
        grade: totals?.grade ?? null,
        submittedAt: r?.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      };
    });
}

export async function getEvaluation(ctx: ServiceContext, actor: Actor, frameId: string, unitId: string): Promise<Evaluation> {
  assertOversight(actor);
  const frame = await loadFrameFor(ctx.db, actor, frameId);
  const unit = await loadUnit(ctx.db, actor, unitId);
  const record = await findEvaluation(ctx.db, frame.id, unit.id);
  assertMaySee(actor, unit.id, record);
  return view(ctx, actor, frame, unit, record, await figuresFor(ctx, frame, unit, record));
}

async function assertFilesExist(ctx: ServiceContext, ex: Executor, centreId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await fileMetas(ctx, centreId, unique, ex);
  if (found.length !== unique.length) throw new AppError('VALIDATION_FAILED', { detail: 'có tệp đính kèm không tìm thấy; hãy tải tệp lên lại' });
}

/** The unit's scores (and, with `submit`, sending them for appraisal). */
export async function saveSelfEvaluation(
  ctx: ServiceContext,
  actor: Actor,
  frameId: string,
  unitId: string,
  input: SelfScoreInput & { submit?: boolean },
): Promise<Evaluation> {
  assertOversight(actor);
  const unit = await loadUnit(ctx.db, actor, unitId);
  const scope = unitScope(actor);
  if (scope !== null && scope !== unit.id) throw new AppError('NOT_FOUND', { entity: 'self-evaluation' });
  if (!mayScore(actor, unit.id)) throw new AppError('FORBIDDEN');
  const frame0 = await loadFrameFor(ctx.db, actor, frameId);
  // Figures are computed before the transaction: they read many records and must not hold it open.
  const existing = await findEvaluation(ctx.db, frame0.id, unit.id);
  const liveFigures = await figuresFor(ctx, frame0, unit, existing);
  const saved = await inTransaction(ctx, async (tx) => {
    const frame = await loadFrameFor(tx, actor, frameId, true);
    if (frame.status !== 'open') {
      throw new AppError('VALIDATION_FAILED', {
        detail: frame.status === 'draft' ? `bộ tiêu chí năm ${frame.year} chưa mở để tự đánh giá` : `bộ tiêu chí năm ${frame.year} đã khóa`,
      });
    }
    await assertFilesExist(ctx, tx, actor.centreId, input.scores.flatMap((s) => s.fileIds));
    const now = ctx.clock();
    let record = await findEvaluation(tx, frame.id, unit.id, true);
    if (!record) {
      record = {
        id: ctx.newId(),
        frameId: frame.id,
        unitId: unit.id,
        status: 'draft',
        scores: initialScores(frame, liveFigures),
        figures: null,
        finalScore: null,
        submittedAt: null,
        submittedBy: null,
        appraisedAt: null,
        appraisedBy: null,
        createdAt: now,
        updatedAt: now,
      };
      await insertEvaluation(tx, record);
      record = (await findEvaluation(tx, frame.id, unit.id, true))!;
    }
    let state: EvaluationState = applySelfScores(frame, { status: record.status, scores: record.scores }, input);
    let next: EvaluationRecord = { ...record, scores: state.scores, updatedAt: now };
    if (input.submit) {
      state = submitEvaluation(frame, state, hasRecordsFor(frame, liveFigures));
      next = { ...next, status: state.status, figures: liveFigures, submittedAt: now, submittedBy: actor.id };
    }
    await saveEvaluation(tx, next);
    return { frame, record: next };
  });
  return view(ctx, actor, saved.frame, unit, saved.record, saved.record.figures ?? liveFigures);
}

function assertAppraiser(actor: Actor): asserts actor is OversightActor {
  assertOversight(actor);
  if (!isAppraiser(actor)) throw new AppError('FORBIDDEN');
}

/** The appraisers' scores and comments, and with `complete` the end of the appraisal. */
export async function appraiseEvaluation(ctx: ServiceContext, actor: Actor, frameId: string, unitId: string, input: AppraisalInput): Promise<Evaluation> {
  assertAppraiser(actor);
  const unit = await loadUnit(ctx.db, actor, unitId);
  const saved = await inTransaction(ctx, async (tx) => {
    const frame = await loadFrameFor(tx, actor, frameId);
    const record = await findEvaluation(tx, frame.id, unit.id, true);
    assertMaySee(actor, unit.id, record);
    if (!record) throw new AppError('VALIDATION_FAILED', { detail: 'đơn vị chưa gửi bản tự đánh giá để thẩm định' });
    const state = applyAppraisal(frame, { status: record.status, scores: record.scores }, input);
    const now = ctx.clock();
    const totals = totalsOf(frame, state);
    const next: EvaluationRecord = {
      ...record,
      status: state.status,
      scores: state.scores,
      finalScore: totals.finalScore,
      appraisedAt: state.status === 'appraised' ? now : null,
      appraisedBy: state.status === 'appraised' ? actor.id : null,
      updatedAt: now,
    };
    await saveEvaluation(tx, next);
    return { frame, record: next };
  });
  return view(ctx, actor, saved.frame, unit, saved.record, saved.record.figures ?? []);
}

/** The appraisers send the evaluation back to the unit to correct; the frozen figures are recomputed on the next submit. */
export async function returnSelfEvaluation(ctx: ServiceContext, actor: Actor, frameId: string, unitId: string): Promise<Evaluation> {
  assertAppraiser(actor);
  const unit = await loadUnit(ctx.db, actor, unitId);
  const saved = await inTransaction(ctx, async (tx) => {
    const frame = await loadFrameFor(tx, actor, frameId);
    const record = await findEvaluation(tx, frame.id, unit.id, true);
    assertMaySee(actor, unit.id, record);
    if (!record) throw new AppError('VALIDATION_FAILED', { detail: 'đơn vị chưa gửi bản tự đánh giá' });
    const state = returnEvaluation({ status: record.status, scores: record.scores });
    const next: EvaluationRecord = { ...record, status: state.status, figures: null, submittedAt: null, submittedBy: null, updatedAt: ctx.clock() };
    await saveEvaluation(tx, next);
    return { frame, record: next };
  });
  return view(ctx, actor, saved.frame, unit, saved.record, await figuresFor(ctx, saved.frame, unit, saved.record));
}

async function rankedYear(ex: Executor, centreId: string, year: number, units: Map<string, string>) {
  const frame = await findFrameByYear(ex, centreId, year);
  if (!frame) return { frame: null, rows: [] as { unitId: string; unitName: string; finalScore: number; grade: string | null }[] };
  const records = await listEvaluationsOfFrame(ex, frame.id);
  const rows = records
    .filter((r) => r.status === 'appraised' && r.finalScore !== null)
    .map((r) => ({ unitId: r.unitId, unitName: units.get(r.unitId) ?? '', finalScore: r.finalScore!, grade: totalsOf(frame, { status: r.status, scores: r.scores }).grade }));
  return { frame, rows };
}

/** Units ranked by their appraised score for a year, with last year's rank beside. */
export async function rankingOfYear(ctx: ServiceContext, actor: Actor, year: number): Promise<Ranking> {
  assertOversight(actor);
  const all = await listOrgUnits(ctx.db, actor.centreId);
  const names = new Map(all.map((u) => [u.id, u.name]));
  const [current, before] = await Promise.all([rankedYear(ctx.db, actor.centreId, year, names), rankedYear(ctx.db, actor.centreId, year - 1, names)]);
  const previous = new Map(rankUnits(before.rows).map((r) => [r.unitId, { rank: r.rank, finalScore: r.finalScore }]));
  const rows = rankUnits(current.rows, previous);
  const ranked = new Set(rows.map((r) => r.unitId));
  return {
    year,
    rows: rows.map((r) => ({
      rank: r.rank,
      unitId: r.unitId,
      unitName: r.unitName,
      finalScore: r.finalScore,
      grade: r.grade,
      previousRank: r.previousRank,
      rankChange: r.rankChange,
      previousScore: r.previousScore,
    })),
    unranked: all.filter((u) => u.active && !ranked.has(u.id)).map((u) => ({ unitId: u.id, unitName: u.name })),
  };
}

/** A unit's evaluations year by year: totals, grade, rank, and points per field. */
export async function unitYearOverYear(ctx: ServiceContext, actor: Actor, unitId: string): Promise<YearOverYear> {
  assertOversight(actor);
  const unit = await loadUnit(ctx.db, actor, unitId);
  const scope = unitScope(actor);
  if (scope !== null && scope !== unit.id) throw new AppError('NOT_FOUND', { entity: 'unit' });
  const all = await listOrgUnits(ctx.db, actor.centreId);
  const names = new Map(all.map((u) => [u.id, u.name]));
  const history = await listEvaluationsOfUnit(ctx.db, actor.centreId, unit.id);
  const years = [];
  for (const { frame, evaluation } of history) {
    if (actor.role === 'inspector' && evaluation.status === 'draft') continue;
    const totals = totalsOf(frame, { status: evaluation.status, scores: evaluation.scores });
    const ranking = rankUnits((await rankedYear(ctx.db, actor.centreId, frame.year, names)).rows);
    years.push({
      year: frame.year,
      status: evaluation.status,
      maxPoints: totals.maxPoints,
      selfTotal: totals.selfTotal,
      finalScore: totals.finalScore,
      grade: totals.grade,
      rank: ranking.find((r) => r.unitId === unit.id)?.rank ?? null,
      ranked: ranking.length,
      fields: totals.fields,
    });
  }
  return { unitId: unit.id, unitName: unit.name, years };
}

/** The records behind one of the unit's figures for the frame's year, as a printable page. */
export async function evaluationFigureRecords(ctx: ServiceContext, actor: Actor, frameId: string, unitId: string, key: FigureKey): Promise<string> {
  assertOversight(actor);
  const frame = await loadFrameFor(ctx.db, actor, frameId);
  const unit = await loadUnit(ctx.db, actor, unitId);
  assertMaySee(actor, unit.id, await findEvaluation(ctx.db, frame.id, unit.id));
  return renderFigureRecords(ctx, actor, unit.figuresCentreId, key, yearPeriod(frame.year), `${unit.name}, năm ${frame.year}`);
}
