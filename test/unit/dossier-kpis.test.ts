import { describe, expect, it } from 'vitest';
import { completeSupplement, issueApology, receiveDossier, refuseAtReception, requestSupplement, withdraw } from '../../src/core/dossier/dossier';
import type { Dossier } from '../../src/core/dossier/dossier-types';
import { summariseDossiers } from '../../src/core/dossier/dossier-kpis';
import { at, calendar, finishAll, INTAKE, MISSING } from './dossier-fixtures';

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
      finished: { early: 1, onTime: 2, late: 1 },
      unfinished: { withinTime: 1, overdue: 3 },
      counted: 8,
    });
  });

  it('on-time rate = (early + on time + open within time) / counted, 2 decimals', () => {
    expect(copy.onTimeRate).toBe(50);
    expect(birth.onTimeRate).toBe(66.67);
  });

  it('average processing time in working days excludes supplement pauses', () => {
    expect(birth.averageWorkingDays).toBe(4);
    expect(birth.finished).toEqual({ early: 2, onTime: 0, late: 1 });
  });

  it('a group with nothing counted has no rate rather than 0 %', () => {
    const [only] = summariseDossiers([COPY_DOSSIERS.withdrawn!], PERIOD, byProcedure, calendar);
    expect(only).toMatchObject({ group: COPY, received: 1, counted: 0, onTimeRate: null, averageWorkingDays: null });
  });

  it('an apology moves the citizen’s date but not the statistics', () => {
    const apologised = issueApology(receivedAs(COPY, '2026-11-18 10:00'), { reason: 'Chờ xác minh', newDueAt: at('2026-12-04 17:00') }, at('2026-11-20 09:00')).dossier;
    const [row] = summariseDossiers([finishAll(apologised, '2026-11-23 10:00')], PERIOD, byProcedure, calendar);
    expect(row).toMatchObject({ finished: { early: 0, onTime: 0, late: 1 }, onTimeRate: 0 });
  });

  it('the same dossiers a week earlier: what happened after the period is not known yet', () => {
    const [early] = summariseDossiers(Object.values(COPY_DOSSIERS), { from: PERIOD.from, to: at('2026-11-20 17:00') }, byProcedure, calendar);
    expect(early).toMatchObject({
      // Received 16/11–20/11: the six from 18/11.
      received: 6,
      finished: { early: 0, onTime: 1, late: 0 },
      unfinished: { withinTime: 5, overdue: 0 },
      onTimeRate: 100,
    });
  });
});
