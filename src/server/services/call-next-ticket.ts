/**
 * "Call next" at a counter. The policy ranks the waiting candidates; the first one still as it was
 * read is taken, with a single statement that checks the ticket's version and that the officer
 * still holds the open counter. Two counters pressing at the same instant can never get the same
 * ticket (the loser's statement finds a newer version, or the row being changed, and moves on to
 * its next candidate), and a unique index keeps a counter at one called or served ticket even when
 * one counter presses twice.
 */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { defaultNextTicketPolicy, type NextTicketPolicy } from '../../core/queue/next-ticket.policy';
import { applyTicketCommand, type Ticket } from '../../core/queue/ticket';
import { readCounterForCall, type CounterForCall } from '../../db/repositories/reference.repository';
import { listCallCandidates, saveFirstAvailable } from '../../db/repositories/ticket.repository';
import type { Actor, ServiceContext } from './context';
import { ticketEvents } from './ticket-events';

const ATTEMPTS = 3;
/** Candidates offered to the database per attempt. */
const ALTERNATIVES = 6;

export async function callNextTicket(
  ctx: ServiceContext,
  actor: Actor,
  counterId: string,
  policy: NextTicketPolicy = defaultNextTicketPolicy,
): Promise<Ticket | null> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const hall = await ctx.hall.get(ctx.db, actor.centreId);
  const { settings } = hall;
  const now = ctx.clock();
  const serviceDay = serviceDayOf(now);
  // The snapshot answers quickly; the statement that takes the ticket checks it again, and any
  // doubt is settled by reading the counter itself.
  let counter = hall.counters.find((c) => c.id === counterId);
  if (!counter || counter.officerId !== actor.id || counter.state !== 'open') {
    await explainWhyNot(ctx, actor, counterId);
    counter = (await ctx.hall.get(ctx.db, actor.centreId, { fresh: true })).counters.find((c) => c.id === counterId)!;
  }

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { candidates, recentCallsWerePriority } = await listCallCandidates(ctx.db, {
      centreId: actor.centreId,
      serviceDay,
      counterId,
      recentSince: startOfServiceDay(serviceDay),
      recentCalls: settings.fairnessQuota,
    });
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const ranking = policy({
      counterId,
      fieldWeights: Object.fromEntries(counter.fields.map((f) => [f.fieldId, f.weight])),
      candidates,
      recentCallsWerePriority,
      fairnessQuota: settings.fairnessQuota,
      now,
    });
    if (ranking.length === 0) {
      await explainWhyNot(ctx, actor, counterId);
      return null;
    }
    // The policy's best few, each already turned into its called state; the database takes the
    // first that no other counter took meanwhile.
    const changes = ranking.slice(0, ALTERNATIVES).map((candidate) => {
      const { ticket, events } = applyTicketCommand(byId.get(candidate.id)!, { type: 'call', counterId, officerId: actor.id }, now);
      return { next: ticket, events: ticketEvents(actor, ticket, events, counter.number) };
    });
    const { outcome, index } = await saveFirstAvailable(ctx.db, changes, { counterId, officerId: actor.id, mustBeOpen: true });
    if (outcome === 'saved') return { ...changes[index]!.next, version: changes[index]!.next.version + 1 };
    // Nothing taken: the counter may have changed (busy, paused, left) or others took them all.
    await explainWhyNot(ctx, actor, counterId);
  }
  return null;
}

/** Throws the precise reason a counter cannot call now; returns when it can. */
async function explainWhyNot(ctx: ServiceContext, actor: Extract<Actor, { kind: 'user' }>, counterId: string): Promise<void> {
  const counter = await readCounterForCall(ctx.db, actor.centreId, counterId, new Date(0), 0);
  assertCanCall(counter, actor.id);
}

function assertCanCall(counter: CounterForCall | undefined, officerId: string): asserts counter is CounterForCall {
  if (!counter || !counter.active) throw new AppError('NOT_FOUND', { entity: 'counter' });
  if (counter.officerId !== officerId) throw new AppError('NOT_AT_COUNTER', { counter: counter.number });
  if (counter.state !== 'open') throw new AppError('COUNTER_NOT_OPEN', { counter: counter.number });
  if (counter.busyWith) throw new AppError('COUNTER_BUSY', { counter: counter.number, number: counter.busyWith });
}
