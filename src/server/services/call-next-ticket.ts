/**
 * "Call next" at a counter. The policy ranks the waiting candidates; the first one still waiting
 * when we try to take it is called. Taking is a conditional update (status must still be
 * 'waiting', and no other transaction may be holding the row), so two counters pressing at the
 * same instant can never get the same ticket: the loser's update matches no row and it moves on
 * to its next candidate.
 */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { defaultNextTicketPolicy, type NextTicketPolicy } from '../../core/queue/next-ticket.policy';
import { ACTIVE_AT_COUNTER, applyTicketCommand, type Ticket } from '../../core/queue/ticket';
import { lockCounterForCall } from '../../db/repositories/reference.repository';
import { listCallCandidates, takeWaitingTicket, ticketsAtCounter } from '../../db/repositories/ticket.repository';
import { inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { ticketEvents } from './ticket-events';

const ATTEMPTS = 3;

export async function callNextTicket(
  ctx: ServiceContext,
  actor: Actor,
  counterId: string,
  policy: NextTicketPolicy = defaultNextTicketPolicy,
): Promise<Ticket | null> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    const serviceDay = serviceDayOf(now);
    const counter = await lockCounterForCall(tx, actor.centreId, counterId, startOfServiceDay(serviceDay), settings.fairnessQuota);
    if (!counter || !counter.active) throw new AppError('NOT_FOUND', { entity: 'counter' });
    if (counter.officerId !== actor.id) throw new AppError('NOT_AT_COUNTER', { counter: counter.number });
    if (counter.state !== 'open') throw new AppError('COUNTER_NOT_OPEN', { counter: counter.number });
    if (counter.busyWith) throw new AppError('COUNTER_BUSY', { counter: counter.number, number: counter.busyWith });

    const fieldWeights = Object.fromEntries(counter.fields.map((f) => [f.fieldId, f.weight]));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const candidates = await listCallCandidates(
        tx,
        actor.centreId,
        serviceDay,
        counter.id,
        counter.fields.map((f) => f.fieldId),
      );
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const ranking = policy({
        counterId: counter.id,
        fieldWeights,
        candidates,
        recentCallsWerePriority: counter.recentCallsWerePriority,
        fairnessQuota: settings.fairnessQuota,
        now,
      });
      if (ranking.length === 0) return null;
      for (const candidate of ranking) {
        const { ticket, events } = applyTicketCommand(
          byId.get(candidate.id)!,
          { type: 'call', counterId: counter.id, officerId: actor.id },
          now,
        );
        if (await takeWaitingTicket(tx, ticket, ticketEvents(actor, ticket, events, counter.number))) return ticket;
      }
    }
    return null;
  });
}

export async function assertCounterFree(tx: Tx, counterId: string, counterNumber: number): Promise<void> {
  const active = (await ticketsAtCounter(tx, counterId)).find((t) => ACTIVE_AT_COUNTER.includes(t.status));
  if (active) throw new AppError('COUNTER_BUSY', { counter: counterNumber, number: active.displayNumber });
}
