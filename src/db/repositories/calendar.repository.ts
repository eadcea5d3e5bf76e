/** The admin's edits to the rule-computed working calendar. */
import type { CalendarAdjustment } from '../../core/calendar/calendar-types';
import type { Executor } from './executor';

export async function listCalendarAdjustments(ex: Executor): Promise<CalendarAdjustment[]> {
  const rows = await ex.selectFrom('calendarAdjustment').select(['day', 'kind', 'name']).orderBy('day').execute();
  return rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name }));
}

export async function upsertCalendarAdjustment(ex: Executor, adjustment: CalendarAdjustment, at: Date): Promise<void> {
  await ex
    .insertInto('calendarAdjustment')
    .values({ day: adjustment.date, kind: adjustment.kind, name: adjustment.name, updatedAt: at })
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind: adjustment.kind, name: adjustment.name, updatedAt: at }))
    .execute();
}

export async function deleteCalendarAdjustment(ex: Executor, day: string): Promise<boolean> {
  const result = await ex.deleteFrom('calendarAdjustment').where('day', '=', day).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
