/**
 * Dossier statistics for a period, grouped as the caller likes (procedure, field, unit, officer): the
 * 766 indicator 2.1 on-time rate and 2.2 average processing time (DOMAIN-VN §1.5, §2).
 *
 * 2.1 counts a dossier in a period when it was being handled in it: received by the end of the period,
 * and not finished, stopped, refused or withdrawn before its start. A dossier withdrawn after receipt
 * stays in the denominator with its withdrawal as its end (DOMAIN-VN §9); those never received (Form
 * 02/03 at the counter) are outside. Both ends of the period are included.
 *
 * 2.2 averages the cohort whose processing started (was received) in the period, finished by
 * `completedBy`, in the procedure's own unit: a January dossier finished in March belongs to January
 * and does not move March's average (DOMAIN-VN §9).
 */
import type { DurationUnit } from '../calendar/calendar-types';
import type { DeadlineCalendar } from './deadline-calendar';
import type { Dossier } from './dossier-types';
import { classifyTimeliness, endOfProcessing, isLateRegardless, type TimelinessOptions } from './timeliness';

export interface DossierPeriod {
  from: Date;
  to: Date;
}

export interface DossierGroupSummary {
  group: string;
  /** Received (clock started) within the period. */
  received: number;
  /** Ended within the period, by outcome against the appointment. */
  finished: { early: number; onTime: number; late: number };
  /** Still open at the end of the period. */
  unfinished: { withinTime: number; overdue: number };
  /** The rate's denominator: finished plus unfinished. */
  counted: number;
  /** (early + on time + unfinished within time) / counted × 100, 2 decimals; null when nothing counted. */
  onTimeRate: number | null;
  /**
   * Mean working days from receipt to "Đã xử lý xong", supplement pauses excluded, over the dossiers
   * received in the period and finished by `completedBy`; null when none.
   */
  averageWorkingDays: number | null;
  /** The same mean in the procedures' own unit when the group has one; otherwise in working days. */
  averageTime: { value: number; unit: AverageUnit } | null;
  /** How many dossiers the averages are over. */
  averaged: number;
}

/** The unit a processing time is reported in: hour-based and same-day procedures in office hours. */
export type AverageUnit = 'working-days' | 'days' | 'hours';

export function averageUnitOf(unit: DurationUnit): AverageUnit {
  if (unit === 'hours' || unit === 'same-day') return 'hours';
  return unit;
}

export interface SummaryOptions extends TimelinessOptions {
  /** Office minutes in one working day; 480 for 08:00–12:00 and 13:00–17:00. */
  minutesPerWorkingDay?: number;
  /** Until when a dossier of the period's cohort may have finished to count in 2.2 (default: the period's end). */
  completedBy?: Date;
}

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** Working minutes the agency spent: receipt to finish, less the time the citizen held the dossier. */
function processingMinutes(d: Dossier, finishedAt: Date, calendar: DeadlineCalendar): number {
  const total = calendar.workingMinutesBetween(d.receivedAt!, finishedAt);
  const paused = d.supplements.reduce(
    (sum, s) => sum + (s.completedAt ? calendar.workingMinutesBetween(s.requestedAt, s.completedAt) : 0),
    0,
  );
  return Math.max(0, total - paused);
}

/** Calendar milliseconds the agency spent, less the time the citizen held the dossier. */
function processingMilliseconds(d: Dossier, finishedAt: Date): number {
  const total = finishedAt.getTime() - d.receivedAt!.getTime();
  const paused = d.supplements.reduce((sum, s) => sum + (s.completedAt ? s.completedAt.getTime() - s.requestedAt.getTime() : 0), 0);
  return Math.max(0, total - paused);
}

/** "Đã xử lý xong" (or, for imported data without it, the return): the end a processing time runs to. */
export function completionOf(d: Dossier): Date | null {
  return d.finishedAt ?? d.returnedAt;
}

/**
 * The time a finished dossier took, in `unit` (unrounded): working days of the office hours, calendar
 * days, or office hours; supplement pauses excluded. Null when it has not finished.
 */
export function processingTimeIn(d: Dossier, unit: AverageUnit, calendar: DeadlineCalendar, minutesPerWorkingDay = 480): number | null {
  const end = completionOf(d);
  if (d.receivedAt === null || end === null) return null;
  if (unit === 'days') return processingMilliseconds(d, end) / 86_400_000;
  const minutes = processingMinutes(d, end, calendar);
  return unit === 'hours' ? minutes / 60 : minutes / minutesPerWorkingDay;
}

/** Whether the dossier is in the period's 2.2 cohort: received in [from, to] and finished by `completedBy`. */
export function inAverageCohort(d: Dossier, period: DossierPeriod, completedBy: Date): boolean {
  const end = completionOf(d);
  return d.receivedAt !== null && d.receivedAt >= period.from && d.receivedAt <= period.to && end !== null && end <= completedBy;
}

interface Tally {
  summary: DossierGroupSummary;
  minutes: number;
  completed: number;
  /** Sum in each procedure unit seen, to report the group's own unit when it has one. */
  own: Map<AverageUnit, number>;
}

export function summariseDossiers(
  dossiers: readonly Dossier[],
  period: DossierPeriod,
  groupBy: (d: Dossier) => string,
  calendar: DeadlineCalendar,
  options: SummaryOptions = {},
): DossierGroupSummary[] {
  const minutesPerDay = options.minutesPerWorkingDay ?? 480;
  const { from, to } = period;
  const tallies = new Map<string, Tally>();
  const tallyOf = (group: string): Tally => {
    let tally = tallies.get(group);
    if (!tally) {
      tally = {
        summary: {
          group,
          received: 0,
          finished: { early: 0, onTime: 0, late: 0 },
          unfinished: { withinTime: 0, overdue: 0 },
          counted: 0,
          onTimeRate: null,
          averageWorkingDays: null,
          averageTime: null,
          averaged: 0,
        },
        minutes: 0,
        completed: 0,
        own: new Map(),
      };
      tallies.set(group, tally);
    }
    return tally;
  };

  const completedBy = options.completedBy ?? to;
  for (const d of dossiers) {
    if (d.receivedAt === null || d.dueAt === null || d.receivedAt > to) continue;
    const receivedInPeriod = d.receivedAt >= from;
    const end = endOfProcessing(d);
    const endedBefore = end !== null && end < from;
    if (!receivedInPeriod && endedBefore) continue;
    const tally = tallyOf(groupBy(d));
    const s = tally.summary;
    if (receivedInPeriod) s.received += 1;

    if (inAverageCohort(d, period, completedBy)) {
      tally.minutes += processingMinutes(d, completionOf(d)!, calendar);
      tally.completed += 1;
      const unit = averageUnitOf(d.processingTime.unit);
      tally.own.set(unit, (tally.own.get(unit) ?? 0) + processingTimeIn(d, unit, calendar, minutesPerDay)!);
    }
    if (endedBefore) continue;

    s.counted += 1;
    const result = classifyTimeliness(d, to, options);
    if (result.timeliness === 'early') s.finished.early += 1;
    else if (result.timeliness === 'on-time') s.finished.onTime += 1;
    else if (result.timeliness === 'late') s.finished.late += 1;
    else if (result.overdue || isLateRegardless(d, to, options)) s.unfinished.overdue += 1;
    else s.unfinished.withinTime += 1;
  }

  return [...tallies.values()]
    .map(({ summary, minutes, completed, own }) => {
      const good = summary.finished.early + summary.finished.onTime + summary.unfinished.withinTime;
      const averageWorkingDays = completed === 0 ? null : round2(minutes / minutesPerDay / completed);
      const [single] = own.size === 1 ? [...own.entries()] : [];
      const averageTime =
        completed === 0
          ? null
          : single
            ? { value: round2(single[1] / completed), unit: single[0] }
            : { value: averageWorkingDays!, unit: 'working-days' as const };
      return {
        ...summary,
        onTimeRate: summary.counted === 0 ? null : round2((good * 100) / summary.counted),
        averageWorkingDays,
        averageTime,
        averaged: completed,
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group, 'vi'));
}
