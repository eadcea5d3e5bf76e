/**
 * The rules of an evaluation frame: what makes it consistent (unique codes, grade bands that start at
 * 0), the grade of a score, and the points a pre-filled figure suggests. Pure.
 */
import type { FrameCriterion, FrameField, FrameInput, GradeBand, PrefillRule } from '../../contracts/self-evaluation';

/** The grade bands most provincial indices use; a frame may set its own. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { label: 'Xuất sắc', min: 90 },
  { label: 'Tốt', min: 80 },
  { label: 'Khá', min: 65 },
  { label: 'Trung bình', min: 50 },
  { label: 'Yếu', min: 0 },
];

/** Scores are kept to a quarter point; sums are rounded so 0.1 + 0.2 never shows as 0.30000000000000004. */
export const roundPoints = (n: number): number => Math.round(n * 100) / 100;

export function criteriaOf(frame: { fields: readonly FrameField[] }): (FrameCriterion & { fieldCode: string; fieldName: string })[] {
  return frame.fields.flatMap((f) => f.criteria.map((c) => ({ ...c, fieldCode: f.code, fieldName: f.name })));
}

export function totalPointsOf(frame: { fields: readonly FrameField[] }): number {
  return roundPoints(criteriaOf(frame).reduce((s, c) => s + c.maxPoints, 0));
}

/** Why a frame cannot be used, in Vietnamese naming the field or criterion; null when it can. */
export function frameProblem(frame: FrameInput): string | null {
  const fieldCodes = new Set<string>();
  const criterionCodes = new Set<string>();
  for (const field of frame.fields) {
    if (fieldCodes.has(field.code)) return `mã lĩnh vực "${field.code}" bị trùng`;
    fieldCodes.add(field.code);
    for (const c of field.criteria) {
      if (criterionCodes.has(c.code)) return `mã tiêu chí "${c.code}" bị trùng (lĩnh vực ${field.code})`;
      criterionCodes.add(c.code);
      if (c.prefill && c.prefill.full === c.prefill.zero) {
        return `tiêu chí ${c.code}: mức đạt điểm tối đa và mức 0 điểm của số liệu tự động phải khác nhau`;
      }
    }
  }
  const labels = new Set<string>();
  for (const band of frame.gradeBands) {
    if (labels.has(band.label)) return `mức xếp loại "${band.label}" bị trùng`;
    labels.add(band.label);
  }
  if (!frame.gradeBands.some((b) => b.min === 0)) return 'thang xếp loại phải có một mức bắt đầu từ 0 điểm';
  const total = totalPointsOf(frame);
  if (total > 1000) return `tổng điểm tối đa ${total} quá lớn`;
  return null;
}

/** Bands highest first. */
export function sortedBands(bands: readonly GradeBand[]): GradeBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/**
 * The grade of a final score. Bands are on a 100-point scale; a frame whose maximum is not 100 is graded
 * on the score scaled to 100.
 */
export function gradeOf(score: number, maxPoints: number, bands: readonly GradeBand[]): string | null {
  if (!(maxPoints > 0)) return null;
  const on100 = roundPoints((score / maxPoints) * 100);
  return sortedBands(bands).find((b) => on100 >= b.min)?.label ?? null;
}

/** Down to a quarter point, never above the maximum. */
export function toQuarter(points: number, max: number): number {
  return Math.min(max, Math.max(0, Math.floor(points * 4 + 1e-9) / 4));
}

/** The points a figure suggests under the criterion's rule; null when there is no figure. */
export function suggestedPoints(rule: PrefillRule, value: number | null, maxPoints: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const share = (value - rule.zero) / (rule.full - rule.zero);
  return toQuarter(Math.min(1, Math.max(0, share)) * maxPoints, maxPoints);
}
