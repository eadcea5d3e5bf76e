/**
 * Shapes of the working calendar. Dates of the calendar are plain local "YYYY-MM-DD" strings
 * (Asia/Ho_Chi_Minh); instants are `Date`s.
 */

/** What makes a date special: a legal holiday, a day off in lieu of a holiday on a weekend, or a
 * government day swap (a weekday given off, a Saturday worked in exchange). */
export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory', 'swap-off', 'swap-work'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  name: string;
  kind: CalendarDayKind;
}

/**
 * An admin's change to one year's rule-computed calendar: an announced swap or extra day off
 * (`swap-off`), a worked Saturday (`swap-work`), or `removed` to cancel a rule-computed day that the
 * year's announcement moved elsewhere.
 */
export interface CalendarAdjustment {
  date: string;
  name: string;
  kind: 'swap-off' | 'swap-work' | 'holiday' | 'compensatory' | 'removed';
}

/** Units a procedure's processing time is stated in (DOMAIN-VN §1.4). */
export const DURATION_UNITS = ['working-days', 'days', 'hours', 'same-day'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface ProcessingTime {
  amount: number;
  unit: DurationUnit;
  /** "HH:MM": a dossier received after it counts as received the next working day. */
  cutoff?: string | null;
}

/** Office hours that count for hour-based deadlines, e.g. 08:00–12:00 and 13:00–17:00. */
export interface OfficeHours {
  periods: { from: string; until: string }[];
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  periods: [
    { from: '08:00', until: '12:00' },
    { from: '13:00', until: '17:00' },
  ],
};
