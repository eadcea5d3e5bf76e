/**
 * The append-only event log. Every change to a ticket or counter is one row, written in the same
 * transaction as the change, and every metric is derived from these rows.
 *
 * Readers follow the log with a cursor (tx, id): `id` comes from a sequence, so concurrent
 * transactions may commit out of id order, and a reader that only remembered the highest id would
 * skip an event committed late with a lower id. Rows are therefore read only once every transaction
 * that could still add rows before them has finished (tx < the oldest running transaction), and in
 * (tx, id) order. A row read this way can never be preceded later by a new one, so a display that
 * reconnects with its last cursor misses nothing and receives nothing twice.
 */
import { sql } from 'kysely';
import type { Executor } from './executor';
import { toJson } from './executor';

/** Notified by the event_log trigger (migration 0001). */
export const EVENTS_CHANNEL = 'motcua_events';

export interface EventDraft {
  centreId: string;
  type: string;
  at: Date;
  ticketId: string | null;
  counterId: string | null;
  officerId: string | null;
  actorKind: 'user' | 'device' | 'public' | 'system';
  actorId: string | null;
  facts: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export interface LoggedEvent {
  cursor: string;
  tx: string;
  id: number;
  centreId: string;
  type: string;
  at: Date;
  ticketId: string | null;
  counterId: string | null;
  officerId: string | null;
  facts: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export function eventRow(e: EventDraft) {
  return {
    centreId: e.centreId,
    type: e.type,
    at: e.at,
    ticketId: e.ticketId,
    counterId: e.counterId,
    officerId: e.officerId,
    actorKind: e.actorKind,
    actorId: e.actorId,
    facts: toJson(e.facts),
    payload: toJson(e.payload),
  };
}

/** Appends events; a trigger wakes every app instance's reader when the transaction commits. */
export async function appendEvents(ex: Executor, events: readonly EventDraft[]): Promise<void> {
  if (events.length === 0) return;
  await ex.insertInto('eventLog').values(events.map(eventRow)).execute();
}

export interface Cursor {
  tx: string;
  id: number;
}

export function formatCursor(c: Cursor): string {
  return `${c.tx}.${c.id}`;
}

/** Whether an event at position `a` comes at or before position `b` in the log. */
export function isAtOrBefore(a: Cursor, b: Cursor): boolean {
  const ta = BigInt(a.tx);
  const tb = BigInt(b.tx);
  return ta < tb || (ta === tb && a.id <= b.id);
}

/** Parses a cursor from a client; null when it is not one of ours. */
export function parseCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  const match = /^(\d{1,19})\.(\d{1,15})$/.exec(value);
  return match ? { tx: match[1]!, id: Number(match[2]) } : null;
}

/** The position just after every event committed so far. */
export async function currentCursor(ex: Executor): Promise<Cursor> {
  const row = await sql<{ tx: string | null; id: number | null }>`
    select e.tx::text as tx, e.id from event_log e
    where e.tx < pg_snapshot_xmin(pg_current_snapshot())
    order by e.tx desc, e.id desc limit 1`.execute(ex);
  const last = row.rows[0];
  return last?.tx ? { tx: last.tx, id: Number(last.id) } : { tx: '0', id: 0 };
}

/** Settled events after the cursor, oldest first. */
export async function readEventsAfter(
  ex: Executor,
  after: Cursor,
  limit: number,
  centreId?: string,
): Promise<LoggedEvent[]> {
  const centreFilter = centreId ? sql`and e.centre_id = ${centreId}` : sql``;
  const result = await sql<{
    tx: string;
    id: number;
    centreId: string;
    type: string;
    at: Date;
    ticketId: string | null;
    counterId: string | null;
    officerId: string | null;
    facts: Record<string, unknown>;
    payload: Record<string, unknown>;
  }>`
    select e.tx::text as tx, e.id, e.centre_id, e.type, e.at, e.ticket_id, e.counter_id, e.officer_id, e.facts, e.payload
    from event_log e
    where (e.tx, e.id) > (${after.tx}::xid8, ${after.id}::bigint)
      and e.tx < pg_snapshot_xmin(pg_current_snapshot())
      ${centreFilter}
    -- By the column, not the text alias: as text, transaction 10000 would sort before 9999.
    order by e.tx, e.id
    limit ${limit}`.execute(ex);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), cursor: formatCursor({ tx: r.tx, id: Number(r.id) }) }));
}

/** Events of given types at a centre in a time range, for metrics. */
export async function listEvents(
  ex: Executor,
  filter: { centreId: string; from: Date; to: Date; types?: readonly string[]; counterId?: string },
): Promise<LoggedEvent[]> {
  let query = ex
    .selectFrom('eventLog')
    .select([
      sql<string>`tx::text`.as('tx'),
      'id',
      'centreId',
      'type',
      'at',
      'ticketId',
      'counterId',
      'officerId',
      'facts',
      'payload',
    ])
    .where('centreId', '=', filter.centreId)
    .where('at', '>=', filter.from)
    .where('at', '<', filter.to);
  if (filter.types) query = query.where('type', 'in', filter.types);
  if (filter.counterId) query = query.where('counterId', '=', filter.counterId);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    facts: r.facts as Record<string, unknown>,
    payload: r.payload as Record<string, unknown>,
    cursor: formatCursor({ tx: r.tx, id: Number(r.id) }),
  }));
}

/** The last events of given types at a counter (newest first), e.g. its recent calls. */
export async function lastCounterEvents(
  ex: Executor,
  counterId: string,
  types: readonly string[],
  since: Date,
  limit: number,
): Promise<{ type: string; at: Date; ticketId: string | null; officerId: string | null; facts: Record<string, unknown> }[]> {
  const rows = await ex
    .selectFrom('eventLog')
    .select(['type', 'at', 'ticketId', 'officerId', 'facts'])
    .where('counterId', '=', counterId)
    .where('type', 'in', types)
    .where('at', '>=', since)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, facts: r.facts as Record<string, unknown> }));
}
