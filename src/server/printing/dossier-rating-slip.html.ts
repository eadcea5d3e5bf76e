/**
 * The rating slip handed over with the result (Circular 01/2018 ch. III: paper evaluation slips go out
 * with the counter's papers). It carries the QR code of the dossier's own rating page — code plus
 * token, so only the holder of the slip can rate — and the same questions as a paper ballot for
 * citizens without a phone. A5, every byte inline like the forms.
 */
import QRCode from 'qrcode';
import { escapeHtml } from './ticket-slip.html';
import { FORM_BASE_STYLE, FORM_PRINT_SCRIPT, formatVnDate, formatVnDateTime } from './dossier-forms.html';

export interface RatingSlipInput {
  centre: { name: string; parentAgency: string };
  code: string;
  procedureName: string;
  returnedAt: Date;
  /** Absolute URL of the rating page, with the token. */
  rateUrl: string;
  scale: readonly { value: number; labelVi: string }[];
  criteria: readonly { key: string; labelVi: string }[];
  place: string;
}

const STYLE = `
@page { size: A5 portrait; margin: 10mm 10mm 10mm 15mm; }
.sheet { width: 148mm; min-height: 210mm; padding: 10mm 10mm 10mm 15mm; }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
.head { text-align: center; }
.head p { margin: 0; }
.agency { font-size: 11pt; }
.centre { font-weight: 700; font-size: 11pt; }
.title { font-size: 13pt; font-weight: 700; text-align: center; margin: 5mm 0 2mm; }
.place-date { text-align: right; font-style: italic; }
.code-block { display: flex; align-items: center; justify-content: space-between; gap: 3mm; margin: 2mm 0; }
.dossier-code { font-weight: 700; }
.qr svg { display: block; width: 32mm; height: 32mm; }
.rate-url { font-size: 8pt; overflow-wrap: anywhere; }
.ballot th, .ballot td { font-size: 10.5pt; text-align: center; }
.ballot td.question { text-align: left; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 1px solid #000; }
.comment { border-bottom: 1px dotted #000; height: 7mm; }
.thanks { text-align: center; font-style: italic; margin-top: 4mm; }
`;

export async function renderRatingSlip(input: RatingSlipInput): Promise<string> {
  const qr = (await QRCode.toString(input.rateUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }))
    .replace(/\s+xmlns="[^"]*"/, '')
    .replace('<svg', '<svg role="img" aria-label="Mã QR đánh giá hồ sơ"')
    .trim();
  const header = input.scale.map((o) => `<th>${escapeHtml(o.labelVi)}</th>`).join('');
  const boxes = input.scale.map(() => '<td><span class="box"></span></td>').join('');
  const rows = [
    `<tr class="overall"><td class="question"><strong>Đánh giá chung</strong></td>${boxes}</tr>`,
    ...input.criteria.map((c) => `<tr class="criterion" data-key="${escapeHtml(c.key)}"><td class="question">${escapeHtml(c.labelVi)}</td>${boxes}</tr>`),
  ].join('\n');
  const title = `Phiếu đánh giá mức độ hài lòng – ${input.code}`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${FORM_BASE_STYLE}${STYLE}</style>
</head>
<body>
<main class="sheet rating-slip">
<div class="head">
<p class="agency">${escapeHtml(input.centre.parentAgency.toLocaleUpperCase('vi'))}</p>
<p class="centre">${escapeHtml(input.centre.name.toLocaleUpperCase('vi'))}</p>
</div>
<h1 class="title">PHIẾU ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG</h1>
<p class="place-date">${escapeHtml(input.place)}, ${formatVnDate(input.returnedAt)}</p>
<div class="code-block">
<div>
<p>Mã hồ sơ: <span class="dossier-code">${escapeHtml(input.code)}</span></p>
<p>Thủ tục: <span class="procedure-name">${escapeHtml(input.procedureName)}</span></p>
<p>Trả kết quả: ${formatVnDateTime(input.returnedAt)}</p>
<p><strong>Quét mã QR để đánh giá trên điện thoại</strong> (mỗi hồ sơ được đánh giá một lần):</p>
<p class="rate-url">${escapeHtml(input.rateUrl)}</p>
</div>
<div class="qr">${qr}</div>
</div>
<p>Hoặc đánh dấu ✓ vào một ô mỗi dòng và bỏ phiếu vào hòm phiếu tại Bộ phận một cửa:</p>
<table class="ballot">
<thead><tr><th>Nội dung</th>${header}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Ý kiến khác (nếu có):</p>
<div class="comment"></div>
<div class="comment"></div>
<p class="thanks">Cảm ơn Ông/bà đã góp ý để chúng tôi phục vụ tốt hơn.</p>
</main>
<div class="toolbar"><button id="print-button" type="button">In</button></div>
<script>${FORM_PRINT_SCRIPT}</script>
</body>
</html>
`;
}
