/**
 * What every inspection command starts with: who the actor is to a plan (core/inspection/access.ts), the
 * plan loaded or refused as not found, the units by id, and corrective actions as the viewer sees them.
 */
import type { Lang } from '../../contracts/lang';
import { ACTION_STATUS_LABELS, SEVERITY_LABELS, type ActionView, type UnitRef } from '../../contracts/inspection';
import { planAccess, seesUnit, type PlanAccess, type Viewer } from '../../core/inspection/access';
import { isLate, isOverdue } from '../../core/inspection/corrective-action';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import type { Executor } from '../../db/repositories/executor';
import { findPlan, findRound, findUnitRefs, listActions, listPlans, listRounds, type ActionRow, type PlanRow, type RoundRow } from '../../db/repositories/inspection.repository';
import type { Actor, ServiceContext } from './context';
import { fileMetas } from './files';
import { assertOversight, type OversightActor } from './oversight-access';

export function assertInspectionUser(actor: Actor): asserts actor is OversightActor {
  assertOversight(actor);
}

export function viewerOf(actor: OversightActor): Viewer {
  return { id: actor.id, role: actor.role, unitId: actor.unitId ?? null };
}

/** Today on the working calendar (Hà Nội time). */
export function todayOf(ctx: ServiceContext): string {
  return serviceDayOf(ctx.clock());
}

/** A plan the actor may see, with what they may do in it; any other plan does not exist for them. */
export async function loadPlan(ex: Executor, actor: OversightActor, id: string, forUpdate = false): Promise<{ plan: PlanRow; access: PlanAccess }> {
  const plan = await findPlan(ex, actor.centreId, id, forUpdate);
  const access = plan ? planAccess(viewerOf(actor), plan) : undefined;
  if (!plan || !access?.see) throw new AppError('NOT_FOUND', { entity: 'inspection-plan' });
  return { plan, access };
}

/** The plans the actor sees, with their access, newest year first. */
export async function visiblePlans(ex: Executor, actor: OversightActor, filter: { year?: number } = {}): Promise<{ plan: PlanRow; access: PlanAccess }[]> {
  const plans = await listPlans(ex, actor.centreId, filter);
  const viewer = viewerOf(actor);
  return plans.map((plan) => ({ plan, access: planAccess(viewer, plan) })).filter((p) => p.access.see);
}

export function visibleUnitIds(access: PlanAccess, unitIds: readonly string[]): string[] {
  return unitIds.filter((id) => seesUnit(access, id));
}

export async function unitRefs(ex: Executor, centreId: string, ids: readonly string[]): Promise<Map<string, UnitRef & { figuresCentreId: string | null }>> {
  const rows = await findUnitRefs(ex, centreId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, figuresCentreId: r.figuresCentreId }]));
}

export function refOf(units: Map<string, UnitRef>, id: string): UnitRef {
  const u = units.get(id);
  return u ? { id: u.id, code: u.code, name: u.name } : { id, code: '', name: '' };
}

/** Refuses unit ids that are not units of the centre. */
export async function assertUnits(ex: Executor, centreId: string, ids: readonly string[]): Promise<void> {
  const found = await unitRefs(ex, centreId, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', { detail: `không có đơn vị ${missing.join(', ')}` });
}

/** Refuses file ids that are not files of the centre (a typo, or another centre's file). */
export async function assertFiles(ctx: ServiceContext, ex: Executor, centreId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await fileMetas(ctx, centreId, ids, ex);
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', { detail: 'tệp đính kèm không tồn tại; hãy tải lên lại' });
}

/**
 * What the actor may do with an action: through its own plan, or through a later plan that inspects its
 * unit (next year's team follows up what last year's left open).
 */
export function actionAccess(action: Pick<ActionRow, 'planId' | 'unitId'>, plans: readonly { plan: PlanRow; access: PlanAccess }[]): { see: boolean; update: boolean; verify: boolean } {
  const own = plans.find((p) => p.plan.id === action.planId);
  const ownYear = own?.plan.year ?? Number.POSITIVE_INFINITY;
  const through = plans.filter(
    (p) => (p.plan.id === action.planId || (p.plan.year >= ownYear && p.plan.unitIds.includes(action.unitId))) && seesUnit(p.access, action.unitId),
  );
  return {
    see: through.length > 0,
    update: through.some((p) => p.access.updateActions),
    verify: through.some((p) => p.access.verifyActions),
  };
}

/** The plans that matter for actions' access: every plan of the centre, with the actor's access to it. */
export async function allPlansWithAccess(ex: Executor, actor: OversightActor): Promise<{ plan: PlanRow; access: PlanAccess }[]> {
  const viewer = viewerOf(actor);
  return (await listPlans(ex, actor.centreId)).map((plan) => ({ plan, access: planAccess(viewer, plan) }));
}

export async function actionViews(
  ctx: ServiceContext,
  actor: OversightActor,
  rows: readonly ActionRow[],
  plans: readonly { plan: PlanRow; access: PlanAccess }[],
  lang: Lang,
): Promise<ActionView[]> {
  if (rows.length === 0) return [];
  const today = todayOf(ctx);
  const planById = new Map(plans.map((p) => [p.plan.id, p.plan]));
  const rounds = new Map<string, RoundRow>((await listRounds(ctx.db, [...new Set(rows.map((r) => r.planId))])).map((r) => [r.id, r]));
  const units = await unitRefs(ctx.db, actor.centreId, rows.map((r) => r.unitId));
  const files = new Map((await fileMetas(ctx, actor.centreId, rows.flatMap((r) => r.fixFileIds))).map((f) => [f.id, f]));
  return rows.map((r) => {
    const plan = planById.get(r.planId);
    const access = actionAccess(r, plans);
    const doneDay = r.doneAt ? serviceDayOf(r.doneAt) : null;
    return {
      id: r.id,
      findingId: r.findingId,
      findingText: r.findingText,
      severity: r.severity,
      severityLabel: SEVERITY_LABELS[r.severity][lang],
      planId: r.planId,
      planTitle: plan?.title ?? '',
      planYear: plan?.year ?? 0,
      roundId: r.roundId,
      roundTitle: rounds.get(r.roundId)?.title ?? '',
      unit: refOf(units, r.unitId),
      description: r.description,
      ownerName: r.ownerName,
      startDate: r.startDate,
      workingDays: r.workingDays,
      dueDate: r.dueDate,
      status: r.status,
      statusLabel: ACTION_STATUS_LABELS[r.status][lang],
      overdue: isOverdue(r, today),
      late: isLate({ ...r, doneDay }),
      progress: r.progress,
      fixFiles: r.fixFileIds.flatMap((id) => files.get(id) ?? []),
      doneAt: r.doneAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      closedByName: r.closedByName,
      canUpdate: access.update && (r.status === 'open' || r.status === 'in-progress'),
      canVerify: access.verify && r.status === 'done',
    };
  });
}

/** The round, its plan and the actor's access; a round none of whose units the actor sees does not exist for them. */
export async function loadRound(
  ex: Executor,
  actor: OversightActor,
  id: string,
  forUpdate = false,
): Promise<{ round: RoundRow; plan: PlanRow; access: PlanAccess; units: string[] }> {
  const round = await findRound(ex, actor.centreId, id, forUpdate);
  if (!round) throw new AppError('NOT_FOUND', { entity: 'inspection-round' });
  const plan = await findPlan(ex, actor.centreId, round.planId);
  const access = plan ? planAccess(viewerOf(actor), plan) : undefined;
  const units = access ? visibleUnitIds(access, round.unitIds) : [];
  if (!plan || !access || units.length === 0) throw new AppError('NOT_FOUND', { entity: 'inspection-round' });
  return { round, plan, access, units };
}

/** Open actions of these units set before this round: earlier rounds of the plan, and earlier years' plans. */
export async function carriedActionRows(ex: Executor, actor: OversightActor, round: RoundRow, plan: PlanRow, unitIds: readonly string[], plans: readonly { plan: PlanRow }[]) {
  const earlierRounds = new Set((await listRounds(ex, [plan.id])).filter((r) => r.number < round.number).map((r) => r.id));
  const earlierPlans = plans.filter((p) => p.plan.year < plan.year).map((p) => p.plan.id);
  const rows = await listActions(ex, actor.centreId, { planIds: [plan.id, ...earlierPlans], unitIds, statuses: ['open', 'in-progress', 'done'] });
  return rows.filter((a) => a.planId !== plan.id || earlierRounds.has(a.roundId));
}

