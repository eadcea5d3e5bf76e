import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderTicketSlipHtml, TICKET_SLIP_SCRIPT_CSP_SOURCE } from '../../src/server/printing/ticket-slip.html';
import type { TicketSlip } from '../../src/server/printing/ticket-slip';
import { exampleSlip } from './fake-printer';

function scriptOf(html: string): string {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return scripts[0]![1]!;
}

interface Outcome {
  printed: boolean;
  /** The @page rule in force when printing, or after load when nothing printed. */
  pageRule: string;
}

/** Runs the page's script as a browser would on load, with a slip of the given height on screen. */
function runOnLoad(script: string, search: string, slipHeightPx = 580.4): Outcome {
  const listeners: Record<string, Array<() => void>> = {};
  const pageStyle = { textContent: '@page { size: 80mm 297mm; margin: 0; }' };
  const outcome: Outcome = { printed: false, pageRule: '' };
  const window = {
    addEventListener: (type: string, listener: () => void) => {
      (listeners[type] ??= []).push(listener);
    },
    print: () => {
      listeners.beforeprint?.forEach((listener) => listener());
      outcome.printed = true;
      outcome.pageRule = pageStyle.textContent;
    },
  };
  const document = {
    querySelector: (selector: string) => (selector === '.slip' ? { getBoundingClientRect: () => ({ height: slipHeightPx }) } : null),
    getElementById: (id: string) => (id === 'slip-page' ? pageStyle : null),
  };
  new Function('window', 'document', 'location', 'URLSearchParams', script)(window, document, { search }, URLSearchParams);
  listeners.load?.forEach((listener) => listener());
  if (!outcome.printed) outcome.pageRule = pageStyle.textContent;
  return outcome;
}

describe('renderTicketSlipHtml', () => {
  it('is a standalone Vietnamese page for an 80 mm roll with every field on it', async () => {
    const html = await renderTicketSlipHtml(exampleSlip({ priorityLabel: 'Ưu tiên: Người cao tuổi' }));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style id="slip-page">@page { size: 80mm 297mm; margin: 0; }</style>');
    expect(html).toMatch(/<p class="number"[^>]*>1023<\/p>/);
    for (const text of [
      'UBND PHƯỜNG HÀ ĐÔNG',
      'SỐ THỨ TỰ',
      'Ưu tiên: Người cao tuổi',
      'Lĩnh vực: Hộ tịch',
      'Quầy: 1, 2',
      'Số người đang chờ phía trước: 4',
      'Thời gian chờ dự kiến: khoảng 12 phút',
      'Thời gian lấy số: 08:05 25/11/2025',
      'Vui lòng chú ý màn hình và loa gọi số',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('carries the tracking URL as an inline QR code', async () => {
    const slip = exampleSlip();
    const html = await renderTicketSlipHtml(slip);
    const expected = await QRCode.toString(slip.trackUrl, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
    const path = /<path stroke="#000000" d="([^"]+)"/.exec(expected)![1]!;
    expect(html).toContain(`<svg role="img"`);
    expect(html).toContain(path);
  });

  it('loads nothing from anywhere', async () => {
    const slip = exampleSlip();
    const html = await renderTicketSlipHtml(slip);
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    expect(urls.filter((url) => url !== slip.trackUrl)).toEqual([]);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(|\ssrc=/i);
  });

  it('escapes whatever the fields contain', async () => {
    const html = await renderTicketSlipHtml(
      exampleSlip({
        fieldName: '<script>alert(1)</script>',
        centreName: '"><img src=x onerror=alert(2)>',
        footerLines: ["Tom & Jerry's </main>"],
        displayNumber: '<b>1</b>',
      }),
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Lĩnh vực: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('Tom &amp; Jerry&#39;s &lt;/main&gt;');
    expect(html).toContain('<title>Số thứ tự &lt;b&gt;1&lt;/b&gt;</title>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<img/g)).toBeNull();
  });

  it('prints on load only when opened with ?print=1', async () => {
    const script = scriptOf(await renderTicketSlipHtml(exampleSlip()));
    expect(runOnLoad(script, '?print=1').printed).toBe(true);
    expect(runOnLoad(script, '?lang=vi&print=1').printed).toBe(true);
    expect(runOnLoad(script, '').printed).toBe(false);
    expect(runOnLoad(script, '?print=0').printed).toBe(false);
  });

  it('makes the printed page exactly as long as the slip, so a roll is not wasted', async () => {
    const script = scriptOf(await renderTicketSlipHtml(exampleSlip()));
    expect(runOnLoad(script, '?print=1', 580.4).pageRule).toBe('@page { size: 80mm 583px; margin: 0; }');
    expect(runOnLoad(script, '', 402).pageRule).toBe('@page { size: 80mm 404px; margin: 0; }');
  });

  it('publishes the hash a Content-Security-Policy needs for its script', async () => {
    const script = scriptOf(await renderTicketSlipHtml(exampleSlip()));
    expect(TICKET_SLIP_SCRIPT_CSP_SOURCE).toBe(`sha256-${createHash('sha256').update(script).digest('base64')}`);
  });

  it('leaves the script out when auto-printing is off', async () => {
    const html = await renderTicketSlipHtml(exampleSlip(), { autoPrint: false });
    expect(html).not.toContain('<script');
  });

  it('speaks English on an English slip', async () => {
    const html = await renderTicketSlipHtml(exampleSlip({ lang: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('QUEUE NUMBER');
    expect(html).toContain('<title>Queue number 1023</title>');
  });

  it('never shows personal data that travels with the slip object', async () => {
    const html = await renderTicketSlipHtml({ ...exampleSlip(), citizenName: 'Nguyễn Văn An' } as TicketSlip);
    expect(html).not.toContain('Nguyễn');
  });
});
