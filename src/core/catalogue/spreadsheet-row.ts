/**
 * A manager's own procedure list (xlsx or csv, Vietnamese headers) → `ProcedureDraft`s. Headers are
 * matched without case or diacritics, so "MÃ THỦ TỤC", "Mã thủ tục" and "ma thu tuc" are the same
 * column. Pure.
 */
import type { DurationUnit } from '../calendar/calendar-types';
import { defaultSteps } from './default-steps';
import {
  cleanText,
  foldForMatching,
  normaliseSpace,
  parseCutoff,
  parseFeeText,
  PROCEDURE_CODE_PATTERN,
} from './catalogue-text';
import type { ImportWarning, ProcedureDraft, RequiredDocument } from './procedure';

type Column =
  | 'code'
  | 'name'
  | 'fieldName'
  | 'amount'
  | 'unit'
  | 'cutoff'
  | 'fee'
  | 'documents'
  | 'agency'
  | 'decision';

/** Folded header → column, with the header as the manager sees it for messages. */
const COLUMNS: Record<Column, { header: string; aliases: string[] }> = {
  code: { header: 'Mã thủ tục', aliases: ['ma thu tuc', 'ma tthc'] },
  name: { header: 'Tên thủ tục', aliases: ['ten thu tuc', 'ten tthc'] },
  fieldName: { header: 'Lĩnh vực', aliases: ['linh vuc'] },
  amount: { header: 'Thời hạn giải quyết', aliases: ['thoi han giai quyet', 'thoi han'] },
  unit: { header: 'Đơn vị thời gian', aliases: ['don vi thoi gian', 'don vi'] },
  cutoff: { header: 'Giờ tiếp nhận tối đa', aliases: ['gio tiep nhan toi da'] },
  fee: { header: 'Phí, lệ phí (đồng)', aliases: ['phi le phi dong', 'phi le phi', 'le phi', 'phi'] },
  documents: { header: 'Thành phần hồ sơ', aliases: ['thanh phan ho so'] },
  agency: { header: 'Cơ quan thực hiện', aliases: ['co quan thuc hien'] },
  decision: { header: 'Quyết định công bố', aliases: ['quyet dinh cong bo', 'so quyet dinh'] },
};
const REQUIRED: Column[] = ['code', 'name', 'amount', 'unit'];

const UNITS: Record<string, DurationUnit> = {
  'ngay lam viec': 'working-days',
  'working days': 'working-days',
  ngay: 'days',
  days: 'days',
  gio: 'hours',
  hours: 'hours',
  'trong ngay': 'same-day',
  'ngay trong ngay': 'same-day',
  'same day': 'same-day',
};
const ALLOWED_UNITS = 'ngày làm việc (working-days), ngày (days), giờ (hours), trong ngày (same-day)';

export interface ParsedRows {
  drafts: ProcedureDraft[];
  warnings: ImportWarning[];
}

/**
 * `rows[i]` is the sheet's row i + 2 (row 1 holds the headers); warnings and `source` name it so.
 * Rows with every cell blank are ignored.
 */
export function parseSpreadsheetRows(rows: Record<string, string>[], source: string): ParsedRows {
  const drafts: ProcedureDraft[] = [];
  const warnings: ImportWarning[] = [];
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columnOf = mapHeaders(headers);
  const missing = REQUIRED.filter((c) => columnOf[c] === undefined);
  if (rows.length > 0 && missing.length > 0) {
    warnings.push({
      source,
      code: null,
      field: missing.map((c) => COLUMNS[c].header).join(', '),
      message: `Bỏ qua cả tệp: thiếu cột ${missing.map((c) => `"${COLUMNS[c].header}"`).join(', ')} ở dòng tiêu đề.`,
      skipped: true,
    });
    return { drafts, warnings };
  }

  rows.forEach((row, i) => {
    const rowNumber = i + 2;
    const at = `${source}:${rowNumber}`;
    const cell = (c: Column) => {
      const header = columnOf[c];
      return header === undefined ? '' : normaliseSpace(String(row[header] ?? ''));
    };
    if (Object.values(row).every((v) => normaliseSpace(String(v ?? '')) === '')) return;
    const code = cell('code');
    const skip = (column: Column, message: string) =>
      warnings.push({ source: at, code: code || null, field: COLUMNS[column].header, message, skipped: true });
    const warn = (column: Column, message: string) =>
      warnings.push({ source: at, code: code || null, field: COLUMNS[column].header, message, skipped: false });

    if (!PROCEDURE_CODE_PATTERN.test(code)) {
      skip('code', `Bỏ qua dòng ${rowNumber}: cột "Mã thủ tục" = "${code}" không đúng dạng "1.001193" hoặc "1.000948.H38".`);
      return;
    }
    const name = cell('name');
    if (name === '') {
      skip('name', `Bỏ qua dòng ${rowNumber}: cột "Tên thủ tục" không được để trống.`);
      return;
    }
    const unitText = cell('unit');
    const unit = UNITS[foldForMatching(unitText).replace(/-/gu, ' ')];
    if (unit === undefined) {
      skip(
        'unit',
        `Bỏ qua dòng ${rowNumber}: cột "Đơn vị thời gian" = "${unitText}" không hợp lệ; dùng một trong: ${ALLOWED_UNITS}.`,
      );
      return;
    }
    const amountText = cell('amount');
    const amount = amountText === '' && unit === 'same-day' ? 1 : Number(amountText.replace(',', '.'));
    if (!(Number.isFinite(amount) && amount > 0) || (amountText === '' && unit !== 'same-day')) {
      skip('amount', `Bỏ qua dòng ${rowNumber}: cột "Thời hạn giải quyết" = "${amountText}" phải là số lớn hơn 0.`);
      return;
    }

    const cutoffText = cell('cutoff');
    const cutoff = cutoffText === '' ? null : parseCutoff(cutoffText);
    if (cutoffText !== '' && cutoff === null) {
      warn('cutoff', `Dòng ${rowNumber}: "Giờ tiếp nhận tối đa" = "${cutoffText}" không phải giờ (ví dụ 15:00); đã bỏ qua giờ này.`);
    }
    const feeText = cell('fee');
    const feeDong = feeText === '' ? null : parseFeeText(feeText);
    if (feeText !== '' && feeDong === null) {
      warn('fee', `Dòng ${rowNumber}: phí "${feeText}" không có một mức rõ ràng; đã giữ nguyên văn bản, chưa ghi số tiền.`);
    }
    const documents = splitDocuments(row[columnOf.documents ?? ''] ?? '');
    if (documents.length === 0) warn('documents', `Dòng ${rowNumber}: chưa có thành phần hồ sơ.`);

    drafts.push({
      code,
      name,
      fieldName: cell('fieldName'),
      decision: cell('decision'),
      level: '',
      agency: cleanText(cell('agency')),
      // The sheet states one time; it is the counter's (direct) channel, other channels are not invented.
      rules: [{ channel: 'direct', amount, unit, feeDong, feeText, description: '' }],
      documents,
      steps: defaultSteps({ amount, unit, cutoff }),
      cutoff,
      resultText: '',
      legalBasis: '',
      source: at,
    });
  });
  return { drafts, warnings };
}

function mapHeaders(headers: string[]): Partial<Record<Column, string>> {
  const found: Partial<Record<Column, string>> = {};
  for (const [column, { aliases }] of Object.entries(COLUMNS) as [Column, { aliases: string[] }][]) {
    // Exact names first, so "Phí" does not shadow "Phí, lệ phí (đồng)".
    const header = aliases.map((a) => headers.find((h) => foldForMatching(h) === a)).find((h) => h !== undefined);
    if (header !== undefined) found[column] = header;
  }
  return found;
}

const COPIES_SUFFIX = /\s*[-–:(]?\s*(\d+\s*bản\s*(?:chính|sao)(?:\s*(?:,|và)\s*\d+\s*bản\s*(?:chính|sao))*)\s*\)?\s*$/iu;

/** "Tờ khai (1 bản chính); CCCD – 1 bản sao\nẢnh 4x6 (nếu có)" → three documents. */
function splitDocuments(text: string): RequiredDocument[] {
  return text
    .split(/[;\n\r]+/u)
    .map((item) => normaliseSpace(item).replace(/^(?:[-+*•]|\d+[.)])\s*/u, ''))
    .filter((item) => item !== '')
    .map((item) => {
      const copies = COPIES_SUFFIX.exec(item);
      const name = copies ? item.slice(0, copies.index).trim() : item;
      return {
        name,
        copies: copies ? normaliseSpace(copies[1]!.replace(/\s*và\s*/u, ', ')) : '',
        mandatory: !/\(nếu có\)|^(trường hợp|đối với|nếu)(?![\p{L}])/iu.test(name),
      };
    });
}
