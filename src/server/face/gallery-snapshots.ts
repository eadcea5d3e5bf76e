/**
 * Sealed snapshots of the matching index, one per recognition model, under DATA_DIR/face-index:
 * a restart loads the HNSW graphs of large galleries instead of rebuilding them (tens of minutes
 * at a million templates) — see TemplateIndex.save/load.
 *
 * A snapshot holds templates, so it is biometric data like the database and is treated the same
 * way: every file is encrypted under a key of its own, kept in the face key store (apart from the
 * snapshot, like the templates' keys). Each save uses a new key and destroys the previous one, and
 * when a template held by a snapshot is erased or expires, the gallery discards the snapshot
 * (destroys its key first) and writes a new one without it. So no copy of an old snapshot — in a
 * backup of the data folder, in a file-system snapshot — can bring back an erased template.
 *
 * Only groups large enough to have a graph are saved; small ones are read from the database at
 * start, which takes a moment.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceKeyStore, KeyStoreLog } from './key-store';
import { readSnapshotHeader, TemplateIndex, type TemplateIndexOptions } from './template-index';

export interface LoadedSnapshot {
  index: TemplateIndex;
  /** The ids the snapshot holds. */
  ids: Set<string>;
}

/** A half-written or half-replaced snapshot this old is a crashed save's, not one under way. */
const LEFTOVER_AGE_MS = 3600_000;

export class GallerySnapshots {
  constructor(
    /** DATA_DIR/face-index (FACE_INDEX_DIR). */
    readonly location: string,
    private readonly keys: FaceKeyStore,
    private readonly log: KeyStoreLog,
    /** Where graphs pass in clear between usearch and the encryption (default: /dev/shm when it has room). */
    private readonly scratchDir?: string,
  ) {}

  private dirOf(model: string): string {
    return join(this.location, model);
  }

  /** The models that have a snapshot on disk (cheap: a directory listing). */
  models(): string[] {
    if (!existsSync(this.location)) return [];
    return readdirSync(this.location).filter((name) => !name.includes('.') && readSnapshotHeader(join(this.location, name)) !== null);
  }

  /**
   * The model's index as last saved, or null when there is none or it cannot be used (its key was
   * destroyed or is missing, a file is damaged): such a snapshot is removed, and the caller builds
   * the index from the database instead.
   */
  async load(model: string, options: Omit<TemplateIndexOptions, 'dimensions'> & { dimensions: number }): Promise<LoadedSnapshot | null> {
    await this.sweepLeftovers(model);
    const dir = this.dirOf(model);
    const header = readSnapshotHeader(dir);
    if (!header) return null;
    if (header.keyRef === null || header.dimensions !== options.dimensions) {
      await this.discard(model);
      return null;
    }
    const lookup = await this.keys.read(header.keyRef);
    if (lookup.state !== 'live') {
      if (lookup.state === 'absent') {
        this.log.warn({ snapshot: dir }, 'the key of the face index snapshot is not in the face key store: the index is rebuilt from the database');
      }
      rmSync(dir, { recursive: true, force: true });
      return null;
    }
    try {
      for (const key of lookup.keys) {
        try {
          const { index } = TemplateIndex.load(dir, options, { key, scratchDir: this.scratchDir });
          return { index, ids: new Set(index.ids()) };
        } catch {
          // Another key of the same id (a store merged from two hosts) may be the right one.
        }
      }
    } finally {
      for (const key of lookup.keys) key.fill(0);
    }
    this.log.warn({ snapshot: dir }, 'the face index snapshot cannot be read: the index is rebuilt from the database');
    await this.discard(model);
    return null;
  }

  /**
   * Saves the large groups of `index` under a new key and destroys the previous snapshot's key.
   * Synchronous while it writes (the index must not change meanwhile); returns the ids saved, or
   * null when there was nothing to save (the old snapshot is then discarded).
   */
  async save(model: string, index: TemplateIndex): Promise<Set<string> | null> {
    await this.sweepLeftovers(model);
    const dir = this.dirOf(model);
    const previous = readSnapshotHeader(dir)?.keyRef ?? null;
    if (index.stats().hnswGroups === 0) {
      await this.discard(model);
      return null;
    }
    const keyRef = randomUUID();
    const key = await this.keys.create(keyRef);
    let saved: string[];
    try {
      saved = index.save(dir, null, { seal: { key, keyRef }, onlyGraphGroups: true, scratchDir: this.scratchDir });
    } catch (error) {
      await this.keys.destroy([keyRef]);
      throw error;
    } finally {
      key.fill(0);
    }
    if (previous && previous !== keyRef) await this.keys.destroy([previous]);
    return new Set(saved);
  }

  /**
   * A save that crashed leaves `<model>.tmp-<pid>` (or `.old-<pid>`) behind, sealed under a key that
   * nobody will destroy: such folders are removed and, where their manifest names a key other than
   * the current snapshot's, that key is destroyed — an erasure must not be undone by a leftover.
   * (A save that crashed before writing its manifest leaves a key no one can name; its files go.)
   */
  async sweepLeftovers(model: string): Promise<void> {
    if (!existsSync(this.location)) return;
    const current = readSnapshotHeader(this.dirOf(model))?.keyRef ?? null;
    for (const name of readdirSync(this.location)) {
      if (!name.startsWith(`${model}.tmp-`) && !name.startsWith(`${model}.old-`)) continue;
      const path = join(this.location, name);
      try {
        if (Date.now() - statSync(path).mtimeMs < LEFTOVER_AGE_MS) continue;
      } catch {
        continue;
      }
      const keyRef = readSnapshotHeader(path)?.keyRef ?? null;
      if (keyRef && keyRef !== current) await this.keys.destroy([keyRef]);
      rmSync(path, { recursive: true, force: true });
    }
  }

  /** Makes the model's snapshot unreadable for good (its key destroyed), then removes its files. */
  async discard(model: string): Promise<void> {
    const dir = this.dirOf(model);
    const keyRef = readSnapshotHeader(dir)?.keyRef ?? null;
    if (keyRef) await this.keys.destroy([keyRef]);
    rmSync(dir, { recursive: true, force: true });
  }
}
