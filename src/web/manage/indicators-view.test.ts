import { describe, expect, it } from 'vitest';
import { choiceForToday, daysOf, formatFigure, formatPoints, formatRatio, indicatorsUrl, itemsUrl } from './indicators-view';

describe('the period picker', () => {
  const today = choiceForToday('2026-12-03');
  it.each([
    [today, { from: '2026-12-01', to: '2026-12-31', labelVi: 'Tháng 12/2026' }],
    [{ ...today, kind: 'quarter' as const, index: 3 }, { from: '2026-07-01', to: '2026-09-30', labelVi: 'Quý III/2026' }],
    [{ ...today, kind: 'first-half' as const }, { from: '2026-01-01', to: '2026-06-30' }],
    [{ ...today, kind: 'nine-months' as const, year: 2025 }, { from: '2025-01-01', to: '2025-09-30' }],
    [{ ...today, kind: 'year' as const }, { from: '2026-01-01', to: '2026-12-31', labelEn: 'Year 2026' }],
    [{ ...today, kind: 'custom' as const, from: '2026-11-16', to: '2026-11-27' }, { from: '2026-11-16', to: '2026-11-27' }],
  ])('%j', (choice, expected) => {
    expect(daysOf(choice)).toMatchObject(expected);
  });

  it('asks the API for the period, the grouping and the figure', () => {
    expect(indicatorsUrl({ from: '2026-11-01', to: '2026-11-30' }, 'field')).toBe('/api/v1/manage/indicators?from=2026-11-01&to=2026-11-30&groupBy=field');
    expect(itemsUrl('5.4', { from: '2026-11-01', to: '2026-11-30' }, 'field', 'late', 'Hộ tịch')).toBe(
      '/api/v1/manage/indicators/5.4/items?from=2026-11-01&to=2026-11-30&groupBy=field&figure=late&group=H%E1%BB%99+t%E1%BB%8Bch',
    );
  });
});

describe('figures as a manager reads them', () => {
  it.each([
    [75, '%', 'vi', '75 %'],
    [14.29, '%', 'vi', '14,29 %'],
    [14.29, '%', 'en', '14.29%'],
    [3.8, 'working-days', 'vi', '3,8 ngày làm việc'],
    [3, 'days', 'en', '3 days'],
    [4, 'count', 'vi', '4'],
    [null, '%', 'vi', '—'],
  ] as const)('%s %s (%s) → %s', (value, unit, lang, expected) => {
    expect(formatFigure(value, unit, lang)).toBe(expected);
  });

  it('ratios and points', () => {
    expect(formatRatio(6, 8, 'vi')).toBe('6 / 8');
    expect(formatRatio(4, null, 'vi')).toBe('4');
    expect(formatRatio(null, null, 'vi')).toBe('—');
    expect(formatPoints(14.29, 20, 'vi')).toBe('14,29 / 20');
    expect(formatPoints(null, 4, 'en')).toBe('— / 4');
    expect(formatPoints(null, 0, 'en')).toBe('—');
  });
});
