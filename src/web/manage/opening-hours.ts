/**
 * The opening-hours editor: a list of windows, each with seven day check boxes (Monday first) and
 * a from/until time. An empty list means the field hands out numbers at any time.
 */
import type { OpeningWindow } from '../../contracts/api';
import type { Lang } from '../../contracts/lang';

/** ISO weekdays in the order the editor shows them: Monday (1) … Sunday (7). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface WindowDraft {
  /** Stable key for React lists; not sent to the server. */
  key: string;
  /** Index 0 = Monday … 6 = Sunday. */
  days: boolean[];
  from: string;
  until: string;
}

export type WindowProblem = 'no-days' | 'bad-time' | 'until-before-from';

let nextKey = 0;
const newKey = () => `w${++nextKey}`;

export function windowsToDrafts(windows: readonly OpeningWindow[]): WindowDraft[] {
  return windows.map((w) => ({
    key: newKey(),
    days: WEEKDAYS.map((d) => w.days.includes(d)),
    from: w.from,
    until: w.until,
  }));
}

/** A new window: Monday–Friday, 07:30–11:30 unless told otherwise. */
export function newWindowDraft(days: readonly number[] = [1, 2, 3, 4, 5], from = '07:30', until = '11:30'): WindowDraft {
  return { key: newKey(), days: WEEKDAYS.map((d) => days.includes(d)), from, until };
}

/** Office hours of a ward: Mon–Fri morning and afternoon, Saturday morning. */
export function officeHoursDrafts(): WindowDraft[] {
  return [
    newWindowDraft([1, 2, 3, 4, 5], '07:30', '11:30'),
    newWindowDraft([1, 2, 3, 4, 5], '13:30', '17:00'),
    newWindowDraft([6], '07:30', '11:30'),
  ];
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number | null {
  const match = TIME.exec(time.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function windowProblem(draft: WindowDraft): WindowProblem | null {
  if (!draft.days.some(Boolean)) return 'no-days';
  const from = minutesOf(draft.from);
  const until = minutesOf(draft.until);
  if (from === null || until === null) return 'bad-time';
  if (until <= from) return 'until-before-from';
  return null;
}

/** The windows to send, or the problems by row (index into the drafts) when some row is wrong. */
export function draftsToWindows(
  drafts: readonly WindowDraft[],
): { ok: true; windows: OpeningWindow[] } | { ok: false; problems: Map<number, WindowProblem> } {
  const problems = new Map<number, WindowProblem>();
  drafts.forEach((draft, index) => {
    const problem = windowProblem(draft);
    if (problem) problems.set(index, problem);
  });
  if (problems.size > 0) return { ok: false, problems };
  return {
    ok: true,
    windows: drafts.map((d) => ({
      days: WEEKDAYS.filter((_, i) => d.days[i]),
      from: d.from.trim(),
      until: d.until.trim(),
    })),
  };
}

export function weekdayShort(day: number, lang: Lang): string {
  if (lang === 'vi') return day === 7 ? 'CN' : `T${day + 1}`;
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][day - 1]!;
}

/** "T2–T6 07:30–11:30; T7 07:30–11:30"; the empty list reads "always open". */
export function describeOpeningHours(windows: readonly OpeningWindow[], lang: Lang): string {
  if (windows.length === 0) return lang === 'vi' ? 'Cả ngày' : 'Any time';
  return windows
    .map((w) => {
      const days = [...w.days].sort((a, b) => a - b);
      const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
      const dayText =
        days.length > 2 && consecutive
          ? `${weekdayShort(days[0]!, lang)}–${weekdayShort(days[days.length - 1]!, lang)}`
          : days.map((d) => weekdayShort(d, lang)).join(', ');
      return `${dayText} ${w.from}–${w.until}`;
    })
    .join('; ');
}
