/**
 * Numbers are valid for their day only. Tickets still open when a day ends (waiting, parked,
 * absent, or left called at a counter) are cancelled with reason "day-ended", so that yesterday's
 * numbers never reach today's counters and the log says what became of every visit.
 */
import { serviceDayOf } from '../../core/shared/local-time';
import { applyTicketCommand } from '../../core/queue/ticket';
import { listOpenTicketsBefore, saveTicketWithEvents } from '../../db/repositories/ticket.repository';
import { inTransaction, type ServiceContext } from './context';
import { ticketEvents } from './ticket-events';

const BATCH = 200;

export async function closePastDays(ctx: ServiceContext): Promise<number> {
  let closed = 0;
  for (;;) {
    const n = await inTransaction(ctx, async (tx) => {
      const now = ctx.clock();
      const open = await listOpenTicketsBefore(tx, serviceDayOf(now), BATCH);
      for (const ticket of open) {
        const result = applyTicketCommand(ticket, { type: 'cancel', reason: 'day-ended', officerId: null }, now);
        await saveTicketWithEvents(tx, result.ticket, ticketEvents({ kind: 'system', centreId: ticket.centreId }, result.ticket, result.events, null));
      }
      return open.length;
    });
    closed += n;
    if (n < BATCH) return closed;
  }
}
