/**
 * Pure formatting and conversion helpers of the management console. Times are shown in the
 * hall's time zone (Asia/Ho_Chi_Minh) whatever the browser's own zone is.
 */
import type { Lang } from '../../contracts/lang';

export const HALL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Seconds as minutes:seconds ("4:05"); hours stay in the minutes ("75:00"). Null → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? '−' : '';
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return `${sign}${minutes}:${String(rest).padStart(2, '0')}`;
}

/** Minutes typed by a person → whole seconds, or null when it is not a number. */
export function minutesToSeconds(minutes: string | number): number | null {
  const value = typeof minutes === 'number' ? minutes : parseDecimal(minutes);
  if (value === null || !Number.isFinite(value)) return null;
  return Math.round(value * 60);
}

/** Seconds → minutes for an input, with at most two decimals ("7.5"). */
export function secondsToMinutes(seconds: number): string {
  return String(Math.round((seconds / 60) * 100) / 100);
}

/** Accepts "7.5" and the Vietnamese "7,5"; empty or junk → null. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A whole number typed in an input; empty → null; anything else that is not an integer → NaN. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The hall's calendar day (YYYY-MM-DD) of an instant. */
export function hallDay(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: HALL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Adds whole days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** First day of the month of a YYYY-MM-DD day. */
export function startOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** "dd/mm/yyyy hh:mm" (vi) or "dd/mm/yyyy, hh:mm" (en) in the hall's time zone; null → "—". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: HALL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** A percentage with one decimal in the language's style ("87,5 %" / "87.5%"); null → "—". */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  const text = value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return lang === 'vi' ? `${text} %` : `${text}%`;
}
