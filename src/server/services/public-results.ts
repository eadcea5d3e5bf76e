/**
 * The results a centre publishes (on its public page and on the hall board when the hall is quiet):
 * the on-time rate (766 indicator 2.1) and the satisfaction rate (5.4) for the current month and the
 * current year, the dossiers received and resolved, and the procedures whose time the centre
 * shortened. The rates are the indicator engine's own figures for the same periods the manager's
 * indicator screen is asked for, so the public page can never disagree with it.
 */
import type { IndicatorReport, IndicatorResult } from '../../contracts/indicators';
import type { PublicPeriodResults, PublicRate, PublicResults, PublicShortenedProcedure } from '../../contracts/public';
import { hasShortenableTime, procedureReduction } from '../../core/catalogue/public-procedure';
import { namedPeriod, periodInstants } from '../../core/indicators/periods';
import { countReceivedAndResolved } from '../../core/public/dossier-counts';
import { serviceDayOf } from '../../core/shared/local-time';
import { listProceduresWithCurrent } from '../../db/repositories/catalogue.repository';
import { listDossiers } from '../../db/repositories/dossier.repository';
import type { ServiceContext } from './context';
import { computeIndicators } from './indicators';
import { publicCentre, resolvePublicCentre } from './public-catalogue';

const DAY_MS = 86_400_000;

/** The periods published: this month and this year, local time, as days the manager's screen takes. */
export function publishedPeriods(now: Date): { kind: 'month' | 'year'; from: string; to: string; labelVi: string; labelEn: string }[] {
  const today = serviceDayOf(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return [
    { kind: 'month', ...namedPeriod('month', year, month) },
    { kind: 'year', ...namedPeriod('year', year) },
  ];
}

/**
 * The indicator engine's report for one period: the single place this page takes its rates from
 * (the same call the manager's "Chỉ số 766" screen makes for those days).
 */
export async function indicatorReportForPublication(ctx: ServiceContext, centreId: string, from: string, to: string): Promise<IndicatorReport> {
  return computeIndicators(ctx, centreId, periodInstants(from, to));
}

export async function getPublicResults(ctx: ServiceContext, centreCode?: string): Promise<PublicResults> {
  const centre = await resolvePublicCentre(ctx, centreCode);
  const now = ctx.clock();
  const published = publishedPeriods(now);
  const year = periodInstants(published[1]!.from, published[1]!.to);
  // Dossiers that end this year may have been received last year.
  const dossiers = (await listDossiers(ctx.db, centre.id, { createdFrom: new Date(year.from.getTime() - 366 * DAY_MS), createdBefore: year.to, limit: 1_000_000 })).map((r) => r.dossier);
  const periods: PublicPeriodResults[] = [];
  for (const p of published) {
    const report = await indicatorReportForPublication(ctx, centre.id, p.from, p.to);
    const range = periodInstants(p.from, p.to);
    periods.push({
      kind: p.kind,
      labelVi: p.labelVi,
      labelEn: p.labelEn,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      onTime: rateOf(report, '2.1'),
      satisfaction: rateOf(report, '5.4'),
      ...countReceivedAndResolved(dossiers, range, now),
    });
  }
  return { centre: publicCentre(centre), generatedAt: now.toISOString(), periods, shortened: await shortenedProcedures(ctx, centre.id) };
}

function rateOf(report: IndicatorReport, id: '2.1' | '5.4'): PublicRate {
  const r: IndicatorResult | undefined = report.indicators[id];
  return {
    indicator: id,
    name: r?.name ?? id,
    value: r?.computable ? r.value : null,
    numerator: r?.computable ? r.numerator : null,
    denominator: r?.computable ? r.denominator : null,
    formula: r?.formula ?? '',
  };
}


/** Procedures in force whose time the centre shortened, with the legal and the committed time. */
async function shortenedProcedures(ctx: ServiceContext, centreId: string): Promise<PublicResults['shortened']> {
  const rows = (await listProceduresWithCurrent(ctx.db, centreId)).filter((r) => r.active && hasShortenableTime(r.version.rules));
  const items: PublicShortenedProcedure[] = [];
  for (const r of rows) {
    const reduction = procedureReduction(r.version.rules);
    if (!reduction) continue;
    items.push({
      code: r.code,
      name: r.version.name,
      fieldName: r.fieldName,
      channel: reduction.channel,
      unit: reduction.unit,
      legalAmount: reduction.legalAmount,
      committedAmount: reduction.committedAmount,
      reductionPercent: reduction.percent,
    });
  }
  items.sort((a, b) => b.reductionPercent - a.reductionPercent || a.name.localeCompare(b.name, 'vi'));
  const share = rows.length === 0 ? null : Math.round((items.length / rows.length) * 1000) / 10;
  const average = items.length === 0 ? null : Math.round((items.reduce((s, i) => s + i.reductionPercent, 0) / items.length) * 10) / 10;
  return { procedures: rows.length, count: items.length, sharePercent: share, averageReductionPercent: average, items };
}
