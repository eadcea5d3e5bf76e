import { describe, expect, it } from 'vitest';
import { formatDong, formatDuration, formatFee, formatPercent, mainChannel } from './public-format';

describe('public formatting', () => {
  it('writes đồng the Vietnamese way', () => {
    expect(formatDong(8000, 'vi')).toBe('8.000 đồng');
    expect(formatDong(1500000, 'vi')).toBe('1.500.000 đồng');
    expect(formatDong(8000, 'en')).toBe('8,000 dong');
    expect(formatDong(0, 'vi')).toBe('Miễn phí');
  });

  it('gives the amount and keeps the published wording when it says more', () => {
    expect(formatFee({ feeDong: 8000, feeText: '8.000 đồng' }, 'vi')).toBe('8.000 đồng');
    expect(formatFee({ feeDong: 2000, feeText: '2.000 đồng/trang' }, 'vi')).toBe('2.000 đồng (2.000 đồng/trang)');
    expect(formatFee({ feeDong: 0, feeText: 'Miễn lệ phí' }, 'vi')).toBe('Miễn phí');
    expect(formatFee({ feeDong: null, feeText: 'Theo Nghị quyết của HĐND tỉnh' }, 'vi')).toBe('Theo Nghị quyết của HĐND tỉnh');
    expect(formatFee({ feeDong: null, feeText: '' }, 'en')).toBe('Not stated');
  });

  it('writes times in the procedure’s own unit', () => {
    expect(formatDuration(3, 'working-days', 'vi')).toBe('3 ngày làm việc');
    expect(formatDuration(15, 'days', 'vi')).toBe('15 ngày');
    expect(formatDuration(1, 'working-days', 'en')).toBe('1 working day');
    expect(formatDuration(1, 'same-day', 'vi')).toBe('Trong ngày');
    expect(formatDuration(null, 'working-days', 'vi')).toBe('Chưa quy định');
  });

  it('writes rates with a decimal comma in Vietnamese', () => {
    expect(formatPercent(99.5, 'vi')).toBe('99,5%');
    expect(formatPercent(99.5, 'en')).toBe('99.5%');
    expect(formatPercent(null, 'vi')).toBe('—');
  });

  it('quotes the in-person channel first', () => {
    expect(mainChannel([{ channel: 'online' as const }, { channel: 'direct' as const }])?.channel).toBe('direct');
    expect(mainChannel([])).toBeNull();
  });
});
