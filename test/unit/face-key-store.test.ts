/**
 * The face key store: keys survive a restart, a destroyed key is gone from the file (and known to
 * be destroyed), writers in several processes never corrupt one another, and damage or a missing
 * folder is reported and answered as "no key", never as a crash.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore, MemoryKeyStore, type KeyLookup } from '../../src/server/face/key-store';

const ROOT = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recorder() {
  const lines: string[] = [];
  return { lines, log: { error: (f: object, m: string) => void lines.push(`${m} ${JSON.stringify(f)}`), warn: () => undefined } };
}

/** Every byte of every file in the folder. */
function folderBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

const liveKey = (lookup: KeyLookup) => (lookup.state === 'live' ? lookup.keys[0]!.toString('hex') : lookup.state);

describe('the face key store (files)', () => {
  it('keeps keys across a restart and destroys one in place, leaving a tombstone', async () => {
    const dir = join(tempDir(), 'face-keys');
    const { lines, log } = recorder();
    const store = new FileKeyStore(dir, log);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const keyA = (await store.create(a)).toString('hex');
    const keyB = (await store.create(b)).toString('hex');
    await store.close();

    const again = new FileKeyStore(dir, log);
    expect(liveKey(await again.read(a))).toBe(keyA);
    expect(liveKey(await again.read(b))).toBe(keyB);
    expect((await again.read(c)).state).toBe('absent');
    expect(folderBytes(dir).includes(Buffer.from(keyA, 'hex'))).toBe(true);

    await again.destroy([a, c]);
    expect((await again.read(a)).state).toBe('destroyed');
    expect(folderBytes(dir).includes(Buffer.from(keyA, 'hex'))).toBe(false);
    // Another process (a fresh store) sees the tombstone, and the other key is untouched.
    const third = new FileKeyStore(dir, log);
    const many = await third.readMany([a, b, c]);
    expect([liveKey(many.get(a)!), liveKey(many.get(b)!), liveKey(many.get(c)!)]).toEqual(['destroyed', keyB, 'absent']);
    expect(lines).toEqual([]);
  });

  it('reads keys another store object added after its first look', async () => {
    const dir = tempDir();
    const one = new FileKeyStore(dir, recorder().log);
    const two = new FileKeyStore(dir, recorder().log);
    const id = randomUUID();
    expect((await two.read(id)).state).toBe('absent');
    const key = (await one.create(id)).toString('hex');
    expect(liveKey(await two.read(id))).toBe(key);
    await two.destroy([id]);
    expect((await one.read(id)).state).toBe('destroyed');
    await one.close();
  });

  it('is not corrupted by two processes and two store objects adding keys at the same time', async () => {
    const dir = tempDir();
    const syncDir = tempDir();
    type Written = { keys: Record<string, string>; errors: string[]; from: number; to: number };
    const run = () =>
      promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'test/support/key-store-writer.ts'), dir, '300', syncDir],
        { cwd: ROOT, timeout: 60_000 },
      ).then(({ stdout }) => JSON.parse(stdout) as Written);
    const here = [new FileKeyStore(dir, recorder().log), new FileKeyStore(dir, recorder().log)];
    const local: Record<string, string> = {};
    // Everyone starts writing at the same moment, once both processes are up.
    const go = (async () => {
      while (readdirSync(syncDir).filter((f) => f.startsWith('ready-')).length < 2) await new Promise((r) => setTimeout(r, 5));
      writeFileSync(join(syncDir, 'go'), '');
    })();
    const writeHere = async (store: FileKeyStore): Promise<Written> => {
      await go;
      const from = Date.now();
      await Promise.all(
        Array.from({ length: 150 }, async () => {
          const id = randomUUID();
          local[id] = (await store.create(id)).toString('hex');
        }),
      );
      return { keys: {}, errors: [], from, to: Date.now() };
    };
    const written = await Promise.all([run(), run(), ...here.map(writeHere)]);
    // The four writers were writing at the same time (each window overlaps every other).
    for (const a of written) for (const b of written) expect(a.from).toBeLessThanOrEqual(b.to);
    const expected = Object.assign({}, ...written.map((w) => w.keys), local) as Record<string, string>;
    expect(Object.keys(expected)).toHaveLength(900);
    expect(written.flatMap((w) => w.errors)).toEqual([]);
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).size % 64).toBe(0);

    const { lines, log } = recorder();
    const reader = new FileKeyStore(dir, log);
    const found = await reader.readMany(Object.keys(expected));
    for (const [id, key] of Object.entries(expected)) expect(liveKey(found.get(id)!)).toBe(key);
    expect(lines).toEqual([]);
    await Promise.all(here.map((s) => s.close()));
  }, 90_000);

  it('reports a damaged record and keeps serving the others', async () => {
    const dir = tempDir();
    const store = new FileKeyStore(dir, recorder().log);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const keys = [];
    for (const id of ids) keys.push((await store.create(id)).toString('hex'));
    await store.close();
    const [file] = readdirSync(dir);
    const bytes = readFileSync(join(dir, file!));
    bytes[64 + 30] ^= 0xff; // inside the second record's key
    writeFileSync(join(dir, file!), bytes);
    // A record being written by another process (half of it so far) is not damage.
    appendFileSync(join(dir, file!), Buffer.alloc(30, 7));

    const { lines, log } = recorder();
    const reader = new FileKeyStore(dir, log);
    const found = await reader.readMany(ids);
    expect(ids.map((id) => liveKey(found.get(id)!))).toEqual([keys[0], 'absent', keys[2]]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('face key store file has damaged records');
    expect(lines[0]).toContain(file);
  });

  it('answers "no key" with one clear log line when its folder is gone', async () => {
    const dir = join(tempDir(), 'face-keys');
    const { lines, log } = recorder();
    const store = new FileKeyStore(dir, log);
    const id = randomUUID();
    await store.create(id);
    await store.close();
    const reader = new FileKeyStore(dir, log);
    rmSync(dir, { recursive: true });
    expect((await reader.read(id)).state).toBe('absent');
    expect((await reader.readMany([id])).get(id)!.state).toBe('absent');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/face key store directory cannot be read \(missing\?\).*FACE_KEYS_DIR/);
  });

  it('refuses an id that is not a UUID', async () => {
    const store = new FileKeyStore(tempDir(), recorder().log);
    await expect(store.create('../../etc/passwd')).rejects.toThrow(RangeError);
    await expect(new MemoryKeyStore().create('x')).rejects.toThrow(RangeError);
  });
});

describe('the face key store (memory)', () => {
  it('creates, reads and destroys', async () => {
    const store = new MemoryKeyStore();
    const id = randomUUID();
    const key = (await store.create(id)).toString('hex');
    expect(liveKey(await store.read(id))).toBe(key);
    await store.destroy([id]);
    expect((await store.read(id)).state).toBe('destroyed');
    expect((await store.read(randomUUID())).state).toBe('absent');
  });
});
