/**
 * The data behind the managers' charts. Each series is computed by the same functions as the screens
 * that show it as a table — the visit metrics of the event log, the 766 indicator engine, the dossier
 * KPI summary, the queue KPI rows — bucket by bucket, so a bar and the table for the same period agree.
 */
import type {
  Comparison,
  ComparisonBy,
  DossierStatusBucket,
  DossierStatusReport,
  MonthlyRates,
  MonthlyRatesReport,
  PaknByCategory,
  QueueByTime,
  StatusBucketUnit,
} from '../../contracts/charts';
import type { Lang } from '../../contracts/lang';
import { PAKN_CATEGORY_LABELS, type PaknCategory } from '../../contracts/pakn';
import {
  bucketQueueByTime,
  calendarBuckets,
  dossierStageAt,
  monthsBetween,
  otherClosureOf,
  satisfiedShare,
  type DayBucket,
} from '../../core/charts/chart-buckets';
import { getSettings } from './settings';
import { summariseDossiers } from '../../core/dossier/dossier-kpis';
import type { Dossier } from '../../core/dossier/dossier-types';
import { deriveVisitMetrics, type LoggedTicketEvent, type QueueStay } from '../../core/queue/visit-metrics';
import type { TicketEventType } from '../../core/queue/ticket';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import {
  countPaknByCategory,
  listDossierRatingReports,
  listDossiersTouchedSince,
  listQueueRatingReports,
  listTicketMoments,
} from '../../db/repositories/chart.repository';
import type { Actor, ServiceContext } from './context';
import { computeIndicators } from './indicators';
import { assertManager } from './manage-reference';
import { getQueueKpis } from './queue-kpis';
import { loadCalendar } from './working-calendar';

const DAY_MS = 86_400_000;
/** The dossier KPI table looks back a year for dossiers still open in its period: so do the charts. */
const LOOKBACK_MS = 366 * DAY_MS;
const MAX_DAYS = 400;
const MAX_MONTHS = 24;

/** The events that place a ticket in a queue and call it: enough for arrivals and waits. */
const QUEUE_EVENT_TYPES: readonly TicketEventType[] = ['ticket.issued', 'ticket.reactivated', 'ticket.transferred', 'ticket.called'];

interface Instants {
  from: Date;
  /** Exclusive: local midnight after the last day. */
  to: Date;
}

/** A range of days as instants, checked: Vietnamese messages for the manager who typed it. */
function dayRange(from: string, to: string): Instants {
  const start = startOfServiceDay(from);
  const end = new Date(startOfServiceDay(to).getTime() + DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw new AppError('VALIDATION_FAILED', { detail: `ngày không hợp lệ: ${from} – ${to}` });
  }
  if (end <= start) throw new AppError('VALIDATION_FAILED', { detail: `ngày kết thúc ${to} phải sau ngày bắt đầu ${from}` });
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY_MS) {
    throw new AppError('VALIDATION_FAILED', { detail: `khoảng thời gian tối đa là ${MAX_DAYS} ngày` });
  }
  return { from: start, to: end };
}

function bucketInstants(b: DayBucket): Instants {
  return { from: startOfServiceDay(b.from), to: new Date(startOfServiceDay(b.to).getTime() + DAY_MS) };
}

const earlier = (a: Date, b: Date) => (a < b ? a : b);

/** Dossiers that any bucket of the range may count: created within the KPI table's look-back. */
async function loadDossiers(ctx: ServiceContext, centreId: string, range: Instants): Promise<Dossier[]> {
  return listDossiersTouchedSince(ctx.db, centreId, new Date(range.from.getTime() - LOOKBACK_MS), range.to, range.from);
}

/** What the dossier KPI table would have loaded for this bucket: created from a year before its start. */
function inLookback(dossiers: readonly Dossier[], b: Instants): Dossier[] {
  const since = b.from.getTime() - LOOKBACK_MS;
  return dossiers.filter((d) => d.createdAt.getTime() >= since && d.createdAt < b.to);
}

// --- (a) ------------------------------------------------------------------------------------------

export async function queueByTime(ctx: ServiceContext, actor: Actor, query: { from: string; to: string }): Promise<QueueByTime> {
  assertManager(actor);
  const range = dayRange(query.from, query.to);
  const events = await listTicketMoments(ctx.db, actor.centreId, range.from, range.to, QUEUE_EVENT_TYPES);
  const byTicket = new Map<string, LoggedTicketEvent[]>();
  const arrivals: Date[] = [];
  for (const e of events) {
    if (e.type === 'ticket.issued') arrivals.push(e.at);
    const list = byTicket.get(e.ticketId!) ?? [];
    // Stays need only the order and the instants of joining and calling (visit-metrics.ts).
    list.push({ type: e.type as TicketEventType, at: e.at, ticketId: e.ticketId!, counterId: null, officerId: null, facts: {} });
    byTicket.set(e.ticketId!, list);
  }
  const stays: QueueStay[] = [];
  for (const list of byTicket.values()) stays.push(...deriveVisitMetrics(list).stays);
  return { from: query.from, to: query.to, ...bucketQueueByTime(arrivals, stays) };
}

// --- (b) ------------------------------------------------------------------------------------------

export async function monthlyRates(ctx: ServiceContext, actor: Actor, query: { from: string; to: string }): Promise<MonthlyRatesReport> {
  assertManager(actor);
  const months = monthsBetween(query.from, query.to);
  if (months.length === 0) throw new AppError('VALIDATION_FAILED', { detail: `tháng kết thúc ${query.to} phải từ tháng bắt đầu ${query.from} trở đi` });
  if (months.length > MAX_MONTHS) throw new AppError('VALIDATION_FAILED', { detail: `tối đa ${MAX_MONTHS} tháng` });
  // Months that have not started yet have nothing to show.
  const today = serviceDayOf(ctx.clock());
  const started = months.filter((m) => m.from <= today);
  if (started.length === 0) return { from: query.from, to: query.to, months: [] };
  const range = { from: startOfServiceDay(started[0]!.from), to: bucketInstants(started[started.length - 1]!).to };
  const [queueRatings, dossierRatings] = await Promise.all([
    listQueueRatingReports(ctx.db, actor.centreId, range.from, range.to),
    listDossierRatingReports(ctx.db, actor.centreId, range.from, range.to),
  ]);
  const reportsIn = (rows: readonly { reportsAs: string; at: Date }[], b: Instants) =>
    rows.filter((r) => r.at >= b.from && r.at < b.to).map((r) => r.reportsAs);

  const result: MonthlyRates[] = [];
  for (const m of started) {
    const b = bucketInstants(m);
    // The indicator engine itself, month by month: the same figure as the "Chỉ số 766" screen.
    const onTime = (await computeIndicators(ctx, actor.centreId, b)).indicators['2.1'];
    result.push({
      month: m.key,
      onTime: { percent: onTime.value, numerator: onTime.numerator ?? 0, denominator: onTime.denominator ?? 0 },
      queueSatisfaction: satisfiedShare(reportsIn(queueRatings, b)),
      dossierSatisfaction: satisfiedShare(reportsIn(dossierRatings, b)),
    });
  }
  return { from: query.from, to: query.to, months: result };
}

// --- (c) ------------------------------------------------------------------------------------------

export async function dossierStatus(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string; unit: StatusBucketUnit },
): Promise<DossierStatusReport> {
  assertManager(actor);
  dayRange(query.from, query.to);
  const now = ctx.clock();
  const today = serviceDayOf(now);
  // Buckets after today would only repeat today's stock.
  const last = query.to > today ? today : query.to;
  const buckets = calendarBuckets(query.from, last, query.unit);
  if (buckets.length === 0) return { from: query.from, to: query.to, unit: query.unit, buckets: [] };
  const range = { from: startOfServiceDay(buckets[0]!.from), to: bucketInstants(buckets[buckets.length - 1]!).to };
  const [dossiers, calendar, { apologyCountsAsLate }] = await Promise.all([
    loadDossiers(ctx, actor.centreId, range),
    loadCalendar(ctx.db),
    getSettings(ctx.db, actor.centreId),
  ]);

  return {
    from: query.from,
    to: query.to,
    unit: query.unit,
    buckets: buckets.map((bucket): DossierStatusBucket => {
      const b = bucketInstants(bucket);
      const at = earlier(b.to, now);
      const counted = inLookback(dossiers, b);
      const [all] = summariseDossiers(counted, { from: b.from, to: at }, () => 'all', calendar.deadlines, { apologyCountsAsLate });
      let returned = 0;
      let closedOther = 0;
      let awaitingSupplement = 0;
      let resultWaiting = 0;
      for (const d of counted) {
        if (d.receivedAt === null) continue;
        if (d.returnedAt !== null && d.returnedAt >= b.from && d.returnedAt <= at) returned += 1;
        const closed = otherClosureOf(d);
        if (closed !== null && closed >= b.from && closed <= at) closedOther += 1;
        const stage = dossierStageAt(d, at);
        if (stage === 'awaiting-supplement') awaitingSupplement += 1;
        else if (stage === 'result-waiting') resultWaiting += 1;
      }
      return {
        key: bucket.key,
        from: bucket.from,
        to: bucket.to,
        received: all?.received ?? 0,
        finishedEarly: all?.finished.early ?? 0,
        finishedOnTime: all?.finished.onTime ?? 0,
        finishedLate: all?.finished.late ?? 0,
        returned,
        closedOther,
        openWithinTime: all?.unfinished.withinTime ?? 0,
        openOverdue: all?.unfinished.overdue ?? 0,
        awaitingSupplement,
        resultWaiting,
      };
    }),
  };
}

// --- (d) ------------------------------------------------------------------------------------------

/** The category as the manager reads it; the stored value when it has no known label. */
function paknCategoryLabel(category: string, lang: Lang): string {
  if (category.trim() === '') return lang === 'en' ? 'Uncategorised' : 'Chưa phân loại';
  return PAKN_CATEGORY_LABELS[category as PaknCategory]?.[lang] ?? category;
}

export async function paknByCategory(ctx: ServiceContext, actor: Actor, query: { from: string; to: string }, lang: Lang): Promise<PaknByCategory> {
  assertManager(actor);
  const range = dayRange(query.from, query.to);
  const counts = await countPaknByCategory(ctx.db, actor.centreId, range.from, range.to);
  const rows = new Map<string, PaknByCategory['rows'][number]>();
  for (const c of counts) {
    const row = rows.get(c.category) ?? { category: c.category, label: paknCategoryLabel(c.category, lang), complaints: 0, suggestions: 0, total: 0 };
    if (c.kind === 'complaint') row.complaints += c.count;
    else row.suggestions += c.count;
    row.total += c.count;
    rows.set(c.category, row);
  }
  const sorted = [...rows.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'vi'));
  return { from: query.from, to: query.to, total: sorted.reduce((s, r) => s + r.total, 0), rows: sorted };
}

// --- (e) ------------------------------------------------------------------------------------------

export async function comparison(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string; by: ComparisonBy },
  lang: Lang,
): Promise<Comparison> {
  assertManager(actor);
  dayRange(query.from, query.to);
  // The queue KPI table's own rows: the comparison is that table, drawn.
  const kpis = await getQueueKpis(ctx, actor.centreId, query.from, query.to, lang);
  const rows = query.by === 'field' ? kpis.byField : query.by === 'counter' ? kpis.byCounter : kpis.byOfficer;
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      served: r.served,
      averageWaitSeconds: r.waitSeconds.mean,
      averageServiceSeconds: r.serviceSeconds.mean,
      ratings: r.ratings.count,
      satisfiedPercent: r.ratings.satisfiedPercent,
    })),
  };
}
