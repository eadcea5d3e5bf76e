/**
 * Pure helpers of the dossier report sections (Sổ theo dõi hồ sơ, Chỉ số hồ sơ) and of the working
 * calendar: labels, figures in the language's style, and the report URLs.
 */
import type { Lang } from '../../contracts/lang';
import { formatPercent } from './format';

/** The on-time rate arrives as a percentage (0–100, two decimals); shown with one decimal. */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return formatPercent(Math.round(rate * 10) / 10, lang);
}

/** Average working days with one decimal ("2,5"); null → "—". */
export function formatWorkingDays(days: number | null | undefined, lang: Lang): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return '—';
  return days.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export type TimelinessFilter = 'early' | 'on-time' | 'late' | 'overdue';

export const TIMELINESS_LABELS: Record<TimelinessFilter, Record<Lang, string>> = {
  early: { vi: 'Trước hạn', en: 'Early' },
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  overdue: { vi: 'Quá hạn chưa xử lý', en: 'Open and overdue' },
};

export type CalendarKind = 'holiday' | 'compensatory' | 'swap-off' | 'swap-work' | 'removed';

export const CALENDAR_KIND_LABELS: Record<CalendarKind, Record<Lang, string>> = {
  holiday: { vi: 'Ngày lễ', en: 'Public holiday' },
  compensatory: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  'swap-off': { vi: 'Nghỉ hoán đổi', en: 'Swapped day off' },
  'swap-work': { vi: 'Làm bù', en: 'Make-up working day' },
  removed: { vi: 'Bỏ ngày nghỉ (làm việc bình thường)', en: 'Day off removed (normal working day)' },
};

/** Days off count against deadlines; a làm-bù day is a working day. */
export function isDayOff(kind: CalendarKind): boolean {
  return kind !== 'swap-work' && kind !== 'removed';
}

export interface TrackingBookFilter {
  from: string;
  to: string;
  status: 'open' | 'closed' | 'all';
  fieldName: string;
  timeliness: TimelinessFilter | '';
}

/** The tracking-book URL; `format` xlsx downloads the workbook, html opens the printable book. */
export function trackingBookUrl(filter: TrackingBookFilter, format?: 'xlsx' | 'html'): string {
  const query = new URLSearchParams({ from: filter.from, to: filter.to, status: filter.status });
  if (filter.fieldName.trim()) query.set('fieldName', filter.fieldName.trim());
  if (filter.timeliness) query.set('timeliness', filter.timeliness);
  if (format) query.set('format', format);
  return `/api/v1/manage/reports/tracking-book?${query}`;
}

export type KpiGroupBy = 'field' | 'procedure' | 'unit' | 'officer';

export function dossierKpisUrl(from: string, to: string, groupBy: KpiGroupBy): string {
  return `/api/v1/manage/reports/dossier-kpis?${new URLSearchParams({ from, to, groupBy })}`;
}

/** Where the dossier desk opens one dossier. */
export function dossierLink(id: string): string {
  return `/dossiers?id=${encodeURIComponent(id)}`;
}

/** Last day of the month of a "YYYY-MM-DD" day. */
export function endOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
