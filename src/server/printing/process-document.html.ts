/**
 * A process document issue in the layout ISO 9001 process documents of Vietnamese agencies use: the
 * identification block (unit, title, code, issue number and date, pages) on top, the signatures of who
 * drafted, checked and approved it, the change history, then the numbered sections — purpose, scope,
 * references, abbreviations, content (documents, time, fee, the steps table), forms, records kept —
 * and the internal-audit checklist as an annex.
 *
 * The page is plain HTML with inline styles and the Word namespaces, so the same bytes print to A4 from
 * the browser and open in Word (served as .doc) for the office's own edits.
 */
import { processingTimeText } from '../../contracts/dossier-text';
import type { ProcessContent } from '../../contracts/process-documents';
import type { ProcessingRule, RequiredDocument } from '../../core/catalogue/procedure';
import { formatHours, totalAllowanceHours } from '../../core/process-documents/process-document';
import { FORM_PRINT_SCRIPT } from './dossier-forms.html';
import { escapeHtml } from './ticket-slip.html';

export interface ProcessDocumentPrintInput {
  centre: { name: string; parentAgency: string };
  code: string;
  status: 'draft' | 'issued' | 'superseded';
  issueNumber: number | null;
  issuedOn: string | null;
  approverName: string | null;
  approverTitle: string | null;
  preparedBy: string | null;
  content: ProcessContent;
  procedure: { code: string; name: string; rules: ProcessingRule[]; documents: RequiredDocument[]; resultText: string };
  /** Every issued issue up to this one, oldest first, with what changed. */
  history: { issueNumber: number; issuedOn: string; changes: string[] }[];
  /** For the .doc download the print button and its script are left out. */
  forWord?: boolean;
}

const CHANNELS: Record<ProcessingRule['channel'], string> = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' };

const STYLE = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 25mm; }
@page Section1 { size: 595.3pt 841.9pt; margin: 56.7pt 42.5pt 56.7pt 70.9pt; }
div.Section1 { page: Section1; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", serif; font-size: 13pt; line-height: 1.4; color: #000; background: #fff; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
th { font-weight: bold; text-align: center; }
h1 { font-size: 15pt; text-align: center; margin: 0; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; text-transform: uppercase; }
h3 { font-size: 13pt; margin: 8pt 0 3pt; }
p { margin: 3pt 0; text-align: justify; }
.ident td { vertical-align: middle; }
.ident .unit { width: 28%; text-align: center; font-weight: bold; font-size: 12pt; }
.ident .title { text-align: center; }
.ident .meta { width: 30%; font-size: 12pt; }
.signs td { text-align: center; height: 70pt; width: 33%; }
.signs .role { font-weight: bold; }
.draft-mark { text-align: center; font-weight: bold; color: #a00; border: 2px solid #a00; padding: 4pt; margin: 6pt 0; }
.superseded-mark { text-align: center; font-weight: bold; border: 2px solid #000; padding: 4pt; margin: 6pt 0; }
.center { text-align: center; }
.num { text-align: center; width: 8%; }
.total td { font-weight: bold; }
.toolbar { text-align: center; margin: 12px 0; }
.toolbar button { font: inherit; padding: 6px 28px; cursor: pointer; }
@media print { .toolbar { display: none; } }
@media screen { body { background: #e5e5e5; } .Section1 { background: #fff; width: 210mm; margin: 16px auto; padding: 20mm 15mm 20mm 25mm; box-shadow: 0 1px 4px rgba(0,0,0,.3); } }
`;

/** "2026-03-05" → "05/3/2026" — how Vietnamese documents write a short date (months 1–2 with a zero). */
export function shortVnDate(day: string): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  return `${d}/${Number(m) <= 2 ? m : String(Number(m))}/${y}`;
}

const e = (text: string | null | undefined) => escapeHtml(text ?? '');
const lines = (text: string) => text.split(/\n+/).map((l) => `<p>${e(l)}</p>`).join('');

export function renderProcessDocument(input: ProcessDocumentPrintInput): string {
  const c = input.content;
  const issueText = input.issueNumber === null ? 'Dự thảo' : String(input.issueNumber).padStart(2, '0');
  const dateText = input.issuedOn ? shortVnDate(input.issuedOn) : '……/……/……';
  const title = `${input.code} – ${c.title}`;
  const total = totalAllowanceHours(c.steps);
  const mark =
    input.status === 'draft'
      ? '<p class="draft-mark" data-mark="draft">DỰ THẢO – CHƯA BAN HÀNH</p>'
      : input.status === 'superseded'
        ? '<p class="superseded-mark" data-mark="superseded">TÀI LIỆU ĐÃ ĐƯỢC THAY THẾ – CHỈ DÙNG ĐỂ THAM KHẢO</p>'
        : '';
  const history = input.history.length
    ? input.history
        .map((h) => `<tr><td class="center">${String(h.issueNumber).padStart(2, '0')}</td><td class="center">${shortVnDate(h.issuedOn)}</td><td>${h.changes.length ? h.changes.map((x) => `<p>- ${e(x)}</p>`).join('') : '<p>Ban hành lần đầu</p>'}</td></tr>`)
        .join('')
    : '<tr><td class="center">—</td><td></td><td>Chưa ban hành</td></tr>';
  const rules = input.procedure.rules
    .map((r) => {
      const legal = processingTimeText(r.amount, r.unit, null, 'vi');
      const committed = r.committedAmount != null && r.committedAmount !== r.amount ? `; thời hạn cam kết: ${processingTimeText(r.committedAmount, r.unit, null, 'vi')}` : '';
      return `<p>- ${CHANNELS[r.channel]}: ${e(legal)} theo quy định${e(committed)}.</p>`;
    })
    .join('');
  const fees = [...new Set(input.procedure.rules.map((r) => r.feeText).filter(Boolean))].map((f) => `<p>- ${e(f)}</p>`).join('') || '<p>- Không quy định.</p>';
  const documents = input.procedure.documents.length
    ? `<table><thead><tr><th class="num">TT</th><th>Tên giấy tờ</th><th style="width:25%">Số lượng</th></tr></thead><tbody>${input.procedure.documents
        .map((d, i) => `<tr><td class="num">${i + 1}</td><td>${e(d.name)}</td><td>${e(d.copies)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>Theo quy định của thủ tục.</p>';
  const steps = c.steps
    .map(
      (s, i) =>
        `<tr class="step" data-step="${i + 1}"><td class="num">B${i + 1}</td><td>${e(s.name)}</td><td>${e(s.role)}</td><td class="center">${formatHours(s.allowanceHours)} giờ</td><td>${e(s.output)}</td></tr>`,
    )
    .join('');
  const forms = c.records.filter((r) => r.form).map((r, i) => `<tr><td class="num">${i + 1}</td><td>${e(r.form)}</td><td>${e(r.name)}</td></tr>`).join('');
  const records = c.records
    .map((r, i) => `<tr class="record"><td class="num">${i + 1}</td><td>${e(r.name)}</td><td>${e(r.keptBy)}</td><td class="center">${e(r.retention)}</td></tr>`)
    .join('');
  const checklist = c.checklist
    .map((q, i) => `<tr><td class="num">${i + 1}</td><td class="center">${q.step === null ? 'Chung' : `B${q.step}`}</td><td>${e(q.question)}</td><td>${e(q.evidence)}</td><td></td><td></td></tr>`)
    .join('');
  const toolbar = input.forWord ? '' : `<div class="toolbar"><button id="print-button" type="button">In</button></div><script>${FORM_PRINT_SCRIPT}</script>`;
  return `<!DOCTYPE html>
<html lang="vi" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="Section1" data-code="${e(input.code)}" data-issue="${input.issueNumber ?? ''}">
<table class="ident">
<tr><td class="unit" rowspan="4">${e(input.centre.parentAgency.toLocaleUpperCase('vi'))}<br>${e(input.centre.name.toLocaleUpperCase('vi'))}</td>
<td class="title" rowspan="4"><h1>QUY TRÌNH</h1><p class="center"><b>${e(c.title)}</b></p><p class="center">(Mã thủ tục: ${e(input.procedure.code)})</p></td>
<td class="meta">Mã hiệu: <b class="doc-code">${e(input.code)}</b></td></tr>
<tr><td class="meta">Lần ban hành: <b class="issue-number">${issueText}</b></td></tr>
<tr><td class="meta">Ngày ban hành: <span class="issued-on">${dateText}</span></td></tr>
<tr><td class="meta">Tổng thời gian: ${formatHours(total)} giờ làm việc</td></tr>
</table>
${mark}
<table class="signs">
<tr><td><p class="role">NGƯỜI SOẠN THẢO</p><p>${e(input.preparedBy)}</p></td><td><p class="role">NGƯỜI KIỂM TRA</p><p></p></td><td><p class="role">NGƯỜI PHÊ DUYỆT</p><p><i>${e(input.approverTitle)}</i></p><p class="approver"><b>${e(input.approverName)}</b></p></td></tr>
</table>
<h2>Theo dõi sửa đổi tài liệu</h2>
<table class="history"><thead><tr><th style="width:14%">Lần ban hành</th><th style="width:18%">Ngày ban hành</th><th>Nội dung sửa đổi</th></tr></thead><tbody>${history}</tbody></table>
<h2>1. Mục đích</h2>${lines(c.purpose)}
<h2>2. Phạm vi áp dụng</h2>${lines(c.scope)}
<h2>3. Tài liệu viện dẫn</h2>
<p>- Tiêu chuẩn quốc gia TCVN ISO 9001:2015.</p>
${c.legalBasis.map((l) => `<p class="legal">- ${e(l)}</p>`).join('')}
<h2>4. Định nghĩa, từ viết tắt</h2>
<p>- TTHC: Thủ tục hành chính; Bộ phận Một cửa: Bộ phận tiếp nhận và trả kết quả giải quyết TTHC.</p>
<p>- B1, B2…: các bước của quy trình; giờ: giờ làm việc theo lịch làm việc của cơ quan.</p>
<h2>5. Nội dung quy trình</h2>
<h3>5.1. Thành phần hồ sơ</h3>${documents}
<h3>5.2. Thời hạn giải quyết</h3>${rules || '<p>Theo quy định của thủ tục.</p>'}
<h3>5.3. Phí, lệ phí</h3>${fees}
<h3>5.4. Kết quả giải quyết</h3><p>${e(input.procedure.resultText) || 'Theo quy định của thủ tục.'}</p>
<h3>5.5. Trình tự thực hiện</h3>
<table class="steps"><thead><tr><th class="num">Bước</th><th>Công việc</th><th style="width:22%">Trách nhiệm</th><th style="width:12%">Thời gian</th><th style="width:26%">Biểu mẫu, kết quả</th></tr></thead>
<tbody>${steps}<tr class="total"><td colspan="3">Tổng thời gian giải quyết</td><td class="center">${formatHours(total)} giờ</td><td></td></tr></tbody></table>
<h2>6. Biểu mẫu</h2>
<table><thead><tr><th class="num">TT</th><th style="width:18%">Mã hiệu</th><th>Tên biểu mẫu</th></tr></thead><tbody>${forms || '<tr><td colspan="3">Không có</td></tr>'}</tbody></table>
<h2>7. Hồ sơ cần lưu</h2>
<table class="records"><thead><tr><th class="num">TT</th><th>Hồ sơ lưu</th><th style="width:25%">Trách nhiệm lưu</th><th style="width:22%">Thời gian lưu</th></tr></thead><tbody>${records}</tbody></table>
<p>Hồ sơ được lưu tại nơi quy định trong thời hạn trên, sau đó chuyển lưu trữ theo quy định về lưu trữ.</p>
<h2>Phụ lục: Danh mục câu hỏi đánh giá nội bộ</h2>
<table class="checklist"><thead><tr><th class="num">TT</th><th style="width:8%">Bước</th><th>Câu hỏi</th><th style="width:24%">Bằng chứng</th><th style="width:8%">Đạt</th><th style="width:12%">Ghi chú</th></tr></thead><tbody>${checklist}</tbody></table>
</div>
${toolbar}
</body>
</html>
`;
}
