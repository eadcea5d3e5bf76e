/**
 * Face templates are stored encrypted, each under its own key kept in the key store (key-store.ts),
 * never in the database. Destroying the key is the erasure: every copy of the row — the live table,
 * dead rows in the database files, the write-ahead log, each backup, a backup restored later — is
 * then ciphertext that nothing can read.
 *
 * Stored form (any template length; the length is inside the encrypted template encoding):
 *   byte 0       0xA5, "sealed" (a plaintext template starts with its encoding tag, 1 or 2)
 *   byte 1       format version (1)
 *   bytes 2–13   a fresh random 96-bit nonce
 *   …            AES-256-GCM ciphertext of encodeTemplate(template, 'float32')
 *   last 16      the GCM tag
 * The associated data binds the ciphertext to its template id, so a sealed value copied onto
 * another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { decodeTemplate, encodeTemplate } from '../../core/face/template-math';
import type { FaceKeyStore, KeyStoreLog } from './key-store';

const SEALED_TAG = 0xa5;
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 2 + NONCE_BYTES;

export type OpenedTemplate =
  | { status: 'open'; template: Float32Array }
  /** Its key was destroyed (erased, or its retention ended): the row is a leftover, e.g. restored from a backup. */
  | { status: 'key-destroyed' }
  /** No key for it in this store (wrong FACE_KEYS_DIR, or the store was lost): skipped, never deleted for that. */
  | { status: 'key-missing' }
  /** Stored before templates were encrypted (sealed at start). */
  | { status: 'plaintext' }
  /** No key opens it: damaged or altered. */
  | { status: 'unreadable' };

export type OpenStatus = OpenedTemplate['status'];

/** Whether stored bytes are sealed (otherwise: a template stored before encryption). */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length > HEADER_BYTES + TAG_BYTES && bytes[0] === SEALED_TAG;
}

/** The first byte of every sealed template, for the repository's "not yet sealed" query. */
export const SEALED_FIRST_BYTE = SEALED_TAG;

function associatedData(id: string): Buffer {
  return Buffer.from(`motcua face template ${VERSION} ${id}`, 'utf8');
}

export class TemplateVault {
  constructor(
    readonly keys: FaceKeyStore,
    readonly log: KeyStoreLog,
  ) {}

  /** Creates the template's key (on disk before this resolves) and returns the sealed bytes. */
  async seal(id: string, template: ArrayLike<number>): Promise<Uint8Array> {
    const key = await this.keys.create(id);
    try {
      return sealWith(key, id, template);
    } finally {
      key.fill(0);
    }
  }

  async open(id: string, stored: Uint8Array): Promise<OpenedTemplate> {
    if (!isSealed(stored)) return { status: 'plaintext' };
    const opened = openWith(id, stored, await this.keys.read(id));
    this.reportProblems([opened.status]);
    return opened;
  }

  /** Opens many rows with one pass over the key store; logs one line per kind of problem. */
  async openMany(rows: readonly { id: string; template: Uint8Array }[]): Promise<Map<string, OpenedTemplate>> {
    const sealed = rows.filter((r) => isSealed(r.template));
    const lookups = await this.keys.readMany(sealed.map((r) => r.id));
    const result = new Map<string, OpenedTemplate>();
    for (const row of rows) {
      result.set(row.id, isSealed(row.template) ? openWith(row.id, row.template, lookups.get(row.id) ?? { state: 'absent' }) : { status: 'plaintext' });
    }
    this.reportProblems([...result.values()].map((o) => o.status));
    return result;
  }

  /** Whether each id's key is live, destroyed or absent, without decrypting anything. */
  async keyStates(ids: readonly string[]): Promise<Map<string, 'live' | 'destroyed' | 'absent'>> {
    const lookups = await this.keys.readMany(ids);
    const states = new Map<string, 'live' | 'destroyed' | 'absent'>();
    for (const [id, lookup] of lookups) {
      if (lookup.state === 'live') for (const key of lookup.keys) key.fill(0);
      states.set(id, lookup.state);
    }
    return states;
  }

  destroy(ids: readonly string[]): Promise<void> {
    return this.keys.destroy(ids);
  }

  private reportProblems(statuses: readonly OpenStatus[]): void {
    const count = (status: OpenStatus) => statuses.filter((s) => s === status).length;
    const where = { keyStore: this.keys.location ?? 'memory' };
    const missing = count('key-missing');
    if (missing > 0) {
      this.log.error(
        { ...where, templates: missing },
        'face templates cannot be decrypted: their keys are not in the face key store (check FACE_KEYS_DIR). They are skipped, not deleted; citizens among them are not recognised until they enrol again',
      );
    }
    const unreadable = count('unreadable');
    if (unreadable > 0) this.log.error({ ...where, templates: unreadable }, 'face templates cannot be decrypted with their keys (damaged or altered): skipped');
    const plaintext = count('plaintext');
    if (plaintext > 0) this.log.warn({ templates: plaintext }, 'face templates stored before encryption were found: skipped until they are sealed at start');
  }
}

function sealWith(key: Buffer, id: string, template: ArrayLike<number>): Uint8Array {
  const plain = Buffer.from(encodeTemplate(template, 'float32'));
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  const header = Buffer.from([SEALED_TAG, VERSION]);
  cipher.setAAD(Buffer.concat([header, associatedData(id)]));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  return new Uint8Array(Buffer.concat([header, nonce, body, cipher.getAuthTag()]));
}

function openWith(id: string, stored: Uint8Array, lookup: Awaited<ReturnType<FaceKeyStore['read']>>): OpenedTemplate {
  if (lookup.state === 'destroyed') return { status: 'key-destroyed' };
  if (lookup.state === 'absent') return { status: 'key-missing' };
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes[1] !== VERSION) return { status: 'unreadable' };
  const header = bytes.subarray(0, 2);
  const nonce = bytes.subarray(2, HEADER_BYTES);
  const body = bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  try {
    for (const key of lookup.keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.concat([header, associatedData(id)]));
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([decipher.update(body), decipher.final()]);
        try {
          return { status: 'open', template: decodeTemplate(plain) };
        } finally {
          plain.fill(0);
        }
      } catch {
        // Not this key (or altered bytes): try the next one.
      }
    }
    return { status: 'unreadable' };
  } finally {
    for (const key of lookup.keys) key.fill(0);
  }
}
