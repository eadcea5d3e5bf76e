/**
 * Who sees and does what in inspection (the rules the services apply before touching a record):
 * - an admin sees every plan and may do everything;
 * - an inspector sees only the plans they are a team member of, and all of those plans' units; they
 *   create plans, run rounds, and verify corrective actions;
 * - a unit head (a manager with a unit) sees the plans that inspect their unit, and only their unit's
 *   verdicts, findings and actions; they answer for their actions (progress, fix evidence, done);
 * - a manager without a unit (the centre's leadership) sees everything and answers for the actions;
 * - officers see nothing here.
 */
export type ViewerRole = 'officer' | 'manager' | 'admin' | 'inspector';

export interface Viewer {
  id: string;
  role: ViewerRole;
  unitId: string | null;
}

export interface PlanAccess {
  /** The plan is visible at all. */
  see: boolean;
  /** The plan's units the viewer sees; 'all' for every unit of the plan. */
  units: ReadonlySet<string> | 'all';
  /** Edit the plan, add and run rounds, record verdicts and findings, set corrective actions. */
  run: boolean;
  /** Report progress and the fix, declare an action done. */
  updateActions: boolean;
  /** Verify an action done (close it) or send it back. */
  verifyActions: boolean;
}

const NONE: PlanAccess = { see: false, units: new Set(), run: false, updateActions: false, verifyActions: false };

export function isTeamMember(viewer: Viewer, plan: { team: readonly { userId: string | null }[] }): boolean {
  return plan.team.some((m) => m.userId === viewer.id);
}

export function planAccess(viewer: Viewer, plan: { unitIds: readonly string[]; team: readonly { userId: string | null }[] }): PlanAccess {
  switch (viewer.role) {
    case 'admin':
      return { see: true, units: 'all', run: true, updateActions: true, verifyActions: true };
    case 'inspector':
      return isTeamMember(viewer, plan) ? { see: true, units: 'all', run: true, updateActions: false, verifyActions: true } : NONE;
    case 'manager':
      if (viewer.unitId === null) return { see: true, units: 'all', run: false, updateActions: true, verifyActions: false };
      return plan.unitIds.includes(viewer.unitId)
        ? { see: true, units: new Set([viewer.unitId]), run: false, updateActions: true, verifyActions: false }
        : NONE;
    case 'officer':
      return NONE;
  }
}

export function seesUnit(access: PlanAccess, unitId: string): boolean {
  return access.see && (access.units === 'all' || access.units.has(unitId));
}

/** Admins and inspectors draw up plans. */
export function mayCreatePlan(viewer: Viewer): boolean {
  return viewer.role === 'admin' || viewer.role === 'inspector';
}
