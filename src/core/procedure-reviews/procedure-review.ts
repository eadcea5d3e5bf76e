/**
 * Procedure reviews (rà soát, đánh giá thủ tục hành chính): a round over chosen procedures records
 * proposals — simplify, shorten the time, merge, abolish, other — and the decision on each.
 *
 *   proposed ──decide──▶ adopted | rejected | deferred;   deferred ──decide──▶ adopted | rejected | deferred
 *
 * Adopted and rejected are final. An adopted shortening changes the procedure's committed time through
 * the catalogue's versioning (a new version), so what the centre publishes follows from the decision. Pure.
 */
import { AppError } from '../shared/app-error';
import type { Channel, ProcessStep, ProcessingRule } from '../catalogue/procedure';
import { isCalendarDate } from '../process-documents/process-document';
import { DECISIONS, PROPOSAL_KINDS, PROPOSAL_STATUSES, type Decision, type ProposalKind, type ProposalStatus } from '../../contracts/procedure-reviews';

export { DECISIONS, PROPOSAL_KINDS, PROPOSAL_STATUSES };
export type { Decision, ProposalKind, ProposalStatus };

export interface ProposalDraft {
  kind: ProposalKind;
  rationale: string;
  channel: Channel | null;
  newCommittedAmount: number | null;
}

/** The channels a shortening applies to: the one named, or every channel with a time in days or hours. */
function targetRules(rules: ProcessingRule[], channel: Channel | null): ProcessingRule[] {
  return rules.filter((r) => (channel === null || r.channel === channel) && r.unit !== 'same-day' && r.amount != null);
}

/** A proposal as it may be recorded against the procedure's current rules. */
export function checkProposal(draft: ProposalDraft, rules: ProcessingRule[]): ProposalDraft {
  const rationale = draft.rationale.trim();
  if (!rationale) throw new AppError('VALIDATION_FAILED', { detail: 'cần nêu lý do, căn cứ của đề xuất' });
  if (draft.kind !== 'shorten') return { kind: draft.kind, rationale, channel: null, newCommittedAmount: null };
  const amount = draft.newCommittedAmount;
  if (amount == null || !Number.isInteger(amount) || amount < 1) {
    throw new AppError('VALIDATION_FAILED', { detail: 'đề xuất cắt giảm cần thời hạn mới (số nguyên dương)' });
  }
  const targets = targetRules(rules, draft.channel);
  if (targets.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'thủ tục không có thời hạn giải quyết tính theo ngày hoặc giờ để cắt giảm' });
  for (const rule of targets) {
    const current = rule.committedAmount ?? rule.amount!;
    if (amount >= current) {
      throw new AppError('VALIDATION_FAILED', { detail: `thời hạn mới (${amount}) phải ngắn hơn thời hạn đang áp dụng (${current}) của hình thức ${CHANNEL_NAMES[rule.channel]}` });
    }
  }
  return { kind: 'shorten', rationale, channel: draft.channel, newCommittedAmount: amount };
}

const CHANNEL_NAMES: Record<Channel, string> = { direct: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính' };

export interface DecisionInput {
  decision: Decision;
  decidedOn: string;
  decisionRef: string;
  note: string;
}

/** The status a decision leads to; a decided proposal (adopted or rejected) is not decided again. */
export function decide(status: ProposalStatus, input: DecisionInput): ProposalStatus {
  if (status === 'adopted' || status === 'rejected') {
    throw new AppError('VALIDATION_FAILED', { detail: 'đề xuất đã có quyết định (thông qua hoặc không thông qua), không quyết định lại' });
  }
  if (!isCalendarDate(input.decidedOn)) throw new AppError('VALIDATION_FAILED', { detail: `ngày quyết định "${input.decidedOn}" không hợp lệ` });
  if (input.decision === 'adopted' && !input.decisionRef.trim()) {
    throw new AppError('VALIDATION_FAILED', { detail: 'thông qua đề xuất cần số, ký hiệu văn bản quyết định' });
  }
  return input.decision;
}

/**
 * The rules after an adopted shortening: the committed time of each targeted channel becomes the new
 * amount. Refused when it is no longer shorter than what applies now (another decision got there first).
 */
export function shortenRules(rules: ProcessingRule[], channel: Channel | null, amount: number): ProcessingRule[] {
  const targets = new Set(targetRules(rules, channel).map((r) => r.channel));
  if (targets.size === 0) throw new AppError('VALIDATION_FAILED', { detail: 'thủ tục không còn thời hạn để cắt giảm' });
  return rules.map((r) => {
    if (!targets.has(r.channel)) return r;
    const current = r.committedAmount ?? r.amount!;
    if (amount >= current) {
      throw new AppError('VALIDATION_FAILED', { detail: `thời hạn đang áp dụng (${current}) đã ngắn hơn hoặc bằng thời hạn đề xuất (${amount})` });
    }
    return { ...r, committedAmount: amount };
  });
}

/**
 * Step allowances scaled so they add up to the new total, in quarter hours, each at least a quarter
 * hour; what rounding leaves over goes to the longest step. Steps that already fit are kept.
 */
export function fitSteps(steps: ProcessStep[], totalHours: number): ProcessStep[] {
  const before = steps.reduce((s, x) => s + x.allowanceHours, 0);
  if (steps.length === 0 || before <= totalHours + 1e-9) return steps;
  const quarter = (h: number) => Math.max(0.25, Math.floor(h * 4) / 4);
  const scaled = steps.map((s) => ({ ...s, allowanceHours: quarter((s.allowanceHours * totalHours) / before) }));
  const rest = totalHours - scaled.reduce((s, x) => s + x.allowanceHours, 0);
  const longest = scaled.reduce((best, s, i) => (s.allowanceHours > scaled[best]!.allowanceHours ? i : best), 0);
  scaled[longest] = { ...scaled[longest]!, allowanceHours: Math.max(0.25, scaled[longest]!.allowanceHours + rest) };
  return scaled;
}

export interface ProposalCounts {
  total: number;
  byStatus: Record<ProposalStatus, number>;
  byKind: Record<ProposalKind, number>;
}

export function countProposals(proposals: { kind: ProposalKind; status: ProposalStatus }[]): ProposalCounts {
  const byStatus = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;
  const byKind = Object.fromEntries(PROPOSAL_KINDS.map((k) => [k, 0])) as Record<ProposalKind, number>;
  for (const p of proposals) {
    byStatus[p.status] += 1;
    byKind[p.kind] += 1;
  }
  return { total: proposals.length, byStatus, byKind };
}

/** A closed round takes no more proposals or decisions: its results are what the closing report states. */
export function assertReviewOpen(round: { status: 'open' | 'closed' }): void {
  if (round.status === 'closed') throw new AppError('VALIDATION_FAILED', { detail: 'đợt rà soát đã kết thúc, không thêm đề xuất hay quyết định' });
}

/** A round closes once every proposal has a decision (a deferred one counts: it is carried to a later review). */
export function assertClosable(proposals: readonly { status: ProposalStatus }[]): void {
  const pending = proposals.filter((p) => p.status === 'proposed').length;
  if (pending > 0) throw new AppError('VALIDATION_FAILED', { detail: `còn ${pending} đề xuất chưa có quyết định` });
}

