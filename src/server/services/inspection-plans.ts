/**
 * Yearly inspection plans: the team, the units inspected, the checklist (criteria grouped by the PAR-index
 * fields, starting from core/inspection/checklist.ts), and the rounds. Admins and inspectors draw them up;
 * an inspector sees only the plans they are on, a unit head only the plans that inspect their unit.
 */
import type { Lang } from '../../contracts/lang';
import { ROUND_STATUS_LABELS, type InspectionOptions, type PlanDetail, type PlanInput, type PlanListItem, type TeamMember } from '../../contracts/inspection';
import { PlanInput as PlanInputSchema } from '../../contracts/inspection';
import { mayCreatePlan } from '../../core/inspection/access';
import { checkChecklist, DEFAULT_CHECKLIST } from '../../core/inspection/checklist';
import { isOpen, isOverdue } from '../../core/inspection/corrective-action';
import { AppError } from '../../core/shared/app-error';
import type { Executor } from '../../db/repositories/executor';
import {
  insertPlan,
  listActions,
  listFindings,
  listRounds,
  listTeamCandidates,
  listUnitRefs,
  updatePlan,
  type PlanRow,
  type PlanValues,
} from '../../db/repositories/inspection.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import {
  actionViews,
  allPlansWithAccess,
  assertInspectionUser,
  assertUnits,
  loadPlan,
  refOf,
  todayOf,
  unitRefs,
  viewerOf,
  visiblePlans,
  visibleUnitIds,
} from './inspection-access';
import { unitScope, type OversightActor } from './oversight-access';

/** What the plan form offers: units, the people who may sit on a team, the default checklist. */
export async function inspectionOptions(ctx: ServiceContext, actor: Actor): Promise<InspectionOptions> {
  assertInspectionUser(actor);
  const scope = unitScope(actor);
  const [units, people] = await Promise.all([listUnitRefs(ctx.db, actor.centreId), listTeamCandidates(ctx.db, actor.centreId)]);
  return {
    units: units.filter((u) => u.active && (scope === null || u.id === scope)).map((u) => ({ id: u.id, code: u.code, name: u.name })),
    people: mayCreatePlan(viewerOf(actor)) ? people.map((p) => ({ id: p.id, name: p.fullName, role: p.role })) : [],
    defaultChecklist: [...DEFAULT_CHECKLIST],
  };
}

export async function listInspectionPlans(ctx: ServiceContext, actor: Actor, query: { year?: number | undefined }): Promise<PlanListItem[]> {
  assertInspectionUser(actor);
  const plans = await visiblePlans(ctx.db, actor, query.year === undefined ? {} : { year: query.year });
  const planIds = plans.map((p) => p.plan.id);
  const [rounds, actions, units] = await Promise.all([
    listRounds(ctx.db, planIds),
    listActions(ctx.db, actor.centreId, { planIds }),
    unitRefs(ctx.db, actor.centreId, plans.flatMap((p) => p.plan.unitIds)),
  ]);
  const today = todayOf(ctx);
  return plans.map(({ plan, access }) => {
    const mine = visibleUnitIds(access, plan.unitIds);
    const open = actions.filter((a) => a.planId === plan.id && mine.includes(a.unitId) && isOpen(a.status));
    return {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      decisionRef: plan.decisionRef,
      units: mine.map((id) => refOf(units, id)),
      rounds: rounds.filter((r) => r.planId === plan.id && r.unitIds.some((u) => mine.includes(u))).length,
      openActions: open.length,
      overdueActions: open.filter((a) => isOverdue(a, today)).length,
    };
  });
}

export async function getInspectionPlan(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<PlanDetail> {
  assertInspectionUser(actor);
  const { plan, access } = await loadPlan(ctx.db, actor, id);
  const mine = visibleUnitIds(access, plan.unitIds);
  const rounds = (await listRounds(ctx.db, [plan.id])).filter((r) => r.unitIds.some((u) => mine.includes(u)));
  const [findings, actions, units, plans] = await Promise.all([
    listFindings(ctx.db, rounds.map((r) => r.id)),
    listActions(ctx.db, actor.centreId, { planIds: [plan.id], unitIds: mine }),
    unitRefs(ctx.db, actor.centreId, plan.unitIds),
    allPlansWithAccess(ctx.db, actor),
  ]);
  const today = todayOf(ctx);
  const earlierPlans = plans.filter((p) => p.plan.year < plan.year).map((p) => p.plan.id);
  const carried = await listActions(ctx.db, actor.centreId, { planIds: earlierPlans, unitIds: mine, statuses: ['open', 'in-progress', 'done'] });
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    decisionRef: plan.decisionRef,
    scope: plan.scope,
    team: plan.team,
    units: mine.map((u) => refOf(units, u)),
    checklist: plan.checklist,
    rounds: rounds.map((r) => {
      const open = actions.filter((a) => a.roundId === r.id).filter((a) => isOpen(a.status));
      return {
        id: r.id,
        number: r.number,
        kind: r.kind,
        title: r.title,
        plannedDate: r.plannedDate,
        status: r.status,
        statusLabel: ROUND_STATUS_LABELS[r.status][lang],
        units: r.unitIds.filter((u) => mine.includes(u)).map((u) => refOf(units, u)),
        findings: findings.filter((f) => f.roundId === r.id && mine.includes(f.unitId)).length,
        openActions: open.length,
        overdueActions: open.filter((a) => isOverdue(a, today)).length,
      };
    }),
    carriedActions: await actionViews(ctx, actor, carried, plans, lang),
    canEdit: access.run,
  };
}

/** Team keys are unique; a member with an account must be an active inspector, manager or admin of the centre. */
async function checkedPlan(ex: Executor, actor: OversightActor, raw: PlanInput): Promise<PlanValues> {
  const input = PlanInputSchema.parse(raw);
  await assertUnits(ex, actor.centreId, input.unitIds);
  const candidates = new Map((await listTeamCandidates(ex, actor.centreId)).map((p) => [p.id, p]));
  const team: TeamMember[] = [...input.team];
  const keys = new Set<string>();
  for (const m of team) {
    if (keys.has(m.key)) throw new AppError('VALIDATION_FAILED', { detail: `thành viên đoàn "${m.key}" bị trùng` });
    keys.add(m.key);
    if (m.userId && !candidates.has(m.userId)) {
      throw new AppError('VALIDATION_FAILED', { detail: `${m.name}: tài khoản không phải thanh tra, quản lý hoặc quản trị đang hoạt động` });
    }
  }
  // An inspector who draws up a plan is on its team (or they would lose sight of it at once).
  if (actor.role === 'inspector' && !team.some((m) => m.userId === actor.id)) {
    let key = 'tv-tao-ke-hoach';
    while (keys.has(key)) key += '-1';
    team.push({ key, userId: actor.id, name: actor.name, role: team.some((m) => m.role === 'lead') ? 'member' : 'lead', organisation: '' });
  }
  return {
    year: input.year,
    title: input.title,
    decisionRef: input.decisionRef,
    scope: input.scope,
    team,
    unitIds: [...new Set(input.unitIds)],
    checklist: checkChecklist(input.checklist ?? DEFAULT_CHECKLIST),
  };
}

export async function createInspectionPlan(ctx: ServiceContext, actor: Actor, input: PlanInput, lang: Lang): Promise<PlanDetail> {
  assertInspectionUser(actor);
  if (!mayCreatePlan(viewerOf(actor))) throw new AppError('FORBIDDEN');
  const id = ctx.newId();
  await inTransaction(ctx, async (tx) => {
    const values = await checkedPlan(tx, actor, input);
    await insertPlan(tx, { ...values, id, centreId: actor.centreId, createdBy: actor.id, at: ctx.clock() });
  });
  return getInspectionPlan(ctx, actor, id, lang);
}

export async function updateInspectionPlan(ctx: ServiceContext, actor: Actor, id: string, input: PlanInput, lang: Lang): Promise<PlanDetail> {
  assertInspectionUser(actor);
  await inTransaction(ctx, async (tx) => {
    const { plan, access } = await loadPlan(tx, actor, id, true);
    if (!access.run) throw new AppError('FORBIDDEN');
    const values = await checkedPlan(tx, actor, input);
    await assertRoundUnitsKept(tx, plan, values.unitIds);
    await updatePlan(tx, id, values, ctx.clock());
  });
  return getInspectionPlan(ctx, actor, id, lang);
}

/** A unit a round already covers stays in the plan: its verdicts and actions hang on it. */
async function assertRoundUnitsKept(ex: Executor, plan: PlanRow, unitIds: readonly string[]): Promise<void> {
  const used = new Set((await listRounds(ex, [plan.id])).flatMap((r) => r.unitIds));
  const dropped = [...used].filter((u) => !unitIds.includes(u));
  if (dropped.length > 0) throw new AppError('VALIDATION_FAILED', { detail: 'không thể bỏ đơn vị đã có trong một đợt kiểm tra' });
}
