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
    version: row.version,
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

/** Who must still be at which counter for a save to count (checked in the same statement). */
export interface CounterGuard {
  counterId: string;
  officerId: string;
  mustBeOpen: boolean;
}

export type SaveOutcome = 'saved' | 'stale' | 'counter-busy';

/** A ticket's next state, computed from the version it was read at, with the events that record it. */
export interface TicketChange {
  next: Ticket;
  events: readonly EventDraft[];
}

/** The ticket columns a change may write; identity, number and priority never change. */
const MUTABLE = [
  ['status', 'status'],
  ['field_id', 'fieldId'],
  ['queue_since', 'queueSince'],
  ['counter_id', 'counterId'],
  ['officer_id', 'officerId'],
  ['target_counter_id', 'targetCounterId'],
  ['call_count', 'callCount'],
  ['called_at', 'calledAt'],
  ['started_at', 'startedAt'],
  ['no_show_at', 'noShowAt'],
  ['finished_at', 'finishedAt'],
  ['serve_count', 'serveCount'],
] as const;

const EVENT_COLUMNS = 'centre_id, type, at, ticket_id, counter_id, officer_id, actor_kind, actor_id, facts, payload';

/**
 * Writes the first of several alternative changes whose ticket is still at the version it was read
 * at and not being changed by another statement right now — with its events, in one statement.
 * "Call next" passes the policy's whole ranking, so counters pressing at once each get the next
 * free ticket without a round trip per collision; other actions pass one change. With a guard, the
 * officer must still sit at the counter. Returns the index of the change written, 'stale' when none
 * could be, or 'counter-busy' when the counter already calls or serves someone (a unique index).
 */
export async function saveFirstAvailable(
  ex: Executor,
  changes: readonly TicketChange[],
  guard: CounterGuard | null = null,
): Promise<{ outcome: SaveOutcome; index: number }> {
  if (changes.length === 0) return { outcome: 'stale', index: -1 };
  const alternatives = changes.map((c, pos) => ({
    pos,
    id: c.next.id,
    version: c.next.version,
    state: Object.fromEntries(MUTABLE.map(([column, key]) => [column, c.next[key]])),
    events: c.events.map((e) => {
      const row = eventRow(e);
      return {
        centre_id: row.centreId,
        type: row.type,
        at: row.at,
        ticket_id: row.ticketId,
        counter_id: row.counterId,
        officer_id: row.officerId,
        actor_kind: row.actorKind,
        actor_id: row.actorId,
        facts: e.facts,
        payload: e.payload,
      };
    }),
  }));
  const guardClause = guard
    ? sql`and exists (select 1 from counter c where c.id = ${guard.counterId} and c.officer_id = ${guard.officerId}
                      and c.state in ('open' ${guard.mustBeOpen ? sql`` : sql`, 'paused'`}))`
    : sql``;
  const set = sql.join(
    MUTABLE.map(([column]) => sql`${sql.ref(column)} = s.${sql.ref(column)}`),
    sql`, `,
  );
  try {
    const result = await sql<{ ticketId: string }>`
      with alternative as (
        select a.pos, a.id, a.version, a.state, a.events
        from jsonb_to_recordset(${JSON.stringify(alternatives)}::jsonb)
          as a(pos int, id uuid, version int, state jsonb, events jsonb)
      ), chosen as (
        select a.pos, a.id, a.state, a.events
        from alternative a join ticket t on t.id = a.id and t.version = a.version
        where true ${guardClause}
        order by a.pos
        limit 1
        for update of t skip locked
      ), taken as (
        update ticket set ${set}, version = ticket.version + 1
        from chosen, jsonb_populate_record(null::ticket, chosen.state) s
        where ticket.id = chosen.id
        returning ticket.id
      )
      insert into event_log (${sql.raw(EVENT_COLUMNS)})
      select ${sql.raw(EVENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', '))}
      from chosen join taken on taken.id = chosen.id
      cross join lateral jsonb_populate_recordset(null::event_log, chosen.events) e
      returning ticket_id`.execute(ex);
    const taken = result.rows[0]?.ticketId;
    if (!taken) return { outcome: 'stale', index: -1 };
    return { outcome: 'saved', index: changes.findIndex((c) => c.next.id === taken) };
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'ticket_one_active_per_counter') {
      return { outcome: 'counter-busy', index: -1 };
    }
    throw error;
  }
}

/** Writes one ticket change with its events if the ticket is still at the version it was read at. */
export async function saveTicketWithEvents(
  ex: Executor,
  next: Ticket,
  events: readonly EventDraft[],
  guard: CounterGuard | null = null,
): Promise<SaveOutcome> {
  return (await saveFirstAvailable(ex, [{ next, events }], guard)).outcome;
}

export async function findTicket(ex: Executor, id: string): Promise<Ticket | undefined> {
  const row = await ex.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
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
  input: { centreId: string; serviceDay: string; counterId: string; recentSince: Date; recentCalls: number },
  perFieldAndClass = 5,
): Promise<{ candidates: Ticket[]; recentCallsWerePriority: boolean[] }> {
  const { centreId, serviceDay, counterId } = input;
  // Per field the counter serves, the longest-waiting normal tickets come straight off the
  // waiting index; priority tickets are few, so ranking them by waited time plus weight costs
  // little. Each row also carries the counter's recent calls (for the fairness quota), so one
  // round trip brings everything the policy needs.
  const result = await sql<TicketRow & { recentCalls: boolean[] }>`
    with recent as (
      select coalesce(json_agg(r.priority order by r.id desc), '[]'::json) as calls from (
        select e.id, coalesce((e.facts->>'priority')::boolean, false) as priority
        from event_log e
        where e.counter_id = ${counterId} and e.type = 'ticket.called' and e.at >= ${input.recentSince}
        order by e.id desc limit ${input.recentCalls}) r
    ), candidates as (
      select t.* from counter_field cf
      cross join lateral (
        (select * from ticket
          where centre_id = ${centreId} and service_day = ${serviceDay} and status = 'waiting'
            and field_id = cf.field_id and target_counter_id is null and priority_weight = 0
          order by queue_since, seq limit ${perFieldAndClass})
        union all
        (select * from ticket
          where centre_id = ${centreId} and service_day = ${serviceDay} and status = 'waiting'
            and field_id = cf.field_id and target_counter_id is null and priority_weight > 0
          order by queue_since - make_interval(mins => priority_weight), seq limit ${perFieldAndClass})
      ) t
      where cf.counter_id = ${counterId}
      union all
      select * from ticket
      where centre_id = ${centreId} and service_day = ${serviceDay} and status = 'waiting'
        and target_counter_id = ${counterId}
    )
    select candidates.*, recent.calls as recent_calls from candidates cross join recent`.execute(ex);
  return {
    candidates: result.rows.map(({ recentCalls: _r, ...row }) => rowToTicket(row as TicketRow)),
    recentCallsWerePriority: result.rows[0]?.recentCalls ?? [],
  };
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
