/**
 * Each app instance's in-memory gallery of face templates, grouped so that every search looks only
 * where it must: one field's walk-in templates of one day (anti-hoarding), or a centre's remembered
 * citizens — always of one recognition model, since templates of different models are never
 * compared. Loaded from the database on first use (one audited bulk read, each template decrypted
 * with its own key) and kept in step with other instances through the event log:
 * `face.template-added` makes every instance read that one template (audited),
 * `face.template-removed` drops templates everywhere. Templates never leave the server and never
 * appear in an event. A row whose key was destroyed (an erased or expired template brought back by
 * a restore) is never loaded: it is deleted when found; a row whose key is missing is skipped.
 *
 * With a data directory, large galleries (those with an HNSW graph) are also kept in a sealed
 * snapshot (gallery-snapshots.ts): at start the snapshot is loaded and reconciled with the
 * database — templates added since are read, templates deleted since or whose keys are no longer
 * live are dropped — instead of reading and indexing everything again. A snapshot is rewritten a
 * while after its gallery changes, and discarded at once (its key destroyed) when a template it
 * holds is erased or expires.
 */
import type { ScoredCandidate } from '../../core/face/template-math';
import { FACE_MODELS, isFaceModelId, type FaceModelId } from '../../contracts/face';
import { auditBulkRead, listTemplateRefs, readTemplate, readTemplatesByIds, readTemplatesForIndex, type StoredTemplate, type TemplateRef } from '../../db/repositories/face.repository';
import type { Database } from '../../db/database';
import type { GallerySnapshots } from '../face/gallery-snapshots';
import { TemplateIndex, type TemplateIndexOptions, type TemplateIndexStats } from '../face/template-index';
import type { TemplateVault } from '../face/template-vault';
import { forgetLeftoverTemplates, SYSTEM_AUDIT } from './face-privacy';

export interface GalleryEntry {
  /** The template's id. */
  id: string;
  /** Who it identifies: the ticket (walk-in) or the citizen (remembered). */
  owner: string;
  group: string;
  template: Float32Array;
}

export const walkInGroup = (model: string, centreId: string, fieldId: string, serviceDay: string) => `w|${model}|${centreId}|${fieldId}|${serviceDay}`;
export const rememberedGroup = (model: string, centreId: string) => `r|${model}|${centreId}`;

/** The model a group's templates belong to (the second part of its key). */
export function modelOfGroup(group: string): string {
  return group.split('|')[1] ?? '';
}

export function groupOf(t: Pick<StoredTemplate, 'kind' | 'centreId' | 'fieldId' | 'serviceDay' | 'model'>): string {
  return t.kind === 'remembered' ? rememberedGroup(t.model, t.centreId) : walkInGroup(t.model, t.centreId, t.fieldId ?? '', t.serviceDay ?? '');
}

const ownerOfRef = (t: TemplateRef) => (t.kind === 'remembered' ? t.citizenId : t.ticketId) ?? '';

/** A stored row with its decrypted template. */
export function toGalleryEntry(t: StoredTemplate, template: Float32Array): GalleryEntry {
  return { id: t.id, owner: ownerOfRef(t), group: groupOf(t), template };
}

export interface GalleryPersistence {
  snapshots: GallerySnapshots;
  /** A gallery that changed is saved again after this long (default 30 minutes). */
  saveAfterChangeMs?: number;
  /** A snapshot discarded because a template in it was erased is rewritten after this long (default 1 minute). */
  saveAfterDiscardMs?: number;
  /** Where failures to save or load are reported. */
  onError: (error: unknown, what: string) => void;
}

/** How the last start found the gallery (for the processing record and the restart benchmark). */
export interface GalleryLoadReport {
  fromSnapshot: number;
  fromDatabase: number;
  /** Snapshot templates dropped because their rows were gone or their keys no longer live. */
  dropped: number;
  seconds: number;
}

export class FaceGallery {
  // Exact scans while a group is small, an HNSW graph once it is large (a province's remembered
  // citizens); scores are exact either way, so thresholds mean the same at any size.
  private readonly indexes = new Map<string, TemplateIndex>();
  private readonly ownerOf = new Map<string, string>();
  private readonly groupSizes = new Map<string, number>();
  private readonly groupOfId = new Map<string, string>();
  private loading: Promise<void> | null = null;
  /** Per model, the ids its snapshot on disk holds. */
  private readonly snapshotIds = new Map<string, Set<string>>();
  private readonly saveTimers = new Map<string, { timer: NodeJS.Timeout; due: number }>();
  /** Snapshot writes and discards, one at a time. */
  private persisting: Promise<void> = Promise.resolve();
  /** Ids removed while a save was under way (the save may have caught them). */
  private removedDuringSave: Set<string> | null = null;
  private closed = false;
  /** Key states read at start by the stored-templates check, for the load that follows. */
  private checkedKeys: { states: ReadonlyMap<string, 'live' | 'destroyed' | 'absent'>; at: number } | null = null;
  lastLoad: GalleryLoadReport | null = null;

  constructor(
    private readonly clock: () => Date,
    private readonly indexOptions: Omit<TemplateIndexOptions, 'dimensions'>,
    private readonly vault: TemplateVault,
    private readonly persistence: GalleryPersistence | null = null,
  ) {}

  /**
   * Key states just read for every stored template (secureStoredTemplates at start): the load that
   * follows within a minute uses them instead of reading the key store again (at a million
   * templates, a pass over the key store takes seconds). A key destroyed meanwhile belongs to a row
   * deleted in the same transaction, which the load's listing no longer shows.
   */
  useCheckedKeyStates(states: ReadonlyMap<string, 'live' | 'destroyed' | 'absent'>): void {
    this.checkedKeys = { states, at: Date.now() };
  }

  /** Whether a snapshot is waiting on disk (then the gallery is worth loading at start). */
  hasSnapshots(): boolean {
    return (this.persistence?.snapshots.models().length ?? 0) > 0;
  }

  /** The index of one model's templates (each model has its own template length). */
  private indexFor(model: string, create: boolean): TemplateIndex | null {
    let index = this.indexes.get(model) ?? null;
    if (!index && create && isFaceModelId(model)) {
      index = new TemplateIndex({ ...this.indexOptions, ...this.searchOptionsFor(model), dimensions: FACE_MODELS[model].templateLength });
      this.indexes.set(model, index);
    }
    return index;
  }

  /** The model's search width, unless the options set one. */
  private searchOptionsFor(model: FaceModelId): Pick<TemplateIndexOptions, 'hnsw'> {
    return { hnsw: { expansionSearch: FACE_MODELS[model].searchExpansion, ...this.indexOptions.hnsw } };
  }

  /** Resolves once every large group's graph holds all its templates (searches never wait for it). */
  async whenIndexed(): Promise<void> {
    await Promise.all([...this.indexes.values()].map((index) => index.whenIndexed()));
  }

  /** How the indexes hold the templates (for the processing record and monitoring; no template). */
  stats(): TemplateIndexStats {
    const total: TemplateIndexStats = { templates: 0, groups: 0, hnswGroups: 0, pending: 0, removedFromGraphs: 0, failedGraphs: 0, rowBytes: 0 };
    for (const index of this.indexes.values()) {
      const one = index.stats();
      for (const key of Object.keys(total) as (keyof TemplateIndexStats)[]) total[key] += one[key];
    }
    return total;
  }

  /** Loads every stored template once per instance; later calls return at once. */
  ensureLoaded(db: Database): Promise<void> {
    this.loading ??= this.load(db).catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(db: Database): Promise<void> {
    const started = performance.now();
    const fromSnapshot = await this.loadSnapshots();
    if (fromSnapshot === 0) {
      const rows = await readTemplatesForIndex(db, this.clock(), 'loading the matching index');
      await this.addRows(db, rows);
      this.lastLoad = { fromSnapshot: 0, fromDatabase: this.groupOfId.size, dropped: 0, seconds: (performance.now() - started) / 1000 };
      // A large gallery is worth a snapshot as soon as its graph is built.
      for (const [model, index] of this.indexes) if (index.stats().hnswGroups > 0) this.scheduleSave(model, 0);
      return;
    }
    const report = await this.reconcile(db);
    this.lastLoad = { ...report, seconds: (performance.now() - started) / 1000 };
  }

  /** Loads every model's snapshot; returns how many templates they hold. */
  private async loadSnapshots(): Promise<number> {
    const snapshots = this.persistence?.snapshots;
    if (!snapshots) return 0;
    let held = 0;
    for (const model of snapshots.models()) {
      if (!isFaceModelId(model)) continue;
      try {
        const loaded = await snapshots.load(model, { ...this.indexOptions, ...this.searchOptionsFor(model), dimensions: FACE_MODELS[model].templateLength });
        if (!loaded) continue;
        this.indexes.set(model, loaded.index);
        this.snapshotIds.set(model, loaded.ids);
        held += loaded.ids.size;
      } catch (error) {
        this.persistence!.onError(error, 'loading the face index snapshot');
      }
    }
    return held;
  }

  /**
   * After snapshots were loaded: keeps what the database still has with a live key, drops the
   * rest, and reads what the snapshots lack.
   */
  private async reconcile(db: Database): Promise<Omit<GalleryLoadReport, 'seconds'>> {
    const refs = await listTemplateRefs(db);
    const listed = new Set<string>();
    const held: TemplateRef[] = [];
    const missing: string[] = [];
    for (const ref of refs) {
      listed.add(ref.id);
      if (this.indexes.get(ref.model)?.groupOf(ref.id) === groupOf(ref)) held.push(ref);
      else missing.push(ref.id);
    }
    const drop = new Map<string, string[]>();
    const dropOne = (model: string, id: string) => {
      const list = drop.get(model) ?? [];
      list.push(id);
      drop.set(model, list);
    };
    for (const [model, index] of this.indexes) for (const id of index.ids()) if (!listed.has(id)) dropOne(model, id);
    // A key destroyed or lost since the snapshot was written: the template must not be used.
    const checked = this.checkedKeys && Date.now() - this.checkedKeys.at < 60_000 ? this.checkedKeys.states : null;
    this.checkedKeys = null;
    const unchecked = checked ? held.filter((r) => !checked.has(r.id)) : held;
    const read = await this.vault.keyStates(unchecked.map((r) => r.id));
    const states = checked ? { get: (id: string) => read.get(id) ?? checked.get(id) } : read;
    const leftovers: string[] = [];
    const kept: TemplateRef[] = [];
    for (const ref of held) {
      const state = states.get(ref.id);
      if (state === 'live') kept.push(ref);
      else {
        dropOne(ref.model, ref.id);
        if (state === 'destroyed') leftovers.push(ref.id);
      }
    }
    let dropped = 0;
    for (const [model, ids] of drop) {
      const index = this.indexes.get(model)!;
      for (const id of ids) index.remove(id);
      dropped += ids.length;
      // The snapshot holds templates that are gone: it must not outlive this start.
      void this.discardSnapshot(model).catch(() => undefined); // reported by persist
    }
    for (const ref of kept) this.register(ref.id, ownerOfRef(ref), groupOf(ref));
    await auditBulkRead(db, kept, this.clock(), 'loading the matching index from its sealed snapshot');
    await forgetLeftoverTemplates(db, this.vault, leftovers, this.clock());
    const rows = await readTemplatesByIds(db, missing, this.clock(), 'loading the matching index (templates its snapshot lacks)');
    const before = this.groupOfId.size;
    await this.addRows(db, rows);
    return { fromSnapshot: kept.length, fromDatabase: this.groupOfId.size - before, dropped };
  }

  /** Opens stored rows and adds them; deletes those whose keys were destroyed. */
  private async addRows(db: Database, rows: StoredTemplate[]): Promise<void> {
    const opened = await this.vault.openMany(rows);
    const leftovers: string[] = [];
    for (const row of rows) {
      const result = opened.get(row.id);
      if (result?.status === 'open') this.add(toGalleryEntry(row, result.template));
      else if (result?.status === 'key-destroyed') leftovers.push(row.id);
    }
    await forgetLeftoverTemplates(db, this.vault, leftovers, this.clock());
  }

  private register(id: string, owner: string, group: string): void {
    this.ownerOf.set(id, owner);
    this.groupOfId.set(id, group);
    this.groupSizes.set(group, (this.groupSizes.get(group) ?? 0) + 1);
  }

  add(entry: GalleryEntry): void {
    this.remove([entry.id]);
    // A template of an unknown model, or of the wrong length for its model, can never be compared.
    const index = this.indexFor(modelOfGroup(entry.group), true);
    if (!index || entry.template.length !== index.dimensions) return;
    index.add(entry.id, entry.group, entry.template);
    this.register(entry.id, entry.owner, entry.group);
    if (this.persistence && index.hasGraph(entry.group)) this.scheduleSave(modelOfGroup(entry.group), this.persistence.saveAfterChangeMs ?? 30 * 60_000);
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const group = this.groupOfId.get(id);
      if (group === undefined) continue;
      const model = modelOfGroup(group);
      this.indexFor(model, false)?.remove(id);
      this.removedDuringSave?.add(id);
      // An erased or expired template must not survive in a snapshot.
      if (this.snapshotIds.get(model)?.has(id)) void this.discardSnapshot(model).catch(() => undefined); // reported by persist
      this.ownerOf.delete(id);
      this.groupOfId.delete(id);
      const left = (this.groupSizes.get(group) ?? 1) - 1;
      if (left > 0) this.groupSizes.set(group, left);
      else this.groupSizes.delete(group);
    }
  }

  /** Another instance stored a template: read it (audited) and add it here. */
  async learn(db: Database, templateId: string): Promise<void> {
    if (!this.loading || this.groupOfId.has(templateId)) return;
    const row = await readTemplate(db, templateId, this.clock(), 'keeping the matching index in step', SYSTEM_AUDIT);
    if (!row) return;
    const result = await this.vault.open(row.id, row.template);
    if (result.status === 'open') this.add(toGalleryEntry(row, result.template));
    else if (result.status === 'key-destroyed') await forgetLeftoverTemplates(db, this.vault, [row.id], this.clock());
  }

  /** The k best entries of a group by cosine similarity (templates are unit vectors), best first. */
  search(group: string, probe: Float32Array, k: number): ScoredCandidate[] {
    const index = this.indexFor(modelOfGroup(group), false);
    if (!index || probe.length !== index.dimensions || !this.groupSizes.has(group)) return [];
    return index.search(probe, k, { groupKey: group }).map((hit) => ({ id: this.ownerOf.get(hit.id) ?? '', score: hit.score }));
  }

  /** How many templates this instance's sealed snapshots hold (for the processing record). */
  snapshotTemplates(): number {
    let total = 0;
    for (const ids of this.snapshotIds.values()) total += ids.size;
    return total;
  }

  /**
   * Destroys the key of every snapshot that holds one of `ids` (templates being erased or purged),
   * so that the deletion is complete when it is reported; throws when a key cannot be destroyed.
   */
  async discardSnapshotsHolding(ids: readonly string[]): Promise<void> {
    const persistence = this.persistence;
    if (!persistence) return;
    for (const [model, held] of [...this.snapshotIds]) {
      if (ids.some((id) => held.has(id))) await this.discardSnapshot(model);
    }
  }

  /**
   * Destroys the model's snapshot now (it holds a template that is gone) and writes a new one
   * shortly, so that a restart does not have to rebuild the graph. Rejects when the key cannot be
   * destroyed (the failure is also reported).
   */
  private discardSnapshot(model: string): Promise<void> {
    const persistence = this.persistence;
    if (!persistence) return Promise.resolve();
    this.snapshotIds.delete(model);
    this.scheduleSave(model, persistence.saveAfterDiscardMs ?? 60_000);
    return this.persist(() => persistence.snapshots.discard(model), 'discarding the face index snapshot');
  }

  /** Runs snapshot work after the work before it; the queue goes on after a failure, which is reported. */
  private persist(work: () => Promise<void>, what: string): Promise<void> {
    const run = this.persisting.then(work);
    this.persisting = run.catch((error: unknown) => this.persistence?.onError(error, what));
    return run;
  }

  /** Saves the model's gallery in `delayMs` (or sooner when a save is already due sooner). */
  private scheduleSave(model: string, delayMs: number): void {
    if (this.closed) return;
    const due = Date.now() + delayMs;
    const pending = this.saveTimers.get(model);
    if (pending && pending.due <= due) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.saveTimers.delete(model);
      void this.saveNow(model);
    }, delayMs);
    timer.unref();
    this.saveTimers.set(model, { timer, due });
  }

  /** Writes the model's snapshot (once its graph holds every template). */
  async saveNow(model: string): Promise<void> {
    const persistence = this.persistence;
    // Waiting for the graph happens outside the queue: an erasure's discard must not wait for it.
    await this.indexes.get(model)?.whenIndexed();
    if (!persistence) return;
    return this.persist(async () => {
      const index = this.indexes.get(model);
      if (!index) return;
      this.removedDuringSave = new Set();
      let saved: Set<string> | null = null;
      try {
        saved = await persistence.snapshots.save(model, index);
      } finally {
        const removed = this.removedDuringSave;
        this.removedDuringSave = null;
        const caught = saved;
        if (removed && caught && [...removed].some((id) => caught.has(id))) {
          // Removed between the write and now: the new snapshot holds it.
          saved = null;
          await persistence.snapshots.discard(model);
          this.scheduleSave(model, persistence.saveAfterDiscardMs ?? 60_000);
        }
      }
      if (saved) this.snapshotIds.set(model, saved);
      else this.snapshotIds.delete(model);
    }, 'saving the face index snapshot').catch(() => undefined); // reported by persist
  }

  /** At shutdown: writes the snapshots that were due, and waits for writes under way. */
  async close(): Promise<void> {
    this.closed = true;
    const due = [...this.saveTimers.keys()];
    for (const { timer } of this.saveTimers.values()) clearTimeout(timer);
    this.saveTimers.clear();
    for (const model of due) await this.saveNow(model);
    await this.persisting;
  }

  size(group?: string): number {
    return group ? (this.groupSizes.get(group) ?? 0) : this.groupOfId.size;
  }
}
