import { sql } from 'kysely';
import type { Candidate } from '../../core/queue/next-ticket.policy';
import type { Ticket, TicketStatus } from '../../core/queue/ticket';
import type { TicketRow } from '../schema';
import { eventRow, type EventDraft } from './event.repository';
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

/**
 * Draws the next number of a field's daily series (atomic under any concurrency: the row lock of
 * the upsert orders concurrent kiosks) and, in the same statement, counts the waiting tickets
 * per field that a new ticket would queue behind (`ahead`: all of them, or only priority ones).
 */
export async function allocateSequence(
  ex: Executor,
  input: { fieldId: string; serviceDay: string; centreId: string; competingFieldIds: readonly string[]; priorityOnly: boolean },
): Promise<{ seq: number; aheadByField: Record<string, number> }> {
  const result = await sql<{ seq: number; ahead: Record<string, number> | null }>`
    with drawn as (
      insert into number_sequence (field_id, service_day, last_seq) values (${input.fieldId}, ${input.serviceDay}, 1)
      on conflict (field_id, service_day) do update set last_seq = number_sequence.last_seq + 1
      returning last_seq
    )
    select (select last_seq from drawn) as seq,
      (select json_object_agg(field_id, n) from (
         select field_id, count(*)::int as n from ticket
         where centre_id = ${input.centreId} and service_day = ${input.serviceDay} and status = 'waiting'
           and field_id = any(${[...input.competingFieldIds]}::uuid[])
           and (${!input.priorityOnly} or priority_weight > 0)
         group by field_id) counts) as ahead`.execute(ex);
  const row = result.rows[0]!;
  return { seq: Number(row.seq), aheadByField: row.ahead ?? {} };
}

/** Inserts a new ticket and its events in one statement. */
export async function insertTicketWithEvents(
  ex: Executor,
  ticket: Ticket,
  extra: { predictedWaitSeconds: number | null; kioskId: string | null },
  events: readonly EventDraft[],
): Promise<void> {
  await ex
    .with('inserted', (db) => db.insertInto('ticket').values({ ...ticket, ...extra }))
    .insertInto('eventLog')
    .values(events.map(eventRow))
    .execute();
}

/** Writes a ticket's new state and its events in one statement. */
export async function saveTicketWithEvents(ex: Executor, ticket: Ticket, events: readonly EventDraft[]): Promise<void> {
  const { id, ...rest } = ticket;
  await ex
    .with('saved', (db) => db.updateTable('ticket').set(rest).where('id', '=', id))
    .insertInto('eventLog')
    .values(events.map(eventRow))
    .execute();
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
): Promise<Ticket[]> {
  // Per field, the longest-waiting normal tickets come straight off the waiting index; priority
  // tickets are few, so ranking them by waited time plus weight costs little.
  const result = await sql<TicketRow>`
    select t.* from unnest(${[...fieldIds]}::uuid[]) as f(id)
    cross join lateral (
      (select * from ticket
        where centre_id = ${centreId} and service_day = ${serviceDay} and status = 'waiting'
          and field_id = f.id and target_counter_id is null and priority_weight = 0
        order by queue_since, seq limit ${perFieldAndClass})
      union all
      (select * from ticket
        where centre_id = ${centreId} and service_day = ${serviceDay} and status = 'waiting'
          and field_id = f.id and target_counter_id is null and priority_weight > 0
        order by queue_since - make_interval(mins => priority_weight), seq limit ${perFieldAndClass})
    ) t
    union all
    select * from ticket
    where centre_id = ${centreId} and service_day = ${serviceDay} and status = 'waiting'
      and target_counter_id = ${counterId}`.execute(ex);
  return result.rows.map(rowToTicket);
}

/**
 * Writes the called state of a ticket read a moment ago, with its events, but only if it is
 * still waiting and no other transaction holds it (a counter calling it right now): returns false
 * then, and the caller tries its next candidate instead of queueing behind the other counter.
 */
export async function takeWaitingTicket(ex: Executor, next: Ticket, events: readonly EventDraft[]): Promise<boolean> {
  const { id, ...rest } = next;
  const [event] = events;
  if (!event || events.length !== 1) throw new Error('a call records exactly one event');
  const row = eventRow(event);
  const result = await ex
    .with('taken', (db) =>
      db
        .updateTable('ticket')
        .set(rest)
        .where('id', '=', (eb) =>
          eb.selectFrom('ticket').select('id').where('id', '=', id).where('status', '=', 'waiting').forUpdate().skipLocked(),
        )
        .returning('id'),
    )
    .insertInto('eventLog')
    .columns(['centreId', 'type', 'at', 'ticketId', 'counterId', 'officerId', 'actorKind', 'actorId', 'facts', 'payload'])
    .expression((eb) =>
      eb
        .selectFrom('taken')
        .select([
          eb.val(row.centreId).as('centreId'),
          eb.val(row.type).as('type'),
          eb.val(row.at).as('at'),
          eb.val(row.ticketId).as('ticketId'),
          eb.val(row.counterId).as('counterId'),
          eb.val(row.officerId).as('officerId'),
          eb.val(row.actorKind).as('actorKind'),
          eb.val(row.actorId).as('actorId'),
          sql`${row.facts}::jsonb`.as('facts'),
          sql`${row.payload}::jsonb`.as('payload'),
        ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
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
