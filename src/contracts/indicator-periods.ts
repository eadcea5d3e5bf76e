/**
 * Reporting periods of the 766 dashboards: a month, a quarter, the first 6 or 9 months, a year, or
 * any span of days, as local "YYYY-MM-DD" days (Asia/Ho_Chi_Minh), both included. Here in the
 * contracts so the manage screen and the server name periods the same way; src/core/indicators/periods.ts
 * turns them into instants.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'first-half', 'nine-months', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodDays {
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
  labelVi: string;
  labelEn: string;
}

const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one), else null. */
export function parseDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return value;
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The days of a named period. `index` is the month (1–12) or the quarter (1–4); the others ignore it.
 * Custom periods are made with `customPeriod`.
 */
export function namedPeriod(kind: Exclude<PeriodKind, 'custom'>, year: number, index = 1): PeriodDays {
  switch (kind) {
    case 'month': {
      if (!Number.isInteger(index) || index < 1 || index > 12) throw new RangeError(`tháng ${index} không hợp lệ`);
      return { from: `${year}-${pad(index)}-01`, to: lastDayOfMonth(year, index), labelVi: `Tháng ${index}/${year}`, labelEn: `${MONTHS_EN[index - 1]} ${year}` };
    }
    case 'quarter': {
      if (!Number.isInteger(index) || index < 1 || index > 4) throw new RangeError(`quý ${index} không hợp lệ`);
      const first = (index - 1) * 3 + 1;
      return { from: `${year}-${pad(first)}-01`, to: lastDayOfMonth(year, first + 2), labelVi: `Quý ${ROMAN[index - 1]}/${year}`, labelEn: `Q${index} ${year}` };
    }
    case 'first-half':
      return { from: `${year}-01-01`, to: `${year}-06-30`, labelVi: `6 tháng đầu năm ${year}`, labelEn: `First 6 months of ${year}` };
    case 'nine-months':
      return { from: `${year}-01-01`, to: `${year}-09-30`, labelVi: `9 tháng đầu năm ${year}`, labelEn: `First 9 months of ${year}` };
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31`, labelVi: `Năm ${year}`, labelEn: `Year ${year}` };
  }
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN = ['I', 'II', 'III', 'IV'];

function vnDate(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

export function customPeriod(from: string, to: string): PeriodDays {
  return { from, to, labelVi: `Từ ${vnDate(from)} đến ${vnDate(to)}`, labelEn: `${from} to ${to}` };
}

/** Why a pair of days is not a period, in Vietnamese; null when it is one. */
export function periodProblem(from: string, to: string, maxDays = 400): string | null {
  if (parseDay(from) === null) return `ngày bắt đầu "${from}" không hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-01-31)`;
  if (parseDay(to) === null) return `ngày kết thúc "${to}" không hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-01-31)`;
  if (to < from) return `ngày kết thúc ${vnDate(to)} phải từ ngày bắt đầu ${vnDate(from)} trở đi`;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > maxDays) return `khoảng thời gian tối đa là ${maxDays} ngày (đang chọn ${days} ngày)`;
  return null;
}
