import { describe, expect, it } from 'vitest';
import { ratingCriteriaProblems, ratingScaleProblems } from '../../src/contracts/rating-scale';
import { assertRatable, pendingReturns, scoreDossierRating, type CounterEvent } from '../../src/core/rating/dossier-rating';
import { isAppError } from '../../src/core/shared/app-error';

const THREE = [
  { value: 3, reportsAs: 'very-satisfied' as const },
  { value: 2, reportsAs: 'satisfied' as const },
  { value: 1, reportsAs: 'dissatisfied' as const },
];
/** The ministries' 5 levels with "Bình thường" (3) counted as the centre decides. */
const five = (neutral: 'satisfied' | 'dissatisfied') => [
  { value: 5, reportsAs: 'very-satisfied' as const },
  { value: 4, reportsAs: 'satisfied' as const },
  { value: 3, reportsAs: neutral },
  { value: 2, reportsAs: 'dissatisfied' as const },
  { value: 1, reportsAs: 'dissatisfied' as const },
];
const CRITERIA = [{ key: 'time' }, { key: 'attitude' }, { key: 'guidance' }, { key: 'result' }];

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe('scoring a dossier rating', () => {
  it.each([
    ['3-level, top', THREE, 3, 'very-satisfied'],
    ['3-level, bottom', THREE, 1, 'dissatisfied'],
    ['5-level, neutral counted satisfied', five('satisfied'), 3, 'satisfied'],
    ['5-level, neutral counted dissatisfied', five('dissatisfied'), 3, 'dissatisfied'],
    ['5-level, "Hài lòng"', five('dissatisfied'), 4, 'satisfied'],
  ] as const)('%s', (_, scale, value, reportsAs) => {
    const scored = scoreDossierRating(scale, CRITERIA, { value, criteria: [], comment: null });
    expect(scored).toEqual({ value, scaleSize: scale.length, reportsAs, criteria: [], comment: null });
  });

  it('maps each criterion on the same scale, in the centre’s order, and trims the comment', () => {
    const scored = scoreDossierRating(five('dissatisfied'), CRITERIA, {
      value: 4,
      criteria: [
        { key: 'result', value: 3 },
        { key: 'time', value: 5 },
      ],
      comment: '   ',
    });
    expect(scored.criteria).toEqual([
      { key: 'time', value: 5, reportsAs: 'very-satisfied' },
      { key: 'result', value: 3, reportsAs: 'dissatisfied' },
    ]);
    expect(scored.comment).toBeNull();
  });

  it('refuses a level not on the scale, an unknown or repeated criterion, a long comment', () => {
    expect(codeOf(() => scoreDossierRating(THREE, CRITERIA, { value: 5, criteria: [], comment: null }))).toBe('INVALID_SCORE');
    expect(codeOf(() => scoreDossierRating(THREE, CRITERIA, { value: 3, criteria: [{ key: 'time', value: 4 }], comment: null }))).toBe('INVALID_SCORE');
    expect(codeOf(() => scoreDossierRating(THREE, CRITERIA, { value: 3, criteria: [{ key: 'speed', value: 3 }], comment: null }))).toBe('VALIDATION_FAILED');
    const twice = [
      { key: 'time', value: 3 },
      { key: 'time', value: 1 },
    ];
    expect(codeOf(() => scoreDossierRating(THREE, CRITERIA, { value: 3, criteria: twice, comment: null }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => scoreDossierRating(THREE, CRITERIA, { value: 3, criteria: [], comment: 'x'.repeat(1001) }))).toBe('VALIDATION_FAILED');
  });

  it('rates a returned dossier only', () => {
    expect(codeOf(() => assertRatable({ code: 'X-261125-0001', status: 'returned' }))).toBeNull();
    for (const status of ['in-progress', 'result-ready', 'supplement-requested', 'refused', 'withdrawn']) {
      expect(codeOf(() => assertRatable({ code: 'X-261125-0001', status }))).toBe('DOSSIER_NOT_RETURNED');
    }
  });
});

describe('which returned dossiers a counter’s rating screen asks about', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 2, 0, s));
  const returned = (id: string, s: number): CounterEvent => ({ type: 'dossier.returned', at: at(s), facts: { dossierId: id } });
  const started = (s: number): CounterEvent => ({ type: 'ticket.started', at: at(s), facts: {} });
  const finished = (s: number): CounterEvent => ({ type: 'ticket.finished', at: at(s), facts: {} });
  const ids = (events: CounterEvent[], now: number) => pendingReturns(events, at(now), 120).map((p) => p.dossierId);

  it.each([
    ['returned during the service, asked at once', [returned('a', 60), started(0)], 100, ['a']],
    ['timeout counted from the end of that service', [finished(600), returned('a', 60), started(0)], 700, ['a']],
    ['gone once the timeout after the end passed', [finished(600), returned('a', 60), started(0)], 721, []],
    ['gone once the next citizen is served', [started(700), finished(600), returned('a', 60), started(0)], 701, []],
    ['returned without a ticket: from the return', [returned('a', 10)], 129, ['a']],
    ['returned without a ticket: expired', [returned('a', 10)], 131, []],
    ['two dossiers of one visit, oldest first', [returned('b', 90), returned('a', 60), started(0)], 100, ['a', 'b']],
    ['the previous visit’s return is not asked again', [returned('b', 700), started(650), finished(600), returned('a', 60)], 710, ['b']],
  ] as const)('%s', (_, events, now, expected) => {
    expect(ids([...events], now)).toEqual(expected);
  });

  it('says when the question closes', () => {
    const [p] = pendingReturns([finished(600), returned('a', 60), started(0)], at(601), 120);
    expect(p!.expiresAt).toEqual(at(720));
    expect(p!.returnedAt).toEqual(at(60));
  });
});

describe('rating scale and criteria rules', () => {
  it('accepts the 3- and 5-level presets, either way for "Bình thường"', () => {
    expect(ratingScaleProblems(THREE)).toEqual([]);
    expect(ratingScaleProblems(five('satisfied'))).toEqual([]);
    expect(ratingScaleProblems(five('dissatisfied'))).toEqual([]);
  });

  it('needs a dissatisfied and a satisfied option, best first, distinct values', () => {
    expect(ratingScaleProblems(THREE.map((o) => ({ ...o, reportsAs: 'satisfied' as const })))).toEqual(['scale-no-dissatisfied']);
    expect(ratingScaleProblems(THREE.map((o) => ({ ...o, reportsAs: 'dissatisfied' as const })))).toEqual(['scale-no-satisfied']);
    expect(ratingScaleProblems([...THREE].reverse())).toEqual(['scale-order']);
    expect(ratingScaleProblems([THREE[0]!, { value: 2, reportsAs: 'dissatisfied' }, { value: 1, reportsAs: 'satisfied' }])).toEqual(['scale-order']);
    expect(ratingScaleProblems([THREE[0]!, { value: 3, reportsAs: 'dissatisfied' }])).toEqual(['value-duplicate']);
  });

  it('criteria: at most 12, keys a–z with hyphens, unique, both names', () => {
    const c = (key: string, labelVi = 'Tên', labelEn = 'Name') => ({ key, labelVi, labelEn });
    expect(ratingCriteriaProblems([c('time'), c('on-time')])).toEqual([]);
    expect(ratingCriteriaProblems([c('Thái độ')])).toEqual(['criterion-key']);
    expect(ratingCriteriaProblems([c('time'), c('time')])).toEqual(['criterion-key-duplicate']);
    expect(ratingCriteriaProblems([c('time', '')])).toEqual(['criterion-label']);
    expect(ratingCriteriaProblems(Array.from({ length: 13 }, (_, i) => c(`c-${'abcdefghijklm'[i]}`)))).toEqual(['criteria-count']);
  });
});
