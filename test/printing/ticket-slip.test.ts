import { describe, expect, it } from 'vitest';
import { cleanSlipText, formatIssuedAt, layoutTicketSlip, type TicketSlip } from '../../src/server/printing/ticket-slip';
import { exampleSlip } from './fake-printer';

function texts(slip: TicketSlip): string[] {
  return layoutTicketSlip(slip).flatMap((block) => (block.kind === 'text' ? [block.text] : []));
}

describe('formatIssuedAt', () => {
  it.each([
    ['2025-11-25T01:05:00Z', '08:05 25/11/2025'],
    ['2025-11-24T17:30:00Z', '00:30 25/11/2025'],
    ['2025-12-31T16:59:00Z', '23:59 31/12/2025'],
    ['2025-12-31T17:00:00Z', '00:00 01/01/2026'],
  ])('prints %s as %s in Việt Nam time', (utc, local) => {
    expect(formatIssuedAt(new Date(utc))).toBe(local);
  });
});

describe('layoutTicketSlip', () => {
  it('lists every field of a Vietnamese slip in reading order', () => {
    expect(texts(exampleSlip({ priorityLabel: 'Ưu tiên: Người cao tuổi' }))).toEqual([
      'UBND PHƯỜNG HÀ ĐÔNG',
      'Số 4 Hoàng Văn Thụ, phường Hà Đông, Hà Nội',
      'SỐ THỨ TỰ',
      '1023',
      'Ưu tiên: Người cao tuổi',
      'Lĩnh vực: Hộ tịch',
      'Quầy: 1, 2',
      'Số người đang chờ phía trước: 4',
      'Thời gian chờ dự kiến: khoảng 12 phút',
      'Thời gian lấy số: 08:05 25/11/2025',
      'Quét mã QR để theo dõi lượt gọi số',
      'Vui lòng chú ý màn hình và loa gọi số',
      'Phiếu chỉ có giá trị trong ngày',
    ]);
    const kinds = layoutTicketSlip(exampleSlip()).map((block) => (block.kind === 'text' ? block.role : block.kind));
    expect(kinds.indexOf('number')).toBeGreaterThan(kinds.indexOf('title'));
    expect(layoutTicketSlip(exampleSlip()).filter((block) => block.kind === 'qr')).toEqual([
      { kind: 'qr', data: 'https://motcua.example.vn/t/8f3a2c1d' },
    ]);
  });

  it('uses English labels for an English slip', () => {
    const lines = texts(exampleSlip({ lang: 'en', counterNumbers: [3], estimatedWaitMinutes: 1 }));
    expect(lines).toContain('QUEUE NUMBER');
    expect(lines).toContain('Service: Hộ tịch');
    expect(lines).toContain('Counter: 3');
    expect(lines).toContain('People waiting ahead of you: 4');
    expect(lines).toContain('Estimated wait: about 1 minute');
    expect(lines).toContain('Issued at: 08:05 25/11/2025');
    expect(lines).not.toContain('SỐ THỨ TỰ');
  });

  it.each([
    [null, []],
    [0, ['Thời gian chờ dự kiến: dưới 1 phút']],
    [44.6, ['Thời gian chờ dự kiến: khoảng 45 phút']],
  ])('words an estimated wait of %s minutes', (minutes, expected) => {
    const lines = texts(exampleSlip({ estimatedWaitMinutes: minutes })).filter((line) => line.startsWith('Thời gian chờ'));
    expect(lines).toEqual(expected);
  });

  it('leaves out empty optional fields instead of printing blank lines', () => {
    const lines = texts(exampleSlip({ centreAddress: null, counterNumbers: [], footerLines: [], priorityLabel: null }));
    expect(lines.some((line) => line.startsWith('Quầy'))).toBe(false);
    expect(lines).not.toContain('');
    expect(layoutTicketSlip(exampleSlip({ footerLines: [] })).filter((block) => block.kind === 'rule')).toHaveLength(1);
  });

  it('never prints personal data that travels with the slip object', () => {
    const withPerson = {
      ...exampleSlip(),
      citizenName: 'Nguyễn Văn An',
      idNumber: '001099012345',
    } as TicketSlip;
    const printed = JSON.stringify(layoutTicketSlip(withPerson));
    expect(printed).not.toContain('Nguyễn');
    expect(printed).not.toContain('001099012345');
  });
});

describe('cleanSlipText', () => {
  it('composes decomposed Vietnamese so every letter is one character', () => {
    expect(cleanSlipText('Hộ tịch'.normalize('NFD'))).toBe('Hộ tịch'.normalize('NFC'));
  });

  it('removes control characters that a printer would execute', () => {
    expect(cleanSlipText('Hộ\u001bi tịch\u001dV\u0000\n ')).toBe('Hộ i tịch V');
  });
});
