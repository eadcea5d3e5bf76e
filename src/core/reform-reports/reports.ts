/**
 * Reform report schedules and submissions: the periods a schedule asks for and their deadlines on the
 * working calendar, where each unit's submission stands (on time, late, drafting, missing, not yet due),
 * and how the units' figures roll up (counts summed; rates recomputed from the summed numerators and
 * denominators, or averaged when a unit gave only a rate). Pure.
 */
import { namedPeriod } from '../../contracts/indicator-periods';
import type { ReportKind, ReportTemplate, SubmissionState } from '../../contracts/reform-reports';
import type { ReformFigure } from '../../contracts/self-evaluation';
import { addDays } from '../calendar/iso-date';

export interface ReportPeriod {
  index: number;
  from: string;
  to: string;
  label: string;
}

/** The periods of a periodic schedule for a year (ad-hoc requests give their own). */
export function schedulePeriods(kind: Exclude<ReportKind, 'ad-hoc'>, year: number): ReportPeriod[] {
  switch (kind) {
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => {
        const p = namedPeriod('quarter', year, q);
        return { index: q, from: p.from, to: p.to, label: p.labelVi };
      });
    case 'six-monthly':
      return [
        { index: 1, from: `${year}-01-01`, to: `${year}-06-30`, label: `6 tháng đầu năm ${year}` },
        { index: 2, from: `${year}-07-01`, to: `${year}-12-31`, label: `6 tháng cuối năm ${year}` },
      ];
    case 'yearly':
      return [{ index: 1, from: `${year}-01-01`, to: `${year}-12-31`, label: `Năm ${year}` }];
  }
}

export function periodLabel(kind: ReportKind, year: number, index: number, from: string, to: string): string {
  if (kind !== 'ad-hoc') return schedulePeriods(kind, year).find((p) => p.index === index)?.label ?? `${from} – ${to}`;
  const vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return `Từ ${vn(from)} đến ${vn(to)}`;
}

/** The day `workingDays` working days after `day` (0: `day` itself if it is a working day, else the next). */
export function addWorkingDays(day: string, workingDays: number, isWorkingDay: (d: string) => boolean): string {
  let d = day;
  let left = workingDays;
  if (left === 0) {
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/**
 * Where a unit's report stands on `today` (a local day): submitted by the end of the due day is on
 * time, after it late; not submitted after the due day is missing.
 */
export function submissionState(
  submission: { status: 'draft' | 'submitted'; submittedDay: string | null } | null,
  dueDay: string,
  today: string,
): SubmissionState {
  if (submission?.status === 'submitted') return submission.submittedDay !== null && submission.submittedDay > dueDay ? 'late' : 'submitted';
  if (today > dueDay) return 'missing';
  return submission ? 'draft' : 'pending';
}

export { DEFAULT_TEMPLATE } from '../../contracts/reform-reports';

/** Why a template cannot be used, in Vietnamese; null when it can. */
export function templateProblem(template: ReportTemplate): string | null {
  const keys = new Set<string>();
  for (const s of template.sections) {
    if (keys.has(s.key)) return `mẫu báo cáo có hai mục cùng khóa "${s.key}"`;
    keys.add(s.key);
  }
  return null;
}

export interface RolledFigure {
  value: number | null;
  how: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One figure across the units that reported it. */
export function rollUpFigure(unit: '%' | 'count', figures: readonly Pick<ReformFigure, 'value' | 'numerator' | 'denominator'>[]): RolledFigure {
  const known = figures.filter((f) => f.value !== null);
  if (known.length === 0) return { value: null, how: 'Chưa có đơn vị nào có số liệu' };
  if (unit === 'count') return { value: known.reduce((s, f) => s + f.value!, 0), how: `Tổng của ${known.length} đơn vị` };
  const weighted = known.filter((f) => f.numerator !== null && f.denominator !== null && f.denominator > 0);
  if (weighted.length === known.length) {
    const num = weighted.reduce((s, f) => s + f.numerator!, 0);
    const den = weighted.reduce((s, f) => s + f.denominator!, 0);
    return { value: round1((num / den) * 100), how: `Tính lại từ tổng tử số/mẫu số của ${known.length} đơn vị (${num}/${den})` };
  }
  const mean = known.reduce((s, f) => s + f.value!, 0) / known.length;
  return { value: round1(mean), how: `Trung bình cộng tỷ lệ của ${known.length} đơn vị` };
}
