import { describe, expect, it } from 'vitest';
import type { BoardCall, Counter } from '../../contracts/api';
import type { StreamEvent } from '../../contracts/events';
import { applyCounterEvent, callFromEvent, mergeCalls } from './board-calls';

const call = (eventId: string, ticketId: string, at: string, extra: Partial<BoardCall> = {}): BoardCall => ({
  eventId,
  ticketId,
  displayNumber: ticketId.toUpperCase(),
  fieldId: 'f',
  counterId: 'c1',
  counterNumber: 1,
  priority: false,
  recall: false,
  at,
  text: `Mời công dân có số ${ticketId}`,
  speech: ticketId,
  ...extra,
});

const event = (type: StreamEvent['type'], extra: Partial<StreamEvent> = {}): StreamEvent => ({
  id: 'e9',
  type,
  at: '2026-11-25T02:00:09Z',
  ticket: { id: 't9', displayNumber: '1009', fieldId: 'f', status: 'called', counterId: 'c5', counterNumber: 5, priority: true, callCount: 1, serveCount: 0 },
  announcement: {
    vi: { text: 'Mời công dân ưu tiên có số 1 0 0 9 đến quầy số 5', speech: 'Mời…' },
    en: { text: 'Priority number 1 0 0 9, please go to counter 5', speech: 'Priority…' },
  },
  ...extra,
});

describe('the board list of calls', () => {
  const a = call('e1', 'a', '2026-11-25T02:00:01Z');
  const b = call('e2', 'b', '2026-11-25T02:00:02Z');

  it('puts a new call on top', () => {
    expect(mergeCalls([a], [b]).map((c) => c.eventId)).toEqual(['e2', 'e1']);
  });

  it('ignores an event it already shows (a replay after reconnecting)', () => {
    expect(mergeCalls([b, a], [b])).toEqual([b, a]);
    expect(mergeCalls([b, a], [b, a])).toEqual([b, a]);
  });

  it('shows a recalled number once, moved to the top', () => {
    const recall = call('e3', 'a', '2026-11-25T02:00:03Z', { recall: true });
    expect(mergeCalls([b, a], [recall]).map((c) => [c.eventId, c.ticketId])).toEqual([
      ['e3', 'a'],
      ['e2', 'b'],
    ]);
  });

  it('keeps a call that arrives late in its place in time', () => {
    expect(mergeCalls([b], [a]).map((c) => c.eventId)).toEqual(['e2', 'e1']);
  });

  it('keeps at most the given number of calls', () => {
    const many = Array.from({ length: 20 }, (_, i) => call(`e${i}`, `t${i}`, `2026-11-25T02:00:${String(i).padStart(2, '0')}Z`));
    const merged = mergeCalls([], many, 12);
    expect(merged).toHaveLength(12);
    expect(merged[0]!.eventId).toBe('e19');
  });
});

describe('calls from the live stream', () => {
  it.each(['ticket.called', 'ticket.recalled', 'ticket.resumed'] as const)('turns %s into a board call', (type) => {
    const c = callFromEvent(event(type));
    expect(c).toMatchObject({ eventId: 'e9', ticketId: 't9', displayNumber: '1009', counterNumber: 5, priority: true });
    expect(c!.recall).toBe(type !== 'ticket.called');
    expect(c!.text).toBe('Mời công dân ưu tiên có số 1 0 0 9 đến quầy số 5');
  });

  it.each(['ticket.issued', 'ticket.finished', 'counter.opened'] as const)('ignores %s', (type) => {
    expect(callFromEvent(event(type))).toBeNull();
  });

  it('ignores a call without a counter or an announcement', () => {
    expect(callFromEvent(event('ticket.called', { announcement: undefined }))).toBeNull();
    const ticket = { ...event('ticket.called').ticket!, counterId: null, counterNumber: null };
    expect(callFromEvent(event('ticket.called', { ticket }))).toBeNull();
  });
});

describe('counters on the board', () => {
  const c1: Counter = { id: 'c1', number: 1, name: 'Quầy 1', active: true, state: 'closed', pauseReason: null, officerId: null, officerName: null, fields: [] };
  it('applies a pause with its reason and officer', () => {
    const [updated] = applyCounterEvent([c1], { id: 'c1', number: 1, state: 'paused', pauseReason: 'Họp giao ban', officerName: 'Nguyễn Thị Hương' });
    expect(updated).toMatchObject({ state: 'paused', pauseReason: 'Họp giao ban', officerName: 'Nguyễn Thị Hương', name: 'Quầy 1' });
  });
  it('adds a counter it did not know, in number order', () => {
    const list = applyCounterEvent([c1], { id: 'c0', number: 0, state: 'open', pauseReason: null, officerName: 'A' });
    expect(list.map((c) => c.id)).toEqual(['c0', 'c1']);
  });
});
