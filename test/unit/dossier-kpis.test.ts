import { describe, expect, it } from 'vitest';
import { completeSupplement, issueApology, receiveDossier, refuseAtReception, requestSupplement, withdraw } from '../../src/core/dossier/dossier';
import type { Dossier } from '../../src/core/dossier/dossier-types';
import { processingTimeIn, summariseDossiers } from '../../src/core/dossier/dossier-kpis';
import { at, calendar, finishAll, INTAKE, MISSING, received } from './dossier-fixtures';

const receivedAs = (procedureCode: string, when: string): Dossier =>
  receiveDossier({ ...INTAKE, procedure: { ...INTAKE.procedure, code: procedureCode } }, at(when), calendar).dossier;

const paused = (d: Dossier, from: string, until: string): Dossier =>
  completeSupplement(requestSupplement(d, MISSING, at(from)).dossier, at(until), calendar).dossier;

const COPY = '2.000908';
const BIRTH = '1.001193';
const PERIOD = { from: at('2026-11-16 00:00'), to: at('2026-11-27 17:00') };
const byProcedure = (d: Dossier) => d.procedureCode;

// Received Wednesday 18/11 10:00 means the appointment is Wednesday 25/11 17:00.
const COPY_DOSSIERS: Record<string, Dossier> = {
  early: finishAll(receivedAs(COPY, '2026-11-18 10:00'), '2026-11-24 10:00'),
  onTime: finishAll(receivedAs(COPY, '2026-11-18 10:00'), '2026-11-25 15:00'),
  late: finishAll(receivedAs(COPY, '2026-11-18 10:00'), '2026-11-26 09:00'),
  openOverdue: receivedAs(COPY, '2026-11-18 10:00'),
  openWithinTime: receivedAs(COPY, '2026-11-24 10:00'),
  withdrawn: withdraw(receivedAs(COPY, '2026-11-18 10:00'), at('2026-11-20 10:00')).dossier,
  finishedAfterPeriod: finishAll(receivedAs(COPY, '2026-11-18 10:00'), '2026-11-30 09:00'),
  closedBeforePeriod: finishAll(receivedAs(COPY, '2026-11-09 10:00'), '2026-11-12 10:00'),
  // Received the week before, appointment Tuesday 17/11 17:00, finished that morning.
  carriedOverOnTime: finishAll(receivedAs(COPY, '2026-11-10 10:00'), '2026-11-17 10:00'),
  // Appointment 1/12, but two supplement requests make it late already.
  openTwoSupplements: paused(paused(receivedAs(COPY, '2026-11-24 10:00'), '2026-11-24 11:00', '2026-11-24 14:00'), '2026-11-24 15:00', '2026-11-24 16:00'),
  refusedAtCounter: refuseAtReception({ ...INTAKE, procedure: { ...INTAKE.procedure, code: COPY } }, 'Không thuộc thẩm quyền', at('2026-11-18 09:00')).dossier,
};

const BIRTH_DOSSIERS = [
  // 6 working days: Wed 18/11 10:00 → Thu 26/11 10:00.
  finishAll(receivedAs(BIRTH, '2026-11-18 10:00'), '2026-11-26 10:00'),
  // 4 working days.
  finishAll(receivedAs(BIRTH, '2026-11-18 10:00'), '2026-11-24 10:00'),
  // 3 working days less the Thursday the citizen held it: 2.
  finishAll(paused(receivedAs(BIRTH, '2026-11-18 10:00'), '2026-11-19 08:00', '2026-11-20 08:00'), '2026-11-23 10:00'),
];

describe('dossier KPIs (766 indicators 2.1 and 2.2)', () => {
  const summaries = summariseDossiers([...Object.values(COPY_DOSSIERS), ...BIRTH_DOSSIERS], PERIOD, byProcedure, calendar);
  const copy = summaries.find((s) => s.group === COPY)!;
  const birth = summaries.find((s) => s.group === BIRTH)!;

  it('one row per group, in order', () => {
    expect(summaries.map((s) => s.group)).toEqual([BIRTH, COPY]);
  });

  it('counts what was handled in the period, by outcome', () => {
    expect(copy).toMatchObject({
      // Everything received from 16/11 except the refusal at the counter (never received).
      received: 8,
      // The first release left the withdrawn dossier out (counted 8, early 1). 766 keeps it in the
      // denominator with its withdrawal (20/11, before the 25/11 appointment) as its end: early.
      finished: { early: 2, onTime: 2, late: 1 },
      unfinished: { withinTime: 1, overdue: 3 },
      counted: 9,
    });
  });

  it('on-time rate = (early + on time + open within time) / counted, 2 decimals', () => {
    // (2 + 2 + 1) / 9 = 55.56 % (was 4 / 8 = 50 % before withdrawals counted).
    expect(copy.onTimeRate).toBe(55.56);
    expect(birth.onTimeRate).toBe(66.67);
  });

  it('average processing time in working days excludes supplement pauses', () => {
    expect(birth.averageWorkingDays).toBe(4);
    expect(birth.finished).toEqual({ early: 2, onTime: 0, late: 1 });
  });

  it('a withdrawn dossier alone: counted, early, no processing time', () => {
    // Used to be "nothing counted, no rate"; a withdrawal after receipt is now an end like the others.
    const [only] = summariseDossiers([COPY_DOSSIERS.withdrawn!], PERIOD, byProcedure, calendar);
    expect(only).toMatchObject({ group: COPY, received: 1, counted: 1, finished: { early: 1, onTime: 0, late: 0 }, onTimeRate: 100, averageWorkingDays: null, averaged: 0 });
  });

  it('nothing received: no rows rather than a 0 % rate', () => {
    expect(summariseDossiers([COPY_DOSSIERS.closedBeforePeriod!, COPY_DOSSIERS.refusedAtCounter!], PERIOD, byProcedure, calendar)).toEqual([]);
  });

  // The first release made every apologised dossier late ("[M]"). The 766 formula only compares the end
  // with the appointment (DOMAIN-VN §9): apology ⇒ late is now the local setting apologyCountsAsLate.
  it('an apology moves the citizen’s date but not the statistics; late only when the centre says so', () => {
    const apologised = issueApology(receivedAs(COPY, '2026-11-18 10:00'), { reason: 'Chờ xác minh', newDueAt: at('2026-12-04 17:00') }, at('2026-11-20 09:00')).dossier;
    // Finished Monday 23/11, before the original appointment Wednesday 25/11 17:00.
    const finishedEarly = finishAll(apologised, '2026-11-23 10:00');
    const [byDefault] = summariseDossiers([finishedEarly], PERIOD, byProcedure, calendar);
    expect(byDefault).toMatchObject({ finished: { early: 1, onTime: 0, late: 0 }, onTimeRate: 100 });
    const [withPolicy] = summariseDossiers([finishedEarly], PERIOD, byProcedure, calendar, { apologyCountsAsLate: true });
    expect(withPolicy).toMatchObject({ finished: { early: 0, onTime: 0, late: 1 }, onTimeRate: 0 });
    // Finished Friday 27/11, after the original appointment though before the apology's 4/12: late either way.
    const [afterOriginal] = summariseDossiers([finishAll(apologised, '2026-11-27 10:00')], PERIOD, byProcedure, calendar);
    expect(afterOriginal).toMatchObject({ finished: { early: 0, onTime: 0, late: 1 }, onTimeRate: 0 });
    // Still open on 27/11 17:00 with the apology: overdue against 25/11, and under the policy too.
    const [open] = summariseDossiers([apologised], PERIOD, byProcedure, calendar);
    expect(open).toMatchObject({ unfinished: { withinTime: 0, overdue: 1 } });
  });

  it('the same dossiers a week earlier: what happened after the period is not known yet', () => {
    const [early] = summariseDossiers(Object.values(COPY_DOSSIERS), { from: PERIOD.from, to: at('2026-11-20 17:00') }, byProcedure, calendar);
    expect(early).toMatchObject({
      // Received 16/11–20/11: the six from 18/11. The withdrawal (20/11 10:00) is already known: early.
      received: 6,
      finished: { early: 1, onTime: 1, late: 0 },
      unfinished: { withinTime: 5, overdue: 0 },
      onTimeRate: 100,
    });
  });
});

describe('2.2 average processing time: the cohort received in the period, in the procedure’s unit', () => {
  // Working times of the copy dossiers received Wednesday 18/11 10:00 (office hours 08–12, 13–17):
  //   early  → Tue 24/11 10:00 = 4 working days
  //   onTime → Wed 25/11 15:00 = 5 days + 4 office hours = 5.5
  //   late   → Thu 26/11 09:00 = 5 days + 7 hours = 5.875
  //   finishedAfterPeriod → Mon 30/11 09:00 = 5 days + 23 hours = 7.875
  // carriedOverOnTime was received 10/11 (before the period) and finished 17/11 (in it): 5 working days.
  const copyOnly = Object.values(COPY_DOSSIERS);

  it('a dossier received before the period does not move its average, even if it finished in it', () => {
    // The first release averaged what *finished* in the period: (4 + 5.5 + 5.875 + 5) / 4 = 5.09.
    // Now only the cohort received in it: (4 + 5.5 + 5.875) / 3 = 5.125.
    const [row] = summariseDossiers(copyOnly, PERIOD, byProcedure, calendar);
    expect(row).toMatchObject({ averaged: 3, averageWorkingDays: 5.13, averageTime: { value: 5.13, unit: 'working-days' } });
  });

  it('the cohort keeps collecting dossiers that finish after the period (January finished in March is January’s)', () => {
    const [row] = summariseDossiers(copyOnly, PERIOD, byProcedure, calendar, { completedBy: at('2026-12-31 17:00') });
    // (4 + 5.5 + 5.875 + 7.875) / 4 = 5.8125
    expect(row).toMatchObject({ averaged: 4, averageWorkingDays: 5.81 });
    // …and the next period, where it finished, does not see it at all.
    const [next] = summariseDossiers(copyOnly, { from: at('2026-11-30 00:00'), to: at('2026-12-11 17:00') }, byProcedure, calendar, { completedBy: at('2026-12-31 17:00') });
    expect(next).toMatchObject({ averaged: 0, averageWorkingDays: null, averageTime: null });
  });

  it('a procedure in calendar days is averaged in days; a mixed group in working days', () => {
    const days = (code: string, when: string) =>
      receiveDossier({ ...INTAKE, procedure: { ...INTAKE.procedure, code, processingTime: { amount: 10, unit: 'days' } } }, at(when), calendar).dossier;
    // Wednesday 18/11 10:00 → Monday 23/11 10:00: 5 calendar days, 3 working days.
    const inDays = finishAll(days('1.000001', '2026-11-18 10:00'), '2026-11-23 10:00');
    const [own] = summariseDossiers([inDays], PERIOD, byProcedure, calendar);
    expect(own).toMatchObject({ averageTime: { value: 5, unit: 'days' }, averageWorkingDays: 3 });
    // With the 4-working-day copy dossier in one group: (3 + 4) / 2 working days.
    const [mixed] = summariseDossiers([inDays, COPY_DOSSIERS.early!], PERIOD, () => 'all', calendar);
    expect(mixed).toMatchObject({ averageTime: { value: 3.5, unit: 'working-days' }, averaged: 2 });
  });

  it('processing time in hours for an hour-based procedure', () => {
    const d = finishAll(received(), '2026-11-18 15:30');
    // 10:00 → 15:30 less the lunch hour = 4.5 office hours.
    expect(processingTimeIn(d, 'hours', calendar)).toBe(4.5);
    expect(processingTimeIn(d, 'working-days', calendar)).toBe(4.5 / 8);
  });
});
