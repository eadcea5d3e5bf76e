/**
 * The documents of an inspection: a round's minutes (biên bản) and the year's summary, each as a page to
 * print (or save as PDF) from the browser, a .doc Word opens, and an .xlsx workbook. Everything here reads
 * through the executor it is given: the minutes are also rendered inside the transaction that concludes
 * the round (and PGlite has one connection).
 */
import {
  ACTION_STATUS_LABELS,
  PAR_FIELD_LABELS,
  ROUND_KIND_LABELS,
  ROUND_STATUS_LABELS,
  SEVERITY_LABELS,
  TEAM_ROLE_LABELS,
  VERDICT_LABELS,
  type ParField,
} from '../../contracts/inspection';
import { isLate, isOpen, isOverdue } from '../../core/inspection/corrective-action';
import { tallyVerdicts } from '../../core/inspection/round';
import { serviceDayOf } from '../../core/shared/local-time';
import type { Executor } from '../../db/repositories/executor';
import { listActions, listFindings, listRounds, listVerdicts, type ActionRow } from '../../db/repositories/inspection.repository';
import { FORM_PRINT_SCRIPT } from '../printing/dossier-forms.html';
import { renderMinutesHtml, writeMinutesXlsx, type MinutesAction, type MinutesModel } from '../printing/inspection-minutes';
import { renderYearSummaryHtml, writeYearSummaryXlsx, type YearSummaryModel } from '../printing/inspection-summary';
import type { Actor, ServiceContext } from './context';
import { fileMetas } from './files';
import { allPlansWithAccess, assertInspectionUser, carriedActionRows, loadRound, todayOf, unitRefs, visibleUnitIds } from './inspection-access';
import type { OversightActor } from './oversight-access';
import { getSettings } from './settings';

export type DocumentFormat = 'html' | 'doc' | 'xlsx';

export interface RenderedDocument {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

const MEDIA: Record<DocumentFormat, string> = {
  html: 'text/html; charset=utf-8',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function letterhead(ex: Executor, centreId: string): Promise<{ parentAgency: string; place: string }> {
  const settings = await getSettings(ex, centreId);
  return { parentAgency: settings.parentAgencyName, place: settings.formPlaceName };
}

function actionLine(a: ActionRow, today: string): MinutesAction {
  return {
    description: a.description,
    ownerName: a.ownerName,
    dueDate: a.dueDate,
    workingDays: a.workingDays,
    status: ACTION_STATUS_LABELS[a.status].vi,
    overdue: isOverdue(a, today),
  };
}

async function render(format: DocumentFormat, base: string, html: (printScript: string | null) => string, xlsx: () => Promise<Buffer>): Promise<RenderedDocument> {
  if (format === 'xlsx') return { filename: `${base}.xlsx`, mediaType: MEDIA.xlsx, bytes: await xlsx() };
  // The .doc is the same HTML without the print button: Word opens it as a document.
  return { filename: `${base}.${format === 'doc' ? 'doc' : 'html'}`, mediaType: MEDIA[format], bytes: Buffer.from(html(format === 'html' ? FORM_PRINT_SCRIPT : null), 'utf8') };
}

/** The minutes of a round, over the units the actor sees (a unit head gets their unit's extract). */
export async function minutesDocument(ctx: ServiceContext, actor: Actor, roundId: string, format: DocumentFormat, ex: Executor = ctx.db): Promise<RenderedDocument> {
  assertInspectionUser(actor);
  const model = await minutesModel(ctx, actor, roundId, ex);
  const base = `bien-ban-kiem-tra-dot-${model.roundNumber}-${model.planYear}`;
  return render(format, base, (script) => renderMinutesHtml(model, script), () => writeMinutesXlsx(model));
}

async function minutesModel(ctx: ServiceContext, actor: OversightActor, roundId: string, ex: Executor): Promise<MinutesModel> {
  const { round, plan, units: mine } = await loadRound(ex, actor, roundId);
  const plans = await allPlansWithAccess(ex, actor);
  const [verdicts, findings, units, head, carried] = await Promise.all([
    listVerdicts(ex, round.id),
    listFindings(ex, [round.id]),
    unitRefs(ex, actor.centreId, [...round.unitIds]),
    letterhead(ex, actor.centreId),
    carriedActionRows(ex, actor, round, plan, mine, plans),
  ]);
  const actions = await listActions(ex, actor.centreId, { findingIds: findings.map((f) => f.id) });
  const files = new Map(
    (await fileMetas(ctx, actor.centreId, [...verdicts.flatMap((v) => v.evidenceFileIds), ...findings.flatMap((f) => f.evidenceFileIds)], ex)).map((f) => [f.id, f.name]),
  );
  const names = (ids: readonly string[]) => ids.flatMap((id) => files.get(id) ?? []);
  const today = todayOf(ctx);
  const members = plan.team.filter((m) => round.memberKeys.includes(m.key));
  const team = members.length ? members : plan.team;
  const carriedRounds = new Map((await listRounds(ex, [...new Set(carried.map((a) => a.planId))])).map((r) => [r.id, r]));
  return {
    ...head,
    title: round.title,
    kind: round.kind,
    planTitle: plan.title,
    planYear: plan.year,
    decisionRef: plan.decisionRef,
    roundNumber: round.number,
    roundTitle: round.title,
    scope: round.scope,
    processLabel: round.processLabel,
    date: round.concludedAt ? serviceDayOf(round.concludedAt) : round.plannedDate,
    concluded: round.status === 'concluded',
    conclusion: round.conclusion,
    members: team.map((m) => ({ name: m.name, role: TEAM_ROLE_LABELS[m.role].vi, organisation: m.organisation })),
    leadName: team.find((m) => m.role === 'lead')?.name ?? '',
    secretaryName: team.find((m) => m.role === 'secretary')?.name ?? '',
    units: mine.map((unitId) => {
      const own = new Map(verdicts.filter((v) => v.unitId === unitId).map((v) => [v.criterionId, v]));
      const tally = tallyVerdicts(round.checklist, new Map([...own].map(([k, v]) => [k, v.verdict])));
      return {
        name: units.get(unitId)?.name ?? '',
        ...tally,
        rows: round.checklist.map((c) => {
          const v = own.get(c.id);
          return {
            code: c.code,
            text: c.text,
            fieldLabel: `${c.field}. ${PAR_FIELD_LABELS[c.field as ParField]?.vi ?? ''}`,
            verdict: VERDICT_LABELS[v?.verdict ?? 'pending'].vi,
            note: v?.note ?? '',
            evidence: names(v?.evidenceFileIds ?? []),
          };
        }),
        findings: findings
          .filter((f) => f.unitId === unitId)
          .map((f) => ({
            criterionCode: f.criterionId ? (round.checklist.find((c) => c.id === f.criterionId)?.code ?? f.criterionId) : null,
            severity: SEVERITY_LABELS[f.severity].vi,
            description: f.description,
            evidence: names(f.evidenceFileIds),
            actions: actions.filter((a) => a.findingId === f.id).map((a) => actionLine(a, today)),
          })),
      };
    }),
    carried: carried.map((a) => ({ ...actionLine(a, today), unitName: units.get(a.unitId)?.name ?? '', roundTitle: carriedRounds.get(a.roundId)?.title ?? '' })),
  };
}

/** The year's summary over the plans (and units) the actor sees. */
export async function yearSummaryDocument(ctx: ServiceContext, actor: Actor, year: number, format: DocumentFormat): Promise<RenderedDocument> {
  assertInspectionUser(actor);
  const ex = ctx.db;
  const plans = (await allPlansWithAccess(ex, actor)).filter((p) => p.access.see && p.plan.year === year);
  const rounds = await listRounds(ex, plans.map((p) => p.plan.id));
  const [findings, actions, units, head] = await Promise.all([
    listFindings(ex, rounds.map((r) => r.id)),
    listActions(ex, actor.centreId, { planIds: plans.map((p) => p.plan.id) }),
    unitRefs(ex, actor.centreId, plans.flatMap((p) => p.plan.unitIds)),
    letterhead(ex, actor.centreId),
  ]);
  const today = todayOf(ctx);
  const visible = new Map(plans.map((p) => [p.plan.id, visibleUnitIds(p.access, p.plan.unitIds)]));
  const seen = (planId: string, unitId: string) => visible.get(planId)?.includes(unitId) ?? false;
  const myActions = actions.filter((a) => seen(a.planId, a.unitId));
  const roundTitle = new Map(rounds.map((r) => [r.id, r.title]));
  const unitIds = [...new Set(plans.flatMap((p) => visible.get(p.plan.id) ?? []))];
  const verdictsByRound = new Map(await Promise.all(rounds.map(async (r) => [r.id, await listVerdicts(ex, r.id)] as const)));
  const model: YearSummaryModel = {
    ...head,
    date: today,
    year,
    plans: plans.map(({ plan }) => ({
      title: plan.title,
      decisionRef: plan.decisionRef,
      rounds: rounds
        .filter((r) => r.planId === plan.id && r.unitIds.some((u) => seen(plan.id, u)))
        .map((r) => ({
          number: r.number,
          title: r.title,
          kind: ROUND_KIND_LABELS[r.kind].vi,
          date: r.concludedAt ? serviceDayOf(r.concludedAt) : r.plannedDate,
          status: ROUND_STATUS_LABELS[r.status].vi,
          units: r.unitIds
            .filter((u) => seen(plan.id, u))
            .map((u) => {
              const own = (verdictsByRound.get(r.id) ?? []).filter((v) => v.unitId === u);
              const fs = findings.filter((f) => f.roundId === r.id && f.unitId === u);
              return {
                name: units.get(u)?.name ?? '',
                ...tallyVerdicts(r.checklist, new Map(own.map((v) => [v.criterionId, v.verdict]))),
                findingsLow: fs.filter((f) => f.severity === 'low').length,
                findingsMedium: fs.filter((f) => f.severity === 'medium').length,
                findingsHigh: fs.filter((f) => f.severity === 'high').length,
              };
            }),
        })),
    })),
    unitTotals: unitIds.map((u) => {
      const acts = myActions.filter((a) => a.unitId === u);
      return {
        name: units.get(u)?.name ?? '',
        findings: findings.filter((f) => f.unitId === u && plans.some((p) => seen(p.plan.id, u) && rounds.some((r) => r.id === f.roundId && r.planId === p.plan.id))).length,
        actions: acts.length,
        closed: acts.filter((a) => a.status === 'closed').length,
        awaiting: acts.filter((a) => a.status === 'done').length,
        open: acts.filter((a) => a.status === 'open' || a.status === 'in-progress').length,
        overdue: acts.filter((a) => isOverdue(a, today)).length,
        late: acts.filter((a) => isLate({ ...a, doneDay: a.doneAt ? serviceDayOf(a.doneAt) : null })).length,
      };
    }),
    openActions: myActions
      .filter((a) => isOpen(a.status))
      .map((a) => ({ ...actionLine(a, today), unitName: units.get(a.unitId)?.name ?? '', roundTitle: roundTitle.get(a.roundId) ?? '' })),
  };
  return render(format, `bao-cao-tong-hop-kiem-tra-cchc-${year}`, (script) => renderYearSummaryHtml(model, script), () => writeYearSummaryXlsx(model));
}
