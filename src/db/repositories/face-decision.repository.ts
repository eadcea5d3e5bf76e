/**
 * The traces of face decisions: numbers given back on a face match and the citizen's answer, and
 * recognitions of remembered citizens (for the hourly cap). No template is stored here.
 */
import type { Insertable, Selectable } from 'kysely';
import type { FaceReuseCheckTable } from '../schema';
import type { Executor } from './executor';

export type ReuseCheck = Selectable<FaceReuseCheckTable>;

export async function insertReuseCheck(ex: Executor, check: Insertable<FaceReuseCheckTable>): Promise<void> {
  await ex.insertInto('faceReuseCheck').values(check).execute();
}

export async function findReuseCheck(ex: Executor, id: string): Promise<ReuseCheck | undefined> {
  return ex.selectFrom('faceReuseCheck').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records the citizen's answer; false when the check was already answered (by a concurrent request). */
export async function answerReuseCheck(
  ex: Executor,
  id: string,
  answer: { outcome: 'confirmed' | 'rejected'; answeredAt: Date; newTicketId?: string | null },
): Promise<boolean> {
  const result = await ex
    .updateTable('faceReuseCheck')
    .set({ outcome: answer.outcome, answeredAt: answer.answeredAt, newTicketId: answer.newTicketId ?? null })
    .where('id', '=', id)
    .where('outcome', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setReuseCheckNewTicket(ex: Executor, id: string, newTicketId: string): Promise<void> {
  await ex.updateTable('faceReuseCheck').set({ newTicketId }).where('id', '=', id).execute();
}

export interface ReuseCheckSummary {
  offered: number;
  confirmed: number;
  rejected: number;
  /** Never answered before they expired. */
  unanswered: number;
}

export async function summariseReuseChecks(ex: Executor, centreId: string, since: Date, now: Date): Promise<ReuseCheckSummary> {
  const rows = await ex
    .selectFrom('faceReuseCheck')
    .select((eb) => ['outcome', eb.fn.countAll<number>().as('count')])
    .where('centreId', '=', centreId)
    .where('createdAt', '>=', since)
    .groupBy('outcome')
    .execute();
  const pendingOpen = await ex
    .selectFrom('faceReuseCheck')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('centreId', '=', centreId)
    .where('createdAt', '>=', since)
    .where('outcome', '=', 'pending')
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  const count = (outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.count ?? 0);
  const pending = count('pending');
  return {
    offered: count('confirmed') + count('rejected') + pending,
    confirmed: count('confirmed'),
    rejected: count('rejected'),
    unanswered: pending - Number(pendingOpen?.count ?? 0),
  };
}

export async function recordRecognition(
  ex: Executor,
  recognition: { centreId: string; citizenId: string; kioskId: string | null; at: Date },
): Promise<void> {
  await ex.insertInto('faceRecognition').values(recognition).execute();
}

export async function countRecognitionsSince(ex: Executor, citizenId: string, since: Date): Promise<number> {
  const row = await ex
    .selectFrom('faceRecognition')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('citizenId', '=', citizenId)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Recognitions are kept only as long as the cap needs them. */
export async function purgeRecognitionsBefore(ex: Executor, before: Date): Promise<void> {
  await ex.deleteFrom('faceRecognition').where('at', '<', before).execute();
}
