/**
 * A loopback server for the kiosk models' harness (kiosk-models-harness.ts): the harness page and the
 * camera worker's entry bundled in memory by Vite, the face assets through the production list of
 * files, development photos as 640×480 camera frames, and a manifest that also lists the Intel model,
 * read in place from ../shared/models (never copied into the repository) and served as an installed
 * model would be.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import sharp from 'sharp';
import { build, type Rolldown } from 'vite';
import type { FaceAssetManifest } from '../../src/contracts/face';
import { collectFaceAssets } from '../../src/server/routes/face-assets.routes';

const ROOT = resolve(import.meta.dirname, '../..');
export const INTEL_ONNX = resolve(ROOT, '../shared/models/face-reidentification-retail-0095/face-reidentification-retail-0095.onnx');
export const HARNESS_MANIFEST_URL = '/h/face-assets.json';

/** The harness page and the worker entry (nothing written to disk). */
async function bundle(): Promise<Map<string, string>> {
  const output = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      lib: {
        entry: { page: join(ROOT, 'e2e/support/kiosk-models-harness.ts'), worker: join(ROOT, 'src/web/kiosk/camera/kiosk-models.worker.ts') },
        formats: ['es'],
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const files = new Map<string, string>();
  for (const o of (Array.isArray(output) ? output : [output]).flatMap((r) => r.output)) if (o.type === 'chunk') files.set(o.fileName, o.code);
  return files;
}

/** A photo letterboxed into a grey 640×480 frame, as RGBA. */
function cameraFrame(file: string): Promise<Buffer> {
  return sharp(file).rotate().resize({ width: 640, height: 480, fit: 'contain', background: '#808080' }).ensureAlpha().raw().toBuffer();
}

const CONTENT_TYPES: Record<string, string> = { wasm: 'application/wasm', json: 'application/json', js: 'text/javascript', mjs: 'text/javascript' };

/** Serves the harness at `${url}/h/`; `photos` become frames 0, 1, … (`/h/frame/<i>`). */
export async function startKioskModelsServer(photos: string[]): Promise<{ url: string; close(): Promise<void> }> {
  for (const needed of [...photos, INTEL_ONNX]) if (!existsSync(needed)) throw new Error(`missing ${needed} (the shared test data beside the repository)`);
  const assets = collectFaceAssets();
  const onnx = readFileSync(INTEL_ONNX);
  const manifest: FaceAssetManifest = {
    ...assets.manifest,
    installedModels: [{ id: 'face-reidentification-retail-0095', url: '/h/models/intel.onnx', sha256: createHash('sha256').update(onnx).digest('hex'), bytes: onnx.length }],
  };
  const [code, frames] = await Promise.all([bundle(), Promise.all(photos.map(cameraFrame))]);
  const app = Fastify({ logger: false });
  app.get('/favicon.ico', async (_request, reply) => reply.status(204).send());
  app.get('/h/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>kiosk-models</title><script type="module" src="/h/page.js"></script>'),
  );
  app.get(HARNESS_MANIFEST_URL, async () => manifest);
  app.get('/h/models/intel.onnx', async (_request, reply) => reply.type('application/octet-stream').send(onnx));
  app.get<{ Params: { index: string } }>('/h/frame/:index', async (request, reply) => {
    const frame = frames[Number(request.params.index)];
    if (!frame) return reply.status(404).send();
    return reply.header('x-width', 640).header('x-height', 480).type('application/octet-stream').send(frame);
  });
  app.get<{ Params: { file: string } }>('/h/:file', async (request, reply) => {
    const js = code.get(request.params.file);
    return js === undefined ? reply.status(404).send() : reply.type('text/javascript; charset=utf-8').send(js);
  });
  app.get('/vendor/*', async (request, reply) => {
    const file = assets.files.get(request.url.split('?')[0]!);
    if (!file) return reply.status(404).send();
    return reply.type(CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream').send(readFileSync(file));
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
