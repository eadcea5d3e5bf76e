/**
 * Deadlines as a citizen sees them on the appointment slip (DOMAIN-VN §1.4): the 15:00 rule, periods
 * starting the day after receipt, holidays on weekends, Tết across weekends, làm-bù Saturdays,
 * calendar-day periods ending on a Sunday, hour counts across lunch and weekends.
 */
import { describe, expect, it } from 'vitest';
import { ANNOUNCED_SWAPS } from '../../src/core/calendar/announced-swaps';
import type { ProcessingTime } from '../../src/core/calendar/calendar-types';
import { computeDue, formatVnIso, parseReceived } from '../../src/core/calendar/due-date';
import { createWorkingCalendar } from '../../src/core/calendar/working-calendar';

const calendar = createWorkingCalendar({ adjustments: [...ANNOUNCED_SWAPS] });
const NOW = new Date('2030-01-01T00:00:00Z');
const vn = (local: string) => new Date(`${local}+07:00`);
const due = (received: string, time: ProcessingTime, cal = calendar) => formatVnIso(computeDue(vn(received), time, cal, NOW));

describe('computeDue', () => {
  it.each<[string, string, ProcessingTime, string]>([
    // Friday 13/2/2026 is the last working day before Tết (16–20/2).
    ['working days start the day after receipt, skipping Tết and weekends', '2026-02-13T15:01', { amount: 1, unit: 'working-days' }, '2026-02-23T17:00'],
    ['a 15:00 cut-off moves a 15:01 receipt past Tết', '2026-02-13T15:01', { amount: 1, unit: 'working-days', cutoff: '15:00' }, '2026-02-24T17:00'],
    ['before the cut-off the receipt day counts', '2026-02-13T14:59', { amount: 1, unit: 'working-days', cutoff: '15:00' }, '2026-02-23T17:00'],
    ['without a cut-off an evening receipt does not add a day', '2026-03-06T18:30', { amount: 1, unit: 'working-days' }, '2026-03-09T17:00'],
    ['a Saturday receipt counts from Monday', '2026-03-07T09:00', { amount: 1, unit: 'working-days' }, '2026-03-10T17:00'],
    ['0 working days is the end of the receipt day', '2026-03-04T09:00', { amount: 0, unit: 'working-days' }, '2026-03-04T17:00'],
    ['Hùng Kings on Sunday: Monday 27/4/2026 is off', '2026-04-23T10:00', { amount: 2, unit: 'working-days' }, '2026-04-28T17:00'],
    ['Tết 2027 spans two weekends (4/2–10/2 off)', '2027-02-03T09:00', { amount: 1, unit: 'working-days' }, '2027-02-11T17:00'],
    ['a làm-bù Saturday is a working day (4/5/2024)', '2024-05-03T10:00', { amount: 1, unit: 'working-days' }, '2024-05-04T17:00'],
    ['an announced swap day off is skipped (29/4/2024)', '2024-04-26T10:00', { amount: 1, unit: 'working-days' }, '2024-05-02T17:00'],
    ['2/9 and its companion 1/9 (2025)', '2025-08-29T10:00', { amount: 1, unit: 'working-days' }, '2025-09-03T17:00'],
    ['2/9 and its companion 3/9 (2027)', '2027-09-01T10:00', { amount: 1, unit: 'working-days' }, '2027-09-06T17:00'],
    ['15 working days over a month', '2026-03-02T09:00', { amount: 15, unit: 'working-days' }, '2026-03-23T17:00'],
    ['calendar days ending on a Sunday move to Monday', '2026-03-04T09:00', { amount: 4, unit: 'days' }, '2026-03-09T17:00'],
    ['calendar days ending on a weekday stay', '2026-03-04T09:00', { amount: 2, unit: 'days' }, '2026-03-06T17:00'],
    ['calendar days ending on 30/4 move past 1/5 and the weekend', '2026-04-20T09:00', { amount: 10, unit: 'days' }, '2026-05-04T17:00'],
    ['calendar days count through holidays', '2026-02-12T09:00', { amount: 12, unit: 'days' }, '2026-02-24T17:00'],
    ['hours cross lunch', '2026-03-02T11:00', { amount: 2, unit: 'hours' }, '2026-03-02T14:00'],
    ['hours cross a weekend', '2026-03-06T16:00', { amount: 3, unit: 'hours' }, '2026-03-09T10:00'],
    ['hours from an early receipt start at opening', '2026-03-02T07:10', { amount: 1, unit: 'hours' }, '2026-03-02T09:00'],
    ['hours from a Saturday receipt start on Monday morning', '2026-03-07T09:00', { amount: 8, unit: 'hours' }, '2026-03-09T17:00'],
    ['hours with a cut-off start the next working morning', '2026-03-02T16:30', { amount: 2, unit: 'hours', cutoff: '16:00' }, '2026-03-03T10:00'],
    ['same-day before 15:00 is due at closing', '2026-02-13T14:59', { amount: 0, unit: 'same-day' }, '2026-02-13T17:00'],
    ['same-day at 15:00 exactly is due the next working day', '2026-02-13T15:00', { amount: 1, unit: 'same-day' }, '2026-02-23T17:00'],
    ['same-day at 15:01 on the Friday before Tết is due after Tết', '2026-02-13T15:01', { amount: 1, unit: 'same-day' }, '2026-02-23T17:00'],
    ['same-day with its own 16:00 cut-off', '2026-03-02T15:30', { amount: 1, unit: 'same-day', cutoff: '16:00' }, '2026-03-02T17:00'],
    ['same-day accepted after closing rolls over', '2026-03-02T17:30', { amount: 1, unit: 'same-day', cutoff: '18:00' }, '2026-03-03T17:00'],
    ['same-day on a Sunday is due Monday', '2026-03-08T10:00', { amount: 1, unit: 'same-day' }, '2026-03-09T17:00'],
  ])('%s', (_, received, time, expected) => {
    expect(due(received, time)).toBe(`${expected}:00+07:00`);
  });

  it('the làm-bù Saturday only counts when the swap is in the adjustments', () => {
    const rulesOnly = createWorkingCalendar({ adjustments: [] });
    expect(due('2024-05-03T10:00', { amount: 1, unit: 'working-days' }, rulesOnly)).toBe('2024-05-06T17:00:00+07:00');
  });

  it('accepts a receipt up to 60 s ahead of the clock, refuses one further ahead', () => {
    const now = vn('2026-03-02T10:00:00');
    const time: ProcessingTime = { amount: 1, unit: 'working-days' };
    expect(formatVnIso(computeDue(vn('2026-03-02T10:01:00'), time, calendar, now))).toBe('2026-03-03T17:00:00+07:00');
    expect(() => computeDue(vn('2026-03-02T10:01:01'), time, calendar, now)).toThrow(
      expect.objectContaining({ code: 'DATE_IN_FUTURE', params: { field: 'received', value: '2026-03-02T10:01:01+07:00' } }),
    );
  });

  it.each<[string, ProcessingTime, string]>([
    ['unknown unit', { amount: 1, unit: 'weeks' as ProcessingTime['unit'] }, 'UNKNOWN_UNIT'],
    ['negative amount', { amount: -1, unit: 'working-days' }, 'VALIDATION_FAILED'],
    ['fractional amount', { amount: 1.5, unit: 'days' }, 'VALIDATION_FAILED'],
    ['huge amount', { amount: 3651, unit: 'days' }, 'VALIDATION_FAILED'],
    ['NaN amount', { amount: Number.NaN, unit: 'hours' }, 'VALIDATION_FAILED'],
    ['same-day with 2', { amount: 2, unit: 'same-day' }, 'VALIDATION_FAILED'],
    ['cut-off "3pm"', { amount: 1, unit: 'working-days', cutoff: '3pm' }, 'VALIDATION_FAILED'],
    ['cut-off "24:00"', { amount: 1, unit: 'same-day', cutoff: '24:00' }, 'VALIDATION_FAILED'],
  ])('refuses %s', (_, time, code) => {
    expect(() => computeDue(vn('2026-03-02T09:00'), time, calendar, NOW)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts the largest amount (3650 days = 10 years less the three leap days)', () => {
    expect(due('2026-03-02T09:00', { amount: 3650, unit: 'days' })).toBe('2036-02-28T17:00:00+07:00');
  });
});

describe('formatVnIso', () => {
  it.each([
    ['2026-02-23T10:00:00Z', '2026-02-23T17:00:00+07:00'],
    ['2026-02-22T17:30:00Z', '2026-02-23T00:30:00+07:00'],
    ['2026-12-31T16:59:59.999Z', '2026-12-31T23:59:59+07:00'],
  ])('%s → %s', (utc, local) => {
    expect(formatVnIso(new Date(utc))).toBe(local);
  });
});

describe('parseReceived', () => {
  it.each([
    ['2026-02-13T15:01:00+07:00', '2026-02-13T08:01:00.000Z'],
    ['2026-02-13T15:01+07:00', '2026-02-13T08:01:00.000Z'],
    ['2026-02-13T08:01:00Z', '2026-02-13T08:01:00.000Z'],
    ['2026-02-13T03:01:00.250-05:00', '2026-02-13T08:01:00.250Z'],
    ['2024-02-29T23:30:00+07:00', '2024-02-29T16:30:00.000Z'],
  ])('reads %s', (text, utc) => {
    expect(parseReceived(text, 'received').toISOString()).toBe(utc);
  });

  it.each([
    '2026-02-30T10:00:00+07:00',
    '2025-02-29T10:00:00+07:00',
    '2026-13-01T10:00:00+07:00',
    '2026-02-13T24:00:00+07:00',
    '2026-02-13T10:60:00+07:00',
    '2026-02-13T10:00:61Z',
    '2026-02-13T15:01:00',
    '2026-02-13',
    '2026-02-13 15:01:00+07:00',
    '13/02/2026 15:01',
    '2026-02-13T15:01:00+0700',
    '2026-02-13T15:01:00+25:00',
    '1899-12-31T10:00:00Z',
    '',
  ])('refuses %j, naming the field and the rule', (text) => {
    expect(() => parseReceived(text, 'received')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', params: expect.objectContaining({ field: 'received', value: text, rule: expect.stringContaining('ISO-8601') }) }),
    );
  });
});
