import { describe, expect, it } from 'vitest';
import { isWeekend } from '../calendar/iso-date';
import { addWorkingDays, DEFAULT_TEMPLATE, rollUpFigure, schedulePeriods, submissionState, templateProblem } from './reports';

describe('report periods and deadlines', () => {
  it('six-monthly schedules have two halves', () => {
    expect(schedulePeriods('six-monthly', 2026).map((p) => [p.from, p.to])).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ]);
  });

  const holidays = new Set(['2027-01-01']);
  const working = (d: string) => !isWeekend(d) && !holidays.has(d);
  it.each([
    ['2026-03-31', 5, '2026-04-07'],
    ['2026-12-31', 5, '2027-01-08'],
    ['2026-12-31', 1, '2027-01-04'],
    ['2026-10-03', 0, '2026-10-05'],
    ['2026-10-02', 0, '2026-10-02'],
  ])('%s + %d working days is %s', (day, n, due) => {
    expect(addWorkingDays(day, n, working)).toBe(due);
  });
});

describe('where a submission stands', () => {
  it.each([
    [null, '2026-11-20', 'pending'],
    [null, '2026-11-28', 'missing'],
    [{ status: 'draft' as const, submittedDay: null }, '2026-11-20', 'draft'],
    [{ status: 'draft' as const, submittedDay: null }, '2026-11-28', 'missing'],
    [{ status: 'submitted' as const, submittedDay: '2026-11-27' }, '2026-12-30', 'submitted'],
    [{ status: 'submitted' as const, submittedDay: '2026-11-28' }, '2026-12-30', 'late'],
  ])('%j on %s (due 27/11) is %s', (submission, today, state) => {
    expect(submissionState(submission, '2026-11-27', today)).toBe(state);
  });
});

describe('rolling figures up', () => {
  it('sums counts', () => {
    expect(rollUpFigure('count', [{ value: 10, numerator: 10, denominator: null }, { value: 2, numerator: null, denominator: null }, { value: null, numerator: null, denominator: null }])).toEqual({
      value: 12,
      how: 'Tổng của 2 đơn vị',
    });
  });
  it('recomputes rates from the summed numerators and denominators, not the mean of the rates', () => {
    // 9/10 and 50/100: 59/110 = 53.6 %, where the mean of 90 % and 50 % would say 70 %.
    expect(rollUpFigure('%', [{ value: 90, numerator: 9, denominator: 10 }, { value: 50, numerator: 50, denominator: 100 }]).value).toBe(53.6);
  });
  it('averages when a unit gave only a rate', () => {
    expect(rollUpFigure('%', [{ value: 90, numerator: 9, denominator: 10 }, { value: 70, numerator: null, denominator: null }])).toEqual({
      value: 80,
      how: 'Trung bình cộng tỷ lệ của 2 đơn vị',
    });
  });
  it('has nothing to say without figures', () => {
    expect(rollUpFigure('%', []).value).toBeNull();
  });
});

describe('templates', () => {
  it('the default template is usable; two sections with one key are not', () => {
    expect(templateProblem(DEFAULT_TEMPLATE)).toBeNull();
    const twice = { sections: [DEFAULT_TEMPLATE.sections[0]!, DEFAULT_TEMPLATE.sections[0]!] };
    expect(templateProblem(twice)).toBe('mẫu báo cáo có hai mục cùng khóa "direction"');
  });
});
