/** An officer takes a counter, pauses it with a reason, resumes, and leaves it. */
import { AppError } from '../../core/shared/app-error';
import { ACTIVE_AT_COUNTER } from '../../core/queue/ticket';
import { appendEvents } from '../../db/repositories/event.repository';
import {
  findCounter,
  findCounterOfOfficer,
  lockCounter,
  updateCounterState,
  type CounterWithFields,
} from '../../db/repositories/reference.repository';
import { ticketsAtCounter } from '../../db/repositories/ticket.repository';
import { actorColumns, inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { toStreamCounter } from './views';

export type CounterAction = { type: 'open' } | { type: 'pause'; reason: string } | { type: 'resume' } | { type: 'close' };

const EVENT_OF = { open: 'counter.opened', pause: 'counter.paused', resume: 'counter.resumed', close: 'counter.closed' } as const;

export async function changeCounterState(
  ctx: ServiceContext,
  actor: Actor,
  counterId: string,
  action: CounterAction,
): Promise<CounterWithFields> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    await lockCounter(tx, counterId);
    const counter = await findCounter(tx, actor.centreId, counterId);
    if (!counter || !counter.active) throw new AppError('NOT_FOUND', { entity: 'counter' });

    if (action.type === 'open') {
      if (counter.officerId && counter.officerId !== actor.id) {
        throw new AppError('COUNTER_TAKEN', { counter: counter.number, officer: counter.officerName ?? '?' });
      }
      // An officer works at one counter: leaving the previous one first (if it is free).
      const previous = await findCounterOfOfficer(tx, actor.id);
      if (previous && previous.id !== counter.id) await leave(ctx, tx, actor, previous.id, previous.number, now);
      if (counter.officerId === actor.id && counter.state !== 'closed') return counter;
      await updateCounterState(tx, counter.id, { state: 'open', pauseReason: null, officerId: actor.id, at: now });
    } else {
      if (counter.officerId !== actor.id) throw new AppError('NOT_AT_COUNTER', { counter: counter.number });
      if (action.type === 'pause') {
        await updateCounterState(tx, counter.id, { state: 'paused', pauseReason: action.reason, officerId: actor.id, at: now });
      } else if (action.type === 'resume') {
        if (counter.state !== 'paused') return counter;
        await updateCounterState(tx, counter.id, { state: 'open', pauseReason: null, officerId: actor.id, at: now });
      } else {
        await leave(ctx, tx, actor, counter.id, counter.number, now);
        return (await findCounter(tx, actor.centreId, counter.id))!;
      }
    }
    const updated = (await findCounter(tx, actor.centreId, counter.id))!;
    await logCounterEvent(ctx, tx, actor, updated, EVENT_OF[action.type], now, action.type === 'pause' ? { reason: action.reason } : {});
    return updated;
  });
}

async function leave(ctx: ServiceContext, tx: Tx, actor: Extract<Actor, { kind: 'user' }>, counterId: string, number: number, now: Date) {
  const held = await ticketsAtCounter(tx, counterId);
  const active = held.find((t) => ACTIVE_AT_COUNTER.includes(t.status));
  if (active) throw new AppError('COUNTER_BUSY', { counter: number, number: active.displayNumber });
  await updateCounterState(tx, counterId, { state: 'closed', pauseReason: null, officerId: null, at: now });
  const closed = (await findCounter(tx, actor.centreId, counterId))!;
  await logCounterEvent(ctx, tx, actor, closed, 'counter.closed', now, {});
}

async function logCounterEvent(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  counter: CounterWithFields,
  type: (typeof EVENT_OF)[keyof typeof EVENT_OF],
  at: Date,
  facts: Record<string, unknown>,
) {
  ctx.hall.invalidate(counter.centreId);
  await appendEvents(tx, [
    {
      centreId: counter.centreId,
      type,
      at,
      ticketId: null,
      counterId: counter.id,
      officerId: actor.kind === 'user' ? actor.id : null,
      ...actorColumns(actor),
      facts,
      payload: { counter: toStreamCounter(counter) },
    },
  ]);
}
