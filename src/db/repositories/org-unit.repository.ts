/** Units (đơn vị) of a centre's installation. */
import { sql } from 'kysely';
import type { Executor } from './executor';

export async function listOrgUnits(ex: Executor, centreId: string) {
  return ex
    .selectFrom('orgUnit')
    .select(['orgUnit.id', 'orgUnit.code', 'orgUnit.name', 'orgUnit.kind', 'orgUnit.figuresCentreId', 'orgUnit.active'])
    .select((eb) =>
      eb
        .selectFrom('appUser')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('appUser.unitId', '=', 'orgUnit.id')
        .as('members'),
    )
    .where('orgUnit.centreId', '=', centreId)
    .orderBy(sql`case when kind = 'centre' then 0 else 1 end`)
    .orderBy('orgUnit.name')
    .execute();
}

export async function findOrgUnit(ex: Executor, id: string) {
  return ex.selectFrom('orgUnit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrgUnit(
  ex: Executor,
  unit: { id: string; centreId: string; code: string; name: string; kind: 'centre' | 'commune' | 'department' | 'agency'; figuresCentreId: string | null; active: boolean; createdAt: Date },
): Promise<void> {
  await ex.insertInto('orgUnit').values(unit).execute();
}

export async function updateOrgUnit(
  ex: Executor,
  id: string,
  change: { code: string; name: string; kind: 'centre' | 'commune' | 'department' | 'agency'; figuresCentreId: string | null; active: boolean },
): Promise<void> {
  await ex.updateTable('orgUnit').set(change).where('id', '=', id).execute();
}
