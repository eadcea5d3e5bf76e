/**
 * What makes erasure and expiry hold everywhere: every stored template is sealed under its own key
 * (template-vault.ts), and destroying the key is the deletion that counts — copies of the row in
 * the database's files, its log and its backups are unreadable from then on. Here:
 *   - rows whose key was destroyed (erased or expired, then brought back by a restore) are deleted
 *     when found, audited as a purge;
 *   - at start, templates stored before encryption are sealed (audited), and rows whose key was
 *     destroyed are deleted at once rather than at first use.
 * A row whose key is simply missing (another FACE_KEYS_DIR, a lost key store) is never deleted for
 * that: an instance started with the wrong folder must not erase what other instances can read.
 */
import { decodeTemplate } from '../../core/face/template-math';
import type { Database } from '../../db/database';
import {
  deleteTemplates,
  listSealedTemplateIds,
  lockUnsealedTemplates,
  rewriteTemplateTable,
  sealTemplate,
  type AuditActor,
} from '../../db/repositories/face.repository';
import { SEALED_FIRST_BYTE, type TemplateVault } from '../face/template-vault';

/** The part of the service context used here (the gallery, which the context holds, calls this module). */
interface PrivacyContext {
  db: Database;
  vault: TemplateVault;
  clock: () => Date;
  /** The matching gallery, when there is one (the start's key check is handed to its load). */
  faces?: { useCheckedKeyStates(states: ReadonlyMap<string, 'live' | 'destroyed' | 'absent'>): void };
}

export const SYSTEM_AUDIT: AuditActor = { actorKind: 'system', actorId: null };

const LEFTOVER_PURPOSE = 'its key was destroyed (erased or expired): a copy brought back by a restore';
const SEAL_PURPOSE = 'encrypting a template stored before templates were encrypted';
const SEAL_BATCH = 200;

/** Deletes rows whose key is destroyed; returns the ids actually deleted. */
export async function forgetLeftoverTemplates(db: Database, vault: TemplateVault, ids: readonly string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const deleted = await deleteTemplates(db, ids, now, LEFTOVER_PURPOSE);
  vault.log.warn({ templates: deleted.length }, 'face templates whose keys were destroyed (erased or expired) were found, e.g. after a restore, and deleted');
  return deleted.map((d) => d.id);
}

export interface StoredTemplatesCheck {
  /** Templates stored before encryption, sealed now. */
  sealed: number;
  /** Rows whose keys were destroyed, deleted now. */
  leftovers: number;
  /** Rows whose keys are not in this key store (skipped, kept). */
  keyMissing: number;
}

/** Run at start, before the first face request: see the header. */
export async function secureStoredTemplates(ctx: PrivacyContext): Promise<StoredTemplatesCheck> {
  const sealed = await sealPlaintextTemplates(ctx);
  const ids = await listSealedTemplateIds(ctx.db, SEALED_FIRST_BYTE);
  const states = await ctx.vault.keyStates(ids);
  // The gallery, loaded right after this at start, need not read a million keys again.
  ctx.faces?.useCheckedKeyStates(states);
  const destroyed = ids.filter((id) => states.get(id) === 'destroyed');
  const keyMissing = ids.filter((id) => states.get(id) === 'absent').length;
  const leftovers = await forgetLeftoverTemplates(ctx.db, ctx.vault, destroyed, ctx.clock());
  if (keyMissing > 0) {
    ctx.vault.log.error(
      { keyStore: ctx.vault.keys.location ?? 'memory', templates: keyMissing },
      'face templates in the database have no key in the face key store (check FACE_KEYS_DIR; a lost key store cannot be rebuilt): they are kept but cannot be used',
    );
  }
  return { sealed, leftovers: leftovers.length, keyMissing };
}

/**
 * Seals every template stored before encryption, in batches, each batch one transaction with its
 * rows locked (several instances may start together). Afterwards the table is rewritten, so that
 * its files no longer hold the old plaintext rows.
 */
export async function sealPlaintextTemplates(ctx: PrivacyContext): Promise<number> {
  let total = 0;
  let after = '';
  for (;;) {
    const batch = await ctx.db.transaction().execute(async (tx) => {
      const rows = await lockUnsealedTemplates(tx, SEALED_FIRST_BYTE, SEAL_BATCH, after);
      const keyed: string[] = [];
      let sealed = 0;
      try {
        for (const row of rows) {
          let template: Float32Array;
          try {
            template = decodeTemplate(row.template);
          } catch {
            ctx.vault.log.error({ templateId: row.id }, 'a stored face template is neither sealed nor a readable template: left as it is, never used');
            continue;
          }
          const bytes = await ctx.vault.seal(row.id, template);
          keyed.push(row.id);
          await sealTemplate(tx, row.id, row.centreId, bytes, ctx.clock(), SEAL_PURPOSE);
          sealed++;
        }
      } catch (error) {
        await ctx.vault.destroy(keyed).catch(() => undefined);
        throw error;
      }
      return { rows: rows.length, sealed, last: rows.at(-1)?.id ?? after };
    });
    total += batch.sealed;
    after = batch.last;
    if (batch.rows < SEAL_BATCH) break;
  }
  if (total > 0) {
    // Dead row versions holding the plaintext stay in the table's files until rewritten.
    await rewriteTemplateTable(ctx.db);
    ctx.vault.log.warn(
      { templates: total },
      'face templates stored before encryption were encrypted; backups taken before this start still hold them readable: delete those backups once a new one is written',
    );
  }
  return total;
}
