/**
 * The Decision 766 indicators of one centre for one period (DOMAIN-VN §2, §9): loads the dossiers,
 * the catalogue, the dossier ratings and the PAKN, and hands them to the pure rules in
 * src/core/indicators. The manage screen, the public results page and the CLI all read this one
 * function, so they cannot disagree.
 */
import type { Lang } from '../../contracts/lang';
import type { IndicatorItem, IndicatorItems, IndicatorItemsQuery, IndicatorQuery, IndicatorReport } from '../../contracts/indicators';
import { PAKN_CATEGORY_LABELS, type PaknCategory } from '../../contracts/pakn';
import { computeIndicatorsFrom } from '../../core/indicators/compute-indicators';
import type { IndicatorId } from '../../core/indicators/indicator-definitions';
import type { IndicatorComputation, IndicatorGroupBy } from '../../core/indicators/indicator-types';
import { periodInstants, periodProblem } from '../../core/indicators/periods';
import { paknClockOf } from '../../core/pakn/pakn';
import { AppError } from '../../core/shared/app-error';
import {
  listIndicatorDossiers,
  listPaknBefore,
  listPeopleNames,
  listProceduresWithVersions,
  listRatingsBefore,
} from '../../db/repositories/indicator.repository';
import type { Actor, ServiceContext } from './context';
import { assertManager } from './manage-reference';
import { getSettings } from './settings';
import { loadCalendar } from './working-calendar';

export interface IndicatorOptions {
  groupBy?: IndicatorGroupBy;
  /** The report instant; default the context's clock. */
  now?: Date;
}

/** Everything the rules computed, with the notes the drill-down lists need and the loaded records. */
interface Computed {
  computation: IndicatorComputation;
  asOf: Date;
  apologyCountsAsLate: boolean;
  groupBy: IndicatorGroupBy;
  records: {
    dossiers: Map<string, { code: string; procedure: string; receivedAt: Date | null; dueAt: Date | null; end: Date | null }>;
    pakn: Map<string, { code: string; category: string; receivedAt: Date; end: Date | null }>;
    procedures: Map<string, { code: string; name: string }>;
  };
}

async function compute(ctx: ServiceContext, centreId: string, range: { from: Date; to: Date }, options: IndicatorOptions): Promise<Computed> {
  const now = options.now ?? ctx.clock();
  const groupBy = options.groupBy ?? 'none';
  const [settings, calendar, dossiers, procedures, ratings, pakn, people] = await Promise.all([
    getSettings(ctx.db, centreId),
    loadCalendar(ctx.db),
    listIndicatorDossiers(ctx.db, centreId, range.from, range.to),
    listProceduresWithVersions(ctx.db, centreId),
    listRatingsBefore(ctx.db, centreId, range.to),
    listPaknBefore(ctx.db, centreId, range.to),
    listPeopleNames(ctx.db, centreId),
  ]);
  const computation = computeIndicatorsFrom({
    period: range,
    now,
    dossiers: dossiers.map((r) => ({ dossier: r.dossier, fieldName: r.fieldName })),
    procedures: procedures.map((p) => ({
      id: p.id,
      code: p.code,
      fieldName: p.fieldName,
      active: p.active,
      version: p.version,
    })),
    ratings: ratings.map((r) => ({ dossierId: r.dossierId, reportsAs: r.reportsAs, at: new Date(r.at) })),
    pakn: pakn.map((p) => ({
      id: p.id,
      code: p.code,
      category: p.category,
      categoryLabel: PAKN_CATEGORY_LABELS[p.category as PaknCategory] ?? { vi: p.category, en: p.category },
      status: p.status,
      dossierId: p.subject.dossierId,
      officerId: p.subject.officerId,
      receivedAt: p.receivedAt,
      answeredAt: p.answer?.at ?? null,
      citizenSatisfied: p.citizenSatisfied,
      clock: paknClockOf(p),
    })),
    officerNames: people,
    calendar: calendar.deadlines,
    options: { groupBy, apologyCountsAsLate: settings.apologyCountsAsLate },
  });
  const asOf = now < range.to ? now : range.to;
  return {
    computation,
    asOf,
    apologyCountsAsLate: settings.apologyCountsAsLate,
    groupBy,
    records: {
      dossiers: new Map(
        dossiers.map(({ dossier: d }) => [
          d.id,
          {
            code: d.code,
            procedure: `${d.procedureCode} – ${d.procedureName}`,
            receivedAt: d.receivedAt,
            dueAt: d.dueAt,
            end: d.finishedAt ?? d.returnedAt ?? d.stop?.at ?? d.refusal?.at ?? d.withdrawnAt,
          },
        ]),
      ),
      pakn: new Map(
        pakn.map((p) => [
          p.id,
          { code: p.code, category: p.category, receivedAt: p.receivedAt, end: p.rejection?.at ?? p.publishedAt ?? p.answer?.at ?? null },
        ]),
      ),
      procedures: new Map(procedures.map((p) => [p.id, { code: p.code, name: p.version?.name ?? '' }])),
    },
  };
}

/**
 * The 766 indicators of `centreId` for [range.from, range.to), taken at min(range.to, now). Open
 * dossiers are judged at that instant; the 2.2 cohort counts what finished by now.
 */
export async function computeIndicators(
  ctx: ServiceContext,
  centreId: string,
  range: { from: Date; to: Date },
  options: IndicatorOptions = {},
): Promise<IndicatorReport> {
  const c = await compute(ctx, centreId, range, options);
  return reportOf(centreId, range, c);
}

function reportOf(centreId: string, range: { from: Date; to: Date }, c: Computed): IndicatorReport {
  return {
    centreId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    asOf: c.asOf.toISOString(),
    groupBy: c.groupBy,
    apologyCountsAsLate: c.apologyCountsAsLate,
    indicators: c.computation.indicators,
    points: c.computation.points,
    maxPoints: c.computation.maxPoints,
  };
}

/** Local days → the period's instants, or a Vietnamese VALIDATION_FAILED. */
export function periodOfDays(from: string, to: string): { from: Date; to: Date } {
  const problem = periodProblem(from, to);
  if (problem) throw new AppError('VALIDATION_FAILED', { detail: problem });
  return periodInstants(from, to);
}

export async function indicatorReport(ctx: ServiceContext, actor: Actor, query: IndicatorQuery): Promise<IndicatorReport> {
  assertManager(actor);
  return computeIndicators(ctx, actor.centreId, periodOfDays(query.from, query.to), { groupBy: query.groupBy });
}

/** The records one figure counts (the indicator's own value, an extra figure, or one group's row), with why. */
export async function indicatorItems(
  ctx: ServiceContext,
  actor: Actor,
  id: IndicatorId,
  query: IndicatorItemsQuery,
  lang: Lang,
): Promise<IndicatorItems> {
  assertManager(actor);
  const c = await compute(ctx, actor.centreId, periodOfDays(query.from, query.to), { groupBy: query.groupBy });
  const indicator = c.computation.indicators[id];
  let figure: { numeratorIds: string[]; denominatorIds: string[] } = indicator;
  if (query.figure && query.figure !== 'value') {
    const extra = indicator.extra.find((f) => f.key === query.figure);
    if (!extra) throw new AppError('NOT_FOUND', { entity: 'indicator figure' });
    figure = extra;
  }
  if (query.group !== undefined) {
    const row = indicator.groups.find((g) => g.key === query.group);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'indicator group' });
    if (query.figure && query.figure !== 'value') {
      // An extra figure within one group: the figure's records that belong to the group.
      const inGroup = new Set(row.denominatorIds);
      figure = { numeratorIds: figure.numeratorIds.filter((x) => inGroup.has(x)), denominatorIds: figure.denominatorIds.filter((x) => inGroup.has(x)) };
    } else {
      figure = row;
    }
  }
  const inNumerator = new Set(figure.numeratorIds);
  const ids = [...new Set([...figure.denominatorIds, ...figure.numeratorIds])];
  const notes = c.computation.notes[id];
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const items: IndicatorItem[] = ids.map((itemId) => {
    const note = notes.get(itemId);
    const why = note ? (lang === 'vi' ? note.whyVi : note.whyEn) : '';
    const base = { kind: indicator.itemKind, id: itemId, inNumerator: inNumerator.has(itemId), why, status: note?.status ?? null, measure: note?.measure ?? null };
    if (indicator.itemKind === 'dossier') {
      const d = c.records.dossiers.get(itemId);
      return { ...base, code: d?.code ?? itemId, title: d?.procedure ?? '', receivedAt: iso(d?.receivedAt ?? null), dueAt: iso(d?.dueAt ?? null), endAt: iso(d?.end ?? null) };
    }
    if (indicator.itemKind === 'pakn') {
      const p = c.records.pakn.get(itemId);
      const label = p ? PAKN_CATEGORY_LABELS[p.category as PaknCategory]?.[lang] ?? p.category : '';
      return { ...base, code: p?.code ?? itemId, title: label, receivedAt: iso(p?.receivedAt ?? null), dueAt: null, endAt: iso(p?.end ?? null) };
    }
    const proc = c.records.procedures.get(itemId);
    return { ...base, code: proc?.code ?? itemId, title: proc?.name ?? '', receivedAt: null, dueAt: null, endAt: null };
  });
  items.sort((a, b) => Number(b.inNumerator) - Number(a.inNumerator) || (a.receivedAt ?? a.code).localeCompare(b.receivedAt ?? b.code));
  return { id, figure: query.figure ?? 'value', group: query.group ?? null, items };
}
