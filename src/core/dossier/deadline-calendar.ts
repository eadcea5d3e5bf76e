/**
 * What the dossier rules need from the working calendar. The dossier code depends on this interface
 * rather than on the calendar module so the rules can be read (and tested) without knowing how
 * holidays, lunar dates or office hours are worked out.
 */
import type { ProcessingTime } from '../calendar/calendar-types';

export interface DeadlineCalendar {
  /** Whether a local date ("YYYY-MM-DD") is a working day. */
  isWorkingDay(date: string): boolean;
  /** The instant `minutes` of office time after `start`. */
  addWorkingMinutes(start: Date, minutes: number): Date;
  /** Office minutes from `a` to `b` (0 when `b` is not after `a`). */
  workingMinutesBetween(a: Date, b: Date): number;
  /** The appointment for a dossier received at `received` (the one deadline rule, §1.4). */
  computeDue(received: Date, time: ProcessingTime, now: Date): Date;
}

/** The part of the working calendar the adapter forwards to; the calendar module provides more. */
export interface WorkingCalendarLike {
  isWorkingDay(date: string): boolean;
  addWorkingMinutes(start: Date, minutes: number): Date;
  workingMinutesBetween(a: Date, b: Date): number;
}

/**
 * Joins the working calendar and the due-date function into one `DeadlineCalendar`, so callers
 * build it once per request and the dossier rules never see the calendar's own API.
 */
export function deadlineCalendarFrom<C extends WorkingCalendarLike>(
  workingCalendar: C,
  computeDue: (received: Date, time: ProcessingTime, calendar: C, now: Date) => Date,
): DeadlineCalendar {
  return {
    isWorkingDay: (date) => workingCalendar.isWorkingDay(date),
    addWorkingMinutes: (start, minutes) => workingCalendar.addWorkingMinutes(start, minutes),
    workingMinutesBetween: (a, b) => workingCalendar.workingMinutesBetween(a, b),
    computeDue: (received, time, now) => computeDue(received, time, workingCalendar, now),
  };
}
