import { describe, expect, it } from 'vitest';
import { finishStep, refuse, requestSupplement, returnResult, stopProcessing, withdraw } from '../../src/core/dossier/dossier';
import type { DossierStep } from '../../src/core/dossier/dossier-types';
import { classifyTimeliness, dueSoon, stepTimeliness } from '../../src/core/dossier/timeliness';
import { at, calendar, DUE_AT, finishAll, MISSING, received, SIGN_OFF } from './dossier-fixtures';

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

  it('withdrawn dossiers have no outcome', () => {
    const gone = withdraw(received(), at('2026-11-27 10:00')).dossier;
    expect(classifyTimeliness(gone, at('2026-11-30 10:00'))).toEqual({ timeliness: null, overdue: false });
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
