/**
 * The quarterly 9-indicator evaluation (DOMAIN-VN §1.5) on worked examples. Every figure below is
 * worked out by hand from the dossier's timeline in the comments; office hours are 08–12 and 13–17.
 */
import { describe, expect, it } from 'vitest';
import {
  completeSupplement,
  finishStep,
  receiveDossier,
  receiveIncompleteDossier,
  recordIncomplete,
  requestSupplement,
  returnResult,
  stopProcessing,
  withdraw,
} from '../../src/core/dossier/dossier';
import type { Dossier } from '../../src/core/dossier/dossier-types';
import {
  evaluateDossier,
  evaluationEnd,
  type DossierEvidence,
  type PaknEvidence,
  type ProcedureEvidence,
  type RatingEvidence,
} from '../../src/core/evaluation/dossier-evaluation';
import { checkManualScore, gradeOf, manualTotal, summariseSubjects, type EvaluatedDossier } from '../../src/core/evaluation/evaluation-summary';
import { parseQuarter, quarterOf, quarterTitle } from '../../src/core/evaluation/quarter';
import { at, calendar, INTAKE, MISSING, received } from './dossier-fixtures';

const PROCEDURE: ProcedureEvidence = {
  active: true,
  name: 'Cấp bản sao từ sổ gốc',
  decision: '1234/QĐ-UBND',
  agency: 'UBND phường',
  rules: [{ channel: 'direct', amount: 5 }],
  documents: INTAKE.procedure.documents,
  steps: INTAKE.procedure.steps,
};

/** Quarter IV 2026 is judged as of its last instant. */
const END_OF_Q4 = parseQuarter('2026-Q4').to;

const sign = (officerId: string) => ({ officerId, officerName: officerId, note: null });

function evidence(dossier: Dossier, extra: Partial<DossierEvidence> = {}): DossierEvidence {
  return { dossier, procedure: PROCEDURE, rating: null, pakns: [], ...extra };
}

const points = (d: DossierEvidence, asOf = END_OF_Q4) => evaluateDossier(d, asOf, calendar).indicators.map((s) => s.points);

/**
 * Dossier A — received Wed 18/11 10:00, appointment Wed 25/11 17:00, every step signed by o-minh:
 *   assign   (Phòng Tư pháp, 8 h)  18/11 10:00 → due 19/11 10:00, done 18/11 16:00: early (2)
 *   appraise (Phòng Tư pháp, 16 h) 18/11 16:00 → due 20/11 16:00, done 19/11 15:00: early (2)
 *   sign     (Lãnh đạo UBND, 8 h)  19/11 15:00 → due 20/11 15:00, done 20/11 09:00: same day, on time (1)
 *   issue    (Văn thư, 8 h)        20/11 09:00 → due 23/11 09:00, done 20/11 11:00: early (2)
 * Finished 20/11 11:00 (early), returned 20/11 14:00; rated very satisfied, attitude very satisfied.
 */
function dossierA(): Dossier {
  let d = received();
  for (const when of ['2026-11-18 16:00', '2026-11-19 15:00', '2026-11-20 09:00', '2026-11-20 11:00']) {
    d = finishStep(d, sign('o-minh'), at(when), calendar).dossier;
  }
  return returnResult(d, { receivedBy: 'Nguyễn Thị Lan' }, at('2026-11-20 14:00')).dossier;
}
const RATING_A: RatingEvidence = {
  reportsAs: 'very-satisfied',
  criteria: [
    { key: 'attitude', reportsAs: 'very-satisfied' },
    { key: 'time', reportsAs: 'satisfied' },
  ],
};

/**
 * Dossier B — same procedure, steps signed by o-lan: supplement asked 19/11 09:00 and brought 20/11
 * 09:00, asked again 23/11 09:00 and brought 24/11 09:00 (two requests: late whatever the dates, and
 * two return visits), every step finished 30/11 10:00 — the first one long past its allowance;
 * result not returned. One PAKN filed 24/11 09:00, answered 02/12 (within 15 working days), no
 * verdict from the citizen.
 */
function dossierB(): Dossier {
  let d: Dossier = { ...received(), id: 'hs-2', code: '000.00.16.H26-261118-0002' };
  d = requestSupplement(d, MISSING, at('2026-11-19 09:00')).dossier;
  d = completeSupplement(d, at('2026-11-20 09:00'), calendar).dossier;
  d = requestSupplement(d, MISSING, at('2026-11-23 09:00')).dossier;
  d = completeSupplement(d, at('2026-11-24 09:00'), calendar).dossier;
  while (d.status === 'in-progress') d = finishStep(d, sign('o-lan'), at('2026-11-30 10:00'), calendar).dossier;
  return d;
}
const PAKN_B: PaknEvidence = { id: 'pakn-1', receivedAt: at('2026-11-24 09:00'), answeredAt: at('2026-12-02 10:00'), rejectedAt: null, citizenSatisfied: null };

describe('one dossier, nine indicators', () => {
  it('dossier A: early, one step only on time, no return visit, received and returned at the counter, rated very satisfied', () => {
    const e = evaluateDossier(evidence(dossierA(), { rating: RATING_A }), END_OF_Q4, calendar);
    // 1 early 2; 2 worst step on time 1; 3 no visit 2; 4 one-stop 2; 5 returned 2; 6 published 2;
    // 7 attitude very satisfied 2; 8 no PAKN 2; 9 direct: not applicable.
    expect(e.indicators.map((s) => s.points)).toEqual([2, 1, 2, 2, 2, 2, 2, 2, null]);
    expect(e.indicators.map((s) => s.reason)).toEqual([
      'early',
      'steps-on-time',
      'visits-none',
      'one-stop-only',
      'received-and-returned',
      'published-complete',
      'rating-criterion',
      'pakn-none',
      'not-online',
    ]);
    expect(e.units).toEqual([
      { key: 'Phòng Tư pháp', points: 2 },
      { key: 'Lãnh đạo UBND', points: 1 },
      { key: 'Văn thư', points: 2 },
    ]);
    expect(e.officers).toEqual(['o-hoa', 'o-minh']);
  });

  it('dossier B: two supplement requests make it late and count two return visits; an on-time PAKN answer without a verdict scores 1', () => {
    const e = evaluateDossier(evidence(dossierB(), { pakns: [PAKN_B] }), END_OF_Q4, calendar);
    expect(e.indicators.map((s) => s.points)).toEqual([0, 0, 0, 2, null, 2, null, 1, null]);
    expect(e.indicators[4]!.reason).toBe('result-not-returned');
    expect(e.indicators[6]!.reason).toBe('not-rated');
    expect(e.units).toEqual([
      { key: 'Phòng Tư pháp', points: 0 },
      { key: 'Lãnh đạo UBND', points: 2 },
      { key: 'Văn thư', points: 2 },
    ]);
  });

  it('counts Form 02 at the counter as one return visit', () => {
    const guided = recordIncomplete(INTAKE, MISSING, at('2026-11-17 09:00')).dossier;
    const d = receiveIncompleteDossier(guided, ['Tờ khai', 'Căn cước công dân'], at('2026-11-18 10:00'), calendar).dossier;
    const e = evaluateDossier(evidence(d), END_OF_Q4, calendar).indicators[2]!;
    expect(e).toEqual({ indicator: 3, points: 1, source: 'data', reason: 'visits-one' });
  });

  it('completes an indicator the data cannot score with the citizen answer, and ends a stopped dossier with its notice', () => {
    // Stopped Thu 19/11 09:00 before any step finished: indicator 2 has no data; the citizen said
    // "satisfied" on time, so it scores 1 from the citizen. Stopped before the appointment: early.
    const d = stopProcessing(received(), 'Công dân đề nghị dừng giải quyết', at('2026-11-19 09:00')).dossier;
    const rating: RatingEvidence = { reportsAs: 'satisfied', criteria: [{ key: 'time', reportsAs: 'satisfied' }] };
    const e = evaluateDossier(evidence(d, { rating }), END_OF_Q4, calendar).indicators;
    expect(e[0]).toEqual({ indicator: 1, points: 2, source: 'data', reason: 'early' });
    expect(e[1]).toEqual({ indicator: 2, points: 1, source: 'citizen', reason: 'citizen-answer' });
    expect(e[4]).toEqual({ indicator: 5, points: 2, source: 'data', reason: 'ended-with-notice' });
    // Attitude falls back on the overall rating when the criterion was not asked.
    expect(e[6]).toEqual({ indicator: 7, points: 1, source: 'citizen', reason: 'rating-overall' });
  });

  it('scores the online service only for online dossiers, lowered by a dissatisfied result', () => {
    const online = dossierA();
    online.channel = 'online';
    const poor: RatingEvidence = { reportsAs: 'satisfied', criteria: [{ key: 'result', reportsAs: 'dissatisfied' }] };
    expect(points(evidence(online))[8]).toBe(2);
    expect(points(evidence(online, { rating: poor }))[8]).toBe(1);
    expect(points(evidence({ ...dossierB(), channel: 'online' }))[8]).toBe(0);
    // A direct dossier stays "not applicable" even when the citizen answered on the result.
    expect(points(evidence(dossierA(), { rating: poor }))[8]).toBeNull();
  });

  it('judges complaints by the 766 deadlines: pending within 15 working days, late after, 2 when the citizen is satisfied', () => {
    const d = dossierA();
    const filed = at('2026-12-01 09:00');
    const open: PaknEvidence = { id: 'p', receivedAt: filed, answeredAt: null, rejectedAt: null, citizenSatisfied: null };
    // 15 working days after Tue 01/12 09:00 is Tue 22/12 09:00.
    expect(evaluateDossier(evidence(d, { pakns: [open] }), at('2026-12-22 09:00'), calendar).indicators[7]).toMatchObject({ points: null, reason: 'pakn-pending' });
    expect(evaluateDossier(evidence(d, { pakns: [open] }), at('2026-12-22 09:01'), calendar).indicators[7]).toMatchObject({ points: 0, reason: 'pakn-late' });
    const satisfied = { ...open, answeredAt: at('2026-12-10 09:00'), citizenSatisfied: true };
    expect(points(evidence(d, { pakns: [satisfied] }))[7]).toBe(2);
    // A rejection is due within 2 working days: Thu 03/12 09:00.
    expect(points(evidence(d, { pakns: [{ ...open, rejectedAt: at('2026-12-04 09:00') }] }))[7]).toBe(0);
    // A complaint filed in January about a December dossier counts when the quarter is compiled later.
    const january: PaknEvidence = { ...open, receivedAt: at('2027-01-02 09:00') };
    expect(evaluateDossier(evidence(d, { pakns: [january] }), END_OF_Q4, calendar).indicators[7]!.points).toBe(2);
    expect(evaluateDossier(evidence(d, { pakns: [january] }), END_OF_Q4, calendar, undefined, at('2027-01-05 09:00')).indicators[7]).toMatchObject({ points: null, reason: 'pakn-pending' });
    // The lowest PAKN decides.
    expect(points(evidence(d, { pakns: [satisfied, { ...open, answeredAt: at('2026-12-28 09:00') }] }))[7]).toBe(0);
  });

  it('scores publication from the version received: complete 2, a part missing 1, withdrawn from the catalogue 0', () => {
    const d = dossierA();
    expect(points(evidence(d, { procedure: { ...PROCEDURE, documents: [] } }))[5]).toBe(1);
    expect(points(evidence(d, { procedure: { ...PROCEDURE, active: false } }))[5]).toBe(0);
    expect(points(evidence(d, { procedure: null }))[5]).toBe(0);
  });

  it('evaluates a dossier in the quarter its processing ended; a withdrawal ends it too; Form 03 at the counter never counts', () => {
    expect(evaluationEnd(dossierA())).toEqual(at('2026-11-20 11:00'));
    expect(evaluationEnd(received())).toBeNull();
    expect(evaluationEnd(withdraw(received(), at('2026-11-19 09:00')).dossier)).toEqual(at('2026-11-19 09:00'));
    const w = evaluateDossier(evidence(withdraw(received(), at('2026-11-19 09:00')).dossier), END_OF_Q4, calendar).indicators;
    expect(w[4]).toMatchObject({ points: null, reason: 'withdrawn' });
    expect(evaluationEnd(receiveDossier(INTAKE, at('2026-11-18 10:00'), calendar).dossier)).toBeNull();
  });
});

describe('the quarter per unit, per officer and for the centre', () => {
  const dossiers: EvaluatedDossier[] = [
    { evaluation: evaluateDossier(evidence(dossierA(), { rating: RATING_A }), END_OF_Q4, calendar), rating: RATING_A },
    { evaluation: evaluateDossier(evidence(dossierB(), { pakns: [PAKN_B] }), END_OF_Q4, calendar), rating: null },
  ];

  it('centre: the mean of each indicator over A and B, 12 of the 16 points computable, 13.5 of 18: Tốt', () => {
    const [centre] = summariseSubjects(dossiers, 'centre');
    // 1 (2+0)/2; 2 (1+0)/2; 3 (2+0)/2; 4 2; 5 only A 2; 6 2; 7 only A 2; 8 (2+1)/2; 9 none.
    expect(centre!.indicators.map((i) => i.average)).toEqual([1, 0.5, 1, 2, 2, 2, 2, 1.5, null]);
    expect(centre!.indicators.map((i) => i.scored)).toEqual([2, 2, 2, 2, 1, 2, 1, 2, 0]);
    expect(centre!.computed).toEqual({ total: 12, max: 16, outOf18: 13.5, grade: 'good' });
    expect(centre!.dossierIds).toEqual(['hs-1', 'hs-2']);
    expect(centre!.satisfaction).toEqual({ ratings: 1, dissatisfied: 0, satisfied: 0, verySatisfied: 1, percent: { dissatisfied: 0, satisfied: 0, verySatisfied: 100 } });
    expect(centre!.criteria).toEqual([
      { key: 'time', answers: 1, average: 1 },
      { key: 'attitude', answers: 1, average: 2 },
      { key: 'guidance', answers: 0, average: null },
      { key: 'result', answers: 0, average: null },
    ]);
  });

  it('units: indicator 2 is judged on their own steps only', () => {
    const units = summariseSubjects(dossiers, 'unit');
    expect(units.map((u) => u.key)).toEqual(['Lãnh đạo UBND', 'Phòng Tư pháp', 'Văn thư']);
    // Lãnh đạo UBND: (1+2)/2 = 1.5 → 13 of 16 → 14.63: Tốt. Phòng Tư pháp: (2+0)/2 = 1 → 12.5 → 14.06: Tốt.
    // Văn thư: (2+2)/2 = 2 → 13.5 → 15.19: Xuất sắc.
    expect(units.map((u) => u.indicators[1]!.average)).toEqual([1.5, 1, 2]);
    expect(units.map((u) => u.computed)).toEqual([
      { total: 13, max: 16, outOf18: 14.63, grade: 'good' },
      { total: 12.5, max: 16, outOf18: 14.06, grade: 'good' },
      { total: 13.5, max: 16, outOf18: 15.19, grade: 'excellent' },
    ]);
  });

  it('officers: the receiving officer answers for both dossiers, each processing officer for their own', () => {
    const officers = summariseSubjects(dossiers, 'officer');
    expect(officers.map((o) => [o.key, o.dossierIds])).toEqual([
      ['o-hoa', ['hs-1', 'hs-2']],
      ['o-lan', ['hs-2']],
      ['o-minh', ['hs-1']],
    ]);
    // o-lan: B alone, 0+0+0+2+2+1 = 5 of the 12 computable → 7.5 of 18: Trung bình.
    expect(officers[1]!.computed).toEqual({ total: 5, max: 12, outOf18: 7.5, grade: 'average' });
    // o-minh: A alone, 15 of 16 → 16.88: Xuất sắc.
    expect(officers[2]!.computed).toEqual({ total: 15, max: 16, outOf18: 16.88, grade: 'excellent' });
    expect(officers[0]!.computed!.outOf18).toBe(13.5);
  });

  it('gives the satisfaction shares of the ballots', () => {
    const r = (reportsAs: RatingEvidence['reportsAs']): RatingEvidence => ({ reportsAs, criteria: [] });
    const base = dossiers[0]!.evaluation;
    const rated = [r('dissatisfied'), r('satisfied'), r('satisfied'), r('very-satisfied'), r('very-satisfied'), r('very-satisfied')].map((rating, i) => ({
      evaluation: { ...base, dossierId: `d${i}` },
      rating,
    }));
    const [centre] = summariseSubjects(rated, 'centre');
    expect(centre!.satisfaction.percent).toEqual({ dissatisfied: 16.7, satisfied: 33.3, verySatisfied: 50 });
  });
});

describe('grades, scores and quarters', () => {
  it('grades the 18-point total; exactly 15 is Tốt because Xuất sắc is "more than 15"', () => {
    expect([18, 15.01, 15, 12, 11.99, 9, 8.5, 6, 5.99, 0].map(gradeOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'average',
      'average',
      'weak',
      'weak',
    ]);
  });

  it('accepts self and appraisal scores from 0 to 2 with one decimal, and totals them once all nine are in', () => {
    expect(checkManualScore(1.5, 'chỉ số 1')).toBe(1.5);
    expect(checkManualScore(null, 'chỉ số 1')).toBeNull();
    expect(() => checkManualScore(2.5, 'chỉ số 3')).toThrow(/từ 0 đến 2/);
    expect(() => checkManualScore(-1, 'chỉ số 3')).toThrow(/từ 0 đến 2/);
    expect(() => checkManualScore(1.25, 'chỉ số 3')).toThrow(/một chữ số thập phân/);
    expect(manualTotal([2, 2, 2, 1.5, 2, 2, 2, 2, 1])).toEqual({ total: 16.5, complete: true, grade: 'excellent' });
    expect(manualTotal([2, 2, null, 2, 2, 2, 2, 2, 2])).toEqual({ total: 16, complete: false, grade: null });
    expect(manualTotal(Array(9).fill(null))).toEqual({ total: null, complete: false, grade: null });
  });

  it('reads quarters in local time', () => {
    const q = parseQuarter('2026-Q4');
    expect(q.from.toISOString()).toBe('2026-09-30T17:00:00.000Z');
    expect(q.to.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect([q.firstDay, q.lastDay]).toEqual(['2026-10-01', '2026-12-31']);
    expect(quarterTitle(q)).toBe('Quý IV năm 2026');
    expect(quarterOf(new Date('2026-12-31T17:30:00Z'))).toBe('2027-Q1');
    expect(() => parseQuarter('2026-Q5')).toThrow(/NĂM-Qn/);
  });
});
