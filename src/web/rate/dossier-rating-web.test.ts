import { describe, expect, it } from 'vitest';
import { answerOf, answerReducer, START } from './dossier-rating-answer';
import { ratingHrefFromLookup, ratingLinkOf } from './dossier-rating-link';
import { applyTone, pressKey } from './vietnamese-keys';
import { draftToSettings, neutralOption, newCriterion, scalePreset, settingsToDraft, type QueueSettings } from '../manage/settings-form';

describe('the on-screen keyboard writes Vietnamese', () => {
  it.each([
    ['nguoi', 'grave', 'nguòi'],
    ['người', 'acute', 'ngưới'],
    ['ngươi', 'grave', 'người'],
    ['tôt', 'acute', 'tốt'],
    ['hoan', 'grave', 'hoàn'],
    ['hoa', 'grave', 'hoà'],
    ['mua', 'acute', 'múa'],
    ['qua', 'acute', 'quá'],
    ['gia', 'grave', 'già'],
    ['ngoai', 'grave', 'ngoài'],
    ['nhiêu', 'grave', 'nhiều'],
    ['Tôt', 'dot', 'Tột'],
    ['rât tôt', 'acute', 'rât tốt'],
    ['xyz', 'acute', 'xýz'],
    ['bcd', 'acute', 'bcd'],
  ] as const)('%s + %s → %s', (text, tone, expected) => {
    expect(applyTone(text, tone)).toBe(expected);
  });

  it('types, spaces once and erases one letter', () => {
    let text = '';
    for (const char of 'tot') text = pressKey(text, { kind: 'char', char });
    text = pressKey(text, { kind: 'tone', tone: 'acute' });
    text = pressKey(pressKey(text, { kind: 'space' }), { kind: 'space' });
    expect(text).toBe('tót ');
    expect(pressKey(pressKey(text, { kind: 'backspace' }), { kind: 'backspace' })).toBe('tó');
    expect(pressKey('', { kind: 'space' })).toBe('');
  });
});

describe('answering a dossier rating', () => {
  const criteria = [{ key: 'time' }, { key: 'attitude' }, { key: 'result' }];
  it('overall first, then optional criteria (touch again to clear) and a comment', () => {
    let s = answerReducer(START, { type: 'overall', value: 2 });
    expect(s.step).toBe('details');
    s = answerReducer(s, { type: 'criterion', key: 'result', value: 1 });
    s = answerReducer(s, { type: 'criterion', key: 'time', value: 3 });
    s = answerReducer(s, { type: 'criterion', key: 'attitude', value: 2 });
    s = answerReducer(s, { type: 'criterion', key: 'attitude', value: 2 });
    s = answerReducer(s, { type: 'comment', text: '  Nhanh gọn  ' });
    expect(answerOf(s, criteria)).toEqual({
      value: 2,
      criteria: [
        { key: 'time', value: 3 },
        { key: 'result', value: 1 },
      ],
      comment: 'Nhanh gọn',
    });
    expect(answerOf(START, criteria)).toBeNull();
    expect(answerReducer(s, { type: 'back' }).step).toBe('overall');
  });
});

describe('rating links', () => {
  it('reads code, token and how the citizen came', () => {
    expect(ratingLinkOf('?code=000.00.16.h26-261125-0001&t=abcDEF12_-xyz')).toEqual({ code: '000.00.16.H26-261125-0001', token: 'abcDEF12_-xyz', via: 'qr' });
    expect(ratingLinkOf('?code=X-261125-0001&t=abcDEF12_-xyz&via=lookup')?.via).toBe('lookup');
    expect(ratingLinkOf('?code=X-261125-0001')).toBeNull();
    expect(ratingLinkOf('?t=abcDEF12_-xyz')).toBeNull();
  });

  it('the lookup page offers the rating only for the code its token came with', () => {
    expect(ratingHrefFromLookup('?code=X-261125-0001&t=abcDEF12_-xyz', 'X-261125-0001')).toBe('/danh-gia?code=X-261125-0001&t=abcDEF12_-xyz&via=lookup');
    expect(ratingHrefFromLookup('?code=X-261125-0001&t=abcDEF12_-xyz', 'X-261125-0002')).toBeNull();
    expect(ratingHrefFromLookup('?code=X-261125-0001', 'X-261125-0001')).toBeNull();
  });
});

describe('settings form: criteria and the 5→3 mapping', () => {
  const settings: QueueSettings = {
    fairnessQuota: 2,
    transferKeepsArrivalTime: true,
    noShowToleranceMinutes: 30,
    announceRepeat: 2,
    speechRate: 0.9,
    resultsSlideQuietMinutes: 2,
    resultsSlideWhileWaiting: false,
    ratingScale: [
      { value: 3, labelVi: 'Rất hài lòng', labelEn: 'Very satisfied', reportsAs: 'very-satisfied' },
      { value: 2, labelVi: 'Hài lòng', labelEn: 'Satisfied', reportsAs: 'satisfied' },
      { value: 1, labelVi: 'Không hài lòng', labelEn: 'Not satisfied', reportsAs: 'dissatisfied' },
    ],
    ratingTimeoutSeconds: 120,
    slipFooter: [],
    publicBaseUrl: '',
    ratingCriteria: [
      { key: 'time', labelVi: 'Thời gian giải quyết', labelEn: 'Processing time' },
      { key: 'attitude', labelVi: 'Thái độ của cán bộ', labelEn: 'Staff attitude' },
    ],
  };

  it('round-trips the criteria and adds new ones with unused keys', () => {
    const draft = settingsToDraft(settings);
    expect(draftToSettings(draft)).toEqual({ ok: true, settings });
    const added = newCriterion(draft.ratingCriteria);
    expect(added.code).toBe('tieu-chi');
    expect(newCriterion([...draft.ratingCriteria, added]).code).toBe('tieu-chi-b');
  });

  it('points at a bad key, a repeated key, a missing name', () => {
    const draft = settingsToDraft(settings);
    draft.ratingCriteria = [...draft.ratingCriteria, { ...draft.ratingCriteria[0]! , rowKey: 'x' }, { rowKey: 'y', code: 'Thái độ', labelVi: 'x', labelEn: 'x' }, { rowKey: 'z', code: 'ok', labelVi: '', labelEn: 'x' }];
    const result = draftToSettings(draft);
    expect(!result.ok && [...result.hints.criteria!]).toEqual([
      [2, 'criterion-key-duplicate'],
      [3, 'criterion-key'],
      [4, 'criterion-label'],
    ]);
  });

  it('the 5-level preset: "Bình thường" is the option the centre maps; without a dissatisfied option it cannot be saved', () => {
    const draft = { ...settingsToDraft(settings), ratingScale: scalePreset(5) };
    expect(neutralOption(draft.ratingScale)?.value).toBe('3');
    draft.ratingScale = draft.ratingScale.map((o) => ({ ...o, reportsAs: o.reportsAs === 'dissatisfied' ? 'satisfied' : o.reportsAs }));
    const result = draftToSettings(draft);
    expect(!result.ok && result.hints.ratingScale).toBe('scale-no-dissatisfied');
  });
});
