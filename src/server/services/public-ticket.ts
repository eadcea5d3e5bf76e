/** The citizen's view of their ticket on a phone: place in the queue, expected wait, status. */
import type { PublicTicket } from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import { countByField, estimateWaitSeconds, ticketsAhead } from '../../core/queue/wait-estimate';
import { findCentre } from '../../db/repositories/reference.repository';
import { findTicketByCode, listWaiting, rowToTicket } from '../../db/repositories/ticket.repository';
import type { ServiceContext } from './context';
import { averageServiceTimes } from './service-times';

export async function getPublicTicket(ctx: ServiceContext, code: string): Promise<PublicTicket> {
  const row = await findTicketByCode(ctx.db, code);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  const ticket = rowToTicket(row);
  const now = ctx.clock();
  const [hall, centre] = await Promise.all([ctx.hall.get(ctx.db, ticket.centreId), findCentre(ctx.db, ticket.centreId)]);
  const field = hall.fields.get(ticket.fieldId);
  if (!field || !centre) throw new AppError('NOT_FOUND', { entity: 'ticket' });

  let peopleAhead = 0;
  let estimatedWaitSeconds: number | null = null;
  if (ticket.status === 'waiting') {
    const competing = hall.competingFields(ticket.fieldId);
    const counters = hall.countersServing(ticket.fieldId);
    const [waiting, averages] = await Promise.all([
      listWaiting(ctx.db, ticket.centreId, ticket.serviceDay, competing),
      averageServiceTimes(ctx, ticket.centreId, now),
    ]);
    const ahead = ticketsAhead(ticket, waiting, competing, now);
    peopleAhead = ahead.length;
    estimatedWaitSeconds = estimateWaitSeconds({
      aheadByField: countByField(ahead),
      averageServiceSeconds: averages.byField,
      defaultServiceSeconds: field.defaultServiceSeconds,
      openCounters: counters.filter((c) => c.state === 'open').length,
      assignedCounters: counters.length,
    });
  }
  const counter =
    ticket.counterId && ['called', 'serving', 'parked'].includes(ticket.status)
      ? hall.counters.find((c) => c.id === ticket.counterId)
      : undefined;
  return {
    code: ticket.code,
    displayNumber: ticket.displayNumber,
    fieldId: field.id,
    fieldNameVi: field.nameVi,
    fieldNameEn: field.nameEn,
    status: ticket.status,
    priority: ticket.priorityWeight > 0,
    peopleAhead,
    estimatedWaitSeconds,
    counterNumber: counter?.number ?? null,
    issuedAt: ticket.issuedAt.toISOString(),
    calledAt: ticket.calledAt?.toISOString() ?? null,
    serviceDay: ticket.serviceDay,
    centreName: centre.name,
  };
}
