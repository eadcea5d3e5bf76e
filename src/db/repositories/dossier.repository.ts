/**
 * Dossiers. The whole domain state is one JSON document (`state`); the columns beside it copy what
 * lists, filters and reports query, and are rewritten from the state on every save.
 */
import { sql } from 'kysely';
import type { Dossier } from '../../core/dossier/dossier-types';
import type { Executor } from './executor';
import { toJson } from './executor';

/** Keys of the state whose values are instants; JSON carries them as ISO strings. */
const INSTANT_KEYS = new Set([
  'receivedAt',
  'createdAt',
  'dueAt',
  'extendedDueAt',
  'finishedAt',
  'returnedAt',
  'at',
  'issuedAt',
  'newDueAt',
  'requestedAt',
  'completedAt',
  'startedAt',
  'pausedAt',
  'withdrawnAt',
]);

function reviveInstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveInstants);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = INSTANT_KEYS.has(key) && typeof v === 'string' ? new Date(v) : reviveInstants(v);
    }
    return out;
  }
  return value;
}

export function dossierFromState(state: unknown): Dossier {
  return reviveInstants(typeof state === 'string' ? JSON.parse(state) : state) as Dossier;
}

export interface DossierRecord {
  dossier: Dossier;
  centreId: string;
  procedureId: string;
  fieldName: string;
  bookYear: number;
  bookNumber: number;
  receivedBy: string | null;
}

function columnsOf(d: Dossier) {
  return {
    code: d.code,
    status: d.status,
    procedureVersionId: d.procedureVersionId,
    channel: d.channel,
    applicantName: d.applicant.fullName,
    ticketId: d.ticketId,
    receivedBy: d.receivedById,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    extendedDueAt: d.extendedDueAt,
    finishedAt: d.finishedAt,
    returnedAt: d.returnedAt,
    timeliness: d.timeliness,
    state: toJson(d),
  };
}

export async function insertDossier(
  ex: Executor,
  r: { dossier: Dossier; centreId: string; procedureId: string; fieldName: string; bookYear: number; bookNumber: number },
  at: Date,
): Promise<void> {
  await ex
    .insertInto('dossier')
    .values({
      id: r.dossier.id,
      centreId: r.centreId,
      procedureId: r.procedureId,
      fieldName: r.fieldName,
      bookYear: r.bookYear,
      bookNumber: r.bookNumber,
      createdAt: r.dossier.createdAt,
      updatedAt: at,
      ...columnsOf(r.dossier),
    })
    .execute();
}

export async function saveDossier(ex: Executor, d: Dossier, at: Date): Promise<void> {
  await ex
    .updateTable('dossier')
    .set({ ...columnsOf(d), updatedAt: at })
    .where('id', '=', d.id)
    .execute();
}

const RECORD_COLUMNS = ['state', 'centreId', 'procedureId', 'fieldName', 'bookYear', 'bookNumber', 'receivedBy'] as const;

function toRecord(row: { state: unknown; centreId: string; procedureId: string; fieldName: string; bookYear: number; bookNumber: number; receivedBy: string | null }): DossierRecord {
  return {
    dossier: dossierFromState(row.state),
    centreId: row.centreId,
    procedureId: row.procedureId,
    fieldName: row.fieldName,
    bookYear: row.bookYear,
    bookNumber: row.bookNumber,
    receivedBy: row.receivedBy,
  };
}

/** Loads one dossier; `forUpdate` locks its row for the rest of the transaction. */
export async function findDossier(ex: Executor, centreId: string, id: string, forUpdate = false): Promise<DossierRecord | undefined> {
  let query = ex.selectFrom('dossier').select(RECORD_COLUMNS).where('centreId', '=', centreId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export async function findDossierByCode(ex: Executor, code: string): Promise<DossierRecord | undefined> {
  const row = await ex.selectFrom('dossier').select(RECORD_COLUMNS).where('code', '=', code).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface DossierFilter {
  statuses?: readonly string[];
  createdFrom?: Date;
  createdBefore?: Date;
  procedureId?: string;
  fieldName?: string;
  /** Code or applicant name, case-insensitive. */
  text?: string;
  limit?: number;
}

export async function listDossiers(ex: Executor, centreId: string, f: DossierFilter): Promise<DossierRecord[]> {
  let query = ex.selectFrom('dossier').select(RECORD_COLUMNS).where('centreId', '=', centreId);
  if (f.statuses) query = query.where('status', 'in', f.statuses as never);
  if (f.createdFrom) query = query.where('createdAt', '>=', f.createdFrom);
  if (f.createdBefore) query = query.where('createdAt', '<', f.createdBefore);
  if (f.procedureId) query = query.where('procedureId', '=', f.procedureId);
  if (f.fieldName) query = query.where('fieldName', '=', f.fieldName);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('code', 'ilike', like), eb('applicantName', 'ilike', like)]));
  }
  const rows = await query.orderBy('createdAt', 'desc').limit(f.limit ?? 1000).execute();
  return rows.map(toRecord);
}

/** The next number of the day's sequence (the XXXX of the dossier code), under a row lock. */
export async function nextDossierSequence(ex: Executor, centreId: string, serviceDay: string): Promise<number> {
  const row = await ex
    .insertInto('dossierSequence')
    .values({ centreId, serviceDay, lastValue: 1 })
    .onConflict((oc) => oc.columns(['centreId', 'serviceDay']).doUpdateSet({ lastValue: sql`dossier_sequence.last_value + 1` }))
    .returning('lastValue')
    .executeTakeFirstOrThrow();
  return row.lastValue;
}

/** The next row of the year's tracking book. Runs after nextDossierSequence, whose lock serialises it. */
export async function nextBookNumber(ex: Executor, centreId: string, year: number): Promise<number> {
  const row = await ex
    .selectFrom('dossier')
    .select(sql<number>`coalesce(max(book_number), 0)::int`.as('last'))
    .where('centreId', '=', centreId)
    .where('bookYear', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.last) + 1;
}

export async function appendDossierEvents(
  ex: Executor,
  dossierId: string,
  actorId: string | null,
  events: readonly { type: string; at: Date; data: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await ex
    .insertInto('dossierEvent')
    .values(events.map((e) => ({ dossierId, type: e.type, at: e.at, actorId, data: toJson(e.data) })))
    .execute();
}

export async function listDossierEvents(ex: Executor, dossierId: string) {
  return ex
    .selectFrom('dossierEvent')
    .leftJoin('appUser', 'appUser.id', 'dossierEvent.actorId')
    .select(['dossierEvent.type', 'dossierEvent.at', 'dossierEvent.data', 'appUser.fullName as actorName'])
    .where('dossierEvent.dossierId', '=', dossierId)
    .orderBy('dossierEvent.id')
    .execute();
}

/** Results waiting at the return counter for a remembered citizen: linked through the ticket they came with. */
export async function readyDossierCodesForCitizen(ex: Executor, centreId: string, citizenId: string): Promise<string[]> {
  const rows = await ex
    .selectFrom('dossier')
    .innerJoin('consent', 'consent.ticketId', 'dossier.ticketId')
    .select('dossier.code')
    .where('dossier.centreId', '=', centreId)
    .where('dossier.status', '=', 'result-ready')
    .where('consent.citizenId', '=', citizenId)
    .orderBy('dossier.code')
    .execute();
  return [...new Set(rows.map((r) => r.code))];
}
