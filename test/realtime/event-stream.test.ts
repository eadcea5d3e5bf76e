/**
 * The live stream delivers every event exactly once and in log order, to subscribers that were
 * connected all along and to ones that reconnect with their last cursor — even when concurrent
 * transactions commit in a different order than their event ids were drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendEvents, currentCursor, formatCursor, readEventsAfter, type LoggedEvent } from '../../src/db/repositories/event.repository';
import { EventStream } from '../../src/server/realtime/event-stream';
import { bootstrap } from '../../src/server/seed/bootstrap';
import { createServiceContext, type ServiceContext } from '../../src/server/services/context';
import { findFirstCentre } from '../../src/db/repositories/reference.repository';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../support/test-database';

const WRITERS = 12;
const EVENTS_PER_WRITER = 15;

describe(`event stream (${TEST_ENGINE})`, () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  let centreId: string;
  let stream: EventStream;

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: WRITERS + 4 });
    ctx = createServiceContext(database.handle.db, database.handle.engine);
    await bootstrap(ctx, { demo: true, adminPassword: 'admin-password' });
    centreId = (await findFirstCentre(ctx.db))!.id;
    stream = new EventStream(database.handle, () => new Date(), (e) => {
      throw e;
    });
    await stream.start();
  });
  afterAll(async () => {
    await stream?.stop();
    await database?.drop();
  });

  const write = async (label: string, delayMs: number) => {
    await ctx.db.transaction().execute(async (tx) => {
      await appendEvents(tx, [
        {
          centreId,
          type: 'config.changed',
          at: new Date(),
          ticketId: null,
          counterId: null,
          officerId: null,
          actorKind: 'system',
          actorId: null,
          facts: { label },
          payload: { entity: label },
        },
      ]);
      // Hold the transaction open so that later ids can commit first.
      if (delayMs > 0) await sql`select pg_sleep(${delayMs / 1000})`.execute(tx);
    });
  };

  const collect = (into: LoggedEvent[]) => ({ centreId, onEvent: (e: LoggedEvent) => into.push(e) });

  const waitFor = async (check: () => boolean, ms = 15_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for events');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('delivers concurrent, out-of-order commits once each, in log order, live and on resume', async () => {
    const live: LoggedEvent[] = [];
    const start = await currentCursor(ctx.db);
    const unsubscribe = await stream.subscribe(collect(live), start);

    const labels: string[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < EVENTS_PER_WRITER; i++) {
          const label = `w${w}-${i}`;
          labels.push(label);
          await write(label, (w * 7 + i * 13) % 5 === 0 ? 30 : 0);
        }
      }),
    );
    const total = WRITERS * EVENTS_PER_WRITER;
    await waitFor(() => live.length >= total);
    await new Promise((r) => setTimeout(r, 300));
    unsubscribe();

    const seen = live.map((e) => String(e.facts['label']));
    expect(seen).toHaveLength(total);
    expect(new Set(seen)).toEqual(new Set(labels));
    // Each writer's own events arrive in the order it wrote them.
    for (let w = 0; w < WRITERS; w++) {
      const mine = seen.filter((l) => l.startsWith(`w${w}-`));
      expect(mine).toEqual(Array.from({ length: EVENTS_PER_WRITER }, (_, i) => `w${w}-${i}`));
    }

    // A subscriber that disconnected after the 40th event resumes from its cursor.
    const resumed: LoggedEvent[] = [];
    const off = await stream.subscribe(collect(resumed), { tx: live[39]!.tx, id: live[39]!.id });
    await waitFor(() => resumed.length >= total - 40);
    off();
    expect(resumed.map((e) => e.cursor)).toEqual(live.slice(40).map((e) => e.cursor));
    expect(formatCursor({ tx: live[39]!.tx, id: live[39]!.id })).toBe(live[39]!.cursor);
  });

  it('orders transactions by number, not as text (9999 before 10000)', async () => {
    // Transaction ids chosen so that their text order is wrong: 10 sorts before 9 as text.
    for (const tx of ['10', '9', '100']) {
      await sql`insert into event_log (tx, centre_id, type, at, actor_kind, facts, payload)
                values (${tx}::xid8, ${centreId}, 'config.changed', now(), 'system', ${JSON.stringify({ label: `tx${tx}` })}::jsonb, '{}'::jsonb)`.execute(ctx.db);
    }
    const read = await readEventsAfter(ctx.db, { tx: '0', id: 0 }, 1000, centreId);
    const labels = read.map((e) => String(e.facts['label'] ?? '')).filter((l) => l.startsWith('tx'));
    expect(labels).toEqual(['tx9', 'tx10', 'tx100']);
    const after9 = await readEventsAfter(ctx.db, { tx: '9', id: read.find((e) => e.facts['label'] === 'tx9')!.id }, 1000, centreId);
    expect(after9.map((e) => String(e.facts['label'] ?? ''))).toContain('tx10');
  });

  it('catches up a reconnecting subscriber while new events keep arriving, without gaps or repeats', async () => {
    const before = await currentCursor(ctx.db);
    for (let i = 0; i < 30; i++) await write(`early-${i}`, 0);
    const got: LoggedEvent[] = [];
    const writing = (async () => {
      for (let i = 0; i < 30; i++) await write(`late-${i}`, i % 4 === 0 ? 10 : 0);
    })();
    const off = await stream.subscribe(collect(got), before);
    await writing;
    await waitFor(() => got.length >= 60);
    await new Promise((r) => setTimeout(r, 300));
    off();
    const labels = got.map((e) => String(e.facts['label']));
    expect(labels).toEqual([...Array.from({ length: 30 }, (_, i) => `early-${i}`), ...Array.from({ length: 30 }, (_, i) => `late-${i}`)]);
  });
});
