/**
 * Every officer action on one ticket: call it by number, recall, start, finish, no-show, park,
 * resume, transfer, re-activate, cancel. One transaction each: lock the ticket, let the domain
 * decide, save, log.
 */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import { applyTicketCommand, type Ticket, type TicketCommand } from '../../core/queue/ticket';
import {
  countersServingField,
  findCounter,
  findCounterOfOfficer,
  findField,
  type CounterWithFields,
} from '../../db/repositories/reference.repository';
import { findTicketByCode, findTicketForUpdate, saveTicket } from '../../db/repositories/ticket.repository';
import { assertCounterFree } from './call-next-ticket';
import { inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { loadCounterOfOfficer } from './counter-guard';
import { getSettings } from './settings';
import { recordTicketEvents } from './ticket-events';

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
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    let counter: CounterWithFields | null = null;
    if (COUNTER_ACTIONS.has(action.type)) {
      const own = await findCounterOfOfficer(tx, actor.id);
      if (!own) throw new AppError('NOT_AT_COUNTER', { counter: '?' });
      counter = await loadCounterOfOfficer(tx, actor, own.id, {
        lock: true,
        mustBeOpen: action.type === 'call' || action.type === 'resume',
      });
    }
    const ticket = await findTicketForUpdate(tx, ticketId);
    if (!ticket || ticket.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'số thứ tự / ticket' });
    if ((action.type === 'call' || action.type === 'resume') && counter) {
      await assertCounterFree(tx, counter.id, counter.number);
    }
    if (action.type === 'call' && ticket.serviceDay !== serviceDayOf(now)) {
      throw new AppError('INVALID_TRANSITION', { action: 'call', number: ticket.displayNumber, status: ticket.status });
    }
    const command = await toCommand(ctx, tx, actor, action, ticket, counter);
    const result = applyTicketCommand(ticket, command, now);
    await saveTicket(tx, result.ticket);
    const counterNumber = await counterNumberOf(tx, actor.centreId, result.ticket.counterId, counter);
    await recordTicketEvents(tx, actor, result.ticket, result.events, counterNumber);
    return result.ticket;
  });
}

/** A citizen cancels their own waiting number from the phone page. */
export async function cancelTicketByCode(ctx: ServiceContext, code: string): Promise<Ticket> {
  return inTransaction(ctx, async (tx) => {
    const row = await findTicketByCode(tx, code);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'số thứ tự / ticket' });
    const ticket = await findTicketForUpdate(tx, row.id);
    if (!ticket) throw new AppError('NOT_FOUND', { entity: 'số thứ tự / ticket' });
    if (ticket.status !== 'waiting') {
      throw new AppError('INVALID_TRANSITION', { action: 'cancel', number: ticket.displayNumber, status: ticket.status });
    }
    const result = applyTicketCommand(ticket, { type: 'cancel', reason: 'citizen', officerId: null }, ctx.clock());
    await saveTicket(tx, result.ticket);
    await recordTicketEvents(tx, { kind: 'public', centreId: ticket.centreId }, result.ticket, result.events, null);
    return result.ticket;
  });
}

async function toCommand(
  ctx: ServiceContext,
  tx: Tx,
  actor: Extract<Actor, { kind: 'user' }>,
  action: TicketAction,
  ticket: Ticket,
  counter: CounterWithFields | null,
): Promise<TicketCommand> {
  const officerId = actor.id;
  const counterId = counter?.id ?? '';
  switch (action.type) {
    case 'call':
      if (ticket.status === 'waiting' && !counterServes(counter, ticket)) {
        throw new AppError('INVALID_TRANSITION', { action: 'call', number: ticket.displayNumber, status: ticket.status });
      }
      return { type: 'call', counterId, officerId };
    case 'recall':
    case 'start':
    case 'finish':
    case 'no-show':
    case 'park':
    case 'resume':
      return { type: action.type, counterId, officerId };
    case 'transfer': {
      const toFieldId = action.fieldId ?? ticket.fieldId;
      const field = await findField(tx, actor.centreId, toFieldId);
      if (!field || !field.active) throw new AppError('NOT_FOUND', { entity: 'lĩnh vực / field' });
      let toCounterId: string | null = null;
      if (action.counterId) {
        const target = await findCounter(tx, actor.centreId, action.counterId);
        if (!target || !target.active) throw new AppError('NOT_FOUND', { entity: 'quầy / counter' });
        if (target.id === counterId) {
          throw new AppError('INVALID_TRANSITION', { action: 'transfer', number: ticket.displayNumber, status: ticket.status });
        }
        toCounterId = target.id;
      } else if ((await countersServingField(tx, field.id)).length === 0) {
        throw new AppError('NO_COUNTER_FOR_FIELD', { field: field.nameVi });
      }
      const settings = await getSettings(tx, actor.centreId);
      return {
        type: 'transfer',
        counterId,
        officerId,
        toFieldId: field.id,
        toCounterId,
        keepArrivalTime: settings.transferKeepsArrivalTime,
      };
    }
    case 'reactivate': {
      const settings = await getSettings(tx, actor.centreId);
      if (ticket.serviceDay !== serviceDayOf(ctx.clock())) {
        throw new AppError('NO_SHOW_EXPIRED', { number: ticket.displayNumber, minutes: settings.noShowToleranceMinutes });
      }
      return { type: 'reactivate', toleranceMinutes: settings.noShowToleranceMinutes, officerId };
    }
    case 'cancel':
      return { type: 'cancel', reason: 'officer', officerId };
  }
}

function counterServes(counter: CounterWithFields | null, ticket: Ticket): boolean {
  if (!counter) return false;
  if (ticket.targetCounterId) return ticket.targetCounterId === counter.id;
  return counter.fields.some((f) => f.fieldId === ticket.fieldId);
}

async function counterNumberOf(
  tx: Tx,
  centreId: string,
  counterId: string | null,
  known: CounterWithFields | null,
): Promise<number | null> {
  if (!counterId) return known?.number ?? null;
  if (known?.id === counterId) return known.number;
  return (await findCounter(tx, centreId, counterId))?.number ?? null;
}
