/**
 * Pure bucketing for the managers' charts: calendar buckets (months, ISO weeks) of a range of days,
 * queue arrivals and waits by local hour of day and day of week, and where a dossier stood at an
 * instant. The figures themselves come from the KPI functions (visit-metrics, dossier-kpis): this
 * module only decides which bucket a fact falls in.
 */
import type { Dossier } from '../dossier/dossier-types';
import { summarise, type Distribution, type QueueStay } from '../queue/visit-metrics';
import { localIsoWeekday, localMinuteOfDay, serviceDayOf } from '../shared/local-time';

export interface DayBucket {
  key: string;
  /** First and last service day of the bucket, both included, clipped to the asked range. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** "YYYY-MM" months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): DayBucket[] {
  const out: DayBucket[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) break;
    out.push({ key, from: `${key}-01`, to: lastDayOfMonth(key) });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The ISO week ("2026-W05") a day belongs to: weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Weeks or months covering the days `from`…`to`; the first and last are clipped to the range. */
export function calendarBuckets(from: string, to: string, unit: 'week' | 'month'): DayBucket[] {
  if (to < from) return [];
  if (unit === 'month') {
    return monthsBetween(from.slice(0, 7), to.slice(0, 7)).map((b) => ({
      key: b.key,
      from: b.from < from ? from : b.from,
      to: b.to > to ? to : b.to,
    }));
  }
  const out: DayBucket[] = [];
  let start = from;
  while (start <= to) {
    const weekday = new Date(`${start}T00:00:00Z`).getUTCDay() || 7;
    const sunday = addDays(start, 7 - weekday);
    const end = sunday > to ? to : sunday;
    out.push({ key: isoWeekOf(start), from: start, to: end });
    start = addDays(end, 1);
  }
  return out;
}

export interface TimeSlotFigures {
  slot: number;
  arrivals: number;
  waitSeconds: Distribution;
}

export interface QueueByTimeFigures {
  arrivals: number;
  daysWithArrivals: number;
  /** Hours 0–23 of local time. */
  byHour: TimeSlotFigures[];
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  byWeekday: TimeSlotFigures[];
}

/**
 * Arrivals (tickets issued, by their issue instant) and waits (each queue stay, by the instant it
 * joined the queue) in local hours of day and days of week. Stays never called have no wait and are
 * left out of the distributions, as in the KPI table.
 */
export function bucketQueueByTime(arrivals: readonly Date[], stays: readonly QueueStay[]): QueueByTimeFigures {
  const hourArrivals = new Array<number>(24).fill(0);
  const dayArrivals = new Array<number>(8).fill(0);
  const hourWaits: number[][] = Array.from({ length: 24 }, () => []);
  const dayWaits: number[][] = Array.from({ length: 8 }, () => []);
  const days = new Set<string>();
  for (const at of arrivals) {
    hourArrivals[Math.floor(localMinuteOfDay(at) / 60)]! += 1;
    dayArrivals[localIsoWeekday(at)]! += 1;
    days.add(serviceDayOf(at));
  }
  for (const stay of stays) {
    if (stay.waitSeconds === null) continue;
    hourWaits[Math.floor(localMinuteOfDay(stay.joinedAt) / 60)]!.push(stay.waitSeconds);
    dayWaits[localIsoWeekday(stay.joinedAt)]!.push(stay.waitSeconds);
  }
  return {
    arrivals: arrivals.length,
    daysWithArrivals: days.size,
    byHour: hourArrivals.map((count, hour) => ({ slot: hour, arrivals: count, waitSeconds: summarise(hourWaits[hour]!) })),
    byWeekday: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ slot: day, arrivals: dayArrivals[day]!, waitSeconds: summarise(dayWaits[day]!) })),
  };
}

export type DossierStage =
  | 'open'
  | 'awaiting-supplement'
  | 'result-waiting'
  | 'returned'
  | 'stopped'
  | 'refused'
  | 'withdrawn';

/**
 * Where a received dossier stood at `at`, rebuilt from the instants its state keeps (so a past month
 * reads the same later). Null when it had not been received by then (Form 02/03 at the counter).
 */
export function dossierStageAt(d: Dossier, at: Date): DossierStage | null {
  if (d.receivedAt === null || d.receivedAt > at) return null;
  if (d.withdrawnAt !== null && d.withdrawnAt <= at) return 'withdrawn';
  if (d.refusal !== null && d.refusal.at <= at) return 'refused';
  if (d.stop !== null && d.stop.at <= at) return 'stopped';
  if (d.returnedAt !== null && d.returnedAt <= at) return 'returned';
  if (d.finishedAt !== null && d.finishedAt <= at) return 'result-waiting';
  const paused = d.supplements.some((s) => s.requestedAt <= at && (s.completedAt === null || s.completedAt > at));
  return paused ? 'awaiting-supplement' : 'open';
}

/** The instant a dossier left the centre's hands for good other than by a returned result, if any. */
export function otherClosureOf(d: Dossier): Date | null {
  return d.withdrawnAt ?? d.refusal?.at ?? d.stop?.at ?? null;
}

/** The share of "satisfied" answers (very satisfied or satisfied), one decimal, as the KPI table rounds it. */
export function satisfiedShare(reports: readonly string[]): { percent: number | null; numerator: number; denominator: number } {
  const numerator = reports.filter((r) => r === 'very-satisfied' || r === 'satisfied').length;
  const denominator = reports.length;
  return { percent: denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10, numerator, denominator };
}
