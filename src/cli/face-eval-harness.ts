/**
 * What `face:eval` needs around the browser: the images of a folder (decoded with sharp, EXIF
 * orientation applied), the browser pipeline built on the fly with Vite, a loopback-only server
 * that serves both plus the face assets through the production route, and headless Chromium.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { build, type Rolldown } from 'vite';
import { isAppError } from '../core/shared/app-error';
import { faceAssetsRoutes } from '../server/routes/face-assets.routes';

const ROOT = new URL('../..', import.meta.url).pathname;
const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp)$/i;

export interface EvalImage {
  index: number;
  identity: string;
  file: string;
  multiFace: boolean;
}

/** One subfolder per identity; subfolders starting with "_" hold scenes with several faces. */
export function listEvalImages(dir: string): EvalImage[] {
  const images: EvalImage[] = [];
  // statSync follows symbolic links: a folder of links to a data set works too.
  const folders = readdirSync(dir).filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory()).sort();
  for (const folder of folders) {
    const files = readdirSync(join(dir, folder))
      .filter((name) => IMAGE_EXTENSIONS.test(name) && statSync(join(dir, folder, name)).isFile())
      .sort();
    for (const file of files) images.push({ index: images.length, identity: folder, file: join(dir, folder, file), multiFace: folder.startsWith('_') });
  }
  return images;
}

/** RGBA pixels upright (EXIF orientation applied), longest side at most `maxSide`. */
export async function decodeImage(file: string, maxSide: number): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(file)
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

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
}

export async function startHarnessServer(images: EvalImage[], harnessCode: string, maxSide: number, labModelsDir?: string): Promise<HarnessServer> {
  const app = Fastify({ logger: false });
  app.setErrorHandler((error, _request, reply) => {
    void reply.status(isAppError(error) ? 404 : 500).send({ error: isAppError(error) ? error.code : 'INTERNAL' });
  });
  await app.register(faceAssetsRoutes);
  app.get('/eval/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>face-eval</title><script type="module" src="/eval/harness.js"></script>'),
  );
  app.get('/eval/harness.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(harnessCode));
  app.get('/eval/images.json', async () => images.map(({ index, identity, multiFace }) => ({ index, identity, multiFace, file: '' })));
  app.get<{ Params: { index: string } }>('/eval/image/:index', async (request, reply) => {
    const image = images[Number(request.params.index)];
    if (!image) return reply.status(404).send({ error: 'NOT_FOUND' });
    const decoded = await decodeImage(image.file, maxSide);
    return reply.header('x-width', decoded.width).header('x-height', decoded.height).type('application/octet-stream').send(decoded.data);
  });
  if (labModelsDir) {
    // Measurement only: extra model files from a scratch folder (never part of the product).
    const names = new Set(readdirSync(labModelsDir).filter((n) => /^[A-Za-z0-9._-]+\.(json|bin)$/.test(n)));
    app.get<{ Params: { name: string } }>('/lab-models/:name', async (request, reply) => {
      if (!names.has(request.params.name)) return reply.status(404).send({ error: 'NOT_FOUND' });
      return reply.type(request.params.name.endsWith('.json') ? 'application/json' : 'application/octet-stream').send(createReadStream(join(labModelsDir, request.params.name)));
    });
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: address };
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
