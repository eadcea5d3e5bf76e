/**
 * One record of the national procedure catalogue (CSDL quốc gia về TTHC, as crawled from
 * dichvucong.gov.vn) → a `ProcedureDraft`. The portal's tables arrive flattened into strings
 * ("Trực tiếp15 NgàyMiễn phí(...)"), so this module reads them back cell by cell and says, in a
 * warning, every time it had to guess. Pure.
 */
import type { DurationUnit } from '../calendar/calendar-types';
import { defaultSteps } from './default-steps';
import { cleanText, foldForMatching, normaliseSpace, parseFee, PROCEDURE_CODE_PATTERN } from './catalogue-text';
import type { Channel, ImportWarning, ProcedureDraft, ProcessingRule, RequiredDocument } from './procedure';

export interface ParsedRecord {
  draft: ProcedureDraft | null;
  warnings: ImportWarning[];
}

const TEXT_FIELDS = [
  'ma_thu_tuc',
  'ten_thu_tuc',
  'so_quyet_dinh',
  'cap_thuc_hien',
  'linh_vuc',
  'co_quan_co_tham_quyen',
  'co_quan_thuc_hien',
  'trinh_tu_thuc_hien',
  'cach_thuc_thuc_hien',
  'thanh_phan_ho_so',
  'can_cu_phap_ly',
  'ket_qua_xu_ly',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** Fields (folded) whose procedures central agencies handle, not a People's Committee. */
const CENTRAL_FIELDS: Record<string, string> = {
  'hai quan': 'Hải quan',
  thue: 'Thuế',
};

const CHANNEL_NAMES: Record<Channel, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
};

export function parseNationalRecord(record: unknown, source: string): ParsedRecord {
  const skip = (code: string | null, field: string, message: string): ParsedRecord => ({
    draft: null,
    warnings: [{ source, code, field, message, skipped: true }],
  });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return skip(null, 'record', 'Bỏ qua: bản ghi phải là một đối tượng JSON (object).');
  }
  const raw = record as Record<string, unknown>;
  const rawCode = typeof raw.ma_thu_tuc === 'string' ? raw.ma_thu_tuc.trim() : null;
  for (const field of TEXT_FIELDS) {
    const value = raw[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return skip(rawCode, field, `Bỏ qua: trường "${field}" phải là chuỗi văn bản.`);
    }
  }
  const text = (field: TextField): string => (typeof raw[field] === 'string' ? (raw[field] as string) : '');

  const code = text('ma_thu_tuc').trim();
  if (!PROCEDURE_CODE_PATTERN.test(code)) {
    return skip(
      code || null,
      'ma_thu_tuc',
      `Bỏ qua: mã thủ tục "${code}" không đúng dạng "1.001193" hoặc "1.000948.H38" (quy tắc ${PROCEDURE_CODE_PATTERN.source}).`,
    );
  }
  const name = normaliseSpace(text('ten_thu_tuc'));
  if (name === '') return skip(code, 'ten_thu_tuc', 'Bỏ qua: tên thủ tục (ten_thu_tuc) không được để trống.');

  const fieldName = cleanText(text('linh_vuc'));
  const central = CENTRAL_FIELDS[foldForMatching(fieldName)];
  if (central !== undefined) {
    return skip(
      code,
      'linh_vuc',
      `Bỏ qua: thủ tục lĩnh vực "${central}" do cơ quan ${central.toLowerCase()} trung ương giải quyết, không thuộc danh mục của UBND cấp xã.`,
    );
  }

  const rows = parseChannelTable(text('cach_thuc_thuc_hien'));
  if (rows.length === 0) {
    return skip(
      code,
      'cach_thuc_thuc_hien',
      'Bỏ qua: không đọc được dòng nào của bảng cách thức thực hiện (cần "Trực tiếp" / "Trực tuyến" / "Dịch vụ bưu chính" + thời hạn + phí).',
    );
  }

  const warnings: ImportWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ source, code, field, message, skipped: false });

  const cutoff = detectCutoff(text('trinh_tu_thuc_hien')) ?? detectCutoff(text('cach_thuc_thuc_hien'));
  const rules = toRules(rows, cutoff, warn);

  const documents = parseDocuments(text('thanh_phan_ho_so'));
  if (documents.split === false) {
    warn(
      'thanh_phan_ho_so',
      documents.items.length === 0
        ? 'Không có thành phần hồ sơ; cần bổ sung trước khi tiếp nhận.'
        : 'Không tách được thành phần hồ sơ thành từng giấy tờ; đã giữ nguyên văn bản thành một mục, cần tách tay.',
    );
  }

  const agency = pickAgency(text('co_quan_thuc_hien'), text('co_quan_co_tham_quyen'));
  if (agency === '') warn('co_quan_thuc_hien', 'Không có cơ quan thực hiện; cần điền theo quyết định công bố.');

  const timed = rules.find((r) => r.channel === 'direct' && r.amount !== null) ?? rules.find((r) => r.amount !== null);
  if (timed === undefined) {
    warn('steps', 'Chưa có thời hạn nên chưa chia được quy trình nội bộ; cần nhập thời hạn rồi tạo quy trình.');
  }
  const steps = timed === undefined ? [] : defaultSteps({ amount: timed.amount!, unit: timed.unit, cutoff });

  const draft: ProcedureDraft = {
    code,
    name,
    fieldName,
    decision: cleanText(text('so_quyet_dinh')),
    level: cleanText(text('cap_thuc_hien')),
    agency,
    rules,
    documents: documents.items,
    steps,
    cutoff,
    resultText: cleanResult(text('ket_qua_xu_ly')),
    legalBasis: cleanText(text('can_cu_phap_ly').replace(/^\s*Tên văn bản pháp lý\s*Mã văn bản/u, '')),
    source,
  };
  return { draft, warnings };
}

// ---------------------------------------------------------------------------------------------
// "Cách thức thực hiện": Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả, one row per channel.

export interface ChannelRow {
  channel: Channel;
  /** The time cell as published: "15 Ngày", "1", "" when absent. */
  timeText: string;
  feeHead: string;
  /** The fee's parenthesised note, brackets included, or "". */
  feeNote: string;
  description: string;
}

/**
 * A row starts where a channel name is glued to a time and a fee cell; a channel name inside a
 * description ("Trực tiếp tại trụ sở…") is not followed by those and stays part of the text. The
 * time's number may not run into more digits, so "Trực tuyến120,000 VNĐ" is a missing time and a fee.
 */
const ROW_START = new RegExp(
  '(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)' +
    '(\\d+(?:[.,]\\d+)?(?![\\d.,])(?: ?(?:Ngày làm việc|Ngày|Giờ))?|Không có thông tin|Không quy định|Không ?|(?:Ngay )?trong ngày)?' +
    '(Miễn phí|Không có thông tin|\\d[\\d.,]*\\s*(?:VNĐ|VND|Việt Nam Đồng|Đồng|USD))',
  'giu',
);
const CHANNEL_BY_NAME: Record<string, Channel> = {
  'truc tiep': 'direct',
  'truc tuyen': 'online',
  'dich vu buu chinh': 'postal',
};

export function parseChannelTable(text: string): ChannelRow[] {
  const body = text.replace(/^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả/u, '');
  const starts = [...body.matchAll(ROW_START)];
  return starts.map((match, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index! : body.length;
    const rest = body.slice(match.index! + match[0].length, end);
    const noteEnd = rest.startsWith('(') ? closingParen(rest) : 0;
    return {
      channel: CHANNEL_BY_NAME[foldForMatching(match[1]!)]!,
      timeText: normaliseSpace(match[2] ?? ''),
      feeHead: normaliseSpace(match[3]!),
      feeNote: normaliseSpace(rest.slice(0, noteEnd)),
      description: normaliseSpace(rest.slice(noteEnd)),
    };
  });
}

/** Index just past the bracket closing the one at 0; the whole text when it never closes. */
function closingParen(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')') depth -= 1;
    if (depth === 0) return i + 1;
  }
  return text.length;
}

interface ReadTime {
  amount: number | null;
  unit: DurationUnit;
  /** Set when the cell had a number but no unit. */
  bare: boolean;
}

/** "15 Ngày" → 15 days, "7 Ngày làm việc", "4 Giờ", "Trong ngày", "1" (bare), "" (none). */
export function readTimeCell(cell: string): ReadTime {
  const folded = foldForMatching(cell);
  if (/^(ngay )?trong ngay$/u.test(folded)) return { amount: 1, unit: 'same-day', bare: false };
  const match = /^(\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio)?$/u.exec(folded);
  if (!match) return { amount: null, unit: 'working-days', bare: false };
  const amount = Number(match[1]!.replace(',', '.'));
  // "0" is the portal's filler for a time nobody entered, not an instant procedure.
  if (amount === 0) return { amount: null, unit: 'working-days', bare: false };
  const unit: DurationUnit =
    match[2] === 'ngay lam viec' ? 'working-days' : match[2] === 'ngay' ? 'days' : match[2] === 'gio' ? 'hours' : 'working-days';
  return { amount, unit, bare: match[2] === undefined };
}

function toRules(
  rows: ChannelRow[],
  cutoff: string | null,
  warn: (field: string, message: string) => void,
): ProcessingRule[] {
  const rules: ProcessingRule[] = [];
  const bare: string[] = [];
  const sameDay: string[] = [];
  const missing: string[] = [];
  const unclearFee: string[] = [];
  for (const row of rows) {
    const label = CHANNEL_NAMES[row.channel];
    if (rules.some((r) => r.channel === row.channel)) {
      warn(
        'cach_thuc_thuc_hien',
        `Kênh "${label}" có nhiều dòng; đã giữ dòng đầu, bỏ dòng "${shorten(`${row.timeText} ${row.feeHead} ${row.feeNote} ${row.description}`)}".`,
      );
      continue;
    }
    const time = readTimeCell(row.timeText);
    let { amount, unit } = time;
    if (time.bare && amount === 1 && cutoff !== null) {
      // "1" beside "received after 15:00 → result the next working day" can only mean same-day.
      unit = 'same-day';
      sameDay.push(label);
    } else if (time.bare) {
      bare.push(label);
    } else if (amount === null) {
      missing.push(label);
    }
    const feeDong = parseFee(row.feeHead, row.feeNote);
    const feeText = normaliseSpace(`${row.feeHead} ${row.feeNote}`);
    if (feeDong === null && !/^không có thông tin$/iu.test(row.feeHead)) unclearFee.push(label);
    rules.push({ channel: row.channel, amount, unit, feeDong, feeText, description: row.description });
  }
  const list = (labels: string[]) => labels.join(', ');
  const firstBare = rows.find((r) => readTimeCell(r.timeText).bare)?.timeText ?? '';
  if (sameDay.length > 0) {
    warn(
      'cach_thuc_thuc_hien',
      `Thời hạn "1" không ghi đơn vị (${list(sameDay)}); trình tự có quy tắc nhận hồ sơ sau ${cutoff} trả kết quả ngày làm việc tiếp theo nên hiểu là giải quyết trong ngày.`,
    );
  }
  if (bare.length > 0) {
    warn(
      'cach_thuc_thuc_hien',
      `Thời hạn "${firstBare}" không ghi đơn vị (${list(bare)}); tạm hiểu là ngày làm việc, cần đối chiếu quyết định công bố.`,
    );
  }
  if (missing.length > 0) {
    warn('cach_thuc_thuc_hien', `Không có thời hạn giải quyết (${list(missing)}); cần nhập theo quyết định công bố.`);
  }
  if (unclearFee.length > 0) {
    warn(
      'cach_thuc_thuc_hien',
      `Phí, lệ phí không có một mức rõ ràng (${list(unclearFee)}), ví dụ do HĐND tỉnh quy định; đã giữ nguyên văn bản, chưa ghi số tiền.`,
    );
  }
  return rules;
}

function shorten(text: string): string {
  const value = normaliseSpace(text);
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}

/**
 * The same-day rule of civil status and certification (DOMAIN-VN §1.4): "nếu tiếp nhận hồ sơ sau
 * 15 giờ thì … trả kết quả trong ngày làm việc tiếp theo". Only a sentence about the result counts:
 * "sau 16 giờ thì văn bản trả lời được gửi…" in irrigation records is about a completeness letter.
 */
export function detectCutoff(text: string): string | null {
  for (const sentence of text.split(/(?<=[.;])\s+|\n/u)) {
    const match = /sau\s+(\d{1,2})\s*(?:giờ|h)(?:\s*(\d{2}))?(?![\p{L}\d])/iu.exec(sentence);
    if (!match) continue;
    if (!/ngày làm việc tiếp theo/iu.test(sentence)) continue;
    if (!/trả kết quả|hoàn thành|giải quyết/iu.test(sentence)) continue;
    const hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    if (hour > 23 || minute > 59) continue;
    return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// "Thành phần hồ sơ": sections "<title>Tên giấy tờMẫu đơn, tờ khaiSố lượng<items>", each item a
// name (and sometimes a template file name) glued to its copies "1 bản chính,1 bản sao".

const TABLE_HEADER = /Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng/gu;
const COPIES = /(\d+)\s*bản chính(?:\s*,\s*(\d+)\s*bản sao)?/gu;
const CONDITIONAL = /\(nếu có\)|^(trường hợp|đối với|nếu|ngoài ra)(?![\p{L}])/iu;
const TEMPLATE_FILE = /\.(docx?|xlsx?|pdf|rar|zip)$/iu;

export interface ParsedDocuments {
  items: RequiredDocument[];
  /** False when the text could not be split into documents (the whole text is one item). */
  split: boolean;
}

export function parseDocuments(text: string): ParsedDocuments {
  const whole = cleanText(text);
  if (whole === '') return { items: [], split: false };
  const parts = text.split(TABLE_HEADER);
  const items: RequiredDocument[] = [];
  const sections = parts.length - 1;
  for (let s = 1; s < parts.length; s += 1) {
    const title = normaliseSpace(parts[s - 1]!.replace(/[\s\S]*\d+\s*bản chính(?:\s*,\s*\d+\s*bản sao)?/u, ''));
    // Several case-by-case sections ("Trường hợp đăng ký tại…") are alternatives: only one applies.
    const alternative = sections > 1 && title !== '' && !/^[-*\s]*(giấy tờ phải|hồ sơ gồm|--)/iu.test(title);
    let from = 0;
    const body = parts[s]!;
    for (const copies of body.matchAll(COPIES)) {
      const nameText = cleanName(body.slice(from, copies.index));
      from = copies.index! + copies[0].length;
      if (nameText === '') continue;
      const original = Number(copies[1]);
      const copy = copies[2] === undefined ? 0 : Number(copies[2]);
      const copiesText = [original > 0 ? `${original} bản chính` : '', copy > 0 ? `${copy} bản sao` : '']
        .filter(Boolean)
        .join(', ');
      // A row with no copies at all is one of the portal's notes ("Trường hợp … thì không phải nộp").
      if (original + copy === 0 || items.some((d) => d.name === nameText)) continue;
      items.push({
        name: nameText,
        copies: copiesText,
        mandatory: !alternative && !CONDITIONAL.test(nameText),
      });
    }
  }
  if (items.length === 0) return { items: [{ name: whole, copies: '', mandatory: true }], split: false };
  return { items, split: true };
}

function cleanName(text: string): string {
  let name = normaliseSpace(text);
  if (TEMPLATE_FILE.test(name)) name = stripTemplateFile(name);
  return name
    .replace(/^[-+*•\s]+/u, '')
    .replace(/[\s;,:]+$/u, '')
    .trim();
}

/**
 * The "Mẫu đơn, tờ khai" cell is a file name glued after the document's name
 * ("…của Bộ Công an).MauKX1079.docx"); cut at the last place where a sentence end, a closing bracket
 * or a decree number runs into a letter without a space.
 */
function stripTemplateFile(name: string): string {
  const extension = TEMPLATE_FILE.exec(name)!.index;
  let cut = -1;
  for (const boundary of name.matchAll(/(?:[.;)”"]|-CP)(?=[\p{L}])/gu)) {
    const at = boundary.index! + boundary[0].length;
    if (at < extension) cut = at;
  }
  if (cut <= 0) {
    // No punctuation before the file name: "…theo quy địnhMauon (2).docx" (lower case into capital).
    const glued = /(?<=\p{Ll})(?=\p{Lu}[^\s]*(?:\s\(\d+\))?\.\w+$)/u.exec(name);
    return glued ? name.slice(0, glued.index) : name;
  }
  return name.slice(0, cut).replace(/\.?\d+\.$/u, '.');
}

// ---------------------------------------------------------------------------------------------

function pickAgency(performing: string, competent: string): string {
  const tidy = (value: string) => cleanText(value).replace(/\.$/u, '');
  return tidy(performing) || tidy(competent);
}

/** The portal appends the result's catalogue code and keywords ("Mã: KQ.H52.000004Từ khóa…"). */
function cleanResult(text: string): string {
  return cleanText(text.replace(/Mã:\s*[A-Z][\w.-]*[\s\S]*$/u, ''));
}
