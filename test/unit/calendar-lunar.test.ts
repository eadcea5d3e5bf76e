/**
 * The Vietnamese lunar calendar: Tết, Hùng Kings' day and leap months, which decide public holidays.
 * The years where Việt Nam (UTC+7) and China (UTC+8) disagree are the ones a port of a Chinese
 * calendar library would get wrong.
 */
import { describe, expect, it } from 'vitest';
import {
  gregorianToJdn,
  isoDateToJdn,
  jdnToIsoDate,
  leapMonthOf,
  lunarToSolar,
  lunarToSolarInZone,
  newMoonJde,
  solarToLunar,
  sunApparentLongitude,
  tetDate,
} from '../../src/core/calendar/lunar';

describe('Julian Day Numbers', () => {
  it.each([
    ['2000-01-01', 2451545],
    ['1900-01-01', 2415021],
    ['1970-01-01', 2440588],
    ['2100-12-31', 2488434],
  ])('%s is JDN %i', (date, jdn) => {
    expect(isoDateToJdn(date)).toBe(jdn);
    expect(jdnToIsoDate(jdn)).toBe(date);
  });

  it('agrees with the platform calendar on every 13th day of 1900–2100', () => {
    for (let jdn = gregorianToJdn(1900, 1, 1); jdn <= gregorianToJdn(2100, 12, 31); jdn += 13) {
      expect(jdnToIsoDate(jdn)).toBe(new Date((jdn - 2440588) * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '26-02-01', '2026-2-1'])('rejects %s', (date) => {
    expect(() => isoDateToJdn(date)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('astronomy (Meeus worked examples)', () => {
  it('new moon k = −283 is JDE 2443192.65118 (Example 49.a, 1977-02-18)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it("sun's apparent longitude on 1992-10-13.0 TD is 199.909° (Example 25.a)", () => {
    expect(sunApparentLongitude(2448908.5)).toBeCloseTo(199.909, 2);
  });
});

describe('Tết Nguyên đán', () => {
  const TET_2000_2030 = [
    '2000-02-05', '2001-01-24', '2002-02-12', '2003-02-01', '2004-01-22', '2005-02-09', '2006-01-29',
    '2007-02-17', '2008-02-07', '2009-01-26', '2010-02-14', '2011-02-03', '2012-01-23', '2013-02-10',
    '2014-01-31', '2015-02-19', '2016-02-08', '2017-01-28', '2018-02-16', '2019-02-05', '2020-01-25',
    '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06',
    '2028-01-26', '2029-02-13', '2030-02-02',
  ];

  it.each(TET_2000_2030.map((date) => [Number(date.slice(0, 4)), date]))('Tết %i is %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1969, '1969-02-16', '1969-02-17'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('%i: Việt Nam celebrates on %s, China (the same method at UTC+8) on %s', (year, vietnam, china) => {
    expect(tetDate(year)).toBe(vietnam);
    expect(jdnToIsoDate(lunarToSolarInZone(year, 1, 1, false, 8))).toBe(china);
  });

  it('the day before Tết 2026 is 29 tháng Chạp, the last day of the old year', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('%i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 3, day: 10, leap: false });
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [1985, 2, '1985-03-21'],
    // The "2033 problem": a leap month 11, after the winter solstice month.
    [2033, 11, '2033-12-22'],
  ])('%i repeats month %i; the leap month begins on %s', (year, month, start) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarToSolar(year, month, 1, true)).toBe(start);
    expect(solarToLunar(start)).toEqual({ year, month, day: 1, leap: true });
    // The ordinary month of the same number comes first.
    expect(isoDateToJdn(lunarToSolar(year, month, 1))).toBeLessThan(isoDateToJdn(start));
  });

  it.each([2024, 2026, 1984])('%i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeNull();
    expect(() => lunarToSolar(year, 2, 1, true)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('refuses a day 30 in a 29-day month', () => {
    // Month 12 of Ất Tỵ ends on 29 (2026-02-16).
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('round trip', () => {
  it('solar → lunar → solar gives back the date, and lunar days advance by one, across 1900–2100', () => {
    const failures: string[] = [];
    let previous = solarToLunar('1900-01-01');
    for (let jdn = gregorianToJdn(1900, 1, 2); jdn <= gregorianToJdn(2100, 12, 31); jdn += 1) {
      const date = jdnToIsoDate(jdn);
      const lunar = solarToLunar(date);
      const advances = lunar.day === 1 ? previous.day === 29 || previous.day === 30 : lunar.day === previous.day + 1;
      if (!advances) failures.push(`${date}: ${JSON.stringify(previous)} → ${JSON.stringify(lunar)}`);
      if (lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap) !== date) failures.push(`${date}: round trip`);
      previous = lunar;
    }
    expect(failures).toEqual([]);
  });
});

describe('invalid lunar dates', () => {
  it.each<[number, number, number, boolean, string]>([
    [2026, 13, 1, false, '1 ≤ month ≤ 12'],
    [2026, 1, 31, false, '1 ≤ day ≤ 30'],
    [2025, 5, 1, true, 'leap month = 6'],
    [2024, 2, 1, true, 'leap month = ∅'],
    [2025, 12, 30, false, 'day ≤ 29'],
  ])('%i-%i-%i leap=%s: %s', (year, month, day, leap, rule) => {
    expect(() => lunarToSolar(year, month, day, leap)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', params: expect.objectContaining({ field: 'lunar', rule }) }),
    );
  });
});
