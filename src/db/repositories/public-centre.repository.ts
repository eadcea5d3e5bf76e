/** Which centre a public page speaks for: the one named by its code, or the installation's first. */
import type { Executor } from './executor';

export interface PublicCentreRow {
  id: string;
  code: string;
  name: string;
  address: string | null;
}

export async function findPublicCentre(ex: Executor, code?: string): Promise<PublicCentreRow | undefined> {
  let query = ex.selectFrom('centre').select(['id', 'code', 'name', 'address']);
  query = code ? query.where('code', '=', code) : query.orderBy('createdAt').limit(1);
  return query.executeTakeFirst();
}
