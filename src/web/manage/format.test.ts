import { describe, expect, it } from 'vitest';
import { addDays, formatDuration, formatPercent, hallDay, minutesToSeconds, parseDecimal, parseWhole, secondsToMinutes, startOfMonth } from './format';

describe('formatDuration (minutes:seconds)', () => {
  it.each([
    [null, '—'],
    [0, '0:00'],
    [5, '0:05'],
    [59.6, '1:00'],
    [245, '4:05'],
    [4500, '75:00'],
    [-65, '−1:05'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('minutes ↔ seconds', () => {
  it('turns typed minutes into whole seconds, accepting a decimal comma', () => {
    expect(minutesToSeconds('10')).toBe(600);
    expect(minutesToSeconds('7,5')).toBe(450);
    expect(minutesToSeconds('0.75')).toBe(45);
    expect(minutesToSeconds('')).toBeNull();
    expect(minutesToSeconds('mười')).toBeNull();
  });

  it('shows seconds as minutes with at most two decimals', () => {
    expect(secondsToMinutes(600)).toBe('10');
    expect(secondsToMinutes(450)).toBe('7.5');
    expect(secondsToMinutes(100)).toBe('1.67');
  });

  it('round-trips what the server stores', () => {
    for (const seconds of [30, 180, 450, 600, 900, 14400]) expect(minutesToSeconds(secondsToMinutes(seconds))).toBe(seconds);
  });
});

describe('parsing inputs', () => {
  it('parseWhole: empty is null, junk is NaN', () => {
    expect(parseWhole(' 12 ')).toBe(12);
    expect(parseWhole('')).toBeNull();
    expect(parseWhole('1.5')).toBeNaN();
    expect(parseWhole('12a')).toBeNaN();
  });
  it('parseDecimal', () => {
    expect(parseDecimal('0,9')).toBe(0.9);
    expect(parseDecimal('abc')).toBeNull();
  });
});

describe('days of the hall', () => {
  it('uses Hà Nội time, not the browser’s', () => {
    // 18:30 UTC on 31 Dec is already 1 January in Hà Nội (UTC+7).
    expect(hallDay('2026-12-31T18:30:00Z')).toBe('2027-01-01');
    expect(hallDay('2026-12-31T16:59:00Z')).toBe('2026-12-31');
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(startOfMonth('2026-11-26')).toBe('2026-11-01');
  });
});

describe('formatPercent', () => {
  it('uses the decimal comma in Vietnamese', () => {
    expect(formatPercent(87.5, 'vi')).toBe('87,5 %');
    expect(formatPercent(87.5, 'en')).toBe('87.5%');
    expect(formatPercent(null, 'vi')).toBe('—');
  });
});
