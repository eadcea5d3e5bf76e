/**
 * What every service function receives: the database, the clock and the id generators. Passed in,
 * never imported, so tests can run a service against any database at any time of day.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Engine } from '../../db/database';
import type { DB, DeviceRow } from '../../db/schema';
import type { FaceModelId } from '../../contracts/face';
import { MemoryKeyStore, type FaceKeyStore, type KeyStoreLog } from '../face/key-store';
import { TemplateVault } from '../face/template-vault';
import { FaceGallery, type GalleryPersistence } from './face-gallery';
import type { TemplateIndexOptions } from '../face/template-index';
import { HallCache } from './hall-cache';
import { TtlCache } from './ttl-cache';

export interface ServiceContext {
  db: Database;
  engine: Engine;
  clock: () => Date;
  newId: () => string;
  /** Public, unguessable ticket code used in /t/<code>. */
  newTicketCode: () => string;
  /** Each instance's snapshot of every hall's fields, counters and settings. */
  hall: HallCache;
  /** This instance's face templates, grouped for matching (see face-gallery.ts). */
  faces: FaceGallery;
  /** Recognition models installed on this site (under the data directory), read when asked. */
  installedFaceModels: () => FaceModelId[];
  /** Seals and opens stored face templates with keys kept outside the database (template-vault.ts). */
  vault: TemplateVault;
  /** Recently resolved sessions and device tokens (by token hash). */
  sessions: TtlCache<SessionIdentity | null>;
  devices: TtlCache<DeviceRow | null>;
}

/** Who a session token belongs to. */
export interface SessionIdentity {
  id: string;
  centreId: string;
  username: string;
  fullName: string;
  role: 'officer' | 'manager' | 'admin' | 'inspector';
  /** The unit the person belongs to (a manager with a unit is its head). */
  unitId: string | null;
  active: boolean;
  lang: 'vi' | 'en';
}

/** How long a revoked token or a deactivated person may still be honoured by another instance. */
const AUTH_CACHE_MS = 15_000;

export type Tx = Transaction<DB>;

/** Who is asking: a person, a paired device, an anonymous citizen, or the system itself. */
export type Actor =
  | { kind: 'user'; id: string; centreId: string; role: 'officer' | 'manager' | 'admin' | 'inspector'; name: string; unitId?: string | null }
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

export interface ServiceContextOptions {
  /** Where face template keys live; in memory (with a database in memory) when absent. */
  faceKeys?: FaceKeyStore;
  /** Where the face key store reports problems. */
  log?: KeyStoreLog;
  installedFaceModels?: () => FaceModelId[];
  /** How the matching index is built (tests make small galleries use a graph). */
  faceIndex?: Omit<TemplateIndexOptions, 'dimensions'>;
  /** Where large galleries are kept between restarts (sealed snapshots); none when absent. */
  facePersistence?: GalleryPersistence;
}

const consoleLog: KeyStoreLog = {
  error: (fields, message) => console.error(message, fields),
  warn: (fields, message) => console.warn(message, fields),
};

export function createServiceContext(
  db: Database,
  engine: Engine,
  clock: () => Date = () => new Date(),
  options: ServiceContextOptions = {},
): ServiceContext {
  const vault = new TemplateVault(options.faceKeys ?? new MemoryKeyStore(), options.log ?? consoleLog);
  return {
    db,
    engine,
    clock,
    newId: randomUUID,
    newTicketCode: () => randomTicketCode(),
    hall: new HallCache(),
    faces: new FaceGallery(clock, options.faceIndex ?? {}, vault, options.facePersistence ?? null),
    vault,
    installedFaceModels: options.installedFaceModels ?? (() => []),
    sessions: new TtlCache(AUTH_CACHE_MS),
    devices: new TtlCache(AUTH_CACHE_MS),
  };
}

/** Forgets cached identities after a change to people or devices on this instance. */
export function forgetIdentities(ctx: ServiceContext): void {
  ctx.sessions.clear();
  ctx.devices.clear();
}

/** Runs one command as one transaction. */
export function inTransaction<T>(ctx: ServiceContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}
