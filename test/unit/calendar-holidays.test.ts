/**
 * Public holidays of a year: the legal baseline (Labour Code art. 112 + days in lieu, art. 111) that
 * DOMAIN-VN §4 gives for 2025–2027, the 2/9 companion day, and admin adjustments on top.
 */
import { describe, expect, it } from 'vitest';
import { ANNOUNCED_SWAPS } from '../../src/core/calendar/announced-swaps';
import type { CalendarAdjustment } from '../../src/core/calendar/calendar-types';
import { holidaysOfYear } from '../../src/core/calendar/holidays';
import { isoWeekdayOf } from '../../src/core/calendar/iso-date';

const datesOf = (year: number, adjustments: CalendarAdjustment[] = []) =>
  holidaysOfYear(year, adjustments).map((day) => day.date);

describe('legal baseline (python-holidays, as quoted in DOMAIN-VN §4)', () => {
  it.each([
    [
      2025,
      // Tết Ất Tỵ = 29/1; mùng 4 falls on Saturday 1/2, made up on Monday 27/1.
      ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '02-01', '04-07', '04-30', '05-01', '09-01', '09-02'],
    ],
    [
      2026,
      // Hùng Kings on Sunday 26/4 → Monday 27/4 off.
      ['01-01', '02-16', '02-17', '02-18', '02-19', '02-20', '04-26', '04-27', '04-30', '05-01', '09-01', '09-02'],
    ],
    [
      2027,
      // Tết Đinh Mùi = Saturday 6/2: made up on Thursday 4/2 and, for Sunday 7/2, on Wednesday 10/2.
      ['01-01', '02-04', '02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '04-16', '04-30', '05-01', '05-03', '09-02', '09-03'],
    ],
  ])('%i', (year, expected) => {
    expect(datesOf(year)).toEqual(expected.map((md) => `${year}-${md}`));
  });

  it.each([
    ['2025-01-27', 'compensatory'],
    ['2025-02-01', 'holiday'],
    ['2026-04-26', 'holiday'],
    ['2026-04-27', 'compensatory'],
    ['2027-02-04', 'compensatory'],
    ['2027-02-10', 'compensatory'],
    ['2027-05-03', 'compensatory'],
    ['2027-09-03', 'holiday'],
  ])('%s is a %s', (date, kind) => {
    const day = holidaysOfYear(Number(date.slice(0, 4))).find((d) => d.date === date);
    expect(day?.kind).toBe(kind);
  });

  it('names the days in Vietnamese', () => {
    const names = Object.fromEntries(holidaysOfYear(2026).map((d) => [d.date, d.name]));
    expect(names['2026-01-01']).toBe('Tết Dương lịch');
    expect(names['2026-02-16']).toBe('Tết Nguyên đán (29 tháng Chạp)');
    expect(names['2026-02-17']).toBe('Tết Nguyên đán (mùng 1 tháng Giêng)');
    expect(names['2026-04-26']).toBe('Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(names['2026-04-27']).toMatch(/^Nghỉ bù Giỗ Tổ Hùng Vương/);
    expect(names['2026-04-30']).toBe('Ngày Chiến thắng 30/4');
    expect(names['2026-05-01']).toBe('Ngày Quốc tế Lao động 1/5');
    expect(names['2026-09-02']).toBe('Quốc khánh 2/9');
    // The last day of the year is the 30th when tháng Chạp is long.
    expect(holidaysOfYear(2024).find((d) => d.date === '2024-02-09')?.name).toBe('Tết Nguyên đán (30 tháng Chạp)');
  });

  it('returns the days sorted by date, without duplicates', () => {
    for (const year of [1995, 2000, 2013, 2023, 2024, 2099]) {
      const dates = datesOf(year);
      expect(dates).toEqual([...new Set(dates)].sort());
    }
  });
});

describe('Quốc khánh: 2/9 and one adjacent day since 2021', () => {
  it.each([
    [2024, 'Mon', ['09-02', '09-03']],
    [2025, 'Tue', ['09-01', '09-02']],
    [2026, 'Wed', ['09-01', '09-02']],
    [2027, 'Thu', ['09-02', '09-03']],
    [2022, 'Fri', ['09-01', '09-02']],
    // 2/9 on Saturday: Friday 1/9 is the companion and Monday 4/9 the day in lieu.
    [2023, 'Sat', ['09-01', '09-02', '09-04']],
    // 2/9 on Sunday: Monday 3/9 is the companion, so the day in lieu is Tuesday 4/9.
    [2029, 'Sun', ['09-02', '09-03', '09-04']],
    // Before the 2019 Labour Code took effect there was no companion day.
    [2020, 'Wed', ['09-02']],
  ])('%i (2/9 is a %s): %j', (year, weekday, expected) => {
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][isoWeekdayOf(`${year}-09-02`) - 1]).toBe(weekday);
    expect(datesOf(year).filter((d) => d.slice(5, 7) === '09')).toEqual(expected.map((md) => `${year}-${md}`));
  });
});

describe('rules that changed over time', () => {
  it('Hùng Kings day is a public holiday from 2007', () => {
    expect(holidaysOfYear(2006).some((d) => d.name.includes('Hùng Vương'))).toBe(false);
    expect(datesOf(2007)).toContain('2007-04-26');
  });

  it('Tết has four days until 2012 and five from 2013', () => {
    const tetDays = (year: number) => holidaysOfYear(year).filter((d) => d.kind === 'holiday' && d.name.startsWith('Tết Nguyên đán')).length;
    expect(tetDays(2012)).toBe(4);
    expect(tetDays(2013)).toBe(5);
  });

  it('a chain of weekend holidays pushes days in lieu past each other (2023: Hùng Kings Sat 29/4, 30/4 Sun)', () => {
    const may = holidaysOfYear(2023).filter((d) => d.date.startsWith('2023-05'));
    expect(may.map((d) => [d.date, d.kind])).toEqual([
      ['2023-05-01', 'holiday'],
      ['2023-05-02', 'compensatory'],
      ['2023-05-03', 'compensatory'],
    ]);
  });

  it('gives no day in lieu before the 1994 Labour Code took effect (1995)', () => {
    // 1/1/1994 was a Saturday.
    expect(holidaysOfYear(1994).some((d) => d.kind === 'compensatory')).toBe(false);
    // 1/1/2000 was a Saturday.
    expect(datesOf(2000)).toContain('2000-01-03');
  });
});

describe('adjustments', () => {
  it('applies the announced 2024 swap: 29/4 off, Saturday 4/5 worked', () => {
    const days = holidaysOfYear(2024, [...ANNOUNCED_SWAPS]);
    expect(days.find((d) => d.date === '2024-04-29')).toMatchObject({ kind: 'swap-off', name: expect.stringContaining('2450/VPCP-KGVX') });
    expect(days.find((d) => d.date === '2024-05-04')).toMatchObject({ kind: 'swap-work' });
    expect(datesOf(2024)).not.toContain('2024-04-29');
  });

  it('uses only the adjustments of the requested year', () => {
    // The 2018 swap's worked Saturday is in January 2019.
    expect(holidaysOfYear(2018, [...ANNOUNCED_SWAPS]).map((d) => d.date)).toContain('2018-12-31');
    expect(holidaysOfYear(2018, [...ANNOUNCED_SWAPS]).map((d) => d.date)).not.toContain('2019-01-05');
    expect(holidaysOfYear(2019, [...ANNOUNCED_SWAPS]).find((d) => d.date === '2019-01-05')?.kind).toBe('swap-work');
  });

  it('removes, replaces and adds days in the order given', () => {
    const adjustments: CalendarAdjustment[] = [
      { date: '2026-04-27', kind: 'removed', name: 'Nghỉ bù dời sang ngày khác' },
      { date: '2026-02-13', kind: 'swap-off', name: 'Nghỉ hoán đổi trước Tết' },
      { date: '2026-02-28', kind: 'swap-work', name: 'Làm bù cho ngày 13/2' },
      { date: '2026-05-04', kind: 'compensatory', name: 'Nghỉ bù theo thông báo' },
      { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (theo thông báo)' },
    ];
    const days = holidaysOfYear(2026, adjustments);
    const byDate = Object.fromEntries(days.map((d) => [d.date, d]));
    expect(byDate['2026-04-27']).toBeUndefined();
    expect(byDate['2026-02-13']).toMatchObject({ kind: 'swap-off', name: 'Nghỉ hoán đổi trước Tết' });
    expect(byDate['2026-02-28']?.kind).toBe('swap-work');
    expect(byDate['2026-05-04']?.kind).toBe('compensatory');
    expect(byDate['2026-09-01']?.name).toBe('Quốc khánh (theo thông báo)');
    expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date).sort());
  });

  it('rejects an adjustment with an impossible date', () => {
    expect(() => holidaysOfYear(2026, [{ date: '2026-02-30', kind: 'swap-off', name: 'x' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
