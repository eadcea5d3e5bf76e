/** Turns domain objects and rows into the API's shapes. */
import type { Counter, Field, TicketView } from '../../contracts/api';
import type { StreamCounter, StreamTicket } from '../../contracts/events';
import type { Ticket } from '../../core/queue/ticket';
import type { CounterWithFields } from '../../db/repositories/reference.repository';
import type { FieldRow } from '../../db/schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTicketView(t: Ticket): TicketView {
  return {
    id: t.id,
    code: t.code,
    serviceDay: t.serviceDay,
    displayNumber: t.displayNumber,
    fieldId: t.fieldId,
    status: t.status,
    priorityGroupId: t.priorityGroupId,
    priority: t.priorityWeight > 0,
    issuedAt: t.issuedAt.toISOString(),
    queueSince: t.queueSince.toISOString(),
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    callCount: t.callCount,
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    noShowAt: iso(t.noShowAt),
    finishedAt: iso(t.finishedAt),
  };
}

export function toStreamTicket(t: Ticket, counterNumber: number | null): StreamTicket {
  return {
    id: t.id,
    displayNumber: t.displayNumber,
    fieldId: t.fieldId,
    status: t.status,
    counterId: t.counterId,
    counterNumber,
    priority: t.priorityWeight > 0,
    callCount: t.callCount,
    serveCount: t.serveCount,
  };
}

export function toCounterView(c: CounterWithFields): Counter {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    active: c.active,
    state: c.state,
    pauseReason: c.pauseReason,
    officerId: c.officerId,
    officerName: c.officerName,
    fields: c.fields,
  };
}

export function toStreamCounter(c: CounterWithFields): StreamCounter {
  return { id: c.id, number: c.number, state: c.state, pauseReason: c.pauseReason, officerName: c.officerName };
}

export function toFieldView(f: FieldRow): Field {
  return {
    id: f.id,
    code: f.code,
    nameVi: f.nameVi,
    nameEn: f.nameEn,
    numberingMode: f.numberingMode,
    prefix: f.prefix,
    blockStart: f.blockStart,
    blockEnd: f.blockEnd,
    dailyCap: f.dailyCap,
    openingHours: f.openingHours,
    defaultServiceSeconds: f.defaultServiceSeconds,
    sortOrder: f.sortOrder,
    active: f.active,
  };
}
