/**
 * Inspection plans, rounds, verdicts, findings and corrective actions. Lists of ids, team members,
 * checklists and progress notes are jsonb columns written whole; the rules live in core/inspection.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Criterion, TeamMember } from '../../contracts/inspection';
import type { ActionProgress } from '../../core/inspection/corrective-action';
import type { CorrectiveActionTable, InspectionFindingTable, InspectionPlanTable, InspectionRoundTable, InspectionVerdictTable } from '../schema-inspection';
import type { Executor } from './executor';
import { toJson } from './executor';

/** jsonb arrives parsed from PostgreSQL and as text from some drivers. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

// --- plans ---------------------------------------------------------------------------------------

export interface PlanRow {
  id: string;
  centreId: string;
  year: number;
  title: string;
  decisionRef: string;
  scope: string;
  team: TeamMember[];
  unitIds: string[];
  checklist: Criterion[];
  createdAt: Date;
  updatedAt: Date;
}

function planOf(r: Selectable<InspectionPlanTable>): PlanRow {
  return {
    id: r.id,
    centreId: r.centreId,
    year: r.year,
    title: r.title,
    decisionRef: r.decisionRef,
    scope: r.scope,
    team: parsed(r.team),
    unitIds: parsed(r.unitIds),
    checklist: parsed(r.checklist),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export interface PlanValues {
  year: number;
  title: string;
  decisionRef: string;
  scope: string;
  team: TeamMember[];
  unitIds: string[];
  checklist: Criterion[];
}

function planColumns(p: PlanValues) {
  return {
    year: p.year,
    title: p.title,
    decisionRef: p.decisionRef,
    scope: p.scope,
    team: toJson(p.team),
    unitIds: toJson(p.unitIds),
    checklist: toJson(p.checklist),
  };
}

export async function insertPlan(ex: Executor, plan: PlanValues & { id: string; centreId: string; createdBy: string | null; at: Date }): Promise<void> {
  const row: Insertable<InspectionPlanTable> = {
    id: plan.id,
    centreId: plan.centreId,
    createdBy: plan.createdBy,
    createdAt: plan.at,
    updatedAt: plan.at,
    ...planColumns(plan),
  };
  await ex.insertInto('inspectionPlan').values(row).execute();
}

export async function updatePlan(ex: Executor, id: string, plan: PlanValues, at: Date): Promise<void> {
  await ex
    .updateTable('inspectionPlan')
    .set({ ...planColumns(plan), updatedAt: at })
    .where('id', '=', id)
    .execute();
}

export async function findPlan(ex: Executor, centreId: string, id: string, forUpdate = false): Promise<PlanRow | undefined> {
  let query = ex.selectFrom('inspectionPlan').selectAll().where('centreId', '=', centreId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? planOf(row) : undefined;
}

export async function listPlans(ex: Executor, centreId: string, filter: { year?: number; beforeYear?: number } = {}): Promise<PlanRow[]> {
  let query = ex.selectFrom('inspectionPlan').selectAll().where('centreId', '=', centreId);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.beforeYear !== undefined) query = query.where('year', '<', filter.beforeYear);
  const rows = await query.orderBy('year', 'desc').orderBy('createdAt', 'desc').execute();
  return rows.map(planOf);
}

// --- rounds --------------------------------------------------------------------------------------

export interface RoundRow {
  id: string;
  planId: string;
  number: number;
  kind: InspectionRoundTable['kind'];
  title: string;
  scope: string;
  plannedDate: string;
  unitIds: string[];
  memberKeys: string[];
  processDocumentId: string | null;
  processLabel: string | null;
  checklist: Criterion[];
  status: InspectionRoundTable['status'];
  conclusion: string;
  concludedAt: Date | null;
  minutesFileId: string | null;
  createdAt: Date;
}

function roundOf(r: Selectable<InspectionRoundTable>): RoundRow {
  return {
    id: r.id,
    planId: r.planId,
    number: r.number,
    kind: r.kind,
    title: r.title,
    scope: r.scope,
    plannedDate: r.plannedDate,
    unitIds: parsed(r.unitIds),
    memberKeys: parsed(r.memberKeys),
    processDocumentId: r.processDocumentId,
    processLabel: r.processLabel,
    checklist: parsed(r.checklist),
    status: r.status,
    conclusion: r.conclusion,
    concludedAt: r.concludedAt ? new Date(r.concludedAt) : null,
    minutesFileId: r.minutesFileId,
    createdAt: new Date(r.createdAt),
  };
}

export async function insertRound(
  ex: Executor,
  round: Omit<RoundRow, 'status' | 'conclusion' | 'concludedAt' | 'minutesFileId' | 'createdAt'> & { at: Date },
): Promise<void> {
  await ex
    .insertInto('inspectionRound')
    .values({
      id: round.id,
      planId: round.planId,
      number: round.number,
      kind: round.kind,
      title: round.title,
      scope: round.scope,
      plannedDate: round.plannedDate,
      unitIds: toJson(round.unitIds),
      memberKeys: toJson(round.memberKeys),
      processDocumentId: round.processDocumentId,
      processLabel: round.processLabel,
      checklist: toJson(round.checklist),
      status: 'planned',
      conclusion: '',
      createdAt: round.at,
      updatedAt: round.at,
    })
    .execute();
}

export async function updateRound(
  ex: Executor,
  id: string,
  change: Partial<{ status: RoundRow['status']; conclusion: string; concludedAt: Date | null; minutesFileId: string | null }>,
  at: Date,
): Promise<void> {
  await ex
    .updateTable('inspectionRound')
    .set({ ...change, updatedAt: at })
    .where('id', '=', id)
    .execute();
}

export async function nextRoundNumber(ex: Executor, planId: string): Promise<number> {
  const row = await ex
    .selectFrom('inspectionRound')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('planId', '=', planId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** A round with its plan's centre (rounds belong to a centre through their plan). */
export async function findRound(ex: Executor, centreId: string, id: string, forUpdate = false): Promise<RoundRow | undefined> {
  let query = ex
    .selectFrom('inspectionRound')
    .innerJoin('inspectionPlan', 'inspectionPlan.id', 'inspectionRound.planId')
    .selectAll('inspectionRound')
    .where('inspectionPlan.centreId', '=', centreId)
    .where('inspectionRound.id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? roundOf(row) : undefined;
}

export async function listRounds(ex: Executor, planIds: readonly string[]): Promise<RoundRow[]> {
  if (planIds.length === 0) return [];
  const rows = await ex.selectFrom('inspectionRound').selectAll().where('planId', 'in', planIds).orderBy('planId').orderBy('number').execute();
  return rows.map(roundOf);
}

// --- verdicts ------------------------------------------------------------------------------------

export interface VerdictRow {
  unitId: string;
  criterionId: string;
  verdict: InspectionVerdictTable['verdict'];
  note: string;
  evidenceFileIds: string[];
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date;
}

export async function upsertVerdict(
  ex: Executor,
  v: { roundId: string; unitId: string; criterionId: string; verdict: VerdictRow['verdict']; note: string; evidenceFileIds: string[]; updatedBy: string | null; at: Date },
): Promise<void> {
  const values = { verdict: v.verdict, note: v.note, evidenceFileIds: toJson(v.evidenceFileIds), updatedBy: v.updatedBy, updatedAt: v.at };
  await ex
    .insertInto('inspectionVerdict')
    .values({ roundId: v.roundId, unitId: v.unitId, criterionId: v.criterionId, ...values })
    .onConflict((oc) => oc.columns(['roundId', 'unitId', 'criterionId']).doUpdateSet(values))
    .execute();
}

export async function findVerdict(ex: Executor, roundId: string, unitId: string, criterionId: string): Promise<VerdictRow | undefined> {
  return (await listVerdicts(ex, roundId)).find((v) => v.unitId === unitId && v.criterionId === criterionId);
}

export async function listVerdicts(ex: Executor, roundId: string): Promise<VerdictRow[]> {
  const rows = await ex
    .selectFrom('inspectionVerdict')
    .leftJoin('appUser', 'appUser.id', 'inspectionVerdict.updatedBy')
    .selectAll('inspectionVerdict')
    .select('appUser.fullName as updatedByName')
    .where('roundId', '=', roundId)
    .execute();
  return rows.map((r) => ({
    unitId: r.unitId,
    criterionId: r.criterionId,
    verdict: r.verdict,
    note: r.note,
    evidenceFileIds: parsed(r.evidenceFileIds),
    updatedBy: r.updatedBy,
    updatedByName: r.updatedByName ?? null,
    updatedAt: new Date(r.updatedAt),
  }));
}

// --- findings ------------------------------------------------------------------------------------

export interface FindingRow {
  id: string;
  roundId: string;
  unitId: string;
  criterionId: string | null;
  severity: InspectionFindingTable['severity'];
  description: string;
  evidenceFileIds: string[];
  createdByName: string | null;
  createdAt: Date;
}

export async function insertFinding(ex: Executor, f: Omit<FindingRow, 'createdByName'> & { createdBy: string | null }): Promise<void> {
  await ex
    .insertInto('inspectionFinding')
    .values({
      id: f.id,
      roundId: f.roundId,
      unitId: f.unitId,
      criterionId: f.criterionId,
      severity: f.severity,
      description: f.description,
      evidenceFileIds: toJson(f.evidenceFileIds),
      createdBy: f.createdBy,
      createdAt: f.createdAt,
    })
    .execute();
}

export async function listFindings(ex: Executor, roundIds: readonly string[]): Promise<FindingRow[]> {
  if (roundIds.length === 0) return [];
  const rows = await ex
    .selectFrom('inspectionFinding')
    .leftJoin('appUser', 'appUser.id', 'inspectionFinding.createdBy')
    .selectAll('inspectionFinding')
    .select('appUser.fullName as createdByName')
    .where('roundId', 'in', roundIds)
    .orderBy('inspectionFinding.createdAt')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.roundId,
    unitId: r.unitId,
    criterionId: r.criterionId,
    severity: r.severity,
    description: r.description,
    evidenceFileIds: parsed(r.evidenceFileIds),
    createdByName: r.createdByName ?? null,
    createdAt: new Date(r.createdAt),
  }));
}

// --- corrective actions --------------------------------------------------------------------------

export interface ActionRow {
  id: string;
  findingId: string;
  planId: string;
  unitId: string;
  description: string;
  ownerName: string;
  ownerUserId: string | null;
  startDate: string;
  workingDays: number;
  dueDate: string;
  status: CorrectiveActionTable['status'];
  progress: ActionProgress[];
  fixFileIds: string[];
  doneAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  closedByName: string | null;
  /** From the finding and its round, for lists. */
  roundId: string;
  severity: FindingRow['severity'];
  findingText: string;
}

export async function insertAction(
  ex: Executor,
  a: Omit<ActionRow, 'status' | 'progress' | 'fixFileIds' | 'doneAt' | 'closedAt' | 'closedBy' | 'closedByName' | 'roundId' | 'severity' | 'findingText'> & { at: Date },
): Promise<void> {
  await ex
    .insertInto('correctiveAction')
    .values({
      id: a.id,
      findingId: a.findingId,
      planId: a.planId,
      unitId: a.unitId,
      description: a.description,
      ownerName: a.ownerName,
      ownerUserId: a.ownerUserId,
      startDate: a.startDate,
      workingDays: a.workingDays,
      dueDate: a.dueDate,
      status: 'open',
      progress: toJson([]),
      fixFileIds: toJson([]),
      createdAt: a.at,
      updatedAt: a.at,
    })
    .execute();
}

export async function saveActionState(
  ex: Executor,
  id: string,
  s: { status: ActionRow['status']; progress: ActionProgress[]; fixFileIds: string[]; doneAt: Date | null; closedAt: Date | null; closedBy: string | null },
  at: Date,
): Promise<void> {
  await ex
    .updateTable('correctiveAction')
    .set({
      status: s.status,
      progress: toJson(s.progress),
      fixFileIds: toJson(s.fixFileIds),
      doneAt: s.doneAt,
      closedAt: s.closedAt,
      closedBy: s.closedBy,
      updatedAt: at,
    })
    .where('id', '=', id)
    .execute();
}

export interface ActionFilter {
  planIds?: readonly string[];
  unitIds?: readonly string[];
  findingIds?: readonly string[];
  statuses?: readonly ActionRow['status'][];
  id?: string;
}

export async function listActions(ex: Executor, centreId: string, f: ActionFilter, forUpdate = false): Promise<ActionRow[]> {
  for (const list of [f.planIds, f.unitIds, f.findingIds, f.statuses]) if (list && list.length === 0) return [];
  let query = ex
    .selectFrom('correctiveAction')
    .innerJoin('inspectionFinding', 'inspectionFinding.id', 'correctiveAction.findingId')
    .innerJoin('inspectionPlan', 'inspectionPlan.id', 'correctiveAction.planId')
    .leftJoin('appUser', 'appUser.id', 'correctiveAction.closedBy')
    .selectAll('correctiveAction')
    .select(['inspectionFinding.roundId', 'inspectionFinding.severity', 'inspectionFinding.description as findingText', 'appUser.fullName as closedByName'])
    .where('inspectionPlan.centreId', '=', centreId);
  if (f.id) query = query.where('correctiveAction.id', '=', f.id);
  if (f.planIds) query = query.where('correctiveAction.planId', 'in', f.planIds);
  if (f.unitIds) query = query.where('correctiveAction.unitId', 'in', f.unitIds);
  if (f.findingIds) query = query.where('correctiveAction.findingId', 'in', f.findingIds);
  if (f.statuses) query = query.where('correctiveAction.status', 'in', f.statuses);
  if (forUpdate) query = query.forUpdate('correctiveAction' as never);
  const rows = await query.orderBy('correctiveAction.dueDate').orderBy('correctiveAction.createdAt').execute();
  return rows.map((r) => ({
    id: r.id,
    findingId: r.findingId,
    planId: r.planId,
    unitId: r.unitId,
    description: r.description,
    ownerName: r.ownerName,
    ownerUserId: r.ownerUserId,
    startDate: r.startDate,
    workingDays: r.workingDays,
    dueDate: r.dueDate,
    status: r.status,
    progress: parsed(r.progress),
    fixFileIds: parsed(r.fixFileIds),
    doneAt: r.doneAt ? new Date(r.doneAt) : null,
    closedAt: r.closedAt ? new Date(r.closedAt) : null,
    closedBy: r.closedBy,
    closedByName: r.closedByName ?? null,
    roundId: r.roundId,
    severity: r.severity,
    findingText: r.findingText,
  }));
}

// --- references ----------------------------------------------------------------------------------

export async function findUnitRefs(ex: Executor, centreId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return ex
    .selectFrom('orgUnit')
    .select(['id', 'code', 'name', 'figuresCentreId', 'active'])
    .where('centreId', '=', centreId)
    .where('id', 'in', ids)
    .execute();
}

export async function listUnitRefs(ex: Executor, centreId: string) {
  return ex.selectFrom('orgUnit').select(['id', 'code', 'name', 'figuresCentreId', 'active']).where('centreId', '=', centreId).orderBy('name').execute();
}

/** People of the centre who may sit on a team (inspectors, managers, admins), active ones. */
export async function listTeamCandidates(ex: Executor, centreId: string) {
  return ex
    .selectFrom('appUser')
    .select(['id', 'fullName', 'role'])
    .where('centreId', '=', centreId)
    .where('active', '=', true)
    .where('role', 'in', ['inspector', 'manager', 'admin'])
    .orderBy('fullName')
    .execute();
}
