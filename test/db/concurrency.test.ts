/**
 * Two kiosks never issue the same number and two counters pressing "call next" at the same
 * instant never get the same ticket — hammered with real concurrency (on PostgreSQL, a pool of
 * connections; on PGlite, the same code through its single connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceDayOf } from '../../src/core/shared/local-time';
import { bootstrap } from '../../src/server/seed/bootstrap';
import { callNextTicket } from '../../src/server/services/call-next-ticket';
import { createServiceContext, type ServiceContext } from '../../src/server/services/context';
import { issueTicket } from '../../src/server/services/issue-ticket';
import { findFirstCentre } from '../../src/db/repositories/reference.repository';
import { fieldIds, kioskActor, staffCounters } from '../support/hall';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

const KIOSKS = 6;
const TICKETS_PER_KIOSK = 80;
const COUNTERS = 8;

describe(`concurrency (${TEST_ENGINE})`, () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let centreId: string;
  let fields: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 20 });
    ctx = createServiceContext(database.handle.db, database.handle.engine);
    await bootstrap(ctx, { demo: true, adminPassword: 'admin-password' });
    centreId = (await findFirstCentre(ctx.db))!.id;
    fields = await fieldIds(ctx, centreId);
  });
  afterAll(async () => database?.drop());

  it('issues unique, gap-free numbers per field under concurrent kiosks', async () => {
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => kioskActor(ctx, centreId)));
    const issued = await Promise.all(
      kiosks.map(async (kiosk, k) => {
        const numbers: string[] = [];
        for (let i = 0; i < TICKETS_PER_KIOSK; i++) {
          const fieldId = (i + k) % 2 === 0 ? fields['HT']! : fields['CT']!;
          const result = await issueTicket(ctx, kiosk, { fieldId, priorityGroupId: null, lang: 'vi' });
          numbers.push(result.ticket.displayNumber);
        }
        return numbers;
      }),
    );
    const all = issued.flat();
    expect(all).toHaveLength(KIOSKS * TICKETS_PER_KIOSK);
    expect(new Set(all).size).toBe(all.length);
    const ht = all.filter((n) => n.startsWith('1')).map(Number).sort((a, b) => a - b);
    const ct = all.filter((n) => n.startsWith('2')).map(Number).sort((a, b) => a - b);
    expect(ht).toEqual(Array.from({ length: ht.length }, (_, i) => 1001 + i));
    expect(ct).toEqual(Array.from({ length: ct.length }, (_, i) => 2001 + i));

    const rows = await ctx.db
      .selectFrom('ticket')
      .select(['displayNumber'])
      .where('serviceDay', '=', serviceDayOf(new Date()))
      .execute();
    expect(new Set(rows.map((r) => r.displayNumber)).size).toBe(rows.length);
  });

  it('never gives one ticket to two counters calling at the same instant', async () => {
    const staffed = await staffCounters(ctx, COUNTERS, [fields['HT']!, fields['CT']!]);
    const waiting = await ctx.db.selectFrom('ticket').select('id').where('status', '=', 'waiting').execute();
    const calledBy = new Map<string, string[]>();

    await Promise.all(
      staffed.map(async ({ counterId, officer }) => {
        for (;;) {
          const ticket = await callNextTicket(ctx, officer, counterId);
          if (!ticket) {
            const left = await ctx.db.selectFrom('ticket').select('id').where('status', '=', 'waiting').limit(1).execute();
            if (left.length === 0) return;
            continue;
          }
          calledBy.set(ticket.id, [...(calledBy.get(ticket.id) ?? []), counterId]);
          // Hand the ticket back so the counter is free for its next call.
          await ctx.db.updateTable('ticket').set({ status: 'done', counterId: null }).where('id', '=', ticket.id).execute();
        }
      }),
    );

    expect(calledBy.size).toBe(waiting.length);
    const doubleCalls = [...calledBy.values()].filter((counters) => counters.length > 1);
    expect(doubleCalls).toEqual([]);
    const callEvents = await ctx.db.selectFrom('eventLog').select('ticketId').where('type', '=', 'ticket.called').execute();
    expect(callEvents).toHaveLength(waiting.length);
    expect(new Set(callEvents.map((e) => e.ticketId)).size).toBe(waiting.length);
  });

  it('lets one counter hold at most one ticket even when "call next" is pressed twice at once', async () => {
    const [{ counterId, officer }] = await staffCounters(ctx, 1, [fields['HT']!], 200);
    const kiosk = await kioskActor(ctx, centreId);
    await issueTicket(ctx, kiosk, { fieldId: fields['HT']!, priorityGroupId: null, lang: 'vi' });
    await issueTicket(ctx, kiosk, { fieldId: fields['HT']!, priorityGroupId: null, lang: 'vi' });
    const results = await Promise.allSettled([callNextTicket(ctx, officer, counterId), callNextTicket(ctx, officer, counterId)]);
    const called = results.filter((r) => r.status === 'fulfilled' && r.value !== null);
    const busy = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'COUNTER_BUSY');
    expect(called).toHaveLength(1);
    expect(busy).toHaveLength(1);
  });
});
