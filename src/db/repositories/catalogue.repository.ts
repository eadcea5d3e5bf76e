/** Procedures and their versions. A version is never changed once written: edits add a version. */
import { sql } from 'kysely';
import type { ImportWarning, ProcessingRule, ProcessStep, RequiredDocument } from '../../core/catalogue/procedure';
import type { Executor } from './executor';
import { toJson } from './executor';

export interface ProcedureVersionRecord {
  id: string;
  procedureId: string;
  version: number;
  name: string;
  decision: string;
  level: string;
  agency: string;
  rules: ProcessingRule[];
  documents: RequiredDocument[];
  steps: ProcessStep[];
  cutoff: string | null;
  resultText: string;
  legalBasis: string;
  source: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface ProcedureRecord {
  id: string;
  centreId: string;
  code: string;
  fieldName: string;
  fieldId: string | null;
  currentVersionId: string | null;
  active: boolean;
  importFingerprint: string | null;
  createdAt: Date;
}

export async function findProcedure(ex: Executor, centreId: string, id: string): Promise<ProcedureRecord | undefined> {
  return ex.selectFrom('procedure').selectAll().where('centreId', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function listProceduresByCode(ex: Executor, centreId: string): Promise<Map<string, ProcedureRecord>> {
  const rows = await ex.selectFrom('procedure').selectAll().where('centreId', '=', centreId).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function findVersion(ex: Executor, id: string): Promise<ProcedureVersionRecord | undefined> {
  return ex.selectFrom('procedureVersion').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listVersionHeads(ex: Executor, procedureId: string) {
  return ex
    .selectFrom('procedureVersion')
    .select(['id', 'version', 'createdAt'])
    .where('procedureId', '=', procedureId)
    .orderBy('version', 'desc')
    .execute();
}

export interface ProcedureListRow extends ProcedureRecord {
  version: ProcedureVersionRecord;
}

/** Procedures with their current version; the caller filters by text (accent-insensitive) in memory. */
export async function listProceduresWithCurrent(ex: Executor, centreId: string): Promise<ProcedureListRow[]> {
  const rows = await ex
    .selectFrom('procedure')
    .innerJoin('procedureVersion', 'procedureVersion.id', 'procedure.currentVersionId')
    .select([
      'procedure.id',
      'procedure.centreId',
      'procedure.code',
      'procedure.fieldName',
      'procedure.fieldId',
      'procedure.currentVersionId',
      'procedure.active',
      'procedure.importFingerprint',
      'procedure.createdAt',
      sql<ProcedureVersionRecord>`to_jsonb(procedure_version.*)`.as('versionJson'),
    ])
    .where('procedure.centreId', '=', centreId)
    .orderBy('procedure.fieldName')
    .orderBy('procedure.code')
    .execute();
  return rows.map(({ versionJson, ...p }) => ({ ...p, version: versionFromJson(versionJson as unknown as Record<string, unknown>) }));
}

/**
 * to_jsonb gives snake_case keys and text timestamps; the CamelCasePlugin renames the keys of nested
 * objects in results too, so the record arrives camelCased (read both spellings to stay independent of it).
 */
function versionFromJson(j: Record<string, unknown>): ProcedureVersionRecord {
  const key = (camel: string, snake: string): unknown => j[camel] ?? j[snake];
  return {
    id: j['id'] as string,
    procedureId: key('procedureId', 'procedure_id') as string,
    version: j['version'] as number,
    name: j['name'] as string,
    decision: j['decision'] as string,
    level: j['level'] as string,
    agency: j['agency'] as string,
    rules: j['rules'] as ProcessingRule[],
    documents: j['documents'] as RequiredDocument[],
    steps: j['steps'] as ProcessStep[],
    cutoff: (j['cutoff'] as string | null) ?? null,
    resultText: key('resultText', 'result_text') as string,
    legalBasis: key('legalBasis', 'legal_basis') as string,
    source: j['source'] as string,
    createdBy: (key('createdBy', 'created_by') as string | null) ?? null,
    createdAt: new Date(key('createdAt', 'created_at') as string),
  };
}

export async function insertProcedure(ex: Executor, p: Omit<ProcedureRecord, 'currentVersionId'>): Promise<void> {
  await ex.insertInto('procedure').values({ ...p, currentVersionId: null }).execute();
}

export async function insertVersion(ex: Executor, v: ProcedureVersionRecord): Promise<void> {
  await ex
    .insertInto('procedureVersion')
    .values({ ...v, rules: toJson(v.rules), documents: toJson(v.documents), steps: toJson(v.steps) })
    .execute();
}

export async function updateProcedureRow(
  ex: Executor,
  id: string,
  patch: Partial<Pick<ProcedureRecord, 'currentVersionId' | 'fieldName' | 'fieldId' | 'active' | 'importFingerprint'>>,
): Promise<void> {
  await ex.updateTable('procedure').set(patch).where('id', '=', id).execute();
}

export async function insertImportReport(
  ex: Executor,
  r: { id: string; centreId: string; at: Date; actorId: string | null; source: string; imported: number; skipped: number; unchanged: number; warnings: ImportWarning[] },
): Promise<void> {
  await ex.insertInto('catalogueImport').values({ ...r, warnings: toJson(r.warnings) }).execute();
}

export async function listImportReports(ex: Executor, centreId: string, limit: number) {
  return ex
    .selectFrom('catalogueImport')
    .leftJoin('appUser', 'appUser.id', 'catalogueImport.actorId')
    .select([
      'catalogueImport.id',
      'catalogueImport.at',
      'catalogueImport.source',
      'catalogueImport.imported',
      'catalogueImport.skipped',
      'catalogueImport.unchanged',
      'catalogueImport.warnings',
      'appUser.fullName as actorName',
    ])
    .where('catalogueImport.centreId', '=', centreId)
    .orderBy('catalogueImport.at', 'desc')
    .limit(limit)
    .execute();
}
