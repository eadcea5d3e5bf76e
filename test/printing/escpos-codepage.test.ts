import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTicketSlipEscPos, type EscPosSlipOptions } from '../../src/server/printing/escpos';
import { sendToNetworkPrinter } from '../../src/server/printing/network-printer';
import type { TicketSlip } from '../../src/server/printing/ticket-slip';
import { exampleSlip, parseEscPos, startFakePrinter, type FakePrinter, type ParsedJob } from './fake-printer';

let printer: FakePrinter;

beforeAll(async () => {
  printer = await startFakePrinter();
});

afterAll(async () => {
  await printer.close();
});

async function printCodePage(slip: TicketSlip, options: Partial<EscPosSlipOptions> = {}): Promise<ParsedJob> {
  const before = printer.jobs.length;
  const bytes = await buildTicketSlipEscPos(slip, { paperWidthMm: 80, textMode: 'codepage', ...options });
  await sendToNetworkPrinter(printer.host, printer.port, bytes);
  const [job] = (await printer.waitForClosedJobs(before + 1)).slice(before);
  return parseEscPos(job!.data);
}

const ALL_LETTERS =
  'aàảãáạ ăằẳẵắặ âầẩẫấậ đ eèẻẽéẹ êềểễếệ iìỉĩíị oòỏõóọ ôồổỗốộ ơờởỡớợ uùủũúụ ưừửữứự yỳỷỹýỵ';

describe('code-page (TCVN-3) slip', () => {
  it('prints the slip as Vietnamese text that reads back the same on an Epson chart', async () => {
    const slip = exampleSlip({ priorityLabel: 'Ưu tiên: Phụ nữ có thai' });
    const job = await printCodePage(slip);
    const lines = job.lines.map((line) => line.text);

    expect(job.initialisations[0]).toBe(0);
    expect(job.leftChineseMode).toBe(true);
    expect(job.rasters).toEqual([]);
    for (const expected of [
      'UBND PHƯỜNG HÀ ĐÔNG',
      'SỐ THỨ TỰ',
      '1023',
      'Ưu tiên: Phụ nữ có thai',
      'Lĩnh vực: Hộ tịch',
      'Quầy: 1, 2',
      'Số người đang chờ phía trước: 4',
      'Thời gian chờ dự kiến: khoảng 12 phút',
      'Thời gian lấy số: 08:05 25/11/2025',
      'Vui lòng chú ý màn hình và loa gọi số',
      'Phiếu chỉ có giá trị trong ngày',
    ]) {
      expect(lines).toContain(expected);
    }
    expect(job.qrCodes.map((qr) => qr.payload)).toEqual([slip.trackUrl]);
    expect(job.cuts).toHaveLength(1);
    expect(job.cuts[0]!.offset).toBe(job.length);
  });

  it('prints the number in the largest characters that fit', async () => {
    const job = await printCodePage(exampleSlip({ displayNumber: 'HT012' }), { paperWidthMm: 58 });
    const number = job.lines.find((line) => line.text === 'HT012')!;
    expect(number.widthScale).toBe(6);
    expect(number.heightScale).toBe(6);
    expect(number.bold).toBe(true);
    const info = job.lines.find((line) => line.text.startsWith('Lĩnh vực'))!;
    expect(info.heightScale).toBe(1);
  });

  it.each([
    ['lower case', ALL_LETTERS],
    ['capitals', ALL_LETTERS.toUpperCase()],
  ])('keeps every Vietnamese letter in %s', async (_case, letters) => {
    const job = await printCodePage(exampleSlip({ fieldName: letters }));
    const start = job.lines.findIndex((line) => line.text.startsWith('Lĩnh vực: '));
    const printed: string[] = [];
    for (let i = start; i < job.lines.length && !job.lines[i]!.text.startsWith('Quầy'); i += 1) printed.push(job.lines[i]!.text);
    expect(printed.join(' ')).toBe(`Lĩnh vực: ${letters}`);
    expect(printed.every((line) => line.length <= 48)).toBe(true);
  });

  it('uses the configured table numbers for printers that number them differently', async () => {
    const job = await printCodePage(exampleSlip(), { tcvn3Tables: { lowercase: 30, capitals: 31 } });
    expect(new Set(job.codeTables)).toEqual(new Set([30, 31]));
    const bytes = await buildTicketSlipEscPos(exampleSlip(), {
      paperWidthMm: 80,
      textMode: 'codepage',
      tcvn3Tables: { lowercase: 90, capitals: 91 },
    });
    expect(new Set(parseEscPos(bytes).codeTables)).toEqual(new Set([90, 91]));
  });

  it('does not let printer commands hidden in a field name reach the printer', async () => {
    const job = await printCodePage(exampleSlip({ fieldName: 'Hộ tịch\u001dV\u0000\u001b@\u001bp\u0000\u0019\u00fa' }));
    expect(job.cuts).toHaveLength(1);
    expect(job.initialisations).toEqual([0]);
    expect(job.lines.map((line) => line.text)).toContain('Lĩnh vực: Hộ tịch V @ p ú');
  });

  it('prints characters outside TCVN-3 without their marks, or as ?', async () => {
    const job = await printCodePage(exampleSlip({ fieldName: 'Façade 中' }));
    expect(job.lines.map((line) => line.text)).toContain('Lĩnh vực: Facade ?');
  });
});
