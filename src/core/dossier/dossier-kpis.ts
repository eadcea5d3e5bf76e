/**
 * Dossier statistics for a period, grouped as the caller likes (procedure, field, unit, officer): the
 * 766 indicator 2.1 on-time rate and 2.2 average processing time (DOMAIN-VN §1.5, §2).
 *
 * A dossier counts in a period when it was being handled in it: received by the end of the period,
 * and not finished, stopped or refused before its start. Withdrawn dossiers and those never received
 * (Form 02/03 at the counter) are outside the rate [M: the portal's status list has no end time for a
 * withdrawal]. Both ends of the period are included.
 */
import type { DeadlineCalendar } from './deadline-calendar';
import type { Dossier } from './dossier-types';
import { classifyTimeliness, endOfProcessing, isLateRegardless } from './timeliness';

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
  /** Mean working days from receipt to "Đã xử lý xong", supplement pauses excluded; null when none. */
  averageWorkingDays: number | null;
}

export interface SummaryOptions {
  /** Office minutes in one working day; 480 for 08:00–12:00 and 13:00–17:00. */
  minutesPerWorkingDay?: number;
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

interface Tally {
  summary: DossierGroupSummary;
  minutes: number;
  completed: number;
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
        },
        minutes: 0,
        completed: 0,
      };
      tallies.set(group, tally);
    }
    return tally;
  };

  for (const d of dossiers) {
    if (d.receivedAt === null || d.dueAt === null || d.receivedAt > to) continue;
    const receivedInPeriod = d.receivedAt >= from;
    const withdrawn = d.withdrawnAt !== null && d.withdrawnAt <= to;
    const end = endOfProcessing(d);
    const endedBefore = end !== null && end < from;
    if (!receivedInPeriod && (withdrawn || endedBefore)) continue;
    const tally = tallyOf(groupBy(d));
    const s = tally.summary;
    if (receivedInPeriod) s.received += 1;
    if (withdrawn || endedBefore) continue;

    s.counted += 1;
    const result = classifyTimeliness(d, to);
    if (result.timeliness === 'early') s.finished.early += 1;
    else if (result.timeliness === 'on-time') s.finished.onTime += 1;
    else if (result.timeliness === 'late') s.finished.late += 1;
    else if (result.overdue || isLateRegardless(d, to)) s.unfinished.overdue += 1;
    else s.unfinished.withinTime += 1;

    if (d.finishedAt !== null && d.finishedAt <= to) {
      tally.minutes += processingMinutes(d, d.finishedAt, calendar);
      tally.completed += 1;
    }
  }

  return [...tallies.values()]
    .map(({ summary, minutes, completed }) => {
      const good = summary.finished.early + summary.finished.onTime + summary.unfinished.withinTime;
      return {
        ...summary,
        onTimeRate: summary.counted === 0 ? null : round2((good * 100) / summary.counted),
        averageWorkingDays: completed === 0 ? null : round2(minutes / minutesPerDay / completed),
      };
    })
    .sort((a, b) => a.group.localeCompare(b.group, 'vi'));
}
