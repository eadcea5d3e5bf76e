/**
 * The one implementation of processing deadlines (hạn giải quyết), used by the app, the API and the
 * CLI alike. DOMAIN-VN §1.4.
 *
 * Rules:
 *  1. A receipt time more than 60 s after `now` is refused (DATE_IN_FUTURE); the minute of slack
 *     absorbs clock skew between a counter PC and the server.
 *  2. Effective receipt. A dossier received on a non-working day, or at/after the cut-off time
 *     ("HH:MM", local) of a working day, counts as received when office hours open on the next working
 *     day. `same-day` procedures have a 15:00 cut-off unless they state their own (the 15:00 rule of
 *     hộ tịch and chứng thực); other units have none unless the procedure states one.
 *  3. `working-days` n — Civil Code 2015 arts. 147–148 [M]: a period in days starts the day after the
 *     triggering event, so the deadline is the end of office hours on the n-th working day after the
 *     effective receipt date. n = 0 means the end of the effective receipt day.
 *  4. `days` n (calendar days): receipt date + n days; when that is not a working day, the next working
 *     day (art. 148: a period ending on a day off ends on the next working day); at the end of office
 *     hours. Ending at 17:00 rather than 24:00 is deliberate: the result must be collectable at a
 *     counter [M].
 *  5. `hours` n: n × 60 office-hour minutes of working days counted from the effective receipt moment
 *     (from opening time when received before the office opens).
 *  6. `same-day`: the end of office hours of the effective receipt day. A dossier accepted after
 *     closing time (possible only with a cut-off later than closing) rolls to the next working day, as
 *     a deadline cannot come before the receipt. The amount is ignored; 0 or 1 are accepted.
 */
import { AppError } from '../shared/app-error';
import { VN_OFFSET_MINUTES, localMinuteOfDay, parseTimeOfDay, serviceDayOf } from '../shared/local-time';
import type { DurationUnit, ProcessingTime } from './calendar-types';
import { DURATION_UNITS } from './calendar-types';
import { addDays } from './iso-date';
import { isoDateToJdn } from './lunar';
import type { WorkingCalendar } from './working-calendar';

/** Receipt times this far ahead of the clock are still taken as "now". */
export const CLOCK_SKEW_MS = 60_000;
/**
 * Ten years: no procedure is that long, a larger number is a typing mistake. Error details are kept
 * free of words, as the same detail is shown in the Vietnamese and the English message.
 */
export const MAX_AMOUNT = 3650;
/** The 15:00 rule for procedures resolved within the day. */
export const SAME_DAY_CUTOFF = '15:00';

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

export function computeDue(received: Date, time: ProcessingTime, calendar: WorkingCalendar, now: Date): Date {
  if (Number.isNaN(received.getTime())) {
    throw new AppError('INVALID_DATE', { field: 'received', value: String(received), rule: RECEIVED_RULE });
  }
  if (received.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('DATE_IN_FUTURE', { field: 'received', value: formatVnIso(received) });
  }
  const unit = time.unit as string;
  if (!(DURATION_UNITS as readonly string[]).includes(unit)) {
    throw new AppError('UNKNOWN_UNIT', { value: unit });
  }
  const amount = checkAmount(time.amount, unit as DurationUnit);
  const cutoffText = time.cutoff ?? (unit === 'same-day' ? SAME_DAY_CUTOFF : null);
  let cutoff: number | null = null;
  if (cutoffText !== null) {
    cutoff = parseTimeOfDay(cutoffText);
    if (cutoff === null) {
      throw new AppError('VALIDATION_FAILED', { detail: `cutoff "${cutoffText}" (HH:MM)` });
    }
  }

  let day = serviceDayOf(received);
  let moment = received;
  const late = cutoff !== null && localMinuteOfDay(received) >= cutoff;
  if (!calendar.isWorkingDay(day) || late) {
    day = calendar.nextWorkingDay(day);
    moment = calendar.openingOf(day);
  }

  switch (unit as DurationUnit) {
    case 'working-days': {
      for (let i = 0; i < amount; i += 1) day = calendar.nextWorkingDay(day);
      return calendar.closingOf(day);
    }
    case 'days': {
      let last = addDays(day, amount);
      if (!calendar.isWorkingDay(last)) last = calendar.nextWorkingDay(last);
      return calendar.closingOf(last);
    }
    case 'hours': {
      const opening = calendar.openingOf(day);
      const start = moment.getTime() < opening.getTime() ? opening : moment;
      return calendar.addWorkingMinutes(start, amount * 60);
    }
    case 'same-day': {
      if (moment.getTime() >= calendar.closingOf(day).getTime()) day = calendar.nextWorkingDay(day);
      return calendar.closingOf(day);
    }
  }
}

function checkAmount(amount: number, unit: DurationUnit): number {
  if (unit === 'same-day') {
    if (amount !== 0 && amount !== 1) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `amount "${amount}" (same-day: 0 | 1)`,
      });
    }
    return amount;
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `amount "${amount}" (0–${MAX_AMOUNT})`,
    });
  }
  return amount;
}

/** An instant in Vietnamese local time, e.g. "2026-02-23T17:00:00+07:00" (seconds precision). */
export function formatVnIso(instant: Date): string {
  return `${new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

const RECEIVED_RULE = 'ISO-8601 + offset: 2026-02-13T15:01:00+07:00';
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses a receipt time. Only ISO-8601 with an explicit offset or Z is accepted: a bare local time
 * would silently mean different instants on a server in UTC and a PC in Hà Nội. Impossible
 * components (2026-02-30, 24:00, 10:61) are refused rather than rolled over, as `Date` would.
 */
export function parseReceived(text: string, field: string): Date {
  const fail = () => new AppError('INVALID_DATE', { field, value: text, rule: RECEIVED_RULE });
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) throw fail();
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone, sign, oh, om] = match;
  const year = Number(y);
  if (year < 1900 || year > 2100) throw fail();
  let dayNumber: number;
  try {
    dayNumber = isoDateToJdn(`${y}-${mo}-${d}`, field);
  } catch {
    throw fail();
  }
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (hour > 23 || minute > 59 || second > 59) throw fail();
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const [offsetHours, offsetMins] = [Number(oh), Number(om)];
    if (offsetHours > 14 || offsetMins > 59) throw fail();
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  // Unix epoch is JDN 2440588; building the instant from the day number avoids Date.UTC's 0–99 quirk.
  const utcMs =
    (dayNumber - 2440588) * 86_400_000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return new Date(utcMs);
}
