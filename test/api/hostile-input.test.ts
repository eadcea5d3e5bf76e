/**
 * Hundreds of random and hostile requests against every endpoint in the OpenAPI document —
 * wrong types, huge strings, SQL and HTML fragments, NUL characters, unknown ids, wrong callers,
 * transitions out of order — then checks that nothing answered 5xx, every failure has the one
 * error shape, and the data still tells one consistent story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTicketCommand, issueTicket as issueDomain, type Ticket, type TicketCommand } from '../../src/core/queue/ticket';
import { rowToTicket } from '../../src/db/repositories/ticket.repository';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  "'; drop table ticket; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '\u0000',
  'abc\u0000def',
  '\ud800',
  '🙂'.repeat(50),
  'Mời công dân có số',
  'x'.repeat(10_000),
  '%00%27',
  '${7*7}',
  '{{constructor.constructor("return 1")()}}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '1e309',
  '-1',
  'null',
  '__proto__',
];

function nastyValue(r: ReturnType<typeof rng>, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return r.pick(NASTY_STRINGS);
    case 1:
      return r.pick([0, -1, 1, 2.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, 99999999999]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return r.pick(['vi', 'en', 'kiosk', 'display', 'rating', 'block', 'prefix', 'officer', 'admin', '123456', 'HT']);
    case 4:
      return r.int(2) ? crypto.randomUUID() : r.pick(NASTY_STRINGS);
    case 5:
      return { ['__proto__']: { polluted: true }, constructor: 'x' };
    case 6:
      return Array.from({ length: r.int(4) }, () => nastyValue(r, depth + 1));
    default: {
      const keys = ['fieldId', 'counterId', 'ticketId', 'priorityGroupId', 'username', 'password', 'code', 'name', 'number', 'fields', 'weight', 'value', 'serveNo', 'reason', 'kind', 'secret', 'nameVi', 'nameEn', 'numberingMode', 'blockStart', 'blockEnd', 'prefix', 'dailyCap', 'openingHours', 'ratingScale', 'fairnessQuota', 'host', 'port', 'role', 'lang'];
      const object: Record<string, unknown> = {};
      for (let i = r.int(6); i > 0; i--) object[r.pick(keys)] = nastyValue(r, depth + 1);
      return object;
    }
  }
}

/** encodeURIComponent, but a lone surrogate goes out as raw bytes instead of throwing. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

interface Route {
  method: string;
  path: string;
}

describe(`hostile input (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let callers: (string | null)[];
  const routes: Route[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(spec.paths)) {
      // Live streams stay open by design; their inputs are the cursor and the caller, tested elsewhere.
      if (path.endsWith('/stream')) continue;
      for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), path });
    }
    const officer = await t.login('canbo1');
    await t.request('POST', `/api/v1/counters/${t.counter(1).id}/open`, officer);
    callers = [
      null,
      officer,
      await t.login('quanly'),
      await t.login('admin'),
      await t.pairDevice('kiosk'),
      await t.pairDevice('display'),
      await t.pairDevice('rating', { counterId: t.counter(1).id }),
      'Bearer ' + 'A'.repeat(43),
      'motcua_session=garbage',
    ];
    // Some real tickets in every state, so that transitions have something to trip over.
    const kiosk = callers[4]!;
    for (let i = 0; i < 6; i++) await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id });
    const called = (await t.request('POST', `/api/v1/counters/${t.counter(1).id}/call-next`, officer)).json().ticket;
    await t.request('POST', `/api/v1/tickets/${called.id}/start`, officer);
  });
  afterAll(async () => t?.close());

  it('answers every hostile request with a 4xx in the one error shape, never a 5xx', async () => {
    expect(routes.length).toBeGreaterThan(30);
    const r = rng(20261125);
    const ticketIds = (await t.ctx.db.selectFrom('ticket').select('id').execute()).map((x) => x.id);
    const ids = [...ticketIds, t.counter(1).id, t.counter(2).id, t.field('HT').id, crypto.randomUUID()];
    const failures: string[] = [];
    let fourHundreds = 0;

    for (let i = 0; i < 700; i++) {
      const route = r.pick(routes);
      const url = route.path
        .replace(/\{id\}|:id/g, () => enc(String(r.int(3) ? r.pick(ids) : r.pick(NASTY_STRINGS))))
        .replace(/\{code\}|:code/g, () => enc(r.int(2) ? 'ABCDEF1234' : r.pick(NASTY_STRINGS)))
        .replace(/\{kind\}|:kind/g, () => r.pick(['kiosk', 'display', 'rating', 'printer', "'"]));
      const query = r.int(3) === 0 ? `?${r.pick(['day', 'status', 'fieldId', 'limit', 'since', 'from', 'to', 'lang'])}=${enc(String(nastyValue(r)))}` : '';
      const body = route.method === 'GET' ? undefined : r.int(10) === 0 ? '{"unterminated": ' : nastyValue(r);
      const res = await t.request(route.method, url + query, r.pick(callers), body);
      if (res.statusCode >= 500) failures.push(`${route.method} ${(url + query).slice(0, 200)} ${JSON.stringify(body)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) {
        fourHundreds++;
        const error = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
        if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length === 0) {
          failures.push(`${route.method} ${(url + query).slice(0, 200)} → ${res.statusCode} without the error shape: ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fourHundreds).toBeGreaterThan(500);
  });

  it('refuses oversized bodies, non-JSON bodies and NUL characters with a clear 4xx', async () => {
    const kiosk = callers[4]!;
    const huge = await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('HT').id, pad: 'x'.repeat(400_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { authorization: kiosk, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'fieldId=1',
    });
    expect(form.statusCode).toBe(415);

    const nul = await t.request('POST', '/api/v1/auth/login', null, { username: 'can\u0000bo1', password: 'x' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('speaks the caller\'s language in errors', async () => {
    const vi = await t.request('POST', '/api/v1/auth/login', null, { username: 'nobody', password: 'wrong-password' });
    expect(vi.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' },
      payload: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    });
    expect(en.json().error.message).toBe('Wrong user name or password.');
  });

  it('rejects transitions out of order and changes nothing', async () => {
    const officer = await t.login('canbo1');
    const kiosk = callers[4]!;
    const fresh = (await t.request('POST', '/api/v1/tickets', kiosk, { fieldId: t.field('CT').id })).json().ticket;
    const before = await t.ctx.db.selectFrom('eventLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const action of ['finish', 'start', 'recall', 'no-show', 'park', 'resume', 'reactivate']) {
      const res = await t.request('POST', `/api/v1/tickets/${fresh.id}/${action}`, officer);
      expect(res.statusCode, action).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, action).toBeLessThan(500);
    }
    const finishNeverCalled = await t.request('POST', `/api/v1/tickets/${fresh.id}/finish`, officer);
    expect(finishNeverCalled.json().error.code).toBe('INVALID_TRANSITION');
    expect(finishNeverCalled.json().error.message).toContain('kết thúc');
    const after = await t.ctx.db.selectFrom('eventLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const row = await t.ctx.db.selectFrom('ticket').selectAll().where('id', '=', fresh.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('waiting');
  });

  it('leaves the data consistent: every ticket is what its event log says it is', async () => {
    const db = t.ctx.db;
    const tickets = (await db.selectFrom('ticket').selectAll().execute()).map(rowToTicket);
    const events = await db.selectFrom('eventLog').selectAll().where('ticketId', 'is not', null).orderBy('id').execute();

    for (const ticket of tickets) {
      const own = events.filter((e) => e.ticketId === ticket.id);
      expect(own[0]?.type, ticket.displayNumber).toBe('ticket.issued');
      // Replaying the log through the domain gives the stored state.
      let replayed: Ticket = issueDomain(
        {
          id: ticket.id,
          centreId: ticket.centreId,
          serviceDay: ticket.serviceDay,
          fieldId: String((own[0]!.facts as Record<string, unknown>)['fieldId']),
          seq: ticket.seq,
          displayNumber: ticket.displayNumber,
          code: ticket.code,
          priorityGroupId: ticket.priorityGroupId,
          priorityWeight: ticket.priorityWeight,
          predictedWaitSeconds: null,
          kioskId: null,
        },
        own[0]!.at,
      ).ticket;
      for (const e of own.slice(1)) {
        const facts = e.facts as Record<string, unknown>;
        const command = commandFor(e.type, e.counterId ?? replayed.counterId ?? '', e.officerId, facts);
        replayed = applyTicketCommand(replayed, command, e.at).ticket;
      }
      expect(replayed.status, ticket.displayNumber).toBe(ticket.status);
      expect(replayed.fieldId, ticket.displayNumber).toBe(ticket.fieldId);
      expect(replayed.counterId, ticket.displayNumber).toBe(ticket.counterId);
    }

    // One number per visit and day; no counter holds two tickets; officers sit at open counters.
    const numbers = tickets.map((x) => `${x.serviceDay}/${x.displayNumber}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    const active = tickets.filter((x) => x.status === 'called' || x.status === 'serving');
    const counters = active.map((x) => x.counterId);
    expect(new Set(counters).size).toBe(counters.length);
    const counterRows = await db.selectFrom('counter').selectAll().execute();
    for (const c of counterRows) {
      if (c.state === 'closed') expect(c.officerId).toBeNull();
      else expect(c.officerId).not.toBeNull();
    }
    // Every rating belongs to a service that finished.
    const ratings = await db.selectFrom('rating').selectAll().execute();
    for (const rating of ratings) {
      expect(events.some((e) => e.ticketId === rating.ticketId && e.type === 'ticket.finished')).toBe(true);
    }
    const health = await t.request('GET', '/api/health', null);
    expect(health.json()).toEqual({ status: 'ok', database: TEST_ENGINE });
  });
});

function commandFor(type: string, counterId: string, officerId: string | null, facts: Record<string, unknown>): TicketCommand {
  switch (type) {
    case 'ticket.called':
      return { type: 'call', counterId, officerId };
    case 'ticket.recalled':
      return { type: 'recall', counterId, officerId };
    case 'ticket.started':
      return { type: 'start', counterId, officerId };
    case 'ticket.finished':
      return { type: 'finish', counterId, officerId };
    case 'ticket.no-show':
      return { type: 'no-show', counterId, officerId };
    case 'ticket.reactivated':
      return { type: 'reactivate', toleranceMinutes: Number.POSITIVE_INFINITY, officerId };
    case 'ticket.transferred':
      return {
        type: 'transfer',
        counterId,
        officerId,
        toFieldId: String(facts['fieldId']),
        toCounterId: (facts['toCounterId'] as string | null) ?? null,
        keepArrivalTime: Boolean(facts['keepArrivalTime']),
      };
    case 'ticket.parked':
      return { type: 'park', counterId, officerId };
    case 'ticket.resumed':
      return { type: 'resume', counterId, officerId };
    case 'ticket.cancelled':
      return { type: 'cancel', reason: facts['reason'] as 'citizen', officerId };
    default:
      throw new Error(`unknown event ${type}`);
  }
}
