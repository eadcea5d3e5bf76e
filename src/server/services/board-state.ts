/** What the hall board shows when it (re)starts: the latest calls, queue lengths and counters. */
import type { BoardCall, BoardState } from '../../contracts/api';
import type { StreamEvent } from '../../contracts/events';
import { serviceDayOf, startOfServiceDay } from '../../core/shared/local-time';
import { currentCursor, formatCursor, isAtOrBefore, listEvents } from '../../db/repositories/event.repository';
import { listCounters } from '../../db/repositories/reference.repository';
import { countWaitingByField } from '../../db/repositories/ticket.repository';
import type { ServiceContext } from './context';
import { toCounterView } from './views';

const CALL_TYPES = ['ticket.called', 'ticket.recalled', 'ticket.resumed'];

export async function getBoardState(ctx: ServiceContext, centreId: string, recent = 10): Promise<BoardState> {
  const now = ctx.clock();
  const day = serviceDayOf(now);
  // Cursor first: anything committed after it reaches the board through the stream.
  const cursor = await currentCursor(ctx.db);
  const [events, waiting, counters] = await Promise.all([
    listEvents(ctx.db, { centreId, from: startOfServiceDay(day), to: new Date(now.getTime() + 60_000), types: CALL_TYPES }),
    countWaitingByField(ctx.db, centreId, day),
    listCounters(ctx.db, centreId),
  ]);
  const calls = events
    .filter((e) => isAtOrBefore(e, cursor))
    .map((e) => toBoardCall(e.cursor, e.type, e.at, e.payload as Partial<StreamEvent>))
    .filter((c): c is BoardCall => c !== null)
    .slice(-recent)
    .reverse();
  return { cursor: formatCursor(cursor), recentCalls: calls, waitingByField: waiting, counters: counters.map(toCounterView) };
}

export function toBoardCall(
  eventId: string,
  type: string,
  at: Date | string,
  payload: Partial<StreamEvent>,
): BoardCall | null {
  const { ticket, announcement } = payload;
  if (!ticket || !announcement || ticket.counterId === null || ticket.counterNumber === null) return null;
  return {
    eventId,
    ticketId: ticket.id,
    displayNumber: ticket.displayNumber,
    fieldId: ticket.fieldId,
    counterId: ticket.counterId,
    counterNumber: ticket.counterNumber,
    priority: ticket.priority,
    recall: type !== 'ticket.called',
    at: typeof at === 'string' ? at : at.toISOString(),
    text: announcement.vi.text,
    speech: announcement.vi.speech,
  };
}
