/**
 * Pure helpers of the "Chỉ số 766" section: which days a period choice means, the API addresses,
 * and how a figure is written in its unit.
 */
import { customPeriod, namedPeriod, type PeriodDays, type PeriodKind } from '../../contracts/indicator-periods';
import type { IndicatorGroupBy, IndicatorUnit } from '../../contracts/indicators';
import type { Lang } from '../../contracts/lang';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index: number;
  from: string;
  to: string;
}

/** The days of the chosen period (custom: as typed). */
export function daysOf(choice: PeriodChoice): PeriodDays {
  if (choice.kind === 'custom') return customPeriod(choice.from, choice.to);
  return namedPeriod(choice.kind, choice.year, choice.index);
}

/** The current month of a "YYYY-MM-DD" day. */
export function choiceForToday(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { kind: 'month', year, index: month, from: `${today.slice(0, 8)}01`, to: today };
}

export function indicatorsUrl(days: { from: string; to: string }, groupBy: IndicatorGroupBy): string {
  return `/api/v1/manage/indicators?${new URLSearchParams({ from: days.from, to: days.to, groupBy })}`;
}

export function itemsUrl(id: string, days: { from: string; to: string }, groupBy: IndicatorGroupBy, figure: string, group: string | null): string {
  const query = new URLSearchParams({ from: days.from, to: days.to, groupBy, figure });
  if (group !== null) query.set('group', group);
  return `/api/v1/manage/indicators/${encodeURIComponent(id)}/items?${query}`;
}

const UNIT_WORDS: Record<Exclude<IndicatorUnit, '%'>, Record<Lang, string>> = {
  'working-days': { vi: 'ngày làm việc', en: 'working days' },
  days: { vi: 'ngày', en: 'days' },
  hours: { vi: 'giờ', en: 'hours' },
  count: { vi: '', en: '' },
};

function number(value: number, lang: Lang, digits = 2): string {
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
}

/** "75 %", "3,8 ngày làm việc", "4"; null → "—". */
export function formatFigure(value: number | null | undefined, unit: IndicatorUnit, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === '%') return lang === 'vi' ? `${number(value, lang)} %` : `${number(value, lang)}%`;
  const word = UNIT_WORDS[unit][lang];
  return word ? `${number(value, lang)} ${word}` : number(value, lang, 0);
}

/** "6 / 8"; a sum of times keeps its decimals. */
export function formatRatio(numerator: number | null, denominator: number | null, lang: Lang): string {
  if (numerator === null && denominator === null) return '—';
  const n = numerator === null ? '—' : number(numerator, lang);
  return denominator === null ? n : `${n} / ${number(denominator, lang)}`;
}

export function formatPoints(points: number | null, maxPoints: number, lang: Lang): string {
  if (maxPoints === 0) return '—';
  return `${points === null ? '—' : number(points, lang)} / ${number(maxPoints, lang)}`;
}
