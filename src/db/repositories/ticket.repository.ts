import { sql } from 'kysely';
import type { Candidate } from '../../core/queue/next-ticket.policy';
import type { Ticket, TicketStatus } from '../../core/queue/ticket';
import type { TicketRow } from '../schema';
import type { Executor } from './executor';

export function rowToTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    centreId: row.centreId,
    serviceDay: row.serviceDay,
    fieldId: row.fieldId,
    seq: row.seq,
    displayNumber: row.displayNumber,
    code: row.code,
    status: row.status,
    priorityGroupId: row.priorityGroupId,
    priorityWeight: row.priorityWeight,
    issuedAt: row.issuedAt,
    queueSince: row.queueSince,
    counterId: row.counterId,
    officerId: row.officerId,
    targetCounterId: row.targetCounterId,
    callCount: row.callCount,
    calledAt: row.calledAt,
    startedAt: row.startedAt,
    noShowAt: row.noShowAt,
    finishedAt: row.finishedAt,
    serveCount: row.serveCount,
  };
}

/** Allocates the next sequence number of a field's daily series; atomic under any concurrency. */
export async function allocateSequence(ex: Executor, fieldId: string, serviceDay: string): Promise<number> {
  const row = await ex
    .insertInto('numberSequence')
    .values({ fieldId, serviceDay, lastSeq: 1 })
    .onConflict((oc) =>
      oc.columns(['fieldId', 'serviceDay']).doUpdateSet({ lastSeq: sql`number_sequence.last_seq + 1` }),
    )
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  return row.lastSeq;
}

export async function insertTicket(
  ex: Executor,
  ticket: Ticket,
  extra: { predictedWaitSeconds: number | null; kioskId: string | null },
): Promise<void> {
  await ex
    .insertInto('ticket')
    .values({ ...ticket, ...extra })
    .execute();
}

/** Writes a ticket's new state. */
export async function saveTicket(ex: Executor, ticket: Ticket): Promise<void> {
  const { id, ...rest } = ticket;
  await ex.updateTable('ticket').set(rest).where('id', '=', id).execute();
}

/**
 * Moves a ticket from the status it was read in to its new state, only if nobody changed its
 * status meanwhile. Returns false when another counter got there first.
 */
export async function saveTicketIfStatus(ex: Executor, ticket: Ticket, expected: TicketStatus): Promise<boolean> {
  const { id, ...rest } = ticket;
  const result = await ex
    .updateTable('ticket')
    .set(rest)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findTicket(ex: Executor, id: string): Promise<Ticket | undefined> {
  const row = await ex.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToTicket(row);
}

/** Reads a ticket and locks it until the transaction ends. */
export async function findTicketForUpdate(ex: Executor, id: string): Promise<Ticket | undefined> {
  const row = await ex.selectFrom('ticket').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && rowToTicket(row);
}

export async function findTicketByCode(ex: Executor, code: string): Promise<TicketRow | undefined> {
  return ex.selectFrom('ticket').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Locks a ticket unless another transaction holds it; undefined when locked elsewhere or gone. */
export async function lockTicketUnlessBusy(ex: Executor, id: string): Promise<Ticket | undefined> {
  const row = await ex
    .selectFrom('ticket')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row && rowToTicket(row);
}

/** Tickets a counter holds: the one it is calling or serving, and the ones it parked. */
export async function ticketsAtCounter(ex: Executor, counterId: string): Promise<Ticket[]> {
  const rows = await ex
    .selectFrom('ticket')
    .selectAll()
    .where('counterId', '=', counterId)
    .where('status', 'in', ['called', 'serving', 'parked'])
    .orderBy('calledAt')
    .execute();
  return rows.map(rowToTicket);
}

/** No-shows of a counter today that may still be re-activated, newest first. */
export async function recentNoShows(
  ex: Executor,
  counterId: string,
  serviceDay: string,
  since: Date,
): Promise<Ticket[]> {
  const rows = await ex
    .selectFrom('ticket')
    .selectAll()
    .where('counterId', '=', counterId)
    .where('serviceDay', '=', serviceDay)
    .where('status', '=', 'no-show')
    .where('noShowAt', '>=', since)
    .orderBy('noShowAt', 'desc')
    .limit(20)
    .execute();
  return rows.map(rowToTicket);
}

/**
 * Waiting tickets a counter may call, enough of them for any policy that ranks by waiting time
 * and priority weight: per field and class (normal / priority) the few that have waited longest
 * counting the priority weight as minutes, plus every ticket transferred to this counter.
 */
export async function listCallCandidates(
  ex: Executor,
  centreId: string,
  serviceDay: string,
  counterId: string,
  fieldIds: readonly string[],
  perFieldAndClass = 5,
): Promise<Candidate[]> {
  const ranked = ex
    .selectFrom('ticket')
    .select([
      'id',
      'fieldId',
      'priorityWeight',
      'queueSince',
      'seq',
      'targetCounterId',
      sql<number>`row_number() over (
        partition by field_id, (priority_weight > 0)
        order by queue_since - make_interval(mins => priority_weight), seq)`.as('rank'),
    ])
    .where('centreId', '=', centreId)
    .where('serviceDay', '=', serviceDay)
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('targetCounterId', '=', counterId),
        ...(fieldIds.length > 0
          ? [eb.and([eb('targetCounterId', 'is', null), eb('fieldId', 'in', fieldIds)])]
          : []),
      ]),
    );
  const rows = await ex
    .selectFrom(ranked.as('r'))
    .selectAll()
    .where((eb) => eb.or([eb('rank', '<=', perFieldAndClass), eb('targetCounterId', '=', counterId)]))
    .execute();
  return rows.map(({ rank: _rank, ...c }) => c);
}

/** Waiting tickets in the given fields for ranking one ticket's position. */
export async function listWaiting(
  ex: Executor,
  centreId: string,
  serviceDay: string,
  fieldIds: readonly string[],
): Promise<Candidate[]> {
  if (fieldIds.length === 0) return [];
  return ex
    .selectFrom('ticket')
    .select(['id', 'fieldId', 'priorityWeight', 'queueSince', 'seq', 'targetCounterId'])
    .where('centreId', '=', centreId)
    .where('serviceDay', '=', serviceDay)
    .where('status', '=', 'waiting')
    .where('fieldId', 'in', fieldIds)
    .execute();
}

/** Waiting tickets per field that a new ticket would queue behind. */
export async function countWaitingAhead(
  ex: Executor,
  centreId: string,
  serviceDay: string,
  fieldIds: readonly string[],
  priorityOnly: boolean,
): Promise<Record<string, number>> {
  if (fieldIds.length === 0) return {};
  let query = ex
    .selectFrom('ticket')
    .select(['fieldId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('centreId', '=', centreId)
    .where('serviceDay', '=', serviceDay)
    .where('status', '=', 'waiting')
    .where('fieldId', 'in', fieldIds)
    .groupBy('fieldId');
  if (priorityOnly) query = query.where('priorityWeight', '>', 0);
  const rows = await query.execute();
  return Object.fromEntries(rows.map((r) => [r.fieldId, Number(r.n)]));
}

export async function countWaitingByField(
  ex: Executor,
  centreId: string,
  serviceDay: string,
): Promise<Record<string, number>> {
  const rows = await ex
    .selectFrom('ticket')
    .select(['fieldId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('centreId', '=', centreId)
    .where('serviceDay', '=', serviceDay)
    .where('status', '=', 'waiting')
    .groupBy('fieldId')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.fieldId, Number(r.n)]));
}

/** Tickets of earlier days still open at the day's end, to be closed by the day roll-over. */
export async function listOpenTicketsBefore(ex: Executor, serviceDay: string, limit: number): Promise<Ticket[]> {
  const rows = await ex
    .selectFrom('ticket')
    .selectAll()
    .where('serviceDay', '<', serviceDay)
    .where('status', 'in', ['waiting', 'called', 'serving', 'parked', 'no-show'])
    .limit(limit)
    .execute();
  return rows.map(rowToTicket);
}

export interface TicketListFilter {
  centreId: string;
  serviceDay: string;
  status?: TicketStatus | undefined;
  fieldId?: string | undefined;
  limit: number;
}

export async function listTickets(ex: Executor, filter: TicketListFilter): Promise<Ticket[]> {
  let query = ex
    .selectFrom('ticket')
    .selectAll()
    .where('centreId', '=', filter.centreId)
    .where('serviceDay', '=', filter.serviceDay);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.fieldId) query = query.where('fieldId', '=', filter.fieldId);
  const rows = await query.orderBy('issuedAt', 'desc').limit(filter.limit).execute();
  return rows.map(rowToTicket);
}

export async function countServedToday(ex: Executor, counterId: string, serviceDay: string): Promise<number> {
  const row = await ex
    .selectFrom('eventLog')
    .innerJoin('ticket', 'ticket.id', 'eventLog.ticketId')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('eventLog.counterId', '=', counterId)
    .where('eventLog.type', '=', 'ticket.finished')
    .where('ticket.serviceDay', '=', serviceDay)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
