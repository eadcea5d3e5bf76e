/**
 * Process documents, their issues, and the issue a dossier was received under. An issue that is in
 * force or superseded is only ever updated to change its status; its content is written once.
 */
import type { ProcessContent } from '../../core/process-documents/process-document';
import type { ProcessIssueStatus } from '../../contracts/process-documents';
import type { Executor } from './executor';
import { toJson } from './executor';

export interface ProcessDocumentRecord {
  id: string;
  centreId: string;
  procedureId: string;
  code: string;
  createdAt: Date;
}

export interface ProcessIssueRecord {
  id: string;
  documentId: string;
  issueNumber: number | null;
  status: ProcessIssueStatus;
  procedureVersionId: string;
  content: ProcessContent;
  changeNote: string;
  issuedOn: string | null;
  approverName: string | null;
  approverTitle: string | null;
  issuedBy: string | null;
  issuedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export async function insertProcessDocument(ex: Executor, doc: ProcessDocumentRecord & { createdBy: string | null }): Promise<void> {
  await ex.insertInto('processDocument').values(doc).execute();
}

export async function findProcessDocument(ex: Executor, centreId: string, id: string): Promise<ProcessDocumentRecord | undefined> {
  return ex
    .selectFrom('processDocument')
    .select(['id', 'centreId', 'procedureId', 'code', 'createdAt'])
    .where('centreId', '=', centreId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findProcessDocumentByProcedure(ex: Executor, procedureId: string): Promise<ProcessDocumentRecord | undefined> {
  return ex.selectFrom('processDocument').select(['id', 'centreId', 'procedureId', 'code', 'createdAt']).where('procedureId', '=', procedureId).executeTakeFirst();
}

export async function listProcessDocuments(ex: Executor, centreId: string): Promise<ProcessDocumentRecord[]> {
  return ex.selectFrom('processDocument').select(['id', 'centreId', 'procedureId', 'code', 'createdAt']).where('centreId', '=', centreId).orderBy('code').execute();
}

/** Locks the document row so two issues of the same draft cannot interleave. */
export async function lockProcessDocument(ex: Executor, id: string): Promise<void> {
  await ex.selectFrom('processDocument').select('id').where('id', '=', id).forUpdate().execute();
}

export async function listIssues(ex: Executor, documentIds: string[]): Promise<ProcessIssueRecord[]> {
  if (documentIds.length === 0) return [];
  const rows = await ex
    .selectFrom('processDocumentIssue')
    .selectAll()
    .where('documentId', 'in', documentIds)
    .orderBy('documentId')
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, content: parse<ProcessContent>(r.content) }));
}

export async function findIssue(ex: Executor, id: string): Promise<ProcessIssueRecord | undefined> {
  const row = await ex.selectFrom('processDocumentIssue').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, content: parse<ProcessContent>(row.content) } : undefined;
}

export async function insertIssue(ex: Executor, issue: ProcessIssueRecord): Promise<void> {
  await ex
    .insertInto('processDocumentIssue')
    .values({ ...issue, content: toJson(issue.content) })
    .execute();
}

export async function updateIssue(
  ex: Executor,
  id: string,
  changes: Partial<Omit<ProcessIssueRecord, 'id' | 'documentId' | 'content'>> & { content?: ProcessContent },
): Promise<void> {
  const { content, ...rest } = changes;
  await ex
    .updateTable('processDocumentIssue')
    .set({ ...rest, ...(content ? { content: toJson(content) } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function deleteIssue(ex: Executor, id: string): Promise<void> {
  await ex.deleteFrom('processDocumentIssue').where('id', '=', id).where('status', '=', 'draft').execute();
}

/** The issue in force for a procedure, with its document's code. */
export async function findIssueInForce(ex: Executor, procedureId: string): Promise<{ issueId: string; documentId: string; code: string; issueNumber: number } | undefined> {
  const row = await ex
    .selectFrom('processDocumentIssue as i')
    .innerJoin('processDocument as d', 'd.id', 'i.documentId')
    .select(['i.id as issueId', 'd.id as documentId', 'd.code', 'i.issueNumber'])
    .where('d.procedureId', '=', procedureId)
    .where('i.status', '=', 'issued')
    .executeTakeFirst();
  return row && row.issueNumber !== null ? { ...row, issueNumber: row.issueNumber } : undefined;
}

/** Records (or, on a later receipt of the same dossier, replaces) the issue a dossier follows. */
export async function recordDossierIssue(ex: Executor, dossierId: string, issueId: string, at: Date): Promise<void> {
  await ex
    .insertInto('dossierProcessDocument')
    .values({ dossierId, issueId, recordedAt: at })
    .onConflict((oc) => oc.column('dossierId').doUpdateSet({ issueId, recordedAt: at }))
    .execute();
}

export async function findDossierIssue(ex: Executor, dossierId: string): Promise<{ issueId: string; documentId: string; code: string; issueNumber: number } | undefined> {
  const row = await ex
    .selectFrom('dossierProcessDocument as l')
    .innerJoin('processDocumentIssue as i', 'i.id', 'l.issueId')
    .innerJoin('processDocument as d', 'd.id', 'i.documentId')
    .select(['i.id as issueId', 'd.id as documentId', 'd.code', 'i.issueNumber'])
    .where('l.dossierId', '=', dossierId)
    .executeTakeFirst();
  return row && row.issueNumber !== null ? { ...row, issueNumber: row.issueNumber } : undefined;
}

export async function countDossiersOfIssue(ex: Executor, issueId: string): Promise<number> {
  const row = await ex
    .selectFrom('dossierProcessDocument')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('issueId', '=', issueId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
