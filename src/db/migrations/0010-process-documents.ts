import type { Kysely } from 'kysely';

/** ISO 9001 process documents per procedure and procedure reviews. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
