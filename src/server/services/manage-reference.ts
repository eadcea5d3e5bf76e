/**
 * Managers and admins describe the hall: fields, counters (and which fields each serves),
 * priority groups, people, settings. Each change is logged as `config.changed` so every screen on
 * every app instance refreshes what it shows.
 */
import type {
  CentreInput,
  CounterInput,
  FieldInput,
  PriorityGroupInput,
  Settings,
  SettingsPatch,
  UserInput,
} from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import { blocksOverlap, validateNumbering } from '../../core/queue/numbering';
import { validateOpeningWindows } from '../../core/queue/opening-hours';
import { appendEvents } from '../../db/repositories/event.repository';
import { toJson } from '../../db/repositories/executor';
import { deleteSessionsOfUser, findUser, insertUser, listUsers, updateUser } from '../../db/repositories/people.repository';
import { listFields } from '../../db/repositories/reference.repository';
import { hashPassword } from '../auth/passwords';
import { actorColumns, forgetIdentities, inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { unitOfCentre } from './org-units';
import { saveSettings } from './settings';

type Manager = Extract<Actor, { kind: 'user' }>;

export function assertManager(actor: Actor): asserts actor is Manager {
  if (actor.kind !== 'user' || (actor.role !== 'manager' && actor.role !== 'admin')) throw new AppError('FORBIDDEN');
}

export function assertAdmin(actor: Actor): asserts actor is Manager {
  if (actor.kind !== 'user' || actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

/** A unique-constraint violation becomes ALREADY_EXISTS naming what is taken. */
async function guardUnique<T>(entity: string, value: string | number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('ALREADY_EXISTS', { entity, value });
    throw error;
  }
}

async function logConfigChange(ctx: ServiceContext, tx: Tx, actor: Manager, entity: string, id: string | null): Promise<void> {
  // Every instance (this one included) drops its snapshot again when the event is read after commit.
  ctx.hall.invalidate(actor.centreId);
  await appendEvents(tx, [
    {
      centreId: actor.centreId,
      type: 'config.changed',
      at: ctx.clock(),
      ticketId: null,
      counterId: null,
      officerId: null,
      ...actorColumns(actor),
      facts: { entity, id },
      payload: { entity },
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

async function validateField(tx: Tx, centreId: string, input: FieldInput, selfId: string | null): Promise<void> {
  const numbering = {
    numberingMode: input.numberingMode,
    prefix: input.prefix,
    blockStart: input.blockStart,
    blockEnd: input.blockEnd,
    dailyCap: input.dailyCap,
  };
  const problems = validateNumbering(numbering);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.join(', ') });
  if (!validateOpeningWindows(input.openingHours)) throw new AppError('VALIDATION_FAILED', { detail: 'openingHours' });
  for (const other of await listFields(tx, centreId)) {
    if (other.id !== selfId && blocksOverlap(numbering, other)) {
      const range = input.numberingMode === 'block' ? `${input.blockStart}–${input.blockEnd}` : String(input.prefix);
      throw new AppError('BLOCK_OVERLAP', { range, other: other.nameVi });
    }
  }
}

function fieldColumns(input: FieldInput) {
  return {
    code: input.code,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    numberingMode: input.numberingMode,
    prefix: input.numberingMode === 'prefix' ? input.prefix : null,
    blockStart: input.numberingMode === 'block' ? input.blockStart : null,
    blockEnd: input.numberingMode === 'block' ? input.blockEnd : null,
    dailyCap: input.dailyCap,
    openingHours: toJson(input.openingHours),
    defaultServiceSeconds: input.defaultServiceSeconds,
    sortOrder: input.sortOrder,
    active: input.active,
  };
}

export async function createField(ctx: ServiceContext, actor: Actor, input: FieldInput): Promise<string> {
  assertManager(actor);
  return inTransaction(ctx, async (tx) => {
    await validateField(tx, actor.centreId, input, null);
    const id = ctx.newId();
    await guardUnique('field-code', input.code, () =>
      tx.insertInto('field').values({ id, centreId: actor.centreId, ...fieldColumns(input) }).execute(),
    );
    await logConfigChange(ctx, tx, actor, 'field', id);
    return id;
  });
}

export async function updateField(ctx: ServiceContext, actor: Actor, id: string, input: FieldInput): Promise<void> {
  assertManager(actor);
  await inTransaction(ctx, async (tx) => {
    await validateField(tx, actor.centreId, input, id);
    const result = await guardUnique('field-code', input.code, () =>
      tx
        .updateTable('field')
        .set(fieldColumns(input))
        .where('id', '=', id)
        .where('centreId', '=', actor.centreId)
        .executeTakeFirst(),
    );
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'field' });
    await logConfigChange(ctx, tx, actor, 'field', id);
  });
}

/** Deletes a field never used; a field with tickets can only be deactivated. */
export async function deleteField(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  assertManager(actor);
  await inTransaction(ctx, async (tx) => {
    const used = await tx.selectFrom('ticket').select('id').where('fieldId', '=', id).limit(1).executeTakeFirst();
    if (used) throw new AppError('IN_USE', { entity: 'field' });
    const result = await tx.deleteFrom('field').where('id', '=', id).where('centreId', '=', actor.centreId).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'field' });
    await logConfigChange(ctx, tx, actor, 'field', id);
  });
}

// ---------------------------------------------------------------------------------------------
// Counters
// ---------------------------------------------------------------------------------------------

async function replaceCounterFields(tx: Tx, centreId: string, counterId: string, input: CounterInput) {
  const fieldIds = new Set((await listFields(tx, centreId)).map((f) => f.id));
  const seen = new Set<string>();
  for (const link of input.fields) {
    if (!fieldIds.has(link.fieldId)) throw new AppError('NOT_FOUND', { entity: 'field' });
    if (seen.has(link.fieldId)) throw new AppError('VALIDATION_FAILED', { detail: 'fields: duplicate' });
    seen.add(link.fieldId);
  }
  await tx.deleteFrom('counterField').where('counterId', '=', counterId).execute();
  if (input.fields.length > 0) {
    await tx
      .insertInto('counterField')
      .values(input.fields.map((f) => ({ counterId, fieldId: f.fieldId, weight: f.weight })))
      .execute();
  }
}

export async function createCounter(ctx: ServiceContext, actor: Actor, input: CounterInput): Promise<string> {
  assertManager(actor);
  return inTransaction(ctx, async (tx) => {
    const id = ctx.newId();
    await guardUnique('counter-number', input.number, () =>
      tx
        .insertInto('counter')
        .values({
          id,
          centreId: actor.centreId,
          number: input.number,
          name: input.name,
          active: input.active,
          state: 'closed',
          pauseReason: null,
          officerId: null,
          stateSince: ctx.clock(),
        })
        .execute(),
    );
    await replaceCounterFields(tx, actor.centreId, id, input);
    await logConfigChange(ctx, tx, actor, 'counter', id);
    return id;
  });
}

export async function updateCounter(ctx: ServiceContext, actor: Actor, id: string, input: CounterInput): Promise<void> {
  assertManager(actor);
  await inTransaction(ctx, async (tx) => {
    const result = await guardUnique('counter-number', input.number, () =>
      tx
        .updateTable('counter')
        .set({ number: input.number, name: input.name, active: input.active })
        .where('id', '=', id)
        .where('centreId', '=', actor.centreId)
        .executeTakeFirst(),
    );
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'counter' });
    await replaceCounterFields(tx, actor.centreId, id, input);
    await logConfigChange(ctx, tx, actor, 'counter', id);
  });
}

export async function deleteCounter(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  assertManager(actor);
  await inTransaction(ctx, async (tx) => {
    const used = await tx
      .selectFrom('eventLog')
      .select('id')
      .where('counterId', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('IN_USE', { entity: 'counter' });
    const result = await tx.deleteFrom('counter').where('id', '=', id).where('centreId', '=', actor.centreId).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'counter' });
    await logConfigChange(ctx, tx, actor, 'counter', id);
  });
}

// ---------------------------------------------------------------------------------------------
// Priority groups
// ---------------------------------------------------------------------------------------------

export async function savePriorityGroup(
  ctx: ServiceContext,
  actor: Actor,
  id: string | null,
  input: PriorityGroupInput,
): Promise<string> {
  assertManager(actor);
  return inTransaction(ctx, async (tx) => {
    const groupId = id ?? ctx.newId();
    await guardUnique('priority-group-code', input.code, async () => {
      if (id) {
        const result = await tx
          .updateTable('priorityGroup')
          .set(input)
          .where('id', '=', id)
          .where('centreId', '=', actor.centreId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { entity: 'priority-group' });
      } else {
        await tx.insertInto('priorityGroup').values({ id: groupId, centreId: actor.centreId, ...input }).execute();
      }
    });
    await logConfigChange(ctx, tx, actor, 'priority-group', groupId);
    return groupId;
  });
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export async function listPeople(ctx: ServiceContext, actor: Actor) {
  assertManager(actor);
  return listUsers(ctx.db, actor.centreId);
}

export async function createPerson(ctx: ServiceContext, actor: Actor, input: UserInput): Promise<string> {
  assertAdmin(actor);
  if (!input.password) throw new AppError('VALIDATION_FAILED', { detail: 'password' });
  const passwordHash = await hashPassword(input.password);
  const id = ctx.newId();
  const unitId = await unitOfCentre(ctx, actor.centreId, input.unitId ?? null);
  await guardUnique('username', input.username, () =>
    insertUser(ctx.db, {
      id,
      centreId: actor.centreId,
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      unitId,
      passwordHash,
      active: input.active,
      lang: input.lang,
    }),
  );
  return id;
}

export async function updatePerson(ctx: ServiceContext, actor: Actor, id: string, input: UserInput): Promise<void> {
  assertAdmin(actor);
  const existing = await findUser(ctx.db, id);
  if (!existing || existing.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'user' });
  if (id === actor.id && (input.role !== 'admin' || !input.active)) {
    // Nobody locks the centre out of its own administration by accident.
    throw new AppError('FORBIDDEN');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const unitId = input.unitId === undefined ? existing.unitId : await unitOfCentre(ctx, actor.centreId, input.unitId);
  await guardUnique('username', input.username, () =>
    updateUser(ctx.db, id, {
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      unitId,
      active: input.active,
      lang: input.lang,
      ...(passwordHash ? { passwordHash } : {}),
    }),
  );
  if (!input.active || passwordHash) await deleteSessionsOfUser(ctx.db, id);
  forgetIdentities(ctx);
}

// ---------------------------------------------------------------------------------------------
// Settings and the centre itself
// ---------------------------------------------------------------------------------------------

export async function changeSettings(ctx: ServiceContext, actor: Actor, patch: SettingsPatch): Promise<Settings> {
  assertAdmin(actor);
  if (patch.ratingScale) {
    const values = patch.ratingScale.map((o) => o.value);
    if (new Set(values).size !== values.length) throw new AppError('VALIDATION_FAILED', { detail: 'ratingScale' });
  }
  return inTransaction(ctx, async (tx) => {
    const settings = await saveSettings(tx, actor.centreId, patch);
    await logConfigChange(ctx, tx, actor, 'settings', null);
    return settings;
  });
}

export async function changeCentre(ctx: ServiceContext, actor: Actor, input: CentreInput): Promise<void> {
  assertAdmin(actor);
  await inTransaction(ctx, async (tx) => {
    await guardUnique('centre-code', input.code, () =>
      tx
        .updateTable('centre')
        .set({ code: input.code, name: input.name, shortName: input.shortName, address: input.address })
        .where('id', '=', actor.centreId)
        .execute(),
    );
    await logConfigChange(ctx, tx, actor, 'centre', actor.centreId);
  });
}
