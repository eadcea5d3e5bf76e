/**
 * The life of a dossier at a one-stop centre (DOMAIN-VN §1.1). Pure: each action takes the current
 * dossier, its command and the time (plus the calendar when a deadline moves) and returns a new
 * dossier with the events that record the change. The input is never modified, so a rejected action
 * leaves the caller's copy as it was.
 *
 *   at the counter:  incomplete (Form 02) ──receive──▶ in-progress ◀── receive (complete at once)
 *                    refused (Form 03)
 *   processing:      in-progress ⇄ supplement-requested (clock paused)
 *                    in-progress ──last step──▶ result-ready ──return──▶ returned
 *   side exits:      stopped (Form 05), refused, withdrawn; apology (Form 04) once, stays in progress.
 */
import type { ProcessingTime } from '../calendar/calendar-types';
import type { Channel, ProcessStep, RequiredDocument } from '../catalogue/procedure';
import { AppError } from '../shared/app-error';
import { formatLocalDate, formatLocalTime } from '../shared/local-time';
import type { DeadlineCalendar } from './deadline-calendar';
import type { Applicant, Dossier, DossierStatus, DossierStep, ReceivedDocument } from './dossier-types';
import { classifyTimeliness } from './timeliness';

export { DOSSIER_ACTION_LABELS, DOSSIER_STATUS_LABELS } from '../../contracts/labels';

export const DOSSIER_ACTIONS = [
  'receive',
  'finish-step',
  'request-supplement',
  'complete-supplement',
  'issue-apology',
  'stop',
  'refuse',
  'withdraw',
  'return-result',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

const OPEN: readonly DossierStatus[] = ['in-progress', 'supplement-requested'];

/** Which statuses each action starts from (the rule an officer reads is DOSSIER_RULE_LABELS). */
const TRANSITIONS: Record<DossierAction, { from: readonly DossierStatus[] }> = {
  receive: { from: ['incomplete'] },
  'finish-step': { from: ['in-progress'] },
  'request-supplement': { from: ['in-progress'] },
  'complete-supplement': { from: ['supplement-requested'] },
  'issue-apology': { from: OPEN },
  stop: { from: OPEN },
  refuse: { from: ['incomplete', ...OPEN] },
  withdraw: { from: ['incomplete', ...OPEN] },
  'return-result': { from: ['result-ready'] },
};

export const DOSSIER_EVENT_TYPES = [
  'dossier.received',
  'dossier.incomplete',
  'dossier.refused',
  'dossier.step-finished',
  'dossier.supplement-requested',
  'dossier.supplement-completed',
  'dossier.apology-issued',
  'dossier.stopped',
  'dossier.withdrawn',
  'dossier.result-ready',
  'dossier.returned',
] as const;
export type DossierEventType = (typeof DOSSIER_EVENT_TYPES)[number];

export interface DossierEvent {
  type: DossierEventType;
  at: Date;
  data: Record<string, unknown>;
}

export interface DossierResult {
  dossier: Dossier;
  events: DossierEvent[];
}

/** What the counter officer has in hand when a citizen hands over papers. */
export interface DossierIntake {
  id: string;
  code: string;
  /** The procedure version the dossier is received under; later catalogue changes do not touch it. */
  procedure: {
    versionId: string;
    code: string;
    name: string;
    processingTime: ProcessingTime;
    documents: RequiredDocument[];
    steps: ProcessStep[];
  };
  channel: Channel;
  applicant: Applicant;
  /** Names of the documents the officer ticked as handed over. */
  ticked: string[];
  ticketId: string | null;
  officer: { id: string; name: string };
}

export interface MissingItem {
  name: string;
  reason: string;
}

/** The buttons an officer may press on this dossier now. */
export function availableActions(d: Dossier): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(d.status));
}

function assertAllowed(d: Dossier, action: DossierAction): void {
  if (TRANSITIONS[action].from.includes(d.status)) return;
  // Keys, not words: the message is rendered in the caller's language (contracts/labels.ts).
  throw new AppError('DOSSIER_TRANSITION', { action, code: d.code, status: d.status, rule: action });
}

function invalid(detail: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail });
}

function requireText(value: string | null | undefined, detail: string): string {
  const text = value?.trim() ?? '';
  if (text === '') throw invalid(detail);
  return text;
}

function requireItems(items: MissingItem[], what: string): MissingItem[] {
  if (items.length === 0) throw invalid(`${what} phải nêu ít nhất một nội dung cần bổ sung`);
  return items.map((item, i) => ({
    name: requireText(item.name, `nội dung thứ ${i + 1} của ${what} chưa có tên giấy tờ`),
    reason: requireText(item.reason, `nội dung "${item.name.trim() || i + 1}" của ${what} chưa nêu lý do`),
  }));
}

/** Local "HH:MM DD/MM/YYYY", how a date reads on a Vietnamese form. */
function formatInstant(at: Date): string {
  return `${formatLocalTime(at)} ${formatLocalDate(at)}`;
}

function tickDocuments(documents: RequiredDocument[], ticked: string[]): ReceivedDocument[] {
  const names = new Set(documents.map((doc) => doc.name));
  const unknown = ticked.filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw invalid(`giấy tờ không có trong thành phần hồ sơ của thủ tục: ${unknown.join(', ')}`);
  }
  const received = new Set(ticked);
  return documents.map((doc) => ({ ...doc, received: received.has(doc.name) }));
}

function assertMandatoryReceived(documents: ReceivedDocument[]): void {
  const missing = documents.filter((doc) => doc.mandatory && !doc.received).map((doc) => doc.name);
  if (missing.length > 0) throw new AppError('DOCUMENTS_MISSING', { items: missing.join(', ') });
}

function copyStep(step: DossierStep): DossierStep {
  return { ...step };
}

/** A deep enough copy that no action shares a mutable part with its input. */
function copyDossier(d: Dossier): Dossier {
  return {
    ...d,
    applicant: { ...d.applicant },
    processingTime: { ...d.processingTime },
    documents: d.documents.map((doc) => ({ ...doc })),
    apology: d.apology && { ...d.apology },
    guidance: d.guidance && { at: d.guidance.at, items: d.guidance.items.map((i) => ({ ...i })) },
    supplements: d.supplements.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i })) })),
    steps: d.steps.map(copyStep),
    refusal: d.refusal && { ...d.refusal },
    stop: d.stop && { ...d.stop },
  };
}

/** The dossier as written at the counter, before its outcome there is known. */
function draftFromIntake(input: DossierIntake, now: Date): Dossier {
  requireText(input.applicant.fullName, 'chưa có họ tên người nộp hồ sơ (applicant.fullName)');
  if (input.procedure.steps.length === 0) {
    throw invalid(`thủ tục ${input.procedure.code} chưa có quy trình nội bộ (các bước xử lý)`);
  }
  return {
    id: input.id,
    code: input.code,
    status: 'incomplete',
    procedureVersionId: input.procedure.versionId,
    procedureCode: input.procedure.code,
    procedureName: input.procedure.name,
    channel: input.channel,
    processingTime: { ...input.procedure.processingTime },
    applicant: { ...input.applicant, fullName: input.applicant.fullName.trim() },
    documents: tickDocuments(input.procedure.documents, input.ticked),
    ticketId: input.ticketId,
    receivedById: input.officer.id,
    receivedAt: null,
    createdAt: now,
    dueAt: null,
    extendedDueAt: null,
    apology: null,
    guidance: null,
    supplements: [],
    steps: input.procedure.steps.map((step) => ({
      code: step.code,
      name: step.name,
      unit: step.unit,
      allowanceHours: step.allowanceHours,
      startedAt: null,
      dueAt: null,
      finishedAt: null,
      officerId: null,
      officerName: null,
      note: null,
    })),
    finishedAt: null,
    returnedAt: null,
    returnedTo: null,
    refusal: null,
    stop: null,
    withdrawnAt: null,
    timeliness: null,
  };
}

/**
 * A step is due after its allowance in office hours, but never after the dossier's appointment: a
 * same-day dossier received at 10:00 cannot have a step due tomorrow. (Once the appointment has
 * passed, the step keeps its own allowance, so the control slip still judges the step by itself.)
 */
function startStep(step: DossierStep, now: Date, calendar: DeadlineCalendar, appointment: Date | null): DossierStep {
  const own = calendar.addWorkingMinutes(now, Math.round(step.allowanceHours * 60));
  const dueAt = appointment !== null && appointment > now && own > appointment ? appointment : own;
  return { ...step, startedAt: now, dueAt };
}

/** Starts the clock on a complete dossier: appointment (Form 01) and the first step's due time. */
function startClock(d: Dossier, now: Date, calendar: DeadlineCalendar): DossierResult {
  assertMandatoryReceived(d.documents);
  const dueAt = calendar.computeDue(now, d.processingTime, now);
  const [first, ...rest] = d.steps;
  const dossier: Dossier = {
    ...d,
    status: 'in-progress',
    receivedAt: now,
    dueAt,
    steps: [startStep(first!, now, calendar, dueAt), ...rest],
  };
  return {
    dossier,
    events: [
      {
        type: 'dossier.received',
        at: now,
        data: { code: d.code, procedureCode: d.procedureCode, channel: d.channel, receivedAt: now, dueAt },
      },
    ],
  };
}

/** Form 01: a complete dossier is received and the clock starts now. */
export function receiveDossier(input: DossierIntake, now: Date, calendar: DeadlineCalendar): DossierResult {
  return startClock(draftFromIntake(input, now), now, calendar);
}

/** Form 02 at the counter: guidance on what is missing; nothing is received, no appointment. */
export function recordIncomplete(input: DossierIntake, items: MissingItem[], now: Date): DossierResult {
  const draft = draftFromIntake(input, now);
  const guidance = { at: now, items: requireItems(items, 'phiếu yêu cầu bổ sung, hoàn thiện hồ sơ') };
  return {
    dossier: { ...draft, guidance },
    events: [{ type: 'dossier.incomplete', at: now, data: { code: draft.code, items: guidance.items } }],
  };
}

/** The citizen comes back with the missing papers: received now, so the clock starts now. */
export function receiveIncompleteDossier(
  d: Dossier,
  ticked: string[],
  now: Date,
  calendar: DeadlineCalendar,
): DossierResult {
  assertAllowed(d, 'receive');
  const copy = copyDossier(d);
  return startClock({ ...copy, documents: tickDocuments(copy.documents, ticked) }, now, calendar);
}

/** Form 03 at the counter: not eligible or not this agency's competence. */
export function refuseAtReception(input: DossierIntake, reason: string, now: Date): DossierResult {
  const draft = draftFromIntake(input, now);
  const refusal = { at: now, reason: requireText(reason, 'phải ghi rõ lý do từ chối theo quy định của pháp luật') };
  return {
    dossier: { ...draft, status: 'refused', refusal },
    events: [{ type: 'dossier.refused', at: now, data: { code: draft.code, reason: refusal.reason, atReception: true } }],
  };
}

export interface StepSignOff {
  officerId: string;
  officerName: string;
  note: string | null;
}

/** The current step is done; the next starts with its own allowance, or the result is ready. */
export function finishStep(d: Dossier, signOff: StepSignOff, now: Date, calendar: DeadlineCalendar): DossierResult {
  assertAllowed(d, 'finish-step');
  const copy = copyDossier(d);
  const index = copy.steps.findIndex((step) => step.finishedAt === null);
  const current = copy.steps[index]!;
  copy.steps[index] = {
    ...current,
    finishedAt: now,
    officerId: signOff.officerId,
    officerName: signOff.officerName,
    note: signOff.note?.trim() || null,
  };
  const events: DossierEvent[] = [
    {
      type: 'dossier.step-finished',
      at: now,
      data: { code: copy.code, step: current.code, stepName: current.name, officerId: signOff.officerId, dueAt: current.dueAt, note: copy.steps[index]!.note },
    },
  ];
  const next = copy.steps[index + 1];
  if (next) {
    copy.steps[index + 1] = startStep(next, now, calendar, copy.extendedDueAt ?? copy.dueAt);
    return { dossier: copy, events };
  }
  const finished: Dossier = { ...copy, status: 'result-ready', finishedAt: now };
  finished.timeliness = classifyTimeliness(finished, now).timeliness;
  events.push({ type: 'dossier.result-ready', at: now, data: { code: copy.code, timeliness: finished.timeliness } });
  return { dossier: finished, events };
}

/**
 * A processing unit needs more papers. The clock pauses; the law allows one request, so a second is
 * recorded but makes the dossier late whatever happens next (766 rule).
 */
export function requestSupplement(d: Dossier, items: MissingItem[], now: Date): DossierResult {
  assertAllowed(d, 'request-supplement');
  const copy = copyDossier(d);
  const request = { requestedAt: now, items: requireItems(items, 'yêu cầu bổ sung, hoàn thiện hồ sơ'), completedAt: null };
  copy.supplements.push(request);
  return {
    dossier: { ...copy, status: 'supplement-requested' },
    events: [
      {
        type: 'dossier.supplement-requested',
        at: now,
        data: { code: copy.code, items: request.items, requestNumber: copy.supplements.length },
      },
    ],
  };
}

/** Moves a deadline later by the office time that was left on it when the clock paused. */
function resumeDeadline(due: Date | null, pausedAt: Date, now: Date, calendar: DeadlineCalendar): Date | null {
  if (due === null || due <= pausedAt) return due;
  return calendar.addWorkingMinutes(now, calendar.workingMinutesBetween(pausedAt, due));
}

/** The citizen brought the supplement: the clock runs again with the time it had left. */
export function completeSupplement(d: Dossier, now: Date, calendar: DeadlineCalendar): DossierResult {
  assertAllowed(d, 'complete-supplement');
  const copy = copyDossier(d);
  const request = copy.supplements[copy.supplements.length - 1]!;
  const pausedAt = request.requestedAt;
  request.completedAt = now;
  const current = copy.steps.findIndex((step) => step.finishedAt === null);
  if (current >= 0) {
    const step = copy.steps[current]!;
    copy.steps[current] = { ...step, dueAt: resumeDeadline(step.dueAt, pausedAt, now, calendar) };
  }
  const dueAt = resumeDeadline(copy.dueAt, pausedAt, now, calendar);
  const extendedDueAt = resumeDeadline(copy.extendedDueAt, pausedAt, now, calendar);
  return {
    dossier: { ...copy, status: 'in-progress', dueAt, extendedDueAt },
    events: [
      {
        type: 'dossier.supplement-completed',
        at: now,
        data: { code: copy.code, pausedAt, previousDueAt: d.dueAt, dueAt, extendedDueAt },
      },
    ],
  };
}

export interface Apology {
  reason: string;
  newDueAt: Date;
}

/**
 * Form 04: the agency cannot keep the appointment. Allowed once ([M] 107/2021); the citizen gets a new
 * date, but the dossier still counts as late.
 */
export function issueApology(d: Dossier, apology: Apology, now: Date): DossierResult {
  assertAllowed(d, 'issue-apology');
  if (d.apology !== null) throw new AppError('APOLOGY_ALREADY_ISSUED', { code: d.code });
  const reason = requireText(apology.reason, 'văn bản xin lỗi phải nêu lý do chậm trả kết quả');
  const current = d.extendedDueAt ?? d.dueAt!;
  if (apology.newDueAt <= current) {
    throw invalid(
      `ngày hẹn trả mới (${formatInstant(apology.newDueAt)}) phải sau ngày hẹn trả hiện tại (${formatInstant(current)})`,
    );
  }
  if (apology.newDueAt <= now) {
    throw invalid(`ngày hẹn trả mới (${formatInstant(apology.newDueAt)}) phải sau thời điểm hiện tại`);
  }
  const copy = copyDossier(d);
  return {
    dossier: { ...copy, extendedDueAt: apology.newDueAt, apology: { issuedAt: now, reason, newDueAt: apology.newDueAt } },
    events: [
      {
        type: 'dossier.apology-issued',
        at: now,
        data: { code: copy.code, reason, previousDueAt: current, newDueAt: apology.newDueAt },
      },
    ],
  };
}

/** Form 05: processing stops (the citizen asked, or a legal ground). Its time ends the clock. */
export function stopProcessing(d: Dossier, reason: string, now: Date): DossierResult {
  assertAllowed(d, 'stop');
  const stop = { at: now, reason: requireText(reason, 'thông báo dừng giải quyết phải nêu lý do') };
  const stopped: Dossier = { ...copyDossier(d), status: 'stopped', stop };
  stopped.timeliness = classifyTimeliness(stopped, now).timeliness;
  return {
    dossier: stopped,
    events: [{ type: 'dossier.stopped', at: now, data: { code: d.code, reason: stop.reason, timeliness: stopped.timeliness } }],
  };
}

/** Refused after reception (the processing unit found it ineligible); a legal reason is required. */
export function refuse(d: Dossier, reason: string, now: Date): DossierResult {
  assertAllowed(d, 'refuse');
  const refusal = { at: now, reason: requireText(reason, 'phải ghi rõ lý do từ chối theo quy định của pháp luật') };
  const refused: Dossier = { ...copyDossier(d), status: 'refused', refusal };
  refused.timeliness = classifyTimeliness(refused, now).timeliness;
  return {
    dossier: refused,
    events: [
      {
        type: 'dossier.refused',
        at: now,
        data: { code: d.code, reason: refusal.reason, atReception: d.receivedAt === null, timeliness: refused.timeliness },
      },
    ],
  };
}

/** The citizen withdraws the dossier; it leaves the on-time statistics. */
export function withdraw(d: Dossier, now: Date): DossierResult {
  assertAllowed(d, 'withdraw');
  return {
    dossier: { ...copyDossier(d), status: 'withdrawn', withdrawnAt: now },
    events: [{ type: 'dossier.withdrawn', at: now, data: { code: d.code, previousStatus: d.status } }],
  };
}

/** The result is handed over (or sent); only a result that exists can be returned. */
export function returnResult(d: Dossier, handover: { receivedBy: string }, now: Date): DossierResult {
  assertAllowed(d, 'return-result');
  const receivedBy = requireText(handover.receivedBy, 'chưa ghi tên người nhận kết quả');
  return {
    dossier: { ...copyDossier(d), status: 'returned', returnedAt: now, returnedTo: receivedBy },
    events: [{ type: 'dossier.returned', at: now, data: { code: d.code, receivedBy } }],
  };
}
