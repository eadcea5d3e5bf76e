/**
 * ISO 9001 process documents per procedure: create (a draft from the procedure version in force), edit
 * the draft, issue it (lần ban hành N+1, the previous issue superseded), revise (a new draft from the
 * issue in force, with the steps of a newer procedure version when there is one), print, and the
 * internal-audit checklist. Managers without a unit and admins write; inspectors and unit heads read.
 *
 * A dossier records the issue in force when it is received (`recordProcessIssueAtReceipt`), and its page
 * and control slip name it (`processRefOfDossier`).
 */
import {
  PROCESS_ISSUE_STATUS_LABELS,
  type CreateProcessDocumentInput,
  type DossierProcessRef,
  type IssueProcessInput,
  type ProcessChecklist,
  type ProcessDocumentDetail,
  type ProcessDocumentSummary,
  type ProcessIssueView,
  type ReviseProcessInput,
  type UpdateDraftInput,
} from '../../contracts/process-documents';
import type { Lang } from '../../contracts/lang';
import { splitLegalBasis } from '../../core/catalogue/public-procedure';
import {
  committedHours,
  describeChanges,
  initialContent,
  issueDraft,
  normaliseProcessCode,
  processLabel,
  reviseContent,
  syncChecklist,
  totalAllowanceHours,
  type ProcessIssue,
} from '../../core/process-documents/process-document';
import { AppError } from '../../core/shared/app-error';
import { findProcedure, findVersion, listProceduresWithCurrent } from '../../db/repositories/catalogue.repository';
import type { Executor } from '../../db/repositories/executor';
import {
  deleteIssue,
  findDossierIssue,
  findIssueInForce,
  findProcessDocument,
  insertIssue,
  insertProcessDocument,
  listIssues,
  listProcessDocuments,
  lockProcessDocument,
  recordDossierIssue,
  updateIssue,
  type ProcessDocumentRecord,
  type ProcessIssueRecord,
} from '../../db/repositories/process-document.repository';
import { findUser } from '../../db/repositories/people.repository';
import { findCentre } from '../../db/repositories/reference.repository';
import { renderProcessDocument } from '../printing/process-document.html';
import { inTransaction, type Actor, type ServiceContext } from './context';
import { assertOversight, unitScope } from './oversight-access';

/** Admins and the centre's managers (not a unit head) keep the centre's processes. */
function assertProcessWriter(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  assertOversight(actor);
  if (actor.role === 'inspector' || unitScope(actor) !== null) throw new AppError('FORBIDDEN');
}

const ENTITY = 'process-document';

function toIssue(r: ProcessIssueRecord): ProcessIssue {
  return {
    id: r.id,
    status: r.status,
    issueNumber: r.issueNumber,
    procedureVersionId: r.procedureVersionId,
    content: r.content,
    changeNote: r.changeNote,
    issuedOn: r.issuedOn,
    approverName: r.approverName,
    approverTitle: r.approverTitle,
  };
}

/** Issues newest first: the draft, the one in force, then superseded ones by number. */
function ordered(issues: ProcessIssueRecord[]): ProcessIssueRecord[] {
  const rank = (i: ProcessIssueRecord) => (i.status === 'draft' ? Number.MAX_SAFE_INTEGER : (i.issueNumber ?? 0));
  return [...issues].sort((a, b) => rank(b) - rank(a));
}

/** The issue before this one that was issued (for a draft: the one in force). */
function previousOf(issue: ProcessIssueRecord, issues: ProcessIssueRecord[]): ProcessIssueRecord | undefined {
  const issued = issues.filter((i) => i.issueNumber !== null && i.id !== issue.id);
  const limit = issue.issueNumber ?? Number.MAX_SAFE_INTEGER;
  return issued.filter((i) => i.issueNumber! < limit).sort((a, b) => b.issueNumber! - a.issueNumber!)[0];
}

function printUrl(documentId: string, issueId: string): string {
  return `/api/v1/manage/process-documents/${documentId}/issues/${issueId}/print`;
}

async function issueView(ex: Executor, doc: ProcessDocumentRecord, issue: ProcessIssueRecord, issues: ProcessIssueRecord[], lang: Lang): Promise<ProcessIssueView> {
  const previous = previousOf(issue, issues);
  const version = await findVersion(ex, issue.procedureVersionId);
  return {
    id: issue.id,
    status: issue.status,
    statusLabel: PROCESS_ISSUE_STATUS_LABELS[issue.status][lang],
    issueNumber: issue.issueNumber,
    issuedOn: issue.issuedOn,
    approverName: issue.approverName,
    approverTitle: issue.approverTitle,
    changeNote: issue.changeNote,
    changes: previous ? describeChanges(previous.content, issue.content) : [],
    procedureVersion: version?.version ?? 0,
    content: issue.content,
    totalHours: totalAllowanceHours(issue.content.steps),
    createdAt: issue.createdAt.toISOString(),
    printUrl: printUrl(doc.id, issue.id),
  };
}

async function summariesOf(ex: Executor, centreId: string, docs: ProcessDocumentRecord[]): Promise<ProcessDocumentSummary[]> {
  const procedures = new Map((await listProceduresWithCurrent(ex, centreId)).map((p) => [p.id, p]));
  const issues = await listIssues(ex, docs.map((d) => d.id));
  return docs.map((doc) => {
    const procedure = procedures.get(doc.procedureId);
    const mine = issues.filter((i) => i.documentId === doc.id);
    const inForce = mine.find((i) => i.status === 'issued');
    return {
      id: doc.id,
      code: doc.code,
      procedureId: doc.procedureId,
      procedureCode: procedure?.code ?? '',
      procedureName: procedure?.version.name ?? '',
      fieldName: procedure?.fieldName ?? '',
      inForce: inForce ? { id: inForce.id, issueNumber: inForce.issueNumber!, issuedOn: inForce.issuedOn!, label: processLabel(doc.code, inForce.issueNumber!) } : null,
      hasDraft: mine.some((i) => i.status === 'draft'),
      procedureChanged: !!inForce && !!procedure && procedure.currentVersionId !== inForce.procedureVersionId,
    };
  });
}

export async function listProcessDocumentSummaries(ctx: ServiceContext, actor: Actor): Promise<ProcessDocumentSummary[]> {
  assertOversight(actor);
  const docs = await listProcessDocuments(ctx.db, actor.centreId);
  return summariesOf(ctx.db, actor.centreId, docs);
}

export async function getProcessDocument(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<ProcessDocumentDetail> {
  assertOversight(actor);
  const doc = await findProcessDocument(ctx.db, actor.centreId, id);
  if (!doc) throw new AppError('NOT_FOUND', { entity: ENTITY });
  const [summary] = await summariesOf(ctx.db, actor.centreId, [doc]);
  const issues = ordered(await listIssues(ctx.db, [doc.id]));
  const procedure = await findProcedure(ctx.db, actor.centreId, doc.procedureId);
  const current = procedure?.currentVersionId ? await findVersion(ctx.db, procedure.currentVersionId) : undefined;
  return {
    ...summary!,
    issues: await Promise.all(issues.map((i) => issueView(ctx.db, doc, i, issues, lang))),
    committedHours: current ? committedHours(current.rules) : null,
    procedureVersion: current?.version ?? 0,
  };
}

export async function createProcessDocument(ctx: ServiceContext, actor: Actor, input: CreateProcessDocumentInput, lang: Lang): Promise<ProcessDocumentDetail> {
  assertProcessWriter(actor);
  const code = normaliseProcessCode(input.code);
  const now = ctx.clock();
  const id = ctx.newId();
  await inTransaction(ctx, async (tx) => {
    const procedure = await findProcedure(tx, actor.centreId, input.procedureId);
    const version = procedure?.currentVersionId ? await findVersion(tx, procedure.currentVersionId) : undefined;
    if (!procedure || !version) throw new AppError('NOT_FOUND', { entity: 'procedure' });
    const taken = (await listProcessDocuments(tx, actor.centreId)).find((d) => d.code === code || d.procedureId === procedure.id);
    if (taken?.code === code) throw new AppError('ALREADY_EXISTS', { entity: 'process-code', value: code });
    if (taken) throw new AppError('ALREADY_EXISTS', { entity: 'process-of-procedure', value: procedure.code });
    const centre = await findCentre(tx, actor.centreId);
    const content = initialContent(
      {
        code: procedure.code,
        name: version.name,
        fieldName: procedure.fieldName,
        agency: version.agency,
        legalBasis: splitLegalBasis(version.legalBasis).map((l) => (l.number && !l.title.includes(l.number) ? `${l.title} ${l.number}` : l.title)),
        resultText: version.resultText,
        steps: version.steps,
      },
      centre?.name ?? '',
    );
    try {
      await insertProcessDocument(tx, { id, centreId: actor.centreId, procedureId: procedure.id, code, createdBy: actor.id, createdAt: now });
    } catch (error) {
      // Two managers creating the same process at once: the second is told, not given a server error.
      if ((error as { code?: string }).code === '23505') throw new AppError('ALREADY_EXISTS', { entity: 'process-code', value: code });
      throw error;
    }
    await insertIssue(tx, {
      id: ctx.newId(),
      documentId: id,
      issueNumber: null,
      status: 'draft',
      procedureVersionId: version.id,
      content,
      changeNote: '',
      issuedOn: null,
      approverName: null,
      approverTitle: null,
      issuedBy: null,
      issuedAt: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
  });
  return getProcessDocument(ctx, actor, id, lang);
}

async function loadForWrite(tx: Executor, actor: Actor, id: string) {
  const doc = await findProcessDocument(tx, actor.centreId, id);
  if (!doc) throw new AppError('NOT_FOUND', { entity: ENTITY });
  await lockProcessDocument(tx, id);
  const issues = await listIssues(tx, [id]);
  return { doc, issues };
}

export async function updateProcessDraft(ctx: ServiceContext, actor: Actor, id: string, input: UpdateDraftInput, lang: Lang): Promise<ProcessDocumentDetail> {
  assertProcessWriter(actor);
  await inTransaction(ctx, async (tx) => {
    const { issues } = await loadForWrite(tx, actor, id);
    const draft = issues.find((i) => i.status === 'draft');
    if (!draft) throw new AppError('VALIDATION_FAILED', { detail: 'quy trình đã ban hành không sửa trực tiếp; hãy tạo bản sửa đổi' });
    const content = { ...input.content, checklist: syncChecklist(draft.content, input.content) };
    await updateIssue(tx, draft.id, { content, changeNote: input.changeNote, updatedAt: ctx.clock() });
  });
  return getProcessDocument(ctx, actor, id, lang);
}

export async function issueProcessDocument(ctx: ServiceContext, actor: Actor, id: string, input: IssueProcessInput, lang: Lang): Promise<ProcessDocumentDetail> {
  assertProcessWriter(actor);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const { doc, issues } = await loadForWrite(tx, actor, id);
    const procedure = await findProcedure(tx, actor.centreId, doc.procedureId);
    const current = procedure?.currentVersionId ? await findVersion(tx, procedure.currentVersionId) : undefined;
    const { issued, superseded } = issueDraft(issues.map(toIssue), input, current ? committedHours(current.rules) : null);
    // The one in force steps down first: only one issue may be in force at a time.
    if (superseded) await updateIssue(tx, superseded.id, { status: 'superseded', updatedAt: now });
    await updateIssue(tx, issued.id, {
      status: 'issued',
      issueNumber: issued.issueNumber,
      issuedOn: issued.issuedOn,
      approverName: issued.approverName,
      approverTitle: issued.approverTitle,
      issuedBy: actor.id,
      issuedAt: now,
      updatedAt: now,
    });
  });
  return getProcessDocument(ctx, actor, id, lang);
}

export async function reviseProcessDocument(ctx: ServiceContext, actor: Actor, id: string, input: ReviseProcessInput, lang: Lang): Promise<ProcessDocumentDetail> {
  assertProcessWriter(actor);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const { doc, issues } = await loadForWrite(tx, actor, id);
    if (issues.some((i) => i.status === 'draft')) throw new AppError('VALIDATION_FAILED', { detail: 'quy trình đang có bản dự thảo sửa đổi' });
    const inForce = issues.find((i) => i.status === 'issued');
    if (!inForce) throw new AppError('VALIDATION_FAILED', { detail: 'quy trình chưa ban hành' });
    const procedure = await findProcedure(tx, actor.centreId, doc.procedureId);
    const current = procedure?.currentVersionId ? await findVersion(tx, procedure.currentVersionId) : undefined;
    if (!current) throw new AppError('NOT_FOUND', { entity: 'procedure' });
    const newer = current.id !== inForce.procedureVersionId ? current.steps : null;
    await insertIssue(tx, {
      id: ctx.newId(),
      documentId: doc.id,
      issueNumber: null,
      status: 'draft',
      procedureVersionId: current.id,
      content: reviseContent(inForce.content, newer),
      changeNote: input.changeNote,
      issuedOn: null,
      approverName: null,
      approverTitle: null,
      issuedBy: null,
      issuedAt: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
  });
  return getProcessDocument(ctx, actor, id, lang);
}

export async function discardProcessDraft(ctx: ServiceContext, actor: Actor, id: string, lang: Lang): Promise<ProcessDocumentDetail> {
  assertProcessWriter(actor);
  await inTransaction(ctx, async (tx) => {
    const { issues } = await loadForWrite(tx, actor, id);
    const draft = issues.find((i) => i.status === 'draft');
    if (!draft) throw new AppError('NOT_FOUND', { entity: 'process-draft' });
    if (!issues.some((i) => i.status !== 'draft')) throw new AppError('VALIDATION_FAILED', { detail: 'bản dự thảo đầu tiên không bỏ được; quy trình cần ít nhất một bản' });
    await deleteIssue(tx, draft.id);
  });
  return getProcessDocument(ctx, actor, id, lang);
}

/** The checklist of the issue in force, for an internal-audit round to copy. */
export async function getProcessChecklist(ctx: ServiceContext, actor: Actor, id: string): Promise<ProcessChecklist> {
  assertOversight(actor);
  const doc = await findProcessDocument(ctx.db, actor.centreId, id);
  if (!doc) throw new AppError('NOT_FOUND', { entity: ENTITY });
  const inForce = (await listIssues(ctx.db, [id])).find((i) => i.status === 'issued');
  if (!inForce) throw new AppError('VALIDATION_FAILED', { detail: 'quy trình chưa ban hành' });
  return { processDocumentId: doc.id, issueId: inForce.id, label: processLabel(doc.code, inForce.issueNumber!), questions: inForce.content.checklist };
}

/** One issue as a printable page (or a Word document). */
export async function renderProcessIssue(ctx: ServiceContext, actor: Actor, id: string, issueId: string, forWord: boolean): Promise<{ html: string; fileName: string }> {
  assertOversight(actor);
  const doc = await findProcessDocument(ctx.db, actor.centreId, id);
  const issues = doc ? await listIssues(ctx.db, [doc.id]) : [];
  const issue = issues.find((i) => i.id === issueId);
  if (!doc || !issue) throw new AppError('NOT_FOUND', { entity: ENTITY });
  const [centre, hall, version, procedure, author] = await Promise.all([
    findCentre(ctx.db, actor.centreId),
    ctx.hall.get(ctx.db, actor.centreId),
    findVersion(ctx.db, issue.procedureVersionId),
    findProcedure(ctx.db, actor.centreId, doc.procedureId),
    issue.createdBy ? findUser(ctx.db, issue.createdBy) : Promise.resolve(undefined),
  ]);
  const issued = issues
    .filter((i) => i.issueNumber !== null && (issue.issueNumber === null || i.issueNumber <= issue.issueNumber))
    .sort((a, b) => a.issueNumber! - b.issueNumber!);
  const history = issued.map((i) => {
    const previous = previousOf(i, issues);
    return { issueNumber: i.issueNumber!, issuedOn: i.issuedOn!, changes: previous ? [...describeChanges(previous.content, i.content), ...(i.changeNote ? [i.changeNote] : [])] : [] };
  });
  const html = renderProcessDocument({
    centre: { name: centre?.name ?? '', parentAgency: hall.settings.parentAgencyName },
    code: doc.code,
    status: issue.status,
    issueNumber: issue.issueNumber,
    issuedOn: issue.issuedOn,
    approverName: issue.approverName,
    approverTitle: issue.approverTitle,
    preparedBy: author?.fullName ?? null,
    content: issue.content,
    procedure: {
      code: procedure?.code ?? '',
      name: version?.name ?? '',
      rules: version?.rules ?? [],
      documents: version?.documents ?? [],
      resultText: version?.resultText ?? '',
    },
    history,
    forWord,
  });
  const suffix = issue.issueNumber === null ? 'du-thao' : `lan-${issue.issueNumber}`;
  return { html, fileName: `${doc.code}-${suffix}.doc` };
}

// --- dossiers ------------------------------------------------------------------------------------

/** At receipt: the dossier follows the issue in force for its procedure, if the procedure has one. */
export async function recordProcessIssueAtReceipt(ex: Executor, dossierId: string, procedureId: string, at: Date): Promise<void> {
  const inForce = await findIssueInForce(ex, procedureId);
  if (inForce) await recordDossierIssue(ex, dossierId, inForce.issueId, at);
}

/** What a dossier's page and control slip name: "Quy trình QT-HT-01, lần ban hành 2". */
export async function processRefOfDossier(ex: Executor, dossierId: string): Promise<DossierProcessRef | null> {
  const ref = await findDossierIssue(ex, dossierId);
  return ref ? { documentId: ref.documentId, issueId: ref.issueId, code: ref.code, issueNumber: ref.issueNumber, label: processLabel(ref.code, ref.issueNumber) } : null;
}
