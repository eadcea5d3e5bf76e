/**
 * Periodic and ad-hoc administrative-reform reports: the province or the centre asks the units for a
 * report for a period by a deadline, with a template of text sections and figures; each unit submits
 * (figures pre-filled from the product), late and missing submissions show, and the submissions roll up
 * into one report.
 */
import { z } from 'zod';
import { StoredFileMeta } from './files';
import { FigureKey, ReformFigure } from './self-evaluation';

export const REPORT_KINDS = ['quarterly', 'six-monthly', 'yearly', 'ad-hoc'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;
export const REPORT_KIND_LABELS: Record<ReportKind, { vi: string; en: string }> = {
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  'six-monthly': { vi: '6 tháng', en: 'Six-monthly' },
  yearly: { vi: 'Hằng năm', en: 'Yearly' },
  'ad-hoc': { vi: 'Đột xuất', en: 'Ad hoc' },
};

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày có dạng YYYY-MM-DD');

export const TemplateSection = z.object({
  key: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'khóa gồm a–z, 0–9, dấu -'),
  title: z.string().trim().min(1).max(300),
  guidance: z.string().trim().max(2000).default(''),
  /** Figures shown (and pre-filled) in this section. */
  figureKeys: z.array(FigureKey).max(20).default([]),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

export const ReportTemplate = z.object({ sections: z.array(TemplateSection).min(1).max(30) });
export type ReportTemplate = z.infer<typeof ReportTemplate>;

/** The default template: the usual parts of a periodic administrative-reform report. */
export const DEFAULT_TEMPLATE: ReportTemplate = {
  sections: [
    { key: 'direction', title: 'I. Công tác chỉ đạo, điều hành cải cách hành chính', guidance: 'Kế hoạch, văn bản chỉ đạo, kiểm tra, tuyên truyền trong kỳ.', figureKeys: [] },
    {
      key: 'procedures',
      title: 'II. Kết quả cải cách thủ tục hành chính',
      guidance: 'Công khai, tiếp nhận và giải quyết hồ sơ, xin lỗi khi trễ hạn, phản ánh kiến nghị.',
      figureKeys: ['dossiers-received', 'dossiers-resolved', 'on-time-rate', 'apology-letters', 'procedures-published', 'procedures-shortened', 'pakn-on-time'],
    },
    { key: 'digital', title: 'III. Chính quyền điện tử, chính quyền số', guidance: 'Dịch vụ công trực tuyến, số hóa hồ sơ.', figureKeys: ['online-rate'] },
    { key: 'satisfaction', title: 'IV. Sự hài lòng của người dân, tổ chức', guidance: '', figureKeys: ['satisfaction-rate'] },
    { key: 'issues', title: 'V. Tồn tại, hạn chế và nguyên nhân', guidance: '', figureKeys: [] },
    { key: 'next', title: 'VI. Nhiệm vụ trọng tâm kỳ tới, kiến nghị, đề xuất', guidance: '', figureKeys: [] },
  ],
};

export const CreateReportScheduleInput = z.object({
  title: z.string().trim().min(1).max(300),
  kind: ReportKind,
  year: z.number().int().min(2000).max(2100),
  /** Periodic reports: due this many working days after the period ends (default 5). */
  dueWorkingDays: z.number().int().min(0).max(60).default(5),
  /** Ad-hoc requests: the period and the deadline. */
  periodFrom: Day.optional(),
  periodTo: Day.optional(),
  dueDay: Day.optional(),
  /** The units asked; every active unit when absent. */
  unitIds: z.array(z.uuid()).max(500).optional(),
  template: ReportTemplate.optional(),
});
export type CreateReportScheduleInput = z.infer<typeof CreateReportScheduleInput>;

export const SUBMISSION_STATES = ['submitted', 'late', 'draft', 'missing', 'pending'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, { vi: string; en: string }> = {
  submitted: { vi: 'Đã nộp đúng hạn', en: 'Submitted on time' },
  late: { vi: 'Nộp muộn', en: 'Submitted late' },
  draft: { vi: 'Đang soạn', en: 'Drafting' },
  missing: { vi: 'Quá hạn, chưa nộp', en: 'Overdue, not submitted' },
  pending: { vi: 'Chưa nộp (còn hạn)', en: 'Not yet submitted' },
};

export const ReportUnitStatus = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  submissionId: z.uuid().nullable(),
  state: z.enum(SUBMISSION_STATES),
  submittedAt: z.string().nullable(),
});
export type ReportUnitStatus = z.infer<typeof ReportUnitStatus>;

export const ReformReport = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  title: z.string(),
  kind: ReportKind,
  year: z.number().int(),
  periodIndex: z.number().int(),
  periodLabel: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDay: z.string(),
  overdue: z.boolean(),
  template: ReportTemplate,
  units: z.array(ReportUnitStatus),
  counts: z.object({ asked: z.number().int(), submitted: z.number().int(), late: z.number().int(), missing: z.number().int() }),
});
export type ReformReport = z.infer<typeof ReformReport>;

export const ReportSubmission = z.object({
  /** Null until the unit first saves. */
  id: z.uuid().nullable(),
  reportId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(['draft', 'submitted']),
  state: z.enum(SUBMISSION_STATES),
  figures: z.array(ReformFigure),
  sections: z.record(z.string(), z.string()),
  files: z.array(StoredFileMeta),
  submittedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type ReportSubmission = z.infer<typeof ReportSubmission>;

export const SubmissionInput = z.object({
  sections: z.record(z.string(), z.string().max(20_000)),
  fileIds: z.array(z.uuid()).max(50).default([]),
  /** Figures the unit corrects by hand (a unit without records in the product enters them). */
  figureOverrides: z.record(z.string(), z.number().nullable()).default({}),
  submit: z.boolean().default(false),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export const RollupFigure = z.object({
  key: FigureKey,
  label: z.string(),
  unit: z.enum(['%', 'count']),
  value: z.number().nullable(),
  /** How the units' figures were combined, in words. */
  how: z.string(),
  byUnit: z.array(z.object({ unitName: z.string(), value: z.number().nullable() })),
});
export type RollupFigure = z.infer<typeof RollupFigure>;

export const ReportRollup = z.object({
  reportId: z.uuid(),
  title: z.string(),
  periodLabel: z.string(),
  dueDay: z.string(),
  included: z.array(z.string()),
  missing: z.array(z.string()),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      figures: z.array(RollupFigure),
      texts: z.array(z.object({ unitName: z.string(), text: z.string() })),
    }),
  ),
});
export type ReportRollup = z.infer<typeof ReportRollup>;
