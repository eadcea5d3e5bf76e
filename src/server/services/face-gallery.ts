/**
 * Each app instance's in-memory gallery of face templates, grouped so that every search looks only
 * where it must: one field's walk-in templates of one day (anti-hoarding), or a centre's remembered
 * citizens. Loaded from the database on first use (one audited bulk read) and kept in step with
 * other instances through the event log: `face.template-added` makes every instance read that one
 * template (audited), `face.template-removed` drops templates everywhere. Templates never leave the
 * server and never appear in an event.
 */
import type { ScoredCandidate } from '../../core/face/template-math';
import { decodeTemplate, dot } from '../../core/face/template-math';
import { readTemplate, readTemplatesForIndex, type StoredTemplate } from '../../db/repositories/face.repository';
import type { Database } from '../../db/database';

export interface GalleryEntry {
  /** The template's id. */
  id: string;
  /** Who it identifies: the ticket (walk-in) or the citizen (remembered). */
  owner: string;
  group: string;
  template: Float32Array;
}

export const walkInGroup = (centreId: string, fieldId: string, serviceDay: string) => `w|${centreId}|${fieldId}|${serviceDay}`;
export const rememberedGroup = (centreId: string) => `r|${centreId}`;

export function groupOf(t: Pick<StoredTemplate, 'kind' | 'centreId' | 'fieldId' | 'serviceDay'>): string {
  return t.kind === 'remembered' ? rememberedGroup(t.centreId) : walkInGroup(t.centreId, t.fieldId ?? '', t.serviceDay ?? '');
}

export function toGalleryEntry(t: StoredTemplate): GalleryEntry {
  return { id: t.id, owner: (t.kind === 'remembered' ? t.citizenId : t.ticketId) ?? '', group: groupOf(t), template: decodeTemplate(t.template) };
}

export class FaceGallery {
  private readonly groups = new Map<string, Map<string, GalleryEntry>>();
  private readonly groupOfId = new Map<string, string>();
  private loading: Promise<void> | null = null;

  constructor(private readonly clock: () => Date) {}

  /** Loads every stored template once per instance; later calls return at once. */
  ensureLoaded(db: Database): Promise<void> {
    this.loading ??= readTemplatesForIndex(db, this.clock(), 'loading the matching index').then(
      (rows) => {
        for (const row of rows) this.add(toGalleryEntry(row));
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  add(entry: GalleryEntry): void {
    this.remove([entry.id]);
    let group = this.groups.get(entry.group);
    if (!group) this.groups.set(entry.group, (group = new Map()));
    group.set(entry.id, entry);
    this.groupOfId.set(entry.id, entry.group);
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const group = this.groupOfId.get(id);
      if (!group) continue;
      this.groupOfId.delete(id);
      const entries = this.groups.get(group);
      entries?.delete(id);
      if (entries?.size === 0) this.groups.delete(group);
    }
  }

  /** Another instance stored a template: read it (audited) and add it here. */
  async learn(db: Database, templateId: string): Promise<void> {
    if (!this.loading || this.groupOfId.has(templateId)) return;
    const row = await readTemplate(db, templateId, this.clock(), 'keeping the matching index in step');
    if (row) this.add(toGalleryEntry(row));
  }

  /** The k best entries of a group by cosine similarity (templates are unit vectors), best first. */
  search(group: string, probe: Float32Array, k: number): ScoredCandidate[] {
    const entries = this.groups.get(group);
    if (!entries) return [];
    const scored: ScoredCandidate[] = [];
    for (const entry of entries.values()) {
      if (entry.template.length !== probe.length) continue;
      scored.push({ id: entry.owner, score: dot(entry.template, probe) });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }

  size(group?: string): number {
    return group ? (this.groups.get(group)?.size ?? 0) : this.groupOfId.size;
  }
}
