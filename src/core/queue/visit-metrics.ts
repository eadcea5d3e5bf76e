/**
 * Metrics derived from the append-only event log, never from mutable ticket columns: the wait from
 * joining the queue to the first call, the walk from that call to the start of service, the service
 * time, and the error of the wait the kiosk promised.
 */
import type { TicketEventType } from './ticket';

export interface LoggedTicketEvent {
  type: TicketEventType;
  at: Date;
  ticketId: string;
  counterId: string | null;
  officerId: string | null;
  facts: Record<string, unknown>;
}

/** One stay in a queue: from joining (issue, re-activation, transfer) to being called. */
export interface QueueStay {
  ticketId: string;
  fieldId: string;
  joinedAt: Date;
  calledAt: Date | null;
  counterId: string | null;
  waitSeconds: number | null;
  /** Seconds from the first call to the start of service, when service started. */
  walkSeconds: number | null;
  /** Only the first stay of a visit carries the kiosk's prediction. */
  predictedWaitSeconds: number | null;
}

/** One service at a counter: from start to finish or to a transfer. */
export interface ServiceSpan {
  ticketId: string;
  fieldId: string;
  counterId: string | null;
  officerId: string | null;
  startedAt: Date;
  endedAt: Date;
  seconds: number;
  outcome: 'finished' | 'transferred';
}

export interface VisitMetrics {
  stays: QueueStay[];
  services: ServiceSpan[];
  noShows: number;
  cancelled: boolean;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Folds the events of one ticket (in log order) into its stays and services. */
export function deriveVisitMetrics(events: readonly LoggedTicketEvent[]): VisitMetrics {
  const result: VisitMetrics = { stays: [], services: [], noShows: 0, cancelled: false };
  let stay: QueueStay | null = null;
  // The running service, and the seconds it accumulated before being parked: time spent parked
  // (the citizen fetching a missing paper) does not count as service.
  let serviceStart: { at: Date; counterId: string | null; officerId: string | null } | null = null;
  let servedBeforePark = 0;
  let firstStartAt: Date | null = null;

  const field = (e: LoggedTicketEvent) => String(e.facts['fieldId'] ?? '');
  const closeService = (e: LoggedTicketEvent, outcome: ServiceSpan['outcome']) => {
    if (firstStartAt === null) return;
    const running = serviceStart ? seconds(serviceStart.at, e.at) : 0;
    result.services.push({
      ticketId: e.ticketId,
      fieldId: String(e.facts['fromFieldId'] ?? field(e)),
      counterId: e.counterId ?? serviceStart?.counterId ?? null,
      officerId: e.officerId ?? serviceStart?.officerId ?? null,
      startedAt: firstStartAt,
      endedAt: e.at,
      seconds: servedBeforePark + running,
      outcome,
    });
    serviceStart = null;
    servedBeforePark = 0;
    firstStartAt = null;
  };
  const join = (e: LoggedTicketEvent, predicted: number | null) => {
    stay = {
      ticketId: e.ticketId,
      fieldId: field(e),
      joinedAt: e.at,
      calledAt: null,
      counterId: null,
      waitSeconds: null,
      walkSeconds: null,
      predictedWaitSeconds: predicted,
    };
    result.stays.push(stay);
  };

  for (const e of events) {
    switch (e.type) {
      case 'ticket.issued': {
        const predicted = e.facts['predictedWaitSeconds'];
        join(e, typeof predicted === 'number' ? predicted : null);
        break;
      }
      case 'ticket.reactivated':
        join(e, null);
        break;
      case 'ticket.transferred':
        closeService(e, 'transferred');
        join(e, null);
        break;
      case 'ticket.called': {
        const current = stay as QueueStay | null;
        if (current && !current.calledAt) {
          current.calledAt = e.at;
          current.counterId = e.counterId;
          current.waitSeconds = seconds(current.joinedAt, e.at);
        }
        break;
      }
      case 'ticket.started': {
        const current = stay as QueueStay | null;
        if (current?.calledAt && current.walkSeconds === null) {
          current.walkSeconds = seconds(current.calledAt, e.at);
        }
        serviceStart = { at: e.at, counterId: e.counterId, officerId: e.officerId };
        firstStartAt ??= e.at;
        break;
      }
      case 'ticket.parked':
        if (serviceStart) {
          servedBeforePark += seconds(serviceStart.at, e.at);
          serviceStart = null;
        }
        break;
      case 'ticket.finished':
        closeService(e, 'finished');
        break;
      case 'ticket.no-show':
        result.noShows++;
        break;
      case 'ticket.cancelled':
        result.cancelled = true;
        break;
      default:
        break;
    }
  }
  return result;
}

export interface Distribution {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

export function summarise(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    count: sorted.length,
    mean: Math.round(mean),
    p50: pick(0.5),
    p90: pick(0.9),
    max: sorted[sorted.length - 1]!,
  };
}

/** Mean absolute error (seconds) of the kiosk's promised waits against the real ones. */
export function predictionError(stays: readonly QueueStay[]): { count: number; meanAbsoluteSeconds: number | null } {
  const pairs = stays.filter((s) => s.predictedWaitSeconds !== null && s.waitSeconds !== null);
  if (pairs.length === 0) return { count: 0, meanAbsoluteSeconds: null };
  const total = pairs.reduce((sum, s) => sum + Math.abs(s.waitSeconds! - s.predictedWaitSeconds!), 0);
  return { count: pairs.length, meanAbsoluteSeconds: Math.round(total / pairs.length) };
}
