/**
 * Reading a frame from a spreadsheet's rows (the .xlsx layout in docs/self-evaluation.md). Each problem
 * names the sheet row in Vietnamese, and a file with any problem gives no frame at all. Pure: the service
 * turns the workbook into rows of cell text.
 *
 * Sheet "Tiêu chí", row 1 = headers, one criterion per row:
 *   A mã lĩnh vực · B tên lĩnh vực · C mã tiêu chí · D tên tiêu chí · E điểm tối đa · F tài liệu kiểm chứng ·
 *   G bắt buộc tài liệu (Có/Không, trống = Có) · H số liệu tự động (khóa) · I mức đạt điểm tối đa · J mức 0 điểm
 * Sheet "Xếp loại" (optional), row 1 = headers: A mức xếp loại · B điểm từ.
 */
import { FIGURE_KEYS, FrameInput, type FigureKey, type FrameField, type GradeBand } from '../../contracts/self-evaluation';
import { AppError } from '../shared/app-error';
import { DEFAULT_GRADE_BANDS, frameProblem } from './frame';

export interface SheetRow {
  /** The row number in the sheet (1-based, as the spreadsheet shows it). */
  row: number;
  cells: string[];
}

export const CRITERIA_HEADERS = [
  'Mã lĩnh vực',
  'Tên lĩnh vực',
  'Mã tiêu chí',
  'Tên tiêu chí',
  'Điểm tối đa',
  'Tài liệu kiểm chứng',
  'Bắt buộc tài liệu',
  'Số liệu tự động',
  'Mức đạt điểm tối đa',
  'Mức 0 điểm',
] as const;
export const BAND_HEADERS = ['Mức xếp loại', 'Điểm từ'] as const;

function rowError(row: number, sheet: string, detail: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `dòng ${row} (trang "${sheet}"): ${detail}` });
}

/** "3,5" or "3.5" → 3.5; anything else → NaN. */
function parseNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const YES = new Set(['', 'có', 'co', 'x', 'yes', 'true', '1']);
const NO = new Set(['không', 'khong', 'no', 'false', '0']);

export function frameFromRows(name: string, criteriaRows: readonly SheetRow[], bandRows: readonly SheetRow[] | null): FrameInput {
  const sheet = 'Tiêu chí';
  const fields: FrameField[] = [];
  let current: FrameField | null = null;
  for (const { row, cells } of criteriaRows) {
    const cell = (i: number) => (cells[i] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) continue;
    const fieldCode = cell(0);
    const fieldName = cell(1);
    if (fieldCode) {
      const existing = fields.find((f) => f.code === fieldCode);
      if (existing) {
        if (fieldName && fieldName !== existing.name) throw rowError(row, sheet, `lĩnh vực "${fieldCode}" đã có tên khác ở dòng trước`);
        current = existing;
      } else {
        if (!fieldName) throw rowError(row, sheet, `thiếu tên lĩnh vực "${fieldCode}" (cột B)`);
        current = { code: fieldCode, name: fieldName, criteria: [] };
        fields.push(current);
      }
    }
    if (!current) throw rowError(row, sheet, 'thiếu mã lĩnh vực (cột A)');
    const code = cell(2);
    const criterionName = cell(3);
    if (!code) throw rowError(row, sheet, 'thiếu mã tiêu chí (cột C)');
    if (!criterionName) throw rowError(row, sheet, `thiếu tên tiêu chí ${code} (cột D)`);
    const max = parseNumber(cell(4));
    if (!(max > 0) || max > 100) throw rowError(row, sheet, `điểm tối đa "${cell(4)}" của tiêu chí ${code} phải là số lớn hơn 0 và không quá 100 (cột E)`);
    const required = cell(6).toLowerCase();
    if (!YES.has(required) && !NO.has(required)) throw rowError(row, sheet, `cột G chỉ nhận "Có" hoặc "Không" (đang là "${cell(6)}")`);
    const key = cell(7);
    let prefill: FrameField['criteria'][number]['prefill'] = null;
    if (key) {
      if (!(FIGURE_KEYS as readonly string[]).includes(key)) {
        throw rowError(row, sheet, `số liệu tự động "${key}" không có; dùng một trong: ${FIGURE_KEYS.join(', ')} (cột H)`);
      }
      const full = parseNumber(cell(8));
      const zero = parseNumber(cell(9));
      if (Number.isNaN(full) || Number.isNaN(zero)) throw rowError(row, sheet, `tiêu chí ${code} có số liệu tự động nên cần mức đạt điểm tối đa (cột I) và mức 0 điểm (cột J) là số`);
      if (full === zero) throw rowError(row, sheet, `tiêu chí ${code}: mức đạt điểm tối đa và mức 0 điểm phải khác nhau`);
      prefill = { key: key as FigureKey, full, zero };
    }
    if (fields.some((f) => f.criteria.some((x) => x.code === code))) throw rowError(row, sheet, `mã tiêu chí "${code}" bị trùng`);
    current.criteria.push({ code, name: criterionName, maxPoints: max, evidence: cell(5), evidenceRequired: !NO.has(required), prefill });
  }
  if (fields.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'tệp không có tiêu chí nào (trang "Tiêu chí", từ dòng 2)' });

  let gradeBands: GradeBand[] = [...DEFAULT_GRADE_BANDS];
  if (bandRows && bandRows.some((r) => r.cells.some((c) => c.trim() !== ''))) {
    gradeBands = [];
    for (const { row, cells } of bandRows) {
      const label = (cells[0] ?? '').trim();
      const minText = (cells[1] ?? '').trim();
      if (!label && !minText) continue;
      if (!label) throw rowError(row, 'Xếp loại', 'thiếu tên mức xếp loại (cột A)');
      const min = parseNumber(minText);
      if (Number.isNaN(min) || min < 0 || min > 100) throw rowError(row, 'Xếp loại', `điểm từ "${minText}" phải là số từ 0 đến 100 (cột B)`);
      gradeBands.push({ label, min });
    }
  }

  const parsed = FrameInput.safeParse({ name, fields, gradeBands });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', { detail: `${issue.path.join('.')}: ${issue.message}` });
  }
  const problem = frameProblem(parsed.data);
  if (problem) throw new AppError('VALIDATION_FAILED', { detail: problem });
  return parsed.data;
}

/** The frame as rows of the same layout (what the export writes and the import reads back). */
export function rowsOfFrame(frame: FrameInput): { criteria: (string | number)[][]; bands: (string | number)[][] } {
  const criteria: (string | number)[][] = [];
  for (const f of frame.fields) {
    f.criteria.forEach((c, i) => {
      criteria.push([
        f.code,
        i === 0 ? f.name : '',
        c.code,
        c.name,
        c.maxPoints,
        c.evidence,
        c.evidenceRequired ? 'Có' : 'Không',
        c.prefill?.key ?? '',
        c.prefill ? c.prefill.full : '',
        c.prefill ? c.prefill.zero : '',
      ]);
    });
  }
  return { criteria, bands: frame.gradeBands.map((b) => [b.label, b.min]) };
}

const PATH_WORDS: Record<string, string> = {
  name: 'tên',
  fields: 'lĩnh vực',
  criteria: 'tiêu chí',
  code: 'mã',
  maxPoints: 'điểm tối đa',
  evidence: 'tài liệu kiểm chứng',
  evidenceRequired: 'bắt buộc tài liệu',
  prefill: 'số liệu tự động',
  key: 'khóa',
  full: 'mức đạt điểm tối đa',
  zero: 'mức 0 điểm',
  gradeBands: 'xếp loại',
  label: 'tên mức',
  min: 'điểm từ',
};

/** "fields.2.criteria.0.maxPoints" → "lĩnh vực thứ 3 › tiêu chí thứ 1 › điểm tối đa". */
function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts[parts.length - 1] = `${parts[parts.length - 1] ?? 'mục'} thứ ${p + 1}`;
    else parts.push(PATH_WORDS[String(p)] ?? String(p));
  }
  return parts.join(' › ') || 'tệp';
}

/** A frame from a JSON document ({ name, fields, gradeBands }); problems named by their place in it. */
export function frameFromJson(value: unknown): FrameInput {
  const parsed = FrameInput.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', { detail: `${describePath(issue.path)}: ${issue.message}` });
  }
  const problem = frameProblem(parsed.data);
  if (problem) throw new AppError('VALIDATION_FAILED', { detail: problem });
  return parsed.data;
}
