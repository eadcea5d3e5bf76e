import { describe, expect, it } from 'vitest';
import { paknDeadlines, paknTimeliness, type PaknClock } from '../../src/core/pakn/deadlines';
import { at, calendar } from './dossier-fixtures';

const clock = (receivedAt: string, more: Partial<PaknClock> = {}): PaknClock => ({
  receivedAt: at(receivedAt),
  infoRequests: [],
  answeredAt: null,
  rejectedAt: null,
  publishedAt: null,
  ...more,
});

describe('766 deadlines of a PAKN on the working calendar', () => {
  it('received on the Friday afternoon before Tết 2026: the days of Tết 16–20/2 do not count', () => {
    const d = paknDeadlines(clock('2026-02-13 15:30'), calendar);
    // Working days after Friday 13/2: Mon 23/2 (1), Tue 24/2 (2) … Fri 27/2 (5) … Fri 13/3 (15).
    expect(d.rejectBy).toEqual(at('2026-02-24 17:00'));
    expect(d.requestInfoBy).toEqual(at('2026-02-27 17:00'));
    expect(d.answerBy).toEqual(at('2026-03-13 17:00'));
    expect(d.publishBy).toBeNull();
    expect(d.pause).toBeNull();
  });

  it('received on a Saturday counts from the next working day, so the 2 days end a day later', () => {
    // Saturday 14/2 → received Monday 23/2; the period starts the day after: 24/2 (1), 25/2 (2).
    expect(paknDeadlines(clock('2026-02-14 10:00'), calendar).rejectBy).toEqual(at('2026-02-25 17:00'));
  });

  it('the day in lieu of Giỗ Tổ (27/4/2026), 30/4 and 1/5 do not count', () => {
    // Friday 24/4: Mon 27/4 is off, so Tue 28/4 (1), Wed 29/4 (2); 30/4, 1/5 and the weekend are off.
    const d = paknDeadlines(clock('2026-04-24 09:00'), calendar);
    expect(d.rejectBy).toEqual(at('2026-04-29 17:00'));
    // 28/4, 29/4, 4/5, 5/5, 6/5.
    expect(d.requestInfoBy).toEqual(at('2026-05-06 17:00'));
  });

  it('publishing is due 2 working days after the answer, over a weekend', () => {
    const d = paknDeadlines(clock('2026-11-23 09:00', { answeredAt: at('2026-11-27 16:00') }), calendar);
    expect(d.publishBy).toEqual(at('2026-12-01 17:00'));
  });

  it('waiting for the citizen pauses the answer clock and resumes with the office time that was left', () => {
    // 15 working days after Monday 23/11/2026 end Monday 14/12 17:00.
    const base = clock('2026-11-23 09:00');
    expect(paknDeadlines(base, calendar).answerBy).toEqual(at('2026-12-14 17:00'));
    // Asked Wed 25/11 10:00 with 110 office hours left (6 h that day + 13 full days).
    const waiting = { ...base, infoRequests: [{ requestedAt: at('2026-11-25 10:00'), suppliedAt: null }] };
    const paused = paknDeadlines(waiting, calendar);
    expect(paused.answerBy).toBeNull();
    expect(paused.pause).toEqual({ since: at('2026-11-25 10:00'), minutesLeft: 110 * 60, answerByBefore: at('2026-12-14 17:00') });
    // Supplied Mon 30/11 14:00: 3 h that day, 13 days to Thu 17/12, 3 h on Friday 18/12 → 11:00.
    const resumed = { ...base, infoRequests: [{ requestedAt: at('2026-11-25 10:00'), suppliedAt: at('2026-11-30 14:00') }] };
    expect(paknDeadlines(resumed, calendar).answerBy).toEqual(at('2026-12-18 11:00'));
  });
});

describe('where a PAKN stands as of an instant', () => {
  it('open and in time: the current deadline is the answer', () => {
    const t = paknTimeliness(clock('2026-11-23 09:00'), at('2026-12-01 09:00'), calendar);
    expect(t.current).toEqual({ kind: 'answer', due: at('2026-12-14 17:00') });
    expect(t).toMatchObject({ overdue: false, finished: false, paused: false, missed: [], onTime: true });
  });

  it('unanswered after the 15th working day: overdue and not on time', () => {
    const t = paknTimeliness(clock('2026-11-23 09:00'), at('2026-12-15 08:00'), calendar);
    expect(t).toMatchObject({ overdue: true, missed: ['answer'], onTime: false });
  });

  it('paused in time: no running deadline, not overdue even long after the original deadline', () => {
    const c = clock('2026-11-23 09:00', { infoRequests: [{ requestedAt: at('2026-11-25 10:00'), suppliedAt: null }] });
    const t = paknTimeliness(c, at('2027-01-20 09:00'), calendar);
    expect(t).toMatchObject({ current: null, paused: true, overdue: false, onTime: true });
  });

  it('answered in time, then waiting to be published; published late misses the publish deadline', () => {
    const answered = clock('2026-11-23 09:00', { answeredAt: at('2026-11-27 16:00') });
    const waiting = paknTimeliness(answered, at('2026-11-30 09:00'), calendar);
    expect(waiting.current).toEqual({ kind: 'publish', due: at('2026-12-01 17:00') });
    expect(waiting.onTime).toBe(true);
    const late = paknTimeliness({ ...answered, publishedAt: at('2026-12-02 09:00') }, at('2026-12-31 00:00'), calendar);
    expect(late).toMatchObject({ finished: true, missed: ['publish'], onTime: false, current: null });
  });

  it('actions after the instant are ignored (a report for a past period)', () => {
    const c = clock('2026-11-23 09:00', { answeredAt: at('2026-12-20 09:00'), publishedAt: at('2026-12-21 09:00') });
    // As of 10/12 it was open and in time; as of 31/12 it was answered late.
    expect(paknTimeliness(c, at('2026-12-10 12:00'), calendar)).toMatchObject({ finished: false, onTime: true });
    expect(paknTimeliness(c, at('2026-12-31 12:00'), calendar)).toMatchObject({ finished: true, missed: ['answer'] });
  });

  it('a rejection is judged against 2 working days; after an information request, against the answer deadline', () => {
    const rejectedTuesday = clock('2026-02-13 15:30', { rejectedAt: at('2026-02-24 16:59') });
    expect(paknTimeliness(rejectedTuesday, at('2026-03-31 00:00'), calendar)).toMatchObject({ finished: true, onTime: true });
    const rejectedWednesday = clock('2026-02-13 15:30', { rejectedAt: at('2026-02-25 08:30') });
    expect(paknTimeliness(rejectedWednesday, at('2026-03-31 00:00'), calendar).missed).toEqual(['reject']);
    const closedAfterSilence = clock('2026-11-23 09:00', {
      infoRequests: [{ requestedAt: at('2026-11-25 10:00'), suppliedAt: null }],
      rejectedAt: at('2027-01-05 09:00'),
    });
    expect(paknTimeliness(closedAfterSilence, at('2027-01-31 00:00'), calendar)).toMatchObject({ finished: true, onTime: true });
  });

  it('asking for information after the 5th working day misses that deadline', () => {
    const c = clock('2026-11-23 09:00', { infoRequests: [{ requestedAt: at('2026-12-01 09:00'), suppliedAt: at('2026-12-02 09:00') }] });
    expect(paknTimeliness(c, at('2026-12-03 09:00'), calendar).missed).toEqual(['request-info']);
  });
});
