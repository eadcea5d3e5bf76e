/**
 * Queue KPIs for a range of days, derived from the event log: waits, walks to the counter, service
 * times, no-shows, ratings, and how far the kiosk's promised waits were from the real ones.
 */
import type { QueueKpis } from '../../contracts/api';
import { startOfServiceDay } from '../../core/shared/local-time';
import { TICKET_EVENT_TYPES, type TicketEventType } from '../../core/queue/ticket';
import {
  deriveVisitMetrics,
  predictionError,
  summarise,
  type LoggedTicketEvent,
  type QueueStay,
  type ServiceSpan,
} from '../../core/queue/visit-metrics';
import { listEvents } from '../../db/repositories/event.repository';
import { listUsers } from '../../db/repositories/people.repository';
import { listRatings } from '../../db/repositories/rating.repository';
import { listCounters, listFields } from '../../db/repositories/reference.repository';
import type { ServiceContext } from './context';

type Row = QueueKpis['total'];

interface Bucket {
  issued: number;
  noShows: number;
  cancelled: number;
  stays: QueueStay[];
  services: ServiceSpan[];
  ratings: string[];
}

const emptyBucket = (): Bucket => ({ issued: 0, noShows: 0, cancelled: 0, stays: [], services: [], ratings: [] });

export async function getQueueKpis(
  ctx: ServiceContext,
  centreId: string,
  from: string,
  to: string,
  lang: 'vi' | 'en',
): Promise<QueueKpis> {
  const start = startOfServiceDay(from);
  const end = new Date(startOfServiceDay(to).getTime() + 24 * 3600_000);
  const [events, ratings, fields, counters, users] = await Promise.all([
    listEvents(ctx.db, { centreId, from: start, to: end, types: TICKET_EVENT_TYPES }),
    listRatings(ctx.db, centreId, start, end),
    listFields(ctx.db, centreId),
    listCounters(ctx.db, centreId),
    listUsers(ctx.db, centreId),
  ]);

  const byTicket = new Map<string, LoggedTicketEvent[]>();
  for (const e of events) {
    if (!e.ticketId) continue;
    const list = byTicket.get(e.ticketId) ?? [];
    list.push({ ...e, ticketId: e.ticketId, type: e.type as TicketEventType });
    byTicket.set(e.ticketId, list);
  }

  const total = emptyBucket();
  const byField = new Map<string, Bucket>();
  const byCounter = new Map<string, Bucket>();
  const byOfficer = new Map<string, Bucket>();
  const bucket = (map: Map<string, Bucket>, key: string | null) => {
    const k = key ?? '';
    let b = map.get(k);
    if (!b) map.set(k, (b = emptyBucket()));
    return b;
  };

  for (const list of byTicket.values()) {
    const visit = deriveVisitMetrics(list);
    const first = list[0]!;
    const issuedField = String(first.facts['fieldId'] ?? '');
    if (first.type === 'ticket.issued') {
      total.issued++;
      bucket(byField, issuedField).issued++;
    }
    total.noShows += visit.noShows;
    total.cancelled += visit.cancelled ? 1 : 0;
    const lastField = String(list[list.length - 1]!.facts['fieldId'] ?? issuedField);
    bucket(byField, lastField).noShows += visit.noShows;
    bucket(byField, lastField).cancelled += visit.cancelled ? 1 : 0;
    for (const stay of visit.stays) {
      total.stays.push(stay);
      bucket(byField, stay.fieldId).stays.push(stay);
      if (stay.counterId) bucket(byCounter, stay.counterId).stays.push(stay);
    }
    for (const service of visit.services) {
      total.services.push(service);
      bucket(byField, service.fieldId).services.push(service);
      bucket(byCounter, service.counterId).services.push(service);
      bucket(byOfficer, service.officerId).services.push(service);
    }
  }
  for (const r of ratings) {
    total.ratings.push(r.reportsAs);
    bucket(byField, r.fieldId).ratings.push(r.reportsAs);
    bucket(byCounter, r.counterId).ratings.push(r.reportsAs);
    bucket(byOfficer, r.officerId).ratings.push(r.reportsAs);
  }

  const fieldName = new Map(fields.map((f) => [f.id, lang === 'en' ? f.nameEn : f.nameVi]));
  const counterName = new Map(counters.map((c) => [c.id, `${lang === 'en' ? 'Counter' : 'Quầy'} ${c.number}`]));
  const officerName = new Map(users.map((u) => [u.id, u.fullName]));
  const rows = (map: Map<string, Bucket>, names: Map<string, string>) =>
    [...map.entries()]
      .filter(([key]) => key !== '')
      .map(([key, b]) => toRow(key, names.get(key) ?? key, b))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi'));

  const prediction = predictionError(total.stays);
  return {
    from,
    to,
    total: toRow('total', lang === 'en' ? 'All' : 'Tất cả', total),
    byField: rows(byField, fieldName),
    byCounter: rows(byCounter, counterName),
    byOfficer: rows(byOfficer, officerName),
    waitPrediction: { count: prediction.count, meanAbsoluteErrorSeconds: prediction.meanAbsoluteSeconds },
  };
}

function toRow(key: string, label: string, b: Bucket): Row {
  const count = (kind: string) => b.ratings.filter((r) => r === kind).length;
  const verySatisfied = count('very-satisfied');
  const satisfied = count('satisfied');
  const dissatisfied = count('dissatisfied');
  const rated = b.ratings.length;
  return {
    key,
    label,
    issued: b.issued,
    served: b.services.filter((s) => s.outcome === 'finished').length,
    noShows: b.noShows,
    cancelled: b.cancelled,
    waitSeconds: summarise(b.stays.flatMap((s) => (s.waitSeconds === null ? [] : [s.waitSeconds]))),
    walkSeconds: summarise(b.stays.flatMap((s) => (s.walkSeconds === null ? [] : [s.walkSeconds]))),
    serviceSeconds: summarise(b.services.map((s) => s.seconds)),
    ratings: {
      count: rated,
      verySatisfied,
      satisfied,
      dissatisfied,
      satisfiedPercent: rated === 0 ? null : Math.round(((verySatisfied + satisfied) / rated) * 1000) / 10,
    },
  };
}
