import { describe, expect, it } from 'vitest';
import {
  ACTIVE_AT_COUNTER,
  applyTicketCommand,
  canApply,
  CANCEL_REASONS,
  issueTicket,
  OPEN_STATUSES,
  TICKET_STATUSES,
  type NewTicket,
  type Ticket,
  type TicketCommand,
  type TicketCommandType,
  type TicketStatus,
} from '../../src/core/queue/ticket';
import { AppError, isAppError } from '../../src/core/shared/app-error';

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
  predictedWaitSeconds: 540,
  kioskId: 'kiosk-1',
};

type Result = ReturnType<typeof applyTicketCommand>;
const apply = (t: Ticket, c: TicketCommand, when: string): Result => applyTicketCommand(t, c, at(when));

const call = (counterId = 'C1', officerId: string | null = 'o-lan'): TicketCommand => ({ type: 'call', counterId, officerId });
const recall = (counterId = 'C1'): TicketCommand => ({ type: 'recall', counterId, officerId: 'o-lan' });
const start = (counterId = 'C1', officerId: string | null = 'o-lan'): TicketCommand => ({ type: 'start', counterId, officerId });
const finish = (counterId = 'C1'): TicketCommand => ({ type: 'finish', counterId, officerId: 'o-lan' });
const noShow = (counterId = 'C1'): TicketCommand => ({ type: 'no-show', counterId, officerId: 'o-lan' });
const reactivate = (toleranceMinutes = 15): TicketCommand => ({ type: 'reactivate', toleranceMinutes, officerId: 'o-lan' });
const transfer = (o: { counterId?: string; toFieldId?: string; toCounterId?: string | null; keepArrivalTime?: boolean } = {}): TicketCommand => ({
  type: 'transfer',
  counterId: o.counterId ?? 'C1',
  officerId: 'o-lan',
  toFieldId: o.toFieldId ?? 'dat-dai',
  toCounterId: o.toCounterId === undefined ? 'C2' : o.toCounterId,
  keepArrivalTime: o.keepArrivalTime ?? true,
});
const park = (counterId = 'C1'): TicketCommand => ({ type: 'park', counterId, officerId: 'o-lan' });
const resume = (counterId = 'C1'): TicketCommand => ({ type: 'resume', counterId, officerId: 'o-lan' });
const cancel = (reason: 'citizen' | 'officer' | 'day-ended' = 'citizen'): TicketCommand => ({ type: 'cancel', reason, officerId: 'o-lan' });

/** A ticket brought to each status through the real commands, held by counter C1 where it applies. */
function ticketIn(status: TicketStatus): Ticket {
  const issued = issueTicket(NEW, at('08:00:00')).ticket;
  const called = apply(issued, call(), '08:10:00').ticket;
  const serving = apply(called, start(), '08:11:00').ticket;
  switch (status) {
    case 'waiting':
      return issued;
    case 'called':
      return called;
    case 'serving':
      return serving;
    case 'done':
      return apply(serving, finish(), '08:20:00').ticket;
    case 'no-show':
      return apply(called, noShow(), '08:12:00').ticket;
    case 'cancelled':
      return apply(issued, cancel(), '08:05:00').ticket;
    case 'parked':
      return apply(serving, park(), '08:15:00').ticket;
  }
}

/** A valid command of each type from the holder's point of view. */
const COMMAND_OF: Record<TicketCommandType, TicketCommand> = {
  call: call(),
  recall: recall(),
  start: start(),
  finish: finish(),
  'no-show': noShow(),
  reactivate: reactivate(),
  transfer: transfer(),
  park: park(),
  resume: resume(),
  cancel: cancel(),
};
const COMMANDS = Object.keys(COMMAND_OF) as TicketCommandType[];

/**
 * The intended life of a ticket, written out by hand (not copied from the implementation):
 * waiting → called (recall) → serving → done; no-show from called, re-activated from no-show;
 * transfer and park from called or serving; resume from parked; cancel from any open status.
 */
const ALLOWED: Record<TicketStatus, readonly TicketCommandType[]> = {
  waiting: ['call', 'cancel'],
  called: ['recall', 'start', 'no-show', 'transfer', 'park', 'cancel'],
  serving: ['finish', 'transfer', 'park', 'cancel'],
  done: [],
  'no-show': ['reactivate', 'cancel'],
  cancelled: [],
  parked: ['resume', 'cancel'],
};

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('ticket statuses', () => {
  it('has exactly the seven statuses of the ticket life', () => {
    expect([...TICKET_STATUSES].sort()).toEqual(['called', 'cancelled', 'done', 'no-show', 'parked', 'serving', 'waiting']);
  });

  it('a ticket occupies a counter while called or serving, and can still be served from the open statuses', () => {
    expect([...ACTIVE_AT_COUNTER].sort()).toEqual(['called', 'serving']);
    expect([...OPEN_STATUSES].sort()).toEqual(['called', 'no-show', 'parked', 'serving', 'waiting']);
  });

  it('the test fixture reaches every status', () => {
    for (const status of TICKET_STATUSES) expect(ticketIn(status).status).toBe(status);
  });
});

describe('status × command matrix', () => {
  const cells = TICKET_STATUSES.flatMap((status) =>
    COMMANDS.map((command) => ({ status, command, allowed: ALLOWED[status].includes(command) })),
  );

  it('covers all 70 cells', () => {
    expect(cells).toHaveLength(TICKET_STATUSES.length * 10);
  });

  it.each(cells)('$status + $command → allowed: $allowed', ({ status, command, allowed }) => {
    expect(canApply(status, command)).toBe(allowed);
    const ticket = ticketIn(status);
    const run = () => applyTicketCommand(ticket, COMMAND_OF[command], at('08:16:00'));
    if (allowed) {
      const { events } = run();
      expect(events).toHaveLength(1);
    } else {
      const error = thrown(run);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.params).toEqual({ action: command, number: '1023', status });
    }
  });
});

describe('issueTicket', () => {
  it('starts waiting, queued from the issue time, with nobody holding it', () => {
    const { ticket, events } = issueTicket({ ...NEW, priorityGroupId: 'nguoi-cao-tuoi', priorityWeight: 3 }, at('08:00:00'));
    expect(ticket).toMatchObject({
      id: 'tk-1',
      displayNumber: '1023',
      seq: 23,
      status: 'waiting',
      priorityGroupId: 'nguoi-cao-tuoi',
      priorityWeight: 3,
      issuedAt: at('08:00:00'),
      queueSince: at('08:00:00'),
      counterId: null,
      targetCounterId: null,
      callCount: 0,
      serveCount: 0,
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      noShowAt: null,
    });
    expect(events).toEqual([
      {
        type: 'ticket.issued',
        at: at('08:00:00'),
        ticketId: 'tk-1',
        counterId: null,
        officerId: null,
        facts: { fieldId: 'ho-tich', priorityGroupId: 'nguoi-cao-tuoi', predictedWaitSeconds: 540, kioskId: 'kiosk-1' },
      },
    ]);
  });
});

describe('allowed transitions and their events', () => {
  it('call: the counter takes the ticket, first call recorded', () => {
    const { ticket, events } = apply(ticketIn('waiting'), call('C1', 'o-lan'), '08:10:00');
    expect(ticket).toMatchObject({ status: 'called', counterId: 'C1', officerId: 'o-lan', callCount: 1, calledAt: at('08:10:00') });
    expect(events).toEqual([
      { type: 'ticket.called', at: at('08:10:00'), ticketId: 'tk-1', counterId: 'C1', officerId: 'o-lan', facts: { fieldId: 'ho-tich', call: 1 } },
    ]);
  });

  it('recall: the call number counts up and the call time moves', () => {
    const first = apply(ticketIn('called'), recall(), '08:11:00');
    expect(first.ticket).toMatchObject({ status: 'called', callCount: 2, calledAt: at('08:11:00'), counterId: 'C1' });
    expect(first.events[0]).toMatchObject({ type: 'ticket.recalled', counterId: 'C1', facts: { fieldId: 'ho-tich', call: 2 } });
    const second = apply(first.ticket, recall(), '08:12:00');
    expect(second.ticket.callCount).toBe(3);
    expect(second.events[0]!.facts).toEqual({ fieldId: 'ho-tich', call: 3 });
  });

  it('start: service begins, by the officer who pressed start', () => {
    const { ticket, events } = apply(ticketIn('called'), start('C1', 'o-minh'), '08:11:00');
    expect(ticket).toMatchObject({ status: 'serving', startedAt: at('08:11:00'), officerId: 'o-minh', counterId: 'C1' });
    expect(events).toEqual([
      { type: 'ticket.started', at: at('08:11:00'), ticketId: 'tk-1', counterId: 'C1', officerId: 'o-minh', facts: { fieldId: 'ho-tich' } },
    ]);
  });

  it('finish: done, first service numbered 1, service seconds since start', () => {
    // started 08:11:00, finished 08:23:34 → 754 s
    const { ticket, events } = apply(ticketIn('serving'), finish(), '08:23:34');
    expect(ticket).toMatchObject({ status: 'done', finishedAt: at('08:23:34'), serveCount: 1 });
    expect(events).toEqual([
      {
        type: 'ticket.finished',
        at: at('08:23:34'),
        ticketId: 'tk-1',
        counterId: 'C1',
        officerId: 'o-lan',
        facts: { fieldId: 'ho-tich', serveNo: 1, serviceSeconds: 754 },
      },
    ]);
  });

  it('a service that ended in a transfer is not counted as finished: the next finish is service 1', () => {
    let t = apply(ticketIn('serving'), transfer({ toCounterId: 'C2' }), '08:15:00').ticket;
    t = apply(t, call('C2'), '08:20:00').ticket;
    t = apply(t, start('C2'), '08:21:00').ticket;
    const { ticket, events } = apply(t, finish('C2'), '08:31:00');
    // The first service ended in a transfer, not a finish: only finishes count.
    expect(ticket.serveCount).toBe(1);
    expect(events[0]!.facts).toMatchObject({ serveNo: 1, serviceSeconds: 600, fieldId: 'dat-dai' });
  });

  it('no-show: records how many times the citizen was called', () => {
    let t = apply(ticketIn('called'), recall(), '08:11:00').ticket;
    t = apply(t, recall(), '08:12:00').ticket;
    const { ticket, events } = apply(t, noShow(), '08:13:00');
    expect(ticket).toMatchObject({ status: 'no-show', noShowAt: at('08:13:00') });
    expect(events[0]).toMatchObject({ type: 'ticket.no-show', counterId: 'C1', facts: { fieldId: 'ho-tich', calls: 3 } });
  });

  it('park from serving and from called: the counter keeps holding the ticket', () => {
    const fromServing = apply(ticketIn('serving'), park(), '08:15:00');
    expect(fromServing.ticket).toMatchObject({ status: 'parked', counterId: 'C1' });
    expect(fromServing.events[0]).toMatchObject({ type: 'ticket.parked', counterId: 'C1', facts: { fieldId: 'ho-tich', wasServing: true } });
    const fromCalled = apply(ticketIn('called'), park(), '08:15:00');
    expect(fromCalled.events[0]!.facts).toEqual({ fieldId: 'ho-tich', wasServing: false });
  });

  it('resume: the parked citizen is called back to the same counter (one more call)', () => {
    const { ticket, events } = apply(ticketIn('parked'), resume(), '08:40:00');
    expect(ticket).toMatchObject({ status: 'called', counterId: 'C1', callCount: 2, calledAt: at('08:40:00'), startedAt: null });
    expect(events[0]).toMatchObject({ type: 'ticket.resumed', counterId: 'C1', facts: { fieldId: 'ho-tich', call: 2 } });
  });

  it('finish after park → resume → start counts service seconds from the last start only', () => {
    let t = apply(ticketIn('parked'), resume(), '08:40:00').ticket;
    t = apply(t, start(), '08:41:00').ticket;
    const { events } = apply(t, finish(), '08:46:00');
    expect(events[0]!.facts['serviceSeconds']).toBe(300);
  });

  it.each(CANCEL_REASONS)('cancel with reason %s', (reason) => {
    const { ticket, events } = apply(ticketIn('waiting'), cancel(reason), '08:05:00');
    expect(ticket).toMatchObject({ status: 'cancelled', counterId: null });
    expect(events).toEqual([
      { type: 'ticket.cancelled', at: at('08:05:00'), ticketId: 'tk-1', counterId: null, officerId: 'o-lan', facts: { fieldId: 'ho-tich', reason } },
    ]);
  });

  it('the cancel reasons are citizen, officer and day-ended', () => {
    expect([...CANCEL_REASONS].sort()).toEqual(['citizen', 'day-ended', 'officer']);
  });

  it.each(['called', 'serving', 'parked'] as const)('cancelling a ticket %s at a counter frees the counter and names it in the event', (status) => {
    const { ticket, events } = apply(ticketIn(status), cancel('officer'), '08:16:00');
    expect(ticket.counterId).toBeNull();
    expect(events[0]).toMatchObject({ counterId: 'C1', facts: { reason: 'officer' } });
  });

  it('a day-ended cancel also closes a no-show ticket', () => {
    const { ticket, events } = apply(ticketIn('no-show'), cancel('day-ended'), '17:00:00');
    expect(ticket.status).toBe('cancelled');
    expect(events[0]!.facts['reason']).toBe('day-ended');
  });

  it('does not change the ticket it was given', () => {
    const before = ticketIn('called');
    const copy = structuredClone(before);
    apply(before, start(), '08:11:00');
    apply(before, recall(), '08:11:00');
    expect(before).toEqual(copy);
  });
});

describe('a counter cannot act on a ticket another counter holds', () => {
  const cases: [TicketStatus, TicketCommand][] = [
    ['called', recall('C2')],
    ['called', start('C2')],
    ['called', noShow('C2')],
    ['called', transfer({ counterId: 'C2' })],
    ['called', park('C2')],
    ['serving', finish('C2')],
    ['serving', transfer({ counterId: 'C2' })],
    ['serving', park('C2')],
    ['parked', resume('C2')],
  ];
  it.each(cases)('%s ticket, %o from counter C2', (status, command) => {
    const ticket = ticketIn(status);
    expect(ticket.counterId).toBe('C1');
    // The button is not greyed out by status alone …
    expect(canApply(status, command.type)).toBe(true);
    // … but the command is refused and the ticket unchanged.
    const error = thrown(() => applyTicketCommand(ticket, command, at('08:16:00')));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.params).toEqual({ action: command.type, number: '1023', status });
  });
});

describe('re-activation of a no-show', () => {
  // no-show at 08:12:00, queued since 08:00:00
  it.each([
    ['08:13:00', 15],
    ['08:27:00', 15], // exactly 15 minutes away: still within tolerance
    ['08:16:59', 5],
  ])('at %s with %i minutes tolerance, back to waiting with the original queue time', (when, tolerance) => {
    const noShowTicket = ticketIn('no-show');
    const { ticket, events } = apply(noShowTicket, reactivate(tolerance), when);
    expect(ticket).toMatchObject({
      status: 'waiting',
      queueSince: at('08:00:00'),
      issuedAt: at('08:00:00'),
      counterId: null,
      targetCounterId: null,
      callCount: 0,
      calledAt: null,
      noShowAt: null,
      displayNumber: '1023',
    });
    expect(events).toEqual([
      { type: 'ticket.reactivated', at: at(when), ticketId: 'tk-1', counterId: null, officerId: 'o-lan', facts: { fieldId: 'ho-tich' } },
    ]);
  });

  it.each([
    ['08:27:01', 15],
    ['09:00:00', 15],
    ['08:17:01', 5],
    ['08:12:01', 0],
  ])('at %s with %i minutes tolerance, refused with NO_SHOW_EXPIRED', (when, tolerance) => {
    const error = thrown(() => apply(ticketIn('no-show'), reactivate(tolerance), when));
    expect(error.code).toBe('NO_SHOW_EXPIRED');
    expect(error.params).toEqual({ number: '1023', minutes: tolerance });
  });

  it('a re-activated ticket queues ahead of tickets issued after it', () => {
    const reactivated = apply(ticketIn('no-show'), reactivate(15), '08:20:00').ticket;
    const later = issueTicket({ ...NEW, id: 'tk-2', seq: 24, displayNumber: '1024' }, at('08:05:00')).ticket;
    expect(reactivated.queueSince.getTime()).toBeLessThan(later.queueSince.getTime());
  });
});

describe('transfer', () => {
  it.each(['called', 'serving'] as const)('from %s: same ticket and number, new field, waiting for the named counter', (status) => {
    const before = ticketIn(status);
    const { ticket, events } = apply(before, transfer({ toFieldId: 'dat-dai', toCounterId: 'C2', keepArrivalTime: true }), '08:16:00');
    expect(ticket).toMatchObject({
      id: 'tk-1',
      code: 'K7QX2M',
      seq: 23,
      displayNumber: '1023',
      serviceDay: '2026-11-25',
      issuedAt: at('08:00:00'),
      status: 'waiting',
      fieldId: 'dat-dai',
      counterId: null,
      targetCounterId: 'C2',
      callCount: 0,
      calledAt: null,
      startedAt: null,
    });
    expect(events).toEqual([
      {
        type: 'ticket.transferred',
        at: at('08:16:00'),
        ticketId: 'tk-1',
        counterId: 'C1',
        officerId: 'o-lan',
        facts: { fromFieldId: 'ho-tich', fieldId: 'dat-dai', toCounterId: 'C2', wasServing: status === 'serving', keepArrivalTime: true },
      },
    ]);
  });

  it('a priority citizen keeps their priority through a transfer and a re-activation', () => {
    const prio = issueTicket({ ...NEW, priorityGroupId: 'nguoi-khuyet-tat', priorityWeight: 4 }, at('08:00:00')).ticket;
    let t = apply(prio, call(), '08:05:00').ticket;
    t = apply(t, transfer({ toCounterId: null }), '08:06:00').ticket;
    expect(t).toMatchObject({ priorityGroupId: 'nguoi-khuyet-tat', priorityWeight: 4 });
    t = apply(t, call('C2'), '08:07:00').ticket;
    t = apply(t, noShow('C2'), '08:09:00').ticket;
    t = apply(t, reactivate(15), '08:12:00').ticket;
    expect(t).toMatchObject({ status: 'waiting', priorityGroupId: 'nguoi-khuyet-tat', priorityWeight: 4 });
  });

  it('keepArrivalTime = true keeps the original queue time', () => {
    const { ticket } = apply(ticketIn('serving'), transfer({ keepArrivalTime: true }), '08:16:00');
    expect(ticket.queueSince).toEqual(at('08:00:00'));
  });

  it('keepArrivalTime = false restarts the queue time at the transfer', () => {
    const { ticket, events } = apply(ticketIn('serving'), transfer({ keepArrivalTime: false }), '08:16:00');
    expect(ticket.queueSince).toEqual(at('08:16:00'));
    expect(ticket.issuedAt).toEqual(at('08:00:00'));
    expect(events[0]!.facts['keepArrivalTime']).toBe(false);
  });

  it('to a field without naming a counter: any counter of the field may call it', () => {
    const { ticket, events } = apply(ticketIn('called'), transfer({ toCounterId: null }), '08:16:00');
    expect(ticket.targetCounterId).toBeNull();
    expect(events[0]!.facts['toCounterId']).toBeNull();
    expect(apply(ticket, call('C7'), '08:20:00').ticket.counterId).toBe('C7');
  });

  it('only the named counter may call a ticket transferred to it; once called the target is cleared', () => {
    const transferred = apply(ticketIn('serving'), transfer({ toCounterId: 'C2' }), '08:16:00').ticket;
    const error = thrown(() => apply(transferred, call('C3'), '08:17:00'));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.params).toEqual({ action: 'call', number: '1023', status: 'waiting' });
    const { ticket, events } = apply(transferred, call('C2'), '08:17:00');
    expect(ticket).toMatchObject({ status: 'called', counterId: 'C2', targetCounterId: null, callCount: 1 });
    expect(events[0]).toMatchObject({ type: 'ticket.called', counterId: 'C2', facts: { fieldId: 'dat-dai', call: 1 } });
  });

  it('a transferred ticket can be transferred again by the counter that called it', () => {
    let t = apply(ticketIn('serving'), transfer({ toFieldId: 'dat-dai', toCounterId: 'C2' }), '08:16:00').ticket;
    t = apply(t, call('C2'), '08:17:00').ticket;
    const { ticket, events } = apply(t, transfer({ counterId: 'C2', toFieldId: 'ho-tich', toCounterId: 'C1' }), '08:20:00');
    expect(ticket).toMatchObject({ fieldId: 'ho-tich', targetCounterId: 'C1', displayNumber: '1023' });
    expect(events[0]!.facts).toMatchObject({ fromFieldId: 'dat-dai', fieldId: 'ho-tich' });
  });
});

describe('AppError', () => {
  it('carries the code and parameters and is recognised by isAppError', () => {
    const error = new AppError('DAILY_CAP_REACHED', { field: 'Hộ tịch', cap: 300 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('DAILY_CAP_REACHED');
    expect(error.params).toEqual({ field: 'Hộ tịch', cap: 300 });
    expect(error.message).toContain('DAILY_CAP_REACHED');
    expect(isAppError(error)).toBe(true);
    expect(isAppError(new Error('DAILY_CAP_REACHED'))).toBe(false);
    expect(isAppError({ code: 'DAILY_CAP_REACHED', params: {} })).toBe(false);
    expect(new AppError('NOT_FOUND').params).toEqual({});
  });
});
