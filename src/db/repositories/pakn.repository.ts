/**
 * Complaints and suggestions (PAKN). As with dossiers, the whole domain state is one JSON document
 * (`state`); the columns beside it copy what lists, filters and the 766 reports query, and are
 * rewritten from the state on every save. The history is `pakn_event`, one row per action.
 */
import type { Pakn } from '../../core/pakn/pakn';
import type { Executor } from './executor';
import { toJson } from './executor';

/** Keys of the state whose values are instants; JSON carries them as ISO strings. */
const INSTANT_KEYS = new Set(['receivedAt', 'requestedAt', 'suppliedAt', 'at', 'publishedAt', 'verdictAt']);

function reviveInstants(value: unknown, key = ''): unknown {
  if (INSTANT_KEYS.has(key) && typeof value === 'string') return new Date(value);
  if (Array.isArray(value)) return value.map((v) => reviveInstants(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = reviveInstants(v, k);
    return out;
  }
  return value;
}

export function paknFromState(state: unknown): Pakn {
  return reviveInstants(typeof state === 'string' ? JSON.parse(state) : state) as Pakn;
}

export interface PaknRecord {
  pakn: Pakn;
  centreId: string;
}

function columnsOf(p: Pakn) {
  return {
    code: p.code,
    kind: p.kind,
    category: p.category,
    subjectKind: p.subject.kind,
    dossierId: p.subject.dossierId,
    counterId: p.subject.counterId,
    officerId: p.subject.officerId,
    content: p.content,
    anonymous: p.anonymous,
    contactName: p.contact?.name || null,
    contactPhone: p.contact?.phone || null,
    contactEmail: p.contact?.email || null,
    source: p.source,
    status: p.status,
    assignedTo: p.assignedTo?.id ?? null,
    receivedAt: p.receivedAt,
    answeredAt: p.answer?.at ?? null,
    rejectedAt: p.rejection?.at ?? null,
    publishedAt: p.publishedAt,
    citizenSatisfied: p.citizenSatisfied,
    state: toJson(p),
  };
}

export async function insertPakn(ex: Executor, centreId: string, p: Pakn, at: Date): Promise<void> {
  await ex
    .insertInto('pakn')
    .values({ id: p.id, centreId, createdAt: at, updatedAt: at, ...columnsOf(p) })
    .execute();
}

export async function savePakn(ex: Executor, p: Pakn, at: Date): Promise<void> {
  await ex
    .updateTable('pakn')
    .set({ ...columnsOf(p), updatedAt: at })
    .where('id', '=', p.id)
    .execute();
}

export async function paknCodeTaken(ex: Executor, code: string): Promise<boolean> {
  const row = await ex.selectFrom('pakn').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** Loads one PAKN by its code; `forUpdate` locks its row for the rest of the transaction. */
export async function findPaknByCode(ex: Executor, code: string, forUpdate = false): Promise<PaknRecord | undefined> {
  let query = ex.selectFrom('pakn').select(['state', 'centreId']).where('code', '=', code);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { pakn: paknFromState(row.state), centreId: row.centreId } : undefined;
}

export async function findPakn(ex: Executor, centreId: string, id: string, forUpdate = false): Promise<PaknRecord | undefined> {
  let query = ex.selectFrom('pakn').select(['state', 'centreId']).where('centreId', '=', centreId).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { pakn: paknFromState(row.state), centreId: row.centreId } : undefined;
}

export interface PaknFilter {
  statuses?: readonly Pakn['status'][];
  category?: string;
  kind?: Pakn['kind'];
  receivedFrom?: Date;
  receivedBefore?: Date;
  assignedTo?: string;
  limit?: number;
}

export async function listPakn(ex: Executor, centreId: string, f: PaknFilter): Promise<Pakn[]> {
  let query = ex.selectFrom('pakn').select('state').where('centreId', '=', centreId);
  if (f.statuses) query = query.where('status', 'in', f.statuses);
  if (f.category) query = query.where('category', '=', f.category);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.receivedFrom) query = query.where('receivedAt', '>=', f.receivedFrom);
  if (f.receivedBefore) query = query.where('receivedAt', '<', f.receivedBefore);
  if (f.assignedTo) query = query.where('assignedTo', '=', f.assignedTo);
  const rows = await query.orderBy('receivedAt', 'desc').limit(f.limit ?? 1000).execute();
  return rows.map((r) => paknFromState(r.state));
}

/** How many PAKN were filed since `since` (the public form's flood guard across instances). */
export async function countPaknSince(ex: Executor, centreId: string, since: Date): Promise<number> {
  const row = await ex
    .selectFrom('pakn')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('centreId', '=', centreId)
    .where('receivedAt', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A PAKN with exactly this content received recently (a double submit, or the same text pasted twice). */
export async function findRecentSameContent(ex: Executor, centreId: string, content: string, since: Date): Promise<string | null> {
  const row = await ex
    .selectFrom('pakn')
    .select('code')
    .where('centreId', '=', centreId)
    .where('content', '=', content)
    .where('receivedAt', '>=', since)
    .executeTakeFirst();
  return row?.code ?? null;
}

export async function appendPaknEvents(
  ex: Executor,
  paknId: string,
  actorId: string | null,
  events: readonly { type: string; at: Date; data: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  await ex
    .insertInto('paknEvent')
    .values(events.map((e) => ({ paknId, type: e.type, at: e.at, actorId, data: toJson(e.data) })))
    .execute();
}

export async function listPaknEvents(ex: Executor, paknId: string) {
  return ex
    .selectFrom('paknEvent')
    .leftJoin('appUser', 'appUser.id', 'paknEvent.actorId')
    .select(['paknEvent.type', 'paknEvent.at', 'paknEvent.data', 'appUser.fullName as actorName'])
    .where('paknEvent.paknId', '=', paknId)
    .orderBy('paknEvent.id')
    .execute();
}

/** People a PAKN can be assigned to. */
export async function listPaknAssignees(ex: Executor, centreId: string) {
  return ex
    .selectFrom('appUser')
    .select(['id', 'fullName', 'role'])
    .where('centreId', '=', centreId)
    .where('active', '=', true)
    .orderBy('fullName')
    .execute();
}

/** Officers by name, for the public form's "about an officer" picker. */
export async function listPublicOfficers(ex: Executor, centreId: string) {
  return ex
    .selectFrom('appUser')
    .select(['id', 'fullName'])
    .where('centreId', '=', centreId)
    .where('active', '=', true)
    .where('role', '=', 'officer')
    .orderBy('fullName')
    .execute();
}

export async function findUserName(ex: Executor, centreId: string, id: string): Promise<{ id: string; fullName: string; role: string; active: boolean } | undefined> {
  return ex.selectFrom('appUser').select(['id', 'fullName', 'role', 'active']).where('centreId', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function findCounterByNumber(ex: Executor, centreId: string, number: number) {
  return ex.selectFrom('counter').select(['id', 'number', 'name']).where('centreId', '=', centreId).where('number', '=', number).executeTakeFirst();
}
