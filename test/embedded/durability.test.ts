/**
 * The embedded database's promises: one process per data directory, the write-ahead log flushed
 * to disk, and backups that restore to exactly what was backed up (evidence files included).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, restoreEmbedded } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { listBackups, lockDataDir, startWalFlusher, writeBackup } from '../../src/server/embedded-durability';
import { insertStoredFileChunk, insertStoredFileMeta, markStoredFileComplete, readStoredFileChunk } from '../../src/db/repositories/stored-file.repository';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-durability-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('embedded database durability', () => {
  it('refuses a second process on the same data directory, and frees it on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    // A lock left by a live process (here: PID 1) is respected.
    writeFileSync(join(dir, 'motcua.lock'), '1');
    expect(() => lockDataDir(dir)).toThrow(/in use by process 1/);
    // A lock left by a process that no longer exists is taken over.
    writeFileSync(join(dir, 'motcua.lock'), '999999999');
    const again = lockDataDir(dir);
    again();
    release();
  });

  it('backs up and restores the data exactly, keeping the newest backups only', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir });
    await migrateToLatest(db.db);
    await db.db.insertInto('centre').values({ id: crypto.randomUUID(), code: 'A', name: 'Trung tâm A', shortName: 'A', address: null }).execute();
    const first = writeBackup(join(dir, 'backups'), await db.dumpEmbedded!(), new Date('2026-11-25T01:00:00Z'), 2);
    const centreB = crypto.randomUUID();
    await db.db.insertInto('centre').values({ id: centreB, code: 'B', name: 'Trung tâm B', shortName: 'B', address: null }).execute();
    // Inspection evidence lives in the database, so the backup holds it too.
    const scan = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    const fileId = crypto.randomUUID();
    await insertStoredFileMeta(db.db, { id: fileId, centreId: centreB, name: 'bien-ban.pdf', mediaType: 'application/pdf', size: scan.length, sha256: 'x', purpose: 'evidence', createdBy: null, createdAt: new Date() });
    await insertStoredFileChunk(db.db, fileId, 0, scan);
    await markStoredFileComplete(db.db, fileId);
    writeBackup(join(dir, 'backups'), await db.dumpEmbedded!(), new Date('2026-11-25T02:00:00Z'), 2);
    writeBackup(join(dir, 'backups'), await db.dumpEmbedded!(), new Date('2026-11-25T03:00:00Z'), 2);
    await db.close();
    expect(listBackups(join(dir, 'backups')).map((b) => b.name)).toEqual([
      'motcua-20261125-020000.tar.gz',
      'motcua-20261125-030000.tar.gz',
    ]);

    // Restore the oldest backup still kept (taken after centre B was added).
    const restoredDir = tempDir();
    const again = await openDatabase({ dataDir: restoredDir });
    await again.close();
    const { readFileSync } = await import('node:fs');
    const tarball = new Uint8Array(readFileSync(listBackups(join(dir, 'backups'))[0]!.path));
    await restoreEmbedded(restoredDir, tarball, 'test');
    const restored = await openDatabase({ dataDir: restoredDir });
    const codes = (await restored.db.selectFrom('centre').select('code').orderBy('code').execute()).map((c) => c.code);
    const evidence = await readStoredFileChunk(restored.db, fileId, 0);
    await restored.close();
    expect(evidence.equals(Buffer.from(scan))).toBe(true);
    expect(codes).toEqual(['A', 'B']);
    expect(first.name).toBe('motcua-20261125-010000.tar.gz');
  });

  it('flushes the write-ahead log it sees change', async () => {
    const dir = tempDir();
    const db = await openDatabase({ dataDir: dir });
    await migrateToLatest(db.db);
    const errors: unknown[] = [];
    const flushed: string[] = [];
    const stop = startWalFlusher(db.embeddedDataDir!, (e) => errors.push(e), (f) => flushed.push(f));
    await new Promise((r) => setTimeout(r, 1200));
    const before = flushed.length;
    await db.db.insertInto('centre').values({ id: crypto.randomUUID(), code: 'W', name: 'W', shortName: 'W', address: null }).execute();
    await new Promise((r) => setTimeout(r, 1200));
    await stop();
    await db.close();
    expect(errors).toEqual([]);
    // The first pass flushes every log segment; after the insert, the segment it wrote again.
    expect(before).toBeGreaterThan(0);
    expect(flushed.slice(before).some((f) => f.includes('pg_wal'))).toBe(true);
  });
});
