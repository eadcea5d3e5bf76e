/**
 * The Decision 766 deadlines of a complaint or suggestion (phản ánh, kiến nghị — PAKN), DOMAIN-VN §2
 * group 5, indicator 5.2, on the project's working calendar (the same `computeDue` as dossiers):
 *
 *   reject            ≤ 2 working days after receipt
 *   request more info ≤ 5 working days after receipt
 *   answer            ≤ 15 working days after receipt, plus the time spent waiting for the citizen
 *   publish           ≤ 2 working days after the answer
 *
 * "n working days after" follows the Civil Code rule the dossiers use (due-date.ts): the period starts
 * the day after receipt (a PAKN filed on a day off counts from the next working day) and ends when
 * office hours close on the n-th working day.
 *
 * Waiting for the citizen pauses the answer clock, like a dossier's supplement request (§1.4, 766 §2.1):
 * when the citizen adds the information, the answer deadline is the office time that was left at the
 * request, counted again from the moment the information arrived. While the information is still
 * awaited the PAKN has no running deadline; it is overdue only if the answer deadline had already
 * passed when the information was requested.
 *
 * A rejection is judged against the 2-day window when it is the first decision. A rejection after an
 * information request (typically: the citizen never added what was needed) closes the case, and is
 * judged against the answer deadline instead — the 2-day window cannot apply to it.
 *
 * Everything is evaluated "as of" an instant: what happened later is ignored, so a report for a
 * past period sees each PAKN as it stood at the period's end.
 */
import type { DeadlineCalendar } from '../dossier/deadline-calendar';

export const PAKN_DEADLINE_DAYS = {
  reject: 2,
  'request-info': 5,
  answer: 15,
  publish: 2,
} as const;

export const PAKN_DEADLINE_KINDS = ['reject', 'request-info', 'answer', 'publish'] as const;
export type PaknDeadlineKind = (typeof PAKN_DEADLINE_KINDS)[number];

export interface PaknInfoRequest {
  requestedAt: Date;
  /** When the citizen added the information; null while it is awaited. */
  suppliedAt: Date | null;
}

/** The moments of a PAKN the deadlines depend on. */
export interface PaknClock {
  receivedAt: Date;
  infoRequests: readonly PaknInfoRequest[];
  answeredAt: Date | null;
  rejectedAt: Date | null;
  publishedAt: Date | null;
}

export interface PaknDeadlines {
  rejectBy: Date;
  requestInfoBy: Date;
  /** The answer deadline with pauses accounted for; null while information is awaited (clock paused). */
  answerBy: Date | null;
  /** While paused: when the pause began and the office minutes the answer clock had left then. */
  pause: { since: Date; minutesLeft: number; answerByBefore: Date } | null;
  /** Two working days after the answer; null until there is an answer. */
  publishBy: Date | null;
}

export interface PaknTimeliness {
  deadlines: PaknDeadlines;
  /** The deadline the PAKN is working towards as of the instant; null when finished or paused in time. */
  current: { kind: PaknDeadlineKind; due: Date } | null;
  paused: boolean;
  /** The current deadline has passed. */
  overdue: boolean;
  /** Rejected or published. */
  finished: boolean;
  /** Deadlines missed as of the instant (an action taken late, or not taken when its deadline passed). */
  missed: PaknDeadlineKind[];
  /** Indicator 5.2: no deadline missed (so far, for one still open). */
  onTime: boolean;
}

function workingDaysAfter(start: Date, days: number, calendar: DeadlineCalendar): Date {
  // computeDue refuses receipts in the future of its `now`; the receipt itself is that `now` here.
  return calendar.computeDue(start, { amount: days, unit: 'working-days' }, start);
}

const before = (at: Date | null, asOf: Date): Date | null => (at !== null && at.getTime() <= asOf.getTime() ? at : null);

/** The PAKN as it stood at `asOf`: later actions are dropped. */
export function paknClockAsOf(clock: PaknClock, asOf: Date): PaknClock {
  return {
    receivedAt: clock.receivedAt,
    infoRequests: clock.infoRequests
      .filter((r) => r.requestedAt.getTime() <= asOf.getTime())
      .map((r) => ({ requestedAt: r.requestedAt, suppliedAt: before(r.suppliedAt, asOf) })),
    answeredAt: before(clock.answeredAt, asOf),
    rejectedAt: before(clock.rejectedAt, asOf),
    publishedAt: before(clock.publishedAt, asOf),
  };
}

/** The four 766 deadlines of a PAKN from what has happened to it. */
export function paknDeadlines(clock: PaknClock, calendar: DeadlineCalendar): PaknDeadlines {
  const rejectBy = workingDaysAfter(clock.receivedAt, PAKN_DEADLINE_DAYS.reject, calendar);
  const requestInfoBy = workingDaysAfter(clock.receivedAt, PAKN_DEADLINE_DAYS['request-info'], calendar);
  let answerBy = workingDaysAfter(clock.receivedAt, PAKN_DEADLINE_DAYS.answer, calendar);
  let pause: PaknDeadlines['pause'] = null;
  const requests = [...clock.infoRequests].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  for (const request of requests) {
    // A request made after the deadline had passed does not give the office its time back.
    const left = answerBy > request.requestedAt ? calendar.workingMinutesBetween(request.requestedAt, answerBy) : 0;
    if (request.suppliedAt === null) {
      pause = { since: request.requestedAt, minutesLeft: left, answerByBefore: answerBy };
      break;
    }
    if (left > 0) answerBy = calendar.addWorkingMinutes(request.suppliedAt, left);
  }
  const publishBy = clock.answeredAt ? workingDaysAfter(clock.answeredAt, PAKN_DEADLINE_DAYS.publish, calendar) : null;
  return { rejectBy, requestInfoBy, answerBy: pause ? null : answerBy, pause, publishBy };
}

const late = (done: Date | null, due: Date | null, asOf: Date): boolean => {
  if (due === null) return false;
  return done === null ? asOf.getTime() > due.getTime() : done.getTime() > due.getTime();
};

/**
 * Where a PAKN stands at `asOf`: its current deadline, whether it is overdue, and whether it has been
 * handled on time (766 indicator 5.2).
 */
export function paknTimeliness(full: PaknClock, asOf: Date, calendar: DeadlineCalendar): PaknTimeliness {
  const clock = paknClockAsOf(full, asOf);
  const deadlines = paknDeadlines(clock, calendar);
  const missed: PaknDeadlineKind[] = [];
  const firstRequest = clock.infoRequests.reduce<Date | null>(
    (first, r) => (first === null || r.requestedAt < first ? r.requestedAt : first),
    null,
  );
  if (firstRequest && firstRequest > deadlines.requestInfoBy) missed.push('request-info');

  // The deadline that closes the case, as far as it is known: while paused, the one in force before.
  const answerBy = deadlines.answerBy ?? (deadlines.pause && deadlines.pause.minutesLeft === 0 ? deadlines.pause.answerByBefore : null);
  const paused = deadlines.pause !== null;

  if (clock.rejectedAt) {
    const requestedFirst = firstRequest !== null && firstRequest < clock.rejectedAt;
    const due = requestedFirst ? (deadlines.answerBy ?? deadlines.pause!.answerByBefore) : deadlines.rejectBy;
    if (requestedFirst && deadlines.pause) {
      // Closed while waiting for the citizen: judged on time unless the answer deadline was already gone.
      if (deadlines.pause.minutesLeft === 0) missed.push('answer');
    } else if (clock.rejectedAt > due) {
      missed.push(requestedFirst ? 'answer' : 'reject');
    }
    return { deadlines, current: null, paused: false, overdue: false, finished: true, missed, onTime: missed.length === 0 };
  }

  if (late(clock.answeredAt, answerBy, asOf)) missed.push('answer');
  if (clock.answeredAt) {
    if (late(clock.publishedAt, deadlines.publishBy, asOf)) missed.push('publish');
    if (clock.publishedAt) {
      return { deadlines, current: null, paused: false, overdue: false, finished: true, missed, onTime: missed.length === 0 };
    }
    const due = deadlines.publishBy!;
    return {
      deadlines,
      current: { kind: 'publish', due },
      paused: false,
      overdue: asOf > due,
      finished: false,
      missed,
      onTime: missed.length === 0,
    };
  }
  const current = answerBy ? { kind: 'answer' as const, due: answerBy } : null;
  return {
    deadlines,
    current,
    paused,
    overdue: current !== null && asOf > current.due,
    finished: false,
    missed,
    onTime: missed.length === 0,
  };
}
