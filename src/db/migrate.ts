import { Migrator } from 'kysely';
import type { Database } from './database';
import { migrationProvider } from './migrations';

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
