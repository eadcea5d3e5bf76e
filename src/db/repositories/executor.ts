import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

/** Repositories take either the database or an open transaction; services decide which. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** jsonb columns are written as JSON text so arrays are not mistaken for SQL arrays. */
export const toJson = (value: unknown): string => JSON.stringify(value);
