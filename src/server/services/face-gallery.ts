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
 */
import type { ScoredCandidate } from '../../core/face/template-math';
import { FACE_MODELS, isFaceModelId } from '../../contracts/face';
import { readTemplate, readTemplatesForIndex, type StoredTemplate } from '../../db/repositories/face.repository';
import type { Database } from '../../db/database';
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

/** A stored row with its decrypted template. */
export function toGalleryEntry(t: StoredTemplate, template: Float32Array): GalleryEntry {
  return { id: t.id, owner: (t.kind === 'remembered' ? t.citizenId : t.ticketId) ?? '', group: groupOf(t), template };
}

export class FaceGallery {
  // Exact scans while a group is small, an HNSW graph once it is large (a province's remembered
  // citizens); scores are exact either way, so thresholds mean the same at any size.
  private readonly indexes = new Map<string, TemplateIndex>();
  private readonly ownerOf = new Map<string, string>();
  private readonly groupSizes = new Map<string, number>();
  private readonly groupOfId = new Map<string, string>();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly clock: () => Date,
    private readonly indexOptions: Omit<TemplateIndexOptions, 'dimensions'>,
    private readonly vault: TemplateVault,
  ) {}

  /** The index of one model's templates (each model has its own template length). */
  private indexFor(model: string, create: boolean): TemplateIndex | null {
    let index = this.indexes.get(model) ?? null;
    if (!index && create && isFaceModelId(model)) {
      index = new TemplateIndex({ ...this.indexOptions, dimensions: FACE_MODELS[model].templateLength });
      this.indexes.set(model, index);
    }
    return index;
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
    const rows = await readTemplatesForIndex(db, this.clock(), 'loading the matching index');
    const opened = await this.vault.openMany(rows);
    const leftovers: string[] = [];
    for (const row of rows) {
      const result = opened.get(row.id);
      if (result?.status === 'open') this.add(toGalleryEntry(row, result.template));
      else if (result?.status === 'key-destroyed') leftovers.push(row.id);
    }
    await forgetLeftoverTemplates(db, this.vault, leftovers, this.clock());
  }

  add(entry: GalleryEntry): void {
    this.remove([entry.id]);
    // A template of an unknown model, or of the wrong length for its model, can never be compared.
    const index = this.indexFor(modelOfGroup(entry.group), true);
    if (!index || entry.template.length !== index.dimensions) return;
    index.add(entry.id, entry.group, entry.template);
    this.ownerOf.set(entry.id, entry.owner);
    this.groupOfId.set(entry.id, entry.group);
    this.groupSizes.set(entry.group, (this.groupSizes.get(entry.group) ?? 0) + 1);
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const group = this.groupOfId.get(id);
      if (group === undefined) continue;
      this.indexFor(modelOfGroup(group), false)?.remove(id);
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

  size(group?: string): number {
    return group ? (this.groupSizes.get(group) ?? 0) : this.groupOfId.size;
  }
}
