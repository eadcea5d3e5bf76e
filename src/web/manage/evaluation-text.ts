/**
 * Words of the "Đánh giá 9 chỉ số" section (vi/en) and its pure helpers: the quarters to pick from,
 * the report URLs, and reading a typed self-score or appraisal score.
 */
import type { Lang } from '../../contracts/lang';
import type { Dictionary } from '../shared/i18n';
import { parseDecimal } from './format';

export type EvaluationBy = 'unit' | 'officer' | 'centre';

export const EVALUATION_TEXT: Dictionary<
  | 'controls'
  | 'year'
  | 'quarter'
  | 'by'
  | 'unit'
  | 'officer'
  | 'centre'
  | 'show'
  | 'excel'
  | 'subject'
  | 'dossiers'
  | 'computed'
  | 'self'
  | 'appraisal'
  | 'total'
  | 'grade'
  | 'satisfaction'
  | 'dissatisfied'
  | 'satisfied'
  | 'verySatisfied'
  | 'ballots'
  | 'citizen'
  | 'save'
  | 'saved'
  | 'noRows'
  | 'wholeCentre'
  | 'openDossiers'
  | 'dossiersOf'
  | 'code'
  | 'procedure'
  | 'applicant'
  | 'ended'
  | 'rating'
  | 'pakn'
  | 'noDossiers'
  | 'fromCitizen'
  | 'outOf18'
  | 'incomplete'
  | 'help'
  | 'scoreHint'
  | 'asOf'
  | 'indicatorFilter'
  | 'allIndicators'
  | 'notNumber'
> = {
  vi: {
    controls: 'Kỳ đánh giá',
    year: 'Năm',
    quarter: 'Quý',
    by: 'Đánh giá theo',
    unit: 'Cơ quan, đơn vị',
    officer: 'Cán bộ, công chức',
    centre: 'Toàn cơ quan',
    show: 'Xem',
    excel: 'Tải Excel',
    subject: 'Đối tượng',
    dossiers: 'Số hồ sơ',
    computed: 'Tính toán',
    self: 'Tự chấm',
    appraisal: 'Thẩm định',
    total: 'Tổng điểm (tối đa 18)',
    grade: 'Xếp loại',
    satisfaction: 'Tỷ lệ hài lòng (%)',
    dissatisfied: 'Không hài lòng',
    satisfied: 'Hài lòng',
    verySatisfied: 'Rất hài lòng',
    ballots: 'Số phiếu',
    citizen: 'Ý kiến công dân (điểm TB)',
    save: 'Lưu điểm',
    saved: 'Đã lưu điểm của {subject}.',
    noRows: 'Không có hồ sơ nào kết thúc xử lý trong quý này.',
    wholeCentre: 'Toàn cơ quan',
    openDossiers: 'Xem hồ sơ',
    dossiersOf: 'Hồ sơ được đánh giá: {subject}',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    applicant: 'Người nộp',
    ended: 'Kết thúc',
    rating: 'Đánh giá của công dân',
    pakn: 'PAKN',
    noDossiers: 'Không có hồ sơ.',
    fromCitizen: '{count} hồ sơ lấy theo ý kiến công dân',
    outOf18: 'quy đổi {value}/18 từ {total}/{max}',
    incomplete: 'chưa đủ 9 chỉ số',
    help:
      'Mỗi hồ sơ kết thúc xử lý trong quý được chấm 9 chỉ số, 0–2 điểm mỗi chỉ số (Nghị định 61/2018 điều 31, Thông tư 01/2018 điều 13; nay Nghị định 118/2025). "Tính toán" là điểm trung bình của các hồ sơ, lấy từ dữ liệu hồ sơ; chỉ số dữ liệu không xác định được thì lấy theo ý kiến công dân; chỉ số không phát sinh (ví dụ dịch vụ trực tuyến khi không có hồ sơ trực tuyến) không tính điểm và tổng được quy đổi về thang 18. Xếp loại: trên 15 Xuất sắc; 12–15 Tốt; 9 đến dưới 12 Khá; 6 đến dưới 9 Trung bình; dưới 6 Yếu. Bấm vào một con số để xem các hồ sơ tạo nên nó.',
    scoreHint: 'Điểm từ 0 đến 2, tối đa một chữ số thập phân; để trống nếu chưa chấm.',
    asOf: 'Tính đến {time}',
    indicatorFilter: 'Chỉ số',
    allIndicators: 'Tất cả',
    notNumber: 'Chỉ số {indicator}: "{value}" không phải là số điểm.',
  },
  en: {
    controls: 'Evaluation period',
    year: 'Year',
    quarter: 'Quarter',
    by: 'Evaluate by',
    unit: 'Unit',
    officer: 'Officer',
    centre: 'Whole centre',
    show: 'Show',
    excel: 'Download Excel',
    subject: 'Subject',
    dossiers: 'Dossiers',
    computed: 'Computed',
    self: 'Self-score',
    appraisal: 'Appraisal',
    total: 'Total (out of 18)',
    grade: 'Grade',
    satisfaction: 'Satisfaction (%)',
    dissatisfied: 'Dissatisfied',
    satisfied: 'Satisfied',
    verySatisfied: 'Very satisfied',
    ballots: 'Ballots',
    citizen: 'Citizens’ answers (mean points)',
    save: 'Save scores',
    saved: 'Scores of {subject} saved.',
    noRows: 'No dossier ended in this quarter.',
    wholeCentre: 'Whole centre',
    openDossiers: 'Dossiers',
    dossiersOf: 'Dossiers evaluated: {subject}',
    code: 'Dossier code',
    procedure: 'Procedure',
    applicant: 'Applicant',
    ended: 'Ended',
    rating: 'Citizen’s rating',
    pakn: 'Complaints',
    noDossiers: 'No dossiers.',
    fromCitizen: '{count} dossiers scored from the citizen’s answer',
    outOf18: '{value}/18 from {total}/{max}',
    incomplete: 'not all 9 scored',
    help:
      'Every dossier whose handling ended in the quarter is scored on 9 indicators, 0–2 points each (Decree 61/2018 art. 31, Circular 01/2018 art. 13; now Decree 118/2025). "Computed" is the mean over the dossiers, from the dossier data; where the data cannot say, the citizen’s answer is used; an indicator that did not arise (e.g. the online service with no online dossier) is left out and the total is brought to the 18-point scale. Grades: above 15 Excellent; 12–15 Good; 9 to under 12 Fair; 6 to under 9 Average; under 6 Weak. Click a figure to see the dossiers behind it.',
    scoreHint: 'From 0 to 2 with at most one decimal; leave empty if not scored yet.',
    asOf: 'As of {time}',
    indicatorFilter: 'Indicator',
    allIndicators: 'All',
    notNumber: 'Indicator {indicator}: "{value}" is not a score.',
  },
};

export const REPORTS_AS_LABELS: Record<'very-satisfied' | 'satisfied' | 'dissatisfied', Record<Lang, string>> = {
  'very-satisfied': { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

/** "2026-Q4" of a hall day "YYYY-MM-DD". */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The years offered: this one and the four before it, newest first. */
export function yearOptions(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [0, 1, 2, 3, 4].map((n) => year - n);
}

export function evaluationUrl(quarter: string, by: EvaluationBy): string {
  return `/api/v1/manage/evaluation?${new URLSearchParams({ quarter, by })}`;
}

export function evaluationXlsxUrl(quarter: string, by: EvaluationBy): string {
  return `/api/v1/manage/evaluation.xlsx?${new URLSearchParams({ quarter, by })}`;
}

export function evaluationDossiersUrl(quarter: string, by: EvaluationBy, subject: string, indicator?: number): string {
  const query = new URLSearchParams({ by, subject });
  if (indicator !== undefined) query.set('indicator', String(indicator));
  return `/api/v1/manage/evaluation/${encodeURIComponent(quarter)}/dossiers?${query}`;
}

/**
 * A typed score: empty → null (not scored); "1,5" or "1.5" → 1.5; anything else → NaN, which the
 * server refuses with its own message (the browser never decides what is valid on its own).
 */
export function readScore(text: string): number | null {
  if (text.trim() === '') return null;
  return parseDecimal(text) ?? Number.NaN;
}

/** A score as typed back into its input ("1,5" in Vietnamese). */
export function scoreText(value: number | null, lang: Lang): string {
  if (value === null) return '';
  return lang === 'vi' ? String(value).replace('.', ',') : String(value);
}

/** Points with up to two decimals in the language's style; null → "—". */
export function formatPoints(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}
