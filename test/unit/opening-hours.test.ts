import { describe, expect, it } from 'vitest';
import {
  describeOpeningHours,
  isOpenAt,
  validateOpeningWindows,
  type OpeningWindow,
} from '../../src/core/queue/opening-hours';

/** A typical ward centre: Mon–Fri mornings and afternoons, Saturday morning. */
const WARD: OpeningWindow[] = [
  { days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:00', until: '16:30' },
  { days: [6], from: '07:30', until: '11:30' },
];

describe('isOpenAt (instants in UTC, hours in Asia/Ho_Chi_Minh)', () => {
  it.each([
    // UTC instant,               local,                  open
    ['2026-11-25T00:30:00Z', 'Wed 07:30 (opening minute)', true],
    ['2026-11-25T00:29:59Z', 'Wed 07:29:59', false],
    ['2026-11-25T00:00:00Z', 'Wed 07:00', false],
    ['2026-11-25T02:00:00Z', 'Wed 09:00', true],
    ['2026-11-25T04:29:59Z', 'Wed 11:29:59', true],
    ['2026-11-25T04:30:00Z', 'Wed 11:30 (closing minute)', false],
    ['2026-11-25T05:00:00Z', 'Wed 12:00 (lunch)', false],
    ['2026-11-25T05:59:00Z', 'Wed 12:59', false],
    ['2026-11-25T06:00:00Z', 'Wed 13:00', true],
    ['2026-11-25T09:29:00Z', 'Wed 16:29', true],
    ['2026-11-25T09:30:00Z', 'Wed 16:30', false],
    ['2026-11-25T17:00:00Z', 'Thu 00:00', false],
    ['2026-11-23T00:30:00Z', 'Mon 07:30', true],
    ['2026-11-28T01:00:00Z', 'Sat 08:00', true],
    ['2026-11-28T06:30:00Z', 'Sat 13:30', false],
    ['2026-11-29T01:00:00Z', 'Sun 08:00', false],
    // Still Sunday in UTC but Monday morning in Việt Nam.
    ['2026-11-30T00:45:00Z', 'Mon 07:45', true],
    ['2026-11-29T23:30:00Z', 'Mon 06:30 (Sun 23:30 in UTC)', false],
    ['2026-11-28T00:45:00Z', 'Sat 07:45', true],
    // Friday 23:30 UTC is Saturday 06:30 local: before Saturday opening, and not Friday afternoon.
    ['2026-11-27T23:30:00Z', 'Sat 06:30 (Fri 23:30 in UTC)', false],
    ['2026-11-27T09:00:00Z', 'Fri 16:00', true],
    ['2026-11-27T17:00:00Z', 'Sat 00:00 (Fri 17:00 in UTC)', false],
  ])('%s = %s → open: %s', (utc, _local, open) => {
    expect(isOpenAt(WARD, new Date(utc))).toBe(open);
  });

  it('uses the local weekday, not the UTC weekday', () => {
    const mondayOnly: OpeningWindow[] = [{ days: [1], from: '06:00', until: '08:00' }];
    const sundayOnly: OpeningWindow[] = [{ days: [7], from: '06:00', until: '08:00' }];
    const sundayUtcMondayLocal = new Date('2026-11-29T23:30:00Z'); // Monday 06:30 in Hà Nội
    expect(isOpenAt(mondayOnly, sundayUtcMondayLocal)).toBe(true);
    expect(isOpenAt(sundayOnly, sundayUtcMondayLocal)).toBe(false);
  });

  it('Sunday is day 7, not 0', () => {
    const sunday = new Date('2026-11-29T02:00:00Z'); // Sunday 09:00 local
    expect(isOpenAt([{ days: [7], from: '07:30', until: '11:30' }], sunday)).toBe(true);
    expect(isOpenAt([{ days: [0], from: '07:30', until: '11:30' }], sunday)).toBe(false);
  });

  it('an empty list means always open', () => {
    for (const utc of ['2026-11-29T17:00:00Z', '2026-11-29T01:00:00Z', '2026-11-25T05:00:00Z']) {
      expect(isOpenAt([], new Date(utc))).toBe(true);
    }
  });

  it('a window with an unreadable time never opens (rather than opening all day)', () => {
    const broken: OpeningWindow[] = [{ days: [1, 2, 3, 4, 5, 6, 7], from: '7:30', until: '11:30' }];
    expect(isOpenAt(broken, new Date('2026-11-25T02:00:00Z'))).toBe(false);
  });
});

describe('describeOpeningHours', () => {
  // How windows sharing the same days (morning + afternoon) are described is covered in
  // FAILING-opening-hours-description.test.ts; here each window has its own days.
  it('describes windows on different days in Vietnamese and in English', () => {
    const windows: OpeningWindow[] = [
      { days: [1, 2, 3, 4, 5], from: '07:30', until: '16:30' },
      { days: [6], from: '07:30', until: '11:30' },
    ];
    expect(describeOpeningHours(windows, 'vi')).toBe('T2–T6 07:30–16:30; T7 07:30–11:30');
    expect(describeOpeningHours(windows, 'en')).toBe('Mon–Fri 07:30–16:30; Sat 07:30–11:30');
  });

  it.each([
    [[7], 'CN', 'Sun'],
    [[6, 7], 'T7, CN', 'Sat, Sun'],
    [[1, 3, 5], 'T2, T4, T6', 'Mon, Wed, Fri'],
    [[1, 2, 3, 4, 5, 6, 7], 'T2–CN', 'Mon–Sun'],
    [[5, 1, 3, 2, 4], 'T2–T6', 'Mon–Fri'],
    [[2, 3], 'T3, T4', 'Tue, Wed'],
  ])('days %j → "%s" / "%s"', (days, vi, en) => {
    const windows = [{ days, from: '08:00', until: '11:00' }];
    expect(describeOpeningHours(windows, 'vi')).toBe(`${vi} 08:00–11:00`);
    expect(describeOpeningHours(windows, 'en')).toBe(`${en} 08:00–11:00`);
  });

  it('does not reorder the caller\'s days', () => {
    const windows = [{ days: [5, 1, 3], from: '08:00', until: '11:00' }];
    describeOpeningHours(windows, 'vi');
    expect(windows[0]!.days).toEqual([5, 1, 3]);
  });

  it('an empty list describes to an empty string', () => {
    expect(describeOpeningHours([], 'vi')).toBe('');
  });
});

describe('validateOpeningWindows', () => {
  it.each([
    ['the ward hours', WARD, true],
    ['no windows (always open)', [], true],
    ['Sunday only', [{ days: [7], from: '07:30', until: '11:30' }], true],
    ['until before from', [{ days: [1], from: '11:30', until: '07:30' }], false],
    ['until equal to from', [{ days: [1], from: '07:30', until: '07:30' }], false],
    ['no days', [{ days: [], from: '07:30', until: '11:30' }], false],
    ['day 0', [{ days: [0], from: '07:30', until: '11:30' }], false],
    ['day 8', [{ days: [8], from: '07:30', until: '11:30' }], false],
    ['fractional day', [{ days: [1.5], from: '07:30', until: '11:30' }], false],
    ['time without leading zero', [{ days: [1], from: '7:30', until: '11:30' }], false],
    ['24:00', [{ days: [1], from: '07:30', until: '24:00' }], false],
    ['one bad window among good ones', [...WARD, { days: [1], from: '25:00', until: '26:00' }], false],
  ])('%s → %s', (_name, windows, valid) => {
    expect(validateOpeningWindows(windows as OpeningWindow[])).toBe(valid);
  });
});
