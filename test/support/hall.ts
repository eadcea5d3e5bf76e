/**
 * Acting in the hall through the services directly (no HTTP), for repository, service and
 * concurrency tests: officers signed in at counters, kiosks issuing numbers.
 */
import { insertDevice } from '../../src/db/repositories/device.repository';
import { findUserByUsername } from '../../src/db/repositories/people.repository';
import { listFields } from '../../src/db/repositories/reference.repository';
import { changeCounterState } from '../../src/server/services/counter-session';
import type { Actor, ServiceContext } from '../../src/server/services/context';
import { createCounter, createPerson } from '../../src/server/services/manage-reference';

export async function adminActor(ctx: ServiceContext): Promise<Extract<Actor, { kind: 'user' }>> {
  const admin = (await findUserByUsername(ctx.db, 'admin'))!;
  return { kind: 'user', id: admin.id, centreId: admin.centreId, role: 'admin', name: admin.fullName };
}

export async function officerActor(ctx: ServiceContext, username: string): Promise<Extract<Actor, { kind: 'user' }>> {
  const user = (await findUserByUsername(ctx.db, username))!;
  return { kind: 'user', id: user.id, centreId: user.centreId, role: user.role, name: user.fullName };
}

/** Registers a kiosk device (as pairing would) and returns it as an actor. */
export async function kioskActor(ctx: ServiceContext, centreId: string): Promise<Actor> {
  const id = ctx.newId();
  await insertDevice(ctx.db, { id, centreId, kind: 'kiosk', name: `Kiosk ${id.slice(0, 4)}`, tokenHash: null, pairedAt: ctx.clock() });
  return { kind: 'device', id, centreId, deviceKind: 'kiosk', counterId: null, printerId: null };
}

export async function fieldIds(ctx: ServiceContext, centreId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await listFields(ctx.db, centreId)).map((f) => [f.code, f.id]));
}

/**
 * Makes sure `n` counters exist that all serve the given fields, each with its own officer
 * signed in, and returns them.
 */
export async function staffCounters(
  ctx: ServiceContext,
  n: number,
  fields: string[],
  firstNumber = 100,
): Promise<{ counterId: string; officer: Extract<Actor, { kind: 'user' }> }[]> {
  const admin = await adminActor(ctx);
  const staffed = [];
  for (let i = 0; i < n; i++) {
    const number = firstNumber + i;
    const counterId = await createCounter(ctx, admin, {
      number,
      name: `Quầy thử ${number}`,
      active: true,
      fields: fields.map((fieldId) => ({ fieldId, weight: 5 })),
    });
    const username = `thu${number}`;
    await createPerson(ctx, admin, { username, fullName: `Cán bộ ${number}`, role: 'officer', active: true, lang: 'vi', password: 'password-123' });
    const officer = await officerActor(ctx, username);
    await changeCounterState(ctx, officer, counterId, { type: 'open' });
    staffed.push({ counterId, officer });
  }
  return staffed;
}
