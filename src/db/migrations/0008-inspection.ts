import type { Kysely } from 'kysely';

/** Administrative-reform inspection plans, rounds, findings and corrective actions. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
