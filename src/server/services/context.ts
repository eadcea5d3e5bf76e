/**
 * What every service function receives: the database, the clock and the id generators. Passed in,
 * never imported, so tests can run a service against any database at any time of day.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Engine } from '../../db/database';
import type { DB } from '../../db/schema';

export interface ServiceContext {
  db: Database;
  engine: Engine;
  clock: () => Date;
  newId: () => string;
  /** Public, unguessable ticket code used in /t/<code>. */
  newTicketCode: () => string;
}

export type Tx = Transaction<DB>;

/** Who is asking: a person, a paired device, an anonymous citizen, or the system itself. */
export type Actor =
  | { kind: 'user'; id: string; centreId: string; role: 'officer' | 'manager' | 'admin'; name: string }
  | { kind: 'device'; id: string; centreId: string; deviceKind: 'kiosk' | 'display' | 'rating'; counterId: string | null; printerId: string | null }
  | { kind: 'public'; centreId: string }
  | { kind: 'system'; centreId: string };

export function actorColumns(actor: Actor): { actorKind: Actor['kind']; actorId: string | null } {
  return { actorKind: actor.kind, actorId: actor.kind === 'user' || actor.kind === 'device' ? actor.id : null };
}

// Crockford base32 without look-alike letters: a citizen may read the code aloud.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomTicketCode(length = 10): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b & 31];
  return code;
}

export function createServiceContext(db: Database, engine: Engine, clock: () => Date = () => new Date()): ServiceContext {
  return { db, engine, clock, newId: randomUUID, newTicketCode: () => randomTicketCode() };
}

/** Runs one command as one transaction. */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}
