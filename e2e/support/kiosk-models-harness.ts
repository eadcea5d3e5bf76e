/**
 * Browser side of e2e/kiosk-models-worker.test.ts and bench/kiosk-models-bench.ts: runs the kiosk's
 * models (src/web/kiosk/camera/kiosk-models.ts) on camera frames both on the page and in the camera's
 * Web Worker (its own entry, served at /h/worker.js), and hands back the results or the timings.
 * Served by kiosk-models-server.ts.
 */
import type { FaceModelId } from '../../src/contracts/face';
import { readFromModels, transferablesOf, type FramePlan, type FrameResult, type ToModels } from '../../src/web/kiosk/camera/inference-protocol';
import { loadKioskModels, type KioskModels } from '../../src/web/kiosk/camera/kiosk-models';

export interface HarnessRun {
  page: FrameResult;
  worker: FrameResult;
  modelId: { page: string; worker: string };
}

/** Milliseconds per frame, median over the rounds: the whole frame as the camera waits for it, and the models alone. */
export interface SideTiming {
  frameMs: number;
  modelsMs: number;
}

export interface HarnessTiming {
  rounds: number;
  /** Face, mesh and iris only; with the hand models; with the recognition pipeline. */
  face: { worker: SideTiming; page: SideTiming };
  hands: { worker: SideTiming; page: SideTiming };
  describe: { worker: SideTiming; page: SideTiming };
}

async function frame(index: number): Promise<ImageData> {
  const response = await fetch(`/h/frame/${index}`);
  if (!response.ok) throw new Error(`frame ${index}: HTTP ${response.status}`);
  const width = Number(response.headers.get('x-width'));
  const height = Number(response.headers.get('x-height'));
  return new ImageData(new Uint8ClampedArray(await response.arrayBuffer()), width, height);
}

/** The camera's worker, spoken to as kiosk-inference.ts does. */
async function startWorker(model: FaceModelId, manifestUrl: string): Promise<{ modelId: string; analyse(image: ImageBitmap, plan: FramePlan): Promise<FrameResult>; stop(): void }> {
  const worker = new Worker('/h/worker.js', { type: 'module' });
  const post = (message: ToModels) => worker.postMessage(message, transferablesOf(message));
  let answer: ((data: unknown) => void) | null = null;
  const next = () => new Promise<unknown>((resolve) => (answer = resolve));
  worker.addEventListener('message', (event: MessageEvent) => answer?.(event.data));
  worker.addEventListener('error', (event) => answer?.({ type: 'load-failed', message: event.message }));
  const loading = next();
  post({ type: 'load', model, manifestUrl });
  const loaded = readFromModels(await loading);
  if (loaded?.type !== 'loaded') throw new Error(`worker: ${JSON.stringify(loaded)}`);
  let id = 0;
  return {
    modelId: loaded.modelId,
    async analyse(image, plan) {
      const reply = next();
      post({ type: 'frame', id: ++id, plan, image });
      const message = readFromModels(await reply);
      if (message?.type !== 'frame') throw new Error(`worker: ${JSON.stringify(message)}`);
      return message.result;
    },
    stop: () => worker.terminate(),
  };
}

const plan = (p: Partial<FramePlan>): FramePlan => ({ t: performance.now(), hands: false, flushHands: false, describe: false, previousHand: null, ...p });

async function run(model: FaceModelId, manifestUrl: string): Promise<HarnessRun> {
  const pixels = await frame(0);
  const asked = plan({ t: 1000, hands: true, flushHands: true, describe: true });
  const worker = await startWorker(model, manifestUrl);
  const inWorker = await worker.analyse(await createImageBitmap(pixels), asked);
  worker.stop();
  const models = await loadKioskModels(model, manifestUrl);
  const onPage = await models.analyse(await createImageBitmap(pixels), asked);
  return { page: onPage, worker: inWorker, modelId: { page: models.modelId, worker: worker.modelId } };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The same frames through the worker and the page, alternately (one side idle while the other works),
 * `rounds` times per kind of frame; the frames cycle so that Human's cache of a still scene never helps.
 */
async function time(model: FaceModelId, manifestUrl: string, frames: number, rounds: number): Promise<HarnessTiming> {
  const pictures = await Promise.all(Array.from({ length: frames }, (_, i) => frame(i)));
  const worker = await startWorker(model, manifestUrl);
  const page: KioskModels = await loadKioskModels(model, manifestUrl);
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const kinds = { face: {}, hands: { hands: true }, describe: { describe: true } } as const;
  const timing = { rounds } as HarnessTiming;
  for (const [kind, extra] of Object.entries(kinds) as Array<[keyof typeof kinds, Partial<FramePlan>]>) {
    const samples = { worker: { frame: [] as number[], models: [] as number[] }, page: { frame: [] as number[], models: [] as number[] } };
    // One frame of each kind first on each side: the first hand frame also empties Human's hand cache.
    for (let r = -1; r < rounds; r++) {
      const picture = pictures[(r + 1) % pictures.length]!;
      const p = plan({ ...extra, flushHands: r === -1 && kind === 'hands' });
      // Each side takes its picture as the camera does: a bitmap for the worker, a canvas on the page.
      let started = performance.now();
      const fromWorker = await worker.analyse(await createImageBitmap(picture), p);
      const workerMs = performance.now() - started;
      started = performance.now();
      context.putImageData(picture, 0, 0);
      const fromPage = await page.analyse(canvas, p);
      const pageMs = performance.now() - started;
      if (r < 0) continue;
      const models = (m: FrameResult['ms']) => m.flush + m.sensing + m.describe;
      samples.worker.frame.push(workerMs);
      samples.worker.models.push(models(fromWorker.ms));
      samples.page.frame.push(pageMs);
      samples.page.models.push(models(fromPage.ms));
    }
    timing[kind] = {
      worker: { frameMs: median(samples.worker.frame), modelsMs: median(samples.worker.models) },
      page: { frameMs: median(samples.page.frame), modelsMs: median(samples.page.models) },
    };
  }
  worker.stop();
  return timing;
}

declare global {
  interface Window {
    kioskModels: { run: typeof run; time: typeof time };
  }
}

window.kioskModels = { run, time };
document.title = 'kiosk-models ready';
