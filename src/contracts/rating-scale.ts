/**
 * What makes a rating scale and a list of rating criteria usable, shared by the server (settings
 * validation) and the manage screen (hints before saving). A scale is listed best first and maps
 * each option to the national 3-level scale (`reportsAs`): that mapping is how a 5-level survey
 * (Rất hài lòng … Rất không hài lòng) reports as Rất hài lòng / Hài lòng / Không hài lòng.
 */
import type { Lang } from './lang';

export type ReportsAs = 'very-satisfied' | 'satisfied' | 'dissatisfied';

/** Rank of each report group, best first. */
const RANK: Record<ReportsAs, number> = { 'very-satisfied': 0, satisfied: 1, dissatisfied: 2 };

export type RatingScaleProblem = 'scale-no-dissatisfied' | 'scale-no-satisfied' | 'scale-order' | 'value-duplicate';

/**
 * Problems of a scale, in the order an admin should fix them:
 * - without a "dissatisfied" option nobody could say they are unhappy, and the dislike share
 *   (766 indicator 5.4) would always be zero;
 * - without a satisfied option the satisfaction rate would always be zero;
 * - listed best first: values strictly falling and the report groups never getting better further
 *   down (a "very satisfied" below a "dissatisfied" is a mistake in the mapping).
 */
export function ratingScaleProblems(scale: readonly { value: number; reportsAs: ReportsAs }[]): RatingScaleProblem[] {
  const problems: RatingScaleProblem[] = [];
  const values = scale.map((o) => o.value);
  if (new Set(values).size !== values.length) problems.push('value-duplicate');
  if (!scale.some((o) => o.reportsAs === 'dissatisfied')) problems.push('scale-no-dissatisfied');
  if (!scale.some((o) => o.reportsAs !== 'dissatisfied')) problems.push('scale-no-satisfied');
  const ordered = scale.every((o, i) => i === 0 || (scale[i - 1]!.value > o.value && RANK[scale[i - 1]!.reportsAs] <= RANK[o.reportsAs]));
  if (!ordered && !problems.includes('value-duplicate')) problems.push('scale-order');
  return problems;
}

export const RATING_SCALE_PROBLEM_TEXT: Record<RatingScaleProblem, Record<Lang, string>> = {
  'scale-no-dissatisfied': {
    vi: 'Thang đánh giá phải có ít nhất một mức tính là "Không hài lòng" trong báo cáo.',
    en: 'The scale needs at least one option that counts as "dissatisfied" in reports.',
  },
  'scale-no-satisfied': {
    vi: 'Thang đánh giá phải có ít nhất một mức tính là "Hài lòng" hoặc "Rất hài lòng".',
    en: 'The scale needs at least one option that counts as "satisfied" or "very satisfied".',
  },
  'scale-order': {
    vi: 'Các mức phải xếp từ tốt nhất đến kém nhất: giá trị giảm dần, và một mức tốt hơn không được tính kém hơn mức đứng sau nó.',
    en: 'Options must run from best to worst: falling values, and a better option may not count worse than the one after it.',
  },
  'value-duplicate': {
    vi: 'Hai mức đánh giá trùng giá trị.',
    en: 'Two options have the same value.',
  },
};

/** A criterion key: lower-case a–z words joined by hyphens, e.g. "attitude", "on-time". */
export const CRITERION_KEY = /^[a-z]+(-[a-z]+)*$/;
export const MAX_CRITERIA = 12;

export type RatingCriteriaProblem = 'criteria-count' | 'criterion-key' | 'criterion-key-duplicate' | 'criterion-label';

export function ratingCriteriaProblems(criteria: readonly { key: string; labelVi: string; labelEn: string }[]): RatingCriteriaProblem[] {
  const problems: RatingCriteriaProblem[] = [];
  if (criteria.length > MAX_CRITERIA) problems.push('criteria-count');
  if (criteria.some((c) => !CRITERION_KEY.test(c.key) || c.key.length > 40)) problems.push('criterion-key');
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length) problems.push('criterion-key-duplicate');
  if (criteria.some((c) => !c.labelVi.trim() || !c.labelEn.trim() || c.labelVi.length > 120 || c.labelEn.length > 120)) problems.push('criterion-label');
  return problems;
}

export const RATING_CRITERIA_PROBLEM_TEXT: Record<RatingCriteriaProblem, Record<Lang, string>> = {
  'criteria-count': { vi: `Tối đa ${MAX_CRITERIA} tiêu chí đánh giá.`, en: `At most ${MAX_CRITERIA} rating criteria.` },
  'criterion-key': {
    vi: 'Mã tiêu chí chỉ gồm chữ thường a–z và dấu gạch ngang (ví dụ "thai-do"), tối đa 40 ký tự.',
    en: 'A criterion key has only lower-case a–z and hyphens (e.g. "attitude"), at most 40 characters.',
  },
  'criterion-key-duplicate': { vi: 'Hai tiêu chí trùng mã.', en: 'Two criteria have the same key.' },
  'criterion-label': {
    vi: 'Mỗi tiêu chí cần tên tiếng Việt và tiếng Anh, tối đa 120 ký tự.',
    en: 'Each criterion needs a Vietnamese and an English name of at most 120 characters.',
  },
};
