/**
 * Reads a procedure catalogue from disk: a folder of national records and managers' sheets, one
 * JSON file (a record or an array of them), one .xlsx or one .csv. Parsing is done by the pure
 * importers in core; this file only finds, decodes and orders the inputs, so the same folder always
 * gives the same drafts in the same order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/shared/app-error';
import { parseNationalRecord } from '../../core/catalogue/national-record';
import { parseSpreadsheetRows } from '../../core/catalogue/spreadsheet-row';
import type { ImportWarning, ProcedureDraft } from '../../core/catalogue/procedure';

export interface CatalogueImport {
  drafts: ProcedureDraft[];
  warnings: ImportWarning[];
}

const READABLE = new Set(['.json', '.xlsx', '.csv']);

export async function readCatalogueSource(path: string): Promise<CatalogueImport> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('CATALOGUE_FILE_INVALID', {
      source: path,
      detail: error.code === 'ENOENT' ? 'không tìm thấy tệp hoặc thư mục' : `không đọc được (${error.code ?? error.message})`,
    });
  });
  const files = info.isDirectory() ? await listFiles(path) : [path];
  if (!info.isDirectory() && !READABLE.has(extname(path).toLowerCase())) {
    throw new AppError('CATALOGUE_FILE_INVALID', {
      source: path,
      detail: 'chỉ nhận thư mục, tệp .json, .xlsx hoặc .csv',
    });
  }
  const drafts: ProcedureDraft[] = [];
  const warnings: ImportWarning[] = [];
  for (const file of files) {
    const part = await readOne(file);
    drafts.push(...part.drafts);
    warnings.push(...part.warnings);
  }
  return dropDuplicates(drafts, warnings);
}

/** Every readable file under `root`, sorted by path so the import order never depends on the disk. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && READABLE.has(extname(e.name).toLowerCase()))
    // "~$name.xlsx" is the lock file Excel leaves beside an open workbook.
    .filter((e) => !e.name.startsWith('~$') && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort((a, b) => compare(relative(root, a), relative(root, b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readOne(file: string): Promise<CatalogueImport> {
  const unreadable = (detail: string): CatalogueImport => ({
    drafts: [],
    warnings: [{ source: file, code: null, field: 'file', message: `Bỏ qua tệp: ${detail}`, skipped: true }],
  });
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') {
    try {
      return parseSpreadsheetRows(await readXlsxRows(file), file);
    } catch (error) {
      return unreadable(`không đọc được bảng tính Excel (${(error as Error).message}).`);
    }
  }
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return unreadable('tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8.');
  }
  if (extension === '.csv') {
    const rows = parseCsv(text);
    if (rows === null) return unreadable('tệp CSV có dấu ngoặc kép không đóng.');
    return parseSpreadsheetRows(toRecords(rows), file);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return unreadable(`JSON không hợp lệ (${(error as Error).message}).`);
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  const result: CatalogueImport = { drafts: [], warnings: [] };
  records.forEach((record, i) => {
    const one = parseNationalRecord(record, Array.isArray(parsed) ? `${file}[${i}]` : file);
    if (one.draft) result.drafts.push(one.draft);
    result.warnings.push(...one.warnings);
  });
  return result;
}

/** The first sheet, the first non-empty row as headers, cells as the text Excel shows. */
async function readXlsxRows(file: string): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(row.getCell(c).text ?? '');
    grid[rowNumber - 1] = cells;
  });
  const dense = Array.from(grid, (row) => row ?? []);
  const start = dense.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  return start < 0 ? [] : toRecords(dense.slice(start));
}

/** Header row + data rows → records keyed by header; blank headers are dropped. */
function toRecords(rows: string[][]): Record<string, string>[] {
  const [header, ...data] = rows;
  if (header === undefined) return [];
  return data.map((cells) => {
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name.trim() !== '') record[name.trim()] = cells[i] ?? '';
    });
    return record;
  });
}

/**
 * RFC 4180: quoted fields may hold separators, line breaks and doubled quotes. The separator is
 * whichever of ";" and "," occurs more often in the header line (Vietnamese Excel saves with ";").
 * Returns null for an unterminated quote.
 */
export function parseCsv(text: string): string[][] | null {
  const firstLine = text.slice(0, text.search(/\r?\n|$/u));
  const unquoted = firstLine.replace(/"[^"]*"/gu, '');
  const separator = (unquoted.match(/;/gu)?.length ?? 0) > (unquoted.match(/,/gu)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) return null;
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Within one import a code counts once: the first occurrence wins, later ones are reported. */
function dropDuplicates(drafts: ProcedureDraft[], warnings: ImportWarning[]): CatalogueImport {
  const firstSource = new Map<string, string>();
  const kept: ProcedureDraft[] = [];
  const extra: ImportWarning[] = [];
  for (const draft of drafts) {
    const first = firstSource.get(draft.code);
    if (first === undefined) {
      firstSource.set(draft.code, draft.source);
      kept.push(draft);
    } else {
      extra.push({
        source: draft.source,
        code: draft.code,
        field: 'ma_thu_tuc',
        message: `Bỏ qua: mã thủ tục ${draft.code} trùng với bản đã nhập từ ${first}.`,
        skipped: true,
      });
    }
  }
  return { drafts: kept, warnings: [...warnings, ...extra] };
}
