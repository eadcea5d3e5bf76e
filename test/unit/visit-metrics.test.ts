import { describe, expect, it } from 'vitest';
import {
  applyTicketCommand,
  issueTicket,
  type NewTicket,
  type Ticket,
  type TicketCommand,
  type TicketEventDraft,
} from '../../src/core/queue/ticket';
import { deriveVisitMetrics, predictionError, summarise, type QueueStay } from '../../src/core/queue/visit-metrics';

const at = (hhmmss: string) => new Date(`2026-11-25T${hhmmss}+07:00`);

const NEW: NewTicket = {
  id: 'tk-1',
  centreId: 'centre-hd',
  serviceDay: '2026-11-25',
  fieldId: 'ho-tich',
  seq: 23,
  displayNumber: '1023',
  code: 'K7QX2M',
  priorityGroupId: null,
  priorityWeight: 0,
  predictedWaitSeconds: 600,
  kioskId: 'kiosk-1',
};

type Step = [string, TicketCommand];
const c = (type: 'call' | 'recall' | 'start' | 'finish' | 'no-show' | 'park' | 'resume', counterId = 'C1', officerId = 'o-lan'): TicketCommand =>
  ({ type, counterId, officerId }) as TicketCommand;

/** Runs a visit through the real state machine and returns its event log. */
function visit(issuedAt: string, steps: Step[], ticket: Partial<NewTicket> = {}): TicketEventDraft[] {
  const issued = issueTicket({ ...NEW, ...ticket }, at(issuedAt));
  let current: Ticket = issued.ticket;
  const log = [...issued.events];
  for (const [when, command] of steps) {
    const result = applyTicketCommand(current, command, at(when));
    current = result.ticket;
    log.push(...result.events);
  }
  return log;
}

describe('deriveVisitMetrics', () => {
  it('issued → called → started → finished: wait, walk and service time', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:12:00', c('call')],
        ['08:13:00', c('start')],
        ['08:25:30', c('finish')],
      ]),
    );
    expect(m.stays).toEqual([
      {
        ticketId: 'tk-1',
        fieldId: 'ho-tich',
        joinedAt: at('08:00:00'),
        calledAt: at('08:12:00'),
        counterId: 'C1',
        waitSeconds: 720,
        walkSeconds: 60,
        predictedWaitSeconds: 600,
      },
    ]);
    expect(m.services).toEqual([
      {
        ticketId: 'tk-1',
        fieldId: 'ho-tich',
        counterId: 'C1',
        officerId: 'o-lan',
        startedAt: at('08:13:00'),
        endedAt: at('08:25:30'),
        seconds: 750,
        outcome: 'finished',
      },
    ]);
    expect(m.noShows).toBe(0);
    expect(m.cancelled).toBe(false);
    expect(predictionError(m.stays)).toEqual({ count: 1, meanAbsoluteSeconds: 120 });
  });

  it('with recalls: the wait ends at the first call and the walk is measured from it', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:10:00', c('call')],
        ['08:11:00', c('recall')],
        ['08:12:00', c('recall')],
        ['08:13:00', c('start')],
        ['08:20:00', c('finish')],
      ]),
    );
    expect(m.stays).toHaveLength(1);
    expect(m.stays[0]).toMatchObject({ calledAt: at('08:10:00'), waitSeconds: 600, walkSeconds: 180 });
    expect(m.services[0]).toMatchObject({ startedAt: at('08:13:00'), seconds: 420 });
  });

  it('with a no-show and re-activation: two stays, the second without a prediction', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:10:00', c('call')],
        ['08:11:00', c('recall')],
        ['08:13:00', c('no-show')],
        ['08:20:00', { type: 'reactivate', toleranceMinutes: 15, officerId: 'o-lan' }],
        ['08:30:00', c('call', 'C2', 'o-minh')],
        ['08:31:30', c('start', 'C2', 'o-minh')],
        ['08:41:30', c('finish', 'C2', 'o-minh')],
      ]),
    );
    expect(m.noShows).toBe(1);
    expect(m.stays).toEqual([
      expect.objectContaining({ joinedAt: at('08:00:00'), calledAt: at('08:10:00'), counterId: 'C1', waitSeconds: 600, walkSeconds: null, predictedWaitSeconds: 600 }),
      expect.objectContaining({ joinedAt: at('08:20:00'), calledAt: at('08:30:00'), counterId: 'C2', waitSeconds: 600, walkSeconds: 90, predictedWaitSeconds: null }),
    ]);
    expect(m.services).toEqual([
      expect.objectContaining({ counterId: 'C2', officerId: 'o-minh', startedAt: at('08:31:30'), seconds: 600, outcome: 'finished' }),
    ]);
    // Only the kiosk's promise for the first stay is scored.
    expect(predictionError(m.stays)).toEqual({ count: 1, meanAbsoluteSeconds: 0 });
  });

  it('with a transfer mid-service: one service per field, a new stay in the target field', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:05:00', c('call')],
        ['08:06:00', c('start')],
        [
          '08:16:00',
          { type: 'transfer', counterId: 'C1', officerId: 'o-lan', toFieldId: 'dat-dai', toCounterId: 'C2', keepArrivalTime: true },
        ],
        ['08:20:00', c('call', 'C2', 'o-minh')],
        ['08:21:00', c('start', 'C2', 'o-minh')],
        ['08:36:00', c('finish', 'C2', 'o-minh')],
      ]),
    );
    expect(m.services).toEqual([
      {
        ticketId: 'tk-1',
        fieldId: 'ho-tich',
        counterId: 'C1',
        officerId: 'o-lan',
        startedAt: at('08:06:00'),
        endedAt: at('08:16:00'),
        seconds: 600,
        outcome: 'transferred',
      },
      {
        ticketId: 'tk-1',
        fieldId: 'dat-dai',
        counterId: 'C2',
        officerId: 'o-minh',
        startedAt: at('08:21:00'),
        endedAt: at('08:36:00'),
        seconds: 900,
        outcome: 'finished',
      },
    ]);
    expect(m.stays).toEqual([
      expect.objectContaining({ fieldId: 'ho-tich', joinedAt: at('08:00:00'), waitSeconds: 300, walkSeconds: 60, counterId: 'C1' }),
      expect.objectContaining({ fieldId: 'dat-dai', joinedAt: at('08:16:00'), waitSeconds: 240, walkSeconds: 60, counterId: 'C2', predictedWaitSeconds: null }),
    ]);
  });

  it('a transfer before service started records no service for the first field', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:05:00', c('call')],
        ['08:06:00', { type: 'transfer', counterId: 'C1', officerId: 'o-lan', toFieldId: 'dat-dai', toCounterId: null, keepArrivalTime: false }],
        ['08:10:00', c('call', 'C3')],
        ['08:11:00', c('start', 'C3')],
        ['08:15:00', c('finish', 'C3')],
      ]),
    );
    expect(m.services).toEqual([expect.objectContaining({ fieldId: 'dat-dai', counterId: 'C3', seconds: 240, outcome: 'finished' })]);
    expect(m.stays.map((s) => [s.fieldId, s.waitSeconds])).toEqual([
      ['ho-tich', 300],
      ['dat-dai', 240],
    ]);
  });

  it('with park and resume: parked time is not service time; one service from first start to finish', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:05:00', c('call')],
        ['08:06:00', c('start')],
        ['08:16:00', c('park')], // 10 min served; the citizen goes to photocopy a paper
        ['08:40:00', c('resume')],
        ['08:41:00', c('start')],
        ['08:46:00', c('finish')], // 5 more minutes
      ]),
    );
    expect(m.services).toEqual([
      expect.objectContaining({ startedAt: at('08:06:00'), endedAt: at('08:46:00'), seconds: 900, outcome: 'finished', counterId: 'C1' }),
    ]);
    // The walk is the first walk to the counter, not the return after the break.
    expect(m.stays).toEqual([expect.objectContaining({ waitSeconds: 300, walkSeconds: 60 })]);
  });

  it('parked, resumed and transferred without restarting: only the time before the break counts', () => {
    const m = deriveVisitMetrics(
      visit('08:00:00', [
        ['08:05:00', c('call')],
        ['08:06:00', c('start')],
        ['08:14:00', c('park')],
        ['08:30:00', c('resume')],
        ['08:31:00', { type: 'transfer', counterId: 'C1', officerId: 'o-lan', toFieldId: 'dat-dai', toCounterId: null, keepArrivalTime: true }],
      ]),
    );
    expect(m.services).toEqual([expect.objectContaining({ seconds: 480, outcome: 'transferred', fieldId: 'ho-tich', endedAt: at('08:31:00') })]);
    expect(m.stays).toHaveLength(2);
    expect(m.stays[1]).toMatchObject({ fieldId: 'dat-dai', calledAt: null, waitSeconds: null });
  });

  it('a visit cancelled while waiting: one unfinished stay, no service, no prediction scored', () => {
    const m = deriveVisitMetrics(visit('08:00:00', [['08:20:00', { type: 'cancel', reason: 'citizen', officerId: null }]]));
    expect(m.cancelled).toBe(true);
    expect(m.services).toEqual([]);
    expect(m.stays).toEqual([expect.objectContaining({ calledAt: null, waitSeconds: null, walkSeconds: null })]);
    expect(predictionError(m.stays)).toEqual({ count: 0, meanAbsoluteSeconds: null });
  });

  it('a ticket issued without a prediction has none to score', () => {
    const m = deriveVisitMetrics(visit('08:00:00', [['08:10:00', c('call')]], { predictedWaitSeconds: null }));
    expect(m.stays[0]!.predictedWaitSeconds).toBeNull();
    expect(predictionError(m.stays).count).toBe(0);
  });

  it('an empty log gives empty metrics', () => {
    expect(deriveVisitMetrics([])).toEqual({ stays: [], services: [], noShows: 0, cancelled: false });
  });
});

describe('predictionError', () => {
  const stay = (predicted: number | null, wait: number | null): QueueStay => ({
    ticketId: 't',
    fieldId: 'A',
    joinedAt: at('08:00:00'),
    calledAt: wait === null ? null : at('08:10:00'),
    counterId: null,
    waitSeconds: wait,
    walkSeconds: null,
    predictedWaitSeconds: predicted,
  });

  it('is the mean absolute error over stays that have both a promise and a real wait', () => {
    // |600-480| = 120, |300-420| = 120, |900-1200| = 300 → 180; the others are skipped.
    expect(predictionError([stay(480, 600), stay(420, 300), stay(1200, 900), stay(null, 500), stay(600, null)])).toEqual({
      count: 3,
      meanAbsoluteSeconds: 180,
    });
  });

  it('rounds to whole seconds and is null without pairs', () => {
    expect(predictionError([stay(0, 1), stay(0, 2)])).toEqual({ count: 2, meanAbsoluteSeconds: 2 }); // 1.5 → 2
    expect(predictionError([])).toEqual({ count: 0, meanAbsoluteSeconds: null });
  });
});

describe('summarise', () => {
  it.each([
    ['nothing', [], { count: 0, mean: null, p50: null, p90: null, max: null }],
    ['one value', [300], { count: 1, mean: 300, p50: 300, p90: 300, max: 300 }],
    ['three values', [30, 10, 20], { count: 3, mean: 20, p50: 20, p90: 30, max: 30 }],
    ['1…10', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], { count: 10, mean: 6, p50: 5, p90: 9, max: 10 }],
    ['two values', [100, 200], { count: 2, mean: 150, p50: 100, p90: 200, max: 200 }],
    ['one outlier', [60, 60, 60, 60, 60, 60, 60, 60, 60, 3600], { count: 10, mean: 414, p50: 60, p90: 60, max: 3600 }],
  ])('%s', (_name, values, expected) => {
    expect(summarise(values)).toEqual(expected);
  });

  it('percentiles are values that occurred (nearest rank), for 1…n with n up to 1000', () => {
    const failures: string[] = [];
    for (let n = 1; n <= 1000; n++) {
      const values = Array.from({ length: n }, (_, i) => i + 1);
      const d = summarise(values);
      if (d.p50 !== Math.ceil(0.5 * n)) failures.push(`n=${n}: p50 ${d.p50}`);
      if (d.p90 !== Math.ceil((9 * n) / 10)) failures.push(`n=${n}: p90 ${d.p90}`);
      if (d.max !== n) failures.push(`n=${n}: max ${d.max}`);
    }
    expect(failures).toEqual([]);
  });

  it('does not reorder the caller\'s values', () => {
    const values = [3, 1, 2];
    summarise(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('summarises the waits of a morning derived from event logs', () => {
    const waits = [
      visit('08:00:00', [['08:05:00', c('call')]], { id: 'a' }),
      visit('08:01:00', [['08:11:00', c('call')]], { id: 'b' }),
      visit('08:02:00', [['08:22:00', c('call')]], { id: 'c' }),
    ].flatMap((log) => deriveVisitMetrics(log).stays.map((s) => s.waitSeconds!));
    expect(summarise(waits)).toEqual({ count: 3, mean: 700, p50: 600, p90: 1200, max: 1200 });
  });
});
