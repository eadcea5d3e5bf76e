/**
 * Administrative-reform inspection (kiểm tra công tác CCHC, DOMAIN-VN §3): yearly plans with their team,
 * units and checklist; rounds run per unit and criterion with verdicts, notes and evidence; findings with
 * their severity; corrective actions with an owner and a working-day deadline; the minutes (biên bản) and
 * the year summary. The browser and the server share these shapes.
 */
import { z } from 'zod';
import { StoredFileMeta } from './files';
import type { Lang } from './lang';

type Labels<K extends string | number> = Record<K, Record<Lang, string>>;

/** The eight fields of the PAR index (QĐ 876/QĐ-BNV), which group the checklist. */
export const PAR_FIELDS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type ParField = (typeof PAR_FIELDS)[number];
export const PAR_FIELD_LABELS: Labels<ParField> = {
  1: { vi: 'Công tác chỉ đạo, điều hành cải cách hành chính', en: 'Direction and management of administrative reform' },
  2: { vi: 'Xây dựng và tổ chức thi hành văn bản quy phạm pháp luật', en: 'Legal documents: drafting and enforcement' },
  3: { vi: 'Cải cách thủ tục hành chính', en: 'Reform of administrative procedures' },
  4: { vi: 'Cải cách tổ chức bộ máy hành chính nhà nước', en: 'Reform of the administrative apparatus' },
  5: { vi: 'Cải cách chế độ công vụ', en: 'Civil service reform' },
  6: { vi: 'Cải cách tài chính công', en: 'Public finance reform' },
  7: { vi: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', en: 'E-government and digital government' },
  8: { vi: 'Tác động của cải cách hành chính đến người dân, tổ chức', en: 'Impact of the reform on citizens and organisations' },
};

export const VERDICTS = ['pending', 'met', 'partly', 'not-met', 'not-applicable'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Labels<Verdict> = {
  pending: { vi: 'Chưa kiểm tra', en: 'Not checked yet' },
  met: { vi: 'Đạt', en: 'Met' },
  partly: { vi: 'Đạt một phần', en: 'Partly met' },
  'not-met': { vi: 'Không đạt', en: 'Not met' },
  'not-applicable': { vi: 'Không áp dụng', en: 'Not applicable' },
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Labels<Severity> = {
  low: { vi: 'Nhắc nhở, lưu ý', en: 'Observation' },
  medium: { vi: 'Tồn tại, hạn chế', en: 'Shortcoming' },
  high: { vi: 'Vi phạm nghiêm trọng', en: 'Serious breach' },
};

export const ROUND_KINDS = ['inspection', 'internal-audit'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Labels<RoundKind> = {
  inspection: { vi: 'Kiểm tra CCHC', en: 'Reform inspection' },
  'internal-audit': { vi: 'Đánh giá nội bộ ISO 9001', en: 'ISO 9001 internal audit' },
};

export const ROUND_STATUSES = ['planned', 'in-progress', 'concluded'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Labels<RoundStatus> = {
  planned: { vi: 'Theo kế hoạch', en: 'Planned' },
  'in-progress': { vi: 'Đang kiểm tra', en: 'In progress' },
  concluded: { vi: 'Đã kết luận', en: 'Concluded' },
};

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Labels<ActionStatus> = {
  open: { vi: 'Chưa khắc phục', en: 'Open' },
  'in-progress': { vi: 'Đang khắc phục', en: 'In progress' },
  done: { vi: 'Đã khắc phục, chờ xác nhận', en: 'Done, awaiting verification' },
  closed: { vi: 'Đã xác nhận hoàn thành', en: 'Verified and closed' },
};

export const TEAM_ROLES = ['lead', 'deputy', 'member', 'secretary'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Labels<TeamRole> = {
  lead: { vi: 'Trưởng đoàn', en: 'Team lead' },
  deputy: { vi: 'Phó trưởng đoàn', en: 'Deputy lead' },
  member: { vi: 'Thành viên', en: 'Member' },
  secretary: { vi: 'Thư ký', en: 'Secretary' },
};

/** Exports the product freezes as evidence, one click each. */
export const SNAPSHOT_KINDS = ['tracking-book', 'control-slips', 'apology-letters', 'evaluation', 'indicators'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];
export const SNAPSHOT_KIND_LABELS: Labels<SnapshotKind> = {
  'tracking-book': { vi: 'Trích Sổ theo dõi hồ sơ (Excel)', en: 'Tracking-book extract (Excel)' },
  'control-slips': { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)', en: 'Control slips (Form 06)' },
  'apology-letters': { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)', en: 'Apology letters (Form 04)' },
  evaluation: { vi: 'Kết quả đánh giá 9 chỉ số theo quý (Excel)', en: '9-indicator evaluation of the quarter (Excel)' },
  indicators: { vi: 'Bộ chỉ số 766 của kỳ (Excel)', en: '766 indicators of the period (Excel)' },
};

// --- shapes ------------------------------------------------------------------------------------

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);

export const Criterion = z.object({
  /** Stable within a checklist: verdicts refer to it. */
  id: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/),
  /** The PAR-index field (1–8) it belongs to. */
  field: z.number().int().min(1).max(8),
  code: Text(20),
  text: Text(500).min(1),
  evidenceHint: Text(500).default(''),
});
export type Criterion = z.output<typeof Criterion>;

export const TeamMember = z.object({
  /** Stable within the plan: rounds name their members by it. */
  key: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/),
  /** The member's account, if they have one (an inspector sees the plans they are on). */
  userId: z.uuid().nullable().default(null),
  name: Text(120).min(1),
  role: z.enum(TEAM_ROLES),
  organisation: Text(200).default(''),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const PlanInput = z.object({
  year: z.number().int().min(2000).max(2100),
  title: Text(300).min(1),
  decisionRef: Text(120).default(''),
  scope: Text(4000).default(''),
  team: z.array(TeamMember).max(60),
  unitIds: z.array(z.uuid()).min(1).max(500),
  /** Absent: the default checklist from the PAR-index fields. */
  checklist: z.array(Criterion).max(300).optional(),
});
export type PlanInput = z.input<typeof PlanInput>;

export const UnitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

export const RoundSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  title: z.string(),
  plannedDate: z.string(),
  status: z.enum(ROUND_STATUSES),
  statusLabel: z.string(),
  units: z.array(UnitRef),
  findings: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const PlanListItem = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  decisionRef: z.string(),
  units: z.array(UnitRef),
  rounds: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type PlanListItem = z.infer<typeof PlanListItem>;

export const ActionProgressView = z.object({
  at: z.string(),
  byName: z.string(),
  status: z.enum(ACTION_STATUSES),
  text: z.string(),
});

export const ActionView = z.object({
  id: z.uuid(),
  findingId: z.uuid(),
  findingText: z.string(),
  severity: z.enum(SEVERITIES),
  severityLabel: z.string(),
  planId: z.uuid(),
  planTitle: z.string(),
  planYear: z.number().int(),
  roundId: z.uuid(),
  roundTitle: z.string(),
  unit: UnitRef,
  description: z.string(),
  ownerName: z.string(),
  startDate: z.string(),
  workingDays: z.number().int(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  statusLabel: z.string(),
  /** Not done by its due date (today is past it and it is still open or in progress). */
  overdue: z.boolean(),
  /** Done (or closed) after its due date. */
  late: z.boolean(),
  progress: z.array(ActionProgressView),
  fixFiles: z.array(StoredFileMeta),
  doneAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  /** The viewer may report progress, add fix evidence or mark it done. */
  canUpdate: z.boolean(),
  /** The viewer may verify it (close) or send it back. */
  canVerify: z.boolean(),
});
export type ActionView = z.infer<typeof ActionView>;

export const PlanDetail = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  decisionRef: z.string(),
  scope: z.string(),
  team: z.array(TeamMember),
  units: z.array(UnitRef),
  checklist: z.array(Criterion),
  rounds: z.array(RoundSummary),
  /** Open actions of the plan's units left from earlier years' plans. */
  carriedActions: z.array(ActionView),
  canEdit: z.boolean(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const RoundInput = z.object({
  kind: z.enum(ROUND_KINDS).default('inspection'),
  title: Text(300).min(1),
  scope: Text(4000).default(''),
  plannedDate: Day,
  unitIds: z.array(z.uuid()).min(1),
  memberKeys: z.array(z.string()).default([]),
  /** Internal audit: the process document whose checklist (of the issue in force) is run. */
  processDocumentId: z.uuid().nullable().default(null),
  /** An inspection copies the plan's checklist unless given one; an internal audit adds these to the process's questions. */
  checklist: z.array(Criterion).max(300).optional(),
});
export type RoundInput = z.input<typeof RoundInput>;

export const VerdictView = z.object({
  unitId: z.uuid(),
  criterionId: z.string(),
  verdict: z.enum(VERDICTS),
  note: z.string(),
  evidence: z.array(StoredFileMeta),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type VerdictView = z.infer<typeof VerdictView>;

export const FindingView = z.object({
  id: z.uuid(),
  unit: UnitRef,
  criterionId: z.string().nullable(),
  criterionCode: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  severityLabel: z.string(),
  description: z.string(),
  evidence: z.array(StoredFileMeta),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  actions: z.array(ActionView),
});
export type FindingView = z.infer<typeof FindingView>;

export const UnitTally = z.object({
  unit: UnitRef,
  met: z.number().int(),
  partly: z.number().int(),
  notMet: z.number().int(),
  notApplicable: z.number().int(),
  pending: z.number().int(),
  /** Met criteria among those that apply, in percent (null when none apply). */
  metRate: z.number().nullable(),
});
export type UnitTally = z.infer<typeof UnitTally>;

export const RoundDetail = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  planYear: z.number().int(),
  number: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  scope: z.string(),
  plannedDate: z.string(),
  status: z.enum(ROUND_STATUSES),
  statusLabel: z.string(),
  conclusion: z.string(),
  concludedAt: z.string().nullable(),
  processDocumentId: z.string().nullable(),
  /** The process issue audited, e.g. "QT-HT-01, lần ban hành 2". */
  processLabel: z.string().nullable(),
  units: z.array(UnitRef),
  members: z.array(TeamMember),
  checklist: z.array(Criterion),
  verdicts: z.array(VerdictView),
  findings: z.array(FindingView),
  tallies: z.array(UnitTally),
  /** Open corrective actions of these units from earlier rounds and plans: what this round follows up. */
  carriedActions: z.array(ActionView),
  minutesFile: StoredFileMeta.nullable(),
  /** The viewer may record verdicts and findings and conclude the round. */
  canRun: z.boolean(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const VerdictInput = z.object({
  unitId: z.uuid(),
  criterionId: z.string().min(1).max(40),
  verdict: z.enum(VERDICTS),
  note: Text(4000).default(''),
  evidenceFileIds: z.array(z.uuid()).max(50).default([]),
});
export type VerdictInput = z.input<typeof VerdictInput>;

export const NewActionInput = z.object({
  description: Text(2000).min(1),
  ownerName: Text(200).min(1),
  ownerUserId: z.uuid().nullable().default(null),
  /** Counted on the working calendar from startDate (default: the day it is set). */
  workingDays: z.number().int().min(1).max(250),
  startDate: Day.optional(),
});
export type NewActionInput = z.input<typeof NewActionInput>;

export const FindingInput = z.object({
  unitId: z.uuid(),
  criterionId: z.string().max(40).nullable().default(null),
  severity: z.enum(SEVERITIES),
  description: Text(4000).min(1),
  evidenceFileIds: z.array(z.uuid()).max(50).default([]),
  /** The corrective action, when it is set at once. */
  action: NewActionInput.optional(),
});
export type FindingInput = z.input<typeof FindingInput>;

export const ConcludeInput = z.object({ conclusion: Text(10000).min(1) });

export const ActionUpdateInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('progress'), text: Text(2000).min(1), fixFileIds: z.array(z.uuid()).max(50).default([]) }),
  z.object({ action: z.literal('done'), text: Text(2000).min(1), fixFileIds: z.array(z.uuid()).max(50).default([]) }),
  z.object({ action: z.literal('close'), text: Text(2000).default('') }),
  z.object({ action: z.literal('reopen'), text: Text(2000).min(1) }),
]);
export type ActionUpdateInput = z.input<typeof ActionUpdateInput>;

export const ActionListQuery = z.object({
  planId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: z.enum(['open', 'all', ...ACTION_STATUSES]).default('open'),
  overdue: z.enum(['1']).optional(),
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;

export const SnapshotInput = z.object({
  unitId: z.uuid(),
  criterionId: z.string().min(1).max(40),
  kind: z.enum(SNAPSHOT_KINDS),
  from: Day,
  to: Day,
});
export type SnapshotInput = z.infer<typeof SnapshotInput>;

/** What the plan form offers: the units and the people who may be team members. */
export const InspectionOptions = z.object({
  units: z.array(UnitRef),
  people: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
  defaultChecklist: z.array(Criterion),
});
export type InspectionOptions = z.infer<typeof InspectionOptions>;
