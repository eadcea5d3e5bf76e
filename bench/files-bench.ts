/**
 * Evidence files benchmark: the real server on each engine stores and serves scans of a given size while
 * a display board polls the hall's state, the way a busy hall goes on while an officer uploads inspection
 * evidence. Prints one JSON object per engine:
 *   uploadMs, downloadMs   p50 and max per file (BENCH_FILE_MB, default 19: just under the 20 MB limit)
 *   boardMs                the board's /display/state latency, alone and during the uploads (p50, p90, max)
 *
 *   npm run bench:files                      both engines
 *   BENCH_ENGINES=pglite npm run bench:files one engine; BENCH_FILES sets how many files (default 5)
 */
import http from 'node:http';
import { ADMIN_PASSWORD, freshDatabase, startServer, stopServer } from './bench-server';

const FILE_MB = Number(process.env.BENCH_FILE_MB ?? 19);
const FILES = Number(process.env.BENCH_FILES ?? 5);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function request(port: number, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function summary(values: number[]): { p50: number; p90: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  return { p50: at(0.5), p90: at(0.9), max: Math.round(sorted[sorted.length - 1]! * 10) / 10, n: sorted.length };
}

async function pollBoard(port: number, cookie: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const started = performance.now();
    await request(port, 'GET', '/api/v1/display/state', { cookie });
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 10));
  }
  return latencies;
}

async function runEngine(engine: string): Promise<Record<string, unknown>> {
  const { env, cleanup } = await freshDatabase(engine);
  const { port, child } = await startServer(env);
  try {
    const login = await request(port, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD })));
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0]!;
    // A scan as a PDF with varied bytes (not all one value), so nothing on the way compresses it away.
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: FILE_MB * 1024 * 1024 }, (_, i) => (i * 7919 + (i >> 11)) % 256))]);

    const quietEnd = Date.now() + 2000;
    const quiet = await pollBoard(port, cookie, () => Date.now() > quietEnd);

    let done = false;
    const busy = pollBoard(port, cookie, () => done);
    const uploads: number[] = [];
    const downloads: number[] = [];
    for (let i = 0; i < FILES; i++) {
      let started = performance.now();
      const stored = await request(port, 'POST', `/api/v1/files?name=scan-${i}.pdf`, { cookie, 'content-type': 'application/octet-stream' }, scan);
      uploads.push(performance.now() - started);
      if (stored.status !== 201) throw new Error(`upload: ${stored.status} ${stored.body.toString()}`);
      started = performance.now();
      const got = await request(port, 'GET', JSON.parse(stored.body.toString()).url, { cookie });
      downloads.push(performance.now() - started);
      if (!got.body.equals(scan)) throw new Error('the downloaded file differs from the uploaded one');
    }
    done = true;
    const during = await busy;
    return {
      engine,
      fileMB: FILE_MB,
      files: FILES,
      uploadMs: summary(uploads),
      downloadMs: summary(downloads),
      boardMs: { quiet: summary(quiet), duringUploads: summary(during) },
    };
  } finally {
    await stopServer(child);
    await cleanup();
  }
}

for (const engine of ENGINES) {
  console.log(JSON.stringify(await runEngine(engine)));
}
agent.destroy();
