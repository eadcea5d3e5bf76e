/**
 * The quarterly 9-indicator evaluation: the self-score and appraisal columns (evaluation_score),
 * and read-only loaders of what the evaluation is computed from — the dossiers' ratings, the PAKN
 * about them, and the procedure versions they were received under. No rules here.
 */
import type { ReportsAs } from '../schema';
import type { Executor } from './executor';

export type EvaluationSubjectKind = 'centre' | 'unit' | 'officer';

export interface EvaluationScoreRecord {
  quarter: string;
  subjectKind: EvaluationSubjectKind;
  subject: string;
  indicator: number;
  selfScore: number | null;
  appraisalScore: number | null;
  note: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/** numeric(3,1) comes back from pg as a string ("1.5"); PGlite may give a number. */
function numeric(value: string | number | null): number | null {
  if (value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export async function listEvaluationScores(
  ex: Executor,
  centreId: string,
  quarter: string,
  subjectKind: EvaluationSubjectKind,
  subject?: string,
): Promise<EvaluationScoreRecord[]> {
  let query = ex
    .selectFrom('evaluationScore')
    .select(['quarter', 'subjectKind', 'subject', 'indicator', 'selfScore', 'appraisalScore', 'note', 'updatedBy', 'updatedAt'])
    .where('centreId', '=', centreId)
    .where('quarter', '=', quarter)
    .where('subjectKind', '=', subjectKind);
  if (subject !== undefined) query = query.where('subject', '=', subject);
  const rows = await query.orderBy('subject').orderBy('indicator').execute();
  return rows.map((r) => ({ ...r, selfScore: numeric(r.selfScore), appraisalScore: numeric(r.appraisalScore) }));
}

/** Writes one subject's scores for a quarter, indicator by indicator (insert or replace). */
export async function upsertEvaluationScores(
  ex: Executor,
  centreId: string,
  rows: readonly Omit<EvaluationScoreRecord, 'updatedAt'>[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await ex
    .insertInto('evaluationScore')
    .values(rows.map((r) => ({ centreId, ...r, updatedAt: at })))
    .onConflict((oc) =>
      oc.columns(['centreId', 'quarter', 'subjectKind', 'subject', 'indicator']).doUpdateSet((eb) => ({
        selfScore: eb.ref('excluded.selfScore'),
        appraisalScore: eb.ref('excluded.appraisalScore'),
        note: eb.ref('excluded.note'),
        updatedBy: eb.ref('excluded.updatedBy'),
        updatedAt: eb.ref('excluded.updatedAt'),
      })),
    )
    .execute();
}

export interface DossierRatingEvidenceRow {
  dossierId: string;
  reportsAs: ReportsAs;
  criteria: { key: string; value: number; reportsAs: ReportsAs }[];
  comment: string | null;
  at: Date;
}

/** Keeps `in (…)` lists well under PGlite's bind-parameter limit. */
const CHUNK = 1000;

async function inChunks<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/** The citizens' ratings of these dossiers (one per dossier at most). */
export async function listRatingsOfDossiers(ex: Executor, centreId: string, dossierIds: readonly string[]): Promise<DossierRatingEvidenceRow[]> {
  return inChunks(dossierIds, async (chunk) => {
    const rows = await ex
      .selectFrom('dossierRating')
      .select(['dossierId', 'reportsAs', 'criteria', 'comment', 'at'])
      .where('centreId', '=', centreId)
      .where('dossierId', 'in', chunk)
      .execute();
    return rows.map((r) => ({ ...r, criteria: json<DossierRatingEvidenceRow['criteria']>(r.criteria) ?? [] }));
  });
}

export interface PaknEvidenceRow {
  id: string;
  dossierId: string;
  code: string;
  kind: 'complaint' | 'suggestion';
  status: string;
  receivedAt: Date;
  answeredAt: Date | null;
  rejectedAt: Date | null;
  citizenSatisfied: boolean | null;
}

/** Complaints and suggestions filed about these dossiers. */
export async function listPaknsOfDossiers(ex: Executor, centreId: string, dossierIds: readonly string[]): Promise<PaknEvidenceRow[]> {
  return inChunks(dossierIds, async (chunk) => {
    const rows = await ex
      .selectFrom('pakn')
      .select(['id', 'dossierId', 'code', 'kind', 'status', 'receivedAt', 'answeredAt', 'rejectedAt', 'citizenSatisfied'])
      .where('centreId', '=', centreId)
      .where('dossierId', 'in', chunk)
      .orderBy('receivedAt')
      .execute();
    return rows.map((r) => ({ ...r, dossierId: r.dossierId! }));
  });
}

export interface PublishedVersionRow {
  id: string;
  procedureId: string;
  active: boolean;
  name: string;
  decision: string;
  agency: string;
  rules: { channel: string; amount: number | null }[];
  documents: unknown[];
  steps: unknown[];
}

/** The procedure versions dossiers were received under, with whether the procedure is still listed. */
export async function listVersionsForEvaluation(ex: Executor, versionIds: readonly string[]): Promise<PublishedVersionRow[]> {
  return inChunks(versionIds, async (chunk) => {
    const rows = await ex
      .selectFrom('procedureVersion')
      .innerJoin('procedure', 'procedure.id', 'procedureVersion.procedureId')
      .select([
        'procedureVersion.id',
        'procedureVersion.procedureId',
        'procedure.active',
        'procedureVersion.name',
        'procedureVersion.decision',
        'procedureVersion.agency',
        'procedureVersion.rules',
        'procedureVersion.documents',
        'procedureVersion.steps',
      ])
      .where('procedureVersion.id', 'in', chunk)
      .execute();
    return rows.map((r) => ({
      ...r,
      rules: json<PublishedVersionRow['rules']>(r.rules),
      documents: json<unknown[]>(r.documents),
      steps: json<unknown[]>(r.steps),
    }));
  });
}
