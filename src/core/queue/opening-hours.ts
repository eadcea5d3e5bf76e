/**
 * When a field hands out numbers. A field has one or more windows (e.g. Monday–Friday 07:30–11:30
 * and 13:00–16:30, Saturday 07:30–11:30). Public holidays arrive with the working calendar.
 */
import { localIsoWeekday, localMinuteOfDay, parseTimeOfDay } from '../shared/local-time';

export interface OpeningWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  from: string;
  until: string;
}

export function isOpenAt(windows: readonly OpeningWindow[], instant: Date): boolean {
  if (windows.length === 0) return true;
  const weekday = localIsoWeekday(instant);
  const minute = localMinuteOfDay(instant);
  return windows.some((w) => {
    const from = parseTimeOfDay(w.from);
    const until = parseTimeOfDay(w.until);
    return from !== null && until !== null && w.days.includes(weekday) && minute >= from && minute < until;
  });
}

/**
 * A short human description for error messages: windows on the same days share one day label,
 * e.g. "T2–T6 07:30–11:30, 13:00–16:30; T7 07:30–11:30".
 */
export function describeOpeningHours(windows: readonly OpeningWindow[], lang: 'vi' | 'en'): string {
  const dayName = (d: number) =>
    lang === 'vi' ? (d === 7 ? 'CN' : `T${d + 1}`) : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1];
  const groups = new Map<string, { days: number[]; times: string[] }>();
  for (const w of windows) {
    const days = [...new Set(w.days)].sort((a, b) => a - b);
    const key = days.join(',');
    const group = groups.get(key) ?? { days, times: [] };
    group.times.push(`${w.from}–${w.until}`);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ days, times }) => {
      const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
      const dayText =
        days.length > 2 && consecutive
          ? `${dayName(days[0]!)}–${dayName(days[days.length - 1]!)}`
          : days.map(dayName).join(', ');
      return `${dayText} ${times.join(', ')}`;
    })
    .join('; ');
}

export function validateOpeningWindows(windows: readonly OpeningWindow[]): boolean {
  return windows.every((w) => {
    const from = parseTimeOfDay(w.from);
    const until = parseTimeOfDay(w.until);
    return (
      from !== null &&
      until !== null &&
      from < until &&
      w.days.length > 0 &&
      w.days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    );
  });
}
