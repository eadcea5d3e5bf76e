/** The citizen's view of their ticket on a phone: place in the queue, expected wait, status. */
import type { PublicTicket } from '../../contracts/api';
import { AppError } from '../../core/shared/app-error';
import type { Ticket } from '../../core/queue/ticket';
import { countByField, estimateWaitSeconds, ticketsAhead } from '../../core/queue/wait-estimate';
import { findCentre } from '../../db/repositories/reference.repository';
import { findTicketByCode, listWaiting, rowToTicket } from '../../db/repositories/ticket.repository';
import type { ServiceContext } from './context';
import type { IssuedTicketResult } from './issue-ticket';
import { averageServiceTimes } from './service-times';

/** People ahead of a waiting ticket and the expected wait; zero and null once it is called. */
async function placeInQueue(ctx: ServiceContext, ticket: Ticket): Promise<{ peopleAhead: number; estimatedWaitSeconds: number | null }> {
  if (ticket.status !== 'waiting') return { peopleAhead: 0, estimatedWaitSeconds: null };
  const now = ctx.clock();
  const hall = await ctx.hall.get(ctx.db, ticket.centreId);
  const field = hall.fields.get(ticket.fieldId);
  const competing = hall.competingFields(ticket.fieldId);
  const counters = hall.countersServing(ticket.fieldId);
  const [waiting, averages] = await Promise.all([
    listWaiting(ctx.db, ticket.centreId, ticket.serviceDay, competing),
    averageServiceTimes(ctx, ticket.centreId, now),
  ]);
  const ahead = ticketsAhead(ticket, waiting, competing, now);
  return {
    peopleAhead: ahead.length,
    estimatedWaitSeconds: estimateWaitSeconds({
      aheadByField: countByField(ahead),
      averageServiceSeconds: averages.byField,
      defaultServiceSeconds: field?.defaultServiceSeconds ?? 600,
      openCounters: counters.filter((c) => c.state === 'open').length,
      assignedCounters: counters.length,
    }),
  };
}

export async function getPublicTicket(ctx: ServiceContext, code: string): Promise<PublicTicket> {
  const row = await findTicketByCode(ctx.db, code);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  const ticket = rowToTicket(row);
  const [hall, centre] = await Promise.all([ctx.hall.get(ctx.db, ticket.centreId), findCentre(ctx.db, ticket.centreId)]);
  const field = hall.fields.get(ticket.fieldId);
  if (!field || !centre) throw new AppError('NOT_FOUND', { entity: 'ticket' });
  const place = await placeInQueue(ctx, ticket);
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
    ...place,
    counterNumber: counter?.number ?? null,
    issuedAt: ticket.issuedAt.toISOString(),
    calledAt: ticket.calledAt?.toISOString() ?? null,
    serviceDay: ticket.serviceDay,
    centreName: centre.name,
  };
}

/** The kiosk's answer for a number it gives back (same person, same field, still active). */
export async function describeHeldTicket(ctx: ServiceContext, ticket: Ticket, lang: 'vi' | 'en'): Promise<IssuedTicketResult> {
  const hall = await ctx.hall.get(ctx.db, ticket.centreId);
  const field = hall.fields.get(ticket.fieldId);
  return {
    ticket,
    fieldName: (lang === 'en' ? field?.nameEn : field?.nameVi) ?? '',
    counterNumbers: hall.countersServing(ticket.fieldId).map((c) => c.number),
    ...(await placeInQueue(ctx, ticket)),
  };
}
