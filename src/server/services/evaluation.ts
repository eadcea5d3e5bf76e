/**
 * The quarterly 9-indicator evaluation of dossier handling (Decree 61/2018 art. 31, Circular 01/2018
 * art. 13; now Decree 118/2025) for managers: the computed points per unit, officer or the whole
 * centre, the citizens' answers, the self-score and appraisal columns they fill in, totals and
 * grades; the dossiers behind every row; the workbook units report in. Rules live in
 * src/core/evaluation; this file loads, calls them and saves.
 */
import type {
  EvaluationBy,
  EvaluationDossierList,
  EvaluationReport,
  EvaluationRow,
  EvaluationScoresInput,
} from '../../contracts/api';
import type { Lang } from '../../contracts/lang';
import {
  DEFAULT_EVALUATION_RULES,
  evaluateDossier,
  evaluationEnd,
  INDICATOR_IDS,
  INDICATOR_NAMES,
  ownStepScore,
  REASON_LABELS,
  type DossierEvaluation,
  type IndicatorScore,
  type RatingEvidence,
} from '../../core/evaluation/dossier-evaluation';
import {
  checkManualScore,
  GRADE_LABELS,
  manualTotal,
  summariseSubjects,
  type Grade,
  type SubjectSummary,
} from '../../core/evaluation/evaluation-summary';
import { parseQuarter, quarterTitle, type Quarter } from '../../core/evaluation/quarter';
import type { Dossier } from '../../core/dossier/dossier-types';
import { AppError } from '../../core/shared/app-error';
import { formatLocalDate } from '../../core/shared/local-time';
import { listProceduresWithCurrent } from '../../db/repositories/catalogue.repository';
import { listDossiers } from '../../db/repositories/dossier.repository';
import {
  listEvaluationScores,
  listPaknsOfDossiers,
  listRatingsOfDossiers,
  listVersionsForEvaluation,
  upsertEvaluationScores,
  type EvaluationScoreRecord,
  type PaknEvidenceRow,
} from '../../db/repositories/evaluation.repository';
import { listUsers } from '../../db/repositories/people.repository';
import { findCentre } from '../../db/repositories/reference.repository';
import { writeEvaluationXlsx } from '../printing/evaluation-sheet';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { assertManager } from './manage-reference';
import { loadCalendar } from './working-calendar';

const DAY_MS = 86_400_000;
/** How far back a dossier that ends in the quarter may have been received. */
const LOOK_BACK_DAYS = 400;

const DEFAULT_CRITERIA: Record<string, { vi: string; en: string }> = {
  time: { vi: 'Thời gian giải quyết', en: 'Handling time' },
  attitude: { vi: 'Thái độ cán bộ', en: "Officers' attitude" },
  guidance: { vi: 'Hướng dẫn', en: 'Guidance' },
  result: { vi: 'Kết quả', en: 'Result' },
};

interface EvaluatedRecord {
  dossier: Dossier;
  evaluation: DossierEvaluation;
  rating: (RatingEvidence & { comment: string | null }) | null;
  pakns: PaknEvidenceRow[];
  end: Date;
}

interface QuarterData {
  quarter: Quarter;
  asOf: Date;
  dossiers: EvaluatedRecord[];
  centreName: string;
  officerNames: Map<string, string>;
  criteria: { key: string; vi: string; en: string }[];
}

/** Loads the dossiers that ended in the quarter with their evidence and scores each one. */
async function evaluateQuarter(ctx: ServiceContext, centreId: string, quarterId: string): Promise<QuarterData> {
  const quarter = parseQuarter(quarterId);
  const now = ctx.clock();
  const asOf = quarter.to < now ? quarter.to : now;
  const [centre, users, hall, calendar] = await Promise.all([
    findCentre(ctx.db, centreId),
    listUsers(ctx.db, centreId),
    ctx.hall.get(ctx.db, centreId),
    loadCalendar(ctx.db),
  ]);
  const { settings } = hall;
  const criteria = settings.ratingCriteria.map((c) => ({ key: c.key, vi: c.labelVi, en: c.labelEn }));
  const base = { quarter, asOf, centreName: centre?.name ?? '', officerNames: new Map(users.map((u) => [u.id, u.fullName])), criteria };
  if (quarter.from >= now) return { ...base, dossiers: [] };

  const records = await listDossiers(ctx.db, centreId, {
    createdFrom: new Date(quarter.from.getTime() - LOOK_BACK_DAYS * DAY_MS),
    createdBefore: quarter.to,
    limit: 100_000,
  });
  const ended = records
    .map((r) => ({ record: r, end: evaluationEnd(r.dossier) }))
    .filter((x): x is { record: typeof x.record; end: Date } => x.end !== null && x.end >= quarter.from && x.end < quarter.to && x.end <= asOf);
  const ids = ended.map((x) => x.record.dossier.id);
  const [ratings, pakns, versions] = await Promise.all([
    listRatingsOfDossiers(ctx.db, centreId, ids),
    listPaknsOfDossiers(ctx.db, centreId, ids),
    listVersionsForEvaluation(ctx.db, [...new Set(ended.map((x) => x.record.dossier.procedureVersionId))]),
  ]);
  const ratingOf = new Map(ratings.map((r) => [r.dossierId, r]));
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const paknsOf = new Map<string, PaknEvidenceRow[]>();
  for (const p of pakns) paknsOf.set(p.dossierId, [...(paknsOf.get(p.dossierId) ?? []), p]);
  const rules = { ...DEFAULT_EVALUATION_RULES, apologyCountsAsLate: settings.apologyCountsAsLate === true };

  const dossiers = ended
    .map(({ record, end }) => {
      const d = record.dossier;
      const r = ratingOf.get(d.id);
      const rating = r ? { reportsAs: r.reportsAs, criteria: r.criteria.map((c) => ({ key: c.key, reportsAs: c.reportsAs })), comment: r.comment } : null;
      const own = paknsOf.get(d.id) ?? [];
      const evaluation = evaluateDossier({ dossier: d, procedure: versionOf.get(d.procedureVersionId) ?? null, rating, pakns: own }, asOf, calendar.deadlines, rules, now);
      return { dossier: d, evaluation, rating, pakns: own, end };
    })
    .sort((a, b) => a.end.getTime() - b.end.getTime());
  return { ...base, dossiers };
}

function gradeLabel(grade: Grade | null, lang: Lang): string | null {
  return grade ? GRADE_LABELS[grade][lang] : null;
}

function subjectLabel(data: QuarterData, by: EvaluationBy, subject: string, lang: Lang): string {
  if (by === 'centre') return data.centreName;
  if (by === 'officer') return data.officerNames.get(subject) ?? (lang === 'vi' ? '(không rõ cán bộ)' : '(unknown officer)');
  return subject;
}

function rowOf(data: QuarterData, by: EvaluationBy, summary: SubjectSummary | undefined, subject: string, scores: EvaluationScoreRecord[], lang: Lang): EvaluationRow {
  const mine = scores.filter((s) => s.subject === subject);
  const scoreOf = (indicator: number) => mine.find((s) => s.indicator === indicator);
  const self = manualTotal(INDICATOR_IDS.map((i) => scoreOf(i)?.selfScore ?? null));
  const appraisal = manualTotal(INDICATOR_IDS.map((i) => scoreOf(i)?.appraisalScore ?? null));
  const criteriaOrder = data.criteria.map((c) => c.key);
  const labelOf = (key: string) => {
    const c = data.criteria.find((x) => x.key === key);
    return c ? c[lang] : DEFAULT_CRITERIA[key]?.[lang] ?? key;
  };
  return {
    subject,
    label: subjectLabel(data, by, subject, lang),
    dossiers: summary?.dossierIds.length ?? 0,
    indicators: INDICATOR_IDS.map((indicator, i) => ({
      indicator,
      computed: summary?.indicators[i]!.average ?? null,
      scored: summary?.indicators[i]!.scored ?? 0,
      fromCitizen: summary?.indicators[i]!.fromCitizen ?? 0,
      selfScore: scoreOf(indicator)?.selfScore ?? null,
      appraisalScore: scoreOf(indicator)?.appraisalScore ?? null,
      note: scoreOf(indicator)?.note ?? '',
    })),
    computed: summary?.computed ? { ...summary.computed, gradeLabel: GRADE_LABELS[summary.computed.grade][lang] } : null,
    self: { ...self, gradeLabel: gradeLabel(self.grade, lang) },
    appraisal: { ...appraisal, gradeLabel: gradeLabel(appraisal.grade, lang) },
    satisfaction: summary?.satisfaction ?? { ratings: 0, dissatisfied: 0, satisfied: 0, verySatisfied: 0, percent: null },
    criteria: (summary?.criteria ?? criteriaOrder.map((key) => ({ key, answers: 0, average: null }))).map((c) => ({ ...c, label: labelOf(c.key) })),
  };
}

function summariesOf(data: QuarterData, by: EvaluationBy): SubjectSummary[] {
  return summariseSubjects(
    data.dossiers.map((d) => ({ evaluation: d.evaluation, rating: d.rating })),
    by,
    data.criteria.map((c) => c.key),
  );
}

function buildReport(data: QuarterData, by: EvaluationBy, scores: EvaluationScoreRecord[], centreScores: EvaluationScoreRecord[], lang: Lang): EvaluationReport {
  const summaries = summariesOf(data, by);
  const centre = by === 'centre' ? summaries[0] : summariesOf(data, 'centre')[0];
  const subjects = [...new Set([...summaries.map((s) => s.key), ...scores.map((s) => s.subject)])];
  const rows = subjects
    .map((subject) => rowOf(data, by, summaries.find((s) => s.key === subject), subject, scores, lang))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const total = rowOf(data, 'centre', centre, '', centreScores, lang);
  return {
    quarter: data.quarter.id,
    by,
    title: quarterTitle(data.quarter, lang),
    centreName: data.centreName,
    from: data.quarter.firstDay,
    to: data.quarter.lastDay,
    asOf: data.asOf.toISOString(),
    indicators: INDICATOR_IDS.map((id) => ({ id, name: INDICATOR_NAMES[id][lang] })),
    rows: by === 'centre' ? [total] : rows,
    total,
  };
}

export async function getEvaluation(ctx: ServiceContext, actor: Actor, query: { quarter: string; by: EvaluationBy }, lang: Lang): Promise<EvaluationReport> {
  assertManager(actor);
  const data = await evaluateQuarter(ctx, actor.centreId, query.quarter);
  const [scores, centreScores] = await Promise.all([
    listEvaluationScores(ctx.db, actor.centreId, data.quarter.id, query.by),
    listEvaluationScores(ctx.db, actor.centreId, data.quarter.id, 'centre'),
  ]);
  return buildReport(data, query.by, scores, centreScores, lang);
}

/**
 * Saves one subject's self-score and appraisal columns. Every score is checked before anything is
 * written, in one transaction: a bad value changes nothing.
 */
export async function saveEvaluationScores(ctx: ServiceContext, actor: Actor, input: EvaluationScoresInput, lang: Lang): Promise<EvaluationReport> {
  assertManager(actor);
  const quarter = parseQuarter(input.quarter);
  const subject = input.subject.trim();
  if (input.by === 'centre' && subject !== '') throw new AppError('VALIDATION_FAILED', { detail: 'đánh giá chung toàn cơ quan không ghi tên đơn vị hay cán bộ (subject phải để trống)' });
  if (input.by === 'unit') {
    if (subject === '') throw new AppError('VALIDATION_FAILED', { detail: 'chưa ghi tên cơ quan, đơn vị được đánh giá' });
    const units = await knownUnits(ctx, actor.centreId, quarter.id);
    if (!units.has(subject)) {
      throw new AppError('VALIDATION_FAILED', { detail: `không có cơ quan, đơn vị "${subject}" trong quy trình giải quyết của các thủ tục hay hồ sơ trong quý` });
    }
  }
  if (input.by === 'officer') {
    const users = await listUsers(ctx.db, actor.centreId);
    if (!users.some((u) => u.id === subject)) throw new AppError('VALIDATION_FAILED', { detail: `không có cán bộ "${subject}" trong trung tâm` });
  }
  const seen = new Set<number>();
  const rows = input.scores.map((s) => {
    if (!Number.isInteger(s.indicator) || s.indicator < 1 || s.indicator > 9) {
      throw new AppError('VALIDATION_FAILED', { detail: `chỉ số ${s.indicator} không có; bộ chỉ số đánh giá gồm chỉ số 1 đến 9` });
    }
    if (seen.has(s.indicator)) throw new AppError('VALIDATION_FAILED', { detail: `chỉ số ${s.indicator} được gửi hai lần` });
    seen.add(s.indicator);
    return {
      quarter: quarter.id,
      subjectKind: input.by,
      subject,
      indicator: s.indicator,
      selfScore: checkManualScore(s.selfScore, `chỉ số ${s.indicator}, điểm tự chấm`),
      appraisalScore: checkManualScore(s.appraisalScore, `chỉ số ${s.indicator}, điểm thẩm định`),
      note: (s.note ?? '').trim(),
      updatedBy: actor.id,
    };
  });
  await inTransaction(ctx, (tx) => upsertEvaluationScores(tx, actor.centreId, rows, ctx.clock()));
  return getEvaluation(ctx, actor, { quarter: quarter.id, by: input.by }, lang);
}

/** Units a score may be given to: those in the catalogue's processes and in the quarter's dossiers. */
async function knownUnits(ctx: ServiceContext, centreId: string, quarterId: string): Promise<Set<string>> {
  const [procedures, data] = await Promise.all([listProceduresWithCurrent(ctx.db, centreId), evaluateQuarter(ctx, centreId, quarterId)]);
  return new Set([...procedures.flatMap((p) => p.version.steps.map((s) => s.unit)), ...data.dossiers.flatMap((d) => d.evaluation.units.map((u) => u.key))]);
}

/** The dossiers behind one row, each with its nine points and why. */
export async function listEvaluationDossiers(
  ctx: ServiceContext,
  actor: Actor,
  quarterId: string,
  query: { by: EvaluationBy; subject: string; indicator?: number | undefined },
  lang: Lang,
): Promise<EvaluationDossierList> {
  assertManager(actor);
  const data = await evaluateQuarter(ctx, actor.centreId, quarterId);
  const summary = summariesOf(data, query.by).find((s) => s.key === (query.by === 'centre' ? '' : query.subject));
  const ids = new Set(summary?.dossierIds ?? []);
  const dossiers = data.dossiers
    .filter((d) => ids.has(d.dossier.id))
    .filter((d) => query.indicator === undefined || d.evaluation.indicators[query.indicator - 1]!.points !== null)
    .map((d) => ({
      id: d.dossier.id,
      code: d.dossier.code,
      procedureName: d.dossier.procedureName,
      applicantName: d.dossier.applicant.fullName,
      channel: d.dossier.channel,
      receivedAt: d.dossier.receivedAt!.toISOString(),
      endedAt: d.end.toISOString(),
      indicators: d.evaluation.indicators.map((s) => {
        // A unit or an officer answers for indicator 2 on their own steps (see evaluation-summary).
        const own = s.indicator === 2 ? ownStepPoints(d.evaluation, query.by, query.subject) : undefined;
        const used = own ?? s;
        return { indicator: used.indicator, points: used.points, source: used.source, reason: used.reason, reasonText: REASON_LABELS[used.reason][lang] };
      }),
      rating: d.rating ? { reportsAs: d.rating.reportsAs, comment: d.rating.comment } : null,
      pakns: d.pakns.map((p) => ({ code: p.code, status: p.status })),
    }));
  return { quarter: data.quarter.id, by: query.by, subject: query.subject, label: subjectLabel(data, query.by, query.subject, lang), dossiers };
}

function ownStepPoints(e: DossierEvaluation, by: EvaluationBy, subject: string): IndicatorScore | undefined {
  const share = by === 'unit' ? e.units.find((u) => u.key === subject) : by === 'officer' ? e.stepOfficers.find((s) => s.key === subject) : undefined;
  return share ? ownStepScore(share.points) : undefined;
}

/** The workbook of the quarter (A4 landscape) and the name to save it under. */
export async function exportEvaluationXlsx(ctx: ServiceContext, actor: Actor, query: { quarter: string; by: EvaluationBy }): Promise<{ file: Buffer; filename: string }> {
  const report = await getEvaluation(ctx, actor, query, 'vi');
  const from = formatLocalDate(parseQuarter(report.quarter).from);
  const to = formatLocalDate(new Date(parseQuarter(report.quarter).to.getTime() - 1));
  const file = await writeEvaluationXlsx(report, `từ ngày ${from} đến ngày ${to}`);
  return { file, filename: `danh-gia-9-chi-so-${report.quarter}-${query.by}.xlsx` };
}
