/**
 * The deadline calendar: which local dates are working days and which minutes of them count.
 *
 * A date is a working day when it is Monday–Friday and no holiday, day in lieu or swapped day off
 * falls on it — or when an adjustment marks it `swap-work` (a làm-bù Saturday counts like any
 * weekday). Saturday-morning reception at some offices does not make Saturday a working day here:
 * the reception schedule is a separate thing (DOMAIN-VN §4).
 */
import { AppError } from '../shared/app-error';
import { parseTimeOfDay, serviceDayOf, startOfServiceDay } from '../shared/local-time';
import type { CalendarAdjustment, CalendarDay, OfficeHours } from './calendar-types';
import { DEFAULT_OFFICE_HOURS } from './calendar-types';
import { holidaysOfYear } from './holidays';
import { addDays, isWeekend } from './iso-date';
import { isoDateToJdn } from './lunar';

const MINUTE_MS = 60_000;
/** A guard, not a rule: no deadline in the catalogue comes near ten years of searching. */
const MAX_SEARCH_DAYS = 3700 * 2;

export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  isWorkingDay(date: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** The special-day entry of `date` (holiday, day in lieu, swap), or null for an ordinary day. */
  dayInfo(date: string): CalendarDay | null;
  /** The instant at which office hours of local `date` open (first period's start). */
  openingOf(date: string): Date;
  /** The instant at which office hours of local `date` close (last period's end). */
  closingOf(date: string): Date;
  /**
   * `start` plus `minutes` counted only inside office hours of working days. A result that lands
   * exactly on the end of a period stays there (17:00, not 08:00 the next day).
   */
  addWorkingMinutes(start: Date, minutes: number): Date;
  /** Office-hour minutes of working days between two instants; negative when `b` is before `a`. */
  workingMinutesBetween(a: Date, b: Date): number;
}

interface Period {
  from: number;
  until: number;
}

function parseOfficeHours(hours: OfficeHours): Period[] {
  const invalid = (detail: string) => new AppError('VALIDATION_FAILED', { detail: `officeHours ${detail}` });
  if (!hours.periods.length) throw invalid('[]');
  const periods = hours.periods.map(({ from, until }) => {
    const start = parseTimeOfDay(from);
    const end = parseTimeOfDay(until);
    if (start === null || end === null || end <= start) throw invalid(`"${from}–${until}" (HH:MM–HH:MM)`);
    return { from: start, until: end };
  });
  periods.sort((a, b) => a.from - b.from);
  for (let i = 1; i < periods.length; i += 1) {
    if (periods[i]!.from < periods[i - 1]!.until) throw invalid(`"${hours.periods.map((p) => `${p.from}–${p.until}`).join(', ')}" (overlap)`);
  }
  return periods;
}

export function createWorkingCalendar(options: {
  adjustments: readonly CalendarAdjustment[];
  officeHours?: OfficeHours;
}): WorkingCalendar {
  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const periods = parseOfficeHours(officeHours);
  const adjustments = [...options.adjustments];
  const years = new Map<number, Map<string, CalendarDay>>();

  function dayInfo(date: string): CalendarDay | null {
    isoDateToJdn(date);
    const year = Number(date.slice(0, 4));
    let days = years.get(year);
    if (!days) {
      days = new Map(holidaysOfYear(year, adjustments).map((day) => [day.date, day]));
      years.set(year, days);
    }
    return days.get(date) ?? null;
  }

  function isWorkingDay(date: string): boolean {
    const info = dayInfo(date);
    if (info) return info.kind === 'swap-work';
    return !isWeekend(date);
  }

  function nextWorkingDay(date: string): string {
    let day = date;
    for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
      day = addDays(day, 1);
      if (isWorkingDay(day)) return day;
    }
    throw new AppError('VALIDATION_FAILED', { detail: `nextWorkingDay(${date})` });
  }

  const at = (date: string, minuteOfDay: number) => new Date(startOfServiceDay(date).getTime() + minuteOfDay * MINUTE_MS);

  function addWorkingMinutes(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new AppError('VALIDATION_FAILED', { detail: `minutes "${minutes}" (≥ 0)` });
    }
    let remainingMs = minutes * MINUTE_MS;
    if (remainingMs === 0) return new Date(start.getTime());
    let cursor = start.getTime();
    let day = serviceDayOf(start);
    for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
      if (isWorkingDay(day)) {
        for (const period of periods) {
          const periodEnd = at(day, period.until).getTime();
          if (cursor >= periodEnd) continue;
          const from = Math.max(cursor, at(day, period.from).getTime());
          const available = periodEnd - from;
          if (remainingMs <= available) return new Date(from + remainingMs);
          remainingMs -= available;
          cursor = periodEnd;
        }
      }
      day = addDays(day, 1);
      cursor = startOfServiceDay(day).getTime();
    }
    throw new AppError('VALIDATION_FAILED', { detail: `minutes "${minutes}"` });
  }

  function workingMinutesBetween(a: Date, b: Date): number {
    if (b.getTime() < a.getTime()) return -workingMinutesBetween(b, a);
    const lastDay = serviceDayOf(b);
    let totalMs = 0;
    for (let day = serviceDayOf(a); day <= lastDay; day = addDays(day, 1)) {
      if (!isWorkingDay(day)) continue;
      for (const period of periods) {
        const from = Math.max(a.getTime(), at(day, period.from).getTime());
        const until = Math.min(b.getTime(), at(day, period.until).getTime());
        if (until > from) totalMs += until - from;
      }
    }
    return totalMs / MINUTE_MS;
  }

  return {
    officeHours,
    isWorkingDay,
    nextWorkingDay,
    dayInfo,
    openingOf: (date) => at(date, periods[0]!.from),
    closingOf: (date) => at(date, periods[periods.length - 1]!.until),
    addWorkingMinutes,
    workingMinutesBetween,
  };
}
