/**
 * The face libraries, their models and the TensorFlow.js WASM binaries, served from node_modules so
 * that a kiosk needs nothing beyond the office LAN (no CDN). Read-only and whitelisted: the files are
 * listed once at start and a request is answered only when its exact path is in that list, so no
 * path can reach anything else on disk. URLs carry the package version and are cached for a year.
 *
 * Recognition models installed with `motcua models install` (under the data directory) are served
 * the same way at `/vendor/models/<id>/<first 16 hex of sha256>/model.onnx`: the list is re-checked
 * at each manifest request (a few `stat` calls; a changed model is hashed again), so a model
 * installed while the server runs appears without a restart, and a file whose bytes no longer match
 * its recorded sha256 is never served under a URL that promises them.
 */
import { createReadStream, fstatSync, openSync, closeSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest, type InstalledFaceModelAsset } from '../../contracts/face';
import { AppError } from '../../core/shared/app-error';
import { InstalledModelCatalog, type InstalledFaceModel } from '../face/models/model-store';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface PackageInfo {
  root: string;
  version: string;
}

/** The installed package's folder, found from its resolved entry (their export maps hide package.json). */
function findPackage(name: string): PackageInfo {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return { root: dir, version: pkg.version };
    } catch {
      // not the package root yet
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package ${name} not found`);
    dir = parent;
  }
}

/** Files of `dir` with an allowed extension and a plain name (no subfolders, no dot-files). */
function listFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && SAFE_NAME.test(e.name) && extensions.includes(extname(e.name)))
    .map((e) => e.name);
}

export interface FaceAssets {
  manifest: FaceAssetManifest;
  /** URL path → file on disk. */
  files: Map<string, string>;
}

export function collectFaceAssets(): FaceAssets {
  const human = findPackage('@vladmandic/human');
  const faceApi = findPackage('@vladmandic/face-api');
  const wasm = findPackage('@tensorflow/tfjs-backend-wasm');
  const ort = findPackage('onnxruntime-web');
  const files = new Map<string, string>();
  const add = (urlDir: string, dir: string, names: readonly string[]) => {
    for (const name of names) files.set(`${urlDir}${name}`, join(dir, name));
  };
  const humanBase = `/vendor/human/${human.version}/`;
  const faceApiBase = `/vendor/face-api/${faceApi.version}/`;
  const wasmBase = `/vendor/tfjs-wasm/${wasm.version}/`;
  const ortBase = `/vendor/onnxruntime-web/${ort.version}/`;
  add(humanBase, join(human.root, 'dist'), ['human.esm.js']);
  add(`${humanBase}models/`, join(human.root, 'models'), listFiles(join(human.root, 'models'), ['.json', '.bin']));
  add(faceApiBase, join(faceApi.root, 'dist'), ['face-api.esm.js']);
  add(`${faceApiBase}model/`, join(faceApi.root, 'model'), listFiles(join(faceApi.root, 'model'), ['.json', '.bin']));
  add(wasmBase, join(wasm.root, 'dist'), listFiles(join(wasm.root, 'dist'), ['.wasm']));
  // onnxruntime-web's WASM-only build: its module and the SIMD binary with its loader (no WebGPU, no JSEP).
  add(ortBase, join(ort.root, 'dist'), ['ort.wasm.min.mjs', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']);
  return {
    manifest: {
      human: { version: human.version, script: `${humanBase}human.esm.js`, modelBase: `${humanBase}models/` },
      faceApi: { version: faceApi.version, script: `${faceApiBase}face-api.esm.js`, modelBase: `${faceApiBase}model/` },
      tfjsWasm: { version: wasm.version, base: wasmBase },
      onnxRuntime: { version: ort.version, script: `${ortBase}ort.wasm.min.mjs`, base: ortBase },
      installedModels: [],
    },
    files,
  };
}

export function installedModelUrl(model: Pick<InstalledFaceModel, 'id' | 'sha256'>): string {
  return `/vendor/models/${model.id}/${model.sha256.slice(0, 16)}/model.onnx`;
}

export interface FaceAssetsRouteOptions {
  /** The data directory whose models/ folder holds installed models; none are served without it. */
  dataDir?: string | null;
}

export async function faceAssetsRoutes(app: FastifyInstance, options: FaceAssetsRouteOptions = {}): Promise<void> {
  const assets = collectFaceAssets();
  const catalog = options.dataDir
    ? new InstalledModelCatalog(options.dataDir, (folder, verdict) => {
        if (verdict.ok) app.log.info({ model: folder, sha256: verdict.model.sha256 }, 'face model installed');
        else app.log.warn({ model: folder, reason: verdict.reason }, 'face model skipped');
      })
    : null;
  const installed = (): { asset: InstalledFaceModelAsset; model: InstalledFaceModel }[] =>
    (catalog?.current() ?? []).map((model) => ({ model, asset: { id: model.id, url: installedModelUrl(model), sha256: model.sha256, bytes: model.bytes } }));

  app.get(FACE_ASSET_MANIFEST_URL, { schema: { hide: true } }, async (_request, reply) => {
    // Small and unversioned: always revalidated, so an upgrade is seen at the next start of the kiosk.
    reply.header('cache-control', 'no-cache');
    return { ...assets.manifest, installedModels: installed().map((m) => m.asset) } satisfies FaceAssetManifest;
  });

  app.get('/vendor/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const file = assets.files.get(path);
    if (file) {
      reply
        .header('cache-control', IMMUTABLE)
        .header('content-length', statSync(file).size)
        .header('x-content-type-options', 'nosniff')
        .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
      return reply.send(createReadStream(file));
    }
    const model = path.startsWith('/vendor/models/') ? installed().find((m) => m.asset.url === path)?.model : undefined;
    if (!model) throw new AppError('ROUTE_NOT_FOUND');
    // The file opened must still be the one verified: its URL promises these exact bytes for a year.
    let fd: number;
    try {
      fd = openSync(model.file, 'r');
    } catch {
      throw new AppError('ROUTE_NOT_FOUND');
    }
    const stats = fstatSync(fd);
    if (!catalog!.isUnchanged(model, stats)) {
      closeSync(fd);
      throw new AppError('ROUTE_NOT_FOUND');
    }
    reply
      .header('cache-control', IMMUTABLE)
      .header('content-length', stats.size)
      .header('x-content-type-options', 'nosniff')
      .type(CONTENT_TYPES['.onnx']!);
    return reply.send(createReadStream('', { fd }));
  });
}
