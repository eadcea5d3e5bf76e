/** Arithmetic on the calendar's plain "YYYY-MM-DD" dates, through Julian Day Numbers. */
import { isoDateToJdn, jdnToIsoDate } from './lunar';

export function addDays(date: string, days: number): string {
  return jdnToIsoDate(isoDateToJdn(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  // JDN 0 was a Monday, so JDN mod 7 counts from Monday = 0.
  return (isoDateToJdn(date) % 7) + 1;
}

export function isWeekend(date: string): boolean {
  return isoWeekdayOf(date) >= 6;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoDateToJdn(to) - isoDateToJdn(from);
}

/** "DD/MM/YYYY", the way Vietnamese notices write a date. */
export function formatVnDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
