/** Units (đơn vị): listed for everyone in oversight, kept by admins. */
import type { OrgUnit, OrgUnitInput } from '../../contracts/oversight';
import { AppError } from '../../core/shared/app-error';
import { findOrgUnit, insertOrgUnit, listOrgUnits, updateOrgUnit } from '../../db/repositories/org-unit.repository';
import type { Actor, ServiceContext } from './context';
import { assertOversight, assertOversightAdmin, unitScope } from './oversight-access';

export async function listUnits(ctx: ServiceContext, actor: Actor): Promise<OrgUnit[]> {
  assertOversight(actor);
  const units = await listOrgUnits(ctx.db, actor.centreId);
  const scope = unitScope(actor);
  return units.filter((u) => scope === null || u.id === scope).map((u) => ({ ...u, members: u.members ?? 0 }));
}

/** A unit of the actor's centre, or NOT_FOUND. */
export async function getUnit(ctx: ServiceContext, centreId: string, id: string) {
  const unit = await findOrgUnit(ctx.db, id);
  if (!unit || unit.centreId !== centreId) throw new AppError('NOT_FOUND', { entity: 'unit' });
  return unit;
}

/** Checks that a person's unit is one of the centre's units (null: no unit). */
export async function unitOfCentre(ctx: ServiceContext, centreId: string, unitId: string | null): Promise<string | null> {
  if (unitId === null) return null;
  await getUnit(ctx, centreId, unitId);
  return unitId;
}

export async function createUnit(ctx: ServiceContext, actor: Actor, input: OrgUnitInput): Promise<string> {
  assertOversightAdmin(actor);
  const id = ctx.newId();
  await guardCode(input.code, () =>
    insertOrgUnit(ctx.db, {
      id,
      centreId: actor.centreId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      figuresCentreId: input.figuresFromCentre ? actor.centreId : null,
      active: input.active,
      createdAt: ctx.clock(),
    }),
  );
  return id;
}

export async function updateUnit(ctx: ServiceContext, actor: Actor, id: string, input: OrgUnitInput): Promise<void> {
  assertOversightAdmin(actor);
  await getUnit(ctx, actor.centreId, id);
  await guardCode(input.code, () =>
    updateOrgUnit(ctx.db, id, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      figuresCentreId: input.figuresFromCentre ? actor.centreId : null,
      active: input.active,
    }),
  );
}

async function guardCode(code: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('ALREADY_EXISTS', { entity: 'unit-code', value: code });
    throw error;
  }
}
