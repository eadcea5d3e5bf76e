/** Citizens' ratings of dossiers, one per dossier, and the secret that signs the rating links. */
import type { Selectable } from 'kysely';
import type { DossierRatingTable, ReportsAs } from '../schema';
import { toJson, type Executor } from './executor';

export type DossierRatingRow = Selectable<DossierRatingTable>;

export interface NewDossierRating {
  id: string;
  centreId: string;
  dossierId: string;
  procedureId: string;
  fieldName: string;
  receivedBy: string | null;
  officerIds: string[];
  value: number;
  scaleSize: number;
  reportsAs: ReportsAs;
  criteria: { key: string; value: number; reportsAs: ReportsAs }[];
  comment: string | null;
  source: DossierRatingTable['source'];
  deviceId: string | null;
  at: Date;
}

/** Inserts a rating; returns false when the dossier was already rated (one rating per dossier). */
export async function insertDossierRating(ex: Executor, rating: NewDossierRating): Promise<boolean> {
  const result = await ex
    .insertInto('dossierRating')
    .values({ ...rating, officerIds: toJson(rating.officerIds), criteria: toJson(rating.criteria) })
    .onConflict((oc) => oc.column('dossierId').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findDossierRating(ex: Executor, dossierId: string): Promise<DossierRatingRow | undefined> {
  return ex.selectFrom('dossierRating').selectAll().where('dossierId', '=', dossierId).executeTakeFirst();
}

/** Ratings given in [from, to), oldest first. */
export async function listDossierRatings(ex: Executor, centreId: string, from: Date, to: Date): Promise<DossierRatingRow[]> {
  return ex
    .selectFrom('dossierRating')
    .selectAll()
    .where('centreId', '=', centreId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/**
 * Kept in the settings table under a key the Settings schema does not know, so it is never sent
 * to a screen (settings are read through that schema) and it travels with a database backup.
 */
const LINK_SECRET_KEY = 'secret:dossier-rating-link';

/** The centre's link secret; the first caller's candidate wins when two instances race. */
export async function ensureRatingLinkSecret(ex: Executor, centreId: string, candidate: string): Promise<string> {
  await ex
    .insertInto('setting')
    .values({ centreId, key: LINK_SECRET_KEY, value: toJson(candidate) })
    .onConflict((oc) => oc.columns(['centreId', 'key']).doNothing())
    .execute();
  const row = await ex.selectFrom('setting').select('value').where('centreId', '=', centreId).where('key', '=', LINK_SECRET_KEY).executeTakeFirstOrThrow();
  return String(row.value);
}
