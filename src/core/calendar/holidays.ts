/**
 * Public holidays of a year: the legal baseline computed from the Labour Code, then the year's
 * announced changes (adjustments) applied on top.
 *
 * Legal days (Labour Code 2019, 45/2019/QH14, art. 112; earlier codes for earlier years):
 *  - 1/1 Tết Dương lịch;
 *  - Tết Nguyên đán: the last day of the old lunar year and lunar 1/1–3/1, plus 4/1 since 2013
 *    (Labour Code 2012 made Tết five days);
 *  - Giỗ Tổ Hùng Vương, 10/3 lunar, since 2007;
 *  - 30/4 and 1/5;
 *  - 2/9, plus since 2021 one adjacent day, 1/9 or 3/9.
 *
 * Days off in lieu (art. 111, "nghỉ bù"), from 1995 when the first Labour Code took effect. The rules
 * reproduce the baseline of python-holidays (vacanza/holidays), which DOMAIN-VN §4 quotes for
 * 2025–2027; the choices below are the ones that library makes [M: the law leaves them to the yearly
 * announcement, which is why adjustments exist]:
 *  - a Tết day on a Saturday is made up on the working day before the Tết block and one on a Sunday on
 *    the working day after it (since 2014, when the Tết days were first announced that way); before
 *    2014 both went to the following working day;
 *  - 1/1, Hùng Kings, 30/4, 1/5 and 2/9 on a Saturday or Sunday move to the next working day (one that
 *    is neither a weekend nor already a day off), in date order, so a chain like 30/4 Sun → 1/5 Mon →
 *    day off on Tuesday comes out right;
 *  - the 2/9 companion day is picked by the weekday of 2/9 so that the two days join a weekend or each
 *    other without a lone working day between: Mon → 3/9, Tue → 1/9, Wed → 1/9, Thu → 3/9,
 *    Fri → 1/9, Sat → 1/9 (Fri), Sun → 3/9 (Mon);
 *  - a day in lieu never crosses into another year (there is then none).
 */
import { AppError } from '../shared/app-error';
import type { CalendarAdjustment, CalendarDay, CalendarDayKind } from './calendar-types';
import { addDays, formatVnDate, isWeekend, isoWeekdayOf } from './iso-date';
import { isoDateToJdn, lunarToSolar, solarToLunar, tetDate } from './lunar';

const LUNAR_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'] as const;

/** Offset (days) of the 2/9 companion day, by the ISO weekday of 2/9 (index 1 = Monday). */
const NATIONAL_DAY_COMPANION: Record<number, 1 | -1> = { 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1, 7: 1 };

class YearPlan {
  readonly days = new Map<string, CalendarDay>();
  constructor(readonly year: number) {}

  add(date: string, name: string, kind: CalendarDayKind): void {
    const existing = this.days.get(date);
    // Two holidays on one date keep both names: the day is off once.
    this.days.set(date, existing ? { ...existing, name: `${existing.name}; ${name}` } : { date, name, kind });
  }

  isOff(date: string): boolean {
    return isWeekend(date) || this.days.has(date);
  }

  /** The nearest working day strictly before (step −1) or after (+1) `date` in this year, or null. */
  nearestWorkday(date: string, step: 1 | -1): string | null {
    let day = addDays(date, step);
    while (day.startsWith(`${this.year}-`)) {
      if (!this.isOff(day)) return day;
      day = addDays(day, step);
    }
    return null;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Adds the Tết days and returns them, for the days in lieu computed once every holiday is known. */
function addTet(plan: YearPlan): { date: string; name: string }[] {
  const { year } = plan;
  const newYear = tetDate(year);
  const eve = addDays(newYear, -1);
  const eveDay = solarToLunar(eve).day;
  const lastDay = year >= 2013 ? 3 : 2;
  const tetDays: { date: string; name: string }[] = [
    { date: eve, name: `Tết Nguyên đán (${eveDay} tháng Chạp)` },
  ];
  for (let i = 0; i <= lastDay; i += 1) {
    tetDays.push({ date: addDays(newYear, i), name: `Tết Nguyên đán (${LUNAR_DAY_NAMES[i]} tháng Giêng)` });
  }
  for (const day of tetDays) plan.add(day.date, day.name, 'holiday');
  return tetDays;
}

function addTetInLieu(plan: YearPlan, tetDays: { date: string; name: string }[]): void {
  const { year } = plan;
  for (const day of tetDays) {
    const weekday = isoWeekdayOf(day.date);
    if (weekday < 6) continue;
    const step = year >= 2014 && weekday === 6 ? -1 : 1;
    const inLieu = plan.nearestWorkday(day.date, step);
    if (inLieu) plan.add(inLieu, `Nghỉ bù ${day.name}, rơi vào ${weekdayName(weekday)} ${formatVnDate(day.date)}`, 'compensatory');
  }
}

function weekdayName(isoWeekday: number): string {
  return isoWeekday === 7 ? 'Chủ nhật' : `thứ ${['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'][isoWeekday - 1]}`;
}

/** The rule-computed legal baseline of a year, before any adjustment. */
function legalDaysOf(year: number): Map<string, CalendarDay> {
  const plan = new YearPlan(year);
  const shiftable: { date: string; name: string }[] = [];
  const fixed = (month: number, day: number, name: string) => {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    plan.add(date, name, 'holiday');
    shiftable.push({ date, name });
  };

  fixed(1, 1, 'Tết Dương lịch');
  const tetDays = addTet(plan);
  if (year >= 2007) {
    const date = lunarToSolar(year, 3, 10);
    const name = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
    plan.add(date, name, 'holiday');
    shiftable.push({ date, name });
  }
  fixed(4, 30, 'Ngày Chiến thắng 30/4');
  fixed(5, 1, 'Ngày Quốc tế Lao động 1/5');
  fixed(9, 2, 'Quốc khánh 2/9');
  if (year >= 2021) {
    const nationalDay = `${year}-09-02`;
    const companion = addDays(nationalDay, NATIONAL_DAY_COMPANION[isoWeekdayOf(nationalDay)]!);
    plan.add(companion, `Quốc khánh (nghỉ thêm ngày ${formatVnDate(companion).slice(0, 5)})`, 'holiday');
  }

  if (year >= 1995) {
    addTetInLieu(plan, tetDays);
    shiftable.sort((a, b) => a.date.localeCompare(b.date));
    for (const holiday of shiftable) {
      const weekday = isoWeekdayOf(holiday.date);
      if (weekday < 6) continue;
      const inLieu = plan.nearestWorkday(holiday.date, 1);
      if (inLieu) {
        plan.add(inLieu, `Nghỉ bù ${holiday.name}, rơi vào ${weekdayName(weekday)} ${formatVnDate(holiday.date)}`, 'compensatory');
      }
    }
  }
  return plan.days;
}

/**
 * The special days of `year`, sorted by date: legal holidays ('holiday'), days off in lieu
 * ('compensatory'), then that year's adjustments applied in the order given — `removed` deletes a
 * computed day, any other kind sets the day (replacing what the rules computed for that date). Only
 * adjustments dated in `year` are used, so callers may pass the whole table.
 */
export function holidaysOfYear(year: number, adjustments: readonly CalendarAdjustment[] = []): CalendarDay[] {
  if (!Number.isInteger(year)) {
    throw new AppError('VALIDATION_FAILED', { detail: `year "${year}"` });
  }
  const days = legalDaysOf(year);
  for (const adjustment of adjustments) {
    if (!adjustment.date.startsWith(`${year}-`)) continue;
    isoDateToJdn(adjustment.date, 'adjustment.date');
    if (adjustment.kind === 'removed') days.delete(adjustment.date);
    else days.set(adjustment.date, { date: adjustment.date, name: adjustment.name, kind: adjustment.kind });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
