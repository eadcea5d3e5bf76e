/**
 * The life of a queue ticket (a visit). Pure: every function takes the current ticket, a command and
 * the time, and returns the next ticket plus the events that record the change. Nothing here reads a
 * clock or a database.
 *
 *   issued → waiting → called (re-calls logged) → serving → done
 *   side exits: no-show (re-activatable within a tolerance), cancelled, parked (and resumed),
 *   transferred (back to waiting in another field or at another counter, same number).
 */
import { AppError } from '../shared/app-error';

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no-show',
  'cancelled',
  'parked',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket occupies a counter. */
export const ACTIVE_AT_COUNTER: readonly TicketStatus[] = ['called', 'serving'];
/** Statuses from which a ticket can still be served today. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'parked', 'no-show'];

export const CANCEL_REASONS = ['citizen', 'officer', 'day-ended'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface Ticket {
  id: string;
  centreId: string;
  /** Local date (YYYY-MM-DD) the number belongs to. */
  serviceDay: string;
  fieldId: string;
  /** Sequence number within the field and day (1, 2, …). */
  seq: number;
  /** What the citizen sees and hears: "1023" or "HT012". */
  displayNumber: string;
  /** Unguessable public code for the phone page (/t/<code>). */
  code: string;
  status: TicketStatus;
  priorityGroupId: string | null;
  /** 0 for a normal ticket; higher means served earlier among priority tickets. */
  priorityWeight: number;
  issuedAt: Date;
  /** The time the queue orders by: the issue time, or the transfer time when a transfer restarts it. */
  queueSince: Date;
  /** The counter calling, serving or holding (parked) the ticket. */
  counterId: string | null;
  officerId: string | null;
  /** A transfer to one named counter: only that counter may call it. */
  targetCounterId: string | null;
  /** Calls since the ticket last entered the queue (the first call counts). */
  callCount: number;
  calledAt: Date | null;
  startedAt: Date | null;
  noShowAt: Date | null;
  finishedAt: Date | null;
  /** Finished services so far; a rating is bound to one service. */
  serveCount: number;
  /** Changes with every save; a save of a stale copy is refused (optimistic concurrency). */
  version: number;
}

export const TICKET_EVENT_TYPES = [
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
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** An event as the domain produces it; the service adds identity, actor and public payload. */
export interface TicketEventDraft {
  type: TicketEventType;
  at: Date;
  ticketId: string;
  counterId: string | null;
  officerId: string | null;
  /** Facts that metrics are derived from later (field, previous field, reason …). */
  facts: Record<string, string | number | boolean | null>;
}

export type TicketCommand =
  | { type: 'call'; counterId: string; officerId: string | null }
  | { type: 'recall'; counterId: string; officerId: string | null }
  | { type: 'start'; counterId: string; officerId: string | null }
  | { type: 'finish'; counterId: string; officerId: string | null }
  | { type: 'no-show'; counterId: string; officerId: string | null }
  | { type: 'reactivate'; toleranceMinutes: number; officerId: string | null }
  | {
      type: 'transfer';
      counterId: string;
      officerId: string | null;
      toFieldId: string;
      toCounterId: string | null;
      keepArrivalTime: boolean;
    }
  | { type: 'park'; counterId: string; officerId: string | null }
  | { type: 'resume'; counterId: string; officerId: string | null }
  | { type: 'cancel'; reason: CancelReason; officerId: string | null };

export type TicketCommandType = TicketCommand['type'];

const ALLOWED_FROM: Record<TicketCommandType, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  'no-show': ['called'],
  reactivate: ['no-show'],
  transfer: ['called', 'serving'],
  park: ['called', 'serving'],
  resume: ['parked'],
  cancel: ['waiting', 'called', 'serving', 'parked', 'no-show'],
};

/** Whether a command may be applied to a ticket in a status (for greying out buttons). */
export function canApply(status: TicketStatus, command: TicketCommandType): boolean {
  return ALLOWED_FROM[command].includes(status);
}

export interface NewTicket {
  id: string;
  centreId: string;
  serviceDay: string;
  fieldId: string;
  seq: number;
  displayNumber: string;
  code: string;
  priorityGroupId: string | null;
  priorityWeight: number;
  /** The wait the kiosk promised, recorded so the estimate's error can be measured. */
  predictedWaitSeconds: number | null;
  kioskId: string | null;
}

export function issueTicket(input: NewTicket, now: Date): { ticket: Ticket; events: TicketEventDraft[] } {
  const ticket: Ticket = {
    id: input.id,
    centreId: input.centreId,
    serviceDay: input.serviceDay,
    fieldId: input.fieldId,
    seq: input.seq,
    displayNumber: input.displayNumber,
    code: input.code,
    status: 'waiting',
    priorityGroupId: input.priorityGroupId,
    priorityWeight: input.priorityWeight,
    issuedAt: now,
    queueSince: now,
    counterId: null,
    officerId: null,
    targetCounterId: null,
    callCount: 0,
    calledAt: null,
    startedAt: null,
    noShowAt: null,
    finishedAt: null,
    serveCount: 0,
    version: 0,
  };
  return {
    ticket,
    events: [
      {
        type: 'ticket.issued',
        at: now,
        ticketId: ticket.id,
        counterId: null,
        officerId: null,
        facts: {
          fieldId: ticket.fieldId,
          priorityGroupId: ticket.priorityGroupId,
          predictedWaitSeconds: input.predictedWaitSeconds,
          kioskId: input.kioskId,
        },
      },
    ],
  };
}

/**
 * Applies a command to a ticket. Throws AppError('INVALID_TRANSITION') for a command the ticket's
 * status does not allow, or when a counter acts on a ticket held by another counter.
 */
export function applyTicketCommand(
  ticket: Ticket,
  command: TicketCommand,
  now: Date,
): { ticket: Ticket; events: TicketEventDraft[] } {
  if (!canApply(ticket.status, command.type)) throw invalid(ticket, command.type);
  const event = (
    type: TicketEventType,
    counterId: string | null,
    facts: TicketEventDraft['facts'] = {},
  ): TicketEventDraft => ({
    type,
    at: now,
    ticketId: ticket.id,
    counterId,
    officerId: command.officerId,
    facts: { fieldId: ticket.fieldId, ...facts },
  });

  switch (command.type) {
    case 'call': {
      if (ticket.targetCounterId && ticket.targetCounterId !== command.counterId) {
        throw invalid(ticket, 'call');
      }
      const next: Ticket = {
        ...ticket,
        status: 'called',
        counterId: command.counterId,
        officerId: command.officerId,
        targetCounterId: null,
        callCount: 1,
        calledAt: now,
      };
      return { ticket: next, events: [event('ticket.called', command.counterId, { call: 1 })] };
    }
    case 'recall': {
      assertHeldBy(ticket, command.counterId, 'recall');
      const next = { ...ticket, callCount: ticket.callCount + 1, calledAt: now };
      return {
        ticket: next,
        events: [event('ticket.recalled', command.counterId, { call: next.callCount })],
      };
    }
    case 'start': {
      assertHeldBy(ticket, command.counterId, 'start');
      const next: Ticket = { ...ticket, status: 'serving', startedAt: now, officerId: command.officerId };
      return { ticket: next, events: [event('ticket.started', command.counterId)] };
    }
    case 'finish': {
      assertHeldBy(ticket, command.counterId, 'finish');
      const next: Ticket = {
        ...ticket,
        status: 'done',
        finishedAt: now,
        serveCount: ticket.serveCount + 1,
      };
      return {
        ticket: next,
        events: [
          event('ticket.finished', command.counterId, {
            serveNo: next.serveCount,
            // Since the last start; the full span (minus parked time) is derived from the log.
            serviceSeconds: Math.round((now.getTime() - (ticket.startedAt ?? now).getTime()) / 1000),
          }),
        ],
      };
    }
    case 'no-show': {
      assertHeldBy(ticket, command.counterId, 'no-show');
      const next: Ticket = { ...ticket, status: 'no-show', noShowAt: now };
      return {
        ticket: next,
        events: [event('ticket.no-show', command.counterId, { calls: ticket.callCount })],
      };
    }
    case 'reactivate': {
      const absentMs = now.getTime() - (ticket.noShowAt ?? now).getTime();
      if (absentMs > command.toleranceMinutes * 60_000) {
        throw new AppError('NO_SHOW_EXPIRED', {
          number: ticket.displayNumber,
          minutes: command.toleranceMinutes,
        });
      }
      // Back in the queue with the original arrival time: the citizen was already called once.
      const next: Ticket = {
        ...ticket,
        status: 'waiting',
        counterId: null,
        targetCounterId: null,
        callCount: 0,
        calledAt: null,
        startedAt: null,
        noShowAt: null,
      };
      return { ticket: next, events: [event('ticket.reactivated', null)] };
    }
    case 'transfer': {
      assertHeldBy(ticket, command.counterId, 'transfer');
      const next: Ticket = {
        ...ticket,
        status: 'waiting',
        fieldId: command.toFieldId,
        counterId: null,
        targetCounterId: command.toCounterId,
        queueSince: command.keepArrivalTime ? ticket.queueSince : now,
        callCount: 0,
        calledAt: null,
        startedAt: null,
      };
      return {
        ticket: next,
        events: [
          event('ticket.transferred', command.counterId, {
            fromFieldId: ticket.fieldId,
            fieldId: command.toFieldId,
            toCounterId: command.toCounterId,
            wasServing: ticket.status === 'serving',
            keepArrivalTime: command.keepArrivalTime,
          }),
        ],
      };
    }
    case 'park': {
      assertHeldBy(ticket, command.counterId, 'park');
      const next: Ticket = { ...ticket, status: 'parked' };
      return {
        ticket: next,
        events: [event('ticket.parked', command.counterId, { wasServing: ticket.status === 'serving' })],
      };
    }
    case 'resume': {
      assertHeldBy(ticket, command.counterId, 'resume');
      // The citizen is called back to the counter that parked them; the board announces it again.
      const next: Ticket = {
        ...ticket,
        status: 'called',
        officerId: command.officerId,
        callCount: ticket.callCount + 1,
        calledAt: now,
        startedAt: null,
      };
      return { ticket: next, events: [event('ticket.resumed', command.counterId, { call: next.callCount })] };
    }
    case 'cancel': {
      const next: Ticket = { ...ticket, status: 'cancelled', counterId: null };
      return {
        ticket: next,
        events: [event('ticket.cancelled', ticket.counterId, { reason: command.reason })],
      };
    }
  }
}

function assertHeldBy(ticket: Ticket, counterId: string, action: TicketCommandType): void {
  if (ticket.counterId !== counterId) throw invalid(ticket, action);
}

function invalid(ticket: Ticket, action: TicketCommandType): AppError {
  return new AppError('INVALID_TRANSITION', {
    action,
    number: ticket.displayNumber,
    status: ticket.status,
  });
}
