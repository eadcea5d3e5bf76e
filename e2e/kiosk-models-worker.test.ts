/**
 * The kiosk's models give the same answer in the camera's Web Worker as on the page, for each
 * recognition model the product knows: face-api (tfjs, the model every site has) and the Intel model
 * (onnxruntime-web, installed per site). Real models in headless Chromium, one development photo as a
 * 640×480 camera frame; the Intel model is read in place from ../shared/models (never copied into the
 * repository), served as an installed model would be.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MODELS, type FaceModelId } from '../src/contracts/face';
import type { HarnessRun } from './support/kiosk-models-harness';
import { HARNESS_MANIFEST_URL, startKioskModelsServer } from './support/kiosk-models-server';
import { launchBrowser, type E2eBrowser } from './support/browser';

const FACES = process.env.FACES_DIR ?? resolve(import.meta.dirname, '../../shared/data/faces/dev');
const PHOTO = 'deepface-07/img29.jpg';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot; // both L2-normalised
};

describe('the kiosk models in a Web Worker', () => {
  let server: Awaited<ReturnType<typeof startKioskModelsServer>>;
  let url: string;
  let browser: E2eBrowser;

  beforeAll(async () => {
    server = await startKioskModelsServer([join(FACES, PHOTO)]);
    url = server.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
        async ({ model, manifestUrl }) => {
          const r = await window.kioskModels.run(model, manifestUrl);
          // Float32Arrays do not survive the trip to the test as themselves.
          const plain = (x: HarnessRun['page']) => ({ ...x, descriptor: x.descriptor && { ...x.descriptor, template: x.descriptor.template && Array.from(x.descriptor.template) } });
          return { ...r, page: plain(r.page), worker: plain(r.worker) };
        },
        { model, manifestUrl: HARNESS_MANIFEST_URL },
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
