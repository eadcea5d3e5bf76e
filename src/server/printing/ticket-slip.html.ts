/**
 * The ticket slip as a standalone HTML page, for kiosks that print through the browser (an office
 * or receipt printer driven by the operating system) and as a fallback when the thermal printer is
 * unreachable. Everything is inline: a kiosk on an isolated network must render it with no fonts,
 * scripts or images from elsewhere.
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { layoutTicketSlip, type TicketSlip } from './ticket-slip';

/**
 * The page is one slip long. CSS cannot say "80 mm wide, as long as the content" (`size: 80mm auto`
 * is not valid and browsers drop it, falling back to Letter or A4), so the script measures the slip
 * and sets the exact page height before printing; without it the page is 80 × 297 mm, a paper size
 * receipt-printer drivers offer. Printing starts on load only when the page is opened with ?print=1,
 * so the same address serves as a preview on screen.
 */
const PAGE_STYLE_ID = 'slip-page';
const SLIP_SCRIPT = [
  '(function () {',
  '  function fitPage() {',
  "    var slip = document.querySelector('.slip');",
  `    var page = document.getElementById('${PAGE_STYLE_ID}');`,
  "    if (slip && page) page.textContent = '@page { size: 80mm ' + (Math.ceil(slip.getBoundingClientRect().height) + 2) + 'px; margin: 0; }';",
  '  }',
  "  window.addEventListener('beforeprint', fitPage);",
  "  window.addEventListener('load', function () {",
  '    fitPage();',
  "    if (new URLSearchParams(location.search).get('print') === '1') window.print();",
  '  });',
  '})();',
].join('\n');

/** For a Content-Security-Policy that allows this one inline script: `script-src '<this value>'`. */
export const TICKET_SLIP_SCRIPT_CSP_SOURCE = `sha256-${createHash('sha256').update(SLIP_SCRIPT).digest('base64')}`;

const PAGE_STYLE = '@page { size: 80mm 297mm; margin: 0; }';

const STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
.slip { width: 80mm; margin: 0 auto; padding: 4mm 4mm 6mm; text-align: center; line-height: 1.3; }
.slip p { margin: 0.6mm 0; overflow-wrap: anywhere; }
.centre { font-size: 12pt; font-weight: 700; }
.address, .caption, .footer { font-size: 9pt; }
hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
.title { font-size: 14pt; font-weight: 700; letter-spacing: 0.05em; margin-top: 1mm; }
.slip .number { font-weight: 800; line-height: 1; margin: 1mm 0 2mm; font-variant-numeric: tabular-nums; }
.priority span { display: inline-block; border: 0.6mm solid #000; padding: 0.4mm 2mm; font-size: 11pt; font-weight: 700; }
.info { font-size: 11pt; }
.qr svg { display: block; width: 34mm; height: 34mm; margin: 2mm auto 0; }
@media screen {
  body { background: #e5e5e5; }
  .slip { background: #fff; margin: 16px auto; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); }
}
`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * A complete HTML document for an 80 mm roll. `autoPrint` (default true) adds the small script that
 * fits the page to the slip and prints on load when the page is opened with ?print=1; serve it with
 * `TICKET_SLIP_SCRIPT_CSP_SOURCE` in script-src if a Content-Security-Policy forbids inline scripts.
 */
export async function renderTicketSlipHtml(slip: TicketSlip, options: { autoPrint?: boolean } = {}): Promise<string> {
  const lang = slip.lang === 'en' ? 'en' : 'vi';
  const body: string[] = [];
  let number = '';
  for (const block of layoutTicketSlip(slip)) {
    if (block.kind === 'rule') {
      body.push('<hr>');
    } else if (block.kind === 'qr') {
      body.push(`<div class="qr">${await qrSvg(block.data, lang)}</div>`);
    } else if (block.role === 'number') {
      number = block.text;
      body.push(`<p class="number" style="font-size: ${numberSizePt(block.text)}pt">${escapeHtml(block.text)}</p>`);
    } else if (block.role === 'priority') {
      body.push(`<p class="priority"><span>${escapeHtml(block.text)}</span></p>`);
    } else {
      body.push(`<p class="${block.role}">${escapeHtml(block.text)}</p>`);
    }
  }
  const title = lang === 'vi' ? `Số thứ tự ${number}` : `Queue number ${number}`;
  const script = options.autoPrint === false ? '' : `\n<script>${SLIP_SCRIPT}</script>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style id="${PAGE_STYLE_ID}">${PAGE_STYLE}</style>
<style>${STYLE}</style>
</head>
<body>
<main class="slip">
${body.join('\n')}
</main>${script}
</body>
</html>
`;
}

/** As big as fits the 72 mm printable width: about 0.62 em per bold digit. */
function numberSizePt(text: string): number {
  return Math.max(20, Math.min(60, Math.floor(260 / Math.max(1, Array.from(text).length))));
}

async function qrSvg(data: string, lang: 'vi' | 'en'): Promise<string> {
  const svg = await QRCode.toString(data, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
  const label = lang === 'vi' ? 'Mã QR theo dõi lượt gọi số' : 'QR code to follow your turn';
  // Inline SVG in HTML needs no namespace declaration, and leaving it out keeps the page free of
  // any address but the one the code encodes.
  return svg
    .replace(/\s+xmlns="[^"]*"/, '')
    .replace('<svg', `<svg role="img" aria-label="${escapeHtml(label)}"`)
    .trim();
}
