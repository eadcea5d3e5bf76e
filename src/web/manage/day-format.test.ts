import { describe, expect, it } from 'vitest';
import { formatDay, formatDayWithWeekday, formatInstantWithWeekday, weekdayName, yearOf } from './day-format';

describe('Vietnamese weekdays of calendar days', () => {
  it.each([
    ['2026-09-02', 'Thứ Tư, 02/09/2026', 'Wed 02/09/2026'],
    ['2026-04-26', 'Chủ nhật, 26/04/2026', 'Sun 26/04/2026'], // Giỗ Tổ Hùng Vương 2026 falls on a Sunday
    ['2026-04-27', 'Thứ Hai, 27/04/2026', 'Mon 27/04/2026'], // … so its nghỉ bù is the Monday
    ['2024-05-04', 'Thứ Bảy, 04/05/2024', 'Sat 04/05/2024'], // the làm-bù Saturday of Công văn 2450/VPCP-KGVX
    ['2026-02-20', 'Thứ Sáu, 20/02/2026', 'Fri 20/02/2026'],
  ])('%s', (day, vi, en) => {
    expect(formatDayWithWeekday(day, 'vi')).toBe(vi);
    expect(formatDayWithWeekday(day, 'en')).toBe(en);
  });

  it('names each day of one week once', () => {
    const names = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map((d) => weekdayName(d, 'vi'));
    expect(names).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']);
  });

  it('writes days as dd/mm/yyyy and reads their year', () => {
    expect(formatDay('2027-01-01')).toBe('01/01/2027');
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});

describe('instants with their weekday in the hall zone', () => {
  it('shows the Hà Nội wall clock and day, whatever the instant was written in', () => {
    // 17:30 UTC on Thursday is 00:30 on Friday in Hà Nội.
    expect(formatInstantWithWeekday('2026-11-26T17:30:00Z', 'vi')).toBe('00:30, Thứ Sáu, 27/11/2026');
    expect(formatInstantWithWeekday('2026-11-27T08:05:00+07:00', 'en')).toBe('08:05, Fri 27/11/2026');
  });

  it('shows a dash when there is no instant', () => {
    expect(formatInstantWithWeekday(null, 'vi')).toBe('—');
    expect(formatInstantWithWeekday('not a date', 'vi')).toBe('—');
  });
});
