/**
 * What managers and inspectors read: the tracking book (Sổ theo dõi hồ sơ, Form 07), on-time rates
 * by field, procedure, processing unit and officer, and the printable forms of one dossier.
 */
import type { Lang } from '../../contracts/lang';
import type { DossierKpiRow, DossierKpis, TrackingBookRowView } from '../../contracts/dossier';
import { DOSSIER_STATUS_LABELS } from '../../core/dossier/dossier';
import { summariseDossiers } from '../../core/dossier/dossier-kpis';
import type { Dossier } from '../../core/dossier/dossier-types';
import { classifyTimeliness, stepTimeliness } from '../../core/dossier/timeliness';
import { AppError } from '../../core/shared/app-error';
import { startOfServiceDay } from '../../core/shared/local-time';
import { findVersion } from '../../db/repositories/catalogue.repository';
import { findDossier, listDossiers, type DossierRecord } from '../../db/repositories/dossier.repository';
import { findUser } from '../../db/repositories/people.repository';
import { findCentre } from '../../db/repositories/reference.repository';
import { renderDossierForm, type DossierFormCode } from '../printing/dossier-forms.html';
import type { TrackingBookRow, TrackingBookTitle } from '../printing/tracking-book';
import { processRefOfDossier } from './process-documents';
import type { Actor, ServiceContext } from './context';
import { dossierLinks } from './dossier-ratings';
import { listItemOf, processingTimeText } from './dossiers';
import { assertManager } from './manage-reference';
import { getSettings } from './settings';
import { loadCalendar } from './working-calendar';

const DAY_MS = 86_400_000;

function period(from: string, to: string): { from: Date; to: Date } {
  const start = startOfServiceDay(from);
  const end = new Date(startOfServiceDay(to).getTime() + DAY_MS);
  if (end <= start) throw new AppError('VALIDATION_FAILED', { detail: `to: ngày kết thúc ${to} phải sau ngày bắt đầu ${from}` });
  if (end.getTime() - start.getTime() > 400 * DAY_MS) throw new AppError('VALIDATION_FAILED', { detail: 'khoảng thời gian tối đa là 400 ngày' });
  return { from: start, to: end };
}

const OPEN = new Set(['in-progress', 'supplement-requested', 'result-ready']);

/**
 * The tracking book (Form 07) of a period as it is printed or exported: its rows with dates, and its title.
 * The route's Excel and print view, an inspection's frozen extract and the reform figures' records all use it.
 */
export async function trackingBookDocument(
  ctx: ServiceContext,
  actor: Actor,
  query: Parameters<typeof trackingBook>[2],
  lang: Lang,
): Promise<{ rows: TrackingBookRow[]; title: TrackingBookTitle }> {
  const [rows, centre] = await Promise.all([trackingBook(ctx, actor, query, lang), findCentre(ctx.db, actor.centreId)]);
  const date = (iso: string | null) => (iso ? new Date(iso) : null);
  return {
    rows: rows.map((r) => ({
      ...r,
      status: r.statusLabel,
      receivedAt: new Date(r.receivedAt),
      dueAt: date(r.dueAt),
      extendedDueAt: date(r.extendedDueAt),
      transferredAt: date(r.transferredAt),
      resultAt: date(r.resultAt),
      returnedAt: date(r.returnedAt),
    })),
    title: { centreName: centre?.name ?? '', from: query.from, to: query.to },
  };
}

export async function trackingBook(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string; status: 'open' | 'closed' | 'all'; fieldName?: string | undefined; timeliness?: 'early' | 'on-time' | 'late' | 'overdue' | undefined },
  lang: Lang,
): Promise<TrackingBookRowView[]> {
  assertManager(actor);
  const range = period(query.from, query.to);
  const records = await listDossiers(ctx.db, actor.centreId, {
    createdFrom: range.from,
    createdBefore: range.to,
    ...(query.fieldName ? { fieldName: query.fieldName } : {}),
    limit: 100_000,
  });
  const now = ctx.clock();
  const { apologyCountsAsLate } = await getSettings(ctx.db, actor.centreId);
  // The book lists dossiers actually received (Form 01), in the order they were entered.
  const received = records.filter((r) => r.dossier.receivedAt !== null).sort((a, b) => a.bookNumber - b.bookNumber);
  const agencies = new Map<string, string>();
  const rows: TrackingBookRowView[] = [];
  for (const r of received) {
    const d = r.dossier;
    if (!agencies.has(d.procedureVersionId)) agencies.set(d.procedureVersionId, (await findVersion(ctx.db, d.procedureVersionId))?.agency ?? '');
    // Judged again rather than read from the stored value: the apology policy is a setting that may change.
    const judged = classifyTimeliness(d, now, { apologyCountsAsLate });
    const timeliness = judged.timeliness ?? d.timeliness;
    const open = OPEN.has(d.status);
    if (query.status === 'open' && !open) continue;
    if (query.status === 'closed' && open) continue;
    if (query.timeliness === 'overdue' ? !judged.overdue : query.timeliness && timeliness !== query.timeliness) continue;
    const firstHandOver = d.steps[1]?.startedAt ?? null;
    const notes = [d.apology ? `Xin lỗi, hẹn lại: ${d.apology.reason}` : '', d.supplements.length ? `Yêu cầu bổ sung ${d.supplements.length} lần` : '', d.stop ? `Dừng: ${d.stop.reason}` : '', d.refusal ? `Từ chối: ${d.refusal.reason}` : '']
      .filter(Boolean)
      .join('; ');
    rows.push({
      index: rows.length + 1,
      id: d.id,
      code: d.code,
      procedureName: d.procedureName,
      fieldName: r.fieldName,
      sets: 1,
      applicantName: d.applicant.fullName,
      applicantContact: [d.applicant.address, d.applicant.phone].filter(Boolean).join(' – '),
      agency: agencies.get(d.procedureVersionId) ?? '',
      receivedAt: d.receivedAt!.toISOString(),
      dueAt: d.dueAt?.toISOString() ?? null,
      extendedDueAt: d.extendedDueAt?.toISOString() ?? null,
      transferredAt: firstHandOver?.toISOString() ?? null,
      resultAt: d.finishedAt?.toISOString() ?? null,
      returnedAt: d.returnedAt?.toISOString() ?? null,
      returnedTo: d.returnedTo,
      status: d.status,
      statusLabel: DOSSIER_STATUS_LABELS[d.status][lang],
      timeliness,
      overdue: judged.overdue,
      note: notes,
    });
  }
  return rows;
}

function kpiRow(key: string, label: string, s: ReturnType<typeof summariseDossiers>[number] | undefined): DossierKpiRow {
  return {
    key,
    label,
    received: s?.received ?? 0,
    early: s?.finished.early ?? 0,
    onTime: s?.finished.onTime ?? 0,
    late: s?.finished.late ?? 0,
    openWithinTime: s?.unfinished.withinTime ?? 0,
    openOverdue: s?.unfinished.overdue ?? 0,
    onTimeRate: s?.onTimeRate ?? null,
    averageWorkingDays: s?.averageWorkingDays ?? null,
  };
}

/**
 * Step-level rates for processing units and officers: each step is timed against its own allowance
 * (the control slip, Form 06), which is what a unit or an officer is answerable for.
 */
function stepRows(dossiers: readonly Dossier[], range: { from: Date; to: Date }, keyOf: (step: Dossier['steps'][number]) => string | null): DossierKpiRow[] {
  const rows = new Map<string, DossierKpiRow & { minutes: number; finished: number }>();
  for (const d of dossiers) {
    for (const step of d.steps) {
      if (!step.startedAt || step.startedAt >= range.to) continue;
      const endedBefore = step.finishedAt !== null && step.finishedAt < range.from;
      if (endedBefore) continue;
      const key = keyOf(step);
      if (!key) continue;
      const row = rows.get(key) ?? { ...kpiRow(key, key, undefined), minutes: 0, finished: 0 };
      if (step.startedAt >= range.from) row.received += 1;
      const t = step.finishedAt && step.finishedAt <= range.to ? stepTimeliness(step, range.to) : null;
      if (t === 'early') row.early += 1;
      else if (t === 'on-time') row.onTime += 1;
      else if (t === 'late') row.late += 1;
      else if (step.dueAt && range.to > step.dueAt) row.openOverdue += 1;
      else row.openWithinTime += 1;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map(({ minutes: _m, finished: _f, ...row }) => {
      const counted = row.early + row.onTime + row.late + row.openWithinTime + row.openOverdue;
      const good = row.early + row.onTime + row.openWithinTime;
      return { ...row, onTimeRate: counted === 0 ? null : Math.round((good * 10000) / counted) / 100 };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}

export async function dossierKpis(
  ctx: ServiceContext,
  actor: Actor,
  query: { from: string; to: string; groupBy: 'field' | 'procedure' | 'unit' | 'officer' },
  lang: Lang,
): Promise<DossierKpis> {
  assertManager(actor);
  const range = period(query.from, query.to);
  const now = ctx.clock();
  const at = range.to < now ? range.to : now;
  // Dossiers received before the period may still be open in it: look back a year.
  const records = await listDossiers(ctx.db, actor.centreId, { createdFrom: new Date(range.from.getTime() - 366 * DAY_MS), createdBefore: range.to, limit: 100_000 });
  const calendar = await loadCalendar(ctx.db);
  const { apologyCountsAsLate } = await getSettings(ctx.db, actor.centreId);
  // 2.2's cohort (received in the period) counts what finished by now, not only by the period's end.
  const summaryOptions = { apologyCountsAsLate, completedBy: now };
  const dossiers = records.map((r) => r.dossier);
  const fieldOf = new Map(records.map((r) => [r.dossier.id, r.fieldName]));
  let rows: DossierKpiRow[];
  if (query.groupBy === 'field' || query.groupBy === 'procedure') {
    const keyOf = (d: Dossier) => (query.groupBy === 'field' ? fieldOf.get(d.id) ?? '' : d.procedureCode);
    const names = new Map(dossiers.map((d) => [d.procedureCode, d.procedureName]));
    rows = summariseDossiers(dossiers, { from: range.from, to: at }, keyOf, calendar.deadlines, summaryOptions).map((s) =>
      kpiRow(s.group, query.groupBy === 'procedure' ? `${s.group} – ${names.get(s.group) ?? ''}` : s.group, s),
    );
  } else {
    rows = stepRows(dossiers, { from: range.from, to: at }, (step) => (query.groupBy === 'unit' ? step.unit : step.officerName));
  }
  const [total] = summariseDossiers(dossiers, { from: range.from, to: at }, () => 'all', calendar.deadlines, summaryOptions);
  const open = records.filter((r) => r.dossier.status === 'in-progress' || r.dossier.status === 'supplement-requested');
  const items = open.map((r) => listItemOf(r, calendar, now, lang, { apologyCountsAsLate }));
  const byDue = (a: { dueAt: string | null }, b: { dueAt: string | null }) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '');
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    total: kpiRow('all', lang === 'vi' ? 'Tổng cộng' : 'Total', total),
    rows,
    dueSoon: items.filter((i) => i.dueState === 'due-soon').sort(byDue),
    overdue: items.filter((i) => i.dueState === 'overdue').sort(byDue),
  };
}

export async function renderDossierFormPage(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  form: DossierFormCode,
  lookupBase: string,
): Promise<string> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const record: DossierRecord | undefined = await findDossier(ctx.db, actor.centreId, id);
  if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
  const [centre, version, hall] = await Promise.all([
    findCentre(ctx.db, actor.centreId),
    findVersion(ctx.db, record.dossier.procedureVersionId),
    ctx.hall.get(ctx.db, actor.centreId),
  ]);
  const d = record.dossier;
  const legal = version?.rules.find((r) => r.channel === d.channel) ?? version?.rules[0];
  const legalTimeText = legal && (legal.amount != null || legal.unit === 'same-day')
    ? processingTimeText({ amount: legal.amount ?? 0, unit: legal.unit, cutoff: version?.cutoff ?? null })
    : processingTimeText(d.processingTime);
  const receiver = d.receivedById ? (await findUser(ctx.db, d.receivedById))?.fullName ?? null : null;
  return renderDossierForm(
    form,
    {
      centre: {
        name: centre!.name,
        parentAgency: hall.settings.parentAgencyName,
        agencyCode: hall.settings.agencyCode || centre!.code,
        address: centre!.address,
      },
      dossier: d,
      legalTimeText,
      // Code + token: the lookup page offers the rating once the result is returned.
      lookupUrl: (await dossierLinks(ctx, actor.centreId, d, lookupBase)).lookupUrl,
      officerName: receiver ?? actor.name,
      place: hall.settings.formPlaceName,
      book: { volume: String(record.bookYear), number: record.bookNumber },
      processLabel: (await processRefOfDossier(ctx.db, d.id))?.label ?? null,
    },
    ctx.clock(),
  );
}
