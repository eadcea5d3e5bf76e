/** The pure helpers of the "Đánh giá 9 chỉ số" section: quarters, URLs and typed scores. */
import { describe, expect, it } from 'vitest';
import { evaluationDossiersUrl, evaluationUrl, evaluationXlsxUrl, formatPoints, quarterOfDay, readScore, scoreText, yearOptions } from '../../src/web/manage/evaluation-text';

describe('evaluation section helpers', () => {
  it('picks the quarter of a hall day and offers this year and the four before', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOfDay)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(yearOptions('2026-12-03')).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it('builds the report, workbook and drill-down URLs with the subject encoded', () => {
    expect(evaluationUrl('2026-Q4', 'unit')).toBe('/api/v1/manage/evaluation?quarter=2026-Q4&by=unit');
    expect(evaluationXlsxUrl('2026-Q4', 'officer')).toBe('/api/v1/manage/evaluation.xlsx?quarter=2026-Q4&by=officer');
    expect(evaluationDossiersUrl('2026-Q4', 'unit', 'Bộ phận Một cửa', 7)).toBe(
      '/api/v1/manage/evaluation/2026-Q4/dossiers?by=unit&subject=B%E1%BB%99+ph%E1%BA%ADn+M%E1%BB%99t+c%E1%BB%ADa&indicator=7',
    );
  });

  it('reads typed scores: empty is "not scored", a comma is a decimal point, junk is NaN (never a silent blank)', () => {
    expect(readScore('')).toBeNull();
    expect(readScore(' 1,5 ')).toBe(1.5);
    expect(readScore('2')).toBe(2);
    expect(readScore('hai')).toBeNaN();
    expect(scoreText(1.5, 'vi')).toBe('1,5');
    expect(scoreText(1.5, 'en')).toBe('1.5');
    expect(scoreText(null, 'vi')).toBe('');
    expect(formatPoints(13.5, 'vi')).toBe('13,5');
    expect(formatPoints(null, 'en')).toBe('—');
  });
});
