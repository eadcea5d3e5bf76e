/**
 * A round of a plan: planned until the first verdict or finding is recorded, in progress while the team
 * checks, concluded once the conclusion is written — after which its verdicts and findings are what the
 * minutes say and no longer change (corrective actions go on: that is the follow-up).
 */
import type { Criterion, RoundStatus, Verdict } from '../../contracts/inspection';
import { AppError } from '../shared/app-error';

export function assertRoundOpen(status: RoundStatus): void {
  if (status === 'concluded') {
    throw new AppError('VALIDATION_FAILED', { detail: 'đợt kiểm tra đã kết luận; kết quả và phát hiện không sửa được nữa' });
  }
}

/** The status after recording a verdict or finding. */
export function statusAfterWork(status: RoundStatus): RoundStatus {
  assertRoundOpen(status);
  return 'in-progress';
}

export function assertCriterion(checklist: readonly Criterion[], criterionId: string): Criterion {
  const criterion = checklist.find((c) => c.id === criterionId);
  if (!criterion) throw new AppError('VALIDATION_FAILED', { detail: `tiêu chí "${criterionId}" không có trong danh mục kiểm tra của đợt` });
  return criterion;
}

export function assertUnitInRound(unitIds: readonly string[], unitId: string): void {
  if (!unitIds.includes(unitId)) throw new AppError('VALIDATION_FAILED', { detail: 'đơn vị này không thuộc đợt kiểm tra' });
}

export interface Tally {
  met: number;
  partly: number;
  notMet: number;
  notApplicable: number;
  pending: number;
  /** Met among the criteria that apply and were judged, in percent with one decimal; null if none. */
  metRate: number | null;
}

/** A unit's verdicts over the round's checklist; a criterion without a verdict is pending. */
export function tallyVerdicts(checklist: readonly Criterion[], verdicts: ReadonlyMap<string, Verdict>): Tally {
  const t: Tally = { met: 0, partly: 0, notMet: 0, notApplicable: 0, pending: 0, metRate: null };
  for (const c of checklist) {
    const v = verdicts.get(c.id) ?? 'pending';
    if (v === 'met') t.met += 1;
    else if (v === 'partly') t.partly += 1;
    else if (v === 'not-met') t.notMet += 1;
    else if (v === 'not-applicable') t.notApplicable += 1;
    else t.pending += 1;
  }
  const judged = t.met + t.partly + t.notMet;
  t.metRate = judged === 0 ? null : Math.round((t.met * 1000) / judged) / 10;
  return t;
}
