/**
 * Whether a dossier (and each step of it) was handled before, on or after its appointment, by the
 * portal's 766 rule (DOMAIN-VN §1.5, §2 indicator 2.1).
 *
 * Every function evaluates the dossier *as of* an instant: what happened after it is ignored, so a
 * report for last month gives the same numbers next year. The appointment is `dueAt` (already moved
 * later by finished supplement pauses), never the apology's new date: an apology does not make a
 * dossier on time. Whether it makes it late is a local policy (`apologyCountsAsLate`, off by default):
 * the 766 formula itself only compares the end with the appointment (DOMAIN-VN §9).
 */
import { serviceDayOf } from '../shared/local-time';
import type { DeadlineCalendar } from './deadline-calendar';
import type { Dossier, DossierStep, Timeliness } from './dossier-types';

export interface TimelinessOptions {
  /** Local policy: an apology letter makes the dossier late whatever its end (default false). */
  apologyCountsAsLate?: boolean;
}

export interface TimelinessResult {
  /** Set once processing ended (finished, stopped, refused or withdrawn); null while it is still open. */
  timeliness: Timeliness | null;
  /** For an open dossier: the appointment has passed. Always false for closed or uncounted ones. */
  overdue: boolean;
}

const NOT_COUNTED: TimelinessResult = { timeliness: null, overdue: false };

/**
 * "Đã xử lý xong" first, then "Đã trả kết quả", then "Dừng xử lý" / "Từ chối", then "Công dân yêu cầu
 * rút hồ sơ" (766 §2.1, DOMAIN-VN §9): a withdrawal after receipt ends the dossier like the others.
 */
export function endOfProcessing(d: Dossier): Date | null {
  return d.finishedAt ?? d.returnedAt ?? d.stop?.at ?? d.refusal?.at ?? d.withdrawnAt ?? null;
}

/**
 * A dossier with more than one supplement request is late for the statistics whatever its end date
 * (766 rule); so is one with an apology letter, but only where the centre chose that policy.
 */
export function isLateRegardless(d: Dossier, at: Date, options: TimelinessOptions = {}): boolean {
  const requests = d.supplements.filter((s) => s.requestedAt <= at).length;
  if (requests > 1) return true;
  return options.apologyCountsAsLate === true && d.apology !== null && d.apology.issuedAt <= at;
}

/** Whether the dossier was received (clock started) as of `at`; a withdrawn one still counts. */
function isCounted(d: Dossier, at: Date): d is Dossier & { receivedAt: Date; dueAt: Date } {
  return d.receivedAt !== null && d.dueAt !== null && d.receivedAt <= at;
}

/**
 * The instant the clock stands at: a dossier waiting for the citizen's supplement is measured at the
 * request, because the time the citizen takes is not the agency's.
 */
function clockAt(d: Dossier, at: Date): Date {
  const open = d.supplements.find((s) => s.requestedAt <= at && (s.completedAt === null || s.completedAt > at));
  return open ? open.requestedAt : at;
}

function compareWithDue(end: Date, due: Date): Timeliness {
  if (serviceDayOf(end) < serviceDayOf(due)) return 'early';
  return end.getTime() <= due.getTime() ? 'on-time' : 'late';
}

/**
 * Trước hạn / Đúng hạn / Quá hạn of a dossier as of `at`. Finishing on an earlier local date than the
 * appointment is early; later the same day up to the appointment itself is on time.
 */
export function classifyTimeliness(d: Dossier, at: Date, options: TimelinessOptions = {}): TimelinessResult {
  if (!isCounted(d, at)) return NOT_COUNTED;
  const end = endOfProcessing(d);
  if (end !== null && end <= at) {
    if (isLateRegardless(d, end, options)) return { timeliness: 'late', overdue: false };
    return { timeliness: compareWithDue(clockAt(d, end), d.dueAt), overdue: false };
  }
  return { timeliness: null, overdue: clockAt(d, at) > d.dueAt };
}

/** One row of the process control sheet (Form 06): the step against its own allowance. */
export function stepTimeliness(step: DossierStep, at: Date): Timeliness | null {
  if (step.finishedAt === null || step.dueAt === null || step.finishedAt > at) return null;
  return compareWithDue(step.finishedAt, step.dueAt);
}

/** Officers are warned when less than one working day (8 office hours) is left. */
export const DUE_SOON_WORKING_MINUTES = 8 * 60;

export type DueState = 'overdue' | 'due-soon' | 'ok';

/**
 * The warning shown on an officer's list. Unlike the statistics it aims at the date the citizen was
 * last promised, so after an apology it counts down to the new date. Null when nothing is open.
 */
export function dueSoon(d: Dossier, at: Date, calendar: DeadlineCalendar): DueState | null {
  if (!isCounted(d, at)) return null;
  const end = endOfProcessing(d);
  if (end !== null && end <= at) return null;
  const appointment = d.extendedDueAt ?? d.dueAt;
  const clock = clockAt(d, at);
  if (clock > appointment) return 'overdue';
  return calendar.workingMinutesBetween(clock, appointment) <= DUE_SOON_WORKING_MINUTES ? 'due-soon' : 'ok';
}
