/**
 * The face libraries, their models and the TensorFlow.js WASM binaries, served from node_modules so
 * that a kiosk needs nothing beyond the office LAN (no CDN). Read-only and whitelisted: the files are
 * listed once at start and a request is answered only when its exact path is in that list, so no
 * path can reach anything else on disk. URLs carry the package version and are cached for a year.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest } from '../../contracts/face';
import { AppError } from '../../core/shared/app-error';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

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

export async function faceAssetsRoutes(app: FastifyInstance): Promise<void> {
  const assets = collectFaceAssets();

  app.get(FACE_ASSET_MANIFEST_URL, { schema: { hide: true } }, async (_request, reply) => {
    // Small and unversioned: always revalidated, so an upgrade is seen at the next start of the kiosk.
    reply.header('cache-control', 'no-cache');
    return assets.manifest;
  });

  app.get('/vendor/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const file = assets.files.get(path);
    if (!file) throw new AppError('ROUTE_NOT_FOUND');
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-length', statSync(file).size)
      .header('x-content-type-options', 'nosniff')
      .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    return reply.send(createReadStream(file));
  });
}
