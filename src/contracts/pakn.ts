/**
 * Complaints and suggestions (phản ánh, kiến nghị — PAKN, DOMAIN-VN §2 group 5): the citizen's filing
 * form, what the citizen sees when following a PAKN by its code, and the managers' list, detail and
 * actions. The browser apps and the server share these shapes.
 */
import { z } from 'zod';
import type { Lang } from './lang';

export const PAKN_KINDS = ['complaint', 'suggestion'] as const;
export type PaknKind = (typeof PAKN_KINDS)[number];

/** 766 indicator 5.1 counts PAKN by category; the list a provincial report uses, with "other" last. */
export const PAKN_CATEGORIES = ['attitude', 'processing-time', 'procedure', 'fees', 'facilities', 'other'] as const;
export type PaknCategory = (typeof PAKN_CATEGORIES)[number];

export const PAKN_SUBJECT_KINDS = ['dossier', 'counter', 'officer', 'centre'] as const;
export type PaknSubjectKind = (typeof PAKN_SUBJECT_KINDS)[number];

export const PAKN_SOURCES = ['public', 'kiosk', 'qr', 'counter'] as const;
export type PaknSource = (typeof PAKN_SOURCES)[number];

export const PAKN_STATUSES = ['received', 'assigned', 'info-requested', 'answered', 'rejected', 'published'] as const;
export type PaknStatus = (typeof PAKN_STATUSES)[number];

/** Why a PAKN is not handled (766: a rejection is due within 2 working days). */
export const PAKN_REJECT_REASONS = ['no-content', 'not-competent', 'duplicate', 'no-information', 'other'] as const;
export type PaknRejectReason = (typeof PAKN_REJECT_REASONS)[number];

export const PAKN_DEADLINE_KIND_LIST = ['reject', 'request-info', 'answer', 'publish'] as const;

type Labels<K extends string> = Record<K, Record<Lang, string>>;

export const PAKN_KIND_LABELS: Labels<PaknKind> = {
  complaint: { vi: 'Phản ánh', en: 'Complaint' },
  suggestion: { vi: 'Kiến nghị', en: 'Suggestion' },
};

export const PAKN_CATEGORY_LABELS: Labels<PaknCategory> = {
  attitude: { vi: 'Thái độ, tác phong phục vụ', en: 'Staff attitude and conduct' },
  'processing-time': { vi: 'Thời gian giải quyết', en: 'Processing time' },
  procedure: { vi: 'Thủ tục, hồ sơ, giấy tờ', en: 'Procedures and documents' },
  fees: { vi: 'Phí, lệ phí', en: 'Fees and charges' },
  facilities: { vi: 'Cơ sở vật chất, trang thiết bị', en: 'Premises and equipment' },
  other: { vi: 'Khác', en: 'Other' },
};

export const PAKN_SUBJECT_LABELS: Labels<PaknSubjectKind> = {
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  counter: { vi: 'Quầy', en: 'Counter' },
  officer: { vi: 'Cán bộ', en: 'Officer' },
  centre: { vi: 'Trung tâm (chung)', en: 'The centre (general)' },
};

export const PAKN_STATUS_LABELS: Labels<PaknStatus> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đang xử lý', en: 'Being handled' },
  'info-requested': { vi: 'Chờ bổ sung thông tin', en: 'Waiting for more information' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  rejected: { vi: 'Từ chối tiếp nhận xử lý', en: 'Not accepted for handling' },
  published: { vi: 'Đã trả lời và công khai', en: 'Answered and published' },
};

/** Actions on a PAKN as error messages name them. */
export const PAKN_ACTION_LABELS: Labels<'assign' | 'request-info' | 'supply-info' | 'reject' | 'answer' | 'publish' | 'verdict'> = {
  assign: { vi: 'phân công xử lý', en: 'assign' },
  'request-info': { vi: 'yêu cầu bổ sung thông tin', en: 'request more information' },
  'supply-info': { vi: 'bổ sung thông tin', en: 'add information' },
  reject: { vi: 'từ chối', en: 'reject' },
  answer: { vi: 'trả lời', en: 'answer' },
  publish: { vi: 'công khai', en: 'publish' },
  verdict: { vi: 'đánh giá việc xử lý', en: 'rate the handling' },
};

export const PAKN_REJECT_REASON_LABELS: Labels<PaknRejectReason> = {
  'no-content': { vi: 'Nội dung không rõ ràng, không đủ thông tin để xử lý', en: 'Unclear content, not enough to act on' },
  'not-competent': { vi: 'Không thuộc thẩm quyền giải quyết của Trung tâm', en: 'Not within the centre’s competence' },
  duplicate: { vi: 'Trùng với phản ánh, kiến nghị đã tiếp nhận', en: 'Duplicates a PAKN already received' },
  'no-information': { vi: 'Người gửi không bổ sung thông tin theo yêu cầu', en: 'The requested information was not provided' },
  other: { vi: 'Lý do khác', en: 'Other reason' },
};

export const PAKN_DEADLINE_LABELS: Labels<(typeof PAKN_DEADLINE_KIND_LIST)[number]> = {
  reject: { vi: 'Hạn từ chối (2 ngày làm việc)', en: 'Reject by (2 working days)' },
  'request-info': { vi: 'Hạn yêu cầu bổ sung (5 ngày làm việc)', en: 'Request information by (5 working days)' },
  answer: { vi: 'Hạn trả lời (15 ngày làm việc)', en: 'Answer by (15 working days)' },
  publish: { vi: 'Hạn công khai (2 ngày làm việc sau khi trả lời)', en: 'Publish by (2 working days after the answer)' },
};

/** Codes look like PA-261203-7KQ2MX9D: the date of receipt and eight random base32 characters. */
export const PAKN_CODE_PATTERN = /^PA-\d{6}-[0-9A-HJKMNP-TV-Z]{8}$/;

const Instant = z.iso.datetime({ offset: true });
const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');

export const PaknCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(PAKN_CODE_PATTERN, 'mã phản ánh, kiến nghị có dạng PA-261203-7KQ2MX9D');

/** The citizen's form. Length limits keep one filing to what a person writes. */
export const FilePaknInput = z.object({
  kind: z.enum(PAKN_KINDS, 'hãy chọn phản ánh hoặc kiến nghị'),
  category: z.enum(PAKN_CATEGORIES, 'hãy chọn nhóm nội dung'),
  subject: z.object({
    kind: z.enum(PAKN_SUBJECT_KINDS, 'hãy chọn đối tượng phản ánh'),
    /** The dossier's code (on Form 01 or the return slip), for kind 'dossier'. */
    dossierCode: z.string().trim().toUpperCase().max(40, 'mã hồ sơ tối đa 40 ký tự').optional(),
    counterNumber: z.number().int().min(1).max(999).optional(),
    officerId: Id.optional(),
  }),
  content: z
    .string()
    .trim()
    .min(10, 'nội dung cần ít nhất 10 ký tự')
    .max(4000, 'nội dung tối đa 4000 ký tự'),
  anonymous: z.boolean(),
  contact: z
    .object({
      name: z.string().trim().max(120, 'họ tên tối đa 120 ký tự').default(''),
      phone: z.string().trim().max(20, 'số điện thoại tối đa 20 ký tự').default(''),
      email: z.string().trim().max(200, 'thư điện tử tối đa 200 ký tự').default(''),
    })
    .optional(),
  source: z.enum(['public', 'kiosk', 'qr']).default('public'),
  /** A field people never see; software that fills every box fills it too. */
  website: z.string().max(200).optional(),
});
export type FilePaknInput = z.infer<typeof FilePaknInput>;

export const FiledPakn = z.object({ code: z.string() });

export const PaknDeadlinesView = z.object({
  rejectBy: Instant,
  requestInfoBy: Instant,
  answerBy: Instant.nullable(),
  publishBy: Instant.nullable(),
});

export const PaknCurrentDeadline = z.object({
  kind: z.enum(PAKN_DEADLINE_KIND_LIST),
  due: Instant,
  label: z.string(),
});

/** What anyone holding the code sees: no contact details, no internal notes, no other PAKN. */
export const PublicPakn = z.object({
  code: z.string(),
  kind: z.enum(PAKN_KINDS),
  kindLabel: z.string(),
  category: z.enum(PAKN_CATEGORIES),
  categoryLabel: z.string(),
  subjectLabel: z.string(),
  content: z.string(),
  status: z.enum(PAKN_STATUSES),
  statusLabel: z.string(),
  receivedAt: Instant,
  answeredAt: Instant.nullable(),
  rejectedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  deadlines: PaknDeadlinesView,
  current: PaknCurrentDeadline.nullable(),
  /** The question the centre asks while it waits for the citizen. */
  infoRequest: z.object({ question: z.string(), requestedAt: Instant }).nullable(),
  answer: z.object({ text: z.string(), at: Instant }).nullable(),
  rejection: z.object({ reason: z.enum(PAKN_REJECT_REASONS), reasonLabel: z.string(), note: z.string(), at: Instant }).nullable(),
  canAddInfo: z.boolean(),
  canGiveVerdict: z.boolean(),
  citizenSatisfied: z.boolean().nullable(),
});
export type PublicPakn = z.infer<typeof PublicPakn>;

export const SupplyPaknInfoInput = z.object({
  text: z.string().trim().min(2, 'hãy nhập thông tin bổ sung').max(4000, 'thông tin bổ sung tối đa 4000 ký tự'),
  website: z.string().max(200).optional(),
});

export const PaknVerdictInput = z.object({ satisfied: z.boolean('hãy chọn hài lòng hoặc không hài lòng') });

/** The pickers of the public form: counters by number, officers by name (as posted at the counters). */
export const PaknFormOptions = z.object({
  centreName: z.string(),
  counters: z.array(z.object({ number: z.number().int(), name: z.string() })),
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PaknFormOptions = z.infer<typeof PaknFormOptions>;

export const PaknListQuery = z.object({
  status: z.enum(['open', 'all', ...PAKN_STATUSES]).default('open'),
  overdue: z.enum(['1', '0']).optional(),
  category: z.enum(PAKN_CATEGORIES).optional(),
  kind: z.enum(PAKN_KINDS).optional(),
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(300),
});
export type PaknListQuery = z.infer<typeof PaknListQuery>;

export const PaknListItem = z.object({
  id: Id,
  code: z.string(),
  kind: z.enum(PAKN_KINDS),
  category: z.enum(PAKN_CATEGORIES),
  categoryLabel: z.string(),
  subjectLabel: z.string(),
  excerpt: z.string(),
  status: z.enum(PAKN_STATUSES),
  statusLabel: z.string(),
  source: z.enum(PAKN_SOURCES),
  assignedToName: z.string().nullable(),
  receivedAt: Instant,
  current: PaknCurrentDeadline.nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
  onTime: z.boolean(),
  citizenSatisfied: z.boolean().nullable(),
});
export type PaknListItem = z.infer<typeof PaknListItem>;

export const PaknDetail = PaknListItem.extend({
  content: z.string(),
  anonymous: z.boolean(),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
  subject: z.object({
    kind: z.enum(PAKN_SUBJECT_KINDS),
    dossierId: z.string().nullable(),
    dossierCode: z.string().nullable(),
    counterNumber: z.number().int().nullable(),
    officerId: z.string().nullable(),
    officerName: z.string().nullable(),
  }),
  assignedTo: z.string().nullable(),
  deadlines: PaknDeadlinesView,
  missed: z.array(z.enum(PAKN_DEADLINE_KIND_LIST)),
  infoRequests: z.array(
    z.object({ question: z.string(), requestedAt: Instant, requestedByName: z.string(), reply: z.string().nullable(), suppliedAt: Instant.nullable() }),
  ),
  answer: z.object({ text: z.string(), at: Instant, byName: z.string() }).nullable(),
  rejection: z.object({ reason: z.enum(PAKN_REJECT_REASONS), reasonLabel: z.string(), note: z.string(), at: Instant, byName: z.string() }).nullable(),
  answeredAt: Instant.nullable(),
  rejectedAt: Instant.nullable(),
  publishedAt: Instant.nullable(),
  actions: z.array(z.enum(['assign', 'request-info', 'reject', 'answer', 'publish'])),
  history: z.array(z.object({ type: z.string(), at: Instant, actorName: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
});
export type PaknDetail = z.infer<typeof PaknDetail>;

export const PaknActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), userId: Id }),
  z.object({
    action: z.literal('request-info'),
    question: z.string().trim().min(5, 'hãy nêu thông tin cần bổ sung').max(2000, 'tối đa 2000 ký tự'),
  }),
  z.object({
    action: z.literal('reject'),
    reason: z.enum(PAKN_REJECT_REASONS, 'hãy chọn lý do từ chối'),
    note: z.string().trim().max(2000, 'tối đa 2000 ký tự').default(''),
  }),
  z.object({
    action: z.literal('answer'),
    text: z.string().trim().min(10, 'câu trả lời cần ít nhất 10 ký tự').max(8000, 'câu trả lời tối đa 8000 ký tự'),
  }),
  z.object({ action: z.literal('publish') }),
]);
export type PaknActionInput = z.infer<typeof PaknActionInput>;
export type PaknActionName = PaknActionInput['action'];

export const PaknAssignees = z.array(z.object({ id: z.string(), name: z.string(), role: z.string() }));
