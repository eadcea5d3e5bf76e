/**
 * In-memory 1:N search over face templates, partitioned by group.
 *
 * A group is what one search covers: "today's active tickets of field X" for anti-hoarding,
 * "remembered citizens" for recognising a returning citizen. Each group keeps its templates in one
 * contiguous Float32Array and is scanned exactly while it is small; above `exactMaxElements`
 * (rows × dimensions) it also gets an HNSW graph (usearch) and is searched approximately, the
 * candidates being re-scored exactly from the float32 rows so that scores — and therefore the match
 * policy's threshold and margin — never depend on the index's quantisation. The switch and its
 * threshold are measured by `npm run bench:face` (docs in bench/face-bench.ts).
 *
 * Building a graph is slow (≈0.2–2 ms per template on 2 cores), so it never happens inside `add`:
 * new rows of an HNSW group wait in a pending set that searches scan exactly, and a background loop
 * moves them into the graph in slices of at most `buildSliceMs`, so the event loop keeps serving.
 * `whenIndexed()` resolves once nothing is pending.
 *
 * Sync across app instances: the owner applies template added/removed events with `applyChange`;
 * `add` is idempotent (same id, group and template → nothing happens; a different group or template
 * replaces it) and removing an unknown id is a no-op, so replaying events is safe. `save`/`load`
 * persist the templates and graphs (all groups, or only those with a graph) with an opaque `meta`,
 * so a restart loads the graphs instead of rebuilding them for minutes. With a `seal` key every
 * file of the snapshot is encrypted (AES-256-GCM); usearch can only write and read a graph through
 * a file path, so the graph passes through a scratch file in memory (`/dev/shm`) where there is one.
 *
 * Templates are biometric data: this module never logs them, and errors never include them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM } from 'node:crypto';
import { endianness } from 'node:os';
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statfsSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Index, MetricKind, ScalarKind } from 'usearch';
import { normalizeTemplate } from '../../core/face/template-math';

export type HnswQuantization = 'f32' | 'f16' | 'i8';

export interface HnswOptions {
  /** How the graph stores vectors; scores are re-computed from float32 rows anyway. */
  quantization: HnswQuantization;
  /** Graph degree (usearch `connectivity`, HNSW "M"). */
  connectivity: number;
  /** Candidate list while inserting (HNSW "efConstruction"): build time against graph quality. */
  expansionAdd: number;
  /** Candidate list while searching (HNSW "ef"): latency against recall. */
  expansionSearch: number;
  /** Fewest graph candidates fetched and re-scored exactly per search (at least k). */
  candidates: number;
  /**
   * …and at least this share of the group: a larger graph needs a wider search for the same
   * recall (fetching n candidates makes usearch search with ef ≥ n). Per search, no rebuild.
   */
  candidateShare: number;
}

export interface TemplateIndexOptions {
  /** Template length; every template and query must have exactly this many values. */
  dimensions: number;
  /**
   * A group is scanned exactly while rows × dimensions ≤ this, and gets a graph above it (it goes
   * back to exact below half of it, so that a group hovering at the limit does not flap).
   */
  exactMaxElements?: number;
  hnsw?: Partial<HnswOptions>;
  /** Longest time one slice of background graph building holds the event loop. */
  buildSliceMs?: number;
  /**
   * Threads usearch may use to insert a slice (0 = all cores). The server keeps 1: a slice holds
   * the event loop either way, and the other core serves the database. Benchmarks use 0.
   */
  buildThreads?: number;
}

/** How `save` writes a snapshot. */
export interface SaveOptions {
  /**
   * Encrypts every file with this AES-256 key; `keyRef` is written in clear in the manifest so the
   * owner can find the key again (e.g. its id in a key store). Destroying the key makes the whole
   * snapshot unreadable, wherever copies of it went.
   */
  seal?: { key: Buffer; keyRef: string };
  /** Only the groups that have a graph: small groups are rebuilt from their source in a moment. */
  onlyGraphGroups?: boolean;
  /** Where a graph's plaintext passes on its way to encryption; see `scratchDirFor`. */
  scratchDir?: string;
}

/** How `load` reads a snapshot. */
export interface LoadOptions {
  /** The key of a sealed snapshot (found with `readSnapshotHeader(dir).keyRef`). */
  key?: Buffer;
  scratchDir?: string;
}

/**
 * Default switch: 4,000,000 multiply-adds — ≈3.6 ms per query for the plain-JS scan on the
 * reference machine (0.9 ns per value), i.e. ~31,000 templates at 128-d, ~7,800 at 512-d, ~3,900
 * at 1024-d. Below it a search is exact and still fast; above it the scan would soon eat the
 * 10 ms budget of a 1:N search. Measured in `npm run bench:face` (`switch`).
 */
export const DEFAULT_EXACT_MAX_ELEMENTS = 4_000_000;

/**
 * Measured on realistic 128-d galleries (bench/face-bench.ts): face templates sit in a narrow cone
 * (strangers score ≈0.84 with face-api), which is much harder for HNSW than random vectors. At
 * 100,000: connectivity 16 needed expansionSearch 512 for recall@1 0.995; connectivity 32 reached
 * 0.99 at 128 and 0.999 at 256 (p50 2 ms). At 1,000,000 the same graph gave 0.963 with 256
 * candidates, 0.995 with 1,024 and 0.999 with 1,536: hence a search widens with the group
 * (`candidateShare` 0.1%, i.e. 1,000 at a million). float16 keeps the graph's distances within ~1e-4
 * of float32 at half the memory; int8 is too coarse for scores that differ in the 2nd decimal.
 * Search-time settings (`expansionSearch`, `candidates`, `candidateShare`) come from the options
 * when a snapshot is loaded; the others are the snapshot's (changing them needs a rebuild).
 */
export const DEFAULT_HNSW_OPTIONS: HnswOptions = {
  quantization: 'f16',
  connectivity: 32,
  expansionAdd: 128,
  expansionSearch: 256,
  candidates: 16,
  candidateShare: 0.001,
};

/** A graph is rebuilt once this share of its entries has been removed since it was built. */
const REBUILD_REMOVED_SHARE = 0.25;
const MIN_CAPACITY_ROWS = 16;

export type TemplateChange =
  | { op: 'add'; id: string; groupKey: string; template: ArrayLike<number> }
  | { op: 'remove'; id: string };

export interface SearchFilter {
  /** Search only these groups (one key or several). */
  groupKey: string | readonly string[];
}

export interface SearchHit {
  id: string;
  groupKey: string;
  /** Exact cosine similarity with the query. */
  score: number;
}

export type AddOutcome = 'added' | 'replaced' | 'unchanged';

export interface TemplateIndexStats {
  templates: number;
  groups: number;
  hnswGroups: number;
  /** Templates of HNSW groups not yet in their graph (scanned exactly meanwhile). */
  pending: number;
  /** Entries removed from graphs since they were built. */
  removedFromGraphs: number;
  /** Groups above the switch whose graph could not be built (searched exactly instead). */
  failedGraphs: number;
  /** Bytes held by the float32 rows (capacity included); the graphs come on top. */
  rowBytes: number;
}

interface Entry {
  group: Group;
  key: number;
}

/** One group: contiguous rows, and a graph once it is large. */
class Group {
  data: Float32Array;
  rowIds: string[] = [];
  rowKeys: number[] = [];
  keyToRow = new Map<number, number>();
  count = 0;
  graph: Index | null = null;
  /** Keys of rows not yet in `graph`. */
  pending = new Set<number>();
  removedSinceBuild = 0;
  /** Set when usearch failed to build this group's graph (e.g. out of memory): it stays exact. */
  graphFailed = false;

  constructor(
    readonly key: string,
    readonly dims: number,
    capacityRows = MIN_CAPACITY_ROWS,
  ) {
    this.data = new Float32Array(Math.max(capacityRows, MIN_CAPACITY_ROWS) * dims);
  }

  get elements(): number {
    return this.count * this.dims;
  }

  push(id: string, key: number, template: Float32Array): void {
    if ((this.count + 1) * this.dims > this.data.length) this.resize(Math.max(this.count * 2, MIN_CAPACITY_ROWS));
    this.data.set(template, this.count * this.dims);
    this.rowIds[this.count] = id;
    this.rowKeys[this.count] = key;
    this.keyToRow.set(key, this.count);
    this.count++;
  }

  /** Removes by moving the last row into the hole; keys (and so the graph) are unaffected. */
  delete(key: number): void {
    const row = this.keyToRow.get(key);
    if (row === undefined) return;
    const last = this.count - 1;
    if (row !== last) {
      this.data.copyWithin(row * this.dims, last * this.dims, (last + 1) * this.dims);
      this.rowIds[row] = this.rowIds[last]!;
      this.rowKeys[row] = this.rowKeys[last]!;
      this.keyToRow.set(this.rowKeys[row]!, row);
    }
    this.rowIds.length = last;
    this.rowKeys.length = last;
    this.keyToRow.delete(key);
    this.count = last;
    // Give memory back after a purge (e.g. the end-of-day deletion of walk-in templates).
    const capacityRows = this.data.length / this.dims;
    if (capacityRows > 4 * MIN_CAPACITY_ROWS && this.count < capacityRows / 4) this.resize(capacityRows / 2);
  }

  row(key: number): Float32Array {
    const row = this.keyToRow.get(key)!;
    return this.data.subarray(row * this.dims, (row + 1) * this.dims);
  }

  private resize(capacityRows: number): void {
    const data = new Float32Array(capacityRows * this.dims);
    data.set(this.data.subarray(0, this.count * this.dims));
    this.data = data;
  }
}

/** The k best hits so far, best first; insertion is cheap because k is small. */
class TopK {
  scores: number[] = [];
  hits: SearchHit[] = [];
  constructor(readonly k: number) {}

  /** The score a candidate must beat to enter. */
  get floor(): number {
    return this.scores.length < this.k ? Number.NEGATIVE_INFINITY : this.scores[this.k - 1]!;
  }

  offer(score: number, id: string, groupKey: string): void {
    if (score <= this.floor) return;
    let i = Math.min(this.scores.length, this.k - 1);
    while (i > 0 && this.scores[i - 1]! < score) i--;
    this.scores.splice(i, 0, score);
    // float32 rounding can push a self-match a hair above 1.
    this.hits.splice(i, 0, { id, groupKey, score: Math.min(1, score) });
    if (this.scores.length > this.k) {
      this.scores.length = this.k;
      this.hits.length = this.k;
    }
  }
}

const SCALAR: Record<HnswQuantization, ScalarKind> = { f32: ScalarKind.F32, f16: ScalarKind.F16, i8: ScalarKind.I8 };

const MANIFEST = 'manifest.json';
const FORMAT = 'motcua-face-template-index';
const FORMAT_VERSION = 2;
/** A sealed file: magic, 12-byte nonce, ciphertext, 16-byte GCM tag. */
const SEALED_MAGIC = Buffer.from('MFS1', 'latin1');
const SEALED_MANIFEST = 'manifest.sealed';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

interface Manifest {
  format: typeof FORMAT;
  version: number;
  dimensions: number;
  exactMaxElements: number | null;
  hnsw: HnswOptions;
  nextKey: number;
  /** Set when the files are encrypted: the reference of their key (the key itself is never here). */
  keyRef: string | null;
  /** The owner's meta; when sealed, it and the groups are only in `manifest.sealed`. */
  meta: unknown;
  groups: ManifestGroup[];
}

interface ManifestGroup {
  groupKey: string;
  count: number;
  file: string;
  /**
   * SHA-256 of the plaintext files of a plain snapshot (usearch aborts the process on a truncated
   * graph file, so it is checked first); empty or null when sealed, where the GCM tags authenticate.
   */
  rowsSha256: string;
  graph: string | null;
  graphSha256: string | null;
}

/** What can be read of a snapshot without its key. */
export interface SnapshotHeader {
  keyRef: string | null;
  dimensions: number;
}

/** The manifest's clear part of a snapshot in `dir`; null when there is none (or not one of ours). */
export function readSnapshotHeader(dir: string): SnapshotHeader | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION || typeof manifest.dimensions !== 'number') return null;
    return { keyRef: manifest.keyRef ?? null, dimensions: manifest.dimensions };
  } catch {
    return null;
  }
}

/**
 * Where a graph's plaintext may pass between usearch and the encryption: memory (`/dev/shm`) when
 * the machine has it with room to spare, else null (the snapshot's own directory is used, and the
 * file is overwritten before it is removed — on an SSD that does not guarantee the bytes are gone,
 * which docs/face-recognition.md says).
 */
export function scratchDirFor(bytesNeeded: number): string | null {
  const shm = '/dev/shm';
  try {
    const fs = statfsSync(shm);
    return fs.bavail * fs.bsize > 2 * bytesNeeded ? shm : null;
  } catch {
    return null;
  }
}

export class TemplateIndex {
  readonly dimensions: number;
  readonly exactMaxElements: number;
  readonly hnsw: Readonly<HnswOptions>;
  private readonly buildSliceMs: number;
  private readonly buildThreads: number;
  private readonly groups = new Map<string, Group>();
  private readonly entries = new Map<string, Entry>();
  private nextKey = 1;
  private drainScheduled = false;
  private idleWaiters: (() => void)[] = [];
  /** Running estimate of the cost of inserting one vector into a graph, for slice sizing. */
  private msPerInsert = 1;

  constructor(options: TemplateIndexOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) throw new RangeError('dimensions must be a positive integer');
    this.dimensions = options.dimensions;
    this.exactMaxElements = options.exactMaxElements ?? DEFAULT_EXACT_MAX_ELEMENTS;
    this.hnsw = { ...DEFAULT_HNSW_OPTIONS, ...options.hnsw };
    this.buildSliceMs = options.buildSliceMs ?? 20;
    this.buildThreads = options.buildThreads ?? 1;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether the group is searched through an HNSW graph. */
  hasGraph(groupKey: string): boolean {
    return this.groups.get(groupKey)?.graph != null;
  }

  /** Every id held. */
  ids(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** The group an id is in, if it is held. */
  groupOf(id: string): string | undefined {
    return this.entries.get(id)?.group.key;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /**
   * Adds or replaces a template; idempotent: the same id, group and template (up to float32
   * rounding) changes nothing. The template is stored L2-normalised.
   */
  add(id: string, groupKey: string, template: ArrayLike<number>): AddOutcome {
    if (template.length !== this.dimensions) {
      throw new RangeError(`template has ${template.length} values, the index holds ${this.dimensions}`);
    }
    const unit = normalizeTemplate(template);
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.group.key === groupKey && sameValues(existing.group.row(existing.key), unit)) return 'unchanged';
      this.remove(id);
    }
    let group = this.groups.get(groupKey);
    if (!group) {
      group = new Group(groupKey, this.dimensions);
      this.groups.set(groupKey, group);
    }
    const key = this.nextKey++;
    group.push(id, key, unit);
    this.entries.set(id, { group, key });
    if (group.graph) {
      group.pending.add(key);
      this.scheduleDrain();
    } else if (group.elements > this.exactMaxElements && !group.graphFailed) {
      this.startGraph(group);
    }
    return existing ? 'replaced' : 'added';
  }

  /** Removes a template; false when the id was not there. */
  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    const { group, key } = entry;
    this.entries.delete(id);
    if (group.graph) {
      if (!group.pending.delete(key)) {
        group.graph.remove(BigInt(key));
        group.removedSinceBuild++;
      }
    }
    group.delete(key);
    if (group.count === 0) {
      this.groups.delete(group.key);
      return true;
    }
    if (group.graph && group.elements <= this.exactMaxElements / 2) {
      group.graph = null;
      group.pending.clear();
      group.removedSinceBuild = 0;
    } else if (group.graph && group.removedSinceBuild > REBUILD_REMOVED_SHARE * group.count) {
      // Removed nodes stay in the graph as tombstones and their slots get reused; past a point the
      // graph degrades, so it is rebuilt (searches scan the not-yet-rebuilt rows exactly meanwhile).
      this.startGraph(group);
    }
    return true;
  }

  /** Applies a template added/removed event from the log (any instance). */
  applyChange(change: TemplateChange): void {
    if (change.op === 'add') this.add(change.id, change.groupKey, change.template);
    else this.remove(change.id);
  }

  /**
   * The k templates most similar to `query`, best first, with exact cosine scores; only in the
   * filter's groups when one is given. The query is normalised here.
   */
  search(query: ArrayLike<number>, k: number, filter?: SearchFilter): SearchHit[] {
    if (query.length !== this.dimensions) {
      throw new RangeError(`query has ${query.length} values, the index holds ${this.dimensions}`);
    }
    if (!Number.isInteger(k) || k <= 0) throw new RangeError('k must be a positive integer');
    const q = normalizeTemplate(query);
    const top = new TopK(k);
    for (const group of this.groupsFor(filter)) {
      if (group.graph) this.searchGraph(group, q, top);
      else scanRows(group, q, top, null);
    }
    return top.hits;
  }

  /** Resolves when every HNSW group's graph holds all its rows. */
  whenIndexed(): Promise<void> {
    if (!this.hasPending()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stats(): TemplateIndexStats {
    let hnswGroups = 0;
    let pending = 0;
    let removedFromGraphs = 0;
    let rowBytes = 0;
    let failedGraphs = 0;
    for (const group of this.groups.values()) {
      if (group.graph) hnswGroups++;
      if (group.graphFailed) failedGraphs++;
      pending += group.pending.size;
      removedFromGraphs += group.removedSinceBuild;
      rowBytes += group.data.byteLength;
    }
    return { templates: this.entries.size, groups: this.groups.size, hnswGroups, pending, removedFromGraphs, failedGraphs, rowBytes };
  }

  /**
   * Writes a snapshot to the directory `dir` (replaced atomically: a crash leaves the old snapshot
   * or the new one). Synchronous, so the snapshot is consistent; it blocks for about the time the
   * disk takes to write (and encrypt) the rows and graphs (measured in the bench). Returns the ids
   * it holds.
   */
  save(dir: string, meta: unknown = null, options: SaveOptions = {}): string[] {
    if (endianness() !== 'LE') throw new Error('template snapshots are little-endian only');
    const key = options.seal?.key ?? null;
    if (key && key.length !== 32) throw new RangeError('a snapshot key has 32 bytes');
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      dimensions: this.dimensions,
      exactMaxElements: this.exactMaxElements,
      hnsw: { ...this.hnsw },
      nextKey: this.nextKey,
      keyRef: options.seal?.keyRef ?? null,
      meta,
      groups: [],
    };
    const saved: string[] = [];
    try {
      let n = 0;
      for (const group of this.groups.values()) {
        if (options.onlyGraphGroups && !group.graph) continue;
        const file = `g${n}`;
        const graph = group.graph ? `g${n}.usearch` : null;
        n++;
        const rows = group.data.subarray(0, group.count * this.dimensions);
        writeBytes(join(tmp, `${file}.f32`), asBytes(rows), key);
        writeBytes(join(tmp, `${file}.ids.json`), Buffer.from(JSON.stringify({ ids: group.rowIds, keys: group.rowKeys })), key);
        let graphSha256: string | null = null;
        if (group.graph && graph) {
          if (key) {
            const estimate = group.count * (this.dimensions * 4 + this.hnsw.connectivity * 8 + 64);
            const scratch = join(options.scratchDir ?? scratchDirFor(estimate) ?? tmp, `motcua-graph-${process.pid}-${randomBytes(6).toString('hex')}`);
            try {
              group.graph.save(scratch);
              sealFile(scratch, join(tmp, graph), key);
            } finally {
              wipeFile(scratch);
            }
          } else {
            group.graph.save(join(tmp, graph));
            graphSha256 = hashFile(join(tmp, graph));
          }
        }
        manifest.groups.push({ groupKey: group.key, count: group.count, file, rowsSha256: key ? '' : sha256(rows), graph, graphSha256 });
        for (const id of group.rowIds) saved.push(id); // not push(...ids): a million arguments overflow the stack
      }
      // The manifest goes last: a directory without one is not a snapshot. Sealed, only the header
      // stays readable.
      if (key) {
        writeBytes(join(tmp, SEALED_MANIFEST), Buffer.from(JSON.stringify(manifest)), key);
        const header: Manifest = { ...manifest, meta: null, groups: [], nextKey: 0 };
        writeFileSync(join(tmp, MANIFEST), JSON.stringify(header), { mode: 0o600 });
      } else {
        writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest), { mode: 0o600 });
      }
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
    const old = `${dir}.old-${process.pid}`;
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
    return saved;
  }

  /**
   * Reads a snapshot written by `save` (with its key when it was sealed). Build-time graph settings
   * are the snapshot's; search-time ones (`expansionSearch`, `candidates`, `candidateShare`),
   * `buildSliceMs` and `buildThreads` come from `options` or the defaults. The dimensions must match
   * when given. A graph file that is missing or does not hold every row is completed (or rebuilt)
   * in the background, so a damaged graph costs time, never results; damaged rows (or a wrong key)
   * throw.
   */
  static load(dir: string, options: Partial<TemplateIndexOptions> = {}, opening: LoadOptions = {}): { index: TemplateIndex; meta: unknown } {
    let manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) throw new Error(`${dir} is not a template index snapshot`);
    const key = manifest.keyRef === null ? null : (opening.key ?? null);
    if (manifest.keyRef !== null) {
      if (!key) throw new Error(`${dir} is sealed and no key was given`);
      manifest = JSON.parse(readBytes(join(dir, SEALED_MANIFEST), key).toString('utf8')) as Manifest;
    }
    if (options.dimensions !== undefined && options.dimensions !== manifest.dimensions) {
      throw new RangeError(`snapshot holds ${manifest.dimensions}-value templates, expected ${options.dimensions}`);
    }
    const index = new TemplateIndex({
      dimensions: manifest.dimensions,
      // JSON writes Infinity ("never a graph") as null.
      exactMaxElements: options.exactMaxElements ?? manifest.exactMaxElements ?? Number.POSITIVE_INFINITY,
      hnsw: {
        ...DEFAULT_HNSW_OPTIONS,
        ...options.hnsw,
        // The graphs were built with these.
        quantization: manifest.hnsw.quantization,
        connectivity: manifest.hnsw.connectivity,
        expansionAdd: manifest.hnsw.expansionAdd,
      },
      buildSliceMs: options.buildSliceMs,
      buildThreads: options.buildThreads,
    });
    index.nextKey = manifest.nextKey;
    for (const g of manifest.groups) {
      const { ids, keys } = JSON.parse(readBytes(join(dir, `${g.file}.ids.json`), key).toString('utf8')) as { ids: string[]; keys: number[] };
      if (ids.length !== g.count || keys.length !== g.count) throw new Error(`snapshot group ${g.file} is inconsistent`);
      const group = new Group(g.groupKey, manifest.dimensions, g.count);
      const rows = group.data.subarray(0, g.count * manifest.dimensions);
      readBytes(join(dir, `${g.file}.f32`), key, asBytes(rows));
      // Sealed files are authenticated by their GCM tag; plain ones by the manifest's hash.
      if (!key && sha256(rows) !== g.rowsSha256) throw new Error(`snapshot group ${g.file} is damaged`);
      group.count = g.count;
      group.rowIds = ids;
      group.rowKeys = keys;
      for (let row = 0; row < g.count; row++) {
        group.keyToRow.set(keys[row]!, row);
        index.entries.set(ids[row]!, { group, key: keys[row]! });
      }
      index.groups.set(group.key, group);
      if (group.elements > index.exactMaxElements / 2 && (g.graph !== null || group.elements > index.exactMaxElements)) {
        const loaded = g.graph !== null && index.loadGraph(group, join(dir, g.graph), g.graphSha256, key, opening.scratchDir);
        if (!loaded) index.startGraph(group);
      }
    }
    index.scheduleDrain();
    return { index, meta: manifest.meta };
  }

  // -------------------------------------------------------------------------------------------

  private *groupsFor(filter: SearchFilter | undefined): Iterable<Group> {
    if (!filter) {
      yield* this.groups.values();
      return;
    }
    const keys = typeof filter.groupKey === 'string' ? [filter.groupKey] : [...new Set(filter.groupKey)];
    for (const key of keys) {
      const group = this.groups.get(key);
      if (group) yield group;
    }
  }

  private searchGraph(group: Group, q: Float32Array, top: TopK): void {
    const graph = group.graph!;
    if (graph.size() > 0) {
      const size = graph.size();
      const wanted = Math.min(Math.max(top.k, this.hnsw.candidates, Math.ceil(this.hnsw.candidateShare * size)), size);
      const found = graph.search(q, wanted, 1);
      for (let i = 0; i < found.keys.length; i++) {
        const key = Number(found.keys[i]);
        const row = group.keyToRow.get(key);
        if (row === undefined) continue; // padding, or a key removed meanwhile
        top.offer(dotRow(group.data, row * group.dims, q), group.rowIds[row]!, group.key);
      }
    }
    if (group.pending.size > 0) scanRows(group, q, top, group.pending);
  }

  private newGraph(): Index {
    return new Index({
      dimensions: this.dimensions,
      metric: MetricKind.Cos,
      quantization: SCALAR[this.hnsw.quantization],
      connectivity: this.hnsw.connectivity,
      expansion_add: this.hnsw.expansionAdd,
      expansion_search: this.hnsw.expansionSearch,
      multi: false,
    });
  }

  /** Loads a saved graph (decrypting it when sealed); false when it is missing, damaged or does not fit the rows. */
  private loadGraph(group: Group, file: string, expectedSha256: string | null, key: Buffer | null, scratchDir: string | undefined): boolean {
    if (!existsSync(file)) return false;
    if (!key) return hashFile(file) === expectedSha256 && this.adoptGraph(group, file);
    // Sealed: usearch reads only from a path, so the graph is decrypted into a scratch file.
    const ownScratch = `${file}.open`;
    const root = scratchDir ?? scratchDirFor(statSync(file).size) ?? ownScratch;
    if (root === ownScratch) mkdirSync(root, { recursive: true, mode: 0o700 });
    const path = join(root, `motcua-graph-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      unsealFile(file, path, key);
      return this.adoptGraph(group, path);
    } catch {
      return false;
    } finally {
      wipeFile(path);
      rmSync(ownScratch, { recursive: true, force: true });
    }
  }

  /** Reads a plain graph file into the group; false when unreadable or when it holds keys the rows do not. */
  private adoptGraph(group: Group, path: string): boolean {
    const graph = this.newGraph();
    try {
      graph.load(path);
    } catch {
      return false;
    }
    const present = graph.contains(BigUint64Array.from(group.rowKeys, (k) => BigInt(k))) as boolean[];
    const pending = new Set<number>();
    present.forEach((isThere, row) => {
      if (!isThere) pending.add(group.rowKeys[row]!);
    });
    if (graph.size() !== group.count - pending.size) return false;
    group.graph = graph;
    group.pending = pending;
    return true;
  }

  /** (Re)starts a graph for the group: every row pending, built in the background. */
  private startGraph(group: Group): void {
    group.graph = this.newGraph();
    group.pending = new Set(group.rowKeys);
    group.removedSinceBuild = 0;
    this.scheduleDrain();
  }

  private hasPending(): boolean {
    for (const group of this.groups.values()) if (group.pending.size > 0) return true;
    return false;
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drainSlice();
    });
  }

  /** Inserts about `buildSliceMs` worth of pending rows into their graphs, then yields. */
  private drainSlice(): void {
    for (const group of this.groups.values()) {
      if (!group.graph || group.pending.size === 0) continue;
      const batch = Math.max(1, Math.min(group.pending.size, Math.floor(this.buildSliceMs / this.msPerInsert)));
      const keys = new BigUint64Array(batch);
      const vectors = new Float32Array(batch * group.dims);
      let n = 0;
      for (const key of group.pending) {
        if (n === batch) break;
        keys[n] = BigInt(key);
        vectors.set(group.row(key), n * group.dims);
        n++;
      }
      const started = performance.now();
      try {
        group.graph.add(keys, vectors, this.buildThreads);
      } catch {
        // Slower but still correct: the group is scanned exactly from now on.
        group.graph = null;
        group.pending.clear();
        group.graphFailed = true;
        break;
      }
      const perInsert = (performance.now() - started) / batch;
      this.msPerInsert = Math.max(0.001, 0.7 * this.msPerInsert + 0.3 * perInsert);
      for (const key of keys) group.pending.delete(Number(key));
      break; // one group per slice
    }
    if (this.hasPending()) {
      this.scheduleDrain();
    } else {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

/** Exact scan of a group's rows (or only of the rows in `onlyKeys`) into `top`. */
function scanRows(group: Group, q: Float32Array, top: TopK, onlyKeys: Set<number> | null): void {
  const { data, dims } = group;
  if (onlyKeys) {
    for (const key of onlyKeys) {
      const row = group.keyToRow.get(key)!;
      const score = dotRow(data, row * dims, q);
      if (score > top.floor) top.offer(score, group.rowIds[row]!, group.key);
    }
    return;
  }
  for (let row = 0, offset = 0; row < group.count; row++, offset += dims) {
    const score = dotRow(data, offset, q);
    if (score > top.floor) top.offer(score, group.rowIds[row]!, group.key);
  }
}

/** Dot product of one stored row with the query; four accumulators (≈2× over one in V8). */
function dotRow(data: Float32Array, offset: number, q: Float32Array): number {
  const n = q.length;
  const n4 = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let o = offset;
  for (let j = 0; j < n4; j += 4, o += 4) {
    s0 += data[o]! * q[j]!;
    s1 += data[o + 1]! * q[j + 1]!;
    s2 += data[o + 2]! * q[j + 2]!;
    s3 += data[o + 3]! * q[j + 3]!;
  }
  for (let j = n4; j < n; j++, o++) s0 += data[o]! * q[j]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Encrypted in 1 MB pieces: each `update` returns a new buffer, and large ones cost more in fresh
 * memory than in AES (measured: AES-256-GCM 0.17 GB/s in 200 MB pieces, over 2 GB/s in 1 MB ones).
 */
const CRYPTO_CHUNK_BYTES = 1 << 20;

/** Hashed in pieces: one `update` of 4 GB (1,000,000 × 1024 floats) is refused. */
const IO_CHUNK_BYTES = 1 << 28;

const asBytes = (rows: Float32Array) => new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** `bytes` in pieces of CRYPTO_CHUNK_BYTES. */
function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += CRYPTO_CHUNK_BYTES) yield bytes.subarray(offset, offset + CRYPTO_CHUNK_BYTES);
}

/** The content of the file `path` in pieces (each valid until the next is asked for). */
function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CRYPTO_CHUNK_BYTES);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) yield chunk.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `chunks` to `path`, encrypted when `key` is given: magic, a fresh nonce, the ciphertext,
 * the GCM tag.
 */
function writeFileFrom(path: string, chunks: Iterable<Uint8Array>, key: Buffer | null): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    if (!key) {
      for (const chunk of chunks) writeAll(fd, chunk);
      return;
    }
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    writeAll(fd, SEALED_MAGIC);
    writeAll(fd, nonce);
    for (const chunk of chunks) writeAll(fd, cipher.update(chunk));
    writeAll(fd, cipher.final());
    writeAll(fd, cipher.getAuthTag());
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams the content of `path` — decrypted when `key` is given — to the sink that `open` returns
 * for the content's length. A sealed file that was altered, cut short or sealed with another key
 * throws once the whole content has gone by, so a sink must not trust what it got until then.
 */
function readFileTo(path: string, key: Buffer | null, open: (length: number) => (plain: Uint8Array, offset: number) => void): void {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let start = 0;
    let end = size;
    let decipher: DecipherGCM | null = null;
    if (key) {
      const head = Buffer.alloc(SEALED_MAGIC.length + NONCE_BYTES);
      const tag = Buffer.alloc(TAG_BYTES);
      if (size < head.length + TAG_BYTES || readSync(fd, head, 0, head.length, 0) !== head.length || !head.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC)) {
        throw new Error(`${path} is not a sealed snapshot file`);
      }
      readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
      decipher = createDecipheriv('aes-256-gcm', key, head.subarray(SEALED_MAGIC.length));
      decipher.setAuthTag(tag);
      start = head.length;
      end = size - TAG_BYTES;
    }
    const sink = open(end - start);
    const chunk = Buffer.allocUnsafe(Math.min(CRYPTO_CHUNK_BYTES, Math.max(end - start, 1)));
    for (let position = start; position < end; ) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, end - position), position);
      if (read === 0) throw new Error(`${path} ended early`);
      const part = chunk.subarray(0, read);
      sink(decipher ? decipher.update(part) : part, position - start);
      position += read;
    }
    decipher?.final(); // throws when the tag does not match
  } finally {
    closeSync(fd);
  }
}

/** Writes `bytes` to `path`, encrypted when `key` is given. */
function writeBytes(path: string, bytes: Uint8Array, key: Buffer | null): void {
  writeFileFrom(path, slices(bytes), key);
}

/** Reads `path` (decrypting it when `key` is given) into `into`, whose length must be the content's, or into a new buffer. */
function readBytes(path: string, key: Buffer | null, into?: Uint8Array): Buffer {
  let out: Buffer | null = null;
  readFileTo(path, key, (length) => {
    if (into && into.length !== length) throw new Error(`${path} has the wrong size`);
    const target = into ? Buffer.from(into.buffer, into.byteOffset, into.byteLength) : Buffer.allocUnsafe(length);
    out = target;
    return (plain, offset) => target.set(plain, offset);
  });
  return out!;
}

/** Encrypts the file `from` into `to` (a graph can be larger than one buffer). */
function sealFile(from: string, to: string, key: Buffer): void {
  writeFileFrom(to, fileChunks(from), key);
}

/** Decrypts the sealed file `from` into `to`; throws (leaving `to` to be wiped) when it fails to authenticate. */
function unsealFile(from: string, to: string, key: Buffer): void {
  const fd = openSync(to, 'w', 0o600);
  try {
    readFileTo(from, key, () => (plain) => writeAll(fd, plain));
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a scratch file that held a graph in clear, overwriting it first when it is not in memory
 * (best effort: a journaling file system or an SSD may keep older copies of the blocks).
 */
function wipeFile(path: string): void {
  if (!existsSync(path)) return;
  if (!path.startsWith('/dev/shm/')) {
    try {
      const fd = openSync(path, 'r+');
      try {
        const size = fstatSync(fd).size;
        const zeros = Buffer.alloc(Math.min(size, 1 << 24));
        for (let offset = 0; offset < size; ) offset += writeSync(fd, zeros, 0, Math.min(zeros.length, size - offset), offset);
        fsyncSync(fd);
        ftruncateSync(fd, 0);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Removing it below is still worth doing.
    }
  }
  rmSync(path, { force: true });
}

function sha256(rows: Float32Array): string {
  const hash = createHash('sha256');
  const bytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength);
  for (let offset = 0; offset < bytes.length; offset += IO_CHUNK_BYTES) hash.update(bytes.subarray(offset, offset + IO_CHUNK_BYTES));
  return hash.digest('hex');
}

function hashFile(path: string): string {
  const hash = createHash('sha256');
  const chunk = new Uint8Array(1 << 24);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Equal up to float32 rounding of the normalisation (the same template sent again, rescaled). */
function sameValues(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 1e-6) return false;
  return true;
}
