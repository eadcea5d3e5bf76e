/**
 * `motcua calendar …` — the working calendar from the command line. Pure: the caller passes the
 * adjustments table and the clock, and writes stdout/stderr and the exit code itself.
 *
 *   calendar holidays --year <YYYY>
 *       JSON array of { date, name, kind } for the year (holidays, days in lieu, swaps).
 *   calendar due --received <ISO-8601 with offset> --amount <n>
 *                --unit <working-days|days|hours|same-day> [--cutoff HH:MM]
 *       the due moment in local time, e.g. 2026-02-23T17:00:00+07:00.
 *
 * Bad input exits with code 2, nothing on stdout, and a message on stderr: Vietnamese, then English.
 * The leading word "calendar" is optional, so the command works whether or not main.ts strips it.
 */
import { formatErrorMessage } from '../contracts/errors';
import type { CalendarAdjustment, ProcessingTime } from '../core/calendar/calendar-types';
import { computeDue, formatVnIso, parseReceived } from '../core/calendar/due-date';
import { holidaysOfYear } from '../core/calendar/holidays';
import { createWorkingCalendar } from '../core/calendar/working-calendar';
import { isAppError } from '../core/shared/app-error';
import { parseTimeOfDay } from '../core/shared/local-time';

export interface CalendarCommandContext {
  adjustments: CalendarAdjustment[];
  now: Date;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const USAGE = {
  vi: 'Cách dùng: calendar holidays --year <YYYY> | calendar due --received <ISO-8601 kèm múi giờ> --amount <n> --unit <working-days|days|hours|same-day> [--cutoff HH:MM]',
  en: 'Usage: calendar holidays --year <YYYY> | calendar due --received <ISO-8601 with offset> --amount <n> --unit <working-days|days|hours|same-day> [--cutoff HH:MM]',
};

/** A bad command line, told in both languages. */
class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function runCalendarCommand(args: string[], context: CalendarCommandContext): CommandResult {
  try {
    const rest = args[0] === 'calendar' ? args.slice(1) : args;
    const [subcommand, ...optionArgs] = rest;
    switch (subcommand) {
      case 'holidays':
        return ok(holidaysCommand(parseOptions(optionArgs, ['--year']), context));
      case 'due':
        return ok(dueCommand(parseOptions(optionArgs, ['--received', '--amount', '--unit', '--cutoff']), context));
      default:
        throw new UsageError(
          `Lệnh con "${subcommand ?? ''}" không hợp lệ. ${USAGE.vi}`,
          `Unknown subcommand "${subcommand ?? ''}". ${USAGE.en}`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.vi}\n${error.en}\n`);
    if (isAppError(error)) {
      return fail(`${formatErrorMessage(error.code, 'vi', error.params)}\n${formatErrorMessage(error.code, 'en', error.params)}\n`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `Lỗi không mong đợi / Unexpected error: ${detail}\n`, code: 1 };
  }
}

function ok(stdout: string): CommandResult {
  return { stdout, stderr: '', code: 0 };
}

function fail(stderr: string): CommandResult {
  return { stdout: '', stderr, code: 2 };
}

/** "--name value" and "--name=value"; a repeated option keeps its last value. */
function parseOptions(args: string[], known: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(name)) {
      throw new UsageError(
        `Tùy chọn "${arg}" không hợp lệ; dùng: ${known.join(', ')}.`,
        `Unknown option "${arg}"; use: ${known.join(', ')}.`,
      );
    }
    let value: string | undefined;
    if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      // A negative number is a value, another "--option" is not.
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i += 1;
    }
    if (value === undefined || value === '') {
      throw new UsageError(`Tùy chọn ${name} thiếu giá trị.`, `Option ${name} needs a value.`);
    }
    options.set(name, value);
  }
  return options;
}

function required(options: Map<string, string>, name: string, what: { vi: string; en: string }): string {
  const value = options.get(name);
  if (value === undefined) {
    throw new UsageError(`Thiếu tùy chọn ${name} (${what.vi}).`, `Missing option ${name} (${what.en}).`);
  }
  return value;
}

function holidaysCommand(options: Map<string, string>, context: CalendarCommandContext): string {
  const text = required(options, '--year', { vi: 'năm dương lịch YYYY', en: 'Gregorian year YYYY' });
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new UsageError(
      `Tùy chọn --year "${text}" không hợp lệ: năm phải là số từ ${MIN_YEAR} đến ${MAX_YEAR}.`,
      `Option --year "${text}" is invalid: the year must be a number from ${MIN_YEAR} to ${MAX_YEAR}.`,
    );
  }
  const days = holidaysOfYear(year, context.adjustments).map(({ date, name, kind }) => ({ date, name, kind }));
  return `${JSON.stringify(days, null, 2)}\n`;
}

function dueCommand(options: Map<string, string>, context: CalendarCommandContext): string {
  const receivedText = required(options, '--received', {
    vi: 'thời điểm tiếp nhận, ISO-8601 kèm múi giờ',
    en: 'time of receipt, ISO-8601 with offset',
  });
  const unit = required(options, '--unit', {
    vi: 'working-days, days, hours hoặc same-day',
    en: 'working-days, days, hours or same-day',
  });
  const amountText =
    unit === 'same-day'
      ? (options.get('--amount') ?? '1')
      : required(options, '--amount', { vi: 'số lượng, số nguyên', en: 'amount, an integer' });
  if (!/^\d+$/.test(amountText) || (unit !== 'same-day' && Number(amountText) > 3650)) {
    throw new UsageError(
      `Tùy chọn --amount "${amountText}" không hợp lệ: phải là số nguyên từ 0 đến 3650.`,
      `Option --amount "${amountText}" is invalid: it must be an integer from 0 to 3650.`,
    );
  }
  const cutoff = options.get('--cutoff') ?? null;
  if (cutoff !== null && parseTimeOfDay(cutoff) === null) {
    throw new UsageError(
      `Tùy chọn --cutoff "${cutoff}" không hợp lệ: giờ chốt phải có dạng HH:MM, ví dụ 15:00.`,
      `Option --cutoff "${cutoff}" is invalid: the cut-off must be HH:MM, e.g. 15:00.`,
    );
  }
  const received = parseReceived(receivedText, '--received');
  const time: ProcessingTime = {
    amount: Number(amountText),
    unit: unit as ProcessingTime['unit'],
    cutoff,
  };
  const calendar = createWorkingCalendar({ adjustments: context.adjustments });
  return `${formatVnIso(computeDue(received, time, calendar, context.now))}\n`;
}
