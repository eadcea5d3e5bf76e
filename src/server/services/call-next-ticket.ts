/**
 * "Call next" at a counter. The policy ranks the waiting candidates; the first one still waiting
 * when we try to take it is called. Taking is a conditional update (status must still be
 * 'waiting'), so two counters pressing at the same instant can never get the same ticket: the
 * loser's update matches no row and it moves on to its next candidate.
 */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { defaultNextTicketPolicy, type NextTicketPolicy } from '../../core/queue/next-ticket.policy';
import { ACTIVE_AT_COUNTER, applyTicketCommand, type Ticket } from '../../core/queue/ticket';
import { lastCounterEvents } from '../../db/repositories/event.repository';
import {
  listCallCandidates,
  lockTicketUnlessBusy,
  saveTicketIfStatus,
  ticketsAtCounter,
} from '../../db/repositories/ticket.repository';
import { inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { loadCounterOfOfficer } from './counter-guard';
import { getSettings } from './settings';
import { recordTicketEvents } from './ticket-events';

const ATTEMPTS = 3;

export async function callNextTicket(
  ctx: ServiceContext,
  actor: Actor,
  counterId: string,
  policy: NextTicketPolicy = defaultNextTicketPolicy,
): Promise<Ticket | null> {
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    const serviceDay = serviceDayOf(now);
    const counter = await loadCounterOfOfficer(tx, actor, counterId, { lock: true, mustBeOpen: true });
    await assertCounterFree(tx, counter.id, counter.number);
    const settings = await getSettings(tx, actor.centreId);
    const recent = await lastCounterEvents(
      tx,
      counter.id,
      ['ticket.called'],
      startOfServiceDay(serviceDay),
      settings.fairnessQuota,
    );
    const fieldWeights = Object.fromEntries(counter.fields.map((f) => [f.fieldId, f.weight]));

    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const candidates = await listCallCandidates(
        tx,
        actor.centreId,
        serviceDay,
        counter.id,
        counter.fields.map((f) => f.fieldId),
      );
      const ranking = policy({
        counterId: counter.id,
        fieldWeights,
        candidates,
        recentCallsWerePriority: recent.map((e) => e.facts['priority'] === true),
        fairnessQuota: settings.fairnessQuota,
        now,
      });
      if (ranking.length === 0) return null;
      for (const candidate of ranking) {
        // Another counter taking this very ticket right now: skip to the next one, don't queue behind it.
        const current = await lockTicketUnlessBusy(tx, candidate.id);
        if (!current || current.status !== 'waiting') continue;
        const { ticket, events } = applyTicketCommand(
          current,
          { type: 'call', counterId: counter.id, officerId: actor.kind === 'user' ? actor.id : null },
          now,
        );
        if (!(await saveTicketIfStatus(tx, ticket, 'waiting'))) continue;
        await recordTicketEvents(tx, actor, ticket, events, counter.number);
        return ticket;
      }
    }
    return null;
  });
}

export async function assertCounterFree(tx: Tx, counterId: string, counterNumber: number): Promise<void> {
  const active = (await ticketsAtCounter(tx, counterId)).find((t) => ACTIVE_AT_COUNTER.includes(t.status));
  if (active) throw new AppError('COUNTER_BUSY', { counter: counterNumber, number: active.displayNumber });
}
