import type { Kysely } from 'kysely';

/** Unit self-evaluation frames, scores and appraisal; reform report schedules and submissions. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
