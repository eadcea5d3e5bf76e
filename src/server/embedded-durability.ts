/**
 * What the embedded database promises, and how it keeps the promise.
 *
 * PGlite runs PostgreSQL with fsync off and its file system layer does not flush to disk, so
 * PostgreSQL alone cannot survive a power cut. Three things make up for it:
 *   1. a lock file, so that two processes never open the same data directory;
 *   2. every second, the write-ahead log and pg_control are flushed to disk (fsync) by us, so
 *      a power cut loses at most about the last second of work in the usual case;
 *   3. a consistent backup of the whole data directory at start and every few hours (and on
 *      demand with `motcua backup`), kept in DATA_DIR/backups, for the rare case where a power
 *      cut leaves data files damaged. `motcua restore <file>` puts one back.
 * An application crash loses nothing: the operating system still holds every write.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync, fsyncSync, readdirSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const FLUSH_MS = 1000;

/** Takes DATA_DIR/motcua.lock or throws if a live process holds it. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'motcua.lock');
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The data directory ${dataDir} is in use by process ${pid}; stop it first (two servers must never share the embedded database).`);
    }
  }
  writeFileSync(path, String(process.pid));
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Flushes the write-ahead log and pg_control to disk every second while they change. */
export function startWalFlusher(
  pgDir: string,
  onError: (error: unknown) => void,
  onFlushed: (file: string) => void = () => undefined,
): () => Promise<void> {
  const seen = new Map<string, number>();
  let running: Promise<void> = Promise.resolve();
  const flush = async () => {
    const files = [join(pgDir, 'global/pg_control')];
    try {
      for (const name of await readdir(join(pgDir, 'pg_wal'))) {
        if (/^[0-9A-F]{24}$/.test(name)) files.push(join(pgDir, 'pg_wal', name));
      }
    } catch {
      return;
    }
    for (const file of files) {
      try {
        const { mtimeMs } = await stat(file);
        if (seen.get(file) === mtimeMs) continue;
        const handle = await open(file, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        seen.set(file, mtimeMs);
        onFlushed(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error);
      }
    }
  };
  const timer = setInterval(() => {
    running = running.then(flush);
  }, FLUSH_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await flush();
  };
}

export interface BackupFile {
  name: string;
  path: string;
}

const BACKUP_PATTERN = /^motcua-\d{8}-\d{6}\.tar\.gz$/;

/** Writes a backup atomically (temporary file, fsync, rename) and keeps only the newest `keep`. */
export function writeBackup(dir: string, tarball: Uint8Array, now: Date, keep: number): BackupFile {
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const name = `motcua-${stamp}.tar.gz`;
  const path = join(dir, name);
  const temporary = `${path}.partial`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, tarball);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const all = readdirSync(dir).filter((f) => BACKUP_PATTERN.test(f)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(join(dir, old));
  return { name, path };
}

export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_PATTERN.test(f))
    .sort()
    .map((name) => ({ name, path: join(dir, name) }));
}
