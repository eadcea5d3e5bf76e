import { describe, expect, it } from 'vitest';
import { completeSupplement, finishStep, issueApology, receiveDossier, requestSupplement } from '../../src/core/dossier/dossier';
import type { Dossier } from '../../src/core/dossier/dossier-types';
import { classifyTimeliness } from '../../src/core/dossier/timeliness';
import { AppError } from '../../src/core/shared/app-error';
import { at, calendar, DUE_AT, finishAll, INTAKE, MISSING, received, SIGN_OFF } from './dossier-fixtures';

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const pause = (d: Dossier, when: string) => requestSupplement(d, MISSING, at(when)).dossier;
const resume = (d: Dossier, when: string) => completeSupplement(d, at(when), calendar);

describe('supplement clock', () => {
  it('a pause from Friday to the next Wednesday moves the appointment by the office time that was left', () => {
    // Paused Friday 20/11 15:00 with 26 office hours left (2 h Fri + Mon + Tue + Wed until 17:00).
    const paused = pause(received(), '2026-11-20 15:00');
    expect(paused.status).toBe('supplement-requested');
    expect(paused.dueAt).toEqual(at(DUE_AT));

    const { dossier, events } = resume(paused, '2026-11-25 09:00');
    // From Wednesday 25/11 09:00: 7 h Wed, 8 h Thu, 8 h Fri, 3 h Monday → Monday 30/11 11:00.
    expect(dossier.status).toBe('in-progress');
    expect(dossier.dueAt).toEqual(at('2026-11-30 11:00'));
    expect(dossier.supplements).toEqual([
      { requestedAt: at('2026-11-20 15:00'), items: MISSING, completedAt: at('2026-11-25 09:00') },
    ]);
    expect(events).toEqual([
      expect.objectContaining({ type: 'dossier.supplement-completed', data: expect.objectContaining({ previousDueAt: at(DUE_AT) }) }),
    ]);
  });

  it('days off around 30/4–1/5 do not count, before or after the pause', () => {
    // Received Tuesday 21/4; Monday 27/4 is the day in lieu of Giỗ Tổ, so five working days end Wed 29/4.
    const d = received('2026-04-21 10:00');
    expect(d.dueAt).toEqual(at('2026-04-29 17:00'));
    // Paused Thursday 23/4 09:00 with 31 office hours left; resumed Wednesday 29/4 09:00: 7 h that day,
    // then 30/4, 1/5 and the weekend are off, so the remaining 24 h run Monday 4/5 to Wednesday 6/5.
    const resumed = resume(pause(d, '2026-04-23 09:00'), '2026-04-29 09:00').dossier;
    expect(resumed.dueAt).toEqual(at('2026-05-06 17:00'));
  });

  it('the current step is paused with the dossier', () => {
    // First step due Thursday 19/11 10:00; paused Thursday 08:00 with 2 office hours left.
    const paused = pause(received(), '2026-11-19 08:00');
    const resumed = resume(paused, '2026-11-23 16:00').dossier;
    // 1 h Monday, 1 h Tuesday morning.
    expect(resumed.steps[0]!.dueAt).toEqual(at('2026-11-24 09:00'));
    expect(resumed.steps[1]!.dueAt).toBeNull();
  });

  it('a dossier already past its appointment when paused keeps that appointment', () => {
    const paused = pause(received(), '2026-11-26 09:00');
    const resumed = resume(paused, '2026-11-30 09:00').dossier;
    expect(resumed.dueAt).toEqual(at(DUE_AT));
  });

  it('an apology date is paused too', () => {
    const apologised = issueApology(received(), { reason: 'Chờ xác minh', newDueAt: at('2026-11-27 17:00') }, at('2026-11-20 09:00')).dossier;
    // Paused Monday 23/11 17:00 with Tue–Fri (32 office hours) left on the new date.
    const resumed = resume(pause(apologised, '2026-11-23 17:00'), '2026-11-30 08:00').dossier;
    expect(resumed.extendedDueAt).toEqual(at('2026-12-03 17:00'));
    expect(resumed.apology!.newDueAt).toEqual(at('2026-11-27 17:00'));
  });

  it('one supplement finished early stays early; a second request makes the dossier late whatever happens', () => {
    const once = resume(pause(received(), '2026-11-19 09:00'), '2026-11-19 14:00').dossier;
    expect(finishAll(once, '2026-11-20 10:00').timeliness).toBe('early');

    const second = requestSupplement(once, MISSING, at('2026-11-19 15:00'));
    expect(second.events[0]!.data.requestNumber).toBe(2);
    const twice = resume(second.dossier, '2026-11-19 16:00').dossier;
    expect(finishAll(twice, '2026-11-20 10:00').timeliness).toBe('late');
  });
});

describe('apology and new appointment (Form 04)', () => {
  const apology = { reason: 'Cần xác minh sổ gốc tại cơ quan lưu trữ', newDueAt: at('2026-12-02 17:00') };

  it('sets the new date once; a second letter is refused', () => {
    const { dossier, events } = issueApology(received(), apology, at('2026-11-24 09:00'));
    expect(dossier.extendedDueAt).toEqual(at('2026-12-02 17:00'));
    expect(dossier.dueAt).toEqual(at(DUE_AT));
    expect(dossier.apology).toEqual({ issuedAt: at('2026-11-24 09:00'), reason: apology.reason, newDueAt: apology.newDueAt });
    expect(events.map((e) => e.type)).toEqual(['dossier.apology-issued']);

    const again = thrown(() => issueApology(dossier, { reason: 'Lần nữa', newDueAt: at('2026-12-09 17:00') }, at('2026-12-01 09:00')));
    expect(again.code).toBe('APOLOGY_ALREADY_ISSUED');
    expect(again.params).toEqual({ code: dossier.code });
  });

  it.each([
    { newDueAt: DUE_AT, why: 'the same as the appointment' },
    { newDueAt: '2026-11-24 17:00', why: 'before the appointment' },
  ])('a new date $why is refused with a Vietnamese explanation', ({ newDueAt }) => {
    const error = thrown(() => issueApology(received(), { reason: 'Chậm', newDueAt: at(newDueAt) }, at('2026-11-24 09:00')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.params.detail).toContain('phải sau ngày hẹn trả hiện tại (17:00 25/11/2026)');
  });

  // The first release made an apologised dossier late whatever its end. The 766 formula only compares the
  // end with the appointment (DOMAIN-VN §9), so "apology ⇒ late" is now the local setting apologyCountsAsLate.
  it('a dossier with an apology finished before the original appointment is early, and late only under the local policy', () => {
    const apologised = issueApology(received(), apology, at('2026-11-20 09:00')).dossier;
    const finished = finishAll(apologised, '2026-11-23 10:00');
    expect(finished.timeliness).toBe('early');
    expect(classifyTimeliness(finished, at('2026-11-30 08:00'), { apologyCountsAsLate: true }).timeliness).toBe('late');
    expect(finishAll(received(), '2026-11-23 10:00').timeliness).toBe('early');
  });

  it('needs a reason', () => {
    expect(thrown(() => issueApology(received(), { ...apology, reason: ' ' }, at('2026-11-24 09:00'))).code).toBe('VALIDATION_FAILED');
  });
});

describe('steps', () => {
  it('finishing a step that is not the last leaves the dossier in progress with no outcome yet', () => {
    const d = finishStep(received(), SIGN_OFF, at('2026-11-19 09:00'), calendar).dossier;
    expect(d.status).toBe('in-progress');
    expect(d.finishedAt).toBeNull();
    expect(d.timeliness).toBeNull();
  });
});

describe('step due times', () => {
  it('never fall after the appointment while it is still ahead', () => {
    // A same-day procedure received at 14:00 is due at 17:00; a 4-hour appraisal started at 15:00
    // would otherwise be due tomorrow at 10:00.
    const sameDay = {
      ...INTAKE,
      procedure: {
        ...INTAKE.procedure,
        processingTime: { amount: 1, unit: 'same-day' as const },
        steps: [
          { code: 'assign', name: 'Tiếp nhận', allowanceHours: 1, unit: 'Bộ phận Một cửa' },
          { code: 'appraise', name: 'Thẩm định', allowanceHours: 4, unit: 'Công chức tư pháp' },
        ],
      },
    };
    const d = receiveDossier(sameDay, at('2026-11-18 14:00'), calendar).dossier;
    expect(d.dueAt).toEqual(at('2026-11-18 17:00'));
    expect(d.steps[0]!.dueAt).toEqual(at('2026-11-18 15:00'));
    const next = finishStep(d, SIGN_OFF, at('2026-11-18 15:00'), calendar).dossier;
    expect(next.steps[1]!.dueAt).toEqual(at('2026-11-18 17:00'));
  });

  it('keep their own allowance once the appointment has passed', () => {
    const late = finishStep(received(), SIGN_OFF, at('2026-11-26 09:00'), calendar).dossier;
    // Appraisal (16 office hours) started Thursday 09:00, after the 25/11 appointment: 7 h Thursday,
    // 8 h Friday, 1 h Monday.
    expect(late.steps[1]!.dueAt).toEqual(at('2026-11-30 09:00'));
  });
});
