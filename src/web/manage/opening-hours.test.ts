import { describe, expect, it } from 'vitest';
import { describeOpeningHours, draftsToWindows, newWindowDraft, officeHoursDrafts, windowsToDrafts } from './opening-hours';

describe('opening-hours editor state', () => {
  it('round-trips windows through the editor rows, days Monday first', () => {
    const windows = [
      { days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' },
      { days: [6, 7], from: '08:00', until: '10:00' },
    ];
    const drafts = windowsToDrafts(windows);
    expect(drafts[0]!.days).toEqual([true, true, true, true, true, false, false]);
    expect(drafts[1]!.days).toEqual([false, false, false, false, false, true, true]);
    expect(draftsToWindows(drafts)).toEqual({ ok: true, windows });
  });

  it('no rows means always open: an empty list', () => {
    expect(draftsToWindows([])).toEqual({ ok: true, windows: [] });
  });

  it('gives every row its own key', () => {
    const keys = officeHoursDrafts().map((d) => d.key);
    expect(new Set(keys).size).toBe(3);
  });

  it.each([
    ['no day ticked', { days: [false, false, false, false, false, false, false] }, 'no-days'],
    ['a time that is not HH:MM', { from: '7:30' }, 'bad-time'],
    ['an empty time', { until: '' }, 'bad-time'],
    ['24:00', { until: '24:00' }, 'bad-time'],
    ['until before from', { from: '13:00', until: '11:30' }, 'until-before-from'],
    ['an empty window', { from: '09:00', until: '09:00' }, 'until-before-from'],
  ])('reports %s by row', (_, change, problem) => {
    const good = newWindowDraft();
    const bad = { ...newWindowDraft(), ...change };
    const result = draftsToWindows([good, bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([...result.problems]).toEqual([[1, problem]]);
  });

  it('describes hours the Vietnamese way and the English way', () => {
    const windows = [
      { days: [1, 2, 3, 4, 5], from: '07:30', until: '11:30' },
      { days: [6, 7], from: '08:00', until: '10:00' },
    ];
    expect(describeOpeningHours(windows, 'vi')).toBe('T2–T6 07:30–11:30; T7, CN 08:00–10:00');
    expect(describeOpeningHours(windows, 'en')).toBe('Mon–Fri 07:30–11:30; Sat, Sun 08:00–10:00');
    expect(describeOpeningHours([], 'vi')).toBe('Cả ngày');
  });
});
