import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/shared/app-error';
import { PrinterUnreachableError, sendToNetworkPrinter } from '../../src/server/printing/network-printer';
import { startFakePrinter, type FakePrinter } from './fake-printer';

const printers: FakePrinter[] = [];

async function fakePrinter(behaviour?: Parameters<typeof startFakePrinter>[0]): Promise<FakePrinter> {
  const printer = await startFakePrinter(behaviour);
  printers.push(printer);
  return printer;
}

afterEach(async () => {
  await Promise.all(printers.splice(0).map((printer) => printer.close()));
});

/** A port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('sendToNetworkPrinter', () => {
  it('delivers every byte and closes the connection', async () => {
    const printer = await fakePrinter();
    const data = randomBytes(1_000_000);
    await sendToNetworkPrinter(printer.host, printer.port, data);
    const [job] = await printer.waitForClosedJobs(1);
    expect(job!.data.equals(data)).toBe(true);
  });

  it('sends one job per call', async () => {
    const printer = await fakePrinter();
    for (const text of ['first', 'second', 'third']) {
      await sendToNetworkPrinter(printer.host, printer.port, Buffer.from(text));
    }
    const jobs = await printer.waitForClosedJobs(3);
    expect(jobs.map((job) => job.data.toString())).toEqual(['first', 'second', 'third']);
  });

  it('rejects with a clear error when the printer refuses the connection', async () => {
    const port = await closedPort();
    const error = await sendToNetworkPrinter('127.0.0.1', port, Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterUnreachableError);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE', reason: 'refused', params: { printer: `127.0.0.1:${port}` } });
    expect((error as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*refused`));
  });

  it('gives up on a printer that stops reading, and closes its socket', async () => {
    const printer = await fakePrinter('stall');
    // Far more than the socket buffers of both ends hold, so the write can never complete.
    const data = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const started = Date.now();
    const error = await sendToNetworkPrinter(printer.host, printer.port, data, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE', reason: 'write-timeout' });
    expect((error as Error).message).toMatch(/did not take/);
    expect(Date.now() - started).toBeLessThan(3000);
    printer.releaseStalled();
    await printer.waitForClosedJobs(1);
  });

  it('reports a printer that took the job but never closed, and closes the socket itself', async () => {
    const printer = await fakePrinter('hold-open');
    const data = Buffer.from('slip');
    const error = await sendToNetworkPrinter(printer.host, printer.port, data, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE', reason: 'close-timeout' });
    const [job] = await printer.waitForClosedJobs(1);
    expect(job!.data.equals(data)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 0],
    ['127.0.0.1', 65536],
    ['127.0.0.1', 91.5],
    ['127.0.0.1', Number.NaN],
    ['', 9100],
    ['http://127.0.0.1', 9100],
    ['printer.local:9100', 9100],
    ['printer one', 9100],
    ['-printer', 9100],
  ])('rejects the address %j port %s without trying to connect', async (host, port) => {
    let promise: Promise<void> | undefined;
    expect(() => {
      promise = sendToNetworkPrinter(host, port, Buffer.from('x'));
    }).not.toThrow();
    await expect(promise).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE', reason: 'invalid-address' });
  });

  it('accepts host names and IPv6 literals', async () => {
    const printer = await fakePrinter();
    await sendToNetworkPrinter('localhost', printer.port, Buffer.from('by name')).catch((error: unknown) => {
      // Some machines resolve localhost to ::1 only, where the fake printer does not listen.
      expect(error).toMatchObject({ reason: 'refused' });
    });
    const error = await sendToNetworkPrinter('::1', await closedPort(), Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: expect.not.stringMatching('invalid-address') });
    expect((error as Error).message).toMatch(/^printer \[::1\]:\d+/);
  });
});
