import { describe, expect, it } from 'vitest';
import { finishStep, issueApology, refuse, requestSupplement, returnResult, stopProcessing, withdraw } from '../../src/core/dossier/dossier';
import type { DossierStep } from '../../src/core/dossier/dossier-types';
import { classifyTimeliness, dueSoon, endOfProcessing, stepTimeliness } from '../../src/core/dossier/timeliness';
import { at, calendar, dossierIn, DUE_AT, finishAll, MISSING, received, SIGN_OFF } from './dossier-fixtures';

// Every dossier here is received Wednesday 18/11 10:00 with the appointment Wednesday 25/11 17:00.

describe('dossier outcome against the appointment (766 §2.1)', () => {
  it.each([
    { end: '2026-11-24 16:00', expected: 'early', why: 'the day before' },
    { end: '2026-11-25 08:30', expected: 'on-time', why: 'the appointment day, before the hour' },
    { end: DUE_AT, expected: 'on-time', why: 'exactly at the appointment' },
    { end: '2026-11-25 17:01', expected: 'late', why: 'one minute after' },
    { end: '2026-11-26 09:00', expected: 'late', why: 'the next day' },
  ])('finished $why ($end) is $expected', ({ end, expected }) => {
    const finished = finishAll(received(), end);
    expect(finished.timeliness).toBe(expected);
    expect(classifyTimeliness(finished, at('2026-12-31 17:00'))).toEqual({ timeliness: expected, overdue: false });
  });

  it('the time the result was ready counts, not when the citizen collected it', () => {
    const returned = returnResult(finishAll(received(), '2026-11-24 10:00'), { receivedBy: 'Lan' }, at('2026-11-27 10:00')).dossier;
    expect(classifyTimeliness(returned, at('2026-11-30 08:00')).timeliness).toBe('early');
  });

  it('without a finish time (imported data) the return time is the end', () => {
    const returned = returnResult(finishAll(received(), '2026-11-24 10:00'), { receivedBy: 'Lan' }, at('2026-11-27 10:00')).dossier;
    expect(classifyTimeliness({ ...returned, finishedAt: null }, at('2026-11-30 08:00')).timeliness).toBe('late');
  });

  it.each([
    { action: 'stop', end: '2026-11-20 09:00', expected: 'early' },
    { action: 'refuse', end: '2026-11-26 09:00', expected: 'late' },
  ])('a dossier ended by $action is classified at that time: $expected', ({ action, end, expected }) => {
    const d = received();
    const ended = action === 'stop' ? stopProcessing(d, 'Công dân đề nghị', at(end)).dossier : refuse(d, 'Không đủ điều kiện', at(end)).dossier;
    expect(ended.timeliness).toBe(expected);
    expect(classifyTimeliness(ended, at('2026-12-01 08:00')).timeliness).toBe(expected);
  });

  it.each([
    { when: '2026-11-25 16:59', overdue: false },
    { when: DUE_AT, overdue: false },
    { when: '2026-11-25 17:01', overdue: true },
  ])('an open dossier at $when: overdue $overdue, no outcome yet', ({ when, overdue }) => {
    expect(classifyTimeliness(received(), at(when))).toEqual({ timeliness: null, overdue });
  });

  it('a dossier waiting for the citizen is measured at the request, so it is not overdue while it waits', () => {
    const waiting = requestSupplement(received(), MISSING, at('2026-11-24 09:00')).dossier;
    expect(classifyTimeliness(waiting, at('2026-12-10 09:00'))).toEqual({ timeliness: null, overdue: false });
    expect(classifyTimeliness(received(), at('2026-12-10 09:00')).overdue).toBe(true);
  });

  it('as of a past instant, what happened later is ignored', () => {
    const finished = finishAll(received(), '2026-11-27 10:00');
    expect(classifyTimeliness(finished, at('2026-11-26 08:00'))).toEqual({ timeliness: null, overdue: true });
    expect(classifyTimeliness(finished, at('2026-11-17 08:00'))).toEqual({ timeliness: null, overdue: false });
  });

  // The first release left withdrawn dossiers out ("no outcome"). The 766 formula ends a dossier at the
  // first of finished, returned, stopped/refused or withdrawn at the citizen's request, and keeps the
  // withdrawn ones in the denominator (DOMAIN-VN §9), so a withdrawal is judged like any other end.
  it.each([
    { withdrawnAt: '2026-11-20 10:00', expected: 'early', why: 'before the appointment day' },
    { withdrawnAt: '2026-11-25 16:00', expected: 'on-time', why: 'on the appointment day' },
    { withdrawnAt: '2026-11-27 10:00', expected: 'late', why: 'after the appointment' },
  ])('a dossier withdrawn after receipt $why is $expected, its withdrawal being its end', ({ withdrawnAt, expected }) => {
    const gone = withdraw(received(), at(withdrawnAt)).dossier;
    expect(endOfProcessing(gone)).toEqual(at(withdrawnAt));
    expect(classifyTimeliness(gone, at('2026-11-30 10:00'))).toEqual({ timeliness: expected, overdue: false });
    // Before the withdrawal it was simply open.
    expect(classifyTimeliness(gone, at('2026-11-19 10:00'))).toEqual({ timeliness: null, overdue: false });
  });

  it('a dossier withdrawn before it was received (Form 02) is not counted', () => {
    const gone = withdraw(dossierIn('incomplete'), at('2026-11-18 10:00')).dossier;
    expect(classifyTimeliness(gone, at('2026-11-30 10:00'))).toEqual({ timeliness: null, overdue: false });
  });
});

describe('apology letter (Form 04): late only as a local policy', () => {
  // Received 18/11 10:00, original appointment 25/11 17:00; apology on 24/11 moving it to 2/12 17:00.
  const apologised = () => issueApology(received(), { reason: 'Chờ kết quả xác minh', newDueAt: at('2026-12-02 17:00') }, at('2026-11-24 09:00')).dossier;

  it.each([
    { end: '2026-11-24 16:00', byDefault: 'early', withPolicy: 'late' },
    { end: '2026-11-25 10:00', byDefault: 'on-time', withPolicy: 'late' },
    // After the original appointment but before the apology's new date: the new date does not help.
    { end: '2026-11-30 10:00', byDefault: 'late', withPolicy: 'late' },
  ])('finished $end: $byDefault by the 766 rule, $withPolicy when an apology counts as late', ({ end, byDefault, withPolicy }) => {
    const finished = finishAll(apologised(), end);
    expect(classifyTimeliness(finished, at('2026-12-10 08:00')).timeliness).toBe(byDefault);
    expect(classifyTimeliness(finished, at('2026-12-10 08:00'), { apologyCountsAsLate: false }).timeliness).toBe(byDefault);
    expect(classifyTimeliness(finished, at('2026-12-10 08:00'), { apologyCountsAsLate: true }).timeliness).toBe(withPolicy);
  });

  it('an open dossier is judged against the original appointment, not the apology’s date', () => {
    expect(classifyTimeliness(apologised(), at('2026-11-26 09:00'))).toEqual({ timeliness: null, overdue: true });
  });
});

describe('step outcome (Form 06)', () => {
  const step = (finishedAt: string | null): DossierStep => ({
    code: 'appraise',
    name: 'Thẩm định',
    unit: 'Phòng Tư pháp',
    allowanceHours: 16,
    startedAt: at('2026-11-19 15:00'),
    dueAt: at('2026-11-23 15:00'),
    finishedAt: finishedAt === null ? null : at(finishedAt),
    officerId: null,
    officerName: null,
    note: null,
  });

  it.each([
    { finished: '2026-11-20 16:00', expected: 'early' },
    { finished: '2026-11-23 09:00', expected: 'on-time' },
    { finished: '2026-11-23 15:00', expected: 'on-time' },
    { finished: '2026-11-23 15:30', expected: 'late' },
    { finished: null, expected: null },
  ])('finished $finished → $expected', ({ finished, expected }) => {
    expect(stepTimeliness(step(finished), at('2026-12-01 08:00'))).toBe(expected);
  });

  it('a real dossier records each step against its own allowance', () => {
    // Step 1 due Thursday 19/11 10:00.
    const late = finishStep(received(), SIGN_OFF, at('2026-11-19 11:00'), calendar).dossier;
    expect(stepTimeliness(late.steps[0]!, at('2026-11-19 11:00'))).toBe('late');
    const early = finishStep(received(), SIGN_OFF, at('2026-11-18 16:00'), calendar).dossier;
    expect(stepTimeliness(early.steps[0]!, at('2026-11-19 11:00'))).toBe('early');
  });
});

describe('due-soon warning', () => {
  it.each([
    { when: '2026-11-24 16:00', expected: 'ok', why: '9 office hours left' },
    { when: '2026-11-24 17:00', expected: 'due-soon', why: 'exactly 8 office hours left' },
    { when: '2026-11-25 16:00', expected: 'due-soon', why: 'one hour left' },
    { when: '2026-11-25 17:30', expected: 'overdue', why: 'past the appointment' },
  ])('$why → $expected', ({ when, expected }) => {
    expect(dueSoon(received(), at(when), calendar)).toBe(expected);
  });

  it('after an apology it counts down to the new date', () => {
    const d = { ...received(), extendedDueAt: at('2026-12-02 17:00') };
    expect(dueSoon(d, at('2026-11-26 09:00'), calendar)).toBe('ok');
  });

  it('closed dossiers get no warning', () => {
    expect(dueSoon(finishAll(received(), '2026-11-24 10:00'), at('2026-11-30 10:00'), calendar)).toBeNull();
  });
});
