/** Procedure review rounds, the procedures they cover, and the proposals with their decisions. */
import type { Selectable } from 'kysely';
import type { ReviewProposalTable, ReviewRoundTable } from '../schema-process';
import type { Executor } from './executor';

export type ReviewRoundRecord = Selectable<ReviewRoundTable>;
export type ReviewProposalRecord = Selectable<ReviewProposalTable>;

export async function insertReviewRound(ex: Executor, round: ReviewRoundRecord, procedureIds: string[]): Promise<void> {
  await ex.insertInto('reviewRound').values(round).execute();
  for (let i = 0; i < procedureIds.length; i += 1000) {
    await ex
      .insertInto('reviewRoundProcedure')
      .values(procedureIds.slice(i, i + 1000).map((procedureId) => ({ roundId: round.id, procedureId })))
      .execute();
  }
}

export async function findReviewRound(ex: Executor, centreId: string, id: string): Promise<ReviewRoundRecord | undefined> {
  return ex.selectFrom('reviewRound').selectAll().where('centreId', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export async function setReviewRoundStatus(ex: Executor, id: string, status: 'open' | 'closed', at: Date): Promise<void> {
  await ex.updateTable('reviewRound').set({ status, updatedAt: at }).where('id', '=', id).execute();
}

export async function listReviewRoundRows(ex: Executor, centreId: string): Promise<ReviewRoundRecord[]> {
  return ex.selectFrom('reviewRound').selectAll().where('centreId', '=', centreId).orderBy('year', 'desc').orderBy('createdAt', 'desc').execute();
}

export async function listRoundProcedureIds(ex: Executor, roundIds: string[]): Promise<{ roundId: string; procedureId: string }[]> {
  if (roundIds.length === 0) return [];
  return ex.selectFrom('reviewRoundProcedure').select(['roundId', 'procedureId']).where('roundId', 'in', roundIds).execute();
}

export async function listProposals(ex: Executor, roundIds: string[]): Promise<(ReviewProposalRecord & { decidedByName: string | null })[]> {
  if (roundIds.length === 0) return [];
  return ex
    .selectFrom('reviewProposal as p')
    .leftJoin('appUser as u', 'u.id', 'p.decidedBy')
    .selectAll('p')
    .select('u.fullName as decidedByName')
    .where('p.roundId', 'in', roundIds)
    .orderBy('p.createdAt')
    .execute();
}

export async function findProposalForUpdate(ex: Executor, roundId: string, id: string): Promise<ReviewProposalRecord | undefined> {
  return ex.selectFrom('reviewProposal').selectAll().where('roundId', '=', roundId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertProposal(ex: Executor, proposal: ReviewProposalRecord): Promise<void> {
  await ex.insertInto('reviewProposal').values(proposal).execute();
}

export async function updateProposal(ex: Executor, id: string, changes: Partial<Omit<ReviewProposalRecord, 'id' | 'roundId'>>): Promise<void> {
  await ex.updateTable('reviewProposal').set(changes).where('id', '=', id).execute();
}

/** Procedure versions that adopted shortenings created, for the centre's procedures. */
export async function listAdoptedShortenings(ex: Executor, centreId: string): Promise<{ procedureId: string; resultVersionId: string }[]> {
  const rows = await ex
    .selectFrom('reviewProposal as p')
    .innerJoin('reviewRound as r', 'r.id', 'p.roundId')
    .select(['p.procedureId', 'p.resultVersionId'])
    .where('r.centreId', '=', centreId)
    .where('p.status', '=', 'adopted')
    .where('p.kind', '=', 'shorten')
    .where('p.resultVersionId', 'is not', null)
    .execute();
  return rows.map((r) => ({ procedureId: r.procedureId, resultVersionId: r.resultVersionId! }));
}
