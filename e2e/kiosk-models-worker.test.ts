/**
 * The kiosk's models give the same answer in the camera's Web Worker as on the page, for each
 * recognition model the product knows: face-api (tfjs, the model every site has) and the Intel model
 * (onnxruntime-web, installed per site). Real models in headless Chromium, one development photo as a
 * 640×480 camera frame; the Intel model is read in place from ../shared/models (never copied into the
 * repository), served as an installed model would be.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MODELS, type FaceAssetManifest, type FaceModelId } from '../src/contracts/face';
import { collectFaceAssets } from '../src/server/routes/face-assets.routes';
import type { HarnessRun } from './support/kiosk-models-harness';
import { launchBrowser, type E2eBrowser } from './support/browser';

const ROOT = resolve(import.meta.dirname, '..');
const FACES = process.env.FACES_DIR ?? resolve(ROOT, '../shared/data/faces/dev');
const INTEL = resolve(ROOT, '../shared/models/face-reidentification-retail-0095/face-reidentification-retail-0095.onnx');
const PHOTO = 'deepface-07/img29.jpg';

/** The harness page and the worker entry, bundled in memory (nothing written). */
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

/** The photo letterboxed into a grey 640×480 frame, as RGBA. */
async function cameraFrame(): Promise<Buffer> {
  const photo = await sharp(join(FACES, PHOTO)).rotate().resize({ width: 640, height: 480, fit: 'contain', background: '#808080' }).ensureAlpha().raw().toBuffer();
  return photo;
}

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot; // both L2-normalised
};

describe('the kiosk models in a Web Worker', () => {
  let app: FastifyInstance;
  let url: string;
  let browser: E2eBrowser;

  beforeAll(async () => {
    for (const needed of [join(FACES, PHOTO), INTEL]) if (!existsSync(needed)) throw new Error(`missing ${needed} (the shared test data beside the repository)`);
    const assets = collectFaceAssets();
    const onnx = readFileSync(INTEL);
    const manifest: FaceAssetManifest = {
      ...assets.manifest,
      installedModels: [
        { id: 'face-reidentification-retail-0095', url: '/h/models/intel.onnx', sha256: createHash('sha256').update(onnx).digest('hex'), bytes: onnx.length },
      ],
    };
    const code = await bundle();
    const frame = await cameraFrame();
    app = Fastify({ logger: false });
    app.get('/h/', async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>kiosk-models</title><script type="module" src="/h/page.js"></script>'),
    );
    app.get('/favicon.ico', async (_request, reply) => reply.status(204).send());
    app.get('/h/face-assets.json', async () => manifest);
    app.get('/h/models/intel.onnx', async (_request, reply) => reply.type('application/octet-stream').send(onnx));
    app.get('/h/frame.rgba', async (_request, reply) => reply.header('x-width', 640).header('x-height', 480).type('application/octet-stream').send(frame));
    app.get<{ Params: { file: string } }>('/h/:file', async (request, reply) => {
      const js = code.get(request.params.file);
      return js === undefined ? reply.status(404).send() : reply.type('text/javascript; charset=utf-8').send(js);
    });
    app.get('/vendor/*', async (request, reply) => {
      const file = assets.files.get(request.url.split('?')[0]!);
      if (!file) return reply.status(404).send();
      return reply.type(file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.json') ? 'application/json' : file.endsWith('js') ? 'text/javascript' : 'application/octet-stream').send(readFileSync(file));
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function runBoth(model: FaceModelId): Promise<HarnessRun & { log: string[] }> {
    const page = await browser.context.newPage();
    const log: string[] = [];
    page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    try {
      await page.goto(`${url}/h/`);
      await page.waitForFunction(() => document.title === 'kiosk-models ready', undefined, { timeout: 30_000 });
      const run = await page.evaluate(
        async ({ model }) => {
          const r = await window.kioskModels.run(model, '/h/face-assets.json');
          // Float32Arrays do not survive the trip to the test as themselves.
          const plain = (x: HarnessRun['page']) => ({ ...x, descriptor: x.descriptor && { ...x.descriptor, template: x.descriptor.template && Array.from(x.descriptor.template) } });
          return { ...r, page: plain(r.page), worker: plain(r.worker) };
        },
        { model },
      );
      return { ...(run as unknown as HarnessRun), log };
    } finally {
      await page.close();
    }
  }

  it.each(['face-api-128-aligned', 'face-reidentification-retail-0095'] as const)('%s: the same boxes, landmarks, hands and template in the worker as on the page', async (model) => {
    const { page, worker, modelId, log } = await runBoth(model);
    expect(log.filter((l) => l.startsWith('error') || l.startsWith('pageerror')), 'errors in the page').toEqual([]);
    expect(modelId).toEqual({ page: model, worker: model });
    expect(worker.boxes).toHaveLength(1);
    for (const [i, box] of worker.boxes.entries()) for (const k of ['x', 'y', 'width', 'height'] as const) expect(box[k]).toBeCloseTo(page.boxes[i]![k], 4);
    expect(worker.face).not.toBeNull();
    expect(worker.face!.shape).toEqual(page.face!.shape);
    expect(worker.face!.eyeOpenness.left).toBeCloseTo(page.face!.eyeOpenness.left, 4);
    expect(worker.hand).toEqual(page.hand);
    expect(worker.descriptor).toMatchObject({ ok: true });
    const template = worker.descriptor!.template as unknown as number[];
    expect(template).toHaveLength(FACE_MODELS[model].templateLength);
    expect(cosine(template, page.descriptor!.template as unknown as number[])).toBeGreaterThan(0.9999);
  });
});
