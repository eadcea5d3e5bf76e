/**
 * Reporting periods of the 766 dashboards (month, quarter, first 6 or 9 months, year, custom) — the
 * named days live in src/contracts/indicator-periods.ts so the browser shares them — and their
 * instants: a period runs from the start of its first local day to the start of the day after its last.
 */
import { startOfServiceDay } from '../shared/local-time';

export { customPeriod, namedPeriod, parseDay, PERIOD_KINDS, periodProblem, type PeriodDays, type PeriodKind } from '../../contracts/indicator-periods';

const DAY_MS = 86_400_000;

/** The instants of a span of days: [start of `from`, start of the day after `to`). */
export function periodInstants(from: string, to: string): { from: Date; to: Date } {
  return { from: startOfServiceDay(from), to: new Date(startOfServiceDay(to).getTime() + DAY_MS) };
}
