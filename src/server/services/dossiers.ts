/**
 * Dossiers from the counter to the return desk. Each command loads the dossier, applies one domain
 * action from core/dossier with the working calendar, and saves the new state and its events in one
 * transaction.
 */
import { processingTimeText as formatProcessingTime } from '../../contracts/dossier-text';
import type { Lang } from '../../contracts/lang';
import type {
  DossierActionInput,
  DossierActionName,
  DossierListItem,
  DossierListQuery,
  DossierView,
  PublicDossier,
  ReceiveDossierInput,
} from '../../contracts/dossier';
import type { ProcessingTime } from '../../core/calendar/calendar-types';
import type { ProcessingRule } from '../../core/catalogue/procedure';
import { dossierCodeFormat, isAgencyCode } from '../../core/dossier/dossier-code';
import {
  availableActions,
  completeSupplement,
  DOSSIER_STATUS_LABELS,
  finishStep,
  issueApology,
  receiveDossier,
  receiveIncompleteDossier,
  recordIncomplete,
  refuse,
  refuseAtReception,
  requestSupplement,
  returnResult,
  stopProcessing,
  withdraw,
  type DossierAction,
  type DossierIntake,
  type DossierResult,
} from '../../core/dossier/dossier';
import type { Dossier } from '../../core/dossier/dossier-types';
import { classifyTimeliness, dueSoon, stepTimeliness, type TimelinessOptions } from '../../core/dossier/timeliness';
import { AppError } from '../../core/shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { findProcedure, findVersion, type ProcedureVersionRecord } from '../../db/repositories/catalogue.repository';
import {
  appendDossierEvents,
  findDossier,
  findDossierByCode,
  insertDossier,
  listDossierEvents,
  listDossiers,
  nextBookNumber,
  nextDossierSequence,
  readyDossierCodesForCitizen,
  saveDossier,
  type DossierRecord,
} from '../../db/repositories/dossier.repository';
import { findCentre } from '../../db/repositories/reference.repository';
import { findTicket } from '../../db/repositories/ticket.repository';
import { processRefOfDossier, recordProcessIssueAtReceipt } from './process-documents';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { logDossierReturned } from './dossier-ratings';
import type { ReadyResultsProvider } from './face-services';
import { getSettings } from './settings';
import { loadCalendar, type AppCalendar } from './working-calendar';

type Officer = Extract<Actor, { kind: 'user' }>;

function assertOfficer(actor: Actor): asserts actor is Officer {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
}

/** The dossier's time as the views and forms write it, e.g. "3 ngày làm việc". */
export function processingTimeText(time: ProcessingTime, lang: Lang = 'vi'): string {
  return formatProcessingTime(time.amount, time.unit, time.cutoff, lang);
}

/** The rule for the channel the dossier came by; the committed (shortened) time wins over the legal one. */
export function processingTimeFor(version: ProcedureVersionRecord, channel: ReceiveDossierInput['channel'], code: string): ProcessingTime {
  const rule: ProcessingRule | undefined =
    version.rules.find((r) => r.channel === channel) ?? version.rules.find((r) => r.channel === 'direct') ?? version.rules[0];
  if (!rule || (rule.amount == null && rule.unit !== 'same-day')) throw new AppError('PROCEDURE_INACTIVE', { code });
  const amount = rule.committedAmount ?? rule.amount ?? 0;
  return { amount, unit: rule.unit, cutoff: version.cutoff };
}

export async function receiveDossierAtCounter(ctx: ServiceContext, actor: Actor, input: ReceiveDossierInput): Promise<DossierView> {
  assertOfficer(actor);
  const now = ctx.clock();
  const { settings } = await ctx.hall.get(ctx.db, actor.centreId);
  const format = dossierCodeFormat(settings.dossierCodeFormat);
  const calendar = await loadCalendar(ctx.db);
  const id = ctx.newId();
  await inTransaction(ctx, async (tx) => {
    const procedure = await findProcedure(tx, actor.centreId, input.procedureId);
    const version = procedure?.currentVersionId ? await findVersion(tx, procedure.currentVersionId) : undefined;
    if (!procedure || !version) throw new AppError('NOT_FOUND', { entity: 'procedure' });
    if (!procedure.active) throw new AppError('PROCEDURE_INACTIVE', { code: procedure.code });
    if (input.ticketId) {
      const ticket = await findTicket(tx, input.ticketId);
      if (!ticket || ticket.centreId !== actor.centreId) throw new AppError('NOT_FOUND', { entity: 'ticket' });
    }
    const bad = input.documentsReceived.find((i) => i >= version.documents.length);
    if (bad !== undefined) {
      throw new AppError('VALIDATION_FAILED', { detail: `documentsReceived: giấy tờ số ${bad + 1} không có trong thành phần hồ sơ của thủ tục` });
    }
    const processingTime = processingTimeFor(version, input.channel, procedure.code);
    const centre = await findCentre(tx, actor.centreId);
    const day = serviceDayOf(now);
    const sequence = await nextDossierSequence(tx, actor.centreId, day);
    const agencyCode = settings.agencyCode || centre!.code;
    // A real installation starts with a centre code like "CHUA-DAT": say what to set, not a format rule.
    if (!isAgencyCode(agencyCode)) throw new AppError('AGENCY_CODE_MISSING', { value: agencyCode });
    const code = format.format({ agencyCode, receivedOn: day, sequence });
    const intake: DossierIntake = {
      id,
      code,
      procedure: {
        versionId: version.id,
        code: procedure.code,
        name: version.name,
        processingTime,
        documents: version.documents,
        steps: version.steps,
      },
      channel: input.channel,
      applicant: input.applicant,
      ticked: input.documentsReceived.map((i) => version.documents[i]!.name),
      ticketId: input.ticketId,
      officer: { id: actor.id, name: actor.name },
    };
    const result =
      input.outcome === 'receive'
        ? receiveDossier(intake, now, calendar.deadlines)
        : input.outcome === 'incomplete'
          ? recordIncomplete(intake, input.missingItems, now)
          : refuseAtReception(intake, input.reason, now);
    const year = Number(day.slice(0, 4));
    await insertDossier(
      tx,
      {
        dossier: result.dossier,
        centreId: actor.centreId,
        procedureId: procedure.id,
        fieldName: procedure.fieldName,
        bookYear: year,
        bookNumber: await nextBookNumber(tx, actor.centreId, year),
      },
      now,
    );
    await appendDossierEvents(tx, id, actor.id, result.events);
    if (result.dossier.receivedAt) await recordProcessIssueAtReceipt(tx, id, procedure.id, now);
  });
  return getDossierView(ctx, actor, id, 'vi');
}

const ACTION_OF: Record<DossierActionName, DossierAction> = {
  receive: 'receive',
  'finish-step': 'finish-step',
  'request-supplement': 'request-supplement',
  'complete-supplement': 'complete-supplement',
  apologise: 'issue-apology',
  stop: 'stop',
  refuse: 'refuse',
  withdraw: 'withdraw',
  return: 'return-result',
};
const NAME_OF = Object.fromEntries(Object.entries(ACTION_OF).map(([name, action]) => [action, name])) as Record<DossierAction, DossierActionName>;

function applyAction(d: Dossier, officer: Officer, input: DossierActionInput, now: Date, calendar: AppCalendar): DossierResult {
  switch (input.action) {
    case 'receive': {
      const bad = input.documentsReceived.find((i) => i >= d.documents.length);
      if (bad !== undefined) throw new AppError('VALIDATION_FAILED', { detail: `documentsReceived: giấy tờ số ${bad + 1} không có trong hồ sơ` });
      return receiveIncompleteDossier(d, input.documentsReceived.map((i) => d.documents[i]!.name), now, calendar.deadlines);
    }
    case 'finish-step':
      return finishStep(d, { officerId: officer.id, officerName: officer.name, note: input.note }, now, calendar.deadlines);
    case 'request-supplement':
      return requestSupplement(d, input.items, now);
    case 'complete-supplement':
      return completeSupplement(d, now, calendar.deadlines);
    case 'apologise': {
      if (!input.newDueAt) throw new AppError('VALIDATION_FAILED', { detail: 'newDueAt: cần ngày hẹn trả kết quả mới' });
      return issueApology(d, { reason: input.reason, newDueAt: new Date(input.newDueAt) }, now);
    }
    case 'stop':
      return stopProcessing(d, input.reason, now);
    case 'refuse':
      return refuse(d, input.reason, now);
    case 'withdraw':
      return withdraw(d, now);
    case 'return':
      return returnResult(d, { receivedBy: input.receivedBy }, now);
  }
}

export async function actOnDossier(ctx: ServiceContext, actor: Actor, id: string, input: DossierActionInput): Promise<DossierView> {
  assertOfficer(actor);
  const now = ctx.clock();
  const calendar = await loadCalendar(ctx.db);
  await inTransaction(ctx, async (tx) => {
    const record = await findDossier(tx, actor.centreId, id, true);
    if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
    const result = applyAction(record.dossier, actor, input, now, calendar);
    await saveDossier(tx, result.dossier, now);
    await appendDossierEvents(tx, id, actor.id, result.events);
    if (input.action === 'receive') await recordProcessIssueAtReceipt(tx, id, record.procedureId, now);
    // The rating screen of the counter where the result was handed over asks about the dossier.
    if (input.action === 'return') await logDossierReturned(tx, actor, result.dossier, now);
  });
  return getDossierView(ctx, actor, id, 'vi');
}

function iso(d: Date | null | undefined): string | null {
  return d ? d.toISOString() : null;
}

function formsOf(d: Dossier): DossierView['forms'] {
  const forms: DossierView['forms'] = [];
  if (d.receivedAt) forms.push('01');
  if (d.guidance || d.supplements.length > 0) forms.push('02');
  if (d.refusal) forms.push('03');
  if (d.apology) forms.push('04');
  if (d.stop) forms.push('05');
  if (d.receivedAt && d.steps.length > 0) forms.push('06');
  return forms;
}

export function viewOf(
  record: DossierRecord,
  calendar: AppCalendar,
  now: Date,
  lang: Lang,
  extra: { procedureVersion: number; receivedByName: string | null; events: DossierView['events']; processDocument?: DossierView['processDocument'] },
  timelinessOptions: TimelinessOptions = {},
): DossierView {
  const d = record.dossier;
  const current = d.steps.findIndex((s) => s.startedAt !== null && s.finishedAt === null);
  // Judged again rather than read from the stored value: the apology policy is a setting that may change.
  const timeliness = classifyTimeliness(d, now, timelinessOptions).timeliness ?? d.timeliness;
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status][lang],
    procedureId: record.procedureId,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    procedureVersion: extra.procedureVersion,
    processDocument: extra.processDocument ?? null,
    fieldName: record.fieldName,
    channel: d.channel,
    processingTime: { amount: d.processingTime.amount, unit: d.processingTime.unit, cutoff: d.processingTime.cutoff ?? null },
    processingTimeText: processingTimeText(d.processingTime, lang),
    applicant: d.applicant,
    documents: d.documents,
    ticketId: d.ticketId,
    receivedByName: extra.receivedByName,
    receivedAt: iso(d.receivedAt),
    createdAt: d.createdAt.toISOString(),
    dueAt: iso(d.dueAt),
    extendedDueAt: iso(d.extendedDueAt),
    apology: d.apology ? { issuedAt: d.apology.issuedAt.toISOString(), reason: d.apology.reason, newDueAt: d.apology.newDueAt.toISOString() } : null,
    guidance: d.guidance ? { at: d.guidance.at.toISOString(), items: d.guidance.items } : null,
    supplements: d.supplements.map((s) => ({ requestedAt: s.requestedAt.toISOString(), items: s.items, completedAt: iso(s.completedAt) })),
    steps: d.steps.map((s) => ({
      code: s.code,
      name: s.name,
      unit: s.unit,
      allowanceHours: s.allowanceHours,
      startedAt: iso(s.startedAt),
      dueAt: iso(s.dueAt),
      finishedAt: iso(s.finishedAt),
      officerName: s.officerName,
      note: s.note,
      timeliness: stepTimeliness(s, now),
    })),
    currentStep: current >= 0 ? current : null,
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    returnedTo: d.returnedTo,
    refusal: d.refusal ? { at: d.refusal.at.toISOString(), reason: d.refusal.reason } : null,
    stop: d.stop ? { at: d.stop.at.toISOString(), reason: d.stop.reason } : null,
    timeliness,
    dueState: dueSoon(d, now, calendar.deadlines),
    actions: availableActions(d).map((a) => NAME_OF[a]),
    forms: formsOf(d),
    bookNumber: record.bookNumber,
    events: extra.events,
  };
}

export async function getDossierView(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<DossierView> {
  assertOfficer(actor);
  const record = await findDossier(ctx.db, actor.centreId, id);
  if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
  const [calendar, version, events, settings, processDocument] = await Promise.all([
    loadCalendar(ctx.db),
    findVersion(ctx.db, record.dossier.procedureVersionId),
    listDossierEvents(ctx.db, id),
    getSettings(ctx.db, actor.centreId),
    processRefOfDossier(ctx.db, id),
  ]);
  const receivedBy = record.dossier.receivedById ? events.find((e) => e.type === 'dossier.received')?.actorName ?? null : null;
  return viewOf(record, calendar, ctx.clock(), lang, {
    procedureVersion: version?.version ?? 0,
    processDocument,
    receivedByName: receivedBy,
    events: events.map((e) => ({ type: e.type, at: e.at.toISOString(), actorName: e.actorName, data: e.data as Record<string, unknown> })),
  }, { apologyCountsAsLate: settings.apologyCountsAsLate });
}

const OPEN_STATUSES = ['in-progress', 'supplement-requested'] as const;
const CLOSED_STATUSES = ['refused', 'stopped', 'withdrawn', 'returned'] as const;

export function listItemOf(record: DossierRecord, calendar: AppCalendar, now: Date, lang: Lang, timelinessOptions: TimelinessOptions = {}): DossierListItem {
  const d = record.dossier;
  const current = d.steps.find((s) => s.startedAt !== null && s.finishedAt === null);
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status][lang],
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    fieldName: record.fieldName,
    createdAt: d.createdAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    extendedDueAt: iso(d.extendedDueAt),
    returnedAt: iso(d.returnedAt),
    timeliness: classifyTimeliness(d, now, timelinessOptions).timeliness ?? d.timeliness,
    dueState: dueSoon(d, now, calendar.deadlines),
    applicantName: d.applicant.fullName,
    currentStepName: current?.name ?? null,
  };
}

export async function listDossierItems(ctx: ServiceContext, actor: Actor, query: DossierListQuery, lang: Lang): Promise<DossierListItem[]> {
  assertOfficer(actor);
  const statuses =
    query.status === 'all'
      ? undefined
      : query.status === 'open'
        ? OPEN_STATUSES
        : query.status === 'closed'
          ? CLOSED_STATUSES
          : [query.status];
  const records = await listDossiers(ctx.db, actor.centreId, {
    ...(statuses ? { statuses } : {}),
    ...(query.due ? { statuses: OPEN_STATUSES } : {}),
    ...(query.from ? { createdFrom: startOfServiceDay(query.from) } : {}),
    ...(query.to ? { createdBefore: new Date(startOfServiceDay(query.to).getTime() + 86_400_000) } : {}),
    ...(query.procedureId ? { procedureId: query.procedureId } : {}),
    ...(query.fieldName ? { fieldName: query.fieldName } : {}),
    ...(query.q ? { text: query.q } : {}),
    limit: query.due ? 5000 : query.limit,
  });
  const [calendar, settings] = await Promise.all([loadCalendar(ctx.db), getSettings(ctx.db, actor.centreId)]);
  const now = ctx.clock();
  let items = records.map((r) => listItemOf(r, calendar, now, lang, { apologyCountsAsLate: settings.apologyCountsAsLate }));
  if (query.due) items = items.filter((i) => i.dueState === query.due).slice(0, query.limit);
  return items;
}

/** "Nguyễn Văn An" → "N. V. A.": enough for the citizen to recognise their dossier, nothing more. */
export function initialsOf(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toLocaleUpperCase('vi')}.`)
    .join(' ');
}

/** /lookup: what the slip shows, without the applicant's personal data (codes are sequential, so guessable). */
export async function lookupDossier(ctx: ServiceContext, code: string, lang: Lang): Promise<PublicDossier> {
  const record = await findDossierByCode(ctx.db, code.trim().toUpperCase());
  if (!record) throw new AppError('NOT_FOUND', { entity: 'dossier' });
  const d = record.dossier;
  const pending = d.status === 'supplement-requested' ? d.supplements[d.supplements.length - 1]?.items ?? [] : d.status === 'incomplete' ? d.guidance?.items ?? [] : [];
  return {
    code: d.code,
    procedureName: d.procedureName,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status][lang],
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    extendedDueAt: iso(d.extendedDueAt),
    returnedAt: iso(d.returnedAt),
    applicantInitials: initialsOf(d.applicant.fullName),
    steps: d.steps.map((s) => ({ name: s.name, done: s.finishedAt !== null, finishedAt: iso(s.finishedAt) })),
    resultReady: d.status === 'result-ready',
    missingItems: pending,
  };
}

/** The kiosk tells a recognised citizen that a result is waiting (the face issue's hook). */
export const readyResultsFromDossiers: ReadyResultsProvider = async (ctx, citizenId) => {
  const citizen = await ctx.db.selectFrom('citizen').select('centreId').where('id', '=', citizenId).executeTakeFirst();
  if (!citizen) return [];
  const codes = await readyDossierCodesForCitizen(ctx.db, citizen.centreId, citizenId);
  return codes.map((dossierCode) => ({ dossierCode, counterNumber: null }));
};
