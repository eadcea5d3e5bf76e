/**
 * Unit self-evaluation of administrative reform (DOMAIN-VN §3, §9): a yearly frame of fields and
 * criteria with their maximum points, the self-score a unit gives itself with its evidence, the
 * appraisers' score, and the grade. Criteria may be pre-filled from figures the product already has
 * (reform figures), each figure with a link to the records behind it.
 */
import { z } from 'zod';
import { StoredFileMeta } from './files';

// ---------------------------------------------------------------------------------------------
// Reform figures (shared with reform reports)
// ---------------------------------------------------------------------------------------------

export const FIGURE_KEYS = [
  'on-time-rate',
  'apology-coverage',
  'apology-letters',
  'procedures-published',
  'procedures-shortened',
  'online-rate',
  'satisfaction-rate',
  'pakn-on-time',
  'dossiers-received',
  'dossiers-resolved',
] as const;
export const FigureKey = z.enum(FIGURE_KEYS);
export type FigureKey = z.infer<typeof FigureKey>;

/** How a figure is shown and how several units' figures roll up: rates are weighted by their denominators, counts summed. */
export const FIGURE_DEFINITIONS: Record<FigureKey, { vi: string; en: string; unit: '%' | 'count' }> = {
  'on-time-rate': { vi: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (Chỉ số 766 – 2.1)', en: 'Dossiers handled early or on time (766 – 2.1)', unit: '%' },
  'apology-coverage': { vi: 'Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi (Mẫu 04)', en: 'Late dossiers with an apology letter (Form 04)', unit: '%' },
  'apology-letters': { vi: 'Số văn bản xin lỗi đã ban hành', en: 'Apology letters issued', unit: 'count' },
  'procedures-published': { vi: 'Tỷ lệ TTHC công khai đầy đủ (Chỉ số 766 – 1.3)', en: 'Procedures published in full (766 – 1.3)', unit: '%' },
  'procedures-shortened': { vi: 'Tỷ lệ TTHC cắt giảm thời gian giải quyết', en: 'Procedures with shortened processing times', unit: '%' },
  'online-rate': { vi: 'Tỷ lệ hồ sơ trực tuyến (Chỉ số 766 – 3.3)', en: 'Online receipts (766 – 3.3)', unit: '%' },
  'satisfaction-rate': { vi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC (Chỉ số 766 – 5.4)', en: 'Satisfaction with dossier handling (766 – 5.4)', unit: '%' },
  'pakn-on-time': { vi: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn (Chỉ số 766 – 5.2)', en: 'Complaints and suggestions handled on time (766 – 5.2)', unit: '%' },
  'dossiers-received': { vi: 'Số hồ sơ tiếp nhận', en: 'Dossiers received', unit: 'count' },
  'dossiers-resolved': { vi: 'Số hồ sơ đã giải quyết', en: 'Dossiers resolved', unit: 'count' },
};

/** One figure of a unit for a period, with the records it counts. */
export const ReformFigure = z.object({
  key: FigureKey,
  label: z.string(),
  unit: z.enum(['%', 'count']),
  /** Null when the product holds no records for the unit, or nothing to count in the period. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** How it was counted, in words ("12 văn bản xin lỗi cho 15 hồ sơ trễ hạn"). */
  detail: z.string(),
  /** Where the records behind it are (an address in this product); null when there are none. */
  link: z.string().nullable(),
});
export type ReformFigure = z.infer<typeof ReformFigure>;

// ---------------------------------------------------------------------------------------------
// Frames
// ---------------------------------------------------------------------------------------------

const Code = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/, 'mã gồm chữ, số, dấu chấm (ví dụ 3.2), tối đa 20 ký tự');
const Points = z.number().min(0).max(100);

/** Points follow a figure in a straight line: `zero` or worse gives 0, `full` or better the maximum. */
export const PrefillRule = z.object({
  key: FigureKey,
  full: z.number(),
  zero: z.number(),
});
export type PrefillRule = z.infer<typeof PrefillRule>;

export const FrameCriterion = z.object({
  code: Code,
  name: z.string().trim().min(1).max(1000),
  maxPoints: Points.refine((p) => p > 0, 'điểm tối đa phải lớn hơn 0'),
  /** The evidence documents (tài liệu kiểm chứng) the criterion needs. */
  evidence: z.string().trim().max(1000).default(''),
  /** Whether a positive self-score needs at least one file attached (a pre-filled figure's records count). */
  evidenceRequired: z.boolean().default(true),
  prefill: PrefillRule.nullable().default(null),
});
export type FrameCriterion = z.infer<typeof FrameCriterion>;

export const FrameField = z.object({
  code: Code,
  name: z.string().trim().min(1).max(500),
  criteria: z.array(FrameCriterion).min(1).max(100),
});
export type FrameField = z.infer<typeof FrameField>;

export const GradeBand = z.object({
  label: z.string().trim().min(1).max(60),
  /** The least final score of the band (included). */
  min: Points,
});
export type GradeBand = z.infer<typeof GradeBand>;

/** What an admin edits or imports (JSON). */
export const FrameInput = z.object({
  name: z.string().trim().min(1).max(300),
  fields: z.array(FrameField).min(1).max(30),
  gradeBands: z.array(GradeBand).min(1).max(10),
});
export type FrameInput = z.infer<typeof FrameInput>;

export const FRAME_STATUSES = ['draft', 'open', 'closed'] as const;
export type FrameStatus = (typeof FRAME_STATUSES)[number];
export const FRAME_STATUS_LABELS: Record<FrameStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  open: { vi: 'Đang đánh giá', en: 'Open' },
  closed: { vi: 'Đã khóa', en: 'Closed' },
};

export const Frame = FrameInput.extend({
  id: z.uuid(),
  year: z.number().int(),
  status: z.enum(FRAME_STATUSES),
  totalPoints: z.number(),
  criteriaCount: z.number().int(),
  /** Evaluations submitted for it (the criteria can no longer be changed once there are some). */
  submittedCount: z.number().int(),
  updatedAt: z.string(),
});
export type Frame = z.infer<typeof Frame>;

export const FrameSummary = Frame.omit({ fields: true, gradeBands: true });
export type FrameSummary = z.infer<typeof FrameSummary>;

export const CreateFrameInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Copy the criteria of this frame (last year's, say); the shipped example frame when absent. */
  copyFrom: z.uuid().optional(),
});
export type CreateFrameInput = z.infer<typeof CreateFrameInput>;

export const FrameStatusInput = z.object({ status: z.enum(FRAME_STATUSES) });

// ---------------------------------------------------------------------------------------------
// Evaluations
// ---------------------------------------------------------------------------------------------

export const EVALUATION_STATUSES = ['draft', 'submitted', 'appraised'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus | 'not-started', { vi: string; en: string }> = {
  'not-started': { vi: 'Chưa tự đánh giá', en: 'Not started' },
  draft: { vi: 'Đang tự đánh giá', en: 'Self-scoring' },
  submitted: { vi: 'Chờ thẩm định', en: 'Awaiting appraisal' },
  appraised: { vi: 'Đã thẩm định', en: 'Appraised' },
};

export const CriterionScore = z.object({
  fieldCode: z.string(),
  fieldName: z.string(),
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  evidence: z.string(),
  evidenceRequired: z.boolean(),
  /** The figure the product has for it, and the points its rule suggests; null when not pre-filled. */
  prefill: z
    .object({
      figure: ReformFigure,
      suggestedPoints: z.number().nullable(),
      rule: PrefillRule,
    })
    .nullable(),
  selfScore: z.number().nullable(),
  selfNote: z.string(),
  files: z.array(StoredFileMeta),
  /** Shown to the unit once the appraisal is complete; to appraisers always. */
  appraisalScore: z.number().nullable(),
  appraisalComment: z.string(),
  /** appraisal − self, when both exist and the caller may see the appraisal. */
  difference: z.number().nullable(),
});
export type CriterionScore = z.infer<typeof CriterionScore>;

export const Evaluation = z.object({
  /** Null until the unit first saves its scores. */
  id: z.uuid().nullable(),
  frameId: z.uuid(),
  year: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  criteria: z.array(CriterionScore),
  maxPoints: z.number(),
  selfTotal: z.number(),
  appraisalTotal: z.number().nullable(),
  finalScore: z.number().nullable(),
  grade: z.string().nullable(),
  submittedAt: z.string().nullable(),
  appraisedAt: z.string().nullable(),
  appraisedByName: z.string().nullable(),
  /** What the caller may do now. */
  canEdit: z.boolean(),
  canAppraise: z.boolean(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const EvaluationListItem = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  evaluationId: z.uuid().nullable(),
  status: z.enum([...EVALUATION_STATUSES, 'not-started']),
  selfTotal: z.number().nullable(),
  finalScore: z.number().nullable(),
  grade: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type EvaluationListItem = z.infer<typeof EvaluationListItem>;

const Score = z.number().min(0).max(100).multipleOf(0.25, 'điểm chấm theo bước 0,25');

export const SelfScoreInput = z.object({
  scores: z
    .array(
      z.object({
        code: z.string(),
        selfScore: Score.nullable(),
        selfNote: z.string().max(4000).default(''),
        fileIds: z.array(z.uuid()).max(50).default([]),
      }),
    )
    .max(200),
});
export type SelfScoreInput = z.infer<typeof SelfScoreInput>;

export const AppraisalInput = z.object({
  scores: z
    .array(
      z.object({
        code: z.string(),
        appraisalScore: Score.nullable(),
        appraisalComment: z.string().max(4000).default(''),
      }),
    )
    .max(200),
  /** Close the appraisal: every criterion needs a score; the unit then sees the result. */
  complete: z.boolean().default(false),
});
export type AppraisalInput = z.infer<typeof AppraisalInput>;

export const RankingRow = z.object({
  rank: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  finalScore: z.number(),
  grade: z.string().nullable(),
  previousRank: z.number().int().nullable(),
  /** previousRank − rank: positive when the unit moved up. */
  rankChange: z.number().int().nullable(),
  previousScore: z.number().nullable(),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const Ranking = z.object({
  year: z.number().int(),
  rows: z.array(RankingRow),
  /** Units without an appraised evaluation that year. */
  unranked: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })),
});
export type Ranking = z.infer<typeof Ranking>;

export const YearOverYear = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  years: z.array(
    z.object({
      year: z.number().int(),
      status: z.enum(EVALUATION_STATUSES),
      maxPoints: z.number(),
      selfTotal: z.number(),
      finalScore: z.number().nullable(),
      grade: z.string().nullable(),
      rank: z.number().int().nullable(),
      ranked: z.number().int(),
      /** Per field: self and final points, so a unit sees where it gained or lost. */
      fields: z.array(z.object({ code: z.string(), name: z.string(), maxPoints: z.number(), selfPoints: z.number(), finalPoints: z.number().nullable() })),
    }),
  ),
});
export type YearOverYear = z.infer<typeof YearOverYear>;

/** A frame file: a JSON document as text, or an .xlsx workbook in base64 (layout in docs/self-evaluation.md). */
export const FrameImportInput = z.object({
  format: z.enum(['json', 'xlsx']),
  content: z.string().min(1).max(14_000_000),
});
export type FrameImportInput = z.infer<typeof FrameImportInput>;
