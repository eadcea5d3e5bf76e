/**
 * Every officer action on one ticket: call it by number, recall, start, finish, no-show, park,
 * resume, transfer, re-activate, cancel. One transaction each: lock the ticket, let the domain
 * decide, save, log.
 */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import { applyTicketCommand, type Ticket, type TicketCommand } from '../../core/queue/ticket';
import { findCounter, lockCounterOfOfficer, type OfficerCounter } from '../../db/repositories/reference.repository';
import { findTicketByCode, findTicketForUpdate, saveTicketWithEvents } from '../../db/repositories/ticket.repository';
import { assertCounterFree } from './call-next-ticket';
import { inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import type { HallSnapshot } from './hall-cache';
import { ticketEvents } from './ticket-events';

export type TicketAction =
  | { type: 'call' }
  | { type: 'recall' }
  | { type: 'start' }
  | { type: 'finish' }
  | { type: 'no-show' }
  | { type: 'park' }
  | { type: 'resume' }
  | { type: 'transfer'; fieldId?: string | undefined; counterId?: string | undefined }
  | { type: 'reactivate' }
  | { type: 'cancel' };

/** Actions done at the officer's own counter, on a ticket that counter holds (or takes). */
const COUNTER_ACTIONS = new Set<TicketAction['type']>([
  'call',
  'recall',
  'start',
  'finish',
  'no-show',
  'park',
  'resume',
  'transfer',
]);

export async function actOnTicket(
  ctx: ServiceContext,
  actor: Actor,
  ticketId: string,
  action: TicketAction,
): Promise<Ticket> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const hall = await ctx.hall.get(ctx.db, actor.centreId);
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    let counter: OfficerCounter | null = null;
    if (COUNTER_ACTIONS.has(action.type)) {
      // Locked so that actions at one counter run one after the other.
      counter = (await lockCounterOfOfficer(tx, actor.centreId, actor.id)) ?? null;
      if (!counter || !counter.active) throw new AppError('NOT_AT_COUNTER', { counter: '?' });
      if ((action.type === 'call' || action.type === 'resume') && counter.state !== 'open') {
        throw new AppError('COUNTER_NOT_OPEN', { counter: counter.number });
      }
    }
    const ticket = await findTicketForUpdate(tx, ticketId);
    if (!ticket || ticket.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    if ((action.type === 'call' || action.type === 'resume') && counter) {
      await assertCounterFree(tx, counter.id, counter.number);
    }
    if (action.type === 'call' && ticket.serviceDay !== serviceDayOf(now)) {
      throw new AppError('INVALID_TRANSITION', { action: 'call', number: ticket.displayNumber, status: ticket.status });
    }
    const command = await toCommand(tx, hall, actor, action, ticket, counter, now);
    const result = applyTicketCommand(ticket, command, now);
    const heldBy = result.ticket.counterId;
    const counterNumber =
      heldBy === null ? null : heldBy === counter?.id ? counter.number : (hall.counters.find((c) => c.id === heldBy)?.number ?? null);
    await saveTicketWithEvents(tx, result.ticket, ticketEvents(actor, result.ticket, result.events, counterNumber));
    return result.ticket;
  });
}

/** A citizen cancels their own waiting number from the phone page. */
export async function cancelTicketByCode(ctx: ServiceContext, code: string): Promise<Ticket> {
  return inTransaction(ctx, async (tx) => {
    const row = await findTicketByCode(tx, code);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    const ticket = await findTicketForUpdate(tx, row.id);
    if (!ticket) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    if (ticket.status !== 'waiting') {
      throw new AppError('INVALID_TRANSITION', { action: 'cancel', number: ticket.displayNumber, status: ticket.status });
    }
    const result = applyTicketCommand(ticket, { type: 'cancel', reason: 'citizen', officerId: null }, ctx.clock());
    await saveTicketWithEvents(tx, result.ticket, ticketEvents({ kind: 'public', centreId: ticket.centreId }, result.ticket, result.events, null));
    return result.ticket;
  });
}

async function toCommand(
  tx: Tx,
  hall: HallSnapshot,
  actor: Extract<Actor, { kind: 'user' }>,
  action: TicketAction,
  ticket: Ticket,
  counter: OfficerCounter | null,
  now: Date,
): Promise<TicketCommand> {
  const officerId = actor.id;
  const counterId = counter?.id ?? '';
  const { settings } = hall;
  switch (action.type) {
    case 'call': {
      const fields = hall.counters.find((c) => c.id === counterId)?.fields ?? [];
      const serves = ticket.targetCounterId
        ? ticket.targetCounterId === counterId
        : fields.some((f) => f.fieldId === ticket.fieldId);
      if (ticket.status === 'waiting' && !serves) {
        throw new AppError('INVALID_TRANSITION', { action: 'call', number: ticket.displayNumber, status: ticket.status });
      }
      return { type: 'call', counterId, officerId };
    }
    case 'recall':
    case 'start':
    case 'finish':
    case 'no-show':
    case 'park':
    case 'resume':
      return { type: action.type, counterId, officerId };
    case 'transfer': {
      const toFieldId = action.fieldId ?? ticket.fieldId;
      const field = hall.fields.get(toFieldId);
      if (!field || !field.active) throw new AppError('NOT_FOUND', { entity: 'field' });
      let toCounterId: string | null = null;
      if (action.counterId) {
        const target = await findCounter(tx, actor.centreId, action.counterId);
        if (!target || !target.active) throw new AppError('NOT_FOUND', { entity: 'counter' });
        if (target.id === counterId) {
          throw new AppError('INVALID_TRANSITION', { action: 'transfer', number: ticket.displayNumber, status: ticket.status });
        }
        toCounterId = target.id;
      } else if (hall.countersServing(field.id).length === 0) {
        throw new AppError('NO_COUNTER_FOR_FIELD', { field: field.nameVi });
      }
      return {
        type: 'transfer',
        counterId,
        officerId,
        toFieldId: field.id,
        toCounterId,
        keepArrivalTime: settings.transferKeepsArrivalTime,
      };
    }
    case 'reactivate':
      if (ticket.serviceDay !== serviceDayOf(now)) {
        throw new AppError('NO_SHOW_EXPIRED', { number: ticket.displayNumber, minutes: settings.noShowToleranceMinutes });
      }
      return { type: 'reactivate', toleranceMinutes: settings.noShowToleranceMinutes, officerId };
    case 'cancel':
      return { type: 'cancel', reason: 'officer', officerId };
  }
}
