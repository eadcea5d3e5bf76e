/**
 * The procedure catalogue: importing national records or a manager's spreadsheet, listing, and
 * editing. Every change that alters a procedure adds a version; dossiers keep the version they were
 * received under, so an edit never moves an appointment already given.
 */
import { MATCH_TIERS, searchProcedures } from '../../core/catalogue/catalogue-search';
import { foldVietnamese } from '../../core/shared/fold-text';
import type { CatalogueImportRecord, ImportReport, ProcedureDetail, ProcedureSummary, ProcedureUpdate, ProcedureVersion } from '../../contracts/dossier';
import { defaultSteps } from '../../core/catalogue/default-steps';
import { draftFingerprint } from '../../core/catalogue/draft-fingerprint';
import type { ImportWarning, ProcedureDraft } from '../../core/catalogue/procedure';
import { AppError } from '../../core/shared/app-error';
import {
  findProcedure,
  findVersion,
  insertProcedure,
  insertImportReport,
  insertVersion,
  listImportReports,
  listProceduresByCode,
  listProceduresWithCurrent,
  listVersionHeads,
  updateProcedureRow,
  type ProcedureListRow,
  type ProcedureVersionRecord,
} from '../../db/repositories/catalogue.repository';
import { listFields } from '../../db/repositories/reference.repository';
import { inTransaction, type Actor, type ServiceContext, type Tx } from './context';
import { assertManager } from './manage-reference';

/** The queue field whose name shares the most words with the catalogue's field name. */
function matchQueueField(fieldName: string, fields: { id: string; nameVi: string }[]): string | null {
  const words = new Set(foldVietnamese(fieldName).split(/[^a-z0-9]+/).filter((w) => w.length > 1));
  let best: { id: string; score: number } | null = null;
  for (const f of fields) {
    const fieldWords = foldVietnamese(f.nameVi).split(/[^a-z0-9]+/).filter((w) => w.length > 1);
    const shared = fieldWords.filter((w) => words.has(w)).length;
    const score = shared / Math.max(1, words.size);
    if (shared > 0 && score >= 0.5 && (!best || score > best.score)) best = { id: f.id, score };
  }
  return best?.id ?? null;
}

/**
 * Saves parsed drafts. A procedure whose source record is unchanged (same fingerprint) is left alone,
 * so a second import of the same files reports `imported: 0`. A changed record adds a version; what
 * the manager set by hand (committed times, internal steps) carries over to it. Imported versions
 * have no author (the import's record names who imported); edited ones name the manager.
 */
export async function importCatalogue(
  ctx: ServiceContext,
  centreId: string,
  actorId: string | null,
  parsed: { drafts: ProcedureDraft[]; warnings: ImportWarning[] },
  source = '',
): Promise<ImportReport> {
  const now = ctx.clock();
  let imported = 0;
  let unchanged = 0;
  await inTransaction(ctx, async (tx) => {
    const existing = await listProceduresByCode(tx, centreId);
    const fields = await listFields(tx, centreId);
    for (const draft of parsed.drafts) {
      const fingerprint = draftFingerprint(draft);
      const current = existing.get(draft.code);
      if (current && current.importFingerprint === fingerprint) {
        unchanged += 1;
        continue;
      }
      const versionId = ctx.newId();
      if (!current) {
        const id = ctx.newId();
        await insertProcedure(tx, {
          id,
          centreId,
          code: draft.code,
          fieldName: draft.fieldName,
          fieldId: matchQueueField(draft.fieldName, fields),
          active: true,
          importFingerprint: fingerprint,
          createdAt: now,
        });
        await insertVersion(tx, versionFromDraft(versionId, id, 1, draft, null, now));
        await updateProcedureRow(tx, id, { currentVersionId: versionId });
        existing.set(draft.code, { id, centreId, code: draft.code, fieldName: draft.fieldName, fieldId: null, currentVersionId: versionId, active: true, importFingerprint: fingerprint, createdAt: now });
      } else {
        const previous = current.currentVersionId ? await findVersion(tx, current.currentVersionId) : undefined;
        const heads = await listVersionHeads(tx, current.id);
        const next = versionFromDraft(versionId, current.id, (heads[0]?.version ?? 0) + 1, draft, null, now);
        if (previous) keepManagerChoices(next, previous);
        await insertVersion(tx, next);
        await updateProcedureRow(tx, current.id, { currentVersionId: versionId, importFingerprint: fingerprint });
      }
      imported += 1;
    }
    const skipped = parsed.warnings.filter((w) => w.skipped).length;
    await insertImportReport(tx, { id: ctx.newId(), centreId, at: now, actorId, source, imported, skipped, unchanged, warnings: parsed.warnings });
  });
  return { imported, skipped: parsed.warnings.filter((w) => w.skipped).length, unchanged, warnings: parsed.warnings };
}

function versionFromDraft(id: string, procedureId: string, version: number, d: ProcedureDraft, createdBy: string | null, at: Date): ProcedureVersionRecord {
  return {
    id,
    procedureId,
    version,
    name: d.name,
    decision: d.decision,
    level: d.level,
    agency: d.agency,
    rules: d.rules,
    documents: d.documents,
    steps: d.steps,
    cutoff: d.cutoff,
    resultText: d.resultText,
    legalBasis: d.legalBasis,
    source: d.source,
    createdBy,
    createdAt: at,
  };
}

/**
 * A re-imported record keeps what only the centre decides: its shortened (committed) times, which no
 * source record carries, and its own internal process when it replaced the default steps.
 */
function keepManagerChoices(next: ProcedureVersionRecord, previous: ProcedureVersionRecord): void {
  next.rules = next.rules.map((rule) => {
    const before = previous.rules.find((r) => r.channel === rule.channel);
    return before?.committedAmount != null ? { ...rule, committedAmount: before.committedAmount } : rule;
  });
  if (hasOwnSteps(previous)) next.steps = previous.steps;
}

function hasOwnSteps(version: ProcedureVersionRecord): boolean {
  const rule = version.rules.find((r) => r.channel === 'direct') ?? version.rules.find((r) => r.amount != null);
  if (!rule || (!((rule.amount ?? 0) > 0) && rule.unit !== 'same-day')) return version.steps.length > 0;
  const defaults = defaultSteps({ amount: rule.amount ?? 1, unit: rule.unit });
  return JSON.stringify(defaults) !== JSON.stringify(version.steps);
}

export function versionView(v: ProcedureVersionRecord): ProcedureVersion {
  return {
    id: v.id,
    version: v.version,
    name: v.name,
    decision: v.decision,
    level: v.level,
    agency: v.agency,
    rules: v.rules.map((r) => ({ ...r, committedAmount: r.committedAmount ?? null })),
    documents: v.documents,
    steps: v.steps,
    cutoff: v.cutoff,
    resultText: v.resultText,
    legalBasis: v.legalBasis,
    source: v.source,
    createdAt: v.createdAt.toISOString(),
  };
}

export async function listProcedures(
  ctx: ServiceContext,
  actor: Actor,
  query: { q?: string | undefined; fieldId?: string | undefined; activeOnly?: boolean },
): Promise<ProcedureSummary[]> {
  const rows = (await listProceduresWithCurrent(ctx.db, actor.centreId)).filter((r) => !query.activeOnly || r.active);
  // The ticket's own field first: an officer at the civil-status counter sees civil-status procedures on top.
  const own = (r: ProcedureListRow) => (query.fieldId && r.fieldId === query.fieldId ? 0 : 1);
  // Found the way the public catalogue finds them: the everyday procedure ("Thủ tục đăng ký khai sinh") above
  // its foreign and border variants however the officer types it; the own field first within a match tier.
  const ranked = query.q?.trim()
    ? searchProcedures(
        rows.map((row) => ({ row, code: row.code, name: row.version.name, fieldName: row.fieldName })),
        query.q,
      ).map((hit, i) => ({ row: hit.item.row, tier: MATCH_TIERS[hit.tier], i }))
    : rows.map((row, i) => ({ row, tier: 0, i }));
  const ordered = ranked.sort((a, b) => a.tier - b.tier || own(a.row) - own(b.row) || a.i - b.i).map((h) => h.row);
  return ordered.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.version.name,
    fieldName: r.fieldName,
    fieldId: r.fieldId,
    active: r.active,
    version: r.version.version,
    rules: r.version.rules.map((rule) => ({ ...rule, committedAmount: rule.committedAmount ?? null })),
    cutoff: r.version.cutoff,
    documents: r.version.documents.length,
  }));
}

export async function getProcedure(ctx: ServiceContext, actor: Actor, id: string): Promise<ProcedureDetail> {
  const procedure = await findProcedure(ctx.db, actor.centreId, id);
  const current = procedure?.currentVersionId ? await findVersion(ctx.db, procedure.currentVersionId) : undefined;
  if (!procedure || !current) throw new AppError('NOT_FOUND', { entity: 'procedure' });
  const heads = await listVersionHeads(ctx.db, id);
  return {
    id: procedure.id,
    code: procedure.code,
    fieldName: procedure.fieldName,
    fieldId: procedure.fieldId,
    active: procedure.active,
    current: versionView(current),
    versions: heads.map((h) => ({ id: h.id, version: h.version, createdAt: h.createdAt.toISOString() })),
  };
}

/** A manager's edit becomes the next version; nothing already received changes. */
export async function updateProcedure(ctx: ServiceContext, actor: Actor, id: string, input: ProcedureUpdate): Promise<ProcedureDetail> {
  assertManager(actor);
  const channels = new Set(input.rules.map((r) => r.channel));
  if (channels.size !== input.rules.length) {
    throw new AppError('VALIDATION_FAILED', { detail: 'mỗi hình thức nộp (trực tiếp, trực tuyến, bưu chính) chỉ có một thời hạn' });
  }
  for (const rule of input.rules) {
    if (rule.amount == null && rule.unit !== 'same-day') {
      throw new AppError('VALIDATION_FAILED', { detail: `thời hạn giải quyết (${rule.channel}) chưa có số ngày/giờ` });
    }
    if (rule.committedAmount != null && rule.amount != null && rule.committedAmount > rule.amount) {
      throw new AppError('VALIDATION_FAILED', { detail: `thời hạn cam kết (${rule.channel}) không được dài hơn thời hạn theo quy định` });
    }
  }
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const procedure = await findProcedure(tx, actor.centreId, id);
    const current = procedure?.currentVersionId ? await findVersion(tx, procedure.currentVersionId) : undefined;
    if (!procedure || !current) throw new AppError('NOT_FOUND', { entity: 'procedure' });
    const heads = await listVersionHeads(tx, id);
    const versionId = ctx.newId();
    await insertVersion(tx, {
      ...current,
      id: versionId,
      version: (heads[0]?.version ?? 0) + 1,
      name: input.name,
      rules: input.rules.map((r) => ({ ...r, committedAmount: r.committedAmount ?? null })),
      documents: input.documents,
      steps: input.steps,
      cutoff: input.cutoff,
      createdBy: actor.id,
      createdAt: now,
    });
    await updateProcedureRow(tx, id, { currentVersionId: versionId, fieldName: input.fieldName, fieldId: input.fieldId, active: input.active });
  });
  return getProcedure(ctx, actor, id);
}

/**
 * The next version of a procedure with some of its content changed, in the caller's transaction: how a
 * decision taken elsewhere (an adopted procedure review) changes the catalogue. Nothing received before
 * changes; the version names the person who recorded the decision.
 */
export async function addProcedureVersion(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  procedureId: string,
  change: (current: ProcedureVersionRecord) => Partial<Pick<ProcedureVersionRecord, 'rules' | 'steps' | 'documents'>>,
): Promise<ProcedureVersionRecord> {
  const procedure = await findProcedure(tx, actor.centreId, procedureId);
  const current = procedure?.currentVersionId ? await findVersion(tx, procedure.currentVersionId) : undefined;
  if (!procedure || !current) throw new AppError('NOT_FOUND', { entity: 'procedure' });
  const heads = await listVersionHeads(tx, procedureId);
  const next: ProcedureVersionRecord = {
    ...current,
    ...change(current),
    id: ctx.newId(),
    version: (heads[0]?.version ?? 0) + 1,
    createdBy: actor.kind === 'user' ? actor.id : null,
    createdAt: ctx.clock(),
  };
  await insertVersion(tx, next);
  await updateProcedureRow(tx, procedureId, { currentVersionId: next.id });
  return next;
}

/** The latest imports with their reports, newest first: what was skipped and why stays reviewable. */
export async function listCatalogueImports(ctx: ServiceContext, actor: Actor): Promise<CatalogueImportRecord[]> {
  assertManager(actor);
  const rows = await listImportReports(ctx.db, actor.centreId, 10);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    source: r.source,
    actorName: r.actorName,
    imported: r.imported,
    skipped: r.skipped,
    unchanged: r.unchanged,
    warnings: r.warnings,
  }));
}
