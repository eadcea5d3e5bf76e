import { describe, expect, it } from 'vitest';
import type { CounterWork, TicketView } from '../../contracts/api';
import type { StreamEvent } from '../../contracts/events';
import {
  applyOutcome,
  callableTickets,
  concernsCounter,
  counterNameShowsNumber,
  filterByNumber,
  formatElapsed,
  moveSelection,
  noShowMinutesLeft,
  orderCounterChoices,
  priorityBadgeText,
  transferTargets,
  waitingRows,
} from './counter-view';

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 'id',
  code: 'CODE123',
  serviceDay: '2025-03-03',
  displayNumber: '1001',
  fieldId: 'HT',
  status: 'waiting',
  priorityGroupId: null,
  priority: false,
  issuedAt: '2025-03-03T01:00:00.000Z',
  queueSince: '2025-03-03T01:00:00.000Z',
  counterId: null,
  targetCounterId: null,
  callCount: 0,
  calledAt: null,
  startedAt: null,
  noShowAt: null,
  finishedAt: null,
  ...over,
});

const streamTicket = (over: Partial<NonNullable<StreamEvent['ticket']>>) => ({
  id: 't1',
  displayNumber: '1001',
  fieldId: 'HT',
  status: 'called',
  counterId: null,
  counterNumber: null,
  priority: false,
  callCount: 1,
  serveCount: 0,
  ...over,
});

describe('live events that concern a counter', () => {
  const known = new Set(['parked-1']);
  it.each<[string, StreamEvent, boolean]>([
    ['a call at this counter', { id: '1', type: 'ticket.called', at: '', ticket: streamTicket({ counterId: 'c1' }) }, true],
    ['a call at another counter', { id: '2', type: 'ticket.called', at: '', ticket: streamTicket({ counterId: 'c2' }) }, false],
    ['a ticket issued somewhere', { id: '3', type: 'ticket.issued', at: '', ticket: streamTicket({ status: 'waiting' }) }, false],
    ['our parked ticket cancelled by a manager', { id: '4', type: 'ticket.cancelled', at: '', ticket: streamTicket({ id: 'parked-1' }) }, true],
    [
      'this counter paused',
      { id: '5', type: 'counter.paused', at: '', counter: { id: 'c1', number: 1, state: 'paused', pauseReason: 'Họp', officerName: 'A' } },
      true,
    ],
    [
      'another counter opened',
      { id: '6', type: 'counter.opened', at: '', counter: { id: 'c2', number: 2, state: 'open', pauseReason: null, officerName: 'B' } },
      false,
    ],
    ['settings changed', { id: '7', type: 'config.changed', at: '' }, true],
  ])('%s', (_, event, expected) => {
    expect(concernsCounter(event, 'c1', known)).toBe(expected);
  });
});

describe('tickets a counter can call by number', () => {
  const counter = { id: 'c1', fields: [{ fieldId: 'HT', weight: 10 }, { fieldId: 'CT', weight: 3 }] };

  it('keeps its fields and tickets sent to it, earliest first, sent-here first', () => {
    const list = [
      ticket({ id: 'late-ht', displayNumber: '1003', queueSince: '2025-03-03T01:10:00.000Z' }),
      ticket({ id: 'early-ct', displayNumber: '2001', fieldId: 'CT', queueSince: '2025-03-03T01:01:00.000Z' }),
      ticket({ id: 'dd', displayNumber: '3001', fieldId: 'DD' }),
      ticket({ id: 'dd-to-us', displayNumber: '3002', fieldId: 'DD', targetCounterId: 'c1', queueSince: '2025-03-03T02:00:00.000Z' }),
      ticket({ id: 'ht-to-c2', displayNumber: '1002', targetCounterId: 'c2' }),
      ticket({ id: 'called', displayNumber: '1000', status: 'called' }),
    ];
    expect(callableTickets(list, counter).map((t) => t.id)).toEqual(['dd-to-us', 'early-ct', 'late-ht']);
  });

  it('finds a number from any part the officer types', () => {
    const list = [ticket({ displayNumber: '1012' }), ticket({ displayNumber: 'HT-012' }), ticket({ displayNumber: '1020' })];
    expect(filterByNumber(list, '12').map((t) => t.displayNumber)).toEqual(['1012', 'HT-012']);
    expect(filterByNumber(list, ' ').length).toBe(3);
    expect(filterByNumber(list, 'ht0').map((t) => t.displayNumber)).toEqual([]);
    expect(filterByNumber([ticket({ displayNumber: 'HT012' })], 'ht-0').map((t) => t.displayNumber)).toEqual(['HT012']);
  });
});

describe('waiting queues', () => {
  it('lists the counter fields by weight, then the others in catalogue order, with zero for empty ones', () => {
    const fields = [
      { id: 'HT', sortOrder: 1, active: true },
      { id: 'CT', sortOrder: 2, active: true },
      { id: 'DD', sortOrder: 3, active: true },
      { id: 'OLD', sortOrder: 4, active: false },
    ];
    const rows = waitingRows(fields, [{ fieldId: 'CT', weight: 3 }, { fieldId: 'HT', weight: 10 }], { CT: 4, DD: 2 });
    expect(rows.mine).toEqual([
      { fieldId: 'HT', count: 0, weight: 10 },
      { fieldId: 'CT', count: 4, weight: 3 },
    ]);
    expect(rows.others).toEqual([{ fieldId: 'DD', count: 2, weight: null }]);
  });
});

describe('durations', () => {
  it.each([
    [0, '0:00'],
    [7_400, '0:07'],
    [760_000, '12:40'],
    [3_725_000, '1:02:05'],
    [-5_000, '0:00'],
  ])('%i ms → %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));

  it('counts the minutes left to re-activate a no-show', () => {
    const at = '2025-03-03T01:00:00.000Z';
    const t0 = Date.parse(at);
    expect(noShowMinutesLeft(at, 15, t0)).toBe(15);
    expect(noShowMinutesLeft(at, 15, t0 + 14 * 60_000 + 1)).toBe(1);
    expect(noShowMinutesLeft(at, 15, t0 + 15 * 60_000)).toBe(0);
    expect(noShowMinutesLeft(null, 15, t0)).toBe(0);
  });
});

describe('transfer targets', () => {
  it('offers other active fields, then other active counters', () => {
    const fields = [
      { id: 'CT', active: true, sortOrder: 2 },
      { id: 'HT', active: true, sortOrder: 1 },
      { id: 'OFF', active: false, sortOrder: 3 },
    ];
    const counters = [
      { id: 'c3', active: true, number: 3 },
      { id: 'c1', active: true, number: 1 },
      { id: 'c2', active: false, number: 2 },
    ];
    expect(transferTargets(fields, counters, 'HT', 'c1')).toEqual([
      { kind: 'field', fieldId: 'CT' },
      { kind: 'counter', counterId: 'c3' },
    ]);
  });
});

describe('list navigation', () => {
  it('moves within bounds and ignores other keys', () => {
    expect(moveSelection('ArrowDown', 0, 3)).toBe(1);
    expect(moveSelection('ArrowDown', 2, 3)).toBe(2);
    expect(moveSelection('ArrowUp', 0, 3)).toBe(0);
    expect(moveSelection('End', 0, 3)).toBe(2);
    expect(moveSelection('Home', 2, 3)).toBe(0);
    expect(moveSelection('PageDown', 0, 3)).toBe(2);
    expect(moveSelection('a', 0, 3)).toBeNull();
    expect(moveSelection('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('counter picker order', () => {
  it('puts the counter used last first and hides inactive ones', () => {
    const counters = [
      { id: 'a', number: 1, active: true },
      { id: 'b', number: 2, active: true },
      { id: 'c', number: 3, active: false },
    ];
    expect(orderCounterChoices(counters, 'b').map((c) => c.id)).toEqual(['b', 'a']);
    expect(orderCounterChoices(counters, null).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('counter heading', () => {
  it('does not repeat the number the name already has', () => {
    expect(counterNameShowsNumber('Quầy 1 – Hộ tịch', 1)).toBe(true);
    expect(counterNameShowsNumber('Quầy 12', 1)).toBe(false);
    expect(counterNameShowsNumber('Hộ tịch', 1)).toBe(false);
    expect(counterNameShowsNumber('Counter 12 (annex)', 12)).toBe(true);
  });
});

describe('the work view after an action', () => {
  const work = (over: Partial<CounterWork> = {}): CounterWork => ({
    counter: { id: 'c1', number: 1, name: 'Quầy 1', active: true, state: 'open', pauseReason: null, officerId: 'u1', officerName: 'A', fields: [] },
    current: null,
    parked: [],
    noShows: [],
    waitingByField: {},
    currentHasFace: false,
    servedToday: 3,
    ...over,
  });
  const held = (status: TicketView['status'], id = 't1') => ticket({ id, status, counterId: 'c1' });

  it('puts a called or started ticket in hand', () => {
    expect(applyOutcome(work(), { ticket: held('called') }).current?.status).toBe('called');
    expect(applyOutcome(work({ current: held('called') }), { ticket: held('serving') }).current?.status).toBe('serving');
  });

  it('counts a finished service and empties the hands', () => {
    const after = applyOutcome(work({ current: held('serving') }), { ticket: held('done') });
    expect(after.current).toBeNull();
    expect(after.servedToday).toBe(4);
  });

  it('moves a parked ticket to the list and back', () => {
    const parked = applyOutcome(work({ current: held('called') }), { ticket: held('parked') });
    expect(parked.current).toBeNull();
    expect(parked.parked.map((t) => t.id)).toEqual(['t1']);
    const resumed = applyOutcome(parked, { ticket: held('called') });
    expect(resumed.parked).toEqual([]);
    expect(resumed.current?.id).toBe('t1');
  });

  it('lists a no-show and drops it when re-activated', () => {
    const absent = applyOutcome(work({ current: held('called') }), { ticket: held('no-show') });
    expect(absent.noShows.map((t) => t.id)).toEqual(['t1']);
    const back = applyOutcome(absent, { ticket: ticket({ id: 't1', status: 'waiting' }) });
    expect(back.noShows).toEqual([]);
    expect(back.current).toBeNull();
    expect(back.servedToday).toBe(3);
  });

  it('lets a transferred ticket go', () => {
    const after = applyOutcome(work({ current: held('serving') }), { ticket: ticket({ id: 't1', status: 'waiting', fieldId: 'DD' }) });
    expect(after.current).toBeNull();
    expect(after.servedToday).toBe(3);
  });

  it('takes the counter state from a pause', () => {
    const paused = { ...work().counter, state: 'paused' as const, pauseReason: 'Họp' };
    expect(applyOutcome(work(), { counter: paused }).counter.pauseReason).toBe('Họp');
  });
});

describe('the priority badge', () => {
  const groups = (id: string) => (id === 'g1' ? 'Người cao tuổi' : null);
  it('follows the ticket’s priority flag, naming the group where there is room', () => {
    expect(priorityBadgeText(ticket({ priority: true, priorityGroupId: 'g1' }), 'ƯU TIÊN', groups, true)).toBe('ƯU TIÊN · Người cao tuổi');
    expect(priorityBadgeText(ticket({ priority: true, priorityGroupId: 'g1' }), 'ƯU TIÊN', groups, false)).toBe('ƯU TIÊN');
    // A group no longer known, or none at all: still a priority ticket.
    expect(priorityBadgeText(ticket({ priority: true, priorityGroupId: 'gone' }), 'ƯU TIÊN', groups, true)).toBe('ƯU TIÊN');
    expect(priorityBadgeText(ticket({ priority: true }), 'PRIORITY', groups, true)).toBe('PRIORITY');
    // Naming a group does not make a ticket a priority one.
    expect(priorityBadgeText(ticket({ priority: false, priorityGroupId: 'g1' }), 'ƯU TIÊN', groups, true)).toBeNull();
  });
});
