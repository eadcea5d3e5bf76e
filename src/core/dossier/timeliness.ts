/**
 * Whether a dossier (and each step of it) was handled before, on or after its appointment, by the
 * portal's 766 rule (DOMAIN-VN §1.5, §2 indicator 2.1).
 *
 * Every function evaluates the dossier *as of* an instant: what happened after it is ignored, so a
 * report for last month gives the same numbers next year. The appointment is `dueAt` (already moved
 * later by finished supplement pauses), never the apology's new date: an apology does not make a
 * dossier on time.
 */
import { serviceDayOf } from '../shared/local-time';
import type { DeadlineCalendar } from './deadline-calendar';
import type { Dossier, DossierStep, Timeliness } from './dossier-types';

export interface TimelinessResult {
  /** Set once processing ended (finished, stopped or refused); null while it is still open. */
  timeliness: Timeliness | null;
  /** For an open dossier: the appointment has passed. Always false for closed or uncounted ones. */
  overdue: boolean;
}

const NOT_COUNTED: TimelinessResult = { timeliness: null, overdue: false };

/** "Đã xử lý xong" first, then "Đã trả kết quả", then "Dừng xử lý" / "Từ chối" (766 §2.1). */
export function endOfProcessing(d: Dossier): Date | null {
  return d.finishedAt ?? d.returnedAt ?? d.stop?.at ?? d.refusal?.at ?? null;
}

/**
 * A dossier with more than one supplement request or an apology letter is late for the statistics
 * whatever its end date (766 rule; apology: [M]).
 */
export function isLateRegardless(d: Dossier, at: Date): boolean {
  const requests = d.supplements.filter((s) => s.requestedAt <= at).length;
  return requests > 1 || (d.apology !== null && d.apology.issuedAt <= at);
}

/** Whether the dossier was received (clock started) and not withdrawn as of `at`. */
function isCounted(d: Dossier, at: Date): d is Dossier & { receivedAt: Date; dueAt: Date } {
  if (d.receivedAt === null || d.dueAt === null || d.receivedAt > at) return false;
  return d.withdrawnAt === null || d.withdrawnAt > at;
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
export function classifyTimeliness(d: Dossier, at: Date): TimelinessResult {
  if (!isCounted(d, at)) return NOT_COUNTED;
  const end = endOfProcessing(d);
  if (end !== null && end <= at) {
    if (isLateRegardless(d, end)) return { timeliness: 'late', overdue: false };
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
