/** Citizens' ratings, one per finished service. */
import type { Insertable } from 'kysely';
import type { RatingTable } from '../schema';
import type { Executor } from './executor';

/** Inserts a rating; returns false when this service was already rated. */
export async function insertRating(ex: Executor, rating: Insertable<RatingTable>): Promise<boolean> {
  const result = await ex
    .insertInto('rating')
    .values(rating)
    .onConflict((oc) => oc.columns(['ticketId', 'serveNo']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findRating(ex: Executor, ticketId: string, serveNo: number) {
  return ex
    .selectFrom('rating')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .where('serveNo', '=', serveNo)
    .executeTakeFirst();
}

export async function listRatings(ex: Executor, centreId: string, from: Date, to: Date) {
  return ex
    .selectFrom('rating')
    .selectAll()
    .where('centreId', '=', centreId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
}
