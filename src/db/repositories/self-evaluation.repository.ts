/** Evaluation frames and units' evaluations (SQL only; the rules are in core/self-evaluation). */
import type { FrameField, GradeBand, ReformFigure } from '../../contracts/self-evaluation';
import type { ScoreEntry } from '../../core/self-evaluation/evaluation';
import type { Executor } from './executor';
import { toJson } from './executor';

export interface FrameRecord {
  id: string;
  centreId: string;
  year: number;
  name: string;
  fields: FrameField[];
  gradeBands: GradeBand[];
  status: 'draft' | 'open' | 'closed';
  createdAt: Date;
  updatedAt: Date;
}

export interface EvaluationRecord {
  id: string;
  frameId: string;
  unitId: string;
  status: 'draft' | 'submitted' | 'appraised';
  scores: Record<string, ScoreEntry>;
  figures: ReformFigure[] | null;
  finalScore: number | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  appraisedAt: Date | null;
  appraisedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function frameOf(row: Record<string, unknown>): FrameRecord {
  return {
    ...(row as unknown as FrameRecord),
    fields: parse<FrameField[]>(row['fields']),
    gradeBands: parse<GradeBand[]>(row['gradeBands']),
  };
}

function evaluationOf(row: Record<string, unknown>): EvaluationRecord {
  const final = row['finalScore'];
  return {
    ...(row as unknown as EvaluationRecord),
    scores: parse<Record<string, ScoreEntry>>(row['scores']),
    figures: row['figures'] === null ? null : parse<ReformFigure[]>(row['figures']),
    finalScore: final === null || final === undefined ? null : Number(final),
  };
}

export async function listFrames(ex: Executor, centreId: string): Promise<(FrameRecord & { submittedCount: number })[]> {
  const rows = await ex
    .selectFrom('evaluationFrame')
    .selectAll('evaluationFrame')
    .select((eb) =>
      eb
        .selectFrom('unitEvaluation')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('unitEvaluation.frameId', '=', 'evaluationFrame.id')
        .where('unitEvaluation.status', '!=', 'draft')
        .as('submittedCount'),
    )
    .where('centreId', '=', centreId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({ ...frameOf(r as unknown as Record<string, unknown>), submittedCount: Number(r.submittedCount ?? 0) }));
}

export async function findFrame(ex: Executor, centreId: string, id: string, forUpdate = false): Promise<FrameRecord | undefined> {
  let q = ex.selectFrom('evaluationFrame').selectAll().where('centreId', '=', centreId).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? frameOf(row as unknown as Record<string, unknown>) : undefined;
}

export async function findFrameByYear(ex: Executor, centreId: string, year: number): Promise<FrameRecord | undefined> {
  const row = await ex.selectFrom('evaluationFrame').selectAll().where('centreId', '=', centreId).where('year', '=', year).executeTakeFirst();
  return row ? frameOf(row as unknown as Record<string, unknown>) : undefined;
}

export async function insertFrame(ex: Executor, f: FrameRecord): Promise<void> {
  await ex
    .insertInto('evaluationFrame')
    .values({ ...f, fields: toJson(f.fields), gradeBands: toJson(f.gradeBands) })
    .execute();
}

export async function updateFrame(
  ex: Executor,
  id: string,
  change: Partial<Pick<FrameRecord, 'name' | 'fields' | 'gradeBands' | 'status'>> & { updatedAt: Date },
): Promise<void> {
  const { fields, gradeBands, ...rest } = change;
  await ex
    .updateTable('evaluationFrame')
    .set({
      ...rest,
      ...(fields ? { fields: toJson(fields) } : {}),
      ...(gradeBands ? { gradeBands: toJson(gradeBands) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function countEvaluationsSubmitted(ex: Executor, frameId: string): Promise<number> {
  const row = await ex
    .selectFrom('unitEvaluation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('frameId', '=', frameId)
    .where('status', '!=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEvaluation(ex: Executor, frameId: string, unitId: string, forUpdate = false): Promise<EvaluationRecord | undefined> {
  let q = ex.selectFrom('unitEvaluation').selectAll().where('frameId', '=', frameId).where('unitId', '=', unitId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? evaluationOf(row as unknown as Record<string, unknown>) : undefined;
}

export async function findEvaluationById(ex: Executor, id: string, forUpdate = false): Promise<EvaluationRecord | undefined> {
  let q = ex.selectFrom('unitEvaluation').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? evaluationOf(row as unknown as Record<string, unknown>) : undefined;
}

export async function insertEvaluation(ex: Executor, e: EvaluationRecord): Promise<void> {
  await ex
    .insertInto('unitEvaluation')
    .values({ ...e, scores: toJson(e.scores), figures: toJson(e.figures) })
    .onConflict((oc) => oc.columns(['frameId', 'unitId']).doNothing())
    .execute();
}

export async function saveEvaluation(ex: Executor, e: EvaluationRecord): Promise<void> {
  await ex
    .updateTable('unitEvaluation')
    .set({
      status: e.status,
      scores: toJson(e.scores),
      figures: toJson(e.figures),
      finalScore: e.finalScore,
      submittedAt: e.submittedAt,
      submittedBy: e.submittedBy,
      appraisedAt: e.appraisedAt,
      appraisedBy: e.appraisedBy,
      updatedAt: e.updatedAt,
    })
    .where('id', '=', e.id)
    .execute();
}

export async function listEvaluationsOfFrame(ex: Executor, frameId: string): Promise<EvaluationRecord[]> {
  const rows = await ex.selectFrom('unitEvaluation').selectAll().where('frameId', '=', frameId).execute();
  return rows.map((r) => evaluationOf(r as unknown as Record<string, unknown>));
}

/** A unit's evaluations with their frames, oldest year first. */
export async function listEvaluationsOfUnit(ex: Executor, centreId: string, unitId: string): Promise<{ frame: FrameRecord; evaluation: EvaluationRecord }[]> {
  const frames = await listFrames(ex, centreId);
  const rows = await ex.selectFrom('unitEvaluation').selectAll().where('unitId', '=', unitId).execute();
  const byFrame = new Map(rows.map((r) => [r.frameId, evaluationOf(r as unknown as Record<string, unknown>)]));
  return frames
    .filter((f) => byFrame.has(f.id))
    .map((f) => ({ frame: f, evaluation: byFrame.get(f.id)! }))
    .sort((a, b) => a.frame.year - b.frame.year);
}

export async function userNames(ex: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.selectFrom('appUser').select(['id', 'fullName']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.fullName]));
}
