/**
 * A stand-in for a network thermal printer: a raw TCP server on 127.0.0.1 that keeps every byte of
 * every connection, and an ESC/POS reader that turns those bytes back into what the paper would show.
 * The reader is strict: a command it does not know fails the test, because a real printer would
 * print its parameters as garbage or lose sync with the rest of the job.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { TicketSlip } from '../../src/server/printing/ticket-slip';

export type FakePrinterBehaviour =
  /** Reads the job and closes when the sender closes, like a printer on port 9100. */
  | 'normal'
  /** Accepts the connection and never reads: a printer out of paper. */
  | 'stall'
  /**
   * Reads everything but never closes its side; it keeps sending a status byte, as printers with
   * automatic status back do, which is how it notices that the sender has gone.
   */
  | 'hold-open';

export interface ReceivedJob {
  data: Buffer;
  /** Set when the connection is fully closed, by either side. */
  closed: boolean;
}

export interface FakePrinter {
  host: string;
  port: number;
  jobs: ReceivedJob[];
  /** Resolves when `count` connections have been closed. */
  waitForClosedJobs(count: number): Promise<ReceivedJob[]>;
  /** A stalled printer starts reading again (paper loaded), discarding what it reads. */
  releaseStalled(): void;
  close(): Promise<void>;
}

export async function startFakePrinter(behaviour: FakePrinterBehaviour = 'normal'): Promise<FakePrinter> {
  const jobs: ReceivedJob[] = [];
  const sockets = new Set<Socket>();
  const stalled = new Set<Socket>();
  const waiters: Array<() => void> = [];
  const notify = (): void => waiters.splice(0).forEach((wake) => wake());

  const server: Server = createServer({ allowHalfOpen: behaviour === 'hold-open' }, (socket) => {
    const job: ReceivedJob = { data: Buffer.alloc(0), closed: false };
    const chunks: Buffer[] = [];
    jobs.push(job);
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      job.data = Buffer.concat(chunks);
      job.closed = true;
      sockets.delete(socket);
      notify();
    });
    if (behaviour === 'stall') {
      socket.pause();
      stalled.add(socket);
      return;
    }
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    if (behaviour === 'hold-open') {
      const status = setInterval(() => socket.write(Buffer.from([0x12])), 50);
      socket.on('close', () => clearInterval(status));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake printer has no TCP address');

  return {
    host: '127.0.0.1',
    port: address.port,
    jobs,
    waitForClosedJobs(count) {
      return new Promise((resolve) => {
        const check = (): void => {
          const closed = jobs.filter((job) => job.closed);
          if (closed.length >= count) resolve(closed);
          else waiters.push(check);
        };
        check();
      });
    },
    releaseStalled() {
      for (const socket of stalled) {
        socket.on('data', () => undefined);
        socket.resume();
      }
      stalled.clear();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A slip with every field filled, in Vietnamese; tests override what they look at. */
export function exampleSlip(overrides: Partial<TicketSlip> = {}): TicketSlip {
  return {
    centreName: 'UBND PHƯỜNG HÀ ĐÔNG',
    centreAddress: 'Số 4 Hoàng Văn Thụ, phường Hà Đông, Hà Nội',
    displayNumber: '1023',
    fieldName: 'Hộ tịch',
    counterNumbers: [1, 2],
    priorityLabel: null,
    issuedAt: new Date('2025-11-25T01:05:00Z'),
    peopleAhead: 4,
    estimatedWaitMinutes: 12,
    trackUrl: 'https://motcua.example.vn/t/8f3a2c1d',
    footerLines: ['Vui lòng chú ý màn hình và loa gọi số', 'Phiếu chỉ có giá trị trong ngày'],
    lang: 'vi',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------

export interface ParsedRaster {
  widthDots: number;
  heightDots: number;
  /** Rows of widthDots/8 bytes, leftmost dot in the top bit, 1 = black. */
  data: Buffer;
}

export interface ParsedTextLine {
  text: string;
  bold: boolean;
  reverse: boolean;
  widthScale: number;
  heightScale: number;
}

export interface ParsedQr {
  model: number | null;
  moduleSize: number | null;
  errorCorrection: number | null;
  payload: string;
  printed: boolean;
}

export interface ParsedCut {
  mode: number;
  /** Bytes that followed the cut; a real job ends with it. */
  offset: number;
}

export interface ParsedJob {
  /** Offsets of ESC @. */
  initialisations: number[];
  cuts: ParsedCut[];
  qrCodes: ParsedQr[];
  rasters: ParsedRaster[];
  lines: ParsedTextLine[];
  /** ESC t values in the order they were sent. */
  codeTables: number[];
  leftChineseMode: boolean;
  length: number;
}

/**
 * Epson's TCVN-3 tables as printed on its code-page charts (ESC t 30 and 31), rows 0x80–0xFF of 16
 * codes each; a space is an unused code. Kept here as the printer's view, separate from the encoder.
 */
const TCVN3_CHARTS: Record<number, string[]> = {
  30: [
    '                ',
    '                ',
    '        ăâêôơưđ ',
    '     àảãáạ ằẳẵắ ',
    '      ặầẩẫấậè ẻẽ',
    'éẹềểễếệìỉ   ĩíịò',
    ' ỏõóọồổỗốộờởỡớợù',
    ' ủũúụừửữứựỳỷỹýỵ ',
  ],
  31: [
    '                ',
    '                ',
    ' ĂÂ    Đ  ÊÔƠƯ  ',
    '     ÀẢÃÁẠ ẰẲẴẮ ',
    '      ẶẦẨẪẤẬÈ ẺẼ',
    'ÉẸỀỂỄẾỆÌỈ   ĨÍỊÒ',
    ' ỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙ',
    ' ỦŨÚỤỪỬỮỨỰỲỶỸÝỴ ',
  ],
};

function decodeHighByte(table: number, byte: number): string {
  const chart = TCVN3_CHARTS[table];
  const char = chart ? Array.from(chart[(byte - 0x80) >> 4] ?? '')[byte & 0x0f] : undefined;
  return char !== undefined && char !== ' ' ? char : '\ufffd';
}

/** Reads an ESC/POS job the way a printer would. Throws on anything it does not understand. */
export function parseEscPos(data: Buffer): ParsedJob {
  const job: ParsedJob = {
    initialisations: [],
    cuts: [],
    qrCodes: [],
    rasters: [],
    lines: [],
    codeTables: [],
    leftChineseMode: false,
    length: data.length,
  };
  let table = 0;
  let bold = false;
  let reverse = false;
  let widthScale = 1;
  let heightScale = 1;
  let text = '';
  let qr: ParsedQr = { model: null, moduleSize: null, errorCorrection: null, payload: '', printed: false };
  let i = 0;

  const need = (count: number): void => {
    if (i + count > data.length) throw new Error(`command at ${i} is cut short`);
  };
  const endLine = (): void => {
    job.lines.push({ text, bold, reverse, widthScale, heightScale });
    text = '';
  };
  const reset = (): void => {
    table = 0;
    bold = false;
    reverse = false;
    widthScale = 1;
    heightScale = 1;
  };

  while (i < data.length) {
    const byte = data[i]!;
    if (byte === 0x0a) {
      endLine();
      i += 1;
    } else if (byte >= 0x20 && byte < 0x7f) {
      text += String.fromCharCode(byte);
      i += 1;
    } else if (byte >= 0x80) {
      text += decodeHighByte(table, byte);
      i += 1;
    } else if (byte === 0x1b) {
      need(2);
      const command = String.fromCharCode(data[i + 1]!);
      if (command === '@') {
        job.initialisations.push(i);
        reset();
        i += 2;
        continue;
      }
      need(3);
      const n = data[i + 2]!;
      switch (command) {
        case 'a': // alignment
        case 'd': // feed n lines
        case 'J': // feed n dots
        case 'R': // international character set
          break;
        case 'E':
          bold = (n & 1) === 1;
          break;
        case 't':
          table = n;
          job.codeTables.push(n);
          break;
        default:
          throw new Error(`unknown command ESC ${JSON.stringify(command)} at ${i}`);
      }
      i += 3;
    } else if (byte === 0x1d) {
      need(2);
      const command = String.fromCharCode(data[i + 1]!);
      if (command === 'V') {
        need(3);
        const mode = data[i + 2]!;
        const withFeed = mode === 65 || mode === 66;
        if (![0, 1, 48, 49, 65, 66].includes(mode)) throw new Error(`bad GS V mode ${mode}`);
        i += withFeed ? 4 : 3;
        job.cuts.push({ mode, offset: i });
      } else if (command === '!') {
        need(3);
        const n = data[i + 2]!;
        widthScale = (n >> 4) + 1;
        heightScale = (n & 0x0f) + 1;
        i += 3;
      } else if (command === 'B') {
        need(3);
        reverse = (data[i + 2]! & 1) === 1;
        i += 3;
      } else if (command === 'v') {
        need(8);
        if (data[i + 2] !== 0x30) throw new Error(`unknown GS v at ${i}`);
        const bytesPerRow = data[i + 4]! + data[i + 5]! * 256;
        const rows = data[i + 6]! + data[i + 7]! * 256;
        need(8 + bytesPerRow * rows);
        job.rasters.push({
          widthDots: bytesPerRow * 8,
          heightDots: rows,
          data: Buffer.from(data.subarray(i + 8, i + 8 + bytesPerRow * rows)),
        });
        i += 8 + bytesPerRow * rows;
      } else if (command === '(' && data[i + 2] === 0x6b) {
        need(7);
        const length = data[i + 3]! + data[i + 4]! * 256;
        need(5 + length);
        const cn = data[i + 5]!;
        const fn = data[i + 6]!;
        const params = data.subarray(i + 7, i + 5 + length);
        if (cn !== 0x31) throw new Error(`GS ( k for symbol ${cn} is not a QR code`);
        if (fn === 0x41) qr.model = params[0]! - 0x30;
        else if (fn === 0x43) qr.moduleSize = params[0]!;
        else if (fn === 0x45) qr.errorCorrection = params[0]!;
        else if (fn === 0x50) {
          if (params[0] !== 0x30) throw new Error('QR store with m ≠ 48');
          qr.payload = Buffer.from(params.subarray(1)).toString('utf8');
        } else if (fn === 0x51) {
          qr.printed = true;
          job.qrCodes.push(qr);
          qr = { ...qr, payload: '', printed: false };
        } else throw new Error(`unknown QR function ${fn}`);
        i += 5 + length;
      } else {
        throw new Error(`unknown command GS ${JSON.stringify(command)} at ${i}`);
      }
    } else if (byte === 0x1c) {
      need(2);
      if (data[i + 1] !== 0x2e) throw new Error(`unknown FS command at ${i}`);
      job.leftChineseMode = true;
      i += 2;
    } else {
      throw new Error(`unexpected control byte 0x${byte.toString(16)} at ${i}`);
    }
  }
  if (text !== '') endLine();
  return job;
}

/** Stacks raster blocks of the same width into one image, as the paper shows them. */
export function stackRasters(rasters: readonly ParsedRaster[]): ParsedRaster {
  if (rasters.length === 0) throw new Error('no raster image in the job');
  const width = rasters[0]!.widthDots;
  if (rasters.some((raster) => raster.widthDots !== width)) throw new Error('raster blocks differ in width');
  return {
    widthDots: width,
    heightDots: rasters.reduce((sum, raster) => sum + raster.heightDots, 0),
    data: Buffer.concat(rasters.map((raster) => raster.data)),
  };
}

export function countBlackDots(data: Uint8Array): number {
  let count = 0;
  for (const byte of data) {
    let b = byte;
    while (b !== 0) {
      count += b & 1;
      b >>= 1;
    }
  }
  return count;
}
