/**
 * Shapes of the catalogue, calendar and dossier API, shared by the server (validation, OpenAPI) and the
 * browser apps (types). Instants travel as ISO-8601 strings; calendar dates as "YYYY-MM-DD".
 */
import { z } from 'zod';
import { Day, Id, TimeOfDay } from './api';
import { DossierProcessRef } from './process-documents';

export const CalendarDayKind = z.enum(['holiday', 'compensatory', 'swap-off', 'swap-work']);
export const CalendarDay = z.object({ date: Day, name: z.string(), kind: CalendarDayKind });
export type CalendarDay = z.infer<typeof CalendarDay>;

export const AdjustmentKind = z.enum(['swap-off', 'swap-work', 'holiday', 'compensatory', 'removed']);
export const CalendarAdjustment = z.object({ date: Day, name: z.string(), kind: AdjustmentKind });
export type CalendarAdjustment = z.infer<typeof CalendarAdjustment>;
export const CalendarAdjustmentInput = z.object({
  kind: AdjustmentKind,
  name: z.string().trim().min(1).max(200),
});

export const DurationUnit = z.enum(['working-days', 'days', 'hours', 'same-day']);
export type DurationUnit = z.infer<typeof DurationUnit>;
export const Channel = z.enum(['direct', 'online', 'postal']);
export type Channel = z.infer<typeof Channel>;

export const ProcessingRule = z.object({
  channel: Channel,
  amount: z.number().int().min(0).max(3650).nullable(),
  unit: DurationUnit,
  /** The centre's committed (shortened) time; the appointment uses it when set. */
  committedAmount: z.number().int().min(0).max(3650).nullable().optional(),
  feeDong: z.number().int().min(0).max(1_000_000_000).nullable(),
  feeText: z.string().max(2000),
  description: z.string().max(4000),
});
export type ProcessingRule = z.infer<typeof ProcessingRule>;

export const RequiredDocument = z.object({
  name: z.string().trim().min(1).max(2000),
  copies: z.string().max(200),
  mandatory: z.boolean(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const ProcessStep = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  allowanceHours: z.number().min(0.25).max(2000),
  unit: z.string().trim().min(1).max(200),
});
export type ProcessStep = z.infer<typeof ProcessStep>;

export const ProcedureVersion = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  decision: z.string(),
  level: z.string(),
  agency: z.string(),
  rules: z.array(ProcessingRule),
  documents: z.array(RequiredDocument),
  steps: z.array(ProcessStep),
  cutoff: z.string().nullable(),
  resultText: z.string(),
  legalBasis: z.string(),
  source: z.string(),
  createdAt: z.iso.datetime(),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;

export const ProcedureSummary = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  fieldName: z.string(),
  fieldId: Id.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** e.g. "Trực tiếp: 3 ngày làm việc" of the direct channel, for lists. */
  rules: z.array(ProcessingRule),
  cutoff: z.string().nullable(),
  documents: z.number().int(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureDetail = z.object({
  id: Id,
  code: z.string(),
  fieldName: z.string(),
  fieldId: Id.nullable(),
  active: z.boolean(),
  current: ProcedureVersion,
  versions: z.array(z.object({ id: Id, version: z.number().int(), createdAt: z.iso.datetime() })),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

/** A manager's edit: saved as a new version; dossiers already received keep theirs. */
export const ProcedureUpdate = z.object({
  name: z.string().trim().min(1).max(1000),
  fieldName: z.string().trim().min(1).max(200),
  fieldId: Id.nullable(),
  active: z.boolean(),
  rules: z.array(ProcessingRule).min(1).max(3),
  documents: z.array(RequiredDocument).max(100),
  steps: z.array(ProcessStep).min(1).max(20),
  cutoff: TimeOfDay.nullable(),
});
export type ProcedureUpdate = z.infer<typeof ProcedureUpdate>;

export const ImportWarning = z.object({
  source: z.string(),
  code: z.string().nullable(),
  field: z.string(),
  message: z.string(),
  skipped: z.boolean(),
});
export const ImportReport = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(ImportWarning),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const CatalogueImportRecord = ImportReport.extend({
  id: Id,
  at: z.iso.datetime(),
  /** The folder or files imported, as the manager or the command named them. */
  source: z.string(),
  actorName: z.string().nullable(),
});
export type CatalogueImportRecord = z.infer<typeof CatalogueImportRecord>;
export const ImportUpload = z.object({
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(200), contentBase64: z.string().max(20_000_000) }))
    .min(1)
    .max(1000),
});

export const DossierStatus = z.enum([
  'incomplete',
  'refused',
  'in-progress',
  'supplement-requested',
  'stopped',
  'withdrawn',
  'result-ready',
  'returned',
]);
export type DossierStatus = z.infer<typeof DossierStatus>;
export const Timeliness = z.enum(['early', 'on-time', 'late']);
export type Timeliness = z.infer<typeof Timeliness>;
export const DueState = z.enum(['overdue', 'due-soon', 'ok']);

export const Applicant = z.object({
  fullName: z.string().trim().min(1).max(200),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Z-]{9,20}$/, '9–20 chữ số/chữ in hoa (CCCD 12 số, mã số thuế…)')
    .nullable()
    .default(null),
  address: z.string().trim().max(300).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .]{8,16}$/, 'số điện thoại')
    .nullable()
    .default(null),
  email: z.email().max(200).nullable().default(null),
});
export type Applicant = z.infer<typeof Applicant>;

export const MissingItem = z.object({
  name: z.string().trim().min(1).max(500),
  reason: z.string().trim().min(1).max(1000),
});

export const ReceiveDossierInput = z.object({
  procedureId: Id,
  ticketId: Id.nullable().default(null),
  channel: Channel.default('direct'),
  applicant: Applicant,
  /** Indexes (in the procedure version's document list) of the documents handed in. */
  documentsReceived: z.array(z.number().int().min(0).max(99)).max(100),
  /** receive → Form 01; incomplete → Form 02 listing every missing item; refuse → Form 03. */
  outcome: z.enum(['receive', 'incomplete', 'refuse']),
  missingItems: z.array(MissingItem).max(100).default([]),
  reason: z.string().trim().max(2000).default(''),
});
export type ReceiveDossierInput = z.infer<typeof ReceiveDossierInput>;

export const DossierActionName = z.enum([
  'receive',
  'finish-step',
  'request-supplement',
  'complete-supplement',
  'apologise',
  'stop',
  'refuse',
  'withdraw',
  'return',
]);
export type DossierActionName = z.infer<typeof DossierActionName>;

export const DossierActionInput = z.object({
  action: DossierActionName,
  note: z.string().trim().max(2000).nullable().default(null),
  items: z.array(MissingItem).max(100).default([]),
  reason: z.string().trim().max(2000).default(''),
  newDueAt: z.iso.datetime({ offset: true }).nullable().default(null),
  receivedBy: z.string().trim().max(200).default(''),
  documentsReceived: z.array(z.number().int().min(0).max(99)).max(100).default([]),
});
export type DossierActionInput = z.infer<typeof DossierActionInput>;

const Instant = z.iso.datetime({ offset: true });

export const DossierStepView = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  allowanceHours: z.number(),
  startedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  officerName: z.string().nullable(),
  note: z.string().nullable(),
  timeliness: Timeliness.nullable(),
});

export const DossierView = z.object({
  id: Id,
  code: z.string(),
  status: DossierStatus,
  statusLabel: z.string(),
  procedureId: Id,
  procedureCode: z.string(),
  procedureName: z.string(),
  procedureVersion: z.number().int(),
  /** The ISO process issue in force when the dossier was received; null when the procedure had none. */
  processDocument: DossierProcessRef.nullable().optional(),
  fieldName: z.string(),
  channel: Channel,
  processingTime: z.object({ amount: z.number(), unit: DurationUnit, cutoff: z.string().nullable().optional() }),
  processingTimeText: z.string(),
  applicant: Applicant,
  documents: z.array(RequiredDocument.extend({ received: z.boolean() })),
  ticketId: Id.nullable(),
  receivedByName: z.string().nullable(),
  receivedAt: Instant.nullable(),
  createdAt: Instant,
  dueAt: Instant.nullable(),
  extendedDueAt: Instant.nullable(),
  apology: z.object({ issuedAt: Instant, reason: z.string(), newDueAt: Instant }).nullable(),
  guidance: z.object({ at: Instant, items: z.array(MissingItem) }).nullable(),
  supplements: z.array(z.object({ requestedAt: Instant, items: z.array(MissingItem), completedAt: Instant.nullable() })),
  steps: z.array(DossierStepView),
  currentStep: z.number().int().nullable(),
  finishedAt: Instant.nullable(),
  returnedAt: Instant.nullable(),
  returnedTo: z.string().nullable(),
  refusal: z.object({ at: Instant, reason: z.string() }).nullable(),
  stop: z.object({ at: Instant, reason: z.string() }).nullable(),
  timeliness: Timeliness.nullable(),
  dueState: DueState.nullable(),
  actions: z.array(DossierActionName),
  forms: z.array(z.enum(['01', '02', '03', '04', '05', '06'])),
  bookNumber: z.number().int(),
  events: z.array(z.object({ type: z.string(), at: Instant, actorName: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
});
export type DossierView = z.infer<typeof DossierView>;

export const DossierListItem = DossierView.pick({
  id: true,
  code: true,
  status: true,
  statusLabel: true,
  procedureCode: true,
  procedureName: true,
  fieldName: true,
  createdAt: true,
  receivedAt: true,
  dueAt: true,
  extendedDueAt: true,
  returnedAt: true,
  timeliness: true,
  dueState: true,
}).extend({ applicantName: z.string(), currentStepName: z.string().nullable() });
export type DossierListItem = z.infer<typeof DossierListItem>;

export const DossierListQuery = z.object({
  status: z.enum(['open', 'closed', 'all', ...DossierStatus.options]).default('all'),
  due: z.enum(['overdue', 'due-soon']).optional(),
  q: z.string().trim().max(100).optional(),
  procedureId: Id.optional(),
  fieldName: z.string().max(200).optional(),
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

/** What /lookup shows: what the slip already shows, minus the applicant's personal data. */
export const PublicDossier = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: DossierStatus,
  statusLabel: z.string(),
  receivedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  extendedDueAt: Instant.nullable(),
  returnedAt: Instant.nullable(),
  applicantInitials: z.string(),
  steps: z.array(z.object({ name: z.string(), done: z.boolean(), finishedAt: Instant.nullable() })),
  resultReady: z.boolean(),
  missingItems: z.array(MissingItem),
});
export type PublicDossier = z.infer<typeof PublicDossier>;

export const KpiGroupBy = z.enum(['field', 'procedure', 'unit', 'officer']);
export const DossierKpiRow = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().int(),
  early: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  openWithinTime: z.number().int(),
  openOverdue: z.number().int(),
  onTimeRate: z.number().nullable(),
  averageWorkingDays: z.number().nullable(),
});
export type DossierKpiRow = z.infer<typeof DossierKpiRow>;
export const DossierKpis = z.object({
  from: Day,
  to: Day,
  groupBy: KpiGroupBy,
  total: DossierKpiRow,
  rows: z.array(DossierKpiRow),
  dueSoon: z.array(DossierListItem),
  overdue: z.array(DossierListItem),
});
export type DossierKpis = z.infer<typeof DossierKpis>;

export const TrackingBookRowView = z.object({
  index: z.number().int(),
  id: Id,
  code: z.string(),
  procedureName: z.string(),
  fieldName: z.string(),
  sets: z.number().int(),
  applicantName: z.string(),
  applicantContact: z.string(),
  agency: z.string(),
  receivedAt: Instant,
  dueAt: Instant.nullable(),
  extendedDueAt: Instant.nullable(),
  transferredAt: Instant.nullable(),
  resultAt: Instant.nullable(),
  returnedAt: Instant.nullable(),
  returnedTo: z.string().nullable(),
  status: DossierStatus,
  statusLabel: z.string(),
  timeliness: Timeliness.nullable(),
  overdue: z.boolean(),
  note: z.string(),
});
export type TrackingBookRowView = z.infer<typeof TrackingBookRowView>;
export const TrackingBookQuery = z.object({
  from: Day,
  to: Day,
  status: z.enum(['open', 'closed', 'all']).default('all'),
  fieldName: z.string().max(200).optional(),
  timeliness: z.enum(['early', 'on-time', 'late', 'overdue']).optional(),
  format: z.enum(['json', 'xlsx', 'html']).default('json'),
});
