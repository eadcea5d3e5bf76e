/**
 * Procedure reviews (rà soát, đánh giá thủ tục hành chính): rounds over chosen procedures, the
 * proposals made in them and the decision on each. The browser apps and the server share these shapes.
 */
import { z } from 'zod';
import { Day, Id } from './api';
import type { Lang } from './lang';

export const PROPOSAL_KINDS = ['simplify', 'shorten', 'merge', 'abolish', 'other'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ['proposed', 'adopted', 'rejected', 'deferred'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const DECISIONS = ['adopted', 'rejected', 'deferred'] as const;
export type Decision = (typeof DECISIONS)[number];

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, Record<Lang, string>> = {
  simplify: { vi: 'Đơn giản hóa thành phần, trình tự', en: 'Simplify documents or steps' },
  shorten: { vi: 'Cắt giảm thời gian giải quyết', en: 'Shorten the processing time' },
  merge: { vi: 'Hợp nhất, liên thông thủ tục', en: 'Merge or link procedures' },
  abolish: { vi: 'Bãi bỏ thủ tục', en: 'Abolish the procedure' },
  other: { vi: 'Khác', en: 'Other' },
};

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, Record<Lang, string>> = {
  proposed: { vi: 'Chờ quyết định', en: 'Awaiting decision' },
  adopted: { vi: 'Đã thông qua', en: 'Adopted' },
  rejected: { vi: 'Không thông qua', en: 'Rejected' },
  deferred: { vi: 'Hoãn, xem xét sau', en: 'Deferred' },
};

const Channel = z.enum(['direct', 'online', 'postal']);

export const ReviewProcedure = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  fieldName: z.string(),
  version: z.number().int(),
  /** The time that applies now: "3 ngày làm việc (quy định 5)". */
  timeText: z.string(),
});
export type ReviewProcedure = z.infer<typeof ReviewProcedure>;

export const ProposalView = z.object({
  id: Id,
  procedureId: Id,
  procedureCode: z.string(),
  procedureName: z.string(),
  kind: z.enum(PROPOSAL_KINDS),
  kindLabel: z.string(),
  rationale: z.string(),
  channel: Channel.nullable(),
  newCommittedAmount: z.number().int().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  statusLabel: z.string(),
  decidedOn: Day.nullable(),
  decisionRef: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** The procedure version an adopted shortening created. */
  resultVersion: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const ReviewRoundSummary = z.object({
  id: Id,
  name: z.string(),
  year: z.number().int(),
  decisionRef: z.string(),
  status: z.enum(['open', 'closed']),
  procedures: z.number().int(),
  proposals: z.number().int(),
  adopted: z.number().int(),
  pending: z.number().int(),
});
export type ReviewRoundSummary = z.infer<typeof ReviewRoundSummary>;

export const ReviewRoundDetail = ReviewRoundSummary.extend({
  procedureList: z.array(ReviewProcedure),
  proposalList: z.array(ProposalView),
  byKind: z.record(z.enum(PROPOSAL_KINDS), z.number().int()),
  byStatus: z.record(z.enum(PROPOSAL_STATUSES), z.number().int()),
});
export type ReviewRoundDetail = z.infer<typeof ReviewRoundDetail>;

export const ReviewRoundInput = z.object({
  name: z.string().trim().min(1).max(300),
  year: z.number().int().min(2000).max(2100),
  decisionRef: z.string().trim().max(200).default(''),
  procedureIds: z.array(Id).min(1).max(2000),
});
export type ReviewRoundInput = z.infer<typeof ReviewRoundInput>;

export const ProposalInput = z.object({
  procedureId: Id,
  kind: z.enum(PROPOSAL_KINDS),
  rationale: z.string().trim().min(1).max(4000),
  channel: Channel.nullable().default(null),
  newCommittedAmount: z.number().int().min(1).max(10000).nullable().default(null),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

export const DecisionInput = z.object({
  decision: z.enum(DECISIONS),
  decidedOn: Day,
  decisionRef: z.string().trim().max(200).default(''),
  note: z.string().trim().max(2000).default(''),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/** The share of procedures in force whose time the centre shortened, and how many decisions made it so. */
export const ShortenedShare = z.object({
  procedures: z.number().int(),
  shortened: z.number().int(),
  sharePercent: z.number().nullable(),
  /** Shortenings adopted in review rounds (their procedure versions). */
  byDecision: z.number().int(),
});
export type ShortenedShare = z.infer<typeof ShortenedShare>;
