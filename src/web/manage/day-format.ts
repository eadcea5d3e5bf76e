/**
 * Calendar days and instants written the way Vietnamese papers write them: "Thứ Hai, 02/09/2026".
 * The weekday names are spelled here rather than taken from Intl, whose Vietnamese wording and
 * capitalisation differ between browsers. Instants are shown in the hall's zone (Asia/Ho_Chi_Minh).
 */
import type { Lang } from '../../contracts/lang';
import { hallDay, HALL_TIME_ZONE } from './format';

const WEEKDAYS: Record<Lang, readonly string[]> = {
  // Index 0 is Sunday, as Date.getUTCDay() counts.
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** 0 = Sunday … 6 = Saturday of a "YYYY-MM-DD" day. */
export function weekdayIndex(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function weekdayName(day: string, lang: Lang): string {
  return WEEKDAYS[lang][weekdayIndex(day)]!;
}

/** "YYYY-MM-DD" → "dd/mm/yyyy". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** "Thứ Hai, 02/09/2026" (vi) or "Mon 02/09/2026" (en). */
export function formatDayWithWeekday(day: string, lang: Lang): string {
  return lang === 'vi' ? `${weekdayName(day, lang)}, ${formatDay(day)}` : `${weekdayName(day, lang)} ${formatDay(day)}`;
}

/** "08:05, Thứ Sáu, 27/11/2026" in the hall's zone; null → "—". */
export function formatInstantWithWeekday(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: HALL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${time}, ${formatDayWithWeekday(hallDay(date), lang)}`;
}

/** The year of a "YYYY-MM-DD" day. */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
