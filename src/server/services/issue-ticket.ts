/** A kiosk (or an officer at the reception desk) issues a queue number for a field. */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import { assertWithinCapacity, formatTicketNumber } from '../../core/queue/numbering';
import { describeOpeningHours, isOpenAt } from '../../core/queue/opening-hours';
import { loadCalendar } from './working-calendar';
import { issueTicket as issueTicketDomain, type Ticket } from '../../core/queue/ticket';
import { estimateWaitSeconds } from '../../core/queue/wait-estimate';
import { allocateSequence, insertTicketWithEvents } from '../../db/repositories/ticket.repository';
import type { Actor, ServiceContext } from './context';
import { ticketEvents } from './ticket-events';
import { averageServiceTimes } from './service-times';

export interface IssueTicketCommand {
  fieldId: string;
  priorityGroupId: string | null;
  lang: 'vi' | 'en';
}

export interface IssuedTicketResult {
  ticket: Ticket;
  fieldName: string;
  counterNumbers: number[];
  peopleAhead: number;
  estimatedWaitSeconds: number | null;
}

export async function issueTicket(
  ctx: ServiceContext,
  actor: Actor,
  command: IssueTicketCommand,
): Promise<IssuedTicketResult> {
  if (!(actor.kind === 'user' || (actor.kind === 'device' && actor.deviceKind === 'kiosk'))) {
    throw new AppError('FORBIDDEN');
  }
  const centreId = actor.centreId;
  const now = ctx.clock();
  const serviceDay = serviceDayOf(now);
  // Read outside the transaction from this instance's snapshot: the hall's description changes
  // rarely, and a short transaction keeps kiosks fast.
  const hall = await ctx.hall.get(ctx.db, centreId);
  const averages = await averageServiceTimes(ctx, centreId, now);

  const field = hall.fields.get(command.fieldId);
  if (!field) throw new AppError('NOT_FOUND', { entity: 'field' });
  const fieldName = command.lang === 'en' ? field.nameEn : field.nameVi;
  if (!field.active) throw new AppError('FIELD_INACTIVE', { field: fieldName });
  if (!isOpenAt(field.openingHours, now)) {
    throw new AppError('FIELD_CLOSED', { field: fieldName, hours: describeOpeningHours(field.openingHours, command.lang) });
  }
  // Reception hours are weekly windows; a public holiday, a day in lieu or a swapped day off closes
  // them too. A field without windows is open whenever the centre is, by its manager's choice.
  if (field.openingHours.length > 0) {
    const dayOff = (await loadCalendar(ctx.db)).working.dayInfo(serviceDay);
    if (dayOff && dayOff.kind !== 'swap-work') throw new AppError('CLOSED_FOR_HOLIDAY', { field: fieldName, name: dayOff.name });
  }
  const counters = hall.countersServing(field.id);
  if (counters.length === 0) throw new AppError('NO_COUNTER_FOR_FIELD', { field: fieldName });
  let priorityWeight = 0;
  if (command.priorityGroupId) {
    const group = hall.priorityGroups.get(command.priorityGroupId);
    if (!group || !group.active) {
      throw new AppError('NOT_FOUND', { entity: 'priority-group' });
    }
    priorityWeight = group.weight;
  }
  const competing = hall.competingFields(field.id);
  const kioskId = actor.kind === 'device' ? actor.id : null;

  // Two statements and no transaction: the number is drawn like a database sequence (a failure
  // between drawing and saving leaves a gap, never a duplicate), and the ticket is written with
  // its event in one statement. A normal ticket queues behind everyone already waiting for the
  // same counters; a priority ticket only behind the priority tickets.
  const { seq, aheadByField } = await allocateSequence(ctx.db, {
    fieldId: field.id,
    serviceDay,
    centreId,
    competingFieldIds: competing,
    priorityOnly: priorityWeight > 0,
  });
  assertWithinCapacity(fieldName, field, seq);
  const peopleAhead = Object.values(aheadByField).reduce((sum, n) => sum + n, 0);
  const estimatedWaitSeconds = estimateWaitSeconds({
    aheadByField,
    averageServiceSeconds: averages.byField,
    defaultServiceSeconds: field.defaultServiceSeconds,
    openCounters: counters.filter((c) => c.state === 'open').length,
    assignedCounters: counters.length,
  });

  const { ticket, events } = issueTicketDomain(
    {
      id: ctx.newId(),
      centreId,
      serviceDay,
      fieldId: field.id,
      seq,
      displayNumber: formatTicketNumber(field, seq),
      code: ctx.newTicketCode(),
      priorityGroupId: command.priorityGroupId,
      priorityWeight,
      predictedWaitSeconds: estimatedWaitSeconds,
      kioskId,
    },
    now,
  );
  await insertTicketWithEvents(ctx.db, ticket, { predictedWaitSeconds: estimatedWaitSeconds, kioskId }, ticketEvents(actor, ticket, events, null));
  return {
    ticket,
    fieldName,
    counterNumbers: counters.map((c) => c.number),
    peopleAhead,
    estimatedWaitSeconds,
  };
}
