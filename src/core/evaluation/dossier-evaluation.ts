/**
 * The quarterly evaluation of dossier handling, one dossier at a time: Decree 61/2018 art. 31 and
 * Circular 01/2018 art. 13 (carried into Decree 118/2025), DOMAIN-VN §1.5. Nine indicators, 0–2
 * points each, 18 in all. [V — indicator list and the 2-point scale from Thanh Hóa's one-stop code;
 * vietjack excerpt of ch. III]
 *
 * Which dossiers a quarter evaluates [own decision]: those whose processing **ended** in the quarter
 * (the first of finished, returned, stopped or refused after receipt, or withdrawn — see
 * `evaluationEnd`). Indicators 1, 2, 5 and 7 can only be judged once the dossier is over, so judging
 * a dossier in the quarter it was received would leave most of them empty; each dossier is judged
 * exactly once. Visits that ended with Form 02 or 03 at the counter received no dossier and are not
 * evaluated (DOMAIN-VN §9).
 *
 * Each indicator's points come from the data where the data can say it. Where it cannot, the
 * indicator is `null` with a reason, and the citizen's answer to the matching rating criterion
 * (time, attitude, guidance, result) completes it where one applies. Every rule below carries its
 * source tag: [V] seen in a published source, [M] general knowledge not re-checked, [own decision]
 * a choice made here where the sources are silent.
 *
 * Pure: the clock (`asOf`), the calendar and every loaded row are passed in.
 */
import type { DeadlineCalendar } from '../dossier/deadline-calendar';
import type { Dossier, DossierStep, Timeliness } from '../dossier/dossier-types';
import { classifyTimeliness, endOfProcessing, stepTimeliness } from '../dossier/timeliness';

export const INDICATOR_IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** The indicators' official wording (Circular 01/2018 art. 13 as the provinces print it) [V]. */
export const INDICATOR_NAMES: Record<IndicatorId, { vi: string; en: string }> = {
  1: { vi: 'Tổng thời gian giải quyết TTHC so với quy định', en: 'Total handling time against the legal time' },
  2: {
    vi: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết (kể cả đơn vị phối hợp)',
    en: "Each participating unit's time (coordinating units included)",
  },
  3: { vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ (kể cả trực tuyến)', en: 'Times the citizen had to come back to complete the dossier (online included)' },
  4: { vi: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ', en: 'Agencies the citizen had to contact to complete the dossier' },
  5: { vi: 'Thực hiện tổ chức tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa', en: 'Received, handled and returned through the one-stop counter' },
  6: { vi: 'Công khai các TTHC', en: 'Procedure published' },
  7: { vi: 'Thái độ của CBCCVC khi hướng dẫn, tiếp nhận, giải quyết', en: "Officers' attitude when guiding, receiving and handling" },
  8: { vi: 'Tiếp thu, giải trình ý kiến phản ánh, kiến nghị', en: 'Complaints and suggestions taken on board and answered' },
  9: { vi: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến', en: 'Progress and quality of the online public service' },
};

export const MAX_POINTS_PER_INDICATOR = 2;
export const MAX_TOTAL = 18;

export type Points = 0 | 1 | 2;
export type ReportsAs = 'very-satisfied' | 'satisfied' | 'dissatisfied';

/** Why an indicator got its points, or why it has none. Texts in REASON_LABELS. */
export const REASONS = [
  'early',
  'on-time',
  'late',
  'not-judged',
  'steps-early',
  'steps-on-time',
  'steps-late',
  'no-step-finished',
  'visits-none',
  'visits-one',
  'visits-many',
  'one-stop-only',
  'received-and-returned',
  'ended-with-notice',
  'not-received-at-one-stop',
  'result-not-returned',
  'withdrawn',
  'published-complete',
  'published-incomplete',
  'not-published',
  'rating-criterion',
  'rating-overall',
  'not-rated',
  'pakn-none',
  'pakn-satisfied',
  'pakn-on-time',
  'pakn-late',
  'pakn-pending',
  'online-on-time-good',
  'online-on-time-poor-result',
  'online-late',
  'not-online',
  'citizen-answer',
] as const;
export type Reason = (typeof REASONS)[number];

export const REASON_LABELS: Record<Reason, { vi: string; en: string }> = {
  early: { vi: 'Trả kết quả trước hạn', en: 'Finished early' },
  'on-time': { vi: 'Trả kết quả đúng hạn', en: 'Finished on time' },
  late: { vi: 'Quá hạn (kể cả yêu cầu bổ sung quá một lần)', en: 'Late (including more than one supplement request)' },
  'not-judged': { vi: 'Chưa xác định được đúng hạn/quá hạn từ dữ liệu', en: 'The data cannot say whether it was on time' },
  'steps-early': { vi: 'Các bước xử lý đều trước hạn', en: 'Every step finished early' },
  'steps-on-time': { vi: 'Các bước xử lý trong hạn, có bước đúng hạn', en: 'Every step within its allowance' },
  'steps-late': { vi: 'Có bước xử lý quá thời gian cho phép', en: 'A step overran its allowance' },
  'no-step-finished': { vi: 'Chưa có bước xử lý nào hoàn thành', en: 'No step was finished' },
  'visits-none': { vi: 'Không phải liên hệ lại để hoàn thiện hồ sơ', en: 'No return visit to complete the dossier' },
  'visits-one': { vi: 'Phải liên hệ lại 1 lần để hoàn thiện hồ sơ', en: 'One return visit to complete the dossier' },
  'visits-many': { vi: 'Phải liên hệ lại từ 2 lần trở lên', en: 'Two or more return visits' },
  'one-stop-only': { vi: 'Chỉ liên hệ với Bộ phận Một cửa', en: 'Only the one-stop counter was contacted' },
  'received-and-returned': { vi: 'Tiếp nhận và trả kết quả qua Bộ phận Một cửa', en: 'Received and returned at the one-stop counter' },
  'ended-with-notice': { vi: 'Kết thúc bằng thông báo của Bộ phận Một cửa (dừng/từ chối)', en: 'Ended with a notice from the one-stop counter (stop/refusal)' },
  'not-received-at-one-stop': { vi: 'Không có cán bộ Một cửa tiếp nhận hồ sơ', en: 'No one-stop officer received the dossier' },
  'result-not-returned': { vi: 'Kết quả chưa được trả trong kỳ', en: 'The result was not returned within the period' },
  withdrawn: { vi: 'Công dân rút hồ sơ', en: 'The citizen withdrew the dossier' },
  'published-complete': { vi: 'Thủ tục được công khai đủ các bộ phận', en: 'Procedure published with all its parts' },
  'published-incomplete': { vi: 'Thủ tục công khai thiếu bộ phận', en: 'Procedure published with parts missing' },
  'not-published': { vi: 'Thủ tục không còn trong danh mục công khai', en: 'Procedure not in the public catalogue' },
  'rating-criterion': { vi: 'Theo đánh giá của công dân về tiêu chí này', en: "The citizen's answer on this criterion" },
  'rating-overall': { vi: 'Theo đánh giá chung của công dân', en: "The citizen's overall rating" },
  'not-rated': { vi: 'Công dân chưa đánh giá', en: 'The citizen has not rated the dossier' },
  'pakn-none': { vi: 'Không có phản ánh, kiến nghị', en: 'No complaint or suggestion' },
  'pakn-satisfied': { vi: 'PAKN được xử lý đúng hạn, công dân hài lòng', en: 'Complaint answered on time, the citizen satisfied' },
  'pakn-on-time': { vi: 'PAKN được xử lý đúng hạn', en: 'Complaint answered on time' },
  'pakn-late': { vi: 'PAKN xử lý quá hạn hoặc chưa xử lý khi đã quá hạn', en: 'Complaint answered late or overdue' },
  'pakn-pending': { vi: 'PAKN đang trong hạn xử lý', en: 'Complaint still within its deadline' },
  'online-on-time-good': { vi: 'Hồ sơ trực tuyến xử lý đúng hạn', en: 'Online dossier handled on time' },
  'online-on-time-poor-result': { vi: 'Hồ sơ trực tuyến đúng hạn nhưng công dân không hài lòng với kết quả', en: 'Online dossier on time, the citizen dissatisfied with the result' },
  'online-late': { vi: 'Hồ sơ trực tuyến quá hạn', en: 'Online dossier late' },
  'not-online': { vi: 'Hồ sơ không nộp trực tuyến: không áp dụng', en: 'Not an online dossier: not applicable' },
  'citizen-answer': { vi: 'Dữ liệu không đủ, lấy theo đánh giá của công dân', en: "The data cannot say; the citizen's answer is used" },
};

/** The citizen's rating of the dossier (table dossier_rating), already mapped to the 3 levels. */
export interface RatingEvidence {
  reportsAs: ReportsAs;
  criteria: { key: string; reportsAs: ReportsAs }[];
}

/** A complaint or suggestion (PAKN) about the dossier. */
export interface PaknEvidence {
  id: string;
  receivedAt: Date;
  /** Answered, or rejected with a reason: the first of them ends the agency's clock. */
  answeredAt: Date | null;
  rejectedAt: Date | null;
  /** The citizen's verdict on the handling (766 indicator 5.3); null until given. */
  citizenSatisfied: boolean | null;
}

/** The procedure version the dossier was received under, as the catalogue published it. */
export interface ProcedureEvidence {
  /** Still in the centre's catalogue (not deactivated). */
  active: boolean;
  name: string;
  decision: string;
  agency: string;
  /** Channels with a stated legal time (cách thức + thời hạn). */
  rules: { channel: string; amount: number | null }[];
  documents: unknown[];
  steps: unknown[];
}

export interface DossierEvidence {
  dossier: Dossier;
  procedure: ProcedureEvidence | null;
  rating: RatingEvidence | null;
  pakns: PaknEvidence[];
}

export interface IndicatorScore {
  indicator: IndicatorId;
  points: Points | null;
  /** Where the points come from: the dossier's data, or the citizen's answer when the data is silent. */
  source: 'data' | 'citizen' | null;
  reason: Reason;
}

/** Indicator 2 for one processing unit or one officer: their own steps only. */
export interface StepShare {
  key: string;
  points: Points | null;
}

export interface DossierEvaluation {
  dossierId: string;
  indicators: IndicatorScore[];
  /** Indicator 2 per processing unit (the steps' `unit`). */
  units: StepShare[];
  /** Indicator 2 per officer who signed off a step (by user id). */
  stepOfficers: StepShare[];
  /** Everyone who took part: the receiving officer and the step officers (user ids). */
  officers: string[];
}

export interface EvaluationRules {
  /** Working days to answer a PAKN (766 indicator 5.2: ≤ 15) [V]. */
  paknAnswerWorkingDays: number;
  /** Working days to reject a PAKN (766 indicator 5.2: ≤ 2) [V]. */
  paknRejectWorkingDays: number;
  /** Office minutes in a working day (08:00–12:00, 13:00–17:00). */
  minutesPerWorkingDay: number;
  /** The centre's setting: an apology letter makes the dossier late (DOMAIN-VN §9; default off). */
  apologyCountsAsLate: boolean;
}

export const DEFAULT_EVALUATION_RULES: EvaluationRules = {
  paknAnswerWorkingDays: 15,
  paknRejectWorkingDays: 2,
  minutesPerWorkingDay: 480,
  apologyCountsAsLate: false,
};

/**
 * The instant a dossier leaves the quarter's reckoning: the end of processing by the 766 rule
 * (finished, returned, stopped, refused), or its withdrawal [V DOMAIN-VN §9: a withdrawal ends a
 * dossier]. Null while still open, and for visits that never received a dossier.
 */
export function evaluationEnd(d: Dossier): Date | null {
  if (d.receivedAt === null) return null;
  return endOfProcessing(d) ?? d.withdrawnAt;
}

/** Rất hài lòng 2, Hài lòng 1, Không hài lòng 0 [own decision, as the brief and the 3-level ballot read]. */
export function pointsOfAnswer(reportsAs: ReportsAs): Points {
  return reportsAs === 'very-satisfied' ? 2 : reportsAs === 'satisfied' ? 1 : 0;
}

/** Trước hạn 2, Đúng hạn 1, Quá hạn 0 [V scale 0–2; mapping: own decision following the 3 outcomes of §1.5]. */
export function pointsOfTimeliness(t: Timeliness): Points {
  return t === 'early' ? 2 : t === 'on-time' ? 1 : 0;
}

/** Which rating criterion completes an indicator when the data is silent [own decision]. */
export const CITIZEN_CRITERION: Partial<Record<IndicatorId, string>> = { 1: 'time', 2: 'time', 3: 'guidance', 7: 'attitude', 9: 'result' };

function score(indicator: IndicatorId, points: Points | null, reason: Reason): IndicatorScore {
  return { indicator, points, source: points === null ? null : 'data', reason };
}

function criterion(rating: RatingEvidence | null, key: string | undefined): ReportsAs | null {
  if (!rating || !key) return null;
  return rating.criteria.find((c) => c.key === key)?.reportsAs ?? null;
}

/**
 * 1 — the whole dossier against its appointment, by the 766 rule in timeliness.ts [V §1.5]. A
 * withdrawn dossier is judged only if that rule gives its withdrawal an outcome (DOMAIN-VN §9).
 */
function totalTime(d: Dossier, asOf: Date, rules: EvaluationRules): IndicatorScore {
  const t = classifyTimeliness(d, asOf, { apologyCountsAsLate: rules.apologyCountsAsLate }).timeliness;
  if (t) return score(1, pointsOfTimeliness(t), t);
  const withdrawn = d.withdrawnAt !== null && d.withdrawnAt <= asOf;
  return score(1, null, withdrawn ? 'withdrawn' : 'not-judged');
}

function stepsPoints(steps: readonly DossierStep[], asOf: Date): Points | null {
  const judged = steps.map((s) => stepTimeliness(s, asOf)).filter((t): t is Timeliness => t !== null);
  if (judged.length === 0) return null;
  // The lowest: one step over its allowance is the unit's delay whatever its other steps did.
  return Math.min(...judged.map(pointsOfTimeliness)) as Points;
}

function stepsReason(points: Points | null): Reason {
  return points === null ? 'no-step-finished' : points === 2 ? 'steps-early' : points === 1 ? 'steps-on-time' : 'steps-late';
}

/**
 * 2 — each step against its own allowance (the control slip, Form 06) [V §1.2: per-node
 * Trước hạn/Đúng hạn/Quá hạn]. A unit's points on a dossier are those of its worst step; the
 * dossier's are those of its worst unit, since the citizen waits for the slowest [own decision].
 */
function shareBy(steps: readonly DossierStep[], keyOf: (s: DossierStep) => string | null, asOf: Date): StepShare[] {
  const groups = new Map<string, DossierStep[]>();
  for (const step of steps) {
    const key = keyOf(step);
    if (!key || step.startedAt === null || step.startedAt > asOf) continue;
    groups.set(key, [...(groups.get(key) ?? []), step]);
  }
  return [...groups].map(([key, own]) => ({ key, points: stepsPoints(own, asOf) }));
}

/**
 * 3 — times the citizen had to come back: Form 02 at the counter before the dossier was received,
 * plus each supplement request during processing. 0 → 2, 1 → 1, more → 0 [own decision; the law
 * allows one request only: "yêu cầu bổ sung… chỉ thực hiện một lần", V dataset].
 */
function returnVisits(d: Dossier, asOf: Date): IndicatorScore {
  const visits = (d.guidance && d.guidance.at <= asOf ? 1 : 0) + d.supplements.filter((s) => s.requestedAt <= asOf).length;
  if (visits === 0) return score(3, 2, 'visits-none');
  return visits === 1 ? score(3, 1, 'visits-one') : score(3, 0, 'visits-many');
}

/**
 * 4 — agencies the citizen had to contact. Every contact the system records (reception, Form 02,
 * supplement requests — issued by the one-stop for the processing unit [V dataset 1.001193] — and
 * the return) goes through the one-stop counter, so a received dossier scores 2 [own decision]. A
 * contact elsewhere is not in the data: the appraisal column corrects it.
 */
function agenciesContacted(): IndicatorScore {
  return score(4, 2, 'one-stop-only');
}

/**
 * 5 — received and returned at the one-stop counter. Received by a one-stop officer and the result
 * returned there → 2; ended with a stop or refusal notice issued there (Form 05/03) → 2; returned
 * but received by nobody at the counter → 1; result not returned yet, or withdrawn → not judged
 * [own decision].
 */
function oneStop(d: Dossier, asOf: Date): IndicatorScore {
  const receivedHere = d.receivedById !== null;
  const returned = d.returnedAt !== null && d.returnedAt <= asOf;
  const notice = (d.stop !== null && d.stop.at <= asOf) || (d.refusal !== null && d.refusal.at <= asOf);
  if (returned || notice) {
    if (!receivedHere) return score(5, 1, 'not-received-at-one-stop');
    return score(5, 2, returned ? 'received-and-returned' : 'ended-with-notice');
  }
  if (d.withdrawnAt !== null && d.withdrawnAt <= asOf) return score(5, null, 'withdrawn');
  return score(5, null, 'result-not-returned');
}

/**
 * The parts of a procedure that must be public (Decree 63/2010 art. 8(2): name, sequence, method,
 * documents, time, subjects, agency [V — 766 formula doc, indicator 1.3]). The catalogue has no
 * "subjects" (đối tượng) field, so the check covers the six it holds; the decision that published
 * it stands for the publication itself.
 */
export function missingProcedureParts(p: ProcedureEvidence): string[] {
  const missing: string[] = [];
  if (!p.name.trim()) missing.push('tên thủ tục');
  if (!p.decision.trim()) missing.push('quyết định công bố');
  if (p.steps.length === 0) missing.push('trình tự thực hiện');
  if (p.rules.length === 0) missing.push('cách thức thực hiện');
  if (p.documents.length === 0) missing.push('thành phần hồ sơ');
  if (!p.rules.some((r) => r.amount !== null)) missing.push('thời hạn giải quyết');
  if (!p.agency.trim()) missing.push('cơ quan thực hiện');
  return missing;
}

/** 6 — the procedure, as received, was public with all its parts → 2; some missing → 1; gone → 0 [own decision]. */
function published(p: ProcedureEvidence | null): IndicatorScore {
  if (!p || !p.active) return score(6, 0, 'not-published');
  return missingProcedureParts(p).length === 0 ? score(6, 2, 'published-complete') : score(6, 1, 'published-incomplete');
}

/** 7 — attitude: the 'attitude' criterion, else the overall rating; no rating → not scored [own decision]. */
function attitude(rating: RatingEvidence | null): IndicatorScore {
  const answer = criterion(rating, 'attitude');
  if (answer) return { indicator: 7, points: pointsOfAnswer(answer), source: 'citizen', reason: 'rating-criterion' };
  if (rating) return { indicator: 7, points: pointsOfAnswer(rating.reportsAs), source: 'citizen', reason: 'rating-overall' };
  return score(7, null, 'not-rated');
}

/** When the agency had to have handled a PAKN by: answer ≤ 15 working days (766 indicator 5.2) [V]. */
function paknDue(p: PaknEvidence, calendar: DeadlineCalendar, rules: EvaluationRules): Date {
  return calendar.addWorkingMinutes(p.receivedAt, rules.paknAnswerWorkingDays * rules.minutesPerWorkingDay);
}

function paknRejectDue(p: PaknEvidence, calendar: DeadlineCalendar, rules: EvaluationRules): Date {
  return calendar.addWorkingMinutes(p.receivedAt, rules.paknRejectWorkingDays * rules.minutesPerWorkingDay);
}

/**
 * 8 — complaints and suggestions about the dossier [own decision]:
 * none → 2; each one handled within its 766 deadline (answer ≤ 15 working days, rejection ≤ 2) →
 * 2 when the citizen said the handling satisfied them, else 1; handled late, or still open past its
 * deadline → 0. The dossier takes the lowest; if every PAKN is still open within its deadline the
 * indicator waits (not scored). The information-request pause is not subtracted (the PAKN module
 * owns it); a late answer it excuses shows up here as late — the appraisal column corrects it.
 */
function complaints(pakns: readonly PaknEvidence[], asOf: Date, calendar: DeadlineCalendar, rules: EvaluationRules): IndicatorScore {
  const known = pakns.filter((p) => p.receivedAt <= asOf);
  if (known.length === 0) return score(8, 2, 'pakn-none');
  let lowest: Points | null = null;
  let reason: Reason = 'pakn-pending';
  for (const p of known) {
    const handled = [p.answeredAt, p.rejectedAt].filter((t): t is Date => t !== null && t <= asOf).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    const due = handled && p.rejectedAt && handled.getTime() === p.rejectedAt.getTime() ? paknRejectDue(p, calendar, rules) : paknDue(p, calendar, rules);
    let points: Points | null;
    let why: Reason;
    if (handled === null) {
      if (asOf <= due) continue;
      points = 0;
      why = 'pakn-late';
    } else if (handled > due) {
      points = 0;
      why = 'pakn-late';
    } else {
      points = p.citizenSatisfied === true ? 2 : 1;
      why = points === 2 ? 'pakn-satisfied' : 'pakn-on-time';
    }
    if (lowest === null || points < lowest) {
      lowest = points;
      reason = why;
    }
  }
  return score(8, lowest, reason);
}

/**
 * 9 — online service progress and quality, for dossiers submitted online only [own decision]:
 * on time (early or on time) → 2, or 1 when the citizen was dissatisfied with the result
 * (criterion 'result'); late → 0. Direct and postal dossiers: not applicable (null).
 */
function onlineService(d: Dossier, one: IndicatorScore, rating: RatingEvidence | null): IndicatorScore {
  if (d.channel !== 'online') return score(9, null, 'not-online');
  if (one.points === null || one.source !== 'data') return score(9, null, one.reason);
  if (one.points === 0) return score(9, 0, 'online-late');
  return criterion(rating, 'result') === 'dissatisfied' ? score(9, 1, 'online-on-time-poor-result') : score(9, 2, 'online-on-time-good');
}

/** Indicator 2 as one unit or one officer answers for it: on their own steps only. */
export function ownStepScore(points: Points | null): IndicatorScore {
  return score(2, points, stepsReason(points));
}

/** Where the data is silent, the citizen's answer to the matching criterion completes it. */
function completeWithCitizen(s: IndicatorScore, rating: RatingEvidence | null): IndicatorScore {
  if (s.points !== null) return s;
  const answer = criterion(rating, CITIZEN_CRITERION[s.indicator]);
  // Not-applicable stays not applicable: a direct dossier has no online service to rate.
  if (!answer || s.reason === 'not-online') return s;
  return { indicator: s.indicator, points: pointsOfAnswer(answer), source: 'citizen', reason: 'citizen-answer' };
}

/**
 * The nine indicators of one dossier as of `asOf`, with indicator 2 per unit and per officer. The
 * citizen's feedback is read as of `feedbackAsOf` (default `asOf`) [own decision]: a rating or PAKN
 * about a December dossier often arrives in January, before the quarter's evaluation is compiled,
 * and belongs to that dossier's quarter.
 */
export function evaluateDossier(
  e: DossierEvidence,
  asOf: Date,
  calendar: DeadlineCalendar,
  rules: EvaluationRules = DEFAULT_EVALUATION_RULES,
  feedbackAsOf: Date = asOf,
): DossierEvaluation {
  const d = e.dossier;
  const units = shareBy(d.steps, (s) => s.unit || null, asOf);
  const stepOfficers = shareBy(d.steps, (s) => s.officerId, asOf);
  const unitPoints = units.map((u) => u.points).filter((p): p is Points => p !== null);
  const worstUnit = unitPoints.length === 0 ? null : (Math.min(...unitPoints) as Points);
  const one = totalTime(d, asOf, rules);
  const indicators = [
    one,
    score(2, worstUnit, stepsReason(worstUnit)),
    returnVisits(d, asOf),
    agenciesContacted(),
    oneStop(d, asOf),
    published(e.procedure),
    attitude(e.rating),
    complaints(e.pakns, feedbackAsOf, calendar, rules),
    onlineService(d, one, e.rating),
  ].map((s) => completeWithCitizen(s, e.rating));
  const officers = [...new Set([d.receivedById, ...d.steps.map((s) => s.officerId)].filter((id): id is string => id !== null))];
  return { dossierId: d.id, indicators, units, stepOfficers, officers };
}
