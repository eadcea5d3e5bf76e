/**
 * Browser side of e2e/kiosk-models-worker.test.ts: runs the kiosk's models (src/web/kiosk/camera/
 * kiosk-models.ts) on one picture twice, on the page and in the camera's Web Worker (its own entry,
 * served at /h/worker.js), and hands both results back for comparison.
 */
import type { FaceModelId } from '../../src/contracts/face';
import { readFromModels, transferablesOf, type FramePlan, type FrameResult, type ToModels } from '../../src/web/kiosk/camera/inference-protocol';
import { loadKioskModels } from '../../src/web/kiosk/camera/kiosk-models';

export interface HarnessRun {
  page: FrameResult;
  worker: FrameResult;
  modelId: { page: string; worker: string };
}

async function picture(): Promise<ImageData> {
  const response = await fetch('/h/frame.rgba');
  const width = Number(response.headers.get('x-width'));
  const height = Number(response.headers.get('x-height'));
  return new ImageData(new Uint8ClampedArray(await response.arrayBuffer()), width, height);
}

function inWorker(model: FaceModelId, manifestUrl: string, image: ImageBitmap, plan: FramePlan): Promise<{ modelId: string; result: FrameResult }> {
  const worker = new Worker('/h/worker.js', { type: 'module' });
  return new Promise((resolve, reject) => {
    let modelId = '';
    const post = (message: ToModels) => worker.postMessage(message, transferablesOf(message));
    worker.addEventListener('error', (e) => reject(new Error(`worker: ${e.message}`)));
    worker.addEventListener('message', (event: MessageEvent) => {
      const message = readFromModels(event.data);
      if (message?.type === 'loaded') {
        modelId = message.modelId;
        post({ type: 'frame', id: 1, plan, image });
      } else if (message?.type === 'frame') {
        worker.terminate();
        resolve({ modelId, result: message.result });
      } else {
        worker.terminate();
        reject(new Error(`worker: ${JSON.stringify(message)}`));
      }
    });
    post({ type: 'load', model, manifestUrl });
  });
}

async function run(model: FaceModelId, manifestUrl: string): Promise<HarnessRun> {
  const pixels = await picture();
  const plan: FramePlan = { t: 1000, hands: true, flushHands: true, describe: true, previousHand: null };
  const worker = await inWorker(model, manifestUrl, await createImageBitmap(pixels), plan);
  const models = await loadKioskModels(model, manifestUrl);
  const page = await models.analyse(await createImageBitmap(pixels), plan);
  return { page, worker: worker.result, modelId: { page: models.modelId, worker: worker.modelId } };
}

declare global {
  interface Window {
    kioskModels: { run: typeof run };
  }
}

window.kioskModels = { run };
document.title = 'kiosk-models ready';
