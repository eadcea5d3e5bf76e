/**
 * Face templates, consents, remembered citizens and the audit of every template access and every
 * 1:N search. Templates are stored sealed (encrypted by the server before they reach this module)
 * and leave it only towards the matching index or a 1:1 check; each read is written to face_audit
 * here, so no caller can read a template without it being recorded. Functions that delete rows
 * return the ids, because the caller must destroy their keys in the same transaction.
 */
import { sql, type Insertable } from 'kysely';
import type { FaceSearchKind } from '../../contracts/face';
import type { ConsentTable, FaceAuditTable, FaceTemplateTable } from '../schema';
import type { Executor } from './executor';

export type AuditActor = { actorKind: FaceAuditTable['actorKind']; actorId: string | null };

export interface StoredTemplate {
  id: string;
  centreId: string;
  kind: 'walk-in' | 'remembered';
  ticketId: string | null;
  citizenId: string | null;
  fieldId: string | null;
  serviceDay: string | null;
  model: string;
  template: Uint8Array;
}

const TEMPLATE_COLUMNS = [
  'id',
  'centreId',
  'kind',
  'ticketId',
  'citizenId',
  'fieldId',
  'serviceDay',
  'model',
  'template',
] as const;

async function audit(
  ex: Executor,
  entry: Omit<Insertable<FaceAuditTable>, 'id'>,
): Promise<void> {
  await ex.insertInto('faceAudit').values(entry).execute();
}

export async function insertConsent(ex: Executor, consent: Insertable<ConsentTable>): Promise<void> {
  await ex.insertInto('consent').values(consent).execute();
}

export async function insertCitizen(
  ex: Executor,
  citizen: { id: string; centreId: string; phoneHintHash: string | null; createdAt: Date },
): Promise<void> {
  await ex.insertInto('citizen').values({ ...citizen, withdrawnAt: null }).execute();
}

export async function findCitizen(ex: Executor, id: string) {
  return ex.selectFrom('citizen').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTemplate(
  ex: Executor,
  template: Insertable<FaceTemplateTable>,
  actor: AuditActor,
  purpose: string,
): Promise<void> {
  await ex.insertInto('faceTemplate').values(template).execute();
  await audit(ex, {
    centreId: template.centreId,
    at: template.createdAt,
    action: 'create',
    templateId: template.id,
    templates: 1,
    purpose,
    ...actor,
  });
}

/** Every template of a centre (or all centres), to build an instance's matching index. */
export async function readTemplatesForIndex(
  ex: Executor,
  at: Date,
  purpose: string,
): Promise<StoredTemplate[]> {
  const rows = await ex.selectFrom('faceTemplate').select(TEMPLATE_COLUMNS).execute();
  await auditBulkRead(ex, rows, at, purpose);
  return rows;
}

/** Where a template belongs, without its bytes. */
export type TemplateRef = Omit<StoredTemplate, 'template'>;

/**
 * Every template's place (no template bytes), to reconcile a matching index loaded from its
 * snapshot with the database. Not audited: nothing biometric is read.
 */
export async function listTemplateRefs(ex: Executor): Promise<TemplateRef[]> {
  return ex.selectFrom('faceTemplate').select(['id', 'centreId', 'kind', 'ticketId', 'citizenId', 'fieldId', 'serviceDay', 'model']).execute();
}

/** The given templates (those a snapshot of the index lacks), audited as one read per centre. */
export async function readTemplatesByIds(ex: Executor, ids: readonly string[], at: Date, purpose: string): Promise<StoredTemplate[]> {
  const rows: StoredTemplate[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    rows.push(...(await ex.selectFrom('faceTemplate').select(TEMPLATE_COLUMNS).where('id', 'in', ids.slice(i, i + 1000)).execute()));
  }
  await auditBulkRead(ex, rows, at, purpose);
  return rows;
}

/**
 * Records that the templates of `rows` were read by the system (e.g. from the index's own sealed
 * snapshot), one audit entry per centre.
 */
export async function auditBulkRead(ex: Executor, rows: readonly { centreId: string }[], at: Date, purpose: string): Promise<void> {
  const byCentre = new Map<string, number>();
  for (const r of rows) byCentre.set(r.centreId, (byCentre.get(r.centreId) ?? 0) + 1);
  for (const [centreId, count] of byCentre) {
    await audit(ex, { centreId, at, action: 'read', templateId: null, templates: count, purpose, actorKind: 'system', actorId: null });
  }
}

/** One template, read by `actor` (the officer at a counter check; the system for the index). */
export async function readTemplate(
  ex: Executor,
  id: string,
  at: Date,
  purpose: string,
  actor: AuditActor,
): Promise<StoredTemplate | undefined> {
  const row = await ex.selectFrom('faceTemplate').select(TEMPLATE_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (row) {
    await audit(ex, { centreId: row.centreId, at, action: 'read', templateId: row.id, templates: 1, purpose, ...actor });
  }
  return row;
}

/** Records one 1:N search: who asked, which search, its outcome and how many templates it covered. */
export async function recordSearch(
  ex: Executor,
  search: {
    centreId: string;
    at: Date;
    kind: FaceSearchKind;
    outcome: 'match' | 'no-match' | 'ambiguous';
    reused: boolean | null;
    templates: number;
    purpose: string;
  },
  actor: AuditActor,
): Promise<void> {
  await audit(ex, {
    centreId: search.centreId,
    at: search.at,
    action: 'search',
    templateId: null,
    templates: search.templates,
    purpose: search.purpose,
    searchKind: search.kind,
    outcome: search.outcome,
    reused: search.reused,
    ...actor,
  });
}

/**
 * Deletes given templates (rows whose key was already destroyed, found after a restore); audited
 * as a purge per centre.
 */
export async function deleteTemplates(
  ex: Executor,
  ids: readonly string[],
  now: Date,
  purpose: string,
): Promise<{ id: string; centreId: string }[]> {
  if (ids.length === 0) return [];
  const deleted = await ex.deleteFrom('faceTemplate').where('id', 'in', ids).returning(['id', 'centreId']).execute();
  const byCentre = new Map<string, number>();
  for (const d of deleted) byCentre.set(d.centreId, (byCentre.get(d.centreId) ?? 0) + 1);
  for (const [centreId, count] of byCentre) {
    await audit(ex, { centreId, at: now, action: 'purge', templateId: null, templates: count, purpose, actorKind: 'system', actorId: null });
  }
  return deleted;
}

/** The ids (no template bytes) of sealed templates, to check each against the key store at start. */
export async function listSealedTemplateIds(ex: Executor, sealedFirstByte: number): Promise<string[]> {
  const rows = await ex.selectFrom('faceTemplate').select('id').where(sql<boolean>`get_byte(template, 0) = ${sealedFirstByte}`).execute();
  return rows.map((r) => r.id);
}

/**
 * Up to `limit` templates (ids after `after`, in id order) whose stored bytes do not begin with
 * `sealedFirstByte` (stored before encryption), locked so that two instances starting together do
 * not both take them. Read to be sealed, and audited as such by `sealTemplate`.
 */
export async function lockUnsealedTemplates(
  ex: Executor,
  sealedFirstByte: number,
  limit: number,
  after: string,
): Promise<{ id: string; centreId: string; template: Uint8Array }[]> {
  let query = ex
    .selectFrom('faceTemplate')
    .select(['id', 'centreId', 'template'])
    .where(sql<boolean>`get_byte(template, 0) <> ${sealedFirstByte}`);
  if (after) query = query.where('id', '>', after);
  return query
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Rewrites the template table's files, leaving out dead row versions (not in a transaction). */
export async function rewriteTemplateTable(ex: Executor): Promise<void> {
  await sql`vacuum full face_template`.execute(ex);
}

/** Replaces a template stored before encryption by its sealed form (audited as 'seal'). */
export async function sealTemplate(ex: Executor, id: string, centreId: string, sealed: Uint8Array, at: Date, purpose: string): Promise<void> {
  await ex.updateTable('faceTemplate').set({ template: sealed }).where('id', '=', id).execute();
  await audit(ex, { centreId, at, action: 'seal', templateId: id, templates: 1, purpose, actorKind: 'system', actorId: null });
}

/** Deletes templates whose retention has ended; returns what was deleted, per centre. */
export async function purgeExpiredTemplates(ex: Executor, now: Date): Promise<{ id: string; centreId: string }[]> {
  const deleted = await ex
    .deleteFrom('faceTemplate')
    .where('expiresAt', '<=', now)
    .returning(['id', 'centreId'])
    .execute();
  const byCentre = new Map<string, number>();
  for (const d of deleted) byCentre.set(d.centreId, (byCentre.get(d.centreId) ?? 0) + 1);
  for (const [centreId, count] of byCentre) {
    await audit(ex, {
      centreId,
      at: now,
      action: 'purge',
      templateId: null,
      templates: count,
      purpose: 'retention ended',
      actorKind: 'system',
      actorId: null,
    });
  }
  return deleted;
}

/**
 * Erases a remembered citizen: their templates are deleted, their consent marked withdrawn, and the
 * citizen row keeps only the fact that it was withdrawn (no template, no phone hint).
 */
export async function eraseCitizen(
  ex: Executor,
  citizenId: string,
  centreId: string,
  now: Date,
  actor: AuditActor,
): Promise<string[]> {
  const deleted = await ex.deleteFrom('faceTemplate').where('citizenId', '=', citizenId).returning('id').execute();
  await ex.updateTable('citizen').set({ withdrawnAt: now, phoneHintHash: null }).where('id', '=', citizenId).execute();
  await ex.updateTable('consent').set({ withdrawnAt: now }).where('citizenId', '=', citizenId).where('withdrawnAt', 'is', null).execute();
  for (const d of deleted) {
    await audit(ex, { centreId, at: now, action: 'erase', templateId: d.id, templates: 1, purpose: 'erasure at the citizen\'s request', ...actor });
  }
  return deleted.map((d) => d.id);
}

/** Deletes the walk-in templates bound to given tickets (erasure of today's data). */
export async function deleteTicketTemplates(
  ex: Executor,
  ticketIds: readonly string[],
  centreId: string,
  now: Date,
  actor: AuditActor,
  purpose: string,
): Promise<string[]> {
  if (ticketIds.length === 0) return [];
  const deleted = await ex.deleteFrom('faceTemplate').where('ticketId', 'in', ticketIds).returning('id').execute();
  for (const d of deleted) {
    await audit(ex, { centreId, at: now, action: 'delete', templateId: d.id, templates: 1, purpose, ...actor });
  }
  return deleted.map((d) => d.id);
}

/**
 * Deletes every template of one recognition model at a centre (the model is no longer used, so
 * they can never match again); audited as one deletion of that many templates. Returns what was
 * deleted, so the caller can tell other instances.
 */
export async function deleteModelTemplates(
  ex: Executor,
  centreId: string,
  model: string,
  now: Date,
  actor: AuditActor,
  purpose: string,
): Promise<{ id: string; kind: 'walk-in' | 'remembered' }[]> {
  const deleted = await ex
    .deleteFrom('faceTemplate')
    .where('centreId', '=', centreId)
    .where('model', '=', model)
    .returning(['id', 'kind'])
    .execute();
  if (deleted.length > 0) {
    await audit(ex, { centreId, at: now, action: 'delete', templateId: null, templates: deleted.length, purpose, ...actor });
  }
  return deleted;
}

/**
 * Remembered citizens of a centre who no longer have any template cannot be recognised, so their
 * second factor (the hash of their phone's last digits) serves nothing any more: it is cleared, and
 * any pending recognition of them dropped. Their consent stays on record as given. Set-based, so a
 * province's worth of citizens needs no list of ids.
 */
export async function forgetCitizensWithoutTemplates(ex: Executor, centreId: string): Promise<number> {
  const cleared = await ex
    .updateTable('citizen')
    .set({ phoneHintHash: null })
    .where('centreId', '=', centreId)
    .where('phoneHintHash', 'is not', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('faceTemplate').select('faceTemplate.id').whereRef('faceTemplate.citizenId', '=', 'citizen.id'))))
    .executeTakeFirst();
  await ex
    .deleteFrom('faceCandidate')
    .where('centreId', '=', centreId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('faceTemplate').select('faceTemplate.id').whereRef('faceTemplate.citizenId', '=', 'faceCandidate.citizenId'))))
    .execute();
  return Number(cleared.numUpdatedRows);
}

export interface HeldSummary {
  kind: 'walk-in' | 'remembered';
  count: number;
  oldest: Date | null;
  newest: Date | null;
  nextExpiry: Date | null;
}

export async function summariseHeldTemplates(ex: Executor, centreId: string): Promise<HeldSummary[]> {
  const rows = await ex
    .selectFrom('faceTemplate')
    .select((eb) => [
      'kind',
      eb.fn.countAll<number>().as('count'),
      eb.fn.min('createdAt').as('oldest'),
      eb.fn.max('createdAt').as('newest'),
      eb.fn.min('expiresAt').as('nextExpiry'),
    ])
    .where('centreId', '=', centreId)
    .groupBy('kind')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    count: Number(r.count),
    oldest: r.oldest ? new Date(r.oldest) : null,
    newest: r.newest ? new Date(r.newest) : null,
    nextExpiry: r.nextExpiry ? new Date(r.nextExpiry) : null,
  }));
}

export async function countConsents(ex: Executor, centreId: string, since: Date) {
  const rows = await ex
    .selectFrom('consent')
    .select((eb) => ['scope', eb.fn.countAll<number>().as('count')])
    .where('centreId', '=', centreId)
    .where('givenAt', '>=', since)
    .groupBy('scope')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.scope, Number(r.count)])) as Partial<Record<'declined' | 'today' | 'remember', number>>;
}

export async function summariseAudit(ex: Executor, centreId: string, since: Date) {
  const rows = await ex
    .selectFrom('faceAudit')
    .select((eb) => ['action', eb.fn.countAll<number>().as('entries'), eb.fn.sum<number>('templates').as('templates')])
    .where('centreId', '=', centreId)
    .where('at', '>=', since)
    .groupBy('action')
    .execute();
  return rows.map((r) => ({ action: r.action, entries: Number(r.entries), templates: Number(r.templates) }));
}

/** Templates held per recognition model and kind (a model change leaves the old model's behind). */
export async function countTemplatesByModel(ex: Executor, centreId: string): Promise<{ model: string; kind: 'walk-in' | 'remembered'; count: number }[]> {
  const rows = await ex
    .selectFrom('faceTemplate')
    .select((eb) => ['model', 'kind', eb.fn.countAll<number>().as('count')])
    .where('centreId', '=', centreId)
    .groupBy(['model', 'kind'])
    .execute();
  return rows.map((r) => ({ model: r.model, kind: r.kind, count: Number(r.count) }));
}

/** 1:N searches by kind and outcome (and, for walk-ins, whether the number was given back). */
export async function summariseSearches(ex: Executor, centreId: string, since: Date) {
  const rows = await ex
    .selectFrom('faceAudit')
    .select((eb) => ['searchKind', 'outcome', 'reused', eb.fn.countAll<number>().as('searches'), eb.fn.sum<number>('templates').as('templates')])
    .where('centreId', '=', centreId)
    .where('at', '>=', since)
    .where('action', '=', 'search')
    .groupBy(['searchKind', 'outcome', 'reused'])
    .execute();
  return rows.map((r) => ({
    kind: r.searchKind!,
    outcome: r.outcome!,
    reused: r.reused,
    searches: Number(r.searches),
    templates: Number(r.templates),
  }));
}
