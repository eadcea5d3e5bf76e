/**
 * Messages on the live stream (Server-Sent Events). Stored events keep the same type names
 * ("ticket.called"); the stream adds derived messages such as the waiting counts.
 */
export const STREAM_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no-show',
  'ticket.reactivated',
  'ticket.transferred',
  'ticket.parked',
  'ticket.resumed',
  'ticket.cancelled',
  'ticket.face-checked',
  'counter.opened',
  'counter.paused',
  'counter.resumed',
  'counter.closed',
  'rating.submitted',
  'dossier.returned',
  'rating.created',
  'config.changed',
] as const;
export type StreamEventType = (typeof STREAM_EVENT_TYPES)[number];

/** Public snapshot of a ticket after the change: nothing that identifies a person. */
export interface StreamTicket {
  id: string;
  displayNumber: string;
  fieldId: string;
  status: string;
  counterId: string | null;
  counterNumber: number | null;
  priority: boolean;
  callCount: number;
  serveCount: number;
}

export interface StreamCounter {
  id: string;
  number: number;
  state: 'closed' | 'open' | 'paused';
  pauseReason: string | null;
  officerName: string | null;
}

export interface SpokenCall {
  text: string;
  speech: string;
}

/** One stored event as sent to browsers. `id` is an opaque, ordered cursor. */
export interface StreamEvent {
  id: string;
  type: StreamEventType;
  at: string;
  ticket?: StreamTicket;
  counter?: StreamCounter;
  /** For calls, recalls and resumes: what the board shows and says, in both languages. */
  announcement?: { vi: SpokenCall; en: SpokenCall };
  /** For ticket.face-checked: whether the person at the counter is the one called. */
  faceCheck?: { ticketId: string; result: 'match' | 'mismatch' | 'no-template' };
  /** For rating.submitted: the ticket and service rated. */
  rating?: { ticketId: string; serveNo: number; value: number };
}

/** Sent after a batch of ticket events: waiting tickets per field, counted after the batch committed. */
export interface QueueCountsMessage {
  type: 'queue.counts';
  waitingByField: Record<string, number>;
}

/** SSE event name used for QueueCountsMessage. */
export const QUEUE_COUNTS_EVENT = 'queue.counts';
