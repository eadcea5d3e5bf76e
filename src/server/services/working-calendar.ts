/**
 * The working calendar as the app uses it: the rule-computed national calendar (core/calendar) with
 * the admin's edits from the database. The API, the CLI and every dossier deadline go through
 * `computeDue` in core/calendar/due-date.ts — there is one implementation.
 */
import type { CalendarAdjustment, CalendarDay } from '../../contracts/dossier';
import { computeDue, formatVnIso, parseReceived } from '../../core/calendar/due-date';
import { holidaysOfYear } from '../../core/calendar/holidays';
import { isoDateToJdn } from '../../core/calendar/lunar';
import { createWorkingCalendar } from '../../core/calendar/working-calendar';
import { deadlineCalendarFrom, type DeadlineCalendar } from '../../core/dossier/deadline-calendar';
import { AppError } from '../../core/shared/app-error';
import {
  deleteCalendarAdjustment,
  listCalendarAdjustments,
  upsertCalendarAdjustment,
} from '../../db/repositories/calendar.repository';
import type { Executor } from '../../db/repositories/executor';
import { DURATION_UNITS, type DurationUnit } from '../../core/calendar/calendar-types';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { assertManager } from './manage-reference';

export interface AppCalendar {
  working: ReturnType<typeof createWorkingCalendar>;
  deadlines: DeadlineCalendar;
}

/**
 * Every ticket and dossier reads the calendar, and it changes a few times a year: each database
 * handle keeps it for a minute, and an edit on this instance drops it at once.
 */
const CALENDAR_LIFETIME_MS = 60_000;
const cached = new WeakMap<object, { at: number; calendar: Promise<AppCalendar> }>();

export async function loadCalendar(ex: Executor): Promise<AppCalendar> {
  const hit = cached.get(ex);
  if (hit && Date.now() - hit.at < CALENDAR_LIFETIME_MS) return hit.calendar;
  const calendar = listCalendarAdjustments(ex).then((adjustments) => {
    const working = createWorkingCalendar({ adjustments });
    return { working, deadlines: deadlineCalendarFrom(working, computeDue) };
  });
  cached.set(ex, { at: Date.now(), calendar });
  calendar.catch(() => cached.delete(ex));
  return calendar;
}

function forgetCalendar(ex: Executor): void {
  cached.delete(ex);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new AppError('VALIDATION_FAILED', { detail: `năm ${year} nằm ngoài khoảng 1900–2100` });
  }
}

export async function holidaysForYear(ctx: ServiceContext, year: number): Promise<CalendarDay[]> {
  checkYear(year);
  return holidaysOfYear(year, await listCalendarAdjustments(ctx.db));
}

export async function yearCalendar(ctx: ServiceContext, year: number): Promise<{ year: number; days: CalendarDay[]; adjustments: CalendarAdjustment[] }> {
  checkYear(year);
  const adjustments = await listCalendarAdjustments(ctx.db);
  return {
    year,
    days: holidaysOfYear(year, adjustments),
    adjustments: adjustments.filter((a) => a.date.startsWith(`${year}-`)),
  };
}

function checkCalendarDate(date: string): void {
  isoDateToJdn(date, 'date');
  checkYear(Number(date.slice(0, 4)));
}

export async function setCalendarAdjustment(ctx: ServiceContext, actor: Actor, adjustment: CalendarAdjustment) {
  assertManager(actor);
  checkCalendarDate(adjustment.date);
  await inTransaction(ctx, (tx) => upsertCalendarAdjustment(tx, adjustment, ctx.clock()));
  forgetCalendar(ctx.db);
  return yearCalendar(ctx, Number(adjustment.date.slice(0, 4)));
}

export async function removeCalendarAdjustment(ctx: ServiceContext, actor: Actor, date: string) {
  assertManager(actor);
  checkCalendarDate(date);
  const removed = await inTransaction(ctx, (tx) => deleteCalendarAdjustment(tx, date));
  forgetCalendar(ctx.db);
  if (!removed) throw new AppError('NOT_FOUND', { entity: 'calendar-adjustment' });
  return yearCalendar(ctx, Number(date.slice(0, 4)));
}

/** The due moment for the API, with the same validation as the CLI. */
export async function dueMoment(
  ctx: ServiceContext,
  query: { received: string; amount: number; unit: string; cutoff?: string | undefined },
): Promise<string> {
  if (!(DURATION_UNITS as readonly string[]).includes(query.unit)) throw new AppError('UNKNOWN_UNIT', { value: query.unit });
  const received = parseReceived(query.received, 'received');
  const { working } = await loadCalendar(ctx.db);
  const due = computeDue(received, { amount: query.amount, unit: query.unit as DurationUnit, cutoff: query.cutoff ?? null }, working, ctx.clock());
  return formatVnIso(due);
}
