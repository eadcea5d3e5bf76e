/**
 * The internal process a procedure gets until the unit enters its own ISO process: the five steps
 * every one-stop dossier passes through, with working-hour allowances that add up to the legal time.
 */
import { AppError } from '../shared/app-error';
import type { ProcessingTime } from '../calendar/calendar-types';
import type { ProcessStep } from './procedure';

const ONE_STOP = 'Bộ phận Một cửa';
const SPECIALIST = 'Công chức chuyên môn';
const LEADER = 'Lãnh đạo UBND';

/** Working hours a processing time amounts to; calendar days count as working days × 5/7. */
export function workingHoursOf(time: ProcessingTime, hoursPerDay = 8): number {
  switch (time.unit) {
    case 'working-days':
      return time.amount * hoursPerDay;
    case 'days':
      // A week of calendar days holds five working days; rounding up never shortens the legal time.
      return Math.ceil((time.amount * 5) / 7) * hoursPerDay;
    case 'same-day':
      return hoursPerDay;
    case 'hours':
      return time.amount;
  }
}

/**
 * Splits the total into assign / appraise / submit / sign / issue. Reception and hand-over take about
 * an hour per day of the total (at most half a day), drafting and signing about as much (at most a
 * day each), and appraisal gets the rest, so 1 working day gives 1/4/1/1/1 h. Allowances are whole
 * hours when the total allows five of them, otherwise quarter or half hours.
 */
export function defaultSteps(time: ProcessingTime, hoursPerDay = 8): ProcessStep[] {
  if (!(hoursPerDay > 0) || (time.unit !== 'same-day' && !(time.amount > 0))) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `thời hạn phải lớn hơn 0 (amount=${time.amount}, hoursPerDay=${hoursPerDay})`,
    });
  }
  const total = workingHoursOf(time, hoursPerDay);
  const grain = [1, 0.5, 0.25].find((g) => Number.isInteger(total / g) && total / g >= 5);
  const units = grain === undefined ? null : split(total / grain, hoursPerDay / grain);
  const hours = units === null ? Array(5).fill(total / 5) : units.map((u) => u * grain!);
  const [assign, appraise, submit, sign, issue] = hours as [number, number, number, number, number];
  return [
    { code: 'assign', name: 'Tiếp nhận, phân công', allowanceHours: assign, unit: ONE_STOP },
    { code: 'appraise', name: 'Thẩm định, xử lý', allowanceHours: appraise, unit: SPECIALIST },
    { code: 'submit', name: 'Trình ký', allowanceHours: submit, unit: SPECIALIST },
    { code: 'sign', name: 'Ký duyệt', allowanceHours: sign, unit: LEADER },
    { code: 'issue', name: 'Phát hành, trả kết quả', allowanceHours: issue, unit: ONE_STOP },
  ];
}

/** `total` units (≥ 5) into five parts ≥ 1, in the order assign, appraise, submit, sign, issue. */
function split(total: number, unitsPerDay: number): number[] {
  const perDay = Math.max(1, Math.round(total / unitsPerDay));
  const assign = Math.min(perDay, Math.max(1, Math.floor(unitsPerDay / 2)));
  const submit = Math.min(perDay, Math.max(1, unitsPerDay));
  const appraise = total - 2 * assign - 2 * submit;
  if (appraise >= submit) return [assign, appraise, submit, submit, assign];
  // Short days (few hours per day) would starve appraisal; fall back to 1:4:1:1:1 shares.
  return proportional(total, [1, 4, 1, 1, 1]);
}

/** Largest-remainder apportionment with every part at least 1. */
function proportional(total: number, weights: number[]): number[] {
  const spare = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts.map((p) => p + 1);
}
