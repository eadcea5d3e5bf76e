/**
 * The quarter's evaluation per processing unit, per officer and for the whole centre: the average
 * points of each indicator over the subject's dossiers, the total out of 18, the grade, and the
 * share of Không hài lòng / Hài lòng / Rất hài lòng among the citizens' dossier ratings
 * (DOMAIN-VN §1.5). Also the rules of the self-score and appraisal columns. Pure.
 */
import { AppError } from '../shared/app-error';
import {
  INDICATOR_IDS,
  MAX_POINTS_PER_INDICATOR,
  MAX_TOTAL,
  ownStepScore,
  pointsOfAnswer,
  type DossierEvaluation,
  type IndicatorId,
  type IndicatorScore,
  type RatingEvidence,
} from './dossier-evaluation';

export const SUBJECT_KINDS = ['unit', 'officer', 'centre'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const GRADES = ['excellent', 'good', 'fair', 'average', 'weak'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, { vi: string; en: string }> = {
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
};

/**
 * Grades on the 18-point total [V — Thanh Hóa's one-stop code: ">15 Xuất sắc; 12–<15 Tốt; 9–<12 Khá;
 * 6–<9 Trung bình; <6 Yếu"]. That wording leaves exactly 15 without a grade (the code it comes from
 * shows nothing for it). Own decision: keep "more than 15" as written for Xuất sắc, so 15 itself is
 * Tốt (12 ≤ total ≤ 15); every other band is as written.
 */
export function gradeOf(total: number): Grade {
  if (total > 15) return 'excellent';
  if (total >= 12) return 'good';
  if (total >= 9) return 'fair';
  if (total >= 6) return 'average';
  return 'weak';
}

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function round1(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

export interface IndicatorSummary {
  indicator: IndicatorId;
  /** Mean points over the dossiers where it was scored, 2 decimals; null when none was. */
  average: number | null;
  /** Dossiers that scored it. */
  scored: number;
  /** Of those, scored from the citizen's answer because the data was silent. */
  fromCitizen: number;
}

export interface SatisfactionSummary {
  ratings: number;
  dissatisfied: number;
  satisfied: number;
  verySatisfied: number;
  /** Shares of the ratings, percent with 1 decimal; null without ratings. */
  percent: { dissatisfied: number; satisfied: number; verySatisfied: number } | null;
}

export interface CriterionSummary {
  key: string;
  answers: number;
  /** Mean points of the answers (Rất hài lòng 2, Hài lòng 1, Không hài lòng 0), 2 decimals. */
  average: number | null;
}

export interface ComputedTotal {
  /** Sum of the indicator averages that could be computed, 2 decimals. */
  total: number;
  /** 2 × the number of indicators computed (18 when all nine were). */
  max: number;
  /** `total` brought to the 18-point scale, 2 decimals: the grade is read from it. */
  outOf18: number;
  grade: Grade;
}

export interface SubjectSummary {
  kind: SubjectKind;
  /** Unit name, officer's user id, or '' for the centre. */
  key: string;
  dossierIds: string[];
  indicators: IndicatorSummary[];
  computed: ComputedTotal | null;
  satisfaction: SatisfactionSummary;
  criteria: CriterionSummary[];
}

export interface EvaluatedDossier {
  evaluation: DossierEvaluation;
  rating: RatingEvidence | null;
}

/**
 * The dossiers each subject answers for, with its own view of indicator 2 [own decision]:
 * - the centre: every dossier evaluated;
 * - a unit: the dossiers with a step of that unit; indicator 2 is its own steps only;
 * - an officer: the dossiers they received or signed a step of; indicator 2 is their own steps,
 *   or the dossier's when they only received it (the receiving officer answers for the whole).
 */
function membership(e: DossierEvaluation, kind: SubjectKind): { key: string; two: IndicatorScore }[] {
  const dossierTwo = e.indicators[1]!;
  if (kind === 'centre') return [{ key: '', two: dossierTwo }];
  if (kind === 'unit') return e.units.map((u) => ({ key: u.key, two: ownStepScore(u.points) }));
  return e.officers.map((id) => {
    const share = e.stepOfficers.find((s) => s.key === id);
    return { key: id, two: share ? ownStepScore(share.points) : dossierTwo };
  });
}

interface Tally {
  dossierIds: string[];
  sums: number[];
  counts: number[];
  citizen: number[];
  ratings: RatingEvidence[];
}

export function summariseSatisfaction(ratings: readonly RatingEvidence[]): SatisfactionSummary {
  const count = (r: RatingEvidence['reportsAs']) => ratings.filter((x) => x.reportsAs === r).length;
  const s = { ratings: ratings.length, dissatisfied: count('dissatisfied'), satisfied: count('satisfied'), verySatisfied: count('very-satisfied') };
  const pct = (n: number) => round1((n * 100) / s.ratings);
  return {
    ...s,
    percent: s.ratings === 0 ? null : { dissatisfied: pct(s.dissatisfied), satisfied: pct(s.satisfied), verySatisfied: pct(s.verySatisfied) },
  };
}

/** The citizens' answers per criterion; the default criteria first, in the ballot's order. */
export function summariseCriteria(ratings: readonly RatingEvidence[], order: readonly string[] = ['time', 'attitude', 'guidance', 'result']): CriterionSummary[] {
  const answers = new Map<string, number[]>(order.map((k) => [k, []]));
  for (const r of ratings) for (const c of r.criteria) answers.set(c.key, [...(answers.get(c.key) ?? []), pointsOfAnswer(c.reportsAs)]);
  return [...answers].map(([key, points]) => ({
    key,
    answers: points.length,
    average: points.length === 0 ? null : round2(points.reduce((a, b) => a + b, 0) / points.length),
  }));
}

export function computedTotal(indicators: readonly IndicatorSummary[]): ComputedTotal | null {
  const known = indicators.filter((i) => i.average !== null);
  if (known.length === 0) return null;
  const total = round2(known.reduce((sum, i) => sum + i.average!, 0));
  const max = known.length * MAX_POINTS_PER_INDICATOR;
  // An indicator that did not arise for the subject neither earns nor loses points [own decision].
  const outOf18 = round2((total * MAX_TOTAL) / max);
  return { total, max, outOf18, grade: gradeOf(outOf18) };
}

/** One row per subject of the kind asked (the centre: one row), sorted by key. */
export function summariseSubjects(dossiers: readonly EvaluatedDossier[], kind: SubjectKind, criteriaOrder?: readonly string[]): SubjectSummary[] {
  const tallies = new Map<string, Tally>();
  if (kind === 'centre') tallies.set('', { dossierIds: [], sums: Array(9).fill(0), counts: Array(9).fill(0), citizen: Array(9).fill(0), ratings: [] });
  for (const { evaluation, rating } of dossiers) {
    for (const { key, two } of membership(evaluation, kind)) {
      let t = tallies.get(key);
      if (!t) {
        t = { dossierIds: [], sums: Array(9).fill(0), counts: Array(9).fill(0), citizen: Array(9).fill(0), ratings: [] };
        tallies.set(key, t);
      }
      t.dossierIds.push(evaluation.dossierId);
      if (rating) t.ratings.push(rating);
      evaluation.indicators.forEach((s, i) => {
        const used = i === 1 ? two : s;
        if (used.points === null) return;
        t!.sums[i]! += used.points;
        t!.counts[i]! += 1;
        if (used.source === 'citizen' && used.reason === 'citizen-answer') t!.citizen[i]! += 1;
      });
    }
  }
  return [...tallies]
    .map(([key, t]) => {
      const indicators = INDICATOR_IDS.map((indicator, i) => ({
        indicator,
        average: t.counts[i] === 0 ? null : round2(t.sums[i]! / t.counts[i]!),
        scored: t.counts[i]!,
        fromCitizen: t.citizen[i]!,
      }));
      return {
        kind,
        key,
        dossierIds: t.dossierIds,
        indicators,
        computed: computedTotal(indicators),
        satisfaction: summariseSatisfaction(t.ratings),
        criteria: summariseCriteria(t.ratings, criteriaOrder),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key, 'vi'));
}

// --- self-score and appraisal columns ----------------------------------------------------------

export interface ManualTotal {
  /** Sum of the scores entered, 1 decimal; null when none is. */
  total: number | null;
  /** All nine entered. */
  complete: boolean;
  /** Only once all nine are entered: a partial total would read as a poor grade. */
  grade: Grade | null;
}

export function manualTotal(scores: readonly (number | null)[]): ManualTotal {
  const entered = scores.filter((s): s is number => s !== null);
  const complete = entered.length === INDICATOR_IDS.length;
  const total = entered.length === 0 ? null : round1(entered.reduce((a, b) => a + b, 0));
  return { total, complete, grade: complete && total !== null ? gradeOf(total) : null };
}

/**
 * A self-score or appraisal score: 0 to 2 with at most one decimal (the column is numeric(3,1);
 * a unit copying a computed 1,67 writes 1,7) [own decision], or null to clear it.
 */
export function checkManualScore(value: number | null, what: string): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > MAX_POINTS_PER_INDICATOR) {
    throw new AppError('VALIDATION_FAILED', { detail: `${what}: điểm phải từ 0 đến 2 (nhận được ${value})` });
  }
  if (Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) {
    throw new AppError('VALIDATION_FAILED', { detail: `${what}: điểm chỉ được có tối đa một chữ số thập phân (nhận được ${value})` });
  }
  return Math.round(value * 10) / 10;
}
