/** Turns a ticket's domain events into log entries, with the public payload the live stream carries. */
import { announceCall } from '../../core/queue/announcement';
import type { Ticket, TicketEventDraft } from '../../core/queue/ticket';
import type { EventDraft } from '../../db/repositories/event.repository';
import { actorColumns, type Actor } from './context';
import { toStreamTicket } from './views';

const ANNOUNCED = new Set(['ticket.called', 'ticket.recalled', 'ticket.resumed']);

export function ticketEvents(
  actor: Actor,
  ticket: Ticket,
  drafts: readonly TicketEventDraft[],
  counterNumber: number | null,
): EventDraft[] {
  return drafts.map((d) => {
    const payload: Record<string, unknown> = { ticket: toStreamTicket(ticket, counterNumber) };
    if (ANNOUNCED.has(d.type) && counterNumber !== null) {
      const options = { recall: d.type !== 'ticket.called', priority: ticket.priorityWeight > 0 };
      payload['announcement'] = {
        vi: announceCall(ticket.displayNumber, counterNumber, { ...options, lang: 'vi' }),
        en: announceCall(ticket.displayNumber, counterNumber, { ...options, lang: 'en' }),
      };
    }
    return {
      centreId: ticket.centreId,
      type: d.type,
      at: d.at,
      ticketId: d.ticketId,
      counterId: d.counterId,
      officerId: d.officerId,
      ...actorColumns(actor),
      facts: { ...d.facts, priority: ticket.priorityWeight > 0 },
      payload,
    };
  });
}
