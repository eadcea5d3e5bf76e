/**
 * Queue benchmark: the real server (`motcua start`, a child process) on each database engine,
 * driven over HTTP by concurrent kiosks and counters while a hundred boards listen on the live
 * stream. Prints one JSON object per engine.
 *
 *   npm run bench:queue                       both engines (PostgreSQL at BENCH_DATABASE_URL,
 *                                             default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_ENGINES=pglite npm run bench:queue  one engine
 *   BENCH_TICKETS, BENCH_KIOSKS, BENCH_COUNTERS, BENCH_SSE_CLIENTS override the load.
 */
import http from 'node:http';
import { cpus } from 'node:os';
import pg from 'pg';
import { ADMIN_PASSWORD, freshDatabase, startServer, stopServer } from './bench-server';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 2000);
const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 4);
const COUNTERS = Number(process.env.BENCH_COUNTERS ?? 8);
const SSE_CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 100);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());

// ---------------------------------------------------------------------------------------------
// HTTP plumbing: keep-alive sockets, raw JSON, no client library overhead on the hot path.
// ---------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Reply {
  status: number;
  body: any;
  cookies: string[];
}

function call(port: number, method: string, path: string, auth: string | null, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? null : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (payload !== null) headers['content-type'] = 'application/json';
  if (auth) {
    if (auth.startsWith('Bearer ')) headers['authorization'] = auth;
    else headers['cookie'] = auth;
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : null,
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
        });
      });
    });
    req.on('error', reject);
    if (payload !== null) req.write(payload);
    req.end();
  });
}

async function ok(reply: Promise<Reply>, what: string): Promise<any> {
  const r = await reply;
  if (r.status >= 400) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Live-stream listeners: raw sockets, scanning only for call events to timestamp them.
// ---------------------------------------------------------------------------------------------

interface Board {
  calls: Map<string, number>;
  latencies: number[];
  close(): void;
}

function openBoard(port: number, auth: string, since: string): Promise<Board> {
  return new Promise((resolve, reject) => {
    const board: Board = { calls: new Map(), latencies: [], close: () => req.destroy() };
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/v1/stream?since=${since}`, headers: { authorization: auth }, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const receivedAt = Date.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.includes('event: ticket.called\n')) continue;
            const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { at: string; ticket: { id: string } };
            board.calls.set(data.ticket.id, (board.calls.get(data.ticket.id) ?? 0) + 1);
            board.latencies.push(receivedAt - Date.parse(data.at));
          }
        });
        resolve(board);
      },
    );
    req.on('error', () => undefined);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
const round = (v: number) => Math.round(v * 100) / 100;

async function pairDevice(port: number, admin: string, kind: 'kiosk' | 'display'): Promise<string> {
  const start = (await ok(call(port, 'POST', '/api/v1/devices/pairing', null, { kind }), 'pairing')).body;
  await ok(call(port, 'POST', '/api/v1/devices/confirm', admin, { code: start.code }), 'confirm');
  const claim = (await ok(call(port, 'POST', `/api/v1/devices/pairing/${start.pairingId}/claim`, null, { secret: start.secret }), 'claim')).body;
  return `Bearer ${claim.token}`;
}

async function login(port: number, username: string, password: string): Promise<string> {
  const r = await ok(call(port, 'POST', '/api/v1/auth/login', null, { username, password }), `login ${username}`);
  return r.cookies.find((c: string) => c.startsWith('motcua_session='))!;
}

async function runEngine(engine: string): Promise<Record<string, unknown>> {
  const { env, cleanup } = await freshDatabase(engine);

  const { port, child } = await startServer(env);
  const boards: Board[] = [];
  try {
    const admin = await login(port, 'admin', ADMIN_PASSWORD);
    const centre = (await ok(call(port, 'GET', '/api/v1/centre', admin), 'centre')).body;
    const fieldIds: string[] = centre.fields
      .filter((f: { dailyCap: number | null }) => f.dailyCap === null)
      .slice(0, 3)
      .map((f: { id: string }) => f.id);

    const counters: { id: string; officer: string }[] = [];
    for (let i = 0; i < COUNTERS; i++) {
      const number = 900 + i;
      const created = (
        await ok(
          call(port, 'POST', '/api/v1/manage/counters', admin, {
            number,
            name: `Bench ${number}`,
            fields: fieldIds.map((fieldId) => ({ fieldId, weight: 5 })),
          }),
          'counter',
        )
      ).body;
      const username = `bench${number}`;
      await ok(
        call(port, 'POST', '/api/v1/manage/users', admin, { username, fullName: `Bench ${number}`, role: 'officer', password: 'bench-password' }),
        'user',
      );
      const officer = await login(port, username, 'bench-password');
      await ok(call(port, 'POST', `/api/v1/counters/${created.id}/open`, officer), 'open');
      counters.push({ id: created.id, officer });
    }
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => pairDevice(port, admin, 'kiosk')));
    const display = await pairDevice(port, admin, 'display');
    const state = (await ok(call(port, 'GET', '/api/v1/display/state', display), 'state')).body;
    for (let i = 0; i < SSE_CLIENTS; i++) boards.push(await openBoard(port, display, state.cursor));

    // Phase 1: kiosks issue numbers as fast as they can.
    const issueMs: number[] = [];
    const numbers: string[] = [];
    let next = 0;
    const issueStart = performance.now();
    await Promise.all(
      kiosks.map(async (kiosk, k) => {
        while (next < TICKETS) {
          const i = next++;
          const t0 = performance.now();
          const r = await ok(call(port, 'POST', '/api/v1/tickets', kiosk, { fieldId: fieldIds[(i + k) % fieldIds.length] }), 'issue');
          issueMs.push(performance.now() - t0);
          numbers.push(`${r.body.ticket.serviceDay}/${r.body.ticket.displayNumber}`);
        }
      }),
    );
    const issueSeconds = (performance.now() - issueStart) / 1000;

    // Phase 2: counters call, serve and finish until nobody waits.
    const callMs: number[] = [];
    const calledTickets: string[] = [];
    const drainStart = performance.now();
    await Promise.all(
      counters.map(async ({ id, officer }) => {
        for (;;) {
          const t0 = performance.now();
          const r = await ok(call(port, 'POST', `/api/v1/counters/${id}/call-next`, officer), 'call-next');
          callMs.push(performance.now() - t0);
          const ticket = r.body.ticket;
          if (!ticket) return;
          calledTickets.push(ticket.id);
          await ok(call(port, 'POST', `/api/v1/tickets/${ticket.id}/start`, officer), 'start');
          await ok(call(port, 'POST', `/api/v1/tickets/${ticket.id}/finish`, officer), 'finish');
        }
      }),
    );
    const drainSeconds = (performance.now() - drainStart) / 1000;

    // Let the last events reach every board.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && boards.some((b) => b.calls.size < calledTickets.length)) {
      await new Promise((r) => setTimeout(r, 50));
    }

    const latencies = boards.flatMap((b) => b.latencies);
    const duplicateNumbers = numbers.length - new Set(numbers).size;
    const doubleCallsHttp = calledTickets.length - new Set(calledTickets).size;
    const duplicateOnBoards = boards.reduce((n, b) => n + [...b.calls.values()].filter((c) => c > 1).length, 0);
    const missedOnBoards = boards.reduce((n, b) => n + (calledTickets.length - b.calls.size), 0);
    // The database's own account: numbers per day and calls per ticket.
    const dbCheck = engine === 'postgres' ? await checkPostgres(env['DATABASE_URL']!) : null;

    return {
      engine,
      ticketsIssued: numbers.length,
      kiosks: KIOSKS,
      counters: COUNTERS,
      sseClients: SSE_CLIENTS,
      issueSeconds: round(issueSeconds),
      issuePerSec: round(numbers.length / issueSeconds),
      issueP50Ms: round(percentile(issueMs, 0.5)),
      issueP99Ms: round(percentile(issueMs, 0.99)),
      ticketsCalled: calledTickets.length,
      drainSeconds: round(drainSeconds),
      callNextP50Ms: round(percentile(callMs, 0.5)),
      callNextP99Ms: round(percentile(callMs, 0.99)),
      sseMessagesMeasured: latencies.length,
      sseLatencyP50Ms: round(percentile(latencies, 0.5)),
      sseLatencyP99Ms: round(percentile(latencies, 0.99)),
      duplicateNumbers: duplicateNumbers + (dbCheck?.duplicateNumbers ?? 0),
      doubleCalls: doubleCallsHttp + (dbCheck?.doubleCalls ?? 0),
      callsMissedOnBoards: missedOnBoards,
      callsRepeatedOnBoards: duplicateOnBoards,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    };
  } finally {
    for (const b of boards) b.close();
    await stopServer(child);
    await cleanup();
  }
}

async function checkPostgres(url: string): Promise<{ duplicateNumbers: number; doubleCalls: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dup = await client.query(
      `select count(*)::int as n from (select 1 from ticket group by centre_id, service_day, display_number having count(*) > 1) d`,
    );
    const dbl = await client.query(
      `select count(*)::int as n from (select 1 from event_log where type = 'ticket.called' group by ticket_id having count(*) > 1) d`,
    );
    return { duplicateNumbers: dup.rows[0].n, doubleCalls: dbl.rows[0].n };
  } finally {
    await client.end();
  }
}

for (const engine of ENGINES) {
  console.log(JSON.stringify(await runEngine(engine)));
}
agent.destroy();
