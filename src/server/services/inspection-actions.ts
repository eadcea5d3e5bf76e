/**
 * Corrective actions across plans: the list a unit head works through and an inspection team follows up
 * (overdue ones first), and the steps on one action — progress with the evidence of the fix, done, and the
 * team's verification (close, or send back). Rules: core/inspection/corrective-action.ts.
 */
import type { Lang } from '../../contracts/lang';
import { ActionUpdateInput as ActionUpdateSchema, type ActionListQuery, type ActionUpdateInput, type ActionView } from '../../contracts/inspection';
import { applyActionUpdate } from '../../core/inspection/corrective-action';
import { AppError } from '../../core/shared/app-error';
import { listActions, saveActionState } from '../../db/repositories/inspection.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { actionAccess, actionViews, allPlansWithAccess, assertFiles, assertInspectionUser } from './inspection-access';

const OPEN_STATUSES = ['open', 'in-progress', 'done'] as const;

export async function listCorrectiveActions(ctx: ServiceContext, actor: Actor, query: ActionListQuery, lang: Lang): Promise<ActionView[]> {
  assertInspectionUser(actor);
  const plans = await allPlansWithAccess(ctx.db, actor);
  const statuses = query.status === 'all' ? undefined : query.status === 'open' ? [...OPEN_STATUSES] : [query.status];
  const rows = (
    await listActions(ctx.db, actor.centreId, {
      ...(query.planId ? { planIds: [query.planId] } : {}),
      ...(query.unitId ? { unitIds: [query.unitId] } : {}),
      ...(statuses ? { statuses } : {}),
    })
  ).filter((a) => actionAccess(a, plans).see);
  let views = await actionViews(ctx, actor, rows, plans, lang);
  if (query.overdue) views = views.filter((v) => v.overdue);
  // Overdue first, then the nearest due date.
  return views.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
}

export async function getCorrectiveAction(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<ActionView> {
  assertInspectionUser(actor);
  const plans = await allPlansWithAccess(ctx.db, actor);
  const row = (await listActions(ctx.db, actor.centreId, { id }))[0];
  if (!row || !actionAccess(row, plans).see) throw new AppError('NOT_FOUND', { entity: 'corrective-action' });
  return (await actionViews(ctx, actor, [row], plans, lang))[0]!;
}

export async function updateCorrectiveAction(ctx: ServiceContext, actor: Actor, id: string, raw: ActionUpdateInput, lang: Lang): Promise<ActionView> {
  assertInspectionUser(actor);
  const update = ActionUpdateSchema.parse(raw);
  await inTransaction(ctx, async (tx) => {
    const plans = await allPlansWithAccess(tx, actor);
    const row = (await listActions(tx, actor.centreId, { id }, true))[0];
    const access = row ? actionAccess(row, plans) : undefined;
    if (!row || !access?.see) throw new AppError('NOT_FOUND', { entity: 'corrective-action' });
    if ('fixFileIds' in update) await assertFiles(ctx, tx, actor.centreId, update.fixFileIds);
    const now = ctx.clock();
    const next = applyActionUpdate(row, update, { id: actor.id, name: actor.name, mayUpdate: access.update, mayVerify: access.verify }, now);
    await saveActionState(tx, id, next, now);
  });
  return getCorrectiveAction(ctx, actor, id, lang);
}
