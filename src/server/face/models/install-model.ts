/**
 * `motcua models install`: obtain a model's official files (download, or a local folder for sites
 * without internet), check their sha384, convert them to ONNX with our own converter, and install
 * the result under the data directory (model-store.ts). Nothing is written unless every step
 * succeeded; the previously installed model stays in place until the new one replaces it whole.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FACE_MODEL_IDS, FACE_MODELS, isFaceModelId, type FaceModelId } from '../../../contracts/face';
import { convertIrToOnnx, IR_TO_ONNX_CONVERTER_VERSION, ONNX_OPSET, type OnnxConversion } from './ir-to-onnx';
import { FaceModelError, isFaceModelError } from './model-error';
import { installableFaceModel, OPEN_MODEL_ZOO_BASE_URL, type InstallableFaceModel, type ModelSourceFile } from './model-sources';
import { commitInstalledModel, recoverInterruptedInstall, sha256Hex, verifyInstalledModel, type InstalledModelRecord } from './model-store';

export const CONVERTER_NAME = 'motcua ir-to-onnx';

export interface InstallModelOptions {
  dataDir: string;
  modelId: string;
  /** A folder holding the files (searched by name, a few levels deep); otherwise they are downloaded. */
  from?: string | null;
  /** Replaces OPEN_MODEL_ZOO_BASE_URL (a mirror with the same layout). */
  baseUrl?: string | null;
  now?: () => Date;
  /** Progress for the person at the terminal. */
  progress?: (message: { vi: string; en: string }) => void;
  /** Give up when a download sends nothing for this long. */
  stallTimeoutMs?: number;
}

export interface InstallModelResult {
  installed: FaceModelId;
  alreadyInstalled: boolean;
  sha256: string;
  bytes: number;
  source: string;
  path: string;
}

interface ObtainedFile {
  spec: ModelSourceFile;
  bytes: Uint8Array;
  location: string;
}

const DEFAULT_STALL_TIMEOUT_MS = 20_000;
/** More than any model file we install: a mirror that sends more is not sending the model. */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;
const FOLDER_SEARCH_DEPTH = 5;

export async function installFaceModel(options: InstallModelOptions): Promise<InstallModelResult> {
  const progress = options.progress ?? (() => undefined);
  const source = resolveModel(options.modelId);
  const obtained = options.from ? takeFromFolder(source, options.from) : await download(source, options.baseUrl || OPEN_MODEL_ZOO_BASE_URL, options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS, progress);
  const dataDir = resolve(options.dataDir);

  // The files are right: now (and only now) the data directory may change.
  recoverInterruptedInstall(dataDir, source.id);
  const previous = verifyInstalledModel(dataDir, source.id);
  if (
    previous.ok &&
    previous.record.converter.version === IR_TO_ONNX_CONVERTER_VERSION &&
    previous.record.sha256 === source.convertedSha256 &&
    obtained.files.every((f) => previous.record.inputs.some((i) => i.name === f.spec.name && i.sha384 === f.spec.sha384))
  ) {
    return { installed: source.id, alreadyInstalled: true, sha256: previous.model.sha256, bytes: previous.model.bytes, source: previous.model.source, path: join(dataDir, 'models', source.id) };
  }

  progress({ vi: 'Đang chuyển đổi sang ONNX…', en: 'Converting to ONNX…' });
  const [xml, bin] = obtained.files;
  let onnx: Uint8Array;
  try {
    onnx = convertModelFiles(source, xml.bytes, bin.bytes).bytes;
  } catch (error) {
    if (isFaceModelError(error)) throw error;
    throw new FaceModelError(`Chuyển đổi mô hình thất bại: ${(error as Error).message}`, `The model could not be converted: ${(error as Error).message}`);
  }
  const sha256 = sha256Hex(onnx);
  if (sha256 !== source.convertedSha256) {
    throw new FaceModelError(
      `Kết quả chuyển đổi (sha256 ${sha256}) khác với tệp đã được kiểm chứng cho phiên bản này (${source.convertedSha256}); không cài đặt.`,
      `The converted model (sha256 ${sha256}) differs from the file verified for this version (${source.convertedSha256}); nothing installed.`,
    );
  }

  const record: InstalledModelRecord = {
    id: source.id,
    format: 'onnx',
    file: 'model.onnx',
    bytes: onnx.byteLength,
    sha256,
    source: obtained.source,
    sourceKind: obtained.kind,
    inputs: obtained.files.map((f) => ({ name: f.spec.name, bytes: f.bytes.byteLength, sha384: f.spec.sha384, location: f.location })),
    converter: { name: CONVERTER_NAME, version: IR_TO_ONNX_CONVERTER_VERSION },
    onnx: { opset: ONNX_OPSET, input: source.input, output: source.output },
    installedAt: (options.now ?? (() => new Date()))().toISOString(),
    licence: source.licence,
    licenceUrl: source.licenceUrl,
  };
  const path = commitInstalledModel(dataDir, source.id, onnx, record);
  return { installed: source.id, alreadyInstalled: false, sha256, bytes: onnx.byteLength, source: obtained.source, path };
}

/** The official files converted with the names, provenance and licence notice the installed file carries. */
export function convertModelFiles(source: InstallableFaceModel, xml: Uint8Array, bin: Uint8Array): OnnxConversion {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new FaceModelError(`Tệp ${source.xml.name} không phải văn bản UTF-8.`, `${source.xml.name} is not UTF-8 text.`);
  }
  return convertIrToOnnx(text, bin, {
    graphName: source.id,
    inputName: source.input.name,
    outputName: source.output.name,
    docString: source.licence,
    metadata: { model: source.id, licence: source.licence, licence_url: source.licenceUrl, converter: `${CONVERTER_NAME} ${IR_TO_ONNX_CONVERTER_VERSION}` },
  });
}

function resolveModel(id: string): InstallableFaceModel {
  const installable = FACE_MODEL_IDS.filter((m) => FACE_MODELS[m].source === 'installed');
  const source = isFaceModelId(id) ? installableFaceModel(id) : null;
  if (source) return source;
  if (isFaceModelId(id) && FACE_MODELS[id].source === 'npm') {
    throw new FaceModelError(`Mô hình "${id}" có sẵn trong motcua, không cần cài đặt.`, `Model "${id}" ships with motcua; there is nothing to install.`);
  }
  throw new FaceModelError(`Không có mô hình "${id}". Có thể cài: ${installable.join(', ')}.`, `Unknown model "${id}". Installable: ${installable.join(', ')}.`);
}

function sha384Hex(bytes: Uint8Array): string {
  return createHash('sha384').update(bytes).digest('hex');
}

/** Size first (a truncated file says so plainly), then the sha384. */
function checkFile(spec: ModelSourceFile, bytes: Uint8Array, location: string): FaceModelError | null {
  if (bytes.byteLength !== spec.bytes) {
    return new FaceModelError(
      `Tệp ${location} có ${bytes.byteLength} byte, tệp chính thức ${spec.name} có ${spec.bytes} byte (tệp bị cắt cụt hoặc không đúng tệp). Không cài đặt gì.`,
      `${location} has ${bytes.byteLength} bytes; the official ${spec.name} has ${spec.bytes} (truncated, or not the right file). Nothing installed.`,
    );
  }
  const actual = sha384Hex(bytes);
  if (actual !== spec.sha384) {
    return new FaceModelError(
      `Tệp ${location} có sha384 ${actual}, khác với tệp chính thức ${spec.name} (${spec.sha384}): tệp đã bị thay đổi hoặc hỏng. Không cài đặt gì.`,
      `${location} has sha384 ${actual}, not the official ${spec.name}'s (${spec.sha384}): the file was changed or damaged. Nothing installed.`,
    );
  }
  return null;
}

interface Obtained {
  kind: 'url' | 'folder';
  source: string;
  /** xml, then bin. */
  files: [ObtainedFile, ObtainedFile];
}

function takeFromFolder(source: InstallableFaceModel, folder: string): Obtained {
  const root = resolve(folder);
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) {
    throw new FaceModelError(`Không tìm thấy thư mục "${folder}".`, `Folder "${folder}" not found.`);
  }
  const take = (spec: ModelSourceFile): ObtainedFile => {
    const candidates = findFiles(root, spec.name, FOLDER_SEARCH_DEPTH);
    if (candidates.length === 0) {
      throw new FaceModelError(
        `Không tìm thấy tệp ${spec.name} trong thư mục ${root} (kể cả các thư mục con). Cần hai tệp ${source.xml.name} và ${source.bin.name} (FP16) của Intel.`,
        `${spec.name} was not found in ${root} (subfolders included). Both ${source.xml.name} and ${source.bin.name} (FP16) from Intel are needed.`,
      );
    }
    // The model downloader's layout holds FP32, FP16 and FP16-INT8 files under the same names.
    let firstProblem: FaceModelError | null = null;
    for (const path of candidates) {
      const bytes = new Uint8Array(readFileSync(path));
      const problem = checkFile(spec, bytes, path);
      if (!problem) return { spec, bytes, location: path };
      firstProblem ??= problem;
    }
    throw firstProblem!;
  };
  return { kind: 'folder', source: root, files: [take(source.xml), take(source.bin)] };
}

/** Files named `name` under `root`, shallowest first; symbolic links to folders are not followed. */
function findFiles(root: string, name: string, depth: number): string[] {
  const found: string[] = [];
  let level = [root];
  for (let d = 0; d <= depth && level.length > 0; d += 1) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) next.push(path);
        else if (entry.name === name && (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()))) found.push(path);
      }
    }
    level = next;
  }
  return found;
}

async function download(source: InstallableFaceModel, baseUrl: string, stallTimeoutMs: number, progress: NonNullable<InstallModelOptions['progress']>): Promise<Obtained> {
  const folderUrl = `${baseUrl.replace(/\/+$/, '')}/${source.folder}`;
  const files: ObtainedFile[] = [];
  for (const spec of [source.xml, source.bin]) {
    const url = `${folderUrl}${spec.name}`;
    progress({ vi: `Đang tải ${url}`, en: `Downloading ${url}` });
    let bytes: Uint8Array;
    try {
      bytes = await fetchBytes(url, stallTimeoutMs);
    } catch (error) {
      const cause = describeFetchError(error);
      throw new FaceModelError(
        `Không tải được ${url} (${cause}). Nếu máy chủ không có Internet: trên một máy khác, tải hai tệp ${source.xml.name} và ${source.bin.name} từ ${OPEN_MODEL_ZOO_BASE_URL}/${source.folder}, chép vào một thư mục (ví dụ USB) rồi chạy: npm run cli -- models install --from <thư mục>`,
        `Could not download ${url} (${cause}). If this server has no internet access: on another machine, download ${source.xml.name} and ${source.bin.name} from ${OPEN_MODEL_ZOO_BASE_URL}/${source.folder}, copy them into a folder (e.g. a USB stick) and run: npm run cli -- models install --from <folder>`,
      );
    }
    const problem = checkFile(spec, bytes, url);
    if (problem) throw problem;
    files.push({ spec, bytes, location: url });
  }
  return { kind: 'url', source: folderUrl, files: files as [ObtainedFile, ObtainedFile] };
}

class DownloadProblem extends Error {}

/** The body of `url`; fails when nothing arrives for `stallTimeoutMs`, on an HTTP error, or when it is too large. */
async function fetchBytes(url: string, stallTimeoutMs: number): Promise<Uint8Array> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), stallTimeoutMs);
  const stillAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), stallTimeoutMs);
  };
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok || !response.body) throw new DownloadProblem(`HTTP ${response.status}`);
    const chunks: Uint8Array[] = [];
    let length = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stillAlive();
      length += value.byteLength;
      if (length > MAX_DOWNLOAD_BYTES) {
        await reader.cancel();
        throw new DownloadProblem(`more than ${MAX_DOWNLOAD_BYTES} bytes`);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  } catch (error) {
    if (controller.signal.aborted) throw new DownloadProblem(`no data for ${Math.round(stallTimeoutMs / 1000)} s`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof DownloadProblem) return error.message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [cause?.code, cause?.message ?? (error as Error).message].filter(Boolean).join(': ') || String(error);
}
