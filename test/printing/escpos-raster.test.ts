import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTicketSlipEscPos,
  renderTicketSlipPreviewPng,
  renderTicketSlipRaster,
  type MonoBitmap,
  type PaperWidthMm,
  type RenderedLine,
  type RenderedSlip,
} from '../../src/server/printing/escpos';
import { sendToNetworkPrinter } from '../../src/server/printing/network-printer';
import type { TicketSlip } from '../../src/server/printing/ticket-slip';
import {
  countBlackDots,
  exampleSlip,
  parseEscPos,
  stackRasters,
  startFakePrinter,
  type FakePrinter,
  type ParsedJob,
} from './fake-printer';

let printer: FakePrinter;

beforeAll(async () => {
  printer = await startFakePrinter();
});

afterAll(async () => {
  await printer.close();
});

async function printThroughFakePrinter(slip: TicketSlip, paperWidthMm: PaperWidthMm, qrMode?: 'native' | 'raster'): Promise<ParsedJob> {
  const before = printer.jobs.length;
  const bytes = await buildTicketSlipEscPos(slip, { paperWidthMm, qrMode });
  await sendToNetworkPrinter(printer.host, printer.port, bytes, { timeoutMs: 5000 });
  const [job] = (await printer.waitForClosedJobs(before + 1)).slice(before);
  expect(job!.data.equals(bytes)).toBe(true);
  return parseEscPos(job!.data);
}

function imageParts(rendered: RenderedSlip): Array<{ bitmap: MonoBitmap; lines: RenderedLine[] }> {
  return rendered.parts.flatMap((part) => (part.kind === 'image' ? [part] : []));
}

function allLines(rendered: RenderedSlip): RenderedLine[] {
  return imageParts(rendered).flatMap((part) => part.lines);
}

/** Rows inside a line's box that carry ink: how tall the drawn text really is. */
function inkedRows(bitmap: MonoBitmap, line: RenderedLine): number {
  const bytesPerRow = bitmap.width / 8;
  let rows = 0;
  for (let y = line.top; y < line.top + line.height; y += 1) {
    if (countBlackDots(bitmap.data.subarray(y * bytesPerRow, (y + 1) * bytesPerRow)) > 0) rows += 1;
  }
  return rows;
}

function lineBitmap(bitmap: MonoBitmap, line: RenderedLine): Uint8Array {
  const bytesPerRow = bitmap.width / 8;
  return bitmap.data.slice(line.top * bytesPerRow, (line.top + line.height) * bytesPerRow);
}

function findLine(rendered: RenderedSlip, predicate: (line: RenderedLine) => boolean): { bitmap: MonoBitmap; line: RenderedLine } {
  for (const part of imageParts(rendered)) {
    const line = part.lines.find(predicate);
    if (line) return { bitmap: part.bitmap, line };
  }
  throw new Error('line not rendered');
}

describe.each([
  [58, 384],
  [80, 576],
] as const)('raster slip on %i mm paper', (paper, dots) => {
  it('initialises the printer, prints raster text the width of the paper, the QR code, and cuts', async () => {
    const slip = exampleSlip();
    const job = await printThroughFakePrinter(slip, paper);

    expect(job.initialisations[0]).toBe(0);
    expect(job.rasters.length).toBeGreaterThan(0);
    for (const raster of job.rasters) expect(raster.widthDots).toBe(dots);
    expect(countBlackDots(stackRasters(job.rasters).data)).toBeGreaterThan(1000);
    expect(job.qrCodes).toHaveLength(1);
    expect(job.qrCodes[0]).toMatchObject({ model: 2, payload: slip.trackUrl, printed: true });
    expect(job.cuts).toHaveLength(1);
    expect(job.cuts[0]!.offset).toBe(job.length);
    // Nothing is left to the printer's own character set.
    expect(job.lines.filter((line) => line.text.trim() !== '')).toEqual([]);
  });

  it('sends exactly the dots it rendered, with every field on the slip', async () => {
    const slip = exampleSlip({ priorityLabel: 'Ưu tiên: Người khuyết tật' });
    const rendered = await renderTicketSlipRaster(slip, { paperWidthMm: paper });
    const job = await printThroughFakePrinter(slip, paper);

    const sent = stackRasters(job.rasters);
    const drawn = Buffer.concat(imageParts(rendered).map((part) => part.bitmap.data));
    expect(sent.data.equals(drawn)).toBe(true);

    const text = allLines(rendered).map((line) => line.text).join('\n');
    for (const expected of [
      'UBND PHƯỜNG HÀ ĐÔNG',
      'SỐ THỨ TỰ',
      '1023',
      'Ưu tiên: Người khuyết tật',
      'Lĩnh vực: Hộ tịch',
      'Quầy: 1, 2',
      'Số người đang chờ phía trước: 4',
      'Thời gian chờ dự kiến: khoảng 12 phút',
      'Thời gian lấy số: 08:05 25/11/2025',
      'Phiếu chỉ có giá trị trong ngày',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the number several times taller than the other lines', async () => {
    const rendered = await renderTicketSlipRaster(exampleSlip({ displayNumber: 'HT012' }), { paperWidthMm: paper });
    const number = findLine(rendered, (line) => line.role === 'number');
    const field = findLine(rendered, (line) => line.text === 'Lĩnh vực: Hộ tịch');
    expect(number.line.text).toBe('HT012');
    expect(inkedRows(number.bitmap, number.line)).toBeGreaterThan(3 * inkedRows(field.bitmap, field.line));
  });

  it('draws the Vietnamese tone marks, and the same marks however the text was typed', async () => {
    const render = async (fieldName: string): Promise<Uint8Array> => {
      const rendered = await renderTicketSlipRaster(exampleSlip({ fieldName }), { paperWidthMm: paper });
      const found = findLine(rendered, (line) => line.text.startsWith('Lĩnh vực'));
      return lineBitmap(found.bitmap, found.line);
    };
    const marked = await render('Hộ tịch');
    const plain = await render('Ho tich');
    const decomposed = await render('Hộ tịch'.normalize('NFD'));

    expect(Buffer.from(marked).equals(Buffer.from(plain))).toBe(false);
    expect(countBlackDots(marked)).toBeGreaterThan(countBlackDots(plain));
    expect(Buffer.from(decomposed).equals(Buffer.from(marked))).toBe(true);
  });

  it('wraps a long centre name inside the paper instead of cutting it off', async () => {
    const centreName = 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HÀ ĐÔNG';
    const rendered = await renderTicketSlipRaster(exampleSlip({ centreName }), { paperWidthMm: paper });
    const centre = allLines(rendered).filter((line) => line.role === 'centre');
    expect(centre.length).toBeGreaterThan(1);
    expect(centre.map((line) => line.text).join(' ')).toBe(centreName);
  });

  it('can draw the QR code as dots for printers without a QR engine', async () => {
    const slip = exampleSlip();
    const job = await printThroughFakePrinter(slip, paper, 'raster');
    const rendered = await renderTicketSlipRaster(slip, { paperWidthMm: paper, qrMode: 'raster' });

    expect(job.qrCodes).toEqual([]);
    expect(rendered.parts.every((part) => part.kind === 'image')).toBe(true);
    const qrPart = imageParts(rendered).find((part) => part.lines.length === 0)!;
    expect(countBlackDots(qrPart.bitmap.data)).toBeGreaterThan(1000);
    expect(stackRasters(job.rasters).data.equals(Buffer.concat(imageParts(rendered).map((part) => part.bitmap.data)))).toBe(
      true,
    );
  });
});

describe('raster slip', () => {
  it('rejects a paper width the printers do not have', async () => {
    await expect(buildTicketSlipEscPos(exampleSlip(), { paperWidthMm: 76 as PaperWidthMm })).rejects.toThrow(/58 or 80/);
  });

  it('refuses a tracking URL too long to scan', async () => {
    const trackUrl = `https://motcua.example.vn/t/${'x'.repeat(600)}`;
    await expect(buildTicketSlipEscPos(exampleSlip({ trackUrl }), { paperWidthMm: 80 })).rejects.toThrow(/tracking URL/);
  });

  it('renders a PNG preview of the printed dots', async () => {
    const png = await renderTicketSlipPreviewPng(exampleSlip(), { paperWidthMm: 80 });
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(576);
  });
});
