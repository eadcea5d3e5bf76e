/**
 * The board's list of calls, kept pure so the rules are tested without a browser: every call is
 * known by its event id (a replayed event is the same call, never a second row), and a number
 * appears once — a recall moves it back to the top instead of adding a duplicate line.
 */
import type { BoardCall, Counter } from '../../contracts/api';
import type { StreamCounter, StreamEvent } from '../../contracts/events';

export const CALL_EVENT_TYPES = ['ticket.called', 'ticket.recalled', 'ticket.resumed'] as const;

/** How many calls the board keeps (it shows fewer if they do not fit). */
export const MAX_CALLS = 12;

/** A board row from a live call event; null if the event is not a call the board can show. */
export function callFromEvent(event: StreamEvent): BoardCall | null {
  if (!(CALL_EVENT_TYPES as readonly string[]).includes(event.type)) return null;
  const { ticket, announcement } = event;
  if (!ticket || !announcement || ticket.counterId === null || ticket.counterNumber === null) return null;
  return {
    eventId: event.id,
    ticketId: ticket.id,
    displayNumber: ticket.displayNumber,
    fieldId: ticket.fieldId,
    counterId: ticket.counterId,
    counterNumber: ticket.counterNumber,
    priority: ticket.priority,
    recall: event.type !== 'ticket.called',
    at: event.at,
    text: announcement.vi.text,
    speech: announcement.vi.speech,
  };
}

/**
 * Merges calls (newest first) into the list (newest first). Incoming calls whose event id is
 * already listed are dropped; a ticket keeps only its newest call.
 */
export function mergeCalls(current: readonly BoardCall[], incoming: readonly BoardCall[], max = MAX_CALLS): BoardCall[] {
  const all = [...incoming, ...current];
  const seenEvents = new Set<string>();
  const byEvent = all.filter((c) => {
    if (seenEvents.has(c.eventId)) return false;
    seenEvents.add(c.eventId);
    return true;
  });
  // Newest first by time; event ids break ties (they are ordered cursors, but opaque: compare as given).
  byEvent.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  const seenTickets = new Set<string>();
  const result: BoardCall[] = [];
  for (const c of byEvent) {
    if (seenTickets.has(c.ticketId)) continue;
    seenTickets.add(c.ticketId);
    result.push(c);
    if (result.length >= max) break;
  }
  return result;
}

/** Applies a counter.* event to the board's counters (a counter not yet known is added). */
export function applyCounterEvent(counters: readonly Counter[], update: StreamCounter): Counter[] {
  const known = counters.some((c) => c.id === update.id);
  if (!known) {
    const added: Counter = {
      id: update.id,
      number: update.number,
      name: '',
      active: true,
      state: update.state,
      pauseReason: update.pauseReason,
      officerId: null,
      officerName: update.officerName,
      fields: [],
    };
    return [...counters, added].sort((a, b) => a.number - b.number);
  }
  return counters.map((c) =>
    c.id === update.id
      ? { ...c, state: update.state, pauseReason: update.pauseReason, officerName: update.officerName }
      : c,
  );
}
