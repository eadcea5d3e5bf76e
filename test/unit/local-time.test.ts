import { describe, expect, it } from 'vitest';
import {
  formatLocalDate,
  formatLocalTime,
  localIsoWeekday,
  localMinuteOfDay,
  parseTimeOfDay,
  serviceDayOf,
  startOfServiceDay,
  VN_OFFSET_MINUTES,
} from '../../src/core/shared/local-time';

describe('serviceDayOf', () => {
  it.each([
    ['2026-11-24T16:59:59Z', '2026-11-24'],
    ['2026-11-24T16:59:59.999Z', '2026-11-24'],
    ['2026-11-24T17:00:00Z', '2026-11-25'],
    ['2026-11-25T00:30:00Z', '2026-11-25'],
    ['2026-11-25T16:59:59Z', '2026-11-25'],
    ['2025-12-31T16:59:59Z', '2025-12-31'],
    ['2025-12-31T17:00:00Z', '2026-01-01'],
    ['2028-02-28T17:00:00Z', '2028-02-29'],
  ])('%s belongs to the service day %s', (utc, day) => {
    expect(serviceDayOf(new Date(utc))).toBe(day);
  });
});

describe('startOfServiceDay', () => {
  it('is local midnight, 17:00 UTC the day before', () => {
    expect(startOfServiceDay('2026-11-25').toISOString()).toBe('2026-11-24T17:00:00.000Z');
    expect(startOfServiceDay('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(VN_OFFSET_MINUTES).toBe(420);
  });

  it('round-trips with serviceDayOf for every day of two years (including 29/02/2028)', () => {
    const failures: string[] = [];
    let day = '2027-01-01';
    for (let i = 0; i < 731; i++) {
      const start = startOfServiceDay(day);
      if (serviceDayOf(start) !== day) failures.push(`${day}: start belongs to ${serviceDayOf(start)}`);
      const lastMs = new Date(start.getTime() - 1);
      if (serviceDayOf(lastMs) === day) failures.push(`${day}: the millisecond before is still ${day}`);
      if (localMinuteOfDay(start) !== 0) failures.push(`${day}: start is not 00:00 local`);
      const next = new Date(start.getTime() + 24 * 3600_000);
      day = serviceDayOf(next);
    }
    expect(failures).toEqual([]);
    expect(day).toBe('2029-01-01');
  });

  it('the start of an instant\'s service day is at most 24 h before it', () => {
    for (const utc of ['2026-11-24T16:59:59Z', '2026-11-24T17:00:00Z', '2026-11-25T12:00:00Z']) {
      const instant = new Date(utc);
      const start = startOfServiceDay(serviceDayOf(instant));
      expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
      expect(instant.getTime() - start.getTime()).toBeLessThan(24 * 3600_000);
    }
  });
});

describe('localMinuteOfDay and localIsoWeekday', () => {
  it.each([
    ['2026-11-25T00:30:00Z', 450, 3], // Wed 07:30
    ['2026-11-24T17:00:00Z', 0, 3], // Wed 00:00
    ['2026-11-24T16:59:00Z', 1439, 2], // Tue 23:59
    ['2026-11-29T02:00:00Z', 540, 7], // Sun 09:00
    ['2026-11-29T17:30:00Z', 30, 1], // Mon 00:30 (still Sunday in UTC)
    ['2026-11-28T16:59:00Z', 1439, 6], // Sat 23:59
  ])('%s → minute %i, ISO weekday %i', (utc, minute, weekday) => {
    expect(localMinuteOfDay(new Date(utc))).toBe(minute);
    expect(localIsoWeekday(new Date(utc))).toBe(weekday);
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['13:00', 780],
    ['23:59', 1439],
    ['24:00', null],
    ['7:30', null],
    ['07:60', null],
    ['07.30', null],
    ['', null],
    ['07:30:00', null],
    [' 07:30', null],
  ])('%j → %s', (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });
});

describe('formatLocalTime and formatLocalDate', () => {
  it.each([
    ['2026-11-25T01:05:00Z', '08:05', '25/11/2026'],
    ['2026-11-24T17:30:00Z', '00:30', '25/11/2026'],
    ['2025-12-31T16:59:00Z', '23:59', '31/12/2025'],
    ['2025-12-31T17:00:00Z', '00:00', '01/01/2026'],
  ])('%s is %s on %s in Việt Nam', (utc, time, date) => {
    expect(formatLocalTime(new Date(utc))).toBe(time);
    expect(formatLocalDate(new Date(utc))).toBe(date);
  });
});
