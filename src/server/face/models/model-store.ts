/**
 * Installed recognition models under the data directory:
 *
 *   ${DATA_DIR}/models/<id>/model.onnx   the converted graph
 *   ${DATA_DIR}/models/<id>/model.json   what it is: source, input hashes, its own sha256 and size,
 *                                        converter version, install time, licence statement
 *
 * A model counts as installed only when its model.json names a known installable id and model.onnx
 * has exactly the recorded size and sha256; anything else is skipped with the reason, so a
 * half-copied or edited file is never served to a kiosk.
 *
 * Installing replaces a model folder whole: the new files are written and flushed in a staging
 * folder beside it (`.staging-…`), the old folder is renamed aside (`.replaced-…`) and the staging
 * folder renamed into place. An interrupted install leaves only dot-folders, which listings ignore
 * and the next install removes; if it was interrupted between the two renames, the next install
 * first puts the previous model back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FACE_MODELS, isFaceModelId, type FaceModelId } from '../../../contracts/face';

export const MODEL_FILE = 'model.onnx';
export const MODEL_RECORD_FILE = 'model.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Sha384 = z.string().regex(/^[0-9a-f]{96}$/);

export const InstalledModelRecord = z.object({
  id: z.string(),
  format: z.literal('onnx'),
  file: z.literal(MODEL_FILE),
  bytes: z.number().int().positive(),
  sha256: Sha256,
  /** The URL folder or local folder the files were taken from. */
  source: z.string().min(1),
  sourceKind: z.enum(['url', 'folder']),
  inputs: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha384: Sha384, location: z.string() })),
  converter: z.object({ name: z.string(), version: z.string() }),
  onnx: z.object({
    opset: z.number().int(),
    input: z.object({ name: z.string(), dims: z.array(z.number().int()), layout: z.string(), channels: z.string(), range: z.tuple([z.number(), z.number()]) }),
    output: z.object({ name: z.string(), dims: z.array(z.number().int()) }),
  }),
  installedAt: z.string(),
  licence: z.string().min(1),
  licenceUrl: z.string(),
});
export type InstalledModelRecord = z.infer<typeof InstalledModelRecord>;

/** An installed model that passed verification, as the rest of the server sees it. */
export interface InstalledFaceModel {
  id: FaceModelId;
  sha256: string;
  bytes: number;
  installedAt: string;
  source: string;
  licence: string;
  converterVersion: string;
  /** Absolute path of model.onnx. */
  file: string;
}

export type ModelVerdict = { ok: true; model: InstalledFaceModel; record: InstalledModelRecord } | { ok: false; reason: string };

export function modelsDir(dataDir: string): string {
  return join(dataDir, 'models');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and verifies one model folder (`models/<name>`). */
export function verifyInstalledModel(dataDir: string, name: string): ModelVerdict {
  if (!isFaceModelId(name) || FACE_MODELS[name].source !== 'installed') return { ok: false, reason: `"${name}" is not an installable model id` };
  const dir = join(modelsDir(dataDir), name);
  let record: InstalledModelRecord;
  try {
    const parsed = InstalledModelRecord.safeParse(JSON.parse(readFileSync(join(dir, MODEL_RECORD_FILE), 'utf8')));
    if (!parsed.success) return { ok: false, reason: `${MODEL_RECORD_FILE} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
    record = parsed.data;
  } catch (error) {
    return { ok: false, reason: `${MODEL_RECORD_FILE} cannot be read: ${(error as Error).message}` };
  }
  if (record.id !== name) return { ok: false, reason: `${MODEL_RECORD_FILE} names "${record.id}", the folder is "${name}"` };
  const file = join(dir, MODEL_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, reason: `${MODEL_FILE} cannot be read: ${(error as Error).message}` };
  }
  if (bytes.byteLength !== record.bytes) return { ok: false, reason: `${MODEL_FILE} has ${bytes.byteLength} bytes, ${record.bytes} recorded` };
  const sha256 = sha256Hex(bytes);
  if (sha256 !== record.sha256) return { ok: false, reason: `${MODEL_FILE} has sha256 ${sha256}, ${record.sha256} recorded` };
  return {
    ok: true,
    record,
    model: {
      id: name,
      sha256,
      bytes: record.bytes,
      installedAt: record.installedAt,
      source: record.source,
      licence: record.licence,
      converterVersion: record.converter.version,
      file,
    },
  };
}

/** Folders under models/ that may hold a model (install's dot-folders excluded). */
function modelFolders(dataDir: string): string[] {
  try {
    return readdirSync(modelsDir(dataDir), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The models installed under `dataDir` that verify (known id, model.onnx size and sha256 as
 * recorded). `onSkip` hears about every folder that does not, with the reason.
 */
export function listInstalledFaceModels(dataDir: string, onSkip?: (folder: string, reason: string) => void): InstalledFaceModel[] {
  const models: InstalledFaceModel[] = [];
  for (const name of modelFolders(dataDir)) {
    const verdict = verifyInstalledModel(dataDir, name);
    if (verdict.ok) models.push(verdict.model);
    else onSkip?.(name, verdict.reason);
  }
  return models;
}

/** What identifies a file's current content without reading it. */
function fingerprint(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/**
 * The installed models as a long-running server sees them: re-verified only when a model folder's
 * files change (a few `stat` calls per look), so a model installed while the server runs is picked
 * up at the next look, and an edited one is dropped.
 */
export class InstalledModelCatalog {
  private readonly known = new Map<string, { print: string; verdict: ModelVerdict }>();

  constructor(
    private readonly dataDir: string,
    private readonly onChange: (folder: string, verdict: ModelVerdict) => void = () => undefined,
  ) {}

  current(): InstalledFaceModel[] {
    const seen = new Set<string>();
    const models: InstalledFaceModel[] = [];
    for (const name of modelFolders(this.dataDir)) {
      seen.add(name);
      const dir = join(modelsDir(this.dataDir), name);
      let print: string;
      try {
        print = `${fingerprint(statSync(join(dir, MODEL_RECORD_FILE)))}|${fingerprint(statSync(join(dir, MODEL_FILE)))}`;
      } catch {
        print = 'missing';
      }
      let entry = this.known.get(name);
      if (!entry || entry.print !== print) {
        entry = { print, verdict: verifyInstalledModel(this.dataDir, name) };
        this.known.set(name, entry);
        this.onChange(name, entry.verdict);
      }
      if (entry.verdict.ok) models.push(entry.verdict.model);
    }
    for (const name of [...this.known.keys()]) if (!seen.has(name)) this.known.delete(name);
    return models;
  }

  /** True while `file` still is the verified file of `model` (same inode, size and time). */
  isUnchanged(model: InstalledFaceModel, stats: Stats): boolean {
    const entry = this.known.get(model.id);
    return !!entry && entry.verdict.ok && entry.verdict.model.file === model.file && entry.print.endsWith(`|${fingerprint(stats)}`);
  }
}

function writeFileDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    let at = 0;
    while (at < bytes.byteLength) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Repairs what an interrupted install may have left for `id`: puts a folder that was renamed aside
 * back when no model took its place, and removes staging and replaced folders.
 */
export function recoverInterruptedInstall(dataDir: string, id: FaceModelId): void {
  const root = modelsDir(dataDir);
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  const replaced = entries.filter((n) => n.startsWith(`.replaced-${id}-`)).sort();
  if (!entries.includes(id) && replaced.length > 0) {
    renameSync(join(root, replaced.at(-1)!), join(root, id));
    replaced.pop();
  }
  for (const name of [...replaced, ...entries.filter((n) => n.startsWith(`.staging-${id}-`))]) {
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** Installs `onnx` and its record as models/<id>, replacing any previous one in one rename. */
export function commitInstalledModel(dataDir: string, id: FaceModelId, onnx: Uint8Array, record: InstalledModelRecord): string {
  const root = modelsDir(dataDir);
  mkdirSync(root, { recursive: true });
  recoverInterruptedInstall(dataDir, id);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(root, `.staging-${id}-${tag}`);
  const target = join(root, id);
  mkdirSync(staging);
  try {
    writeFileDurably(join(staging, MODEL_FILE), onnx);
    writeFileDurably(join(staging, MODEL_RECORD_FILE), new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`));
    fsyncDir(staging);
    const aside = join(root, `.replaced-${id}-${tag}`);
    let hadPrevious = true;
    try {
      renameSync(target, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadPrevious = false;
    }
    renameSync(staging, target);
    fsyncDir(root);
    if (hadPrevious) rmSync(aside, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    recoverInterruptedInstall(dataDir, id);
    throw error;
  }
  return target;
}
