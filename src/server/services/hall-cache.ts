/**
 * What describes a hall changes rarely (fields, counters and the fields they serve, priority
 * groups, settings) but is read by every ticket. Each app instance keeps a snapshot per centre and
 * drops it when the log shows a `config.changed` or `counter.*` event (from any instance, via the
 * event stream) or when this instance changes it; a short lifetime bounds staleness if an event
 * were ever missed. Decisions that must be exact under concurrency (a counter's state when it
 * calls) still read the database inside their transaction.
 */
import type { Settings } from '../../contracts/api';
import type { Executor } from '../../db/repositories/executor';
import {
  listCounters,
  listFields,
  listPriorityGroups,
  type CounterWithFields,
} from '../../db/repositories/reference.repository';
import type { FieldRow } from '../../db/schema';
import { getSettings } from './settings';

const LIFETIME_MS = 60_000;

export interface PriorityGroupRow {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  weight: number;
  active: boolean;
}

export class HallSnapshot {
  readonly fields: ReadonlyMap<string, FieldRow>;
  readonly priorityGroups: ReadonlyMap<string, PriorityGroupRow>;

  constructor(
    readonly loadedAt: number,
    fields: FieldRow[],
    readonly counters: readonly CounterWithFields[],
    groups: PriorityGroupRow[],
    readonly settings: Settings,
  ) {
    this.fields = new Map(fields.map((f) => [f.id, f]));
    this.priorityGroups = new Map(groups.map((g) => [g.id, g]));
  }

  /** Active counters serving a field, by number. */
  countersServing(fieldId: string): CounterWithFields[] {
    return this.counters.filter((c) => c.active && c.fields.some((f) => f.fieldId === fieldId));
  }

  /** Fields that compete with a field for counters: every field some counter of it also serves. */
  competingFields(fieldId: string): string[] {
    const ids = new Set<string>([fieldId]);
    for (const c of this.countersServing(fieldId)) for (const f of c.fields) ids.add(f.fieldId);
    return [...ids];
  }
}

export class HallCache {
  private readonly snapshots = new Map<string, Promise<HallSnapshot>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The centre's snapshot; `fresh` reloads it (when something read from it proved out of date). */
  async get(ex: Executor, centreId: string, options: { fresh?: boolean } = {}): Promise<HallSnapshot> {
    if (options.fresh) this.snapshots.delete(centreId);
    const cached = this.snapshots.get(centreId);
    if (cached) {
      const snapshot = await cached;
      if (this.now() - snapshot.loadedAt < LIFETIME_MS) return snapshot;
      if (this.snapshots.get(centreId) === cached) this.snapshots.delete(centreId);
    }
    let loading = this.snapshots.get(centreId);
    if (!loading) {
      loading = load(ex, centreId, this.now());
      this.snapshots.set(centreId, loading);
      loading.catch(() => this.snapshots.delete(centreId));
    }
    return loading;
  }

  invalidate(centreId?: string): void {
    if (centreId) this.snapshots.delete(centreId);
    else this.snapshots.clear();
  }
}

async function load(ex: Executor, centreId: string, at: number): Promise<HallSnapshot> {
  const [fields, counters, groups, settings] = await Promise.all([
    listFields(ex, centreId),
    listCounters(ex, centreId),
    listPriorityGroups(ex, centreId),
    getSettings(ex, centreId),
  ]);
  return new HallSnapshot(at, fields, counters, groups, settings);
}
