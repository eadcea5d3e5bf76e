/**
 * ISO 9001:2015 process documents per procedure (quy trình nội bộ): what managers edit and issue,
 * what inspectors read, the change history, and the internal-audit checklist an inspection round can
 * run. The browser apps and the server share these shapes.
 */
import { z } from 'zod';
import { Day, Id } from './api';
import type { Lang } from './lang';

export const PROCESS_ISSUE_STATUSES = ['draft', 'issued', 'superseded'] as const;
export type ProcessIssueStatus = (typeof PROCESS_ISSUE_STATUSES)[number];

export const PROCESS_ISSUE_STATUS_LABELS: Record<ProcessIssueStatus, Record<Lang, string>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  issued: { vi: 'Đang hiệu lực', en: 'In force' },
  superseded: { vi: 'Đã thay thế', en: 'Superseded' },
};

const Text = (max: number) => z.string().trim().max(max);

export const ProcessStepEntry = z.object({
  code: Text(40),
  name: Text(200),
  role: Text(200),
  allowanceHours: z.number().min(0).max(2000),
  output: Text(500),
});
export type ProcessStepEntry = z.infer<typeof ProcessStepEntry>;

export const ProcessRecordEntry = z.object({
  name: Text(300),
  form: Text(40),
  keptBy: Text(200),
  retention: Text(200),
});
export type ProcessRecordEntry = z.infer<typeof ProcessRecordEntry>;

export const ChecklistQuestion = z.object({
  step: z.number().int().min(1).max(100).nullable(),
  question: Text(1000),
  evidence: Text(500),
});
export type ChecklistQuestion = z.infer<typeof ChecklistQuestion>;

export const ProcessContent = z.object({
  title: Text(300),
  purpose: Text(4000),
  scope: Text(4000),
  legalBasis: z.array(Text(1000)).max(100),
  steps: z.array(ProcessStepEntry).max(50),
  records: z.array(ProcessRecordEntry).max(50),
  checklist: z.array(ChecklistQuestion).max(200),
});
export type ProcessContent = z.infer<typeof ProcessContent>;

export const ProcessIssueView = z.object({
  id: Id,
  status: z.enum(PROCESS_ISSUE_STATUSES),
  statusLabel: z.string(),
  issueNumber: z.number().int().nullable(),
  issuedOn: Day.nullable(),
  approverName: z.string().nullable(),
  approverTitle: z.string().nullable(),
  changeNote: z.string(),
  /** What changed from the issue before, as the text shows it (for the change history). */
  changes: z.array(z.string()),
  procedureVersion: z.number().int(),
  content: ProcessContent,
  totalHours: z.number(),
  createdAt: z.iso.datetime(),
  printUrl: z.string(),
});
export type ProcessIssueView = z.infer<typeof ProcessIssueView>;

export const ProcessDocumentSummary = z.object({
  id: Id,
  code: z.string(),
  procedureId: Id,
  procedureCode: z.string(),
  procedureName: z.string(),
  fieldName: z.string(),
  /** The issue in force: "lần ban hành N" and its date; null before the first issue. */
  inForce: z.object({ id: Id, issueNumber: z.number().int(), issuedOn: Day, label: z.string() }).nullable(),
  hasDraft: z.boolean(),
  /** The procedure has a newer version (time or steps changed) than the one the issue in force follows. */
  procedureChanged: z.boolean(),
});
export type ProcessDocumentSummary = z.infer<typeof ProcessDocumentSummary>;

export const ProcessDocumentDetail = ProcessDocumentSummary.extend({
  /** Newest first: the draft (if any), the issue in force, then the superseded ones. */
  issues: z.array(ProcessIssueView),
  /** Working hours the procedure's current version commits to (counter channel), for comparing with the steps. */
  committedHours: z.number().nullable(),
  procedureVersion: z.number().int(),
});
export type ProcessDocumentDetail = z.infer<typeof ProcessDocumentDetail>;

export const CreateProcessDocumentInput = z.object({
  procedureId: Id,
  code: z.string().trim().min(3).max(30),
});
export type CreateProcessDocumentInput = z.infer<typeof CreateProcessDocumentInput>;

export const UpdateDraftInput = z.object({
  content: ProcessContent,
  changeNote: Text(2000).default(''),
});
export type UpdateDraftInput = z.infer<typeof UpdateDraftInput>;

export const IssueProcessInput = z.object({
  issuedOn: Day,
  approverName: Text(200),
  approverTitle: Text(200),
});
export type IssueProcessInput = z.infer<typeof IssueProcessInput>;

export const ReviseProcessInput = z.object({
  changeNote: Text(2000).default(''),
});
export type ReviseProcessInput = z.infer<typeof ReviseProcessInput>;

/** The checklist of the issue in force, for an internal-audit round (inspection) to copy. */
export const ProcessChecklist = z.object({
  processDocumentId: Id,
  issueId: Id,
  label: z.string(),
  questions: z.array(ChecklistQuestion),
});
export type ProcessChecklist = z.infer<typeof ProcessChecklist>;

/** What a dossier shows: the process issue in force when it was received. */
export const DossierProcessRef = z.object({
  documentId: Id,
  issueId: Id,
  code: z.string(),
  issueNumber: z.number().int(),
  label: z.string(),
});
export type DossierProcessRef = z.infer<typeof DossierProcessRef>;
