/**
 * FAILING on purpose — discrepancy in src/core/queue/opening-hours.ts (describeOpeningHours).
 *
 * Its doc comment promises "a short human description such as "T2–T6 07:30–11:30, 13:00–16:30"",
 * and the module header's own example is a field open "Monday–Friday 07:30–11:30 and 13:00–16:30".
 * Stored as two windows with the same days (the only way the model can express a lunch break), the
 * function repeats the days for every window: "T2–T6 07:30–11:30; T2–T6 13:00–16:30". This text is
 * what a citizen reads in the FIELD_CLOSED message at the kiosk.
 *
 * Expected (the documented form): windows with the same days are described once, their times
 * joined by ", ". Either the code or the doc comment should change; this test follows the comment.
 */
import { describe, expect, it } from 'vitest';
import { describeOpeningHours, type OpeningWindow } from '../../src/core/queue/opening-hours';

const WEEKDAYS_WITH_LUNCH: OpeningWindow[] = [
  { days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:00', until: '16:30' },
];

describe('describeOpeningHours groups windows that share their days', () => {
  it('Vietnamese, as documented', () => {
    // actual: 'T2–T6 07:30–11:30; T2–T6 13:00–16:30'
    expect(describeOpeningHours(WEEKDAYS_WITH_LUNCH, 'vi')).toBe('T2–T6 07:30–11:30, 13:00–16:30');
  });

  it('English, the same shape', () => {
    // actual: 'Mon–Fri 07:30–11:30; Mon–Fri 13:00–16:30'
    expect(describeOpeningHours(WEEKDAYS_WITH_LUNCH, 'en')).toBe('Mon–Fri 07:30–11:30, 13:00–16:30');
  });
});
