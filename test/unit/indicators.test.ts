/**
 * The 766 indicator rules (src/core/indicators), pure, on dossiers brought to their state through the
 * real dossier actions (see dossier-fixtures: procedure 2.000908, 5 working days, received Wednesday
 * 18/11/2026 10:00 → appointment Wednesday 25/11 17:00). Each number is worked out by hand beside it.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicatorsFrom, type IndicatorInput } from '../../src/core/indicators/compute-indicators';
import { INDICATOR_DEFINITIONS, ratePercent, scorePoints } from '../../src/core/indicators/indicator-definitions';
import type { IndicatorDossier, IndicatorPakn, IndicatorProcedure } from '../../src/core/indicators/indicator-types';
import { customPeriod, namedPeriod, parseDay, periodInstants, periodProblem } from '../../src/core/indicators/periods';
import { missingParts } from '../../src/core/indicators/procedure-parts';
import { issueApology, receiveDossier, withdraw } from '../../src/core/dossier/dossier';
import type { Dossier } from '../../src/core/dossier/dossier-types';
import { at, calendar, finishAll, INTAKE } from './dossier-fixtures';

describe('periods', () => {
  it.each([
    [namedPeriod('month', 2026, 2), { from: '2026-02-01', to: '2026-02-28', labelVi: 'Tháng 2/2026' }],
    [namedPeriod('month', 2028, 2), { from: '2028-02-01', to: '2028-02-29' }],
    [namedPeriod('quarter', 2026, 4), { from: '2026-10-01', to: '2026-12-31', labelVi: 'Quý IV/2026', labelEn: 'Q4 2026' }],
    [namedPeriod('first-half', 2026), { from: '2026-01-01', to: '2026-06-30', labelVi: '6 tháng đầu năm 2026' }],
    [namedPeriod('nine-months', 2026), { from: '2026-01-01', to: '2026-09-30', labelVi: '9 tháng đầu năm 2026' }],
    [namedPeriod('year', 2026), { from: '2026-01-01', to: '2026-12-31', labelVi: 'Năm 2026' }],
    [customPeriod('2026-11-16', '2026-11-27'), { labelVi: 'Từ 16/11/2026 đến 27/11/2026' }],
  ])('%j', (period, expected) => {
    expect(period).toMatchObject(expected);
  });

  it('a period runs from local midnight of its first day to local midnight after its last', () => {
    expect(periodInstants('2026-11-01', '2026-11-30')).toEqual({ from: new Date('2026-10-31T17:00:00Z'), to: new Date('2026-11-30T17:00:00Z') });
  });

  it('says in Vietnamese what is wrong with a period', () => {
    expect(parseDay('2026-02-30')).toBeNull();
    expect(periodProblem('2026-02-30', '2026-03-01')).toContain('ngày bắt đầu "2026-02-30" không hợp lệ');
    expect(periodProblem('2026-03-01', '1/3/2026')).toContain('ngày kết thúc "1/3/2026" không hợp lệ');
    expect(periodProblem('2026-03-02', '2026-03-01')).toContain('phải từ ngày bắt đầu');
    expect(periodProblem('2025-01-01', '2026-12-31')).toContain('tối đa là 400 ngày');
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(() => namedPeriod('month', 2026, 13)).toThrow('tháng 13');
  });
});

describe('points: min(1, rate / threshold) × maxPoints, 2 decimals (DOMAIN-VN §2)', () => {
  it.each([
    ['3.3', 25, 2], // half the 50 % threshold: half of 4
    ['3.3', 80, 4], // above the threshold: full
    ['5.4', 37.5, 2.5], // 37.5 / 90 × 6
    ['5.4', 90, 6],
    ['2.1', 75, 15],
    ['5.3', 50, 3.33], // 50 / 90 × 6 = 3.333…
    ['2.1', null, null], // nothing counted: no points rather than 0
  ] as const)('%s at %s %% → %s', (id, rate, points) => {
    expect(scorePoints(rate, INDICATOR_DEFINITIONS[id])).toBe(points);
  });

  it('figures shown without points get none', () => {
    expect(scorePoints(4, INDICATOR_DEFINITIONS['2.2'])).toBeNull();
    expect(scorePoints(4, INDICATOR_DEFINITIONS['5.1'])).toBeNull();
    expect(ratePercent(2, 3)).toBe(66.67);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('every assumed split says so in its formula', () => {
    for (const id of ['1.3', '2.1', '3.3', '4.1', '4.2', '5.2', '5.3'] as const) expect(INDICATOR_DEFINITIONS[id].formula).toContain('Giả định');
    expect(INDICATOR_DEFINITIONS['5.4'].formula).not.toContain('Giả định');
  });
});

describe('1.3: the parts Decree 63/2010 art. 8(2) requires', () => {
  const complete = {
    name: 'Thủ tục đăng ký kết hôn',
    agency: 'UBND cấp xã',
    rules: [{ channel: 'direct' as const, amount: 3, unit: 'working-days' as const, feeDong: 0, feeText: 'Miễn phí', description: '' }],
    documents: [{ name: 'Tờ khai', copies: '1 bản chính', mandatory: true }],
    steps: [{ code: 'assign', name: 'Tiếp nhận', allowanceHours: 8, unit: 'Bộ phận Một cửa' }],
    resultText: 'Giấy chứng nhận kết hôn',
  };
  it.each([
    [{}, []],
    [{ name: '  ' }, ['name']],
    [{ steps: [] }, ['steps']],
    [{ rules: [] }, ['channels', 'time']],
    [{ rules: [{ ...complete.rules[0]!, amount: null }] }, ['time']],
    [{ rules: [{ ...complete.rules[0]!, amount: null, unit: 'same-day' as const }] }, []],
    [{ documents: [] }, ['documents']],
    [{ agency: '' }, ['agency']],
    [{ resultText: '' }, ['result']],
  ])('%j → missing %j', (change, missing) => {
    expect(missingParts({ ...complete, ...change })).toEqual(missing);
  });
});

// ---------------------------------------------------------------------------------------------
// A worked example over 16/11–27/11/2026 (two weeks without holidays), reported on Monday 30/11.
//
//   d1 received Wed 18/11 10:00, finished Tue 24/11 10:00 → early, 4 working days, online
//   d2 received Wed 18/11 10:00, finished Thu 26/11 09:00 → late, 5.875 working days
//   d3 received Wed 18/11 10:00, withdrawn Fri 20/11 10:00 → early (its withdrawal is its end)
//   d4 received Wed 18/11 10:00, apology Fri 20/11, finished Wed 25/11 15:00 → on time (late only with the policy), 5.5 wd
//   d5 received Tue 24/11 10:00, open on 27/11 (due 1/12) → open within time; postal
//   d6 received Tue 10/11 10:00 (before), finished Tue 17/11 10:00 → on time, counted in 2.1, not in 2.2's cohort
//   d7 received Mon 2/11 10:00, finished Fri 6/11 → ended before the period: not counted at all
//   2.1 = (d1 d3 d4 d5 d6) 5 / 6 = 83.33 %; with the apology policy 4 / 6 = 66.67 %
//   2.2 = (4 + 5.875 + 5.5) / 3 = 5.125 → 5.13 working days (d6 is not in the cohort, d3 has no time, d5 is open)
//   3.3 = online d1 / received d1–d5 = 1/5 = 20 %; postal 20 %, direct 60 %
//   5.4 over d1–d6: late d2 (1/6); PAKN about d1 and a dislike of d4 (2/6) → 100 − 16.67 − 33.33 = 50 %
// ---------------------------------------------------------------------------------------------
const received = (id: string, when: string, channel: Dossier['channel'] = 'direct') =>
  receiveDossier({ ...INTAKE, id, channel }, at(when), calendar).dossier;

const DOSSIERS: IndicatorDossier[] = [
  finishAll(received('d1', '2026-11-18 10:00', 'online'), '2026-11-24 10:00'),
  finishAll(received('d2', '2026-11-18 10:00'), '2026-11-26 09:00'),
  withdraw(received('d3', '2026-11-18 10:00'), at('2026-11-20 10:00')).dossier,
  finishAll(issueApology(received('d4', '2026-11-18 10:00'), { reason: 'Chờ xác minh', newDueAt: at('2026-12-04 17:00') }, at('2026-11-20 09:00')).dossier, '2026-11-25 15:00'),
  received('d5', '2026-11-24 10:00', 'postal'),
  finishAll(received('d6', '2026-11-10 10:00'), '2026-11-17 10:00'),
  finishAll(received('d7', '2026-11-02 10:00'), '2026-11-06 10:00'),
].map((dossier) => ({ dossier, fieldName: 'Chứng thực' }));

const clock = (receivedAt: string, more: Partial<IndicatorPakn['clock']> = {}): IndicatorPakn['clock'] => ({
  receivedAt: at(receivedAt),
  infoRequests: [],
  answeredAt: null,
  rejectedAt: null,
  publishedAt: null,
  ...more,
});
const paknOf = (id: string, over: Partial<IndicatorPakn>): IndicatorPakn => ({
  id,
  code: `PA-${id}`,
  category: 'attitude',
  categoryLabel: { vi: 'Thái độ', en: 'Attitude' },
  status: 'received',
  dossierId: null,
  officerId: null,
  receivedAt: at('2026-11-16 09:00'),
  answeredAt: null,
  citizenSatisfied: null,
  clock: clock('2026-11-16 09:00'),
  ...over,
});

// PAKN: p1 about d1, answered in 3 days and published the next day, citizen satisfied → on time;
// p2 received Mon 16/11, rejected Thu 19/11 09:00 (after the 2-working-day deadline 18/11 17:00) → late;
// p3 received Mon 23/11, still unanswered on 27/11 (answer due 14/12) → on time so far.
const PAKN: IndicatorPakn[] = [
  paknOf('p1', {
    category: 'processing-time',
    categoryLabel: { vi: 'Thời gian giải quyết', en: 'Processing time' },
    status: 'published',
    dossierId: 'd1',
    receivedAt: at('2026-11-16 09:00'),
    answeredAt: at('2026-11-19 09:00'),
    citizenSatisfied: true,
    clock: clock('2026-11-16 09:00', { answeredAt: at('2026-11-19 09:00'), publishedAt: at('2026-11-20 09:00') }),
  }),
  paknOf('p2', { status: 'rejected', clock: clock('2026-11-16 09:00', { rejectedAt: at('2026-11-19 09:00') }) }),
  paknOf('p3', { receivedAt: at('2026-11-23 09:00'), clock: clock('2026-11-23 09:00') }),
];

const PROCEDURES: IndicatorProcedure[] = [
  { id: 'pr1', code: '2.000908', fieldName: 'Chứng thực', active: true, version: { name: 'Cấp bản sao từ sổ gốc', agency: 'UBND', rules: [{ channel: 'direct', amount: 5, unit: 'working-days', feeDong: 0, feeText: '', description: '' }], documents: [{ name: 'Tờ khai', copies: '', mandatory: true }], steps: INTAKE.procedure.steps, resultText: 'Bản sao' } },
  { id: 'pr2', code: '1.001193', fieldName: 'Hộ tịch', active: true, version: { name: 'Khai sinh', agency: 'UBND', rules: [], documents: [], steps: [], resultText: '' } },
  { id: 'pr3', code: '1.000001', fieldName: 'Hộ tịch', active: false, version: null },
];

const input = (over: Partial<IndicatorInput> = {}): IndicatorInput => ({
  period: periodInstants('2026-11-16', '2026-11-27'),
  now: at('2026-11-30 08:00'),
  dossiers: DOSSIERS,
  procedures: PROCEDURES,
  ratings: [
    { dossierId: 'd4', reportsAs: 'dissatisfied', at: at('2026-11-26 10:00') },
    { dossierId: 'd2', reportsAs: 'satisfied', at: at('2026-11-26 10:00') },
  ],
  pakn: PAKN,
  officerNames: new Map([['o-hoa', 'Trần Văn Hòa']]),
  calendar,
  options: { groupBy: 'none', apologyCountsAsLate: false },
  ...over,
});

describe('the indicators of a worked example', () => {
  const { indicators: r, notes, points, maxPoints } = computeIndicatorsFrom(input());

  it('2.1 counts the withdrawn dossier with its withdrawal as its end, and the one received before the period', () => {
    expect(r['2.1']).toMatchObject({ value: 83.33, numerator: 5, denominator: 6, points: 16.67 });
    expect(r['2.1'].denominatorIds.sort()).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(notes['2.1'].get('d3')).toMatchObject({ status: 'early' });
    expect(notes['2.1'].get('d3')!.whyVi).toContain('rút hồ sơ');
    expect(notes['2.1'].get('d5')).toMatchObject({ status: 'open-within-time' });
  });

  it('2.2 averages the cohort received in the period, in working days', () => {
    expect(r['2.2']).toMatchObject({ value: 5.13, numerator: 15.38, denominator: 3, unit: 'working-days', points: null });
    expect(r['2.2'].numeratorIds.sort()).toEqual(['d1', 'd2', 'd4']);
    expect(notes['2.2'].get('d2')).toMatchObject({ measure: 5.88 });
    expect(r['2.2'].extra[0]).toMatchObject({ key: 'unfinished', value: 1, numeratorIds: ['d5'] });
  });

  it('3.3 and its direct and postal shares', () => {
    expect(r['3.3']).toMatchObject({ value: 20, numerator: 1, denominator: 5, points: 1.6 });
    expect(r['3.3'].extra.map((f) => [f.key, f.value, f.numeratorIds])).toEqual([
      ['direct', 60, ['d2', 'd3', 'd4']],
      ['postal', 20, ['d5']],
    ]);
  });

  it('1.3 over the active catalogue', () => {
    expect(r['1.3']).toMatchObject({ value: 50, numerator: 1, denominator: 2, points: 2, numeratorIds: ['pr1'] });
    expect(notes['1.3'].get('pr2')!.whyVi).toBe('Thiếu: trình tự thực hiện, cách thức thực hiện, thành phần hồ sơ, thời hạn giải quyết, kết quả thực hiện');
  });

  it('4.1 and 4.2 are not computable and say why', () => {
    for (const id of ['4.1', '4.2'] as const) expect(r[id]).toMatchObject({ computable: false, value: null, points: null, maxPoints: 4, numeratorIds: [] });
  });

  it('5.1–5.3 on the PAKN received in the period, deadlines on the working calendar', () => {
    expect(r['5.1']).toMatchObject({ value: 3, points: null });
    expect(r['5.1'].extra.map((f) => [f.labelVi, f.value])).toEqual([['Thái độ', 2], ['Thời gian giải quyết', 1]]);
    expect(r['5.2']).toMatchObject({ value: 66.67, numerator: 2, denominator: 3, points: 4 });
    expect(notes['5.2'].get('p2')!.whyVi).toContain('từ chối');
    expect(r['5.3']).toMatchObject({ value: 100, numerator: 1, denominator: 1, points: 6 });
  });

  it('5.4 = 100 − late % − % with a PAKN or a dislike, over the 2.1 dossiers', () => {
    expect(r['5.4']).toMatchObject({ value: 50, numerator: 3, denominator: 6, points: 3.33 });
    expect(r['5.4'].extra.map((f) => [f.key, f.numeratorIds.sort()])).toEqual([
      ['late', ['d2']],
      ['pakn-or-dislike', ['d1', 'd4']],
    ]);
    expect(r['5.4'].numeratorIds.sort()).toEqual(['d3', 'd5', 'd6']);
  });

  it('adds up the points of what could be computed', () => {
    // 2 + 16.67 + 1.6 + 4 + 6 + 3.33
    expect(points).toBe(33.6);
    expect(maxPoints).toBe(46);
  });

  it('with the apology policy the apologised dossier is late everywhere', () => {
    const strict = computeIndicatorsFrom(input({ options: { groupBy: 'none', apologyCountsAsLate: true } })).indicators;
    expect(strict['2.1']).toMatchObject({ value: 66.67, numerator: 4 });
    // late d2 d4 (2/6), PAKN/dislike d1 d4 (2/6): 100 − 33.33 − 33.33 = 33.33
    expect(strict['5.4']).toMatchObject({ value: 33.33, numerator: 2 });
  });

  it('the floor of 5.4 is 0', () => {
    const ratings = DOSSIERS.map((x) => ({ dossierId: x.dossier.id, reportsAs: 'dissatisfied' as const, at: at('2026-11-26 10:00') }));
    const all = computeIndicatorsFrom(input({ ratings })).indicators['5.4'];
    // late 1/6 + disliked 6/6 > 100 %
    expect(all).toMatchObject({ value: 0, numerator: 0, points: 0 });
  });

  it('groups by procedure in the procedure’s own unit, by officer and by unit', () => {
    const days = (id: string) =>
      finishAll(receiveDossier({ ...INTAKE, id, procedure: { ...INTAKE.procedure, code: '1.013225', processingTime: { amount: 15, unit: 'days' } } }, at('2026-11-18 10:00'), calendar).dossier, '2026-11-23 10:00');
    const dossiers = [...DOSSIERS, { dossier: days('d8'), fieldName: 'Xây dựng' }];
    const byProcedure = computeIndicatorsFrom(input({ dossiers, options: { groupBy: 'procedure', apologyCountsAsLate: false } })).indicators;
    expect(byProcedure['2.2'].groups.map((g) => [g.key, g.value, g.unit])).toEqual([
      // 5 calendar days (Wed → Mon)
      ['1.013225', 5, 'days'],
      ['2.000908', 5.13, 'working-days'],
    ]);
    // The whole centre mixes units: working days, (4 + 5.875 + 5.5 + 3) / 4 = 4.59
    expect(byProcedure['2.2']).toMatchObject({ value: 4.59, unit: 'working-days' });
    const byField = computeIndicatorsFrom(input({ dossiers, options: { groupBy: 'field', apologyCountsAsLate: false } })).indicators;
    expect(byField['2.1'].groups.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Chứng thực', 5, 6], ['Xây dựng', 1, 1]]);
    const byOfficer = computeIndicatorsFrom(input({ options: { groupBy: 'officer', apologyCountsAsLate: false } })).indicators;
    // o-hoa received all six; o-minh (the fixtures' sign-off) finished the steps of the five that were processed.
    expect(byOfficer['2.1'].groups.map((g) => [g.label, g.denominator])).toEqual([['Lê Minh', 4], ['Trần Văn Hòa', 6]]);
    const byUnit = computeIndicatorsFrom(input({ options: { groupBy: 'unit', apologyCountsAsLate: false } })).indicators;
    expect(byUnit['2.1'].groups.map((g) => g.key)).toEqual(['Lãnh đạo UBND', 'Phòng Tư pháp', 'Văn thư']);
    expect(computeIndicatorsFrom(input()).indicators['2.1'].groups).toEqual([]);
  });
});
