/** The officer's screen: their counter, the ticket in hand, parked tickets, queue lengths. */
import type { CounterWork } from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import { ACTIVE_AT_COUNTER } from '../../core/queue/ticket';
import { findCounter } from '../../db/repositories/reference.repository';
import {
  countServedToday,
  countWaitingByField,
  recentNoShows,
  ticketsAtCounter,
} from '../../db/repositories/ticket.repository';
import type { Actor, ServiceContext } from './context';
import { toCounterView, toTicketView } from './views';

export async function getCounterWork(ctx: ServiceContext, actor: Actor, counterId: string): Promise<CounterWork> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const now = ctx.clock();
  const day = serviceDayOf(now);
  const counter = await findCounter(ctx.db, actor.centreId, counterId);
  if (!counter) throw new AppError('NOT_FOUND', { entity: 'counter' });
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  const [held, waiting, served, noShows] = await Promise.all([
    ticketsAtCounter(ctx.db, counter.id),
    countWaitingByField(ctx.db, actor.centreId, day),
    countServedToday(ctx.db, counter.id, day),
    recentNoShows(ctx.db, counter.id, day, new Date(now.getTime() - settings.noShowToleranceMinutes * 60_000)),
  ]);
  const current = held.find((t) => ACTIVE_AT_COUNTER.includes(t.status)) ?? null;
  // Whether a template exists, not the template: nothing is read, so nothing is audited.
  const currentHasFace = current
    ? (await ctx.db.selectFrom('faceTemplate').select('id').where('ticketId', '=', current.id).limit(1).executeTakeFirst()) !== undefined
    : false;
  return {
    counter: toCounterView(counter),
    current: current && toTicketView(current),
    parked: held.filter((t) => t.status === 'parked').map(toTicketView),
    noShows: noShows.map(toTicketView),
    waitingByField: waiting,
    servedToday: served,
    currentHasFace,
  };
}
