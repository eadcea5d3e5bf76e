/**
 * Working days and office-hour minutes: what a deadline counts. Adjustments (swapped days) change the
 * answer, and hours skip lunch, nights, weekends and holidays.
 */
import { describe, expect, it } from 'vitest';
import { ANNOUNCED_SWAPS } from '../../src/core/calendar/announced-swaps';
import { createWorkingCalendar } from '../../src/core/calendar/working-calendar';

const calendar = createWorkingCalendar({ adjustments: [...ANNOUNCED_SWAPS] });
const rulesOnly = createWorkingCalendar({ adjustments: [] });
/** A local (UTC+7) wall-clock time as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true, 'Friday before Tết'],
    ['2026-02-16', false, 'Tết (29 tháng Chạp)'],
    ['2026-02-20', false, 'Tết (mùng 4)'],
    ['2026-02-21', false, 'Saturday'],
    ['2026-02-23', true, 'first Monday after Tết'],
    ['2026-04-26', false, 'Hùng Kings on a Sunday'],
    ['2026-04-27', false, 'its day in lieu'],
    ['2025-09-01', false, 'the 2/9 companion day'],
    ['2024-04-29', false, 'announced swap day off'],
    ['2024-05-04', true, 'announced làm-bù Saturday'],
    ['2019-01-05', true, 'làm-bù Saturday of Công văn 6519'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('without the announcement, 4/5/2024 is an ordinary Saturday and 29/4/2024 an ordinary Monday', () => {
    expect(rulesOnly.isWorkingDay('2024-05-04')).toBe(false);
    expect(rulesOnly.isWorkingDay('2024-04-29')).toBe(true);
  });
});

describe('nextWorkingDay and dayInfo', () => {
  it.each([
    ['2026-02-13', '2026-02-23'],
    ['2027-02-03', '2027-02-11'],
    ['2026-04-24', '2026-04-28'],
    ['2024-05-03', '2024-05-04'],
    ['2025-12-31', '2026-01-02'],
  ])('after %s comes %s', (date, next) => {
    expect(calendar.nextWorkingDay(date)).toBe(next);
  });

  it('describes special days and returns null for ordinary ones', () => {
    expect(calendar.dayInfo('2026-04-27')).toMatchObject({ kind: 'compensatory', name: expect.stringMatching(/^Nghỉ bù/) });
    expect(calendar.dayInfo('2024-05-04')?.kind).toBe('swap-work');
    expect(calendar.dayInfo('2026-03-04')).toBeNull();
    expect(calendar.dayInfo('2026-03-07')).toBeNull();
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    ['crosses lunch', '2026-03-02T11:00', 120, '2026-03-02T14:00'],
    ['ends exactly at closing, not the next morning', '2026-03-02T16:00', 60, '2026-03-02T17:00'],
    ['ends exactly at the lunch break', '2026-03-02T11:30', 30, '2026-03-02T12:00'],
    ['starts at opening when given an early start', '2026-03-02T06:45', 60, '2026-03-02T09:00'],
    ['starts after lunch when given a lunch-time start', '2026-03-02T12:20', 30, '2026-03-02T13:30'],
    ['crosses a weekend', '2026-03-06T16:00', 180, '2026-03-09T10:00'],
    ['crosses Tết 2026', '2026-02-13T16:30', 60, '2026-02-23T08:30'],
    ['counts a làm-bù Saturday', '2024-05-03T16:00', 120, '2024-05-04T09:00'],
    ['skips an announced day off', '2024-04-26T16:00', 120, '2024-05-02T09:00'],
    ['zero minutes is the start itself', '2026-03-07T10:00', 0, '2026-03-07T10:00'],
  ])('%s', (_, start, minutes, expected) => {
    expect(calendar.addWorkingMinutes(vn(start), minutes)).toEqual(vn(expected));
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => calendar.addWorkingMinutes(vn('2026-03-02T08:00'), -1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => calendar.addWorkingMinutes(vn('2026-03-02T08:00'), Number.NaN)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['same morning', '2026-03-02T08:30', '2026-03-02T10:00', 90],
    ['over lunch', '2026-03-02T11:00', '2026-03-02T14:00', 120],
    ['over a weekend', '2026-03-06T16:00', '2026-03-09T10:00', 180],
    ['over Tết', '2026-02-13T08:00', '2026-02-24T08:00', 8 * 60 * 2],
    ['outside office hours', '2026-03-02T18:00', '2026-03-03T07:59', 0],
  ])('%s', (_, a, b, minutes) => {
    expect(calendar.workingMinutesBetween(vn(a), vn(b))).toBe(minutes);
    expect(calendar.workingMinutesBetween(vn(b), vn(a))).toBe(-minutes);
  });

  it('undoes addWorkingMinutes for starts inside office hours', () => {
    for (const start of ['2026-02-12T09:10', '2026-04-24T16:59', '2024-05-03T13:00', '2027-09-01T08:00']) {
      for (const minutes of [1, 59, 240, 481, 2400]) {
        const end = calendar.addWorkingMinutes(vn(start), minutes);
        expect(calendar.workingMinutesBetween(vn(start), end), `${start} + ${minutes}`).toBe(minutes);
      }
    }
  });
});

describe('office hours', () => {
  it('follows the office hours it is given (08:00–12:00, 13:30–17:00)', () => {
    const hanoi = createWorkingCalendar({
      adjustments: [],
      officeHours: { periods: [{ from: '13:30', until: '17:00' }, { from: '08:00', until: '12:00' }] },
    });
    expect(hanoi.addWorkingMinutes(vn('2026-03-02T11:00'), 120)).toEqual(vn('2026-03-02T14:30'));
    expect(hanoi.openingOf('2026-03-02')).toEqual(vn('2026-03-02T08:00'));
    expect(hanoi.closingOf('2026-03-02')).toEqual(vn('2026-03-02T17:00'));
  });

  it.each([
    [[]],
    [[{ from: '8:00', until: '12:00' }]],
    [[{ from: '13:00', until: '12:00' }]],
    [[{ from: '08:00', until: '12:30' }, { from: '12:00', until: '17:00' }]],
  ])('refuses malformed periods %j', (periods) => {
    expect(() => createWorkingCalendar({ adjustments: [], officeHours: { periods } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
