/**
 * What `face:eval` needs around the browser: the browser pipeline built on the fly with Vite, a
 * loopback-only server that serves it, the folder's images (face-eval-images.ts) and the face assets
 * through the production route (with the models installed under the data directory), and headless
 * Chromium.
 */
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { FACE_ASSET_MANIFEST_URL, type FaceAssetManifest } from '../contracts/face';
import { isAppError } from '../core/shared/app-error';
import { faceAssetsRoutes } from '../server/routes/face-assets.routes';
import { decodeImage, type EvalImage } from './face-eval-images';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The browser harness (src/web/face/face-eval-harness.ts) bundled in memory: nothing is written. */
export async function buildHarness(): Promise<string> {
  const output = (await build({
    configFile: false,
    root: join(ROOT, 'src/web/face'),
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      lib: { entry: join(ROOT, 'src/web/face/face-eval-harness.ts'), formats: ['es'], fileName: 'harness' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
  if (!chunk || chunk.type !== 'chunk') throw new Error('harness build produced no entry chunk');
  return chunk.code;
}

export interface HarnessServer {
  app: FastifyInstance;
  url: string;
  /** Why each image that could not be decoded was refused, by image index. */
  unreadable: Map<number, string>;
}

export interface HarnessServerOptions {
  /** The data directory whose installed recognition models the face-assets route serves. */
  dataDir: string;
  /** Measurement only: a scratch folder of extra model files (never part of the product). */
  labModelsDir?: string;
}

/** The face-assets route as the product mounts it, for a given data directory. */
async function registerFaceAssets(app: FastifyInstance, dataDir: string): Promise<void> {
  await app.register(faceAssetsRoutes, { dataDir });
}

/** Ids of the recognition models installed under `dataDir`, as the face-assets route announces them. */
export async function installedFaceModels(dataDir: string): Promise<string[]> {
  const app = Fastify({ logger: false });
  try {
    await registerFaceAssets(app, dataDir);
    const response = await app.inject({ method: 'GET', url: FACE_ASSET_MANIFEST_URL });
    if (response.statusCode !== 200) throw new Error(`face assets manifest: HTTP ${response.statusCode}`);
    return (response.json() as FaceAssetManifest).installedModels.map((m) => m.id);
  } finally {
    await app.close();
  }
}

export async function startHarnessServer(images: EvalImage[], harnessCode: string, maxSide: number, options: HarnessServerOptions): Promise<HarnessServer> {
  const app = Fastify({ logger: false });
  const unreadable = new Map<number, string>();
  app.setErrorHandler((error, _request, reply) => {
    void reply.status(isAppError(error) ? 404 : 500).send({ error: isAppError(error) ? error.code : 'INTERNAL' });
  });
  await registerFaceAssets(app, options.dataDir);
  app.get('/eval/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>face-eval</title><script type="module" src="/eval/harness.js"></script>'),
  );
  app.get('/eval/harness.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(harnessCode));
  app.get('/eval/images.json', async () => images.map(({ index, identity, multiFace }) => ({ index, identity, multiFace, file: '' })));
  app.get<{ Params: { index: string } }>('/eval/image/:index', async (request, reply) => {
    const image = images[Number(request.params.index)];
    if (!image) return reply.status(404).send({ error: 'NOT_FOUND' });
    let decoded: Awaited<ReturnType<typeof decodeImage>>;
    try {
      decoded = await decodeImage(image.file, maxSide);
    } catch (error) {
      // One unreadable file is that image's failure to enrol, not the end of the evaluation.
      const message = error instanceof Error ? error.message : String(error);
      unreadable.set(image.index, message);
      return reply.status(422).send({ error: 'UNREADABLE_IMAGE', message });
    }
    return reply.header('x-width', decoded.width).header('x-height', decoded.height).type('application/octet-stream').send(decoded.data);
  });
  const labModelsDir = options.labModelsDir;
  if (labModelsDir) {
    const names = new Set(readdirSync(labModelsDir).filter((n) => /^[A-Za-z0-9._-]+\.(json|bin)$/.test(n)));
    app.get<{ Params: { name: string } }>('/lab-models/:name', async (request, reply) => {
      if (!names.has(request.params.name)) return reply.status(404).send({ error: 'NOT_FOUND' });
      return reply.type(request.params.name.endsWith('.json') ? 'application/json' : 'application/octet-stream').send(createReadStream(join(labModelsDir, request.params.name)));
    });
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: address, unreadable };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function openHarnessPage(url: string): Promise<{ browser: Browser; page: Page; consoleLines: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${url}/eval/`);
  await page.waitForFunction(() => document.title === 'face-eval ready', undefined, { timeout: 60_000 });
  return { browser, page, consoleLines };
}
