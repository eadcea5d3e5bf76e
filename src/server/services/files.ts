/**
 * Evidence and document files. Kept in the database: the embedded default and a PostgreSQL installation
 * with several app instances see the same files, and every backup holds them. A person's upload is
 * accepted by what its bytes are (not its name or declared type) from a list of office formats, and is only
 * ever served as a download, so a file cannot run as a page of this site.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_UPLOAD_BYTES, type StoredFileMeta } from '../../contracts/files';
import { AppError } from '../../core/shared/app-error';
import type { Executor } from '../../db/repositories/executor';
import {
  CHUNK_BYTES,
  countStoredFileChunks,
  deleteIncompleteFiles,
  findStoredFileMeta,
  findStoredFileMetas,
  insertStoredFileChunk,
  insertStoredFileMeta,
  markStoredFileComplete,
  readStoredFileChunk,
} from '../../db/repositories/stored-file.repository';
import type { Actor, ServiceContext } from './context';
import { assertOversight } from './oversight-access';

/** Detected media type → the extensions a file of that type may carry (the first is used when it carries none). */
const ACCEPTED: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/tiff': ['tif', 'tiff'],
  'image/heic': ['heic'],
  'image/heif': ['heif'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  // Word 97–2003 and Excel 97–2003 files are OLE compound files; their content cannot tell which.
  'application/x-cfb': ['doc', 'xls'],
  'application/zip': ['zip'],
  'text/plain': ['txt', 'csv'],
};

const MAX_NAME = 200;

/** An upload not complete after this long was cut off and will not be finished. */
const ABANDONED_AFTER_MS = 3600_000;

/** A name safe to show and to put in a download header: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().normalize('NFC');
  return (cleaned || 'tep').slice(0, MAX_NAME);
}

/** What the bytes are, or null when they are none of the accepted types. */
export async function detectMediaType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return ACCEPTED[detected.mime] ? detected.mime : null;
  if (bytes.length === 0 || bytes.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain';
  } catch {
    return null;
  }
}

/** Keeps the person's name but makes its extension say what the file is ("scan.pdf" that is a JPEG → "scan.jpg"). */
function nameForType(name: string, mediaType: string): string {
  const extensions = ACCEPTED[mediaType] ?? [];
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (extensions.includes(ext) || extensions.length === 0) return name;
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${extensions[0]}`;
}

/**
 * The embedded database answers within the same turn of the event loop, so a loop of statements would keep
 * every other request from even being read until it ends; a turn between pieces lets them in.
 */
function turnOfTheEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A person's upload (purpose 'evidence'): checked by content and size. */
export async function storeUpload(ctx: ServiceContext, actor: Actor, file: { name: string; bytes: Uint8Array }): Promise<StoredFileMeta> {
  assertOversight(actor);
  const name = cleanFileName(file.name);
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new AppError('FILE_TOO_LARGE', { name, limit: MAX_UPLOAD_BYTES / 1024 / 1024 });
  const mediaType = await detectMediaType(file.bytes);
  if (!mediaType) throw new AppError('FILE_TYPE_NOT_ALLOWED', { name });
  return save(ctx.db, ctx, actor, { name: nameForType(name, mediaType), mediaType, bytes: file.bytes, purpose: 'evidence' });
}

/**
 * A file the product produced itself (a frozen export, printed minutes): stored as it is, so it stays as it
 * was when it was taken. Pass the transaction when the record that links it is written in one.
 */
export async function storeGenerated(
  ctx: ServiceContext,
  actor: Actor,
  file: { name: string; mediaType: string; bytes: Uint8Array; purpose: 'snapshot' | 'document' },
  ex: Executor = ctx.db,
): Promise<StoredFileMeta> {
  return save(ex, ctx, actor, { ...file, name: cleanFileName(file.name) });
}

async function save(
  ex: Executor,
  ctx: ServiceContext,
  actor: Actor,
  file: { name: string; mediaType: string; bytes: Uint8Array; purpose: 'evidence' | 'snapshot' | 'document' },
): Promise<StoredFileMeta> {
  const id = ctx.newId();
  const createdAt = ctx.clock();
  const digest = sha256(file.bytes);
  const createdBy = actor.kind === 'user' ? actor.id : null;
  // An upload cut off by a crash an hour ago will not be finished: its pieces go.
  await deleteIncompleteFiles(ex, new Date(createdAt.getTime() - ABANDONED_AFTER_MS));
  await insertStoredFileMeta(ex, { id, centreId: actor.centreId, name: file.name, mediaType: file.mediaType, size: file.bytes.length, sha256: digest, purpose: file.purpose, createdBy, createdAt });
  // Piece by piece, each its own statement, so other requests get the database in between.
  for (let seq = 0, at = 0; at < file.bytes.length || seq === 0; seq++, at += CHUNK_BYTES) {
    await insertStoredFileChunk(ex, id, seq, file.bytes.subarray(at, at + CHUNK_BYTES));
    await turnOfTheEventLoop();
  }
  await markStoredFileComplete(ex, id);
  return {
    id,
    name: file.name,
    mediaType: file.mediaType,
    size: file.bytes.length,
    sha256: digest,
    purpose: file.purpose,
    createdAt: createdAt.toISOString(),
    createdByName: actor.kind === 'user' ? actor.name : null,
    url: fileUrl(id),
  };
}

export function fileUrl(id: string): string {
  return `/api/v1/files/${id}`;
}

/** The files of these ids in the centre, in the order asked; ids that are not there are left out. */
export async function fileMetas(ctx: ServiceContext, centreId: string, ids: readonly string[], ex: Executor = ctx.db): Promise<StoredFileMeta[]> {
  const unique = [...new Set(ids)];
  const rows = await findStoredFileMetas(ex, centreId, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        name: r.name,
        mediaType: r.mediaType,
        size: r.size,
        sha256: r.sha256,
        purpose: r.purpose,
        createdAt: new Date(r.createdAt).toISOString(),
        createdByName: r.createdByName ?? null,
        url: fileUrl(r.id),
      },
    ];
  });
}

/**
 * A file to download, its bytes read piece by piece as they are sent. Anyone who works in oversight at the
 * centre may fetch a file by its (unguessable) id.
 */
export async function readStoredFile(ctx: ServiceContext, actor: Actor, id: string) {
  assertOversight(actor);
  const file = await findStoredFileMeta(ctx.db, actor.centreId, id);
  if (!file) throw new AppError('NOT_FOUND', { entity: 'file' });
  const chunks = await countStoredFileChunks(ctx.db, id);
  async function* content(): AsyncGenerator<Buffer> {
    for (let seq = 0; seq < chunks; seq++) {
      yield await readStoredFileChunk(ctx.db, id, seq);
      await turnOfTheEventLoop();
    }
  }
  return { name: file.name, mediaType: file.mediaType, sha256: file.sha256, size: file.size, content };
}
