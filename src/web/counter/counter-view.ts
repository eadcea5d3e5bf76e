/**
 * Pure helpers behind the counter console: which live events concern this counter, how the
 * waiting queues and the "call a number" list are ordered, and how durations are written.
 */
import type { Counter, CounterWork, Field, TicketView } from '../../contracts/api';
import type { StreamEvent } from '../../contracts/events';

/**
 * Whether a live event may change what this counter's screen shows. Waiting counts arrive in
 * their own message, so tickets issued elsewhere do not trigger a reload.
 */
export function concernsCounter(event: StreamEvent, counterId: string, knownTicketIds: ReadonlySet<string>): boolean {
  if (event.type === 'config.changed') return true;
  if (event.counter?.id === counterId) return true;
  if (event.ticket) {
    // A cancelled or re-activated ticket no longer names a counter: recognise it by id.
    return event.ticket.counterId === counterId || knownTicketIds.has(event.ticket.id);
  }
  return false;
}

/** Waiting tickets this counter may call by number: its fields, or sent here by a transfer. */
export function callableTickets(tickets: readonly TicketView[], counter: Pick<Counter, 'id' | 'fields'>): TicketView[] {
  const fieldIds = new Set(counter.fields.map((f) => f.fieldId));
  return tickets
    .filter(
      (t) =>
        t.status === 'waiting' &&
        (t.targetCounterId === counter.id || (t.targetCounterId === null && fieldIds.has(t.fieldId))),
    )
    .sort(
      (a, b) =>
        Number(b.targetCounterId === counter.id) - Number(a.targetCounterId === counter.id) ||
        a.queueSince.localeCompare(b.queueSince) ||
        a.displayNumber.localeCompare(b.displayNumber, 'en', { numeric: true }),
    );
}

/** Narrows the list as the officer types part of a number ("12" finds 1012 and HT012). */
export function filterByNumber(tickets: readonly TicketView[], query: string): TicketView[] {
  const q = query.trim().toUpperCase().replace(/[\s-]/g, '');
  if (!q) return [...tickets];
  return tickets.filter((t) => t.displayNumber.toUpperCase().includes(q));
}

export interface WaitingRow {
  fieldId: string;
  count: number;
  /** The counter's weight for the field (10 = main field), null for a field it does not serve. */
  weight: number | null;
}

/** The counter's own fields first (main field first), then the rest of the hall. */
export function waitingRows(
  fields: readonly Pick<Field, 'id' | 'sortOrder' | 'active'>[],
  counterFields: Counter['fields'],
  waitingByField: Readonly<Record<string, number>>,
): { mine: WaitingRow[]; others: WaitingRow[] } {
  const weights = new Map(counterFields.map((f) => [f.fieldId, f.weight]));
  const ordered = [...fields].filter((f) => f.active || weights.has(f.id)).sort((a, b) => a.sortOrder - b.sortOrder);
  const rows = ordered.map((f) => ({ fieldId: f.id, count: waitingByField[f.id] ?? 0, weight: weights.get(f.id) ?? null }));
  return {
    mine: rows.filter((r) => r.weight !== null).sort((a, b) => b.weight! - a.weight!),
    others: rows.filter((r) => r.weight === null),
  };
}

/**
 * The words of a priority ticket's badge ("ƯU TIÊN", with its group where there is room), or null
 * for a normal ticket. The ticket's own `priority` decides, not whether it names a group.
 */
export function priorityBadgeText(
  ticket: Pick<TicketView, 'priority' | 'priorityGroupId'>,
  badge: string,
  groupName: (id: string) => string | null,
  withGroup: boolean,
): string | null {
  if (!ticket.priority) return null;
  const group = withGroup && ticket.priorityGroupId ? groupName(ticket.priorityGroupId) : null;
  return group ? `${badge} · ${group}` : badge;
}

/** "0:07", "12:40", "1:02:05". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** Whole minutes left before a no-show can no longer be re-activated (0 when expired). */
export function noShowMinutesLeft(noShowAt: string | null, toleranceMinutes: number, nowMs: number): number {
  if (!noShowAt) return 0;
  const left = Date.parse(noShowAt) + toleranceMinutes * 60_000 - nowMs;
  return left <= 0 ? 0 : Math.ceil(left / 60_000);
}

export type TransferTarget =
  | { kind: 'field'; fieldId: string }
  | { kind: 'counter'; counterId: string };

/** Where a ticket can be sent: another active field, or another active counter by name. */
export function transferTargets(
  fields: readonly Pick<Field, 'id' | 'active' | 'sortOrder'>[],
  counters: readonly Pick<Counter, 'id' | 'active' | 'number'>[],
  ticketFieldId: string,
  ownCounterId: string,
): TransferTarget[] {
  const toFields = fields
    .filter((f) => f.active && f.id !== ticketFieldId)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((f): TransferTarget => ({ kind: 'field', fieldId: f.id }));
  const toCounters = counters
    .filter((c) => c.active && c.id !== ownCounterId)
    .sort((a, b) => a.number - b.number)
    .map((c): TransferTarget => ({ kind: 'counter', counterId: c.id }));
  return [...toFields, ...toCounters];
}

/** Moves a highlighted row in a list with the arrow keys, Home and End; null when the key is not one of them. */
export function moveSelection(key: string, index: number, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(length - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    case 'PageDown':
      return Math.min(length - 1, index + 5);
    case 'PageUp':
      return Math.max(0, index - 5);
    default:
      return null;
  }
}

/** Counters offered on the picker: the one used last on this PC first, then by number. */
export function orderCounterChoices<C extends Pick<Counter, 'id' | 'number' | 'active'>>(counters: readonly C[], lastId: string | null): C[] {
  return counters
    .filter((c) => c.active)
    .sort((a, b) => Number(b.id === lastId) - Number(a.id === lastId) || a.number - b.number);
}

/** Whether a counter's name already says its number ("Quầy 1 – Hộ tịch"), so the header need not repeat it. */
export function counterNameShowsNumber(name: string, number: number): boolean {
  return new RegExp(`(^|\\D)${number}(\\D|$)`).test(name);
}

/**
 * The work view right after an action, from the server's answer alone, so the next key press is
 * judged on the new state at once; a full reload follows and has the last word.
 */
export function applyOutcome(
  work: CounterWork,
  outcome: { ticket: TicketView } | { counter: CounterWork['counter'] },
): CounterWork {
  if ('counter' in outcome) return { ...work, counter: outcome.counter };
  const t = outcome.ticket;
  const without = (list: TicketView[]) => list.filter((x) => x.id !== t.id);
  const wasCurrent = work.current?.id === t.id;
  const here = t.counterId === work.counter.id;
  const next: CounterWork = {
    ...work,
    current: wasCurrent ? null : work.current,
    parked: without(work.parked),
    noShows: without(work.noShows),
  };
  if (here && (t.status === 'called' || t.status === 'serving')) next.current = t;
  else if (here && t.status === 'parked') next.parked = [...next.parked, t];
  else if (here && t.status === 'no-show') next.noShows = [t, ...next.noShows];
  else if (t.status === 'done' && wasCurrent) next.servedToday = work.servedToday + 1;
  // Whether a new ticket in hand has a face template is known after the reload that follows.
  if (next.current?.id !== work.current?.id) next.currentHasFace = next.current !== null;
  return next;
}
