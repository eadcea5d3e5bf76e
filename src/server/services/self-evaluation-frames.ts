/**
 * The yearly evaluation frames: listed for everyone in oversight, created (from last year's or the
 * shipped example), edited, imported (JSON or .xlsx) and exported by admins. The criteria are fixed once
 * a unit has submitted against the frame, so every unit of a year is scored on the same criteria.
 */
import ExcelJS from 'exceljs';
import { FrameInput, type CreateFrameInput, type Frame, type FrameImportInput, type FrameStatus, type FrameSummary } from '../../contracts/self-evaluation';
import { EXAMPLE_FRAME } from '../../core/self-evaluation/default-frame';
import { criteriaOf, frameProblem, totalPointsOf } from '../../core/self-evaluation/frame';
import { BAND_HEADERS, CRITERIA_HEADERS, frameFromJson, frameFromRows, rowsOfFrame, type SheetRow } from '../../core/self-evaluation/frame-import';
import { AppError } from '../../core/shared/app-error';
import {
  countEvaluationsSubmitted,
  findFrame,
  findFrameByYear,
  insertFrame,
  listFrames,
  updateFrame,
  type FrameRecord,
} from '../../db/repositories/self-evaluation.repository';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { assertOversight } from './oversight-access';

function assertAdmin(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user' || actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

export function frameView(f: FrameRecord, submittedCount: number): Frame {
  return {
    id: f.id,
    year: f.year,
    name: f.name,
    status: f.status,
    fields: f.fields,
    gradeBands: f.gradeBands,
    totalPoints: totalPointsOf(f),
    criteriaCount: criteriaOf(f).length,
    submittedCount,
    updatedAt: new Date(f.updatedAt).toISOString(),
  };
}

export async function listEvaluationFrames(ctx: ServiceContext, actor: Actor): Promise<FrameSummary[]> {
  assertOversight(actor);
  const frames = await listFrames(ctx.db, actor.centreId);
  return frames.map((f) => {
    const { fields: _f, gradeBands: _g, ...summary } = frameView(f, f.submittedCount);
    return summary;
  });
}

export async function loadFrame(ctx: ServiceContext, actor: Actor, id: string): Promise<FrameRecord> {
  const frame = await findFrame(ctx.db, actor.centreId, id);
  if (!frame) throw new AppError('NOT_FOUND', { entity: 'evaluation-frame' });
  return frame;
}

export async function getEvaluationFrame(ctx: ServiceContext, actor: Actor, id: string): Promise<Frame> {
  assertOversight(actor);
  const frame = await loadFrame(ctx, actor, id);
  return frameView(frame, await countEvaluationsSubmitted(ctx.db, frame.id));
}

/** A new frame for a year, from another frame's criteria or the shipped example; a draft. */
export async function createEvaluationFrame(ctx: ServiceContext, actor: Actor, input: CreateFrameInput): Promise<Frame> {
  assertAdmin(actor);
  return inTransaction(ctx, async (tx) => {
    if (await findFrameByYear(tx, actor.centreId, input.year)) {
      throw new AppError('VALIDATION_FAILED', { detail: `năm ${input.year} đã có bộ tiêu chí; hãy sửa bộ tiêu chí đó` });
    }
    let source: FrameInput = EXAMPLE_FRAME;
    if (input.copyFrom) {
      const from = await findFrame(tx, actor.centreId, input.copyFrom);
      if (!from) throw new AppError('NOT_FOUND', { entity: 'evaluation-frame' });
      source = { name: from.name, fields: from.fields, gradeBands: from.gradeBands };
    }
    const now = ctx.clock();
    const frame: FrameRecord = {
      id: ctx.newId(),
      centreId: actor.centreId,
      year: input.year,
      name: source.name,
      fields: structuredClone(source.fields),
      gradeBands: structuredClone(source.gradeBands),
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    };
    await insertFrame(tx, frame);
    return frameView(frame, 0);
  });
}

async function replaceCriteria(ctx: ServiceContext, actor: Actor, id: string, input: FrameInput): Promise<Frame> {
  const problem = frameProblem(input);
  if (problem) throw new AppError('VALIDATION_FAILED', { detail: problem });
  return inTransaction(ctx, async (tx) => {
    const frame = await findFrame(tx, actor.centreId, id, true);
    if (!frame) throw new AppError('NOT_FOUND', { entity: 'evaluation-frame' });
    const submitted = await countEvaluationsSubmitted(tx, id);
    if (submitted > 0) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `đã có ${submitted} đơn vị gửi bản tự đánh giá theo bộ tiêu chí năm ${frame.year}, nên không sửa được tiêu chí; chỉ sửa được tên và thang xếp loại khi chưa có đơn vị nào gửi`,
      });
    }
    const updatedAt = ctx.clock();
    await updateFrame(tx, id, { name: input.name, fields: input.fields, gradeBands: input.gradeBands, updatedAt });
    return frameView({ ...frame, ...input, updatedAt }, 0);
  });
}

export async function updateEvaluationFrame(ctx: ServiceContext, actor: Actor, id: string, input: FrameInput): Promise<Frame> {
  assertAdmin(actor);
  return replaceCriteria(ctx, actor, id, input);
}

/** draft → open (units may score) → closed; an admin may reopen. */
export async function setEvaluationFrameStatus(ctx: ServiceContext, actor: Actor, id: string, status: FrameStatus): Promise<Frame> {
  assertAdmin(actor);
  return inTransaction(ctx, async (tx) => {
    const frame = await findFrame(tx, actor.centreId, id, true);
    if (!frame) throw new AppError('NOT_FOUND', { entity: 'evaluation-frame' });
    const submitted = await countEvaluationsSubmitted(tx, id);
    if (status === 'draft' && submitted > 0) {
      throw new AppError('VALIDATION_FAILED', { detail: 'đã có đơn vị gửi bản tự đánh giá nên không đưa bộ tiêu chí về trạng thái đang soạn được' });
    }
    const updatedAt = ctx.clock();
    await updateFrame(tx, id, { status, updatedAt });
    return frameView({ ...frame, status, updatedAt }, submitted);
  });
}

/** Cells as the text Excel shows, by sheet row number. */
function sheetRows(sheet: ExcelJS.Worksheet | undefined): SheetRow[] {
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  const width = Math.max(sheet.columnCount, CRITERIA_HEADERS.length);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(row.getCell(c).text ?? '');
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

async function frameFromWorkbook(name: string, base64: string): Promise<FrameInput> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', { detail: 'không đọc được tệp Excel (.xlsx); hãy lưu lại tệp dưới dạng Excel Workbook rồi thử lại' });
  }
  const criteria = workbook.getWorksheet('Tiêu chí') ?? workbook.worksheets[0];
  const bands = workbook.getWorksheet('Xếp loại') ?? null;
  return frameFromRows(name, sheetRows(criteria), bands ? sheetRows(bands) : null);
}

/** Replaces the frame's criteria with a file's; a file with any problem changes nothing. */
export async function importEvaluationFrame(ctx: ServiceContext, actor: Actor, id: string, input: FrameImportInput): Promise<Frame> {
  assertAdmin(actor);
  const frame = await loadFrame(ctx, actor, id);
  let parsed: FrameInput;
  if (input.format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(input.content);
    } catch (e) {
      throw new AppError('VALIDATION_FAILED', { detail: `tệp JSON không hợp lệ (${e instanceof Error ? e.message : String(e)})` });
    }
    parsed = frameFromJson(value && typeof value === 'object' && !('name' in value) ? { ...value, name: frame.name } : value);
  } else {
    parsed = await frameFromWorkbook(frame.name, input.content);
  }
  return replaceCriteria(ctx, actor, id, parsed);
}

/** The frame as an .xlsx in the import layout: download, edit, import back. */
export async function exportEvaluationFrameXlsx(ctx: ServiceContext, actor: Actor, id: string): Promise<{ file: Buffer; filename: string }> {
  assertOversight(actor);
  const frame = await loadFrame(ctx, actor, id);
  const rows = rowsOfFrame(frame);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiêu chí');
  sheet.addRow([...CRITERIA_HEADERS]).font = { bold: true };
  for (const r of rows.criteria) sheet.addRow(r);
  sheet.columns.forEach((col, i) => (col.width = [10, 40, 10, 60, 10, 40, 12, 22, 14, 12][i] ?? 12));
  const bands = workbook.addWorksheet('Xếp loại');
  bands.addRow([...BAND_HEADERS]).font = { bold: true };
  for (const r of rows.bands) bands.addRow(r);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file, filename: `bo-tieu-chi-${frame.year}.xlsx` };
}
