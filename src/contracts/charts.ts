/**
 * Shapes of the managers' chart data (/api/v1/manage/charts/…). Every figure is computed with the
 * same functions as the KPI tables, so a bar and the table row for the same period agree.
 * Instants travel as ISO-8601 strings; days as "YYYY-MM-DD"; months as "YYYY-MM".
 */
import { z } from 'zod';
import { Day, Distribution } from './api';

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const DayRangeQuery = z.object({ from: Day, to: Day });
export type DayRangeQuery = z.infer<typeof DayRangeQuery>;

export const MonthRangeQuery = z.object({ from: Month, to: Month });
export type MonthRangeQuery = z.infer<typeof MonthRangeQuery>;

// --- (a) queue arrivals and waits by hour of day and by day of week ------------------------------

/** Arrivals are tickets issued; waits are the queue stays (issue, re-activation, transfer → call) that joined then. */
export const TimeSlot = z.object({
  /** Hour of day 0–23 (local time), or ISO weekday 1 = Monday … 7 = Sunday. */
  slot: z.number().int(),
  arrivals: z.number().int(),
  waitSeconds: Distribution,
});
export type TimeSlot = z.infer<typeof TimeSlot>;

export const QueueByTime = z.object({
  from: Day,
  to: Day,
  /** Service days in the range on which at least one ticket was issued. */
  daysWithArrivals: z.number().int(),
  arrivals: z.number().int(),
  byHour: z.array(TimeSlot),
  byWeekday: z.array(TimeSlot),
});
export type QueueByTime = z.infer<typeof QueueByTime>;

// --- (b) on-time rate and satisfaction per month -----------------------------------------------

export const RateFigure = z.object({
  /** Per cent, as the KPI tables round it; null when there is nothing to count. */
  percent: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
});
export type RateFigure = z.infer<typeof RateFigure>;

export const MonthlyRates = z.object({
  month: Month,
  /** 766 indicator 2.1 as the indicator engine computes it for the month (the "Chỉ số 766" screen). */
  onTime: RateFigure,
  /** Queue-visit ratings (counter rating device): very satisfied + satisfied over all ratings. */
  queueSatisfaction: RateFigure,
  /** Dossier ratings (given when the result is returned): very satisfied + satisfied over all. */
  dossierSatisfaction: RateFigure,
});
export type MonthlyRates = z.infer<typeof MonthlyRates>;

export const MonthlyRatesReport = z.object({
  from: Month,
  to: Month,
  months: z.array(MonthlyRates),
});
export type MonthlyRatesReport = z.infer<typeof MonthlyRatesReport>;

// --- (c) dossiers by status over time -----------------------------------------------------------

export const StatusBucketUnit = z.enum(['week', 'month']);
export type StatusBucketUnit = z.infer<typeof StatusBucketUnit>;

export const DossierStatusBucket = z.object({
  /** "2026-W05" or "2026-01". */
  key: z.string(),
  from: Day,
  to: Day,
  /** Flows within the bucket, counted as the dossier KPI table counts a period. */
  received: z.number().int(),
  finishedEarly: z.number().int(),
  finishedOnTime: z.number().int(),
  finishedLate: z.number().int(),
  /** Results handed over within the bucket. */
  returned: z.number().int(),
  /** Stopped, refused after receipt, or withdrawn within the bucket. */
  closedOther: z.number().int(),
  /** Stock at the end of the bucket (or now, for the running one). */
  openWithinTime: z.number().int(),
  openOverdue: z.number().int(),
  /** Of the open ones: waiting for the citizen's supplement. */
  awaitingSupplement: z.number().int(),
  /** Processing finished, the result waits at the return counter. */
  resultWaiting: z.number().int(),
});
export type DossierStatusBucket = z.infer<typeof DossierStatusBucket>;

export const DossierStatusReport = z.object({
  from: Day,
  to: Day,
  unit: StatusBucketUnit,
  buckets: z.array(DossierStatusBucket),
});
export type DossierStatusReport = z.infer<typeof DossierStatusReport>;

// --- (d) PAKN by category -----------------------------------------------------------------------

export const PaknCategoryRow = z.object({
  category: z.string(),
  label: z.string(),
  complaints: z.number().int(),
  suggestions: z.number().int(),
  total: z.number().int(),
});
export type PaknCategoryRow = z.infer<typeof PaknCategoryRow>;

export const PaknByCategory = z.object({
  from: Day,
  to: Day,
  total: z.number().int(),
  rows: z.array(PaknCategoryRow),
});
export type PaknByCategory = z.infer<typeof PaknByCategory>;

// --- (e) comparisons per field / counter / officer ----------------------------------------------

export const ComparisonBy = z.enum(['field', 'counter', 'officer']);
export type ComparisonBy = z.infer<typeof ComparisonBy>;

export const ComparisonRow = z.object({
  key: z.string(),
  label: z.string(),
  served: z.number().int(),
  averageWaitSeconds: z.number().nullable(),
  averageServiceSeconds: z.number().nullable(),
  ratings: z.number().int(),
  satisfiedPercent: z.number().nullable(),
});
export type ComparisonRow = z.infer<typeof ComparisonRow>;

export const Comparison = z.object({
  from: Day,
  to: Day,
  by: ComparisonBy,
  rows: z.array(ComparisonRow),
});
export type Comparison = z.infer<typeof Comparison>;
