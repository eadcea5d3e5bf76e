/**
 * The Decision 766 indicators a centre can compute from its own data (DOMAIN-VN §2, §9), for one
 * period, as of one instant. Pure: the service loads dossiers, procedures, dossier ratings and PAKN
 * (with their deadlines already worked out) and passes the calendar in.
 *
 * Every figure carries the ids of the records in its numerator and denominator, and `notes` says for
 * each record why it is counted, so a manager can open the list and check the number by hand.
 */
import type { DeadlineCalendar } from '../dossier/deadline-calendar';
import { averageUnitOf, inAverageCohort, processingTimeIn, type AverageUnit } from '../dossier/dossier-kpis';
import type { Dossier } from '../dossier/dossier-types';
import { classifyTimeliness, endOfProcessing, isLateRegardless } from '../dossier/timeliness';
import { paknTimeliness } from '../pakn/deadlines';
import {
  INDICATOR_DEFINITIONS,
  INDICATOR_IDS,
  ratePercent,
  round2,
  scorePoints,
  type IndicatorDefinition,
  type IndicatorId,
  type IndicatorUnit,
} from './indicator-definitions';
import type {
  IndicatorComputation,
  IndicatorDossier,
  IndicatorFigure,
  IndicatorGroupRow,
  IndicatorOptions,
  IndicatorPakn,
  IndicatorProcedure,
  IndicatorRating,
  IndicatorResult,
  ItemNote,
} from './indicator-types';
import { missingParts, PROCEDURE_PARTS } from './procedure-parts';

export interface IndicatorInput {
  /** [from, to): the period's instants. */
  period: { from: Date; to: Date };
  /** The report instant (now); the figures are taken at min(to, now). */
  now: Date;
  dossiers: readonly IndicatorDossier[];
  procedures: readonly IndicatorProcedure[];
  ratings: readonly IndicatorRating[];
  pakn: readonly IndicatorPakn[];
  /** Names of officers by id (receiving officers are stored by id only). */
  officerNames: ReadonlyMap<string, string>;
  calendar: DeadlineCalendar;
  options: IndicatorOptions;
}

/** How a dossier stands for 2.1 as of the report instant; null when 2.1 does not count it. */
export type DossierStanding = 'early' | 'on-time' | 'late' | 'open-within-time' | 'open-overdue';

const STANDING_VI: Record<DossierStanding, string> = {
  early: 'Đã kết thúc trước hạn',
  'on-time': 'Đã kết thúc đúng hạn',
  late: 'Đã kết thúc quá hạn',
  'open-within-time': 'Đang xử lý trong hạn',
  'open-overdue': 'Đang xử lý quá hạn',
};
const STANDING_EN: Record<DossierStanding, string> = {
  early: 'Ended early',
  'on-time': 'Ended on time',
  late: 'Ended late',
  'open-within-time': 'Open, within time',
  'open-overdue': 'Open, overdue',
};

const UNIT_VI: Record<AverageUnit, string> = { 'working-days': 'ngày làm việc', days: 'ngày', hours: 'giờ' };

/**
 * The 2.1 standing of a dossier: counted when received by `asOf` and not ended (finished, returned,
 * stopped, refused or withdrawn) before the period's start.
 */
export function dossierStanding(d: Dossier, from: Date, asOf: Date, options: { apologyCountsAsLate: boolean }): DossierStanding | null {
  if (d.receivedAt === null || d.dueAt === null || d.receivedAt > asOf) return null;
  const end = endOfProcessing(d);
  if (end !== null && end < from) return null;
  const judged = classifyTimeliness(d, asOf, options);
  if (judged.timeliness !== null) return judged.timeliness;
  return judged.overdue || isLateRegardless(d, asOf, options) ? 'open-overdue' : 'open-within-time';
}

interface GroupKey {
  key: string;
  label: string;
}

const NO_GROUP = '';

/** The groups a dossier belongs to: one field or procedure; every processing unit and officer it went through. */
function dossierGroups(x: IndicatorDossier, input: IndicatorInput): GroupKey[] {
  const d = x.dossier;
  switch (input.options.groupBy) {
    case 'none':
      return [];
    case 'field':
      return [{ key: x.fieldName, label: x.fieldName || '(Không có lĩnh vực)' }];
    case 'procedure':
      return [{ key: d.procedureCode, label: `${d.procedureCode} – ${d.procedureName}` }];
    case 'unit': {
      const units = [...new Set(d.steps.map((s) => s.unit).filter(Boolean))];
      return units.map((u) => ({ key: u, label: u }));
    }
    case 'officer': {
      const out = new Map<string, string>();
      if (d.receivedById) out.set(d.receivedById, input.officerNames.get(d.receivedById) ?? d.receivedById);
      for (const s of d.steps) if (s.officerId) out.set(s.officerId, s.officerName ?? input.officerNames.get(s.officerId) ?? s.officerId);
      return [...out].map(([key, label]) => ({ key, label }));
    }
  }
}

function procedureGroups(p: IndicatorProcedure, input: IndicatorInput): GroupKey[] {
  switch (input.options.groupBy) {
    case 'field':
      return [{ key: p.fieldName, label: p.fieldName || '(Không có lĩnh vực)' }];
    case 'procedure':
      return [{ key: p.code, label: `${p.code} – ${p.version?.name ?? ''}` }];
    case 'unit':
      return [...new Set((p.version?.steps ?? []).map((s) => s.unit).filter(Boolean))].map((u) => ({ key: u, label: u }));
    default:
      // An officer publishes no procedure: 1.3 has no officer rows.
      return [];
  }
}

/** A PAKN about a dossier belongs to that dossier's groups; one about an officer to that officer. */
function paknGroups(p: IndicatorPakn, byId: ReadonlyMap<string, IndicatorDossier>, input: IndicatorInput): GroupKey[] {
  if (input.options.groupBy === 'none') return [];
  const dossier = p.dossierId ? byId.get(p.dossierId) : undefined;
  const groups = dossier ? dossierGroups(dossier, input) : [];
  if (input.options.groupBy === 'officer' && p.officerId && !groups.some((g) => g.key === p.officerId)) {
    groups.push({ key: p.officerId, label: input.officerNames.get(p.officerId) ?? p.officerId });
  }
  return groups.length > 0 ? groups : [{ key: NO_GROUP, label: '(Không gắn hồ sơ / đơn vị)' }];
}

interface Entry {
  id: string;
  groups: GroupKey[];
  inNumerator: boolean;
}

function rateGroups(entries: readonly Entry[], def: IndicatorDefinition): IndicatorGroupRow[] {
  const rows = new Map<string, { label: string; num: string[]; den: string[] }>();
  for (const e of entries) {
    for (const g of e.groups) {
      const row = rows.get(g.key) ?? { label: g.label, num: [], den: [] };
      row.den.push(e.id);
      if (e.inNumerator) row.num.push(e.id);
      rows.set(g.key, row);
    }
  }
  return [...rows].map(([key, r]) => {
    const value = ratePercent(r.num.length, r.den.length);
    return { key, label: r.label, value, numerator: r.num.length, denominator: r.den.length, unit: def.unit, points: scorePoints(value, def), numeratorIds: r.num, denominatorIds: r.den };
  }).sort(byLabel);
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'vi');

function result(def: IndicatorDefinition, fields: Partial<IndicatorResult> & Pick<IndicatorResult, 'value' | 'numerator' | 'denominator' | 'numeratorIds' | 'denominatorIds'>): IndicatorResult {
  return {
    id: def.id,
    group: def.group,
    name: def.name,
    nameEn: def.nameEn,
    points: scorePoints(fields.value, def),
    maxPoints: def.maxPoints,
    unit: def.unit,
    formula: def.formula,
    formulaEn: def.formulaEn,
    computable: true,
    reason: null,
    reasonEn: null,
    itemKind: def.itemKind,
    extra: [],
    groups: [],
    ...fields,
  };
}

function rateResult(def: IndicatorDefinition, entries: readonly Entry[], extra: IndicatorFigure[] = []): IndicatorResult {
  const num = entries.filter((e) => e.inNumerator).map((e) => e.id);
  const den = entries.map((e) => e.id);
  return result(def, {
    value: ratePercent(num.length, den.length),
    numerator: num.length,
    denominator: den.length,
    numeratorIds: num,
    denominatorIds: den,
    extra,
    groups: rateGroups(entries, def),
  });
}

function figure(key: string, labelVi: string, labelEn: string, num: string[], den: string[], unit: IndicatorUnit = '%'): IndicatorFigure {
  return { key, labelVi, labelEn, value: unit === '%' ? ratePercent(num.length, den.length) : num.length, numerator: num.length, denominator: den.length, unit, numeratorIds: num, denominatorIds: den };
}

const fmt = (d: Date) => d.toISOString();

export function computeIndicatorsFrom(input: IndicatorInput): IndicatorComputation {
  const { from } = input.period;
  const asOf = input.now < input.period.to ? input.now : input.period.to;
  const options = { apologyCountsAsLate: input.options.apologyCountsAsLate };
  const minutesPerDay = input.options.minutesPerWorkingDay ?? 480;
  const notes = Object.fromEntries(INDICATOR_IDS.map((id) => [id, new Map<string, ItemNote>()])) as Record<IndicatorId, Map<string, ItemNote>>;
  const byId = new Map(input.dossiers.map((x) => [x.dossier.id, x]));
  const receivedInPeriod = (d: Dossier) => d.receivedAt !== null && d.receivedAt >= from && d.receivedAt <= asOf;

  // ---- 1.3 procedures published with all their parts
  const active = input.procedures.filter((p) => p.active && p.version !== null);
  const e13: Entry[] = active.map((p) => {
    const missing = missingParts(p.version!);
    notes['1.3'].set(p.id, {
      status: missing.length === 0 ? 'complete' : 'incomplete',
      whyVi: missing.length === 0 ? 'Đủ các bộ phận' : `Thiếu: ${missing.map((m) => PROCEDURE_PARTS[m].vi).join(', ')}`,
      whyEn: missing.length === 0 ? 'All parts present' : `Missing: ${missing.map((m) => PROCEDURE_PARTS[m].en).join(', ')}`,
      measure: null,
    });
    return { id: p.id, groups: procedureGroups(p, input), inNumerator: missing.length === 0 };
  });

  // ---- 2.1 on-time rate
  const standings = new Map<string, DossierStanding>();
  for (const x of input.dossiers) {
    const standing = dossierStanding(x.dossier, from, asOf, options);
    if (standing !== null) standings.set(x.dossier.id, standing);
  }
  const e21: Entry[] = [];
  for (const [id, standing] of standings) {
    const x = byId.get(id)!;
    const withdrawn = x.dossier.withdrawnAt !== null && x.dossier.withdrawnAt <= asOf && endOfProcessing(x.dossier) === x.dossier.withdrawnAt;
    const apology = options.apologyCountsAsLate && x.dossier.apology !== null && x.dossier.apology.issuedAt <= asOf;
    const twoRequests = x.dossier.supplements.filter((s) => s.requestedAt <= asOf).length > 1;
    const why = [STANDING_VI[standing], withdrawn ? 'công dân rút hồ sơ (tính là kết thúc)' : '', twoRequests ? 'yêu cầu bổ sung quá 1 lần' : '', apology ? 'có thư xin lỗi (cài đặt: tính là quá hạn)' : ''].filter(Boolean).join('; ');
    const whyEn = [STANDING_EN[standing], withdrawn ? 'withdrawn by the citizen (counts as its end)' : '', twoRequests ? 'more than one supplement request' : '', apology ? 'apology letter (setting: counts as late)' : ''].filter(Boolean).join('; ');
    notes['2.1'].set(id, { status: standing, whyVi: why, whyEn, measure: null });
    e21.push({ id, groups: dossierGroups(x, input), inNumerator: standing === 'early' || standing === 'on-time' || standing === 'open-within-time' });
  }

  // ---- 2.2 average processing time of the cohort received in the period
  const cohort: { x: IndicatorDossier; unit: AverageUnit }[] = [];
  const unfinishedCohort: string[] = [];
  for (const x of input.dossiers) {
    const d = x.dossier;
    if (!receivedInPeriod(d)) continue;
    if (inAverageCohort(d, { from, to: asOf }, input.now)) cohort.push({ x, unit: averageUnitOf(d.processingTime.unit) });
    else if (d.finishedAt === null && d.returnedAt === null && endOfProcessing(d) === null) unfinishedCohort.push(d.id);
  }
  const average = (members: typeof cohort): { value: number | null; sum: number | null; unit: AverageUnit; ids: string[] } => {
    const units = new Set(members.map((m) => m.unit));
    const unit: AverageUnit = units.size === 1 ? [...units][0]! : 'working-days';
    if (members.length === 0) return { value: null, sum: null, unit, ids: [] };
    const sum = members.reduce((s, m) => s + processingTimeIn(m.x.dossier, unit, input.calendar, minutesPerDay)!, 0);
    return { value: round2(sum / members.length), sum: round2(sum), unit, ids: members.map((m) => m.x.dossier.id) };
  };
  for (const m of cohort) {
    const own = processingTimeIn(m.x.dossier, m.unit, input.calendar, minutesPerDay)!;
    const wd = processingTimeIn(m.x.dossier, 'working-days', input.calendar, minutesPerDay)!;
    notes['2.2'].set(m.x.dossier.id, {
      status: m.unit,
      whyVi: `Tiếp nhận trong kỳ, đã xử lý xong: ${round2(own)} ${UNIT_VI[m.unit]}${m.unit === 'working-days' ? '' : ` (${round2(wd)} ngày làm việc)`}`,
      whyEn: `Received in the period, finished: ${round2(own)} ${m.unit}${m.unit === 'working-days' ? '' : ` (${round2(wd)} working days)`}`,
      measure: round2(own),
    });
  }
  for (const id of unfinishedCohort) {
    notes['2.2'].set(id, { status: 'open', whyVi: 'Tiếp nhận trong kỳ, chưa xử lý xong: chưa tính vào trung bình', whyEn: 'Received in the period, not finished yet: not in the average', measure: null });
  }
  const total22 = average(cohort);
  const groups22 = new Map<string, { label: string; members: typeof cohort }>();
  for (const m of cohort) {
    for (const g of dossierGroups(m.x, input)) {
      const row = groups22.get(g.key) ?? { label: g.label, members: [] };
      row.members.push(m);
      groups22.set(g.key, row);
    }
  }
  const def22 = INDICATOR_DEFINITIONS['2.2'];
  const r22 = result(def22, {
    value: total22.value,
    numerator: total22.sum,
    denominator: cohort.length,
    unit: total22.unit,
    numeratorIds: total22.ids,
    denominatorIds: total22.ids,
    points: null,
    extra: [
      { key: 'unfinished', labelVi: 'Tiếp nhận trong kỳ, chưa xử lý xong (chưa tính)', labelEn: 'Received in the period, not finished (not averaged)', value: unfinishedCohort.length, numerator: unfinishedCohort.length, denominator: null, unit: 'count', numeratorIds: unfinishedCohort, denominatorIds: [] },
    ],
    groups: [...groups22].map(([key, g]) => {
      const a = average(g.members);
      return { key, label: g.label, value: a.value, numerator: a.sum, denominator: g.members.length, unit: a.unit, points: null, numeratorIds: a.ids, denominatorIds: a.ids };
    }).sort(byLabel),
  });

  // ---- 3.3 share of online receipts (with direct and postal)
  const received = input.dossiers.filter((x) => receivedInPeriod(x.dossier));
  const e33: Entry[] = received.map((x) => {
    notes['3.3'].set(x.dossier.id, { status: x.dossier.channel, whyVi: `Tiếp nhận trong kỳ qua kênh ${CHANNEL_VI[x.dossier.channel]}`, whyEn: `Received in the period, ${x.dossier.channel}`, measure: null });
    return { id: x.dossier.id, groups: dossierGroups(x, input), inNumerator: x.dossier.channel === 'online' };
  });
  const allReceived = received.map((x) => x.dossier.id);
  const byChannel = (c: string) => received.filter((x) => x.dossier.channel === c).map((x) => x.dossier.id);
  const r33 = rateResult(INDICATOR_DEFINITIONS['3.3'], e33, [
    figure('direct', 'Tỷ lệ hồ sơ trực tiếp', 'Share received in person', byChannel('direct'), allReceived),
    figure('postal', 'Tỷ lệ hồ sơ qua bưu chính', 'Share received by post', byChannel('postal'), allReceived),
  ]);

  // ---- 4.1 / 4.2 need scans and e-results the dossiers do not carry yet
  const notComputable = (def: IndicatorDefinition): IndicatorResult => ({
    ...result(def, { value: null, numerator: null, denominator: null, numeratorIds: [], denominatorIds: [] }),
    points: null,
    computable: false,
    reason: 'Hồ sơ chưa lưu bản số hóa của thành phần hồ sơ và kết quả điện tử, nên chưa tính được (việc số hóa hồ sơ được bổ sung ở issue khác).',
    reasonEn: 'Dossiers do not carry digitised documents or electronic results yet, so this cannot be computed (digitisation is added by another issue).',
  });

  // ---- 5.x PAKN received in the period
  const pakn = input.pakn.filter((p) => p.receivedAt >= from && p.receivedAt <= asOf);
  const categories = new Map<string, { label: IndicatorPakn['categoryLabel']; ids: string[] }>();
  for (const p of pakn) {
    const c = categories.get(p.category) ?? { label: p.categoryLabel, ids: [] };
    c.ids.push(p.id);
    categories.set(p.category, c);
    notes['5.1'].set(p.id, { status: p.status, whyVi: `Tiếp nhận trong kỳ, chuyên mục "${p.categoryLabel.vi}"`, whyEn: `Received in the period, category "${p.categoryLabel.en}"`, measure: null });
  }
  const allPakn = pakn.map((p) => p.id);
  const def51 = INDICATOR_DEFINITIONS['5.1'];
  const r51 = result(def51, {
    value: pakn.length,
    numerator: pakn.length,
    denominator: null,
    numeratorIds: allPakn,
    denominatorIds: allPakn,
    points: null,
    extra: [...categories].sort(([a], [b]) => a.localeCompare(b)).map(([cat, c]) => figure(`category:${cat}`, c.label.vi, c.label.en, c.ids, allPakn, 'count')),
    groups: countGroups(pakn.map((p) => ({ id: p.id, groups: paknGroups(p, byId, input), inNumerator: true }))),
  });

  const e52: Entry[] = pakn.map((p) => {
    const t = paknTimeliness(p.clock, asOf, input.calendar);
    const due: Record<string, Date | null> = { reject: t.deadlines.rejectBy, 'request-info': t.deadlines.requestInfoBy, answer: t.deadlines.answerBy ?? t.deadlines.pause?.answerByBefore ?? null, publish: t.deadlines.publishBy };
    const dueText = (k: string) => (due[k] ? ` (hạn ${fmt(due[k]!)})` : '');
    notes['5.2'].set(p.id, {
      status: t.onTime ? 'on-time' : 'late',
      whyVi: t.onTime ? (t.finished ? 'Đã xử lý xong, mọi bước trong hạn' : 'Đang xử lý, chưa bước nào quá hạn') : `Quá hạn: ${t.missed.map((k) => `${STEP_VI[k]}${dueText(k)}`).join('; ')}`,
      whyEn: t.onTime ? (t.finished ? 'Closed, every step within its deadline' : 'Open, no deadline missed so far') : `Late: ${t.missed.map((k) => `${k}${due[k] ? ` (due ${fmt(due[k]!)})` : ''}`).join('; ')}`,
      measure: null,
    });
    return { id: p.id, groups: paknGroups(p, byId, input), inNumerator: t.onTime };
  });

  const judged = pakn.filter((p) => p.answeredAt !== null && p.answeredAt <= asOf && p.citizenSatisfied !== null);
  const e53: Entry[] = judged.map((p) => {
    notes['5.3'].set(p.id, { status: p.citizenSatisfied ? 'satisfied' : 'dissatisfied', whyVi: p.citizenSatisfied ? 'Đã trả lời, người gửi hài lòng' : 'Đã trả lời, người gửi không hài lòng', whyEn: p.citizenSatisfied ? 'Answered, the sender was satisfied' : 'Answered, the sender was not satisfied', measure: null });
    return { id: p.id, groups: paknGroups(p, byId, input), inNumerator: p.citizenSatisfied === true };
  });

  // ---- 5.4 = 100 − (late % + % with a PAKN or a dislike), over the 2.1 population
  const complained = new Set(input.pakn.filter((p) => p.dossierId !== null && p.receivedAt <= asOf).map((p) => p.dossierId!));
  const disliked = new Set(input.ratings.filter((r) => r.reportsAs === 'dissatisfied' && r.at <= asOf).map((r) => r.dossierId));
  const e54 = e21.map((e) => {
    const standing = standings.get(e.id)!;
    const late = standing === 'late' || standing === 'open-overdue';
    const pod = complained.has(e.id) || disliked.has(e.id);
    const reasons = [late ? STANDING_VI[standing] : '', complained.has(e.id) ? 'có PAKN' : '', disliked.has(e.id) ? 'đánh giá không hài lòng' : ''].filter(Boolean);
    const reasonsEn = [late ? STANDING_EN[standing] : '', complained.has(e.id) ? 'has a complaint/suggestion' : '', disliked.has(e.id) ? 'rated dissatisfied' : ''].filter(Boolean);
    notes['5.4'].set(e.id, {
      status: late || pod ? 'deducted' : 'satisfied',
      whyVi: reasons.length ? `Bị trừ: ${reasons.join(', ')}` : 'Không quá hạn, không PAKN, không đánh giá không hài lòng',
      whyEn: reasonsEn.length ? `Deducted: ${reasonsEn.join(', ')}` : 'Not late, no complaint, no dislike',
      measure: null,
    });
    return { ...e, late, pod };
  });
  const satisfaction = (members: typeof e54) => {
    const den = members.length;
    const lateIds = members.filter((m) => m.late).map((m) => m.id);
    const podIds = members.filter((m) => m.pod).map((m) => m.id);
    const clean = members.filter((m) => !m.late && !m.pod).map((m) => m.id);
    const numerator = Math.max(0, den - lateIds.length - podIds.length);
    const value = den === 0 ? null : round2(Math.max(0, 100 - (lateIds.length * 100) / den - (podIds.length * 100) / den));
    return { den, lateIds, podIds, clean, numerator, value, ids: members.map((m) => m.id) };
  };
  const s54 = satisfaction(e54);
  const def54 = INDICATOR_DEFINITIONS['5.4'];
  const groups54 = new Map<string, { label: string; members: typeof e54 }>();
  for (const m of e54) {
    for (const g of m.groups) {
      const row = groups54.get(g.key) ?? { label: g.label, members: [] };
      row.members.push(m);
      groups54.set(g.key, row);
    }
  }
  const r54 = result(def54, {
    value: s54.value,
    numerator: s54.den === 0 ? 0 : s54.numerator,
    denominator: s54.den,
    numeratorIds: s54.clean,
    denominatorIds: s54.ids,
    extra: [
      figure('late', 'Tỷ lệ hồ sơ quá hạn', 'Late rate', s54.lateIds, s54.ids),
      figure('pakn-or-dislike', 'Tỷ lệ hồ sơ có PAKN hoặc đánh giá không hài lòng', 'Rate with a complaint or a dislike', s54.podIds, s54.ids),
    ],
    groups: [...groups54].map(([key, g]) => {
      const s = satisfaction(g.members);
      return { key, label: g.label, value: s.value, numerator: s.numerator, denominator: s.den, unit: '%' as const, points: scorePoints(s.value, def54), numeratorIds: s.clean, denominatorIds: s.ids };
    }).sort(byLabel),
  });

  const indicators: Record<IndicatorId, IndicatorResult> = {
    '1.3': rateResult(INDICATOR_DEFINITIONS['1.3'], e13),
    '2.1': rateResult(INDICATOR_DEFINITIONS['2.1'], e21),
    '2.2': r22,
    '3.3': r33,
    '4.1': notComputable(INDICATOR_DEFINITIONS['4.1']),
    '4.2': notComputable(INDICATOR_DEFINITIONS['4.2']),
    '5.1': r51,
    '5.2': rateResult(INDICATOR_DEFINITIONS['5.2'], e52),
    '5.3': rateResult(INDICATOR_DEFINITIONS['5.3'], e53),
    '5.4': r54,
  };
  if (input.options.groupBy === 'none') for (const r of Object.values(indicators)) r.groups = [];
  const scored = Object.values(indicators).filter((r) => r.computable && r.maxPoints > 0);
  return {
    indicators,
    notes,
    points: round2(scored.reduce((s, r) => s + (r.points ?? 0), 0)),
    maxPoints: scored.reduce((s, r) => s + r.maxPoints, 0),
  };
}

function countGroups(entries: readonly Entry[]): IndicatorGroupRow[] {
  const rows = new Map<string, { label: string; ids: string[] }>();
  for (const e of entries) {
    for (const g of e.groups) {
      const row = rows.get(g.key) ?? { label: g.label, ids: [] };
      row.ids.push(e.id);
      rows.set(g.key, row);
    }
  }
  return [...rows].map(([key, r]) => ({ key, label: r.label, value: r.ids.length, numerator: r.ids.length, denominator: null, unit: 'count' as const, points: null, numeratorIds: r.ids, denominatorIds: r.ids })).sort(byLabel);
}

const CHANNEL_VI: Record<string, string> = { direct: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính' };
const STEP_VI: Record<string, string> = { reject: 'từ chối', 'request-info': 'yêu cầu bổ sung thông tin', answer: 'trả lời', publish: 'công khai' };
