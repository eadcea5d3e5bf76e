/**
 * The keys that face templates are encrypted with, kept apart from the database so that no copy of
 * the database — its files, its write-ahead log, a backup, a restored backup — can read a template
 * whose key has been destroyed (crypto-erasure; see template-vault.ts and docs/face-recognition.md).
 *
 * The file store keeps fixed-size records in `keys-*.bin` files of one directory (by default
 * DATA_DIR/face-keys, FACE_KEYS_DIR to put it elsewhere, e.g. a folder shared by several hosts):
 *
 *   bytes 0–3    magic "MFK1"
 *   byte  4      state: "L" live, "D" destroyed
 *   bytes 5–7    zero
 *   bytes 8–23   the template id (a UUID, 16 bytes)
 *   bytes 24–55  the AES-256 key; zero once destroyed
 *   bytes 56–63  the first 8 bytes of SHA-256 over bytes 0–55 (a damaged record is never used)
 *
 * Destroying a key overwrites its record in place with a tombstone and flushes the file (fsync):
 * the key's bytes are gone from the file, and the tombstone tells a later reader that the template
 * was erased or expired (its row may be deleted), which a missing key does not (a wrong folder or a
 * lost store must never delete anything). Records are 64-byte aligned, so one never straddles a page.
 *
 * Every store object (an app instance, a CLI command) appends only to a file it created itself
 * (O_EXCL, a random name), so instances and hosts adding keys at the same time never write into the
 * same file; readers scan all files and pick up other writers' records when a key is not found.
 * Keys are not cached: each read goes to the file, so a key destroyed by another instance is seen
 * as destroyed at once (on a network folder, after that host's attribute cache expires).
 */
import { hash, randomBytes } from 'node:crypto';
import { constants, mkdirSync } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export const KEY_BYTES = 32;
const RECORD_BYTES = 64;
const MAGIC = Buffer.from('MFK1', 'latin1');
const LIVE = 0x4c;
const DESTROYED = 0x44;
const ID_AT = 8;
const KEY_AT = 24;
const CHECK_AT = 56;
const FILE_PATTERN = /^keys-[0-9a-z-]+\.bin$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type KeyLookup =
  /** One or more keys (normally one; the vault tries each). */
  | { state: 'live'; keys: Buffer[] }
  /** Erased or expired: whatever it encrypted is gone for good. */
  | { state: 'destroyed' }
  /** Not in this store: never written here, or the store was lost or is the wrong one. */
  | { state: 'absent' };

/** Where the store reports problems (a pino logger fits). Never given a key or a template. */
export interface KeyStoreLog {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface FaceKeyStore {
  readonly kind: 'file' | 'memory';
  /** The directory, for log lines and the processing record; null in memory. */
  readonly location: string | null;
  /** A new random key for `id`, on disk (fsync) before it is returned. */
  create(id: string): Promise<Buffer>;
  /** New keys for many ids with one write and one flush (bulk enrolment, benchmarks). */
  createMany(ids: readonly string[]): Promise<Map<string, Buffer>>;
  read(id: string): Promise<KeyLookup>;
  /** Many at once (loading the matching index): one pass over the files. */
  readMany(ids: readonly string[]): Promise<Map<string, KeyLookup>>;
  /** Overwrites the keys of `ids` and flushes; ids without a key are ignored. */
  destroy(ids: readonly string[]): Promise<void>;
}

export function idBytes(id: string): Buffer {
  if (!UUID_PATTERN.test(id)) throw new RangeError('a face key id must be a UUID');
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function idString(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function checksum(record: Buffer): Buffer {
  return hash('sha256', record.subarray(0, CHECK_AT), 'buffer').subarray(0, 8);
}

function makeRecord(id: string, state: number, key: Buffer | null): Buffer {
  const record = Buffer.alloc(RECORD_BYTES);
  MAGIC.copy(record, 0);
  record[4] = state;
  idBytes(id).copy(record, ID_AT);
  if (key) key.copy(record, KEY_AT);
  checksum(record).copy(record, CHECK_AT);
  return record;
}

type ParsedRecord = { id: string; state: 'live'; key: Buffer } | { id: string; state: 'destroyed' };

function parseRecord(record: Buffer): ParsedRecord | null {
  if (record.length !== RECORD_BYTES || !record.subarray(0, 4).equals(MAGIC)) return null;
  if (!checksum(record).equals(record.subarray(CHECK_AT, RECORD_BYTES))) return null;
  const id = idString(record.subarray(ID_AT, ID_AT + 16));
  if (record[4] === LIVE) return { id, state: 'live', key: Buffer.from(record.subarray(KEY_AT, KEY_AT + KEY_BYTES)) };
  if (record[4] === DESTROYED) return { id, state: 'destroyed' };
  return null;
}

function combine(found: ParsedRecord[]): KeyLookup {
  if (found.length === 0) return { state: 'absent' };
  // A tombstone wins over any other record of the same id: erasure fails closed.
  if (found.some((r) => r.state === 'destroyed')) return { state: 'destroyed' };
  return { state: 'live', keys: found.map((r) => (r as Extract<ParsedRecord, { state: 'live' }>).key) };
}

interface Location {
  file: string;
  offset: number;
}

/** Keys in files under `dir` (created if missing). Never throws on reads: problems go to `log`. */
export class FileKeyStore implements FaceKeyStore {
  readonly kind = 'file' as const;
  private readonly where = new Map<string, Location[]>();
  /** How far each file has been read (whole records only). */
  private readonly scanned = new Map<string, number>();
  private readonly reported = new Set<string>();
  private writer: { file: string; handle: FileHandle; size: number } | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    readonly location: string,
    private readonly log: KeyStoreLog,
  ) {
    try {
      mkdirSync(location, { recursive: true, mode: 0o700 });
    } catch (error) {
      this.report('open', { keyStore: location, err: error }, 'face key store cannot be opened: face templates can be neither stored nor read');
    }
  }

  create(id: string): Promise<Buffer> {
    // One write at a time per store object: its own file grows by whole records, in order.
    const run = this.writing.then(() => this.append(id));
    this.writing = run.catch(() => undefined);
    return run;
  }

  async createMany(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const run = this.writing.then(() => this.appendMany(ids));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async append(id: string): Promise<Buffer> {
    return (await this.appendMany([id])).get(id)!;
  }

  private async appendMany(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    if (ids.length === 0) return keys;
    const records = Buffer.alloc(ids.length * RECORD_BYTES);
    ids.forEach((id, i) => {
      const key = randomBytes(KEY_BYTES);
      keys.set(id, key);
      const record = makeRecord(id, LIVE, key);
      record.copy(records, i * RECORD_BYTES);
      record.fill(0);
    });
    try {
      const writer = await this.openWriter();
      const offset = writer.size;
      for (let written = 0; written < records.length; ) {
        const { bytesWritten } = await writer.handle.write(records, written, records.length - written);
        if (bytesWritten === 0) throw new Error('face key store: short write');
        written += bytesWritten;
      }
      await writer.handle.datasync();
      writer.size += records.length;
      ids.forEach((id, i) => this.remember(id, { file: writer.file, offset: offset + i * RECORD_BYTES }));
      this.scanned.set(writer.file, Math.max(this.scanned.get(writer.file) ?? 0, writer.size));
    } finally {
      records.fill(0);
    }
    return keys;
  }

  private async openWriter(): Promise<{ file: string; handle: FileHandle; size: number }> {
    if (this.writer) {
      // A file deleted under a running server would take every new key with it at the next start.
      const { nlink } = await this.writer.handle.stat();
      if (nlink > 0) return this.writer;
      this.report(`unlinked:${this.writer.file}`, { keyStore: this.location }, 'face key store file was deleted while in use: keys written to it are lost; starting a new file');
      await this.writer.handle.close().catch(() => undefined);
      this.writer = null;
    }
    mkdirSync(this.location, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14);
    const file = join(this.location, `keys-${stamp}-${randomBytes(8).toString('hex')}.bin`);
    const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND, 0o600);
    await syncDirectory(this.location);
    this.writer = { file, handle, size: 0 };
    return this.writer;
  }

  async read(id: string): Promise<KeyLookup> {
    if (!this.where.has(id)) await this.refresh();
    const found: ParsedRecord[] = [];
    for (const { file, offset } of this.where.get(id) ?? []) {
      const record = await readRecord(file, offset).catch((error: unknown) => {
        this.report(`read:${file}`, { keyStore: this.location, file, err: error }, 'face key store file cannot be read');
        return null;
      });
      const parsed = record ? parseRecord(record) : null;
      if (parsed && parsed.id === id) found.push(parsed);
      else if (record) this.report(`damaged:${file}:${offset}`, { keyStore: this.location, file, offset }, 'face key store record is damaged; its template cannot be read');
    }
    return combine(found);
  }

  async readMany(ids: readonly string[]): Promise<Map<string, KeyLookup>> {
    const wanted = new Set(ids);
    const found = new Map<string, ParsedRecord[]>();
    for (const file of await this.listFiles()) {
      let bytes: Buffer;
      try {
        bytes = await readWhole(file);
      } catch (error) {
        this.report(`read:${file}`, { keyStore: this.location, file, err: error }, 'face key store file cannot be read');
        continue;
      }
      const complete = this.index(file, bytes, 0, (record) => {
        if (!wanted.has(record.id)) {
          if (record.state === 'live') record.key.fill(0);
          return;
        }
        const list = found.get(record.id) ?? [];
        list.push(record);
        found.set(record.id, list);
      });
      this.scanned.set(file, Math.max(this.scanned.get(file) ?? 0, complete));
      bytes.fill(0);
    }
    return new Map(ids.map((id) => [id, combine(found.get(id) ?? [])]));
  }

  async destroy(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // A folder that cannot be listed may still hold these keys: refuse rather than report them gone.
    if (ids.some((id) => !this.where.has(id))) await this.refresh({ strict: true });
    const byFile = new Map<string, { id: string; offset: number }[]>();
    for (const id of ids) {
      for (const { file, offset } of this.where.get(id) ?? []) byFile.set(file, [...(byFile.get(file) ?? []), { id, offset }]);
    }
    for (const [file, records] of byFile) {
      // Not O_APPEND: each tombstone goes exactly where its key was.
      const handle = await open(file, constants.O_RDWR);
      try {
        for (const { id, offset } of records) {
          const current = Buffer.alloc(RECORD_BYTES);
          await handle.read(current, 0, RECORD_BYTES, offset);
          const parsed = parseRecord(current);
          current.fill(0);
          if (!parsed || parsed.id !== id || parsed.state === 'destroyed') continue;
          const { bytesWritten } = await handle.write(makeRecord(id, DESTROYED, null), 0, RECORD_BYTES, offset);
          if (bytesWritten !== RECORD_BYTES) throw new Error('face key store: short write');
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }

  /** Indexes records written since the last look (by this or any other writer). */
  private async refresh(options: { strict?: boolean } = {}): Promise<void> {
    if (options.strict) {
      // No folder at all means no key survives anywhere; any other failure might hide live keys.
      await readdir(this.location).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    for (const file of await this.listFiles()) {
      const from = this.scanned.get(file) ?? 0;
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch {
        continue;
      }
      const end = size - (size % RECORD_BYTES);
      if (end <= from) continue;
      let bytes: Buffer;
      try {
        const handle = await open(file, 'r');
        try {
          bytes = Buffer.alloc(end - from);
          await handle.read(bytes, 0, bytes.length, from);
        } finally {
          await handle.close();
        }
      } catch (error) {
        this.report(`read:${file}`, { keyStore: this.location, file, err: error }, 'face key store file cannot be read');
        continue;
      }
      const last = this.index(file, bytes, from, (record) => {
        if (record.state === 'live') record.key.fill(0);
      });
      this.scanned.set(file, last);
      bytes.fill(0);
    }
  }

  /**
   * Indexes the records of `bytes` (read from `file` at `base`); returns how far they are complete.
   * One bad record at the very end may be its writer's record in flight (a writer adds one record
   * at a time): it is read again next time. Any other bad record is damage, reported once.
   */
  private index(file: string, bytes: Buffer, base: number, each: (record: ParsedRecord) => void): number {
    let goodUntil = base;
    const bad: number[] = [];
    for (let at = 0; at + RECORD_BYTES <= bytes.length; at += RECORD_BYTES) {
      const parsed = parseRecord(bytes.subarray(at, at + RECORD_BYTES));
      if (!parsed) {
        bad.push(base + at);
        continue;
      }
      this.remember(parsed.id, { file, offset: base + at });
      each(parsed);
      goodUntil = base + at + RECORD_BYTES;
    }
    const inFlight = bad.at(-1) === base + bytes.length - RECORD_BYTES ? 1 : 0;
    const damaged = bad.slice(0, bad.length - inFlight);
    if (damaged.length > 0) {
      this.report(`damaged:${file}:${damaged[0]}`, { keyStore: this.location, file, records: damaged.length }, 'face key store file has damaged records; their templates cannot be read');
      // Past damage, reading resumes after it; only a record possibly in flight is read again.
      goodUntil = Math.max(goodUntil, damaged.at(-1)! + RECORD_BYTES);
    }
    return goodUntil;
  }

  private remember(id: string, location: Location): void {
    const list = this.where.get(id) ?? [];
    if (!list.some((l) => l.file === location.file && l.offset === location.offset)) list.push(location);
    this.where.set(id, list);
  }

  private async listFiles(): Promise<string[]> {
    try {
      return (await readdir(this.location)).filter((f) => FILE_PATTERN.test(f)).sort().map((f) => join(this.location, f));
    } catch (error) {
      this.report('list', { keyStore: this.location, err: error }, 'face key store directory cannot be read (missing?): face templates cannot be read; check FACE_KEYS_DIR');
      return [];
    }
  }

  /** Logs a problem once per kind and place, so a broken store does not flood the log. */
  private report(key: string, fields: object, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log.error(fields, message);
  }

  async close(): Promise<void> {
    await this.writing;
    await this.writer?.handle.close().catch(() => undefined);
    this.writer = null;
  }
}

async function readRecord(file: string, offset: number): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  try {
    const record = Buffer.alloc(RECORD_BYTES);
    const { bytesRead } = await handle.read(record, 0, RECORD_BYTES, offset);
    return bytesRead === RECORD_BYTES ? record : null;
  } finally {
    await handle.close();
  }
}

async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(size - (size % RECORD_BYTES));
    await handle.read(bytes, 0, bytes.length, 0);
    return bytes;
  } finally {
    await handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Keys in memory only, for a database in memory (tests, benchmarks): they end with the process,
 * like the database they belong to.
 */
export class MemoryKeyStore implements FaceKeyStore {
  readonly kind = 'memory' as const;
  readonly location = null;
  private readonly keys = new Map<string, Buffer | 'destroyed'>();

  async create(id: string): Promise<Buffer> {
    idBytes(id);
    const key = randomBytes(KEY_BYTES);
    this.keys.set(id, Buffer.from(key));
    return key;
  }

  async createMany(ids: readonly string[]): Promise<Map<string, Buffer>> {
    return new Map(await Promise.all(ids.map(async (id) => [id, await this.create(id)] as const)));
  }

  async read(id: string): Promise<KeyLookup> {
    const key = this.keys.get(id);
    if (key === undefined) return { state: 'absent' };
    return key === 'destroyed' ? { state: 'destroyed' } : { state: 'live', keys: [Buffer.from(key)] };
  }

  async readMany(ids: readonly string[]): Promise<Map<string, KeyLookup>> {
    return new Map(await Promise.all(ids.map(async (id) => [id, await this.read(id)] as const)));
  }

  async destroy(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const key = this.keys.get(id);
      if (key && key !== 'destroyed') key.fill(0);
      if (key !== undefined) this.keys.set(id, 'destroyed');
    }
  }
}
