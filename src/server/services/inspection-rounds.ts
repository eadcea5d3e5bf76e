/**
 * Running a round: per unit and criterion a verdict with notes and evidence, findings with their
 * severity, corrective actions on the working calendar, and the conclusion — which freezes the round and
 * stores its minutes (biên bản) as they were signed. A round shows the open actions its units carry from
 * earlier rounds and plans: what it has to follow up.
 */
import type { Lang } from '../../contracts/lang';
import type { ProcessChecklist } from '../../contracts/process-documents';
import {
  NewActionInput as NewActionSchema,
  ROUND_KIND_LABELS,
  ROUND_STATUS_LABELS,
  SEVERITY_LABELS,
  type Criterion,
  type FindingInput,
  type NewActionInput,
  type RoundDetail,
  type RoundInput,
  type VerdictInput,
} from '../../contracts/inspection';
import { FindingInput as FindingSchema, RoundInput as RoundSchema, VerdictInput as VerdictSchema } from '../../contracts/inspection';
import { checkChecklist } from '../../core/inspection/checklist';
import { dueDateOf } from '../../core/inspection/corrective-action';
import { assertCriterion, assertRoundOpen, assertUnitInRound, statusAfterWork, tallyVerdicts } from '../../core/inspection/round';
import { AppError } from '../../core/shared/app-error';
import type { Executor } from '../../db/repositories/executor';
import {
  insertAction,
  insertFinding,
  insertRound,
  listActions,
  listFindings,
  listVerdicts,
  nextRoundNumber,
  updateRound,
  upsertVerdict,
} from '../../db/repositories/inspection.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { fileMetas, storeGenerated } from './files';
import { actionViews, allPlansWithAccess, assertFiles, assertInspectionUser, carriedActionRows, loadPlan, loadRound, refOf, todayOf, unitRefs } from './inspection-access';
import { minutesDocument } from './inspection-documents';
import { getProcessChecklist } from './process-documents';
import type { OversightActor } from './oversight-access';
import { loadCalendar } from './working-calendar';

export async function createInspectionRound(ctx: ServiceContext, actor: Actor, planId: string, raw: RoundInput, lang: Lang): Promise<RoundDetail> {
  assertInspectionUser(actor);
  const input = RoundSchema.parse(raw);
  const id = ctx.newId();
  let audited: ProcessChecklist | null = null;
  if (input.kind === 'internal-audit') {
    if (!input.processDocumentId) throw new AppError('VALIDATION_FAILED', { detail: 'đánh giá nội bộ cần chọn quy trình được đánh giá' });
    audited = await getProcessChecklist(ctx, actor, input.processDocumentId);
  }
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, actor, planId, true);
    if (!access.run) throw new AppError('FORBIDDEN');
    for (const u of input.unitIds) {
      if (!plan.unitIds.includes(u)) throw new AppError('VALIDATION_FAILED', { detail: 'đợt kiểm tra chỉ gồm các đơn vị trong kế hoạch' });
    }
    const teamKeys = new Set(plan.team.map((m) => m.key));
    for (const k of input.memberKeys) {
      if (!teamKeys.has(k)) throw new AppError('VALIDATION_FAILED', { detail: `"${k}" không có trong đoàn kiểm tra của kế hoạch` });
    }
    let checklist = plan.checklist;
    if (audited) {
      checklist = checkChecklist([...auditQuestions(audited.questions), ...(input.checklist ?? [])]);
    } else if (input.checklist?.length) {
      checklist = checkChecklist(input.checklist);
    }
    await insertRound(tx, {
      id,
      planId,
      number: await nextRoundNumber(tx, planId),
      kind: input.kind,
      title: input.title,
      scope: input.scope,
      plannedDate: input.plannedDate,
      unitIds: [...new Set(input.unitIds)],
      memberKeys: [...new Set(input.memberKeys)],
      processDocumentId: audited?.processDocumentId ?? null,
      processLabel: audited?.label ?? null,
      checklist,
      at: ctx.clock(),
    });
  });
  return getInspectionRound(ctx, actor, id, lang);
}

export async function getInspectionRound(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<RoundDetail> {
  assertInspectionUser(actor);
  const { round, plan, access, units: mine } = await loadRound(ctx.db, actor, id);
  const [verdicts, findings, units, plans] = await Promise.all([
    listVerdicts(ctx.db, round.id),
    listFindings(ctx.db, [round.id]),
    unitRefs(ctx.db, actor.centreId, round.unitIds),
    allPlansWithAccess(ctx.db, actor),
  ]);
  const myVerdicts = verdicts.filter((v) => mine.includes(v.unitId));
  const myFindings = findings.filter((f) => mine.includes(f.unitId));
  const [actions, carried] = await Promise.all([
    listActions(ctx.db, actor.centreId, { findingIds: myFindings.map((f) => f.id) }),
    carriedActionRows(ctx.db, actor, round, plan, mine, plans),
  ]);
  const [actionList, carriedList] = await Promise.all([actionViews(ctx, actor, actions, plans, lang), actionViews(ctx, actor, carried, plans, lang)]);
  const files = new Map(
    (await fileMetas(ctx, actor.centreId, [...myVerdicts.flatMap((v) => v.evidenceFileIds), ...myFindings.flatMap((f) => f.evidenceFileIds), ...(round.minutesFileId ? [round.minutesFileId] : [])])).map((f) => [f.id, f]),
  );
  const filesOf = (ids: readonly string[]) => ids.flatMap((fid) => files.get(fid) ?? []);
  const codeOf = (cid: string | null) => (cid ? round.checklist.find((c) => c.id === cid)?.code ?? cid : null);
  return {
    id: round.id,
    planId: plan.id,
    planTitle: plan.title,
    planYear: plan.year,
    number: round.number,
    kind: round.kind,
    kindLabel: ROUND_KIND_LABELS[round.kind][lang],
    title: round.title,
    scope: round.scope,
    plannedDate: round.plannedDate,
    status: round.status,
    statusLabel: ROUND_STATUS_LABELS[round.status][lang],
    conclusion: round.conclusion,
    concludedAt: round.concludedAt?.toISOString() ?? null,
    processDocumentId: round.processDocumentId,
    processLabel: round.processLabel,
    units: mine.map((u) => refOf(units, u)),
    members: plan.team.filter((m) => round.memberKeys.includes(m.key)),
    checklist: round.checklist,
    verdicts: myVerdicts.map((v) => ({
      unitId: v.unitId,
      criterionId: v.criterionId,
      verdict: v.verdict,
      note: v.note,
      evidence: filesOf(v.evidenceFileIds),
      updatedAt: v.updatedAt.toISOString(),
      updatedByName: v.updatedByName,
    })),
    findings: myFindings.map((f) => ({
      id: f.id,
      unit: refOf(units, f.unitId),
      criterionId: f.criterionId,
      criterionCode: codeOf(f.criterionId),
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity][lang],
      description: f.description,
      evidence: filesOf(f.evidenceFileIds),
      createdAt: f.createdAt.toISOString(),
      createdByName: f.createdByName,
      actions: actionList.filter((a) => a.findingId === f.id),
    })),
    tallies: mine.map((u) => ({
      unit: refOf(units, u),
      ...tallyVerdicts(round.checklist, new Map(myVerdicts.filter((v) => v.unitId === u).map((v) => [v.criterionId, v.verdict]))),
    })),
    carriedActions: carriedList,
    // The signed minutes cover every unit of the round: only those who see all of them get the file.
    minutesFile: round.minutesFileId && access.units === 'all' ? (files.get(round.minutesFileId) ?? null) : null,
    canRun: access.run && round.status !== 'concluded',
  };
}

async function loadRunnable(ex: Executor, actor: OversightActor, id: string) {
  const loaded = await loadRound(ex, actor, id, true);
  if (!loaded.access.run) throw new AppError('FORBIDDEN');
  assertRoundOpen(loaded.round.status);
  return loaded;
}

export async function recordVerdict(ctx: ServiceContext, actor: Actor, roundId: string, raw: VerdictInput, lang: Lang): Promise<RoundDetail> {
  assertInspectionUser(actor);
  const input = VerdictSchema.parse(raw);
  await inTransaction(ctx, async (tx) => {
    const { round } = await loadRunnable(tx, actor, roundId);
    assertUnitInRound(round.unitIds, input.unitId);
    assertCriterion(round.checklist, input.criterionId);
    await assertFiles(ctx, tx, actor.centreId, input.evidenceFileIds);
    const now = ctx.clock();
    await upsertVerdict(tx, { roundId, ...input, evidenceFileIds: [...new Set(input.evidenceFileIds)], updatedBy: actor.id, at: now });
    await updateRound(tx, roundId, { status: statusAfterWork(round.status) }, now);
  });
  return getInspectionRound(ctx, actor, roundId, lang);
}

async function insertActionFor(
  ctx: ServiceContext,
  tx: Executor,
  finding: { id: string; unitId: string },
  planId: string,
  raw: NewActionInput,
): Promise<void> {
  const input = NewActionSchema.parse(raw);
  const calendar = await loadCalendar(tx);
  const startDate = input.startDate ?? todayOf(ctx);
  await insertAction(tx, {
    id: ctx.newId(),
    findingId: finding.id,
    planId,
    unitId: finding.unitId,
    description: input.description,
    ownerName: input.ownerName,
    ownerUserId: input.ownerUserId,
    startDate,
    workingDays: input.workingDays,
    dueDate: dueDateOf(startDate, input.workingDays, (d) => calendar.working.isWorkingDay(d)),
    at: ctx.clock(),
  });
}

export async function addFinding(ctx: ServiceContext, actor: Actor, roundId: string, raw: FindingInput, lang: Lang): Promise<RoundDetail> {
  assertInspectionUser(actor);
  const input = FindingSchema.parse(raw);
  await inTransaction(ctx, async (tx) => {
    const { round, plan } = await loadRunnable(tx, actor, roundId);
    assertUnitInRound(round.unitIds, input.unitId);
    if (input.criterionId) assertCriterion(round.checklist, input.criterionId);
    await assertFiles(ctx, tx, actor.centreId, input.evidenceFileIds);
    const now = ctx.clock();
    const finding = {
      id: ctx.newId(),
      roundId,
      unitId: input.unitId,
      criterionId: input.criterionId,
      severity: input.severity,
      description: input.description,
      evidenceFileIds: [...new Set(input.evidenceFileIds)],
      createdBy: actor.id,
      createdAt: now,
    };
    await insertFinding(tx, finding);
    if (input.action) await insertActionFor(ctx, tx, finding, plan.id, input.action);
    await updateRound(tx, roundId, { status: statusAfterWork(round.status) }, now);
  });
  return getInspectionRound(ctx, actor, roundId, lang);
}

/** A further corrective action for a finding; allowed after the conclusion too (the follow-up goes on). */
export async function addCorrectiveAction(ctx: ServiceContext, actor: Actor, roundId: string, findingId: string, raw: NewActionInput, lang: Lang): Promise<RoundDetail> {
  assertInspectionUser(actor);
  await inTransaction(ctx, async (tx) => {
    const { round, plan, access } = await loadRound(tx, actor, roundId, true);
    if (!access.run) throw new AppError('FORBIDDEN');
    const finding = (await listFindings(tx, [round.id])).find((f) => f.id === findingId);
    if (!finding) throw new AppError('NOT_FOUND', { entity: 'inspection-finding' });
    await insertActionFor(ctx, tx, finding, plan.id, raw);
  });
  return getInspectionRound(ctx, actor, roundId, lang);
}

/**
 * Concludes the round: the conclusion is written, the verdicts and findings are frozen, and the minutes
 * as they stand are stored (a document file) — what was signed stays what it was.
 */
export async function concludeRound(ctx: ServiceContext, actor: Actor, roundId: string, conclusion: string, lang: Lang): Promise<RoundDetail> {
  assertInspectionUser(actor);
  await inTransaction(ctx, async (tx) => {
    const { round } = await loadRunnable(tx, actor, roundId);
    const now = ctx.clock();
    await updateRound(tx, roundId, { status: 'concluded', conclusion: conclusion.trim(), concludedAt: now }, now);
    const doc = await minutesDocument(ctx, actor, roundId, 'doc', tx);
    const file = await storeGenerated(ctx, actor, { name: doc.filename, mediaType: doc.mediaType, bytes: doc.bytes, purpose: 'document' }, tx);
    await updateRound(tx, round.id, { minutesFileId: file.id }, now);
  });
  return getInspectionRound(ctx, actor, roundId, lang);
}

/** A process's audit questions as round criteria (under field 7, where ISO 9001 application is assessed). */
function auditQuestions(questions: ProcessChecklist['questions']): Criterion[] {
  return questions.map((q, i) => ({
    id: `q${i + 1}`,
    field: 7,
    code: q.step === null ? `C${i + 1}` : `B${q.step}.${i + 1}`,
    text: q.question,
    evidenceHint: q.evidence,
  }));
}
