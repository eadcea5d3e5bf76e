/**
 * `motcua calendar holidays|due`: the output contract outside checks rely on (JSON array / one ISO
 * line, exit 0) and the bad-input contract (empty stdout, bilingual stderr naming the option, exit 2).
 */
import { describe, expect, it } from 'vitest';
import { runCalendarCommand } from '../../src/cli/calendar-command';
import { ANNOUNCED_SWAPS } from '../../src/core/calendar/announced-swaps';
import type { CalendarAdjustment } from '../../src/core/calendar/calendar-types';

const context = { adjustments: [...ANNOUNCED_SWAPS], now: new Date('2026-06-01T03:00:00Z') };
const run = (...args: string[]) => runCalendarCommand(args, context);

describe('calendar holidays', () => {
  it('prints the year as a JSON array of {date, name, kind}', () => {
    const result = run('calendar', 'holidays', '--year', '2026');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const days = JSON.parse(result.stdout) as { date: string; name: string; kind: string }[];
    expect(days.map((d) => d.date)).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    ]);
    for (const day of days) expect(Object.keys(day)).toEqual(['date', 'name', 'kind']);
    expect(days.find((d) => d.date === '2026-04-27')).toMatchObject({ kind: 'compensatory', name: expect.stringMatching(/^Nghỉ bù/) });
  });

  it('works without the leading "calendar" and with --year=YYYY', () => {
    expect(run('holidays', '--year=2026').stdout).toBe(run('calendar', 'holidays', '--year', '2026').stdout);
  });

  it('includes swap days and never prints removed ones', () => {
    const adjustments: CalendarAdjustment[] = [
      ...ANNOUNCED_SWAPS,
      { date: '2024-09-03', kind: 'removed', name: 'Dời ngày nghỉ' },
    ];
    const result = runCalendarCommand(['holidays', '--year', '2024'], { ...context, adjustments });
    const days = JSON.parse(result.stdout) as { date: string; kind: string }[];
    expect(days.find((d) => d.date === '2024-04-29')?.kind).toBe('swap-off');
    expect(days.find((d) => d.date === '2024-05-04')?.kind).toBe('swap-work');
    expect(days.some((d) => d.date === '2024-09-03')).toBe(false);
    expect(new Set(days.map((d) => d.kind))).toEqual(new Set(['holiday', 'compensatory', 'swap-off', 'swap-work']));
  });

  it.each(['1900', '2100'])('accepts the edge year %s', (year) => {
    expect(run('holidays', '--year', year).code).toBe(0);
  });
});

describe('calendar due', () => {
  it.each([
    [['--received', '2026-02-13T15:01:00+07:00', '--amount', '1', '--unit', 'working-days'], '2026-02-23T17:00:00+07:00'],
    [['--received', '2026-02-13T15:01:00+07:00', '--amount', '1', '--unit', 'working-days', '--cutoff', '15:00'], '2026-02-24T17:00:00+07:00'],
    [['--received', '2026-02-13T08:01:00Z', '--amount', '1', '--unit', 'same-day'], '2026-02-23T17:00:00+07:00'],
    [['--received', '2026-03-04T09:00:00+07:00', '--amount', '4', '--unit', 'days'], '2026-03-09T17:00:00+07:00'],
    [['--received', '2026-03-06T16:00:00+07:00', '--amount', '3', '--unit', 'hours'], '2026-03-09T10:00:00+07:00'],
    [['--received', '2024-05-03T10:00:00+07:00', '--amount', '1', '--unit', 'working-days'], '2024-05-04T17:00:00+07:00'],
  ])('%j → %s', (options, expected) => {
    const result = run('calendar', 'due', ...options);
    expect(result).toEqual({ stdout: `${expected}\n`, stderr: '', code: 0 });
  });
});

describe('bad input', () => {
  it.each([
    ['missing --year', ['holidays'], ['--year']],
    ['--year below 1900', ['holidays', '--year', '1899'], ['--year', '1900', '2100']],
    ['--year above 2100', ['holidays', '--year', '2101'], ['--year', '1900', '2100']],
    ['--year not a number', ['holidays', '--year', 'MMXXVI'], ['--year', 'MMXXVI']],
    ['--year without a value', ['holidays', '--year'], ['--year']],
    ['unknown option', ['holidays', '--year', '2026', '--month', '2'], ['--month']],
    ['unknown subcommand', ['weekdays'], ['weekdays']],
    ['no subcommand', [], ['calendar holidays']],
    ['missing --received', ['due', '--amount', '1', '--unit', 'days'], ['--received']],
    ['missing --unit', ['due', '--received', '2026-02-13T15:01:00+07:00', '--amount', '1'], ['--unit']],
    ['missing --amount', ['due', '--received', '2026-02-13T15:01:00+07:00', '--unit', 'days'], ['--amount']],
    ['--amount not an integer', ['due', '--received', '2026-02-13T15:01:00+07:00', '--amount', '1.5', '--unit', 'days'], ['--amount', '3650']],
    ['--amount negative', ['due', '--received', '2026-02-13T15:01:00+07:00', '--amount', '-2', '--unit', 'days'], ['--amount']],
    ['--amount too large', ['due', '--received', '2026-02-13T15:01:00+07:00', '--amount', '3651', '--unit', 'days'], ['--amount', '3650']],
    ['impossible date', ['due', '--received', '2026-02-30T09:00:00+07:00', '--amount', '1', '--unit', 'days'], ['--received', '2026-02-30', 'ISO-8601']],
    ['no offset', ['due', '--received', '2026-02-13T09:00:00', '--amount', '1', '--unit', 'days'], ['--received', 'ISO-8601']],
    ['future receipt', ['due', '--received', '2026-06-01T10:02:00+07:00', '--amount', '1', '--unit', 'days'], ['received', '2026-06-01T10:02:00+07:00']],
    ['unknown unit', ['due', '--received', '2026-02-13T09:00:00+07:00', '--amount', '1', '--unit', 'weeks'], ['weeks', 'working-days']],
    ['malformed --cutoff', ['due', '--received', '2026-02-13T09:00:00+07:00', '--amount', '1', '--unit', 'days', '--cutoff', '3pm'], ['--cutoff', '3pm', 'HH:MM']],
  ])('%s: exit 2, nothing on stdout, Vietnamese then English on stderr', (_, args, mentions) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [vi, en, ...rest] = result.stderr.trimEnd().split('\n');
    expect(rest).toEqual([]);
    for (const text of mentions) {
      expect(vi).toContain(text);
      expect(en).toContain(text);
    }
    // Vietnamese first: the first line has Vietnamese diacritics, the second does not.
    expect(vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i);
    expect(en).not.toMatch(/[ăđơưạảấầậắằặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỵỷỹ]/i);
  });
});
