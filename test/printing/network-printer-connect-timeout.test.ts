/**
 * A printer that never answers the connection attempt (switched off behind a switch that drops
 * packets). Loopback always answers, so the socket is replaced by one whose connect never completes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const sockets: Array<{ destroyed: boolean }> = [];

vi.mock('node:net', async (importOriginal) => {
  const net = await importOriginal<typeof import('node:net')>();
  class SilentSocket extends net.Socket {
    constructor() {
      super();
      sockets.push(this);
    }

    override connect(): this {
      return this;
    }
  }
  return { ...net, Socket: SilentSocket };
});

const { sendToNetworkPrinter } = await import('../../src/server/printing/network-printer');

afterEach(() => {
  sockets.splice(0);
});

describe('sendToNetworkPrinter to a silent printer', () => {
  it('rejects after the connect timeout and destroys the socket', async () => {
    const started = Date.now();
    const error = await sendToNetworkPrinter('127.0.0.1', 9, Buffer.from('x'), { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE', reason: 'connect-timeout' });
    expect((error as Error).message).toBe('printer 127.0.0.1:9: no answer within 150 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.destroyed).toBe(true);
  });
});
