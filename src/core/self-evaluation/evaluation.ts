/**
 * A unit's self-evaluation against a frame, and its appraisal:
 *
 *   draft ──submit──▶ submitted ──appraise(complete)──▶ appraised
 *     ▲                  │
 *     └──── return ──────┘   (appraisers send it back for the unit to correct)
 *
 * The unit scores each criterion (note, evidence files) while in draft; submitting needs every criterion
 * scored and evidence where the frame asks for it (a pre-filled figure's records count as evidence). The
 * appraisers score while submitted; completing needs every criterion appraised, and the final score is the
 * appraised total. Pure: the caller loads and saves.
 */
import type { AppraisalInput, FrameField, GradeBand, SelfScoreInput } from '../../contracts/self-evaluation';
import { AppError } from '../shared/app-error';
import { criteriaOf, gradeOf, roundPoints, totalPointsOf } from './frame';

export interface ScoreEntry {
  selfScore: number | null;
  selfNote: string;
  fileIds: string[];
  appraisalScore: number | null;
  appraisalComment: string;
}

export type EvaluationStatus = 'draft' | 'submitted' | 'appraised';

export interface EvaluationState {
  status: EvaluationStatus;
  /** By criterion code. */
  scores: Record<string, ScoreEntry>;
}

export interface FrameShape {
  fields: readonly FrameField[];
  gradeBands: readonly GradeBand[];
}

const EMPTY: ScoreEntry = { selfScore: null, selfNote: '', fileIds: [], appraisalScore: null, appraisalComment: '' };

export const entryOf = (state: EvaluationState, code: string): ScoreEntry => state.scores[code] ?? EMPTY;

function invalid(detail: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail });
}

function criterionMap(frame: FrameShape) {
  return new Map(criteriaOf(frame).map((c) => [c.code, c]));
}

const fmt = (n: number) => String(n).replace('.', ',');

/** The unit's scores, notes and evidence; only while in draft. */
export function applySelfScores(frame: FrameShape, state: EvaluationState, input: SelfScoreInput): EvaluationState {
  if (state.status !== 'draft') {
    throw invalid('bản tự đánh giá đã gửi thẩm định nên không sửa được; hãy đề nghị đơn vị thẩm định trả lại nếu cần sửa');
  }
  const criteria = criterionMap(frame);
  const scores = { ...state.scores };
  for (const s of input.scores) {
    const c = criteria.get(s.code);
    if (!c) throw invalid(`không có tiêu chí "${s.code}" trong bộ tiêu chí`);
    if (s.selfScore !== null && s.selfScore > c.maxPoints) {
      throw invalid(`tiêu chí ${c.code}: điểm tự chấm ${fmt(s.selfScore)} vượt điểm tối đa ${fmt(c.maxPoints)}`);
    }
    scores[c.code] = { ...entryOf(state, c.code), selfScore: s.selfScore, selfNote: s.selfNote.trim(), fileIds: [...new Set(s.fileIds)] };
  }
  return { ...state, scores };
}

/**
 * Sends the self-evaluation for appraisal. `hasFigureRecords(code)` tells whether the criterion's
 * pre-filled figure links to records in the product, which stand as its evidence.
 */
export function submitEvaluation(frame: FrameShape, state: EvaluationState, hasFigureRecords: (code: string) => boolean): EvaluationState {
  if (state.status !== 'draft') throw invalid('bản tự đánh giá đã được gửi thẩm định');
  const missingScore: string[] = [];
  const missingEvidence: string[] = [];
  for (const c of criteriaOf(frame)) {
    const e = entryOf(state, c.code);
    // The frame may have been edited after the score was saved.
    if (e.selfScore !== null && e.selfScore > c.maxPoints) {
      throw invalid(`tiêu chí ${c.code}: điểm tự chấm ${fmt(e.selfScore)} vượt điểm tối đa ${fmt(c.maxPoints)}`);
    }
    if (e.selfScore === null) missingScore.push(c.code);
    else if (c.evidenceRequired && e.selfScore > 0 && e.fileIds.length === 0 && !hasFigureRecords(c.code)) missingEvidence.push(c.code);
  }
  if (missingScore.length > 0) throw invalid(`chưa tự chấm điểm các tiêu chí ${missingScore.join(', ')}`);
  if (missingEvidence.length > 0) throw invalid(`chưa đính kèm tài liệu kiểm chứng cho các tiêu chí ${missingEvidence.join(', ')}`);
  return { ...state, status: 'submitted' };
}

/** The appraisers send a submitted evaluation back to the unit. */
export function returnEvaluation(state: EvaluationState): EvaluationState {
  if (state.status !== 'submitted') throw invalid('chỉ trả lại được bản tự đánh giá đang chờ thẩm định');
  return { ...state, status: 'draft' };
}

/** The appraisers' scores and comments; `complete` closes the appraisal. */
export function applyAppraisal(frame: FrameShape, state: EvaluationState, input: AppraisalInput): EvaluationState {
  if (state.status !== 'submitted') {
    throw invalid(state.status === 'draft' ? 'đơn vị chưa gửi bản tự đánh giá để thẩm định' : 'bản tự đánh giá đã thẩm định xong');
  }
  const criteria = criterionMap(frame);
  const scores = { ...state.scores };
  for (const s of input.scores) {
    const c = criteria.get(s.code);
    if (!c) throw invalid(`không có tiêu chí "${s.code}" trong bộ tiêu chí`);
    if (s.appraisalScore !== null && s.appraisalScore > c.maxPoints) {
      throw invalid(`tiêu chí ${c.code}: điểm thẩm định ${fmt(s.appraisalScore)} vượt điểm tối đa ${fmt(c.maxPoints)}`);
    }
    scores[c.code] = { ...entryOf(state, c.code), appraisalScore: s.appraisalScore, appraisalComment: s.appraisalComment.trim() };
  }
  const next: EvaluationState = { ...state, scores };
  if (!input.complete) return next;
  const missing = criteriaOf(frame)
    .filter((c) => entryOf(next, c.code).appraisalScore === null)
    .map((c) => c.code);
  if (missing.length > 0) throw invalid(`chưa chấm điểm thẩm định các tiêu chí ${missing.join(', ')}`);
  return { ...next, status: 'appraised' };
}

export interface EvaluationTotals {
  maxPoints: number;
  selfTotal: number;
  /** Sum of the appraisal scores given so far; null when none. */
  appraisalTotal: number | null;
  /** The appraised total, once the appraisal is complete. */
  finalScore: number | null;
  grade: string | null;
  fields: { code: string; name: string; maxPoints: number; selfPoints: number; finalPoints: number | null }[];
}

export function totalsOf(frame: FrameShape, state: EvaluationState): EvaluationTotals {
  const maxPoints = totalPointsOf(frame);
  const appraised = state.status === 'appraised';
  let self = 0;
  let appraisal = 0;
  let anyAppraisal = false;
  const fields = frame.fields.map((f) => {
    let fieldSelf = 0;
    let fieldFinal = 0;
    for (const c of f.criteria) {
      const e = entryOf(state, c.code);
      fieldSelf += e.selfScore ?? 0;
      fieldFinal += e.appraisalScore ?? 0;
      if (e.appraisalScore !== null) anyAppraisal = true;
    }
    self += fieldSelf;
    appraisal += fieldFinal;
    return {
      code: f.code,
      name: f.name,
      maxPoints: roundPoints(f.criteria.reduce((s, c) => s + c.maxPoints, 0)),
      selfPoints: roundPoints(fieldSelf),
      finalPoints: appraised ? roundPoints(fieldFinal) : null,
    };
  });
  const finalScore = appraised ? roundPoints(appraisal) : null;
  return {
    maxPoints,
    selfTotal: roundPoints(self),
    appraisalTotal: anyAppraisal ? roundPoints(appraisal) : null,
    finalScore,
    grade: finalScore === null ? null : gradeOf(finalScore, maxPoints, frame.gradeBands),
    fields,
  };
}

/**
 * Units ranked by final score, highest first; equal scores share a rank (1, 2, 2, 4) and are listed by
 * name. `previous` holds last year's ranks by unit.
 */
export function rankUnits<T extends { unitId: string; unitName: string; finalScore: number }>(
  rows: readonly T[],
  previous: ReadonlyMap<string, { rank: number; finalScore: number }> = new Map(),
): (T & { rank: number; previousRank: number | null; rankChange: number | null; previousScore: number | null })[] {
  const sorted = [...rows].sort((a, b) => b.finalScore - a.finalScore || a.unitName.localeCompare(b.unitName, 'vi'));
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.finalScore !== sorted[i - 1]!.finalScore) rank = i + 1;
    const before = previous.get(row.unitId) ?? null;
    return {
      ...row,
      rank,
      previousRank: before?.rank ?? null,
      rankChange: before ? before.rank - rank : null,
      previousScore: before?.finalScore ?? null,
    };
  });
}
