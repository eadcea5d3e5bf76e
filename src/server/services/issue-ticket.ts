/** A kiosk (or an officer at the reception desk) issues a queue number for a field. */
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf } from '../../core/shared/local-time';
import { assertWithinCapacity, formatTicketNumber } from '../../core/queue/numbering';
import { describeOpeningHours, isOpenAt } from '../../core/queue/opening-hours';
import { issueTicket as issueTicketDomain, type Ticket } from '../../core/queue/ticket';
import { estimateWaitSeconds } from '../../core/queue/wait-estimate';
import {
  competingFieldIds,
  countersServingField,
  findField,
  findPriorityGroup,
} from '../../db/repositories/reference.repository';
import { allocateSequence, countWaitingAhead, insertTicket } from '../../db/repositories/ticket.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { recordTicketEvents } from './ticket-events';
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
  // Read outside the transaction: changes rarely, and the short transaction keeps kiosks fast.
  const averages = await averageServiceTimes(ctx, centreId, now);

  return inTransaction(ctx, async (tx) => {
    const field = await findField(tx, centreId, command.fieldId);
    if (!field) throw new AppError('NOT_FOUND', { entity: command.lang === 'en' ? 'field' : 'lĩnh vực' });
    const fieldName = command.lang === 'en' ? field.nameEn : field.nameVi;
    if (!field.active) throw new AppError('FIELD_INACTIVE', { field: fieldName });
    if (!isOpenAt(field.openingHours, now)) {
      throw new AppError('FIELD_CLOSED', { field: fieldName, hours: describeOpeningHours(field.openingHours, command.lang) });
    }
    const counters = await countersServingField(tx, field.id);
    if (counters.length === 0) throw new AppError('NO_COUNTER_FOR_FIELD', { field: fieldName });

    let priorityWeight = 0;
    if (command.priorityGroupId) {
      const group = await findPriorityGroup(tx, centreId, command.priorityGroupId);
      if (!group || !group.active) {
        throw new AppError('NOT_FOUND', { entity: command.lang === 'en' ? 'priority group' : 'nhóm ưu tiên' });
      }
      priorityWeight = group.weight;
    }

    const seq = await allocateSequence(tx, field.id, serviceDay);
    assertWithinCapacity(fieldName, field, seq);

    const competing = await competingFieldIds(tx, field.id);
    // A normal ticket queues behind everyone already waiting for the same counters; a priority
    // ticket only behind the priority tickets.
    const aheadByField = await countWaitingAhead(tx, centreId, serviceDay, competing, priorityWeight > 0);
    const peopleAhead = Object.values(aheadByField).reduce((s, n) => s + n, 0);
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
        kioskId: actor.kind === 'device' ? actor.id : null,
      },
      now,
    );
    await insertTicket(tx, ticket, {
      predictedWaitSeconds: estimatedWaitSeconds,
      kioskId: actor.kind === 'device' ? actor.id : null,
    });
    await recordTicketEvents(tx, actor, ticket, events, null);
    return {
      ticket,
      fieldName,
      counterNumbers: counters.map((c) => c.number),
      peopleAhead,
      estimatedWaitSeconds,
    };
  });
}
