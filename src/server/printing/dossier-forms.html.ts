/**
 * The official one-stop forms of Circular 03/2025/TT-VPCP (Phụ lục I, Mẫu 01–06) as standalone HTML
 * pages printed through the browser. Like the ticket slip, every byte is inline — no fonts, scripts or
 * images from elsewhere — so a counter on an isolated network prints the same page it previews.
 *
 * Each form is dated on the event it records (receipt, request, refusal, …), not on the day it is
 * printed, so a reprint is the same document as the original. Only the control slip (Mẫu 06), which
 * reports progress, is dated `now`.
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { AppError } from '../../core/shared/app-error';
import { formatLocalTime, serviceDayOf } from '../../core/shared/local-time';
import type { Dossier, DossierStep, Timeliness } from '../../core/dossier/dossier-types';
import { stepTimeliness } from '../../core/dossier/timeliness';
import { escapeHtml } from './ticket-slip.html';

export type DossierFormCode = '01' | '02' | '03' | '04' | '05' | '06';

export const DOSSIER_FORM_CODES: readonly DossierFormCode[] = ['01', '02', '03', '04', '05', '06'];

/** Titles as numbered by Circular 03/2025 (Mẫu 04 was "Phiếu xin lỗi và hẹn lại ngày trả kết quả" before). */
export const DOSSIER_FORM_TITLES: Record<DossierFormCode, string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  '05': 'Thông báo dừng giải quyết hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

export interface DossierFormInput {
  centre: { name: string; parentAgency: string; agencyCode: string; address: string | null };
  dossier: Dossier;
  /** The legal processing time as the catalogue states it, e.g. "03 ngày làm việc". */
  legalTimeText: string;
  /** Absolute URL the QR code encodes, e.g. https://host/lookup?code=… */
  lookupUrl: string;
  officerName: string | null;
  /** The place written before the date: "Hà Đông, ngày … tháng … năm …". */
  place: string;
  book?: { volume: string; number: number };
  /** The ISO process issue the dossier follows: "Quy trình QT-HT-01, lần ban hành 2". */
  processLabel?: string | null;
}

/**
 * A print button is friendlier than Ctrl+P at a counter, and ?print=1 lets the counter app open the
 * form straight into the print dialog. An inline `onclick` would need 'unsafe-hashes' under a CSP, so
 * one script attaches the handler instead. The tracking book page uses the same script.
 */
export const FORM_PRINT_SCRIPT = [
  '(function () {',
  "  var button = document.getElementById('print-button');",
  "  if (button) button.addEventListener('click', function () { window.print(); });",
  "  window.addEventListener('load', function () {",
  "    if (new URLSearchParams(location.search).get('print') === '1') window.print();",
  '  });',
  '})();',
].join('\n');

/** For a Content-Security-Policy that allows the forms' one inline script: `script-src '<this value>'`. */
export const DOSSIER_FORMS_SCRIPT_CSP_SOURCE = `sha256-${createHash('sha256').update(FORM_PRINT_SCRIPT).digest('base64')}`;

const DOTS = '……………';

/**
 * Official documents are set in Times New Roman (Decree 30/2020); the fallbacks are the metric
 * clones Linux and Android ship, so nothing has to be downloaded.
 */
export const FORM_BASE_STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", "Noto Serif", serif; font-size: 12pt; line-height: 1.35; }
p { margin: 1.2mm 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 700; text-align: center; vertical-align: middle; }
.toolbar { text-align: center; margin: 12px 0; }
.toolbar button { font: inherit; font-size: 14pt; padding: 6px 28px; cursor: pointer; }
@media print { .toolbar { display: none; } }
@media screen { body { background: #e5e5e5; } .sheet { background: #fff; margin: 16px auto; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); } }
`;

const FORM_STYLE = `
.form-number { text-align: right; font-style: italic; font-size: 11pt; margin: 0 0 1mm; }
.form-header { display: flex; justify-content: space-between; gap: 4mm; text-align: center; }
.form-header p { margin: 0; }
.header-left { flex: 0 0 42%; }
.header-right { flex: 1 1 auto; }
.parent-agency { font-size: 11pt; }
.centre-name, .nation { font-weight: 700; font-size: 11pt; }
.motto { font-weight: 700; }
.rule { width: 35%; margin: 0.8mm auto 1.5mm; border-top: 1px solid #000; }
.header-right .rule { width: 60%; }
.doc-number { font-size: 11pt; }
.place-date { font-style: italic; }
.form-title { font-size: 13pt; font-weight: 700; text-align: center; margin: 5mm 0 3mm; }
.code-block { display: flex; align-items: center; justify-content: space-between; gap: 3mm; }
.dossier-code { font-weight: 700; }
.qr { flex: 0 0 auto; text-align: center; }
.qr svg { display: block; width: 26mm; height: 26mm; }
.lookup-url { font-size: 8pt; overflow-wrap: anywhere; }
.field-label { font-weight: 700; }
.documents th, .documents td { font-size: 10.5pt; }
.documents .index, .documents .received { width: 10mm; text-align: center; }
.missing-items { list-style: none; padding: 0; margin: 1mm 0 2mm; }
.missing-item { margin: 1mm 0 1mm 4mm; }
.signatures { display: flex; justify-content: space-between; margin-top: 5mm; text-align: center; page-break-inside: avoid; }
.signatures.single { justify-content: flex-end; }
.signature { flex: 0 0 48%; }
.signature-role { font-weight: 700; margin: 0; }
.signature-hint { font-style: italic; font-size: 10.5pt; margin: 0; }
.signature-name { font-weight: 700; margin-top: 16mm; min-height: 1.35em; }
.steps th { font-size: 10.5pt; }
.steps td { font-size: 11pt; }
.step-unit { font-weight: 700; }
.step-result { text-align: center; font-weight: 700; }
.party { display: flex; justify-content: space-between; gap: 2mm; margin-top: 1mm; font-size: 10.5pt; }
.party span { flex: 1 1 50%; }
.party-sign { height: 10mm; }
`;

const A5_PAGE = `
@page { size: A5 portrait; margin: 10mm 10mm 10mm 15mm; }
.sheet { width: 148mm; min-height: 210mm; padding: 10mm 10mm 10mm 15mm; }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
`;

const A4_PAGE = `
@page { size: A4 portrait; margin: 15mm 15mm 15mm 20mm; }
.sheet { width: 210mm; min-height: 297mm; padding: 15mm 15mm 15mm 20mm; }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
`;

/**
 * A complete HTML page for one form of one dossier. Throws `NOT_FOUND` when the dossier has nothing
 * that form records (no refusal for 03, never received for 01, …), which the route serves as 404.
 */
export async function renderDossierForm(code: DossierFormCode, input: DossierFormInput, now: Date): Promise<string> {
  const { body, dated, centreNumber } = await renderBody(code, input, now);
  const title = `Mẫu số ${code} – ${DOSSIER_FORM_TITLES[code]} – ${input.dossier.code}`;
  const page = code === '06' ? A4_PAGE : A5_PAGE;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${FORM_BASE_STYLE}${FORM_STYLE}${page}</style>
</head>
<body>
<main class="sheet form-${code}" data-form="${code}">
<p class="form-number">Mẫu số ${code}</p>
${renderHeader(input, dated, centreNumber)}
<h1 class="form-title">${escapeHtml(DOSSIER_FORM_TITLES[code].toLocaleUpperCase('vi'))}</h1>
${body}
</main>
<div class="toolbar"><button id="print-button" type="button">In</button></div>
<script>${FORM_PRINT_SCRIPT}</script>
</body>
</html>
`;
}

interface RenderedBody {
  body: string;
  /** The instant the form is dated on. */
  dated: Date;
  /** What follows "Số:" in the header, before "/TTPVHCC". */
  centreNumber: string | null;
}

async function renderBody(code: DossierFormCode, input: DossierFormInput, now: Date): Promise<RenderedBody> {
  const { dossier } = input;
  switch (code) {
    case '01': {
      if (!dossier.receivedAt) throw new AppError('NOT_FOUND');
      return {
        body: await renderReceipt(input, dossier.receivedAt),
        dated: dossier.receivedAt,
        centreNumber: input.book ? String(input.book.number) : null,
      };
    }
    case '02': {
      const request = supplementRequestOf(dossier);
      if (!request) throw new AppError('NOT_FOUND');
      return { body: renderSupplementRequest(input, request.items), dated: request.at, centreNumber: null };
    }
    case '03': {
      if (!dossier.refusal) throw new AppError('NOT_FOUND');
      return { body: renderRefusal(input, dossier.refusal.reason), dated: dossier.refusal.at, centreNumber: null };
    }
    case '04': {
      if (!dossier.apology) throw new AppError('NOT_FOUND');
      return { body: renderApology(input, dossier.apology), dated: dossier.apology.issuedAt, centreNumber: null };
    }
    case '05': {
      if (!dossier.stop) throw new AppError('NOT_FOUND');
      return { body: renderStop(input, dossier.stop.reason), dated: dossier.stop.at, centreNumber: null };
    }
    case '06': {
      // The slip travels with a received dossier; before receipt there is nothing to hand over.
      if (!dossier.receivedAt) throw new AppError('NOT_FOUND');
      return { body: renderControlSlip(input, dossier.receivedAt, now), dated: now, centreNumber: null };
    }
  }
}

/**
 * Form 02 lists what is missing: during processing, the latest request of a processing unit;
 * otherwise the counter's guidance before receipt.
 */
function supplementRequestOf(dossier: Dossier): { at: Date; items: { name: string; reason: string }[] } | null {
  const last = dossier.supplements.at(-1);
  const request = last ? { at: last.requestedAt, items: last.items } : dossier.guidance;
  return request && request.items.length > 0 ? request : null;
}

function renderHeader(input: DossierFormInput, dated: Date, centreNumber: string | null): string {
  return `<header class="form-header">
<div class="header-left">
<p class="parent-agency">${escapeHtml(input.centre.parentAgency.toLocaleUpperCase('vi'))}</p>
<p class="centre-name">${escapeHtml(input.centre.name.toLocaleUpperCase('vi'))}</p>
<div class="rule"></div>
<p class="doc-number">Số: ${centreNumber === null ? DOTS : escapeHtml(centreNumber)}/TTPVHCC</p>
</div>
<div class="header-right">
<p class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
<p class="motto">Độc lập - Tự do - Hạnh phúc</p>
<div class="rule"></div>
<p class="place-date">${escapeHtml(input.place)}, ${formatVnDate(dated)}</p>
</div>
</header>`;
}

async function renderReceipt(input: DossierFormInput, receivedAt: Date): Promise<string> {
  const { dossier, centre } = input;
  const { applicant } = dossier;
  const rows = dossier.documents
    .map(
      (doc, i) => `<tr class="document-row">
<td class="index">${i + 1}</td>
<td class="document-name">${escapeHtml(doc.name)}</td>
<td class="document-copies">${escapeHtml(doc.copies) || DOTS}</td>
<td class="received">${doc.received ? '✓' : ''}</td>
</tr>`,
    )
    .join('\n');
  const book = input.book;
  return `<div class="code-block">
<div>
<p>Mã hồ sơ: <span class="dossier-code">${escapeHtml(dossier.code)}</span></p>
<p class="lookup-url">Tra cứu hồ sơ: ${escapeHtml(input.lookupUrl)}</p>
</div>
<div class="qr">${await qrSvg(input.lookupUrl)}</div>
</div>
<p>${escapeHtml(centre.name)} tiếp nhận hồ sơ của:</p>
<p>Ông/bà/tổ chức: <span class="applicant-name">${escapeHtml(applicant.fullName)}</span></p>
<p>Số định danh cá nhân/CCCD: <span class="applicant-id">${textOrDots(applicant.idNumber)}</span></p>
<p>Địa chỉ: <span class="applicant-address">${textOrDots(applicant.address)}</span></p>
<p>Số điện thoại: <span class="applicant-phone">${textOrDots(applicant.phone)}</span> &nbsp; Email: <span class="applicant-email">${textOrDots(applicant.email)}</span></p>
<p><span class="field-label">Nội dung yêu cầu giải quyết:</span> <span class="procedure-name">${escapeHtml(dossier.procedureName)}</span></p>
<p class="field-label">1. Thành phần hồ sơ nộp gồm:</p>
<table class="documents">
<thead><tr><th class="index">STT</th><th>Tên giấy tờ</th><th>Bản chính/bản sao</th><th class="received">Đã nhận</th></tr></thead>
<tbody>
${rows || `<tr><td class="index"></td><td colspan="3">${DOTS}</td></tr>`}
</tbody>
</table>
<p><span class="field-label">2. Thời gian giải quyết hồ sơ theo quy định:</span> <span class="legal-time">${escapeHtml(input.legalTimeText)}</span></p>
<p><span class="field-label">3. Thời gian nhận hồ sơ:</span> <span class="received-at">${formatVnDateTime(receivedAt)}</span></p>
<p><span class="field-label">4. Thời gian trả kết quả giải quyết hồ sơ:</span> <span class="appointment">${dossier.dueAt ? formatVnDateTime(dossier.dueAt) : DOTS}</span></p>
${centre.address ? `<p><span class="field-label">5. Nơi trả kết quả:</span> ${escapeHtml(centre.name)}, ${escapeHtml(centre.address)}</p>\n` : ''}<p class="book-entry">Vào Sổ theo dõi hồ sơ, Quyển số ${book ? escapeHtml(book.volume) : DOTS}, Số thứ tự ${book ? book.number : DOTS}</p>
<div class="signatures">
${signature('NGƯỜI NỘP HỒ SƠ', '(Ký và ghi rõ họ tên)', applicant.fullName)}
${signature('NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', input.officerName)}
</div>`;
}

function renderSupplementRequest(input: DossierFormInput, items: { name: string; reason: string }[]): string {
  const { dossier, centre } = input;
  const list = items
    .map(
      (item, i) =>
        `<li class="missing-item">${i + 1}. <span class="missing-name">${escapeHtml(item.name)}</span> — Lý do: <span class="missing-reason">${escapeHtml(item.reason)}</span></li>`,
    )
    .join('\n');
  return `${codeLine(dossier.code)}
<p>Hồ sơ của: <span class="applicant-name">${escapeHtml(dossier.applicant.fullName)}</span></p>
<p><span class="field-label">Nội dung yêu cầu giải quyết:</span> <span class="procedure-name">${escapeHtml(dossier.procedureName)}</span></p>
<p>Sau khi xem xét, kiểm tra thành phần hồ sơ, ${escapeHtml(centre.name)} đề nghị Ông/bà hoàn thiện hồ sơ gồm những nội dung sau:</p>
<ol class="missing-items">
${list}
</ol>
<p>Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/bà liên hệ ${input.officerName ? `người hướng dẫn <span class="officer-name">${escapeHtml(input.officerName)}</span> tại ` : ''}${escapeHtml(centre.name)}${centre.address ? `, ${escapeHtml(centre.address)}` : ''} để được hướng dẫn.</p>
<div class="signatures single">
${signature('NGƯỜI HƯỚNG DẪN', '(Ký và ghi rõ họ tên)', input.officerName)}
</div>`;
}

function renderRefusal(input: DossierFormInput, reason: string): string {
  const { dossier, centre } = input;
  return `${codeLine(dossier.code)}
<p>Hồ sơ của: <span class="applicant-name">${escapeHtml(dossier.applicant.fullName)}</span></p>
<p><span class="field-label">Nội dung yêu cầu giải quyết:</span> <span class="procedure-name">${escapeHtml(dossier.procedureName)}</span></p>
<p>Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, ${escapeHtml(centre.name)} từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau:</p>
<p class="refusal-reason">${escapeHtml(reason)}</p>
<p>Xin thông báo để Ông/bà được biết và thực hiện./.</p>
<div class="signatures single">
${signature('NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', input.officerName)}
</div>`;
}

function renderApology(input: DossierFormInput, apology: NonNullable<Dossier['apology']>): string {
  const { dossier, centre } = input;
  return `<p class="addressee">Kính gửi: Ông/bà <span class="applicant-name">${escapeHtml(dossier.applicant.fullName)}</span></p>
${codeLine(dossier.code)}
<p>Ngày <span class="received-date">${dossier.receivedAt ? formatVnDayMonthYear(dossier.receivedAt) : DOTS}</span>, ${escapeHtml(centre.name)} tiếp nhận hồ sơ đề nghị giải quyết thủ tục <span class="procedure-name">${escapeHtml(dossier.procedureName)}</span> của Ông/bà; thời gian hẹn trả kết quả: <span class="original-appointment">${dossier.dueAt ? formatVnDateTime(dossier.dueAt) : DOTS}</span>.</p>
<p>Tuy nhiên đến nay, hồ sơ của Ông/bà chưa được giải quyết xong. Lý do: <span class="delay-reason">${escapeHtml(apology.reason)}</span></p>
<p class="apology">Sự chậm trễ này đã gây phiền hà cho Ông/bà. Chúng tôi thành thật xin lỗi Ông/bà và đề nghị được gia hạn thời gian giải quyết; thời gian trả kết quả mới: <span class="new-appointment">${formatVnDateTime(apology.newDueAt)}</span>.</p>
<p>Rất mong nhận được sự thông cảm của Ông/bà./.</p>
<div class="signatures single">
${signature('THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT HỒ SƠ', '(Ký, ghi rõ họ tên và đóng dấu)', null)}
</div>`;
}

function renderStop(input: DossierFormInput, reason: string): string {
  const { dossier, centre } = input;
  return `<p class="addressee">Kính gửi: Ông/bà <span class="applicant-name">${escapeHtml(dossier.applicant.fullName)}</span></p>
${codeLine(dossier.code)}
<p>Ngày <span class="received-date">${dossier.receivedAt ? formatVnDayMonthYear(dossier.receivedAt) : DOTS}</span>, ${escapeHtml(centre.name)} tiếp nhận hồ sơ đề nghị giải quyết thủ tục <span class="procedure-name">${escapeHtml(dossier.procedureName)}</span> của Ông/bà.</p>
<p>Nay thông báo dừng giải quyết hồ sơ nêu trên. Lý do: <span class="stop-reason">${escapeHtml(reason)}</span></p>
<p>Xin thông báo để Ông/bà được biết./.</p>
<div class="signatures single">
${signature('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', '(Ký, ghi rõ họ tên và đóng dấu)', null)}
</div>`;
}

function renderControlSlip(input: DossierFormInput, receivedAt: Date, now: Date): string {
  const { dossier, centre } = input;
  const rows = dossier.steps
    .map((step, i) => {
      // The dossier reaches a unit from the previous one, or from the counter for the first step.
      const giver = i === 0 ? null : dossier.steps[i - 1]!.officerName;
      const giverUnit = i === 0 ? centre.name : dossier.steps[i - 1]!.unit;
      const result = stepResult(step, now);
      return `<tr class="step-row" data-step="${escapeHtml(step.code)}">
<td><p>${i + 1}. Giao: ${escapeHtml(giverUnit)}</p><p>Nhận: <span class="step-unit">${escapeHtml(step.unit)}</span></p><p class="step-name">${escapeHtml(step.name)}</p></td>
<td><p class="handover-time">${step.startedAt ? formatVnDateTime(step.startedAt) : `${DOTS}giờ${DOTS}phút, ngày${DOTS}tháng${DOTS}năm${DOTS}`}</p>
<div class="party"><span>Người giao</span><span>Người nhận</span></div>
<div class="party party-sign"><span></span><span></span></div>
<div class="party"><span class="giver-name">${giver ? escapeHtml(giver) : ''}</span><span class="receiver-name">${step.officerName ? escapeHtml(step.officerName) : ''}</span></div></td>
<td class="step-result"${result ? ` data-timeliness="${result}"` : ''}>${result ? TIMELINESS_LABELS[result] : ''}</td>
<td class="step-note">${step.note ? escapeHtml(step.note) : ''}</td>
</tr>`;
    })
    .join('\n');
  return `<p>Mã hồ sơ: <span class="dossier-code">${escapeHtml(dossier.code)}</span></p>
<p class="attached-to">(Kèm theo hồ sơ của: <span class="applicant-name">${escapeHtml(dossier.applicant.fullName)}</span>)</p>
<p><span class="field-label">Nội dung yêu cầu giải quyết:</span> <span class="procedure-name">${escapeHtml(dossier.procedureName)}</span></p>
${input.processLabel ? `<p class="process-ref">Thực hiện theo: <span class="process-label">${escapeHtml(input.processLabel)}</span></p>
` : ''}<p>Ngày nhận hồ sơ: <span class="received-at">${formatVnDateTime(receivedAt)}</span></p>
<p>Ngày hẹn trả kết quả: <span class="appointment">${dossier.dueAt ? formatVnDateTime(dossier.dueAt) : DOTS}</span>${dossier.extendedDueAt ? `; hẹn lại: <span class="extended-appointment">${formatVnDateTime(dossier.extendedDueAt)}</span>` : ''}</p>
<table class="steps">
<thead><tr>
<th style="width: 28%">TÊN CƠ QUAN</th>
<th style="width: 40%">THỜI GIAN GIAO, NHẬN HỒ SƠ</th>
<th style="width: 17%">KẾT QUẢ GIẢI QUYẾT HỒ SƠ<br>(Trước hạn/Đúng hạn/Quá hạn)</th>
<th>GHI CHÚ</th>
</tr></thead>
<tbody>
${rows || `<tr><td colspan="4">${DOTS}</td></tr>`}
</tbody>
</table>`;
}

/**
 * A step's result on the control slip: finished steps are judged by the one domain rule; an
 * unfinished step is shown as late once its due time has passed, since the slip is also a warning.
 */
export function stepResult(step: DossierStep, now: Date): Timeliness | null {
  if (!step.finishedAt) return step.dueAt && now.getTime() > step.dueAt.getTime() ? 'late' : null;
  return stepTimeliness(step, now);
}

function codeLine(code: string): string {
  return `<p>Mã hồ sơ: <span class="dossier-code">${escapeHtml(code)}</span></p>`;
}

function signature(role: string, hint: string, name: string | null): string {
  return `<div class="signature"><p class="signature-role">${role}</p><p class="signature-hint">${hint}</p><p class="signature-name">${name ? escapeHtml(name) : ''}</p></div>`;
}

function textOrDots(value: string | null): string {
  return value ? escapeHtml(value) : DOTS;
}

/**
 * Decree 30/2020 writes days below 10 and the months January and February with a leading zero
 * ("ngày 05 tháng 02", "ngày 15 tháng 3"), so the date cannot be altered by hand.
 */
export function formatVnDayMonthYear(instant: Date): string {
  const [year, month, day] = serviceDayOf(instant).split('-') as [string, string, string];
  const monthNumber = Number(month);
  return `${day} tháng ${monthNumber <= 2 ? month : String(monthNumber)} năm ${year}`;
}

/** "ngày 05 tháng 3 năm 2026" in local time. */
export function formatVnDate(instant: Date): string {
  return `ngày ${formatVnDayMonthYear(instant)}`;
}

/** "08 giờ 05 phút, ngày 05 tháng 3 năm 2026" in local time, as the forms write a moment. */
export function formatVnDateTime(instant: Date): string {
  const [hours, minutes] = formatLocalTime(instant).split(':') as [string, string];
  return `${hours} giờ ${minutes} phút, ${formatVnDate(instant)}`;
}

async function qrSvg(data: string): Promise<string> {
  const svg = await QRCode.toString(data, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  // Inline SVG in HTML needs no namespace declaration; leaving it out keeps the page free of any
  // address but the lookup URL.
  return svg
    .replace(/\s+xmlns="[^"]*"/, '')
    .replace('<svg', '<svg role="img" aria-label="Mã QR tra cứu hồ sơ"')
    .trim();
}
