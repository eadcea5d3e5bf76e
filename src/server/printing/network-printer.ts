/**
 * Raw TCP printing ("port 9100", JetDirect style): connect, write the job, close. The printer has
 * no protocol to acknowledge a job, so success means the bytes were flushed and the printer closed
 * the connection after reading to the end.
 */
import { isIP, Socket } from 'node:net';
import { AppError } from '../../core/shared/app-error';

export const DEFAULT_PRINTER_PORT = 9100;
const DEFAULT_TIMEOUT_MS = 5000;

export type PrinterFailure =
  | 'invalid-address'
  | 'refused'
  | 'unreachable'
  | 'connect-timeout'
  | 'write-timeout'
  | 'close-timeout'
  | 'connection-lost';

/**
 * The slip did not (or may not) reach the printer. It is a PRINTER_UNREACHABLE AppError, so the
 * HTTP layer tells the citizen or officer in their language; `reason` and the message are for logs.
 * After 'close-timeout' and 'connection-lost' the printer may already have printed the slip, so a
 * caller that retries automatically may print it twice.
 */
export class PrinterUnreachableError extends AppError {
  constructor(
    readonly printer: string,
    readonly reason: PrinterFailure,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('PRINTER_UNREACHABLE', { printer });
    this.name = 'PrinterUnreachableError';
    this.message = `printer ${printer}: ${detail}`;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/**
 * Sends one job. `timeoutMs` bounds each stage on its own: connecting, handing over every byte (a
 * printer out of paper or with its cover open stops reading), and the printer closing after the last
 * byte. Never throws synchronously; the socket is destroyed on every failure.
 */
export function sendToNetworkPrinter(
  host: string,
  port: number,
  data: Buffer,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const printer = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  if (typeof host !== 'string' || (isIP(host) === 0 && !HOST_NAME.test(host))) {
    return Promise.reject(new PrinterUnreachableError(printer, 'invalid-address', 'host must be an IP address or a host name'));
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return Promise.reject(new PrinterUnreachableError(printer, 'invalid-address', 'port must be an integer from 1 to 65535'));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return Promise.reject(new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`));
  }

  return new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    let settled = false;
    let flushed = false;
    let timer: NodeJS.Timeout | undefined;

    const arm = (reason: PrinterFailure, detail: string): void => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new PrinterUnreachableError(printer, reason, detail)), timeoutMs);
    };
    const finish = (error?: PrinterUnreachableError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const fail = (error: PrinterUnreachableError): void => {
      // Destroy before settling, so nothing stays open whatever the caller does next.
      socket.destroy();
      finish(error);
    };

    // Errors after the outcome is known (a late reset) must not become an uncaught exception.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      fail(new PrinterUnreachableError(printer, classify(error, socket.connecting), describe(error), { cause: error }));
    });
    socket.once('connect', () => {
      arm(
        'write-timeout',
        `the printer did not take the ${data.length}-byte job within ${timeoutMs} ms (offline, out of paper or cover open?)`,
      );
      socket.end(data);
    });
    socket.once('finish', () => {
      flushed = true;
      arm('close-timeout', `the job was sent but the printer did not close the connection within ${timeoutMs} ms`);
    });
    // The printer's side ends after it has read our end of stream; answering bytes (status) are ignored.
    socket.on('data', () => undefined);
    socket.once('close', (hadError) => {
      if (hadError || settled) return;
      if (flushed) finish();
      else finish(new PrinterUnreachableError(printer, 'connection-lost', 'the printer closed the connection before the job was sent'));
    });

    arm('connect-timeout', `no answer within ${timeoutMs} ms`);
    socket.connect({ host, port });
  });
}

function classify(error: NodeJS.ErrnoException, connecting: boolean): PrinterFailure {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    case 'ETIMEDOUT':
      return connecting ? 'connect-timeout' : 'connection-lost';
    default:
      return connecting ? 'unreachable' : 'connection-lost';
  }
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is it a printer, on raw port 9100, and switched on?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the printer';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the printer dropped the connection';
    default:
      return error.message;
  }
}
