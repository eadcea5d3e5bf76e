/** Centres, fields, counters, priority groups and settings: the data that describes a hall. */
import { sql } from 'kysely';
import type { FieldRow } from '../schema';
import type { Executor } from './executor';
import { toJson } from './executor';

export interface CounterWithFields {
  id: string;
  centreId: string;
  number: number;
  name: string;
  active: boolean;
  state: 'closed' | 'open' | 'paused';
  pauseReason: string | null;
  officerId: string | null;
  officerName: string | null;
  stateSince: Date;
  fields: { fieldId: string; weight: number }[];
}

export async function findCentre(ex: Executor, id: string) {
  return ex.selectFrom('centre').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFirstCentre(ex: Executor) {
  return ex.selectFrom('centre').selectAll().orderBy('createdAt').limit(1).executeTakeFirst();
}

export async function listFields(ex: Executor, centreId: string): Promise<FieldRow[]> {
  return ex
    .selectFrom('field')
    .selectAll()
    .where('centreId', '=', centreId)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}

export async function listCounters(ex: Executor, centreId: string, ids?: readonly string[]): Promise<CounterWithFields[]> {
  if (ids && ids.length === 0) return [];
  let query = ex
    .selectFrom('counter')
    .leftJoin('appUser', 'appUser.id', 'counter.officerId')
    .select([
      'counter.id',
      'counter.centreId',
      'counter.number',
      'counter.name',
      'counter.active',
      'counter.state',
      'counter.pauseReason',
      'counter.officerId',
      'counter.stateSince',
      'appUser.fullName as officerName',
      sql<{ fieldId: string; weight: number }[]>`coalesce((
        select json_agg(json_build_object('fieldId', cf.field_id, 'weight', cf.weight) order by cf.weight desc, cf.field_id)
        from counter_field cf where cf.counter_id = counter.id), '[]'::json)`.as('fields'),
    ])
    .where('counter.centreId', '=', centreId);
  if (ids) query = query.where('counter.id', 'in', ids);
  return query.orderBy('counter.number').execute();
}

export async function findCounter(ex: Executor, centreId: string, id: string): Promise<CounterWithFields | undefined> {
  const [counter] = await listCounters(ex, centreId, [id]);
  return counter;
}

export interface CounterForCall {
  id: string;
  centreId: string;
  number: number;
  active: boolean;
  state: 'closed' | 'open' | 'paused';
  officerId: string | null;
  fields: { fieldId: string; weight: number }[];
  /** The number the counter is calling or serving now, if any. */
  busyWith: string | null;
  /** Whether each of its calls since `since` was a priority ticket, newest first. */
  recentCallsWerePriority: boolean[];
}

/**
 * Everything "call next" needs about a counter, in one statement: its state and officer, the fields
 * it serves, the number it holds (if any) and whether its recent calls were priority tickets.
 */
export async function readCounterForCall(
  ex: Executor,
  centreId: string,
  id: string,
  since: Date,
  recentCalls: number,
): Promise<CounterForCall | undefined> {
  const result = await sql<CounterForCall>`
    select c.id, c.centre_id, c.number, c.active, c.state, c.officer_id,
      coalesce((select json_agg(json_build_object('fieldId', cf.field_id, 'weight', cf.weight))
                from counter_field cf where cf.counter_id = c.id), '[]'::json) as fields,
      (select t.display_number from ticket t
        where t.counter_id = c.id and t.status in ('called', 'serving') limit 1) as busy_with,
      coalesce((select json_agg(r.priority order by r.id desc) from (
                  select e.id, coalesce((e.facts->>'priority')::boolean, false) as priority
                  from event_log e
                  where e.counter_id = c.id and e.type = 'ticket.called' and e.at >= ${since}
                  order by e.id desc limit ${recentCalls}) r), '[]'::json) as recent_calls_were_priority
    from counter c
    where c.id = ${id} and c.centre_id = ${centreId}`.execute(ex);
  return result.rows[0];
}

/** Locks a counter row so that two presses of "call next" at one counter run one after the other. */
export async function lockCounter(ex: Executor, id: string): Promise<void> {
  await ex.selectFrom('counter').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updateCounterState(
  ex: Executor,
  id: string,
  change: { state: 'closed' | 'open' | 'paused'; pauseReason: string | null; officerId: string | null; at: Date },
): Promise<void> {
  await ex
    .updateTable('counter')
    .set({ state: change.state, pauseReason: change.pauseReason, officerId: change.officerId, stateSince: change.at })
    .where('id', '=', id)
    .execute();
}

export async function findCounterOfOfficer(ex: Executor, officerId: string) {
  return ex.selectFrom('counter').selectAll().where('officerId', '=', officerId).executeTakeFirst();
}

export async function listPriorityGroups(ex: Executor, centreId: string) {
  return ex.selectFrom('priorityGroup').selectAll().where('centreId', '=', centreId).orderBy('weight', 'desc').execute();
}

export async function readSettings(ex: Executor, centreId: string): Promise<Record<string, unknown>> {
  const rows = await ex.selectFrom('setting').select(['key', 'value']).where('centreId', '=', centreId).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writeSettings(ex: Executor, centreId: string, values: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return;
  await ex
    .insertInto('setting')
    .values(entries.map(([key, value]) => ({ centreId, key, value: toJson(value) })))
    .onConflict((oc) => oc.columns(['centreId', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}

/** Rolling average service time per field from the last finished services. */
export async function averageServiceSeconds(
  ex: Executor,
  centreId: string,
  since: Date,
  perField: number,
): Promise<Record<string, number>> {
  const result = await sql<{ fieldId: string; avg: number }>`
    select field_id, avg(seconds)::float8 as avg from (
      select facts->>'fieldId' as field_id, (facts->>'serviceSeconds')::int as seconds,
             row_number() over (partition by facts->>'fieldId' order by id desc) as n
      from event_log
      where centre_id = ${centreId} and type = 'ticket.finished' and at >= ${since}
    ) recent
    where n <= ${perField}
    group by field_id`.execute(ex);
  return Object.fromEntries(result.rows.map((r) => [r.fieldId, Math.round(Number(r.avg))]));
}
