/**
 * Quarters of the evaluation ("2026-Q4"): the quarterly 9-indicator evaluation is compiled per
 * calendar quarter (Circular 01/2018 art. 13 [M: quarterly per DOMAIN-VN §1.5]). Quarters are local
 * (Asia/Ho_Chi_Minh): Q4 2026 runs from 01/10/2026 00:00 to 01/01/2027 00:00 in Hà Nội.
 */
import { AppError } from '../shared/app-error';
import { serviceDayOf, startOfServiceDay } from '../shared/local-time';

export interface Quarter {
  /** "2026-Q4" */
  id: string;
  year: number;
  /** 1–4 */
  number: number;
  /** First local day, "YYYY-MM-DD". */
  firstDay: string;
  /** Last local day, "YYYY-MM-DD". */
  lastDay: string;
  /** Local midnight starting the quarter. */
  from: Date;
  /** Local midnight starting the next quarter (excluded). */
  to: Date;
}

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-Q4" → the quarter; anything else is a clear Vietnamese validation error. */
export function parseQuarter(id: string): Quarter {
  const match = QUARTER_PATTERN.exec(id);
  if (!match) throw new AppError('VALIDATION_FAILED', { detail: `quý "${id}" không hợp lệ, hãy ghi theo dạng NĂM-Qn, ví dụ 2026-Q4` });
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (year < 2000 || year > 2100) throw new AppError('VALIDATION_FAILED', { detail: `năm ${year} của quý "${id}" nằm ngoài khoảng 2000–2100` });
  const firstMonth = (number - 1) * 3 + 1;
  const firstDay = `${year}-${pad(firstMonth)}-01`;
  const nextFirstDay = number === 4 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + 3)}-01`;
  const from = startOfServiceDay(firstDay);
  const to = startOfServiceDay(nextFirstDay);
  return { id, year, number, firstDay, lastDay: serviceDayOf(new Date(to.getTime() - 1)), from, to };
}

/** The quarter a local instant falls in. */
export function quarterOf(instant: Date): string {
  const day = serviceDayOf(instant);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Roman numerals, as Vietnamese reports name quarters ("Quý IV năm 2026"). */
export function quarterTitle(q: Quarter, lang: 'vi' | 'en' = 'vi'): string {
  const roman = ['I', 'II', 'III', 'IV'][q.number - 1]!;
  return lang === 'vi' ? `Quý ${roman} năm ${q.year}` : `Q${q.number} ${q.year}`;
}
