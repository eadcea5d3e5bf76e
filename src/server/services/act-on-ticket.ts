/**
 * Every officer action on one ticket: call it by number, recall, start, finish, no-show, park,
 * resume, transfer, re-activate, cancel. Read the ticket, let the domain decide, then write the
 * change with its events in one statement that only succeeds if the ticket is still the version
 * read and the officer still holds the counter; otherwise decide again on a fresh read.
 */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import { ACTIVE_AT_COUNTER, applyTicketCommand, type Ticket, type TicketCommand } from '../../core/queue/ticket';
import type { CounterWithFields } from '../../db/repositories/reference.repository';
import {
  findTicket,
  findTicketByCode,
  rowToTicket,
  saveTicketWithEvents,
  ticketsAtCounter,
} from '../../db/repositories/ticket.repository';
import type { Actor, ServiceContext } from './context';
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

const ATTEMPTS = 3;

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
  const atCounter = COUNTER_ACTIONS.has(action.type);
  const mustBeOpen = action.type === 'call' || action.type === 'resume';

  // The officer's counter comes from the snapshot; the saving statement checks it again, and the
  // counter itself is read whenever the snapshot and the request disagree.
  let counter: CounterWithFields | undefined;
  if (atCounter) {
    counter = hall.counters.find((c) => c.officerId === actor.id);
    if (!counter || (mustBeOpen && counter.state !== 'open')) {
      counter = await findCounterOfficerSits(ctx, actor);
      if (mustBeOpen && counter.state !== 'open') throw new AppError('COUNTER_NOT_OPEN', { counter: counter.number });
    }
  }

  // Optimistic: read, decide, and save only if nothing changed meanwhile; otherwise decide again
  // on the fresh state (which may now refuse the action).
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const now = ctx.clock();
    const ticket = await findTicket(ctx.db, ticketId);
    if (!ticket || ticket.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    if (action.type === 'call' && ticket.serviceDay !== serviceDayOf(now)) {
      throw new AppError('INVALID_TRANSITION', { action: 'call', number: ticket.displayNumber, status: ticket.status });
    }
    const command = toCommand(hall, actor, action, ticket, counter ?? null, now);
    const result = applyTicketCommand(ticket, command, now);
    const heldBy = result.ticket.counterId;
    const counterNumber =
      heldBy === null ? null : heldBy === counter?.id ? counter.number : (hall.counters.find((c) => c.id === heldBy)?.number ?? null);
    const outcome = await saveTicketWithEvents(
      ctx.db,
      result.ticket,
      ticketEvents(actor, result.ticket, result.events, counterNumber),
      counter ? { counterId: counter.id, officerId: actor.id, mustBeOpen } : null,
    );
    if (outcome === 'saved') return { ...result.ticket, version: result.ticket.version + 1 };
    if (outcome === 'counter-busy') {
      const held = (await ticketsAtCounter(ctx.db, counter!.id)).find((t) => ACTIVE_AT_COUNTER.includes(t.status));
      throw new AppError('COUNTER_BUSY', { counter: counter!.number, number: held?.displayNumber ?? '?' });
    }
    // Stale: the ticket changed, or the officer left the counter; look again.
    if (counter) counter = await findCounterOfficerSits(ctx, actor);
  }
  throw new AppError('DATABASE_BUSY');
}

/** The counter the officer is signed in at, read from the database; NOT_AT_COUNTER if none. */
async function findCounterOfficerSits(ctx: ServiceContext, actor: Extract<Actor, { kind: 'user' }>): Promise<CounterWithFields> {
  const hall = await ctx.hall.get(ctx.db, actor.centreId, { fresh: true });
  const counter = hall.counters.find((c) => c.officerId === actor.id);
  if (!counter || !counter.active) throw new AppError('NOT_AT_COUNTER', { counter: '?' });
  return counter;
}

/** A citizen cancels their own waiting number from the phone page. */
export async function cancelTicketByCode(ctx: ServiceContext, code: string): Promise<Ticket> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = await findTicketByCode(ctx.db, code);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    const ticket = rowToTicket(row);
    if (ticket.status !== 'waiting') {
      throw new AppError('INVALID_TRANSITION', { action: 'cancel', number: ticket.displayNumber, status: ticket.status });
    }
    const result = applyTicketCommand(ticket, { type: 'cancel', reason: 'citizen', officerId: null }, ctx.clock());
    const outcome = await saveTicketWithEvents(
      ctx.db,
      result.ticket,
      ticketEvents({ kind: 'public', centreId: ticket.centreId }, result.ticket, result.events, null),
    );
    if (outcome === 'saved') return result.ticket;
  }
  throw new AppError('DATABASE_BUSY');
}

function toCommand(
  hall: HallSnapshot,
  actor: Extract<Actor, { kind: 'user' }>,
  action: TicketAction,
  ticket: Ticket,
  counter: CounterWithFields | null,
  now: Date,
): TicketCommand {
  const officerId = actor.id;
  const counterId = counter?.id ?? '';
  const { settings } = hall;
  switch (action.type) {
    case 'call': {
      const fields = counter?.fields ?? [];
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
        const target = hall.counters.find((c) => c.id === action.counterId);
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
